"""The "Skills" tab: a checkable tree of the article's skills by level, progress per level, a filter and undo.

Passive: it shows what the presenter gives it and forwards the user's intents (filter text, "clear this level").
Ticks travel through the model the presenter owns, so a click, Space and Undo all take the same path.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from itertools import pairwise

from PySide6.QtCore import QAbstractItemModel, QDate, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.text import plain_tooltip
from planner.tabs.skills.presenter import Progress
from planner.tabs.skills.tree_model import ID_ROLE, KIND_ROLE, PLAN_ROLE
from planner.views.plain import ask, error_label, plain_label
from planner.views.step_button import StepButton
from planner.views.vertical_scroll import VerticalScrollArea


class SkillTree(QTreeView):
    """A tree whose Space key ticks the selected skill whichever column has the focus, and whose first column
    (the skill's name) takes the room the others leave but never less than ``NAME_WIDTH``: in a narrow window the
    tree scrolls sideways rather than squeeze the names away."""

    NAME_WIDTH = 170

    def fit_name_column(self) -> None:
        header = self.header()
        others = sum(header.sectionSize(c) for c in range(1, header.count()) if not header.isSectionHidden(c))
        width = max(self.viewport().width() - others, self.NAME_WIDTH)
        if header.sectionSize(0) != width:
            header.resizeSection(0, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_name_column()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and not event.modifiers():
            current = self.currentIndex()
            first = current.siblingAtColumn(0) if current.isValid() else QModelIndex()
            if first.isValid() and first.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                checked = first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value
                new_state = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
                self.model().setData(first, new_state, Qt.ItemDataRole.CheckStateRole)
                event.accept()
                return
        super().keyPressEvent(event)


class LevelProgressRow:
    """Label, bar and "clear" button of one level."""

    def __init__(self, level_id: str, parent: QWidget) -> None:
        self.level_id = level_id
        self.label = plain_label(parent=parent)
        self.bar = QProgressBar(parent)
        # The label above says "3 of 6"; text drawn on the bar itself comes out half in the chunk's colour and
        # half in the groove's (Fusion), which reads as "3 o|f 6".
        self.bar.setTextVisible(False)
        self.clear_button = QPushButton(parent)

    def show(self, p: Progress) -> None:
        self.label.setText(p.text)
        self.bar.setRange(0, max(p.total, 1))
        self.bar.setValue(p.done)
        self.bar.setAccessibleName(f"{p.name} progress")
        self.bar.setAccessibleDescription(p.text)
        self.clear_button.setText("Clear…")  # the label above names the level; the accessible name says it too
        self.clear_button.setAccessibleName(f"Clear this level: {p.name}")
        self.clear_button.setToolTip(
            plain_tooltip(f"Untick every skill of {p.name} (asks first; Undo brings them back)")
        )
        self.clear_button.setEnabled(p.done > 0)


class PlanEditor(QGroupBox):
    """The selected skill's place in the learning plan: a month and a year, "Plan" and "Remove from plan", and
    the message when a month is refused. Alt+B (Learn by), Alt+N (Plan) and Alt+M (Remove): the window already
    uses L, I, S, P, G (tabs), F, E, V, H (menus) and R (filter)."""

    plan_requested = Signal(str, int, int)  # skill id, year, month
    unplan_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Learning plan", parent)
        self.setObjectName("planEditor")
        self.skill_id: str | None = None
        self._shown: tuple[str | None, str, bool] | None = None
        self.status = plain_label()
        self.status.setObjectName("planStatus")
        self.status.setWordWrap(True)
        self.month = QComboBox()
        self.month.setObjectName("planMonth")
        self.month.setAccessibleName("Plan month")
        locale = QLocale()
        for m in range(1, 13):
            self.month.addItem(locale.standaloneMonthName(m), m)
        self.year = QSpinBox()
        self.year.setObjectName("planYear")
        self.year.setAccessibleName("Plan year")
        self.year.setRange(2000, 2100)
        self.year.setGroupSeparatorShown(False)
        inner = self.year.findChild(QLineEdit)
        if inner is not None:  # the spin box's own line edit takes the focus: it carries the name too
            inner.setAccessibleName("Plan year")
        learn_by = QLabel("Learn &by:")
        learn_by.setBuddy(self.month)
        self.plan_button = QPushButton("Pla&n")
        self.plan_button.setObjectName("planButton")
        self.plan_button.setAccessibleName("Plan this skill")
        self.plan_button.setToolTip(
            plain_tooltip("Put the selected skill in your learning plan for this month (or move it there)")
        )
        self.remove_button = QPushButton("Re&move from plan")
        self.remove_button.setObjectName("unplanButton")
        self.remove_button.setAccessibleName("Remove from plan")
        self.error = error_label("planError")
        self.error.setAccessibleName("Plan message")

        row = QHBoxLayout()
        row.addWidget(learn_by)
        row.addWidget(self.month, 1)
        row.addWidget(self.year)
        row.addWidget(self.plan_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.plan_button.clicked.connect(self._plan)
        self.remove_button.clicked.connect(self._unplan)
        self.show_skill(None, "", False, "")

    def _plan(self) -> None:
        if self.skill_id is not None:
            self.plan_requested.emit(self.skill_id, self.year.value(), int(self.month.currentData()))

    def _unplan(self) -> None:
        if self.skill_id is not None:
            self.unplan_requested.emit(self.skill_id)

    def show_skill(self, skill_id: str | None, planned: str, ticked: bool, name: str) -> None:
        """The selected row: a skill id (None for a level), its planned month (ISO, "" when not planned) and
        whether it is ticked. The month and year typed are kept while the same skill stays in the same state."""
        state = (skill_id, planned, ticked)
        if state == self._shown:
            return
        self._shown = state
        self.skill_id = skill_id
        self.show_error("")
        editable = skill_id is not None and not ticked
        for w in (self.month, self.year, self.plan_button):
            w.setEnabled(editable)
        self.remove_button.setEnabled(editable and bool(planned))
        when = QDate.fromString(planned, Qt.DateFormat.ISODate) if planned else QDate.currentDate().addYears(1)
        self.month.setCurrentIndex(when.month() - 1)
        self.year.setValue(when.year())
        if skill_id is None:
            text = "Select a skill to plan it."
        elif ticked:
            text = "Ticked: nothing to plan."
        elif planned:
            text = f"In your plan for {QLocale().standaloneMonthName(when.month())} {when.year()}."
        else:
            text = "Not planned yet."
        self.status.setText(text)
        self.setAccessibleDescription(f"{name}: {text}" if name else text)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        for w in (self.month, self.year):
            w.setAccessibleDescription(text)
            w.setToolTip(plain_tooltip(text))


class SkillsTab(QWidget):
    filter_changed = Signal(str)
    clear_level_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skillsTab")
        self._details_html = ""

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Type to filter skills by name, description or level")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter skills")
        self.filter_edit.textChanged.connect(self.filter_changed)
        filter_label = QLabel("Fil&ter:")
        filter_label.setBuddy(self.filter_edit)
        self.filter_status = QLabel()
        self.filter_status.setAccessibleName("Filter result")

        self.undo_button = StepButton("Undo")
        self.redo_button = StepButton("Redo")
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None

        self.tree = SkillTree()
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_columns)
        self.setFocusProxy(self.tree)  # Ctrl+3 puts the focus on the skills (Tab from the tabs: the filter)
        self.tree.setObjectName("skillsTree")
        self.tree.setAccessibleName("Skills by level")
        self.tree.setAccessibleDescription("Tick the skills you have; Space ticks or unticks the selected skill.")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        hint = QLabel("Tick the skills you have: click a box, or select a skill and press Space. Ctrl+Z undoes.")
        hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.filter_status)
        top.addSpacing(12)
        top.addWidget(self.undo_button)
        top.addWidget(self.redo_button)

        self.progress_box = QGroupBox("Your progress")
        self.progress_grid = QGridLayout(self.progress_box)
        self.overall_label = plain_label()
        self.overall_bar = QProgressBar()
        self.overall_bar.setTextVisible(False)  # the label says it (see LevelProgressRow)
        self.overall_bar.setAccessibleName("Overall progress")
        self.progress_grid.addWidget(self.overall_label, 0, 0, 1, 2)
        self.progress_grid.addWidget(self.overall_bar, 1, 0, 1, 2)
        self.progress_grid.setRowStretch(99, 1)
        self.level_rows: dict[str, LevelProgressRow] = {}

        self.next_box = QGroupBox("Next skills to learn")
        self.next_label = QLabel()
        self.next_label.setObjectName("nextSkills")
        self.next_label.setWordWrap(True)
        self.next_label.setTextFormat(Qt.TextFormat.RichText)
        self.next_label.setAccessibleName("Next skills to learn")
        self.next_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.next_box).addWidget(self.next_label)

        # The selected skill in full: what the article says about it, its description, what it adds.
        self.details = QTextBrowser()
        self.details.setObjectName("skillDetails")
        self.details.setAccessibleName("Selected skill details")
        self.details.setOpenLinks(False)
        self.details.setMinimumWidth(180)
        self.plan_editor = PlanEditor()
        self.plan_requested = self.plan_editor.plan_requested
        self.unplan_requested = self.plan_editor.unplan_requested
        self.plan_box = QGroupBox("Your learning plan")
        self.plan_box.setObjectName("planBox")
        self.plan_label = QLabel()
        self.plan_label.setObjectName("planList")
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.RichText)
        self.plan_label.setAccessibleName("Your learning plan")
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.plan_box).addWidget(self.plan_label)

        side_box = QWidget()
        side = QVBoxLayout(side_box)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.progress_box)
        side.addWidget(self.plan_box)
        side.addWidget(self.next_box)
        side.addStretch(1)
        # Progress, the plan and the next skills may need more height than a small window has: they scroll.
        self.side = VerticalScrollArea()
        self.side.setWidget(side_box)
        self.side.setWidgetResizable(True)
        self.side.setFrameShape(QFrame.Shape.NoFrame)
        self.side.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side.setObjectName("skillsSide")
        self.tree.setMinimumWidth(280)
        # The selected skill's plan, under the tree: it belongs to the selected row.
        left = QWidget()
        left.setObjectName("skillsLeft")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.plan_editor)

        # The checklist takes most of the width; the selected skill's details above progress, plan and next skills.
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("skillsRight")
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(self.details)
        self.right.addWidget(self.side)
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 3)
        self.right.setSizes([200, 300])
        self.details.setMinimumHeight(90)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("skillsColumns")  # a new name: a layout saved for three columns would not fit
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 340])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.splitter, 1)

    # --- wiring --------------------------------------------------------------------------------------------

    def set_model(self, model: QAbstractItemModel) -> None:
        self.tree.setModel(model)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._section_resized)
        model.rowsInserted.connect(self.tree.expandAll)
        model.layoutChanged.connect(self.tree.expandAll)
        model.modelReset.connect(self.tree.expandAll)
        model.columnsInserted.connect(self._resize_columns)
        self._resize_columns()
        self.tree.expandAll()
        self.tree.selectionModel().currentChanged.connect(lambda _c, _p: self._show_details())
        model.dataChanged.connect(lambda _a, _b, _r=(): self._show_details())
        model.dataChanged.connect(self._fit_columns_soon)
        model.layoutChanged.connect(self._fit_columns_soon)
        model.rowsInserted.connect(self._fit_columns_soon)
        model.rowsRemoved.connect(self._fit_columns_soon)
        model.modelReset.connect(self._fit_columns_soon)
        model.modelReset.connect(self._show_details)
        first = model.index(0, 0)
        if first.isValid():  # the first skill, so the details pane shows what a skill's details look like
            skill = model.index(0, 0, first)
            self.tree.setCurrentIndex(skill if skill.isValid() else first)
        self._show_details()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column:  # another column grew or shrank: the name takes the rest
            self.tree.fit_name_column()

    def _show_details(self) -> None:
        """The current row's texts from the model (its tooltips: the presenter's words), in the details pane."""
        current = self.tree.currentIndex()
        if not current.isValid():
            self.plan_editor.show_skill(None, "", False, "")
            self.details.setHtml("<p>Select a skill to read what the article says about it.</p>")
            return
        row = current.siblingAtColumn(0)
        if row.data(KIND_ROLE) == "skill":
            checked = row.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value
            plan = str(row.data(PLAN_ROLE) or "")
            self.plan_editor.show_skill(str(row.data(ID_ROLE)), plan, checked, str(row.data()))
        else:
            self.plan_editor.show_skill(None, "", False, "")
        parts = [str(row.data(Qt.ItemDataRole.ToolTipRole) or escape(str(row.data() or "")))]
        model = self.tree.model()
        for column in range(1, model.columnCount()):
            cell = row.siblingAtColumn(column)
            title = model.headerData(column, Qt.Orientation.Horizontal)
            text, tip = cell.data(), cell.data(Qt.ItemDataRole.ToolTipRole)
            if text or tip:
                plain_tip = str(tip or "")
                repeats = not plain_tip or plain_tip == text or plain_tip.startswith(str(title))
                detail = "" if repeats else f"<br>{escape(plain_tip)}"
                parts.append(f"<p><b>{escape(str(title))}:</b> {escape(str(text or ''))}{detail}</p>")
        html = "".join(parts)
        if html != self._details_html:
            self._details_html = html
            self.details.setHtml(html)

    def _resize_columns(self) -> None:
        """Columns after the name fit their contents. Not ResizeToContents: that lays out and repaints the whole
        tree on every change of any cell (each tick); a change is measured once the event loop is free, and only a
        column whose widest text changed is resized."""
        model = self.tree.model()
        if model is None:
            return
        header = self.tree.header()
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._fit_columns()

    def _fit_columns_soon(self) -> None:
        self._fit_timer.start()

    def _fit_columns(self) -> None:
        model, header = self.tree.model(), self.tree.header()
        if model is None:
            return
        for column in range(1, model.columnCount()):
            width = max(self.tree.sizeHintForColumn(column), header.sectionSizeHint(column))
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def set_undo_actions(self, undo: QAction, redo: QAction) -> None:
        """Show the window's Edit > Undo and Redo as buttons. The window owns their shortcuts (Ctrl+Z works on
        every tab), so the tab adds none of its own and no key is ever bound twice."""
        self.undo_action, self.redo_action = undo, redo
        for action, button in ((undo, self.undo_button), (redo, self.redo_button)):
            button.setDefaultAction(action)
            button.show_step(action)

    # --- the presenter's calls ----------------------------------------------------------------------------

    def show_progress(self, levels: Sequence[Progress], overall: Progress) -> None:
        self.overall_label.setText(overall.text)
        self.overall_bar.setRange(0, max(overall.total, 1))
        self.overall_bar.setValue(overall.done)
        self.overall_bar.setAccessibleDescription(overall.text)
        rebuild = [p.level_id for p in levels] != list(self.level_rows)
        if rebuild:
            self._build_level_rows([p.level_id for p in levels if p.level_id is not None])
        for p in levels:
            if p.level_id is not None:
                self.level_rows[p.level_id].show(p)
        if rebuild:
            self.side.updateGeometry()

    def _build_level_rows(self, level_ids: list[str]) -> None:
        for row in self.level_rows.values():
            for w in (row.label, row.bar, row.clear_button):
                w.deleteLater()
        self.level_rows = {}
        for n, level_id in enumerate(level_ids):
            row = LevelProgressRow(level_id, self.progress_box)
            row.clear_button.clicked.connect(lambda _=False, lid=level_id: self.clear_level_requested.emit(lid))
            grid_row = 2 + 2 * n
            self.progress_grid.addWidget(row.label, grid_row, 0, 1, 2)
            self.progress_grid.addWidget(row.bar, grid_row + 1, 0)
            self.progress_grid.addWidget(row.clear_button, grid_row + 1, 1)
            self.level_rows[level_id] = row
        self._set_tab_order()

    def _set_tab_order(self) -> None:  # as laid out: the top row, the left pane (the tree, then its plan), the right
        e = self.plan_editor
        chain = [self.filter_edit, self.undo_button, self.redo_button, self.tree, e.month, e.year, e.plan_button]
        chain += [e.remove_button, self.details, *(row.clear_button for row in self.level_rows.values())]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def show_next_skills(self, html: str, plain: str) -> None:
        self.next_label.setText(html)
        self.next_label.setAccessibleDescription(plain)

    def show_plan(self, html: str, plain: str) -> None:
        self.plan_label.setText(html)
        self.plan_label.setAccessibleDescription(plain)

    def show_plan_error(self, text: str) -> None:
        self.plan_editor.show_error(text)

    def show_filter_status(self, text: str) -> None:
        self.filter_status.setText(text)
        self.tree.expandAll()

    def confirm(self, question: str) -> bool:
        answer = ask(
            self,
            "Clear ticks",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
