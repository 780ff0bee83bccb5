"""The scenario dialog: a name and what the scenario changes from today's path. Every box starts at "as today's
path"; an empty assumption keeps today's path's value (shown as the field's placeholder).

The dialog holds no rules: "Save" emits the values, the presenter answers with a message per refused field (shown
next to it, the dialog stays open with what the user typed) or nothing, and the dialog closes.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from planner.presenters.choices import Choice
from planner.tabs.projection.scenarios import FormValues, PlanMode, ScenarioForm
from planner.views.plain import error_label, plain_label

PLAN_MODES: tuple[tuple[PlanMode, str], ...] = (
    ("today", "Today's learning plan"),
    ("none", "No planned skills"),
    ("own", "Its own plan (below)"),
)


SHIFT = Qt.KeyboardModifier.ShiftModifier
COMBO_CHARS = 18  # a choice box is as wide as this many characters, or wider when the dialog is: never its longest item


def narrow_combo(combo: QComboBox) -> QComboBox:
    """A choice box whose width follows the dialog, not its longest item (a market area's name is 60 characters);
    its list opens as wide as its items (up to the screen's width), and each item's tooltip is its whole text."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARS)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    view = combo.view()
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    metrics = view.fontMetrics()
    widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    widest += 4 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 16  # the item's margins
    screen = combo.screen().availableGeometry().width() if combo.screen() is not None else widest
    view.setMinimumWidth(min(widest + view.verticalScrollBar().sizeHint().width(), screen))
    for i in range(combo.count()):
        combo.setItemData(i, combo.itemText(i), Qt.ItemDataRole.ToolTipRole)
    return combo


def month_width(month: QDateEdit) -> int:
    """The box's width for its longest month's name (its size hint measures the earliest and latest dates only)."""
    metrics, locale = month.fontMetrics(), month.locale()
    shown = (locale.toString(month.minimumDate(), month.displayFormat()), month.text())
    extra = month.sizeHint().width() - max(metrics.horizontalAdvance(text) for text in shown)
    names = (locale.toString(QDate(2000, m, 1), month.displayFormat()) for m in range(1, 13))
    return extra + max(metrics.horizontalAdvance(name) for name in names)


def _combo(name: str, choices: list[Choice], current: str | None) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for choice in choices:
        combo.addItem(choice.label, choice.value)  # addItem shows plain text
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return narrow_combo(combo)


class TabMovesOn(QObject):
    """Tab and Shift+Tab in a box of the plan's table move on along the dialog's tab order, as everywhere else
    (the table's delegate would take Tab to move between its cells, and stop twice on a month)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(watched, QWidget)):
            return False
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or event.modifiers() & ~SHIFT:
            return False  # Ctrl+Tab and the like: as the box does them
        window = watched.window()
        if not isinstance(window, QDialog):
            return False
        window.focusNextPrevChild(event.key() == Qt.Key.Key_Tab and not event.modifiers() & SHIFT)
        return True


class ScenarioDialog(QDialog):
    submitted = Signal(object)  # FormValues

    def __init__(self, form: ScenarioForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        values = form.values
        self.setWindowTitle("New scenario" if form.scenario_id is None else f"Scenario: {values.name}")
        self.setObjectName("scenarioDialog")
        self.errors: dict[str, QLabel] = {}

        self.name = QLineEdit(values.name)
        self.name.setAccessibleName("Scenario name")
        self.name.setMaxLength(60)
        self.offer = _combo("Job offer", form.offers, values.offer)
        self.industry = _combo("Industry", form.industries, values.industry)
        self.employer = _combo("Employer", form.employers, values.employer)
        self.level = _combo("Today's level", form.levels, values.level)
        self.area = _combo("Market area (BLS wages)", form.areas, values.market_area)
        self.plan_mode = QComboBox()
        self.plan_mode.setAccessibleName("Learning plan")
        for mode, label in PLAN_MODES:
            self.plan_mode.addItem(label, mode)
        self.plan_mode.setCurrentIndex(max(self.plan_mode.findData(values.plan_mode), 0))
        narrow_combo(self.plan_mode)

        form_layout = QFormLayout()
        self._row(form_layout, "&Name", self.name, "name")
        self._row(form_layout, "Job &offer", self.offer, "offer")
        offer_note = plain_label(
            "An offer brings its base salary and bonus, its sign-on in its first year and its equity as it vests "
            "(the Offers tab's figures)."
        )
        offer_note.setWordWrap(True)
        form_layout.addRow(offer_note)
        self._row(form_layout, "&Industry", self.industry, "industry")
        self._row(form_layout, "E&mployer", self.employer, "employer")
        self._row(form_layout, "Today's &level", self.level, "level")
        if form.areas:  # the BLS wages are installed
            self._row(form_layout, "M&arket area", self.area, "market_area")
        self._row(form_layout, "Learning &plan", self.plan_mode, "plan")

        # --- its own plan --------------------------------------------------------------------------------------
        self._tab_moves_on = TabMovesOn(self)
        self.plan_table = QTableWidget(0, 2)
        self.plan_table.setObjectName("scenarioPlan")
        self.plan_table.setAccessibleName("The scenario's learning plan")
        self.plan_table.setHorizontalHeaderLabels(["Skill", "Learn by"])
        self.plan_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # "Learn by" as wide as its longest month ("September 2027") and its header: the skill takes the rest.
        self.plan_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.plan_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.plan_table.verticalHeader().hide()
        self.plan_table.setTabKeyNavigation(False)
        self.plan_table.setMinimumHeight(110)
        self.add_skill = QPushButton("&Add a skill")
        self.remove_skill = QPushButton("Remo&ve skill")
        self.add_skill.clicked.connect(lambda: self.add_plan_row(None, None))
        self.remove_skill.clicked.connect(self._remove_plan_row)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.add_skill)
        plan_buttons.addWidget(self.remove_skill)
        plan_buttons.addStretch(1)
        self.plan_box = QWidget()
        plan_layout = QVBoxLayout(self.plan_box)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(self.plan_table)
        plan_layout.addLayout(plan_buttons)
        form_layout.addRow(self.plan_box)
        for skill_id, by in values.plan:
            self.add_plan_row(skill_id, by)
        self.plan_mode.currentIndexChanged.connect(self._plan_mode_changed)
        self._plan_mode_changed()

        # --- assumptions -------------------------------------------------------------------------------------
        assume = QGroupBox("Assumptions (empty: as today's path)")
        assume_form = QFormLayout(assume)
        self.assumptions: dict[str, QLineEdit] = {}
        for key, (label, today) in form.assumption_labels.items():
            edit = QLineEdit(values.assumptions.get(key, ""))
            edit.setPlaceholderText(f"as today's path: {today}" if today else "as today's path")
            edit.setAccessibleName(label)
            self.assumptions[key] = edit
            self._row(assume_form, label, edit, key)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(form_layout)
        inner_layout.addWidget(assume)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.scroll_area, self.inner, self.column = scroll, inner, layout
        self._set_tab_order()
        self._fit_to_screen()
        self.name.setFocus()
        self.name.selectAll()

    def _fit_to_screen(self) -> None:
        """Never narrower than its content (the scroll area only scrolls down), as tall as the content up to the
        screen's height, on any screen from 1024×640 to 1920×1080 and at 200 %."""
        frame = 2 * self.scroll_area.frameWidth()
        upright = self.scroll_area.verticalScrollBar().sizeHint().width()
        self.scroll_area.setMinimumWidth(self.inner.minimumSizeHint().width() + upright + frame)
        screen = self.screen().availableGeometry()
        hint = self.inner.sizeHint()
        margins = self.column.contentsMargins()
        chrome = margins.top() + margins.bottom() + self.column.spacing() + self.buttons.sizeHint().height()
        width = max(self.minimumSizeHint().width(), 560)
        height = min(hint.height() + frame + chrome, screen.height() - 60)  # room for the title bar
        self.resize(min(width, screen.width() - 20), max(height, min(360, screen.height() - 60)))

    def _row(self, form: QFormLayout, label: str, widget: QWidget, key: str) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        error = error_label(f"scenarioError_{key}")
        column.addWidget(error)
        self.errors[key] = error
        title = QLabel(label)
        title.setBuddy(widget)
        title.setWordWrap(True)
        form.addRow(title, box)

    # --- the plan's rows ---------------------------------------------------------------------------------------

    def add_plan_row(self, skill_id: str | None, by: dt.date | None) -> None:
        row = self.plan_table.rowCount()
        self.plan_table.insertRow(row)
        skill = _combo(f"Skill to learn, row {row + 1}", self.form.skills, skill_id)
        month = QDateEdit()
        month.setDisplayFormat("MMMM yyyy")
        month.setAccessibleName(f"Learn by (month), row {row + 1}")
        first = self.form.first_month
        month.setMinimumDate(QDate(first.year, first.month, 1).addYears(-50))  # a past month is refused with a word
        start = by or dt.date(first.year + 1, first.month, 1)
        month.setDate(QDate(start.year, start.month, 1))
        self.plan_table.setCellWidget(row, 0, skill)
        self.plan_table.setCellWidget(row, 1, month)
        header = self.plan_table.horizontalHeader()
        header.resizeSection(1, max(header.sectionSize(1), header.sectionSizeHint(1), month_width(month)))
        for box in (skill, month):  # after setCellWidget: this filter runs before the table's delegate's
            box.installEventFilter(self._tab_moves_on)
        self.plan_table.setCurrentCell(row, 0)
        self._set_tab_order()

    def _remove_plan_row(self) -> None:
        row = self.plan_table.currentRow()
        if row >= 0:
            self.plan_table.removeRow(row)
            for r in range(row, self.plan_table.rowCount()):  # the rows after it move up: their names say so
                for column, name in ((0, "Skill to learn"), (1, "Learn by (month)")):
                    widget = self.plan_table.cellWidget(r, column)
                    if widget is not None:
                        widget.setAccessibleName(f"{name}, row {r + 1}")
            self._set_tab_order()

    def plan_widgets(self) -> list[QWidget]:
        """The plan's boxes, row by row: the skill, then its month."""
        table = self.plan_table
        cells = (table.cellWidget(r, c) for r in range(table.rowCount()) for c in (0, 1))
        return [w for w in cells if w is not None]

    def _set_tab_order(self) -> None:
        """Tab follows the dialog from top to bottom: the fields, the plan row by row and its buttons, the
        assumptions, then Save and Cancel."""
        if not hasattr(self, "buttons"):  # rows added while the dialog is being built: ordered at its end
            return
        chain: list[QWidget] = [
            self.name,
            self.offer,
            self.industry,
            self.employer,
            self.level,
            *([self.area] if self.form.areas else []),
            self.plan_mode,
            self.plan_table,
            *self.plan_widgets(),
            self.add_skill,
            self.remove_skill,
            *self.assumptions.values(),
            *self.buttons.buttons(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _plan_mode_changed(self) -> None:
        self.plan_box.setEnabled(self.plan_mode.currentData() == "own")

    def plan_rows(self) -> list[tuple[str, dt.date]]:
        rows = []
        for r in range(self.plan_table.rowCount()):
            skill = self.plan_table.cellWidget(r, 0)
            month = self.plan_table.cellWidget(r, 1)
            assert isinstance(skill, QComboBox)
            assert isinstance(month, QDateEdit)
            if skill.currentData() is None:
                continue
            day = month.date()
            rows.append((str(skill.currentData()), dt.date(day.year(), day.month(), 1)))
        return rows

    # --- submitting --------------------------------------------------------------------------------------------

    def values(self) -> FormValues:
        return FormValues(
            name=self.name.text(),
            industry=self.industry.currentData(),
            employer=self.employer.currentData(),
            offer=self.offer.currentData(),
            level=self.level.currentData(),
            market_area=self.area.currentData(),
            plan_mode=self.plan_mode.currentData(),
            plan=self.plan_rows(),
            assumptions={key: edit.text() for key, edit in self.assumptions.items()},
        )

    def _submit(self) -> None:
        self.submitted.emit(self.values())

    def show_errors(self, errors: dict[str, str]) -> None:
        """A message next to each refused field (the first one takes the focus), or close when there are none."""
        widgets = {"name": self.name, "plan": self.plan_mode, **self.assumptions}
        for key, label in self.errors.items():
            message = errors.get(key, "")
            label.setText(message)
            label.setVisible(bool(message))
            if key in widgets:
                widgets[key].setAccessibleDescription(message)
        if not errors:
            self.accept()
            return
        first = next(k for k in self.errors if k in errors)
        widget = widgets.get(first)
        if widget is not None:
            widget.setFocus()
