"""Every modal question the window's commands ask, behind one small service, so tests can answer them.

``QtDialogs`` is the real thing; a test hands the commands an object with the same methods instead, so no test
ever opens a modal dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.views.plain import ask, message_box


@dataclass(frozen=True)
class FileFilter:
    label: str  # "PNG image"
    suffix: str  # "png"

    @property
    def pattern(self) -> str:
        return f"{self.label} (*.{self.suffix})"


@dataclass(frozen=True)
class SaveChoice:
    path: Path
    suffix: str  # of the filter the user picked
    replace_confirmed: bool  # the dialog itself asked before choosing an existing file


class Dialogs(Protocol):
    def save_file(self, title: str, suggested: Path, filters: Sequence[FileFilter]) -> SaveChoice | None: ...
    def open_file(self, title: str, folder: Path, filters: Sequence[FileFilter]) -> Path | None: ...
    def confirm_replace(self, path: Path) -> bool: ...
    def confirm(self, title: str, question: str, yes: str) -> bool: ...
    def chart_width(self, title: str, width: int, aspect: float) -> int | None: ...
    def error(self, title: str, text: str) -> None: ...
    def show_markdown(self, title: str, markdown: str) -> None: ...


class ChartSizeDialog(QDialog):
    """Asks the width of an exported chart and shows the height that follows from the chart's shape."""

    def __init__(self, title: str, width: int, aspect: float, parent: QWidget | None = None) -> None:
        from planner.views.export_render import MAX_WIDTH, MIN_WIDTH  # PDF and image writers: loaded when used

        super().__init__(parent)
        self.setWindowTitle(title)
        self._aspect = aspect
        self.width_spin = QSpinBox()
        self.width_spin.setRange(MIN_WIDTH, MAX_WIDTH)
        self.width_spin.setSingleStep(100)
        self.width_spin.setSuffix(" px")
        self.width_spin.setValue(width)
        self.width_spin.setAccessibleName("Width in pixels")
        self.height_label = QLabel()
        self.height_label.setAccessibleName("Height in pixels")
        self.width_spin.valueChanged.connect(self._update_height)
        self._update_height(width)
        form = QFormLayout()
        label = QLabel("&Width:")
        label.setBuddy(self.width_spin)
        form.addRow(label, self.width_spin)
        form.addRow("Height:", self.height_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel("The height follows the chart's shape on screen.")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _update_height(self, width: int) -> None:
        self.height_label.setText(f"{round(width * self._aspect)} px")


class MarkdownDialog(QDialog):
    """A help page: Markdown shown in a read-only, keyboard-scrollable browser."""

    def __init__(self, title: str, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setAccessibleName(title)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.setMarkdown(markdown)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)  # open at the top
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(820, 680)


class QtDialogs:
    """The real dialogs, parented to the main window."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._pages: dict[str, MarkdownDialog] = {}

    def save_file(self, title: str, suggested: Path, filters: Sequence[FileFilter]) -> SaveChoice | None:
        dialog = QFileDialog(self._parent, title, str(suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters([f.pattern for f in filters])
        by_pattern = {f.pattern: f for f in filters}
        matching = next((f for f in filters if suggested.suffix.lower() == f".{f.suffix}"), filters[0])
        dialog.selectNameFilter(matching.pattern)
        dialog.setDefaultSuffix(matching.suffix)  # a typed name without suffix gets one before the overwrite check
        dialog.filterSelected.connect(
            lambda p: dialog.setDefaultSuffix(by_pattern[p].suffix if p in by_pattern else "")
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        files, chosen = dialog.selectedFiles(), by_pattern.get(dialog.selectedNameFilter(), matching)
        dialog.deleteLater()
        if not accepted or not files:
            return None
        # QFileDialog asks before returning an existing file (its ConfirmOverwrite option is on by default).
        return SaveChoice(Path(files[0]), chosen.suffix, replace_confirmed=True)

    def open_file(self, title: str, folder: Path, filters: Sequence[FileFilter]) -> Path | None:
        patterns = [f.pattern for f in filters] + ["All files (*)"]
        name, _filter = QFileDialog.getOpenFileName(self._parent, title, str(folder), ";;".join(patterns))
        return Path(name) if name else None

    def confirm_replace(self, path: Path) -> bool:
        answer = ask(
            self._parent,
            "Replace file?",
            f"{path.name} already exists in {path.parent}.\n\nReplace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm(self, title: str, question: str, yes: str) -> bool:
        box = message_box(self._parent, QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.Cancel)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        agreed = box.clickedButton() is yes_button
        box.deleteLater()
        return agreed

    def chart_width(self, title: str, width: int, aspect: float) -> int | None:
        dialog = ChartSizeDialog(title, width, aspect, self._parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.width_spin.value()
        dialog.deleteLater()
        return chosen if accepted else None

    def error(self, title: str, text: str) -> None:
        box = message_box(self._parent, QMessageBox.Icon.Warning, title, text)
        box.exec()
        box.deleteLater()

    def show_markdown(self, title: str, markdown: str) -> None:
        """A help page beside the window (not modal: the user can read it while using the app)."""
        page = self._pages.get(title)
        if page is None:
            page = self._pages[title] = MarkdownDialog(title, markdown, self._parent)
        page.show()
        page.raise_()
        page.activateWindow()
