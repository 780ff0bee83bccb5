"""Dialogs for salary data: the problems of a refused file, the changes of an accepted one, the data sources.

``QtDataDialogs`` implements ``presenters.data_pack.DataDialogs`` with real (modal) dialogs; tests hand the
presenter a fake instead, and build ``ProblemsDialog`` / ``ChangesDialog`` directly to read what they show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.domain.text import plain_tooltip
from planner.views.plain import ask, plain_label, tell

if TYPE_CHECKING:
    from planner.domain.dataset_diff import Change

_ROOT = QModelIndex()
CHANGE_MARKS = {"up": "▲ ", "down": "▼ ", "added": "+ ", "removed": "− ", "changed": "~ "}


class _RowsModel(QAbstractTableModel):
    """Rows of plain text, read-only, each cell's tooltip the same text: a view of any length opens at once
    (a 54,000-line list of changes from a large data pack included), where one item per cell took seconds."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers, self._rows = list(headers), rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(text)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def _table(name: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(name)
    table.setModel(_RowsModel(headers, rows, table))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setResizeContentsPrecision(200)  # widths from the first rows, not all of them
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ProblemsDialog(QDialog):
    """Every problem of a refused file: field path and reason, one row each."""

    def __init__(
        self, title: str, intro: str, problems: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("problemsDialog")
        label = plain_label(intro)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = _table("Problems", ("Field path", "Problem"), [(p or "(the whole file)", r) for p, r in problems])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)


class ChangesDialog(QDialog):
    """What an import would change; "Use this data" accepts, Cancel keeps the data in use."""

    def __init__(self, title: str, intro: str, changes: Sequence[Change], parent: QWidget | None = None) -> None:
        from planner.domain.dataset_diff import KIND_LABELS  # loaded with the first import of salary data

        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("changesDialog")
        label = plain_label(intro)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows = [
            (CHANGE_MARKS[c.kind] + KIND_LABELS[c.kind], c.what, c.old, c.new, c.delta_text, c.path) for c in changes
        ]
        self.table = _table("Changes", ("Change", "What", "Before", "After", "Difference", "Field path"), rows)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.use_button = self.buttons.addButton("&Use this data", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 480)


class DataSourcesDialog(QDialog):
    """Help > Data sources, in three tabs: the sources in plain words (what each is, when it was published or read,
    what it covers), every figure in a filterable table whose columns share the width (text wraps, nothing is cut
    off, no sideways scrolling), and the technical details (files, sizes, SHA-256 sums)."""

    # Each column's share of the table's width: the quote gets the most, the kind and the sources the least.
    COLUMN_SHARES = (2.6, 2.0, 2.2, 1.5, 1.4, 4.3)
    LARGEST = QSize(1100, 720)

    def __init__(
        self,
        sources_html: str,
        details_html: str,
        figures_note: str,
        model: QAbstractItemModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Data sources")
        self.setObjectName("dataSourcesDialog")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dataSourcesTabs")

        self.intro = QTextBrowser()
        self.intro.setObjectName("dataSourcesIntro")
        self.intro.setAccessibleName("Sources")
        self.intro.setHtml(sources_html)
        self.tabs.addTab(self.intro, "&Sources")

        figures = QWidget()
        note = plain_label(figures_note)
        note.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("dataSourcesFilter")
        self.filter.setAccessibleName("Filter figures")
        self.filter.setPlaceholderText("Filter: a figure, a source, a word of the quote...")
        self.filter.setClearButtonEnabled(True)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("dataSourcesTable")
        self.table.setAccessibleName("Sourced figures")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # the columns share the width (fit_columns)
        header.setStretchLastSection(False)  # the last column too: set before the rows are measured
        self.table.viewport().installEventFilter(self)
        self.proxy.layoutChanged.connect(self.table.resizeRowsToContents)  # sorted: rows keep their heights
        self.proxy.rowsInserted.connect(self.table.resizeRowsToContents)  # a filter cleared
        figures_layout = QVBoxLayout(figures)
        figures_layout.addWidget(note)
        figures_layout.addWidget(self.filter)
        figures_layout.addWidget(self.table, 1)
        self.tabs.addTab(figures, f"&Figures ({model.rowCount()})")

        self.details = QTextBrowser()
        self.details.setObjectName("dataSourcesDetails")
        self.details.setAccessibleName("Technical details")
        self.details.setHtml(details_html)
        self.tabs.addTab(self.details, "&Technical details")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        self.fit_within(screen.availableGeometry().size() if screen is not None else self.LARGEST)

    def fit_within(self, available: QSize) -> None:
        """As large as the screen allows (a margin left for the window's frame), at most ``LARGEST``."""
        self.resize(
            max(min(self.LARGEST.width(), available.width() - 40), 400),
            max(min(self.LARGEST.height(), available.height() - 60), 300),
        )

    def fit_columns(self) -> None:
        """Every column its share of the table's width, and every row as tall as its wrapped text."""
        width = self.table.viewport().width()
        header = self.table.horizontalHeader()
        shares = self.COLUMN_SHARES[: header.count()]
        total, left = sum(shares), width
        for column, share in enumerate(shares):
            size = int(width * share / total) if column < len(shares) - 1 else left  # the last takes the rest
            header.resizeSection(column, size)
            left -= size
        self.table.resizeRowsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return False


class CheckProgress:
    """A window-modal progress dialog while a data pack is checked (implements presenters.data_pack.Progress).
    It opens after a moment, so a small file is checked without a flash; Cancel, Escape or closing it cancels."""

    def __init__(
        self, parent: QWidget, title: str, text: str, steps: int, cancel: Callable[[], None], show_after_ms: int = 300
    ) -> None:
        dialog = QProgressDialog("", "Cancel", 0, steps, parent)
        dialog.setLabel(plain_label())  # the text names the file: shown as it is, never as markup
        dialog.setLabelText(text)
        dialog.setObjectName("checkProgress")
        dialog.setWindowTitle(title)
        dialog.setAccessibleName(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumDuration(show_after_ms)
        dialog.canceled.connect(cancel)
        dialog.setValue(0)  # starts the timer that shows the dialog
        self.dialog = dialog

    def step(self, done: int, text: str) -> None:
        self.dialog.setLabelText(text)
        self.dialog.setValue(done)

    def close(self) -> None:
        """The check ended: closed without counting as Cancel."""
        self.dialog.canceled.disconnect()
        self.dialog.close()
        self.dialog.deleteLater()


class QtDataDialogs:
    """The real dialogs (modal); implements presenters.data_pack.DataDialogs."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def choose_dataset_file(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self._parent, "Import salary data", "", "Salary data (*.json);;All files (*)"
        )
        return Path(name) if name else None

    def show_progress(self, title: str, text: str, steps: int, cancel: Callable[[], None]) -> CheckProgress:
        return CheckProgress(self._parent, title, text, steps, cancel)

    def show_problems(self, title: str, intro: str, problems: Sequence[tuple[str, str]]) -> None:
        ProblemsDialog(title, intro, problems, self._parent).exec()

    def review_changes(self, title: str, intro: str, changes: Sequence[Change]) -> bool:
        return ChangesDialog(title, intro, changes, self._parent).exec() == QDialog.DialogCode.Accepted

    def confirm(self, title: str, question: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = ask(self._parent, title, question, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str) -> None:
        tell(self._parent, QMessageBox.Icon.Information, title, text)
