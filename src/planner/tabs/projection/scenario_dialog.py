"""The scenario dialog: a name and what the scenario changes from today's path. Every box starts at "as today's
path"; an empty assumption keeps today's path's value (shown as the field's placeholder).

The dialog holds no rules: "Save" emits the values, the presenter answers with a message per refused field (shown
next to it, the dialog stays open with what the user typed) or nothing, and the dialog closes.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
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


def _combo(name: str, choices: list[Choice], current: str | None) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for choice in choices:
        combo.addItem(choice.label, choice.value)  # addItem shows plain text
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


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

        form_layout = QFormLayout()
        self._row(form_layout, "&Name", self.name, "name")
        self._row(form_layout, "Job &offer", self.offer, "offer")
        offer_note = plain_label("An offer brings its base salary, bonus and equity (averaged over four years).")
        offer_note.setWordWrap(True)
        form_layout.addRow(offer_note)
        self._row(form_layout, "&Industry", self.industry, "industry")
        self._row(form_layout, "E&mployer", self.employer, "employer")
        self._row(form_layout, "Today's &level", self.level, "level")
        if form.areas:  # the BLS wages are installed
            self._row(form_layout, "M&arket area", self.area, "market_area")
        self._row(form_layout, "Learning &plan", self.plan_mode, "plan")

        # --- its own plan --------------------------------------------------------------------------------------
        self.plan_table = QTableWidget(0, 2)
        self.plan_table.setObjectName("scenarioPlan")
        self.plan_table.setAccessibleName("The scenario's learning plan")
        self.plan_table.setHorizontalHeaderLabels(["Skill", "Learn by"])
        self.plan_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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
        self.resize(560, 620)
        self.name.setFocus()
        self.name.selectAll()

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
        skill = _combo("Skill to learn", self.form.skills, skill_id)
        month = QDateEdit()
        month.setDisplayFormat("MMMM yyyy")
        month.setAccessibleName("Learn by (month)")
        first = self.form.first_month
        month.setMinimumDate(QDate(first.year, first.month, 1).addYears(-50))  # a past month is refused with a word
        start = by or dt.date(first.year + 1, first.month, 1)
        month.setDate(QDate(start.year, start.month, 1))
        self.plan_table.setCellWidget(row, 0, skill)
        self.plan_table.setCellWidget(row, 1, month)
        self.plan_table.setCurrentCell(row, 0)

    def _remove_plan_row(self) -> None:
        row = self.plan_table.currentRow()
        if row >= 0:
            self.plan_table.removeRow(row)

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
