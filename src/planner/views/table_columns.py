"""Tables that fit their width: the main columns always shown, the others shown while there is room or when the
user asks for them, never a sideways scroll bar unless the user chose more columns than fit.

A column is known by a key its model gives as the header's ``Qt.UserRole`` (the header text when it gives none), so
a choice survives new figures, a new year in a header, or columns added in front of it. The user chooses in a menu
of checkable column names: a right click on the header or in the table, the Menu key or Shift+F10 in the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QMenu, QStyle, QTableView

KEY_ROLE = Qt.ItemDataRole.UserRole  # a model's headerData(section, Horizontal, KEY_ROLE): the column's key
MENU_HINT = "Right-click a header, or press the Menu key in the table, to choose the columns shown"


@dataclass(frozen=True)
class ColumnPlan:
    """Which columns a table keeps, which it hides until asked, and which it lets go first when room runs short.

    ``drop_first``: optional keys hidden first, in this order; the other optional columns are hidden after them,
    from the right. ``max_chars``: the widest a column is sized to, in average characters (its header and cells
    are then shortened with "…", in full in their tooltips); 0 for no limit, ``widths`` per key."""

    main: frozenset[str]
    hidden: frozenset[str] = frozenset()
    drop_first: tuple[str, ...] = ()
    max_chars: int = 0
    widths: dict[str, int] = field(default_factory=dict)
    rows_to_contents: bool = False  # rows as tall as their wrapped text, after the columns change
    # Headers shortened with "…" to the width; False for headers on two lines (Qt would shorten them as one line):
    # those are as wide as their longer line.
    elide_headers: bool = True


class TableColumns(QObject):
    """Fits ``table``'s columns to its width by ``plan`` and offers the user the choice (``menu``)."""

    def __init__(self, table: QTableView, plan: ColumnPlan) -> None:
        super().__init__(table)
        self.table = table
        self.plan = plan
        self.chosen: dict[str, bool] = {}  # the user's choices, by key: shown or hidden whatever the width
        self._natural: dict[str, int] = {}  # each column's width sized to its header and cells (capped)
        self._fitting = False
        self.menu = QMenu(table)
        self.menu.setObjectName(f"{table.objectName()}Columns")
        self.menu.setTitle("Columns")
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight if plan.elide_headers else Qt.TextElideMode.ElideNone)
        header.setAccessibleDescription(MENU_HINT)
        table.setAccessibleDescription(MENU_HINT)
        for widget in (header, table):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(lambda pos, w=widget: self.popup(w.mapToGlobal(pos)))
        shortcut = QShortcut(QKeySequence("Shift+F10"), table)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._popup_at_current)
        table.viewport().installEventFilter(self)
        table.installEventFilter(self)
        self._model_connected: QObject | None = None
        self.attach()

    # --- the model ---------------------------------------------------------------------------------------------

    def attach(self) -> None:
        """Follow the table's model (call again after ``setModel``)."""
        model = self.table.model()
        if model is None or model is self._model_connected:
            return
        self._model_connected = model
        model.modelReset.connect(self.measure)
        model.columnsInserted.connect(self.measure)
        model.columnsRemoved.connect(self.measure)
        model.headerDataChanged.connect(self.measure)
        self.measure()

    def key(self, section: int) -> str:
        model = self.table.model()
        key = model.headerData(section, Qt.Orientation.Horizontal, KEY_ROLE)
        return str(key) if key is not None else self.title(section)

    def title(self, section: int) -> str:
        text = self.table.model().headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        return " ".join(str(text or "").split())  # a header on two lines is one name in the menu

    def column_keys(self) -> list[str]:
        model = self.table.model()
        return [self.key(c) for c in range(model.columnCount())] if model is not None else []

    def measure(self, *_args: object) -> None:
        """Size every column to its header and cells (at most the plan's width): when the columns change, not on
        every new figure (measuring every cell costs a frame's time)."""
        model = self.table.model()
        if model is None:
            return
        header = self.table.horizontalHeader()
        average = self.table.fontMetrics().averageCharWidth()
        padding = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
        self._natural = {}
        for section in range(model.columnCount()):
            key = self.key(section)
            cells, title = self.table.sizeHintForColumn(section), header.sectionSizeHint(section)
            chars = self.plan.widths.get(key, self.plan.max_chars)
            cap = chars * average + padding if chars else max(cells, title)
            width = max(min(cells, cap), min(title, cap) if self.plan.elide_headers else title)
            self._natural[key] = width
            header.resizeSection(section, width)  # a hidden section keeps it for when it is shown
        self.fit()
        if self.plan.rows_to_contents:
            self.table.resizeRowsToContents()

    # --- fitting -----------------------------------------------------------------------------------------------

    def available_width(self) -> int:
        """The viewport's width once no sideways scroll bar is needed (less the upright one when the rows need it)."""
        table = self.table
        size = table.maximumViewportSize()  # inside the frame and the headers, without scroll bars
        width = size.width()
        policy = table.verticalScrollBarPolicy()
        if policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOn or (
            policy != Qt.ScrollBarPolicy.ScrollBarAlwaysOff and table.verticalHeader().length() > size.height()
        ):
            width -= table.verticalScrollBar().sizeHint().width()
        return width

    def shown_by_default(self, key: str) -> bool:
        return key not in self.plan.hidden

    def fit(self) -> None:
        """Show the main columns, the ones the user chose and as many others as fit; hide the rest."""
        model = self.table.model()
        if model is None or self._fitting:
            return
        self._fitting = True
        try:
            header = self.table.horizontalHeader()
            keys = self.column_keys()
            shown = {k for k in keys if k in self.plan.main or self.chosen.get(k, self.shown_by_default(k))}
            free = [k for k in keys if k in shown and k not in self.plan.main and k not in self.chosen]
            order = [k for k in self.plan.drop_first if k in free]
            order += [k for k in reversed(free) if k not in order]
            room = self.available_width()
            needed = sum(self._natural.get(k, header.defaultSectionSize()) for k in keys if k in shown)
            for key in order:
                if needed <= room:
                    break
                shown.discard(key)
                needed -= self._natural.get(key, 0)
            changed = False
            for section, key in enumerate(keys):
                if header.isSectionHidden(section) == (key in shown):
                    header.setSectionHidden(section, key not in shown)
                    changed = True
            if changed and self.plan.rows_to_contents:
                self.table.resizeRowsToContents()
        finally:
            self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and not self._fitting:
            self.fit()
        elif (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Menu
        ):
            self._popup_at_current()  # taken here: the platform's context menu event does not follow
            return True
        return False

    # --- the user's choice -------------------------------------------------------------------------------------

    def set_shown(self, key: str, shown: bool) -> None:
        """The user's choice for one column: kept whatever the width (a sideways scroll bar if they ask for it)."""
        if key in self.plan.main:
            return
        self.chosen[key] = shown
        self.fit()

    def reset(self) -> None:
        """Back to the plan: the columns that fit, the main ones first."""
        self.chosen.clear()
        self.fit()

    def shown_keys(self) -> list[str]:
        header = self.table.horizontalHeader()
        return [k for c, k in enumerate(self.column_keys()) if not header.isSectionHidden(c)]

    def build_menu(self) -> QMenu:
        """The menu of checkable column names (the main ones checked and greyed: always shown)."""
        self.menu.clear()
        header = self.table.horizontalHeader()
        model = self.table.model()
        for section in range(model.columnCount() if model is not None else 0):
            key = self.key(section)
            action = QAction(self.title(section), self.menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.setEnabled(key not in self.plan.main)
            action.setData(key)
            action.toggled.connect(lambda on, k=key: self.set_shown(k, on))
            self.menu.addAction(action)
        self.menu.addSeparator()
        reset = QAction("Columns that fit the width", self.menu)
        reset.setToolTip("Forget the columns chosen: the main ones and as many others as fit")
        reset.triggered.connect(self.reset)
        self.menu.addAction(reset)
        return self.menu

    def popup(self, at: QPoint) -> None:
        self.build_menu().popup(at)

    def _popup_at_current(self) -> None:
        table = self.table
        rect = table.visualRect(table.currentIndex()) if table.currentIndex().isValid() else table.viewport().rect()
        self.popup(table.viewport().mapToGlobal(rect.center()))


def fit_columns(table: QTableView, plan: ColumnPlan) -> TableColumns:
    """The table's column fitter, made once (a second call after ``setModel`` follows the new model)."""
    fitter = table.findChild(TableColumns)
    if fitter is None:
        return TableColumns(table, plan)
    fitter.plan = plan
    fitter.attach()
    return fitter
