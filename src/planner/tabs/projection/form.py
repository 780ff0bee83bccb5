"""The Projection tab's inputs: where you stand today, your assumptions and what to compare with, one field widget
per input (its default beside it, its message under it when refused), laid out with the pay history and the
scenarios in one column.

Passive: it shows what the presenter hands it and forwards each edit and choice as a signal.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.presenters.choices import Choice
from planner.presenters.fields import FIELDS
from planner.tabs.projection.pay_history_box import PayHistoryBox
from planner.tabs.projection.scenario_box import ScenarioBox
from planner.tabs.projection.tax_box import TaxBox
from planner.views.contrast import set_muted
from planner.views.plain import error_label

PROFILE_GROUP = ("years_of_experience", "current_salary")
# Alt+letter for each input. The window already uses L, I, S, P (tabs) and F, V, H (menus); every letter on this
# tab is different (tests/gui/test_projection_tab.py checks it).
FIELD_MNEMONICS = {
    "years_of_experience": "x",
    "current_salary": "c",
    "horizon_years": "z",
    "inflation": "t",
    "yearly_raise": "raise",
    "bonus_percent": "b",
    "yearly_equity": "q",
    "promotion_shift_years": "k",
    "promotion_raise": "j",
    "skill_pace": "n",
}
# "T&oday's level". Every letter is taken (the tabs use L, I, S, P and G, the menus F, E, V and H): the two
# comparison boxes have no Alt key of their own (Tab reaches them).
LEVEL_MNEMONIC = "o"


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with ``&`` before the first ``letter`` (either case); unchanged when it has none."""
    index = text.lower().find(letter.lower())
    return text if index < 0 else f"{text[:index]}&{text[index:]}"


def combo(name: str, accessible: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    return box


def buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class FieldRow(QWidget):
    """A line edit with its default or note beside it and, under it, the message when the input is refused."""

    def __init__(self, key: str, label: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"field_{key}")
        self.edit.setAccessibleName(label)
        self.edit.setAccessibleDescription(hint)
        self.edit.setMinimumWidth(90)
        self.hint = QLabel(hint)
        self.hint.setObjectName(f"hint_{key}")
        self.hint.setWordWrap(True)
        set_muted(self.hint)  # enabled, readable: the defaults are how the assumptions are made visible
        self.error = error_label(f"error_{key}")
        # The default or note under the field: the panel beside the chart is narrow, and a hint beside the field
        # would wrap into a column of single words.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        self._hint_text = hint

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.edit.setStyleSheet("QLineEdit { border: 2px solid #c62828; }" if message else "")
        self.edit.setAccessibleDescription(message or self._hint_text)
        self.edit.setToolTip(message)


class InputsForm(QWidget):
    """The column of inputs: where you stand, ``history`` and ``scenarios`` (boxes of their own), the assumptions
    and what to compare with."""

    field_edited = Signal(str, str)  # every keystroke: checked, not stored
    field_committed = Signal(str, str)  # editing finished (Enter, Tab, focus elsewhere): stored when valid
    industry_chosen = Signal(object)
    employer_chosen = Signal(object)
    level_chosen = Signal(object)  # a level id, or None: from the years of experience
    compare_industry_chosen = Signal(object)
    compare_employer_chosen = Signal(object)
    compare_next_skills_toggled = Signal(bool)

    def __init__(self, history: PayHistoryBox, scenarios: ScenarioBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history, self._scenarios = history, scenarios
        self.fields: dict[str, FieldRow] = {}
        stand = QGroupBox("Where you stand today")
        stand_form = QFormLayout(stand)
        assume = QGroupBox("Assumptions (yours to change)")
        assume_form = QFormLayout(assume)
        for spec in FIELDS:
            row = FieldRow(spec.key, spec.label, spec.hint)
            row.edit.textEdited.connect(lambda text, key=spec.key: self.field_edited.emit(key, text))
            row.edit.editingFinished.connect(
                lambda key=spec.key, edit=row.edit: self.field_committed.emit(key, edit.text())
            )
            self.fields[spec.key] = row
            form = stand_form if spec.key in PROFILE_GROUP else assume_form
            label = QLabel(with_mnemonic(spec.label, FIELD_MNEMONICS.get(spec.key, "")))
            label.setWordWrap(True)
            label.setBuddy(row.edit)
            form.addRow(label, row)
        self.level = combo("levelChoice", "Today's level")
        stand_form.insertRow(1, buddy(with_mnemonic("Today's level", LEVEL_MNEMONIC), self.level), self.level)
        self.level.activated.connect(lambda _i: self.level_chosen.emit(self.level.currentData()))
        self.industry = combo("industryChoice", "Industry")
        self.employer = combo("employerChoice", "Employer")
        stand_form.addRow(buddy("Ind&ustry", self.industry), self.industry)
        stand_form.addRow(buddy("E&mployer", self.employer), self.employer)
        self.industry.activated.connect(lambda _i: self.industry_chosen.emit(self.industry.currentData()))
        self.employer.activated.connect(lambda _i: self.employer_chosen.emit(self.employer.currentData()))
        employer_note = QLabel("An employer's pay, when chosen, is used instead of the industry's.")
        employer_note.setWordWrap(True)
        set_muted(employer_note)
        self.taxes = TaxBox()
        self.muted_labels = [row.hint for row in self.fields.values()] + [employer_note] + self.taxes.muted_labels
        stand_form.addRow(employer_note)

        compare = QGroupBox("Compare with")
        compare_form = QFormLayout(compare)
        self.compare_industry = combo("compareIndustry", "Compare with another industry")
        self.compare_employer = combo("compareEmployer", "Compare with another employer")
        self.compare_next = QCheckBox("&With all skills of the next level")
        self.compare_next.setObjectName("compareNextSkills")
        self.compare_next.setAccessibleName("Compare with all skills of the next level")
        compare_form.addRow(buddy("Another industry", self.compare_industry), self.compare_industry)
        compare_form.addRow(buddy("Another employer", self.compare_employer), self.compare_employer)
        compare_form.addRow(self.compare_next)
        self.compare_industry.currentIndexChanged.connect(
            lambda _i: self.compare_industry_chosen.emit(self.compare_industry.currentData())
        )
        self.compare_employer.currentIndexChanged.connect(
            lambda _i: self.compare_employer_chosen.emit(self.compare_employer.currentData())
        )
        self.compare_next.toggled.connect(self.compare_next_skills_toggled)

        inputs_layout = QVBoxLayout(self)
        inputs_layout.addWidget(stand)
        inputs_layout.addWidget(history)
        inputs_layout.addWidget(scenarios)
        inputs_layout.addWidget(assume)
        inputs_layout.addWidget(self.taxes)
        inputs_layout.addWidget(compare)
        inputs_layout.addStretch(1)

    def tab_chain(self) -> list[QWidget]:
        """The inputs in the order they are laid out (Tab follows it): where you stand, the pay history, the
        scenarios, the assumptions, the taxes, what to compare with."""
        f = self.fields
        chain: list[QWidget] = [f["years_of_experience"].edit, self.level, f["current_salary"].edit]
        chain += [self.industry, self.employer, *self._history.tab_chain(), *self._scenarios.tab_chain()]
        chain += [f[spec.key].edit for spec in FIELDS if spec.key not in PROFILE_GROUP]
        chain += self.taxes.tab_chain()
        chain += [self.compare_industry, self.compare_employer, self.compare_next]
        return chain

    def show_field_text(self, key: str, text: str) -> None:
        edit = self.fields[key].edit
        if edit.text() != text:
            edit.setText(text)

    def show_field_error(self, key: str, message: str) -> None:
        self.fields[key].set_error(message)

    def show_choices(self, industries: list[Choice], employers: list[Choice]) -> None:
        for box, choices in ((self.industry, industries), (self.employer, employers)):
            box.blockSignals(True)
            box.clear()
            for c in choices:
                box.addItem(c.label, c.value)
            box.blockSignals(False)
        for box, choices in ((self.compare_industry, industries), (self.compare_employer, employers)):
            box.blockSignals(True)
            box.clear()
            box.addItem("No comparison", None)
            for c in choices:
                if c.value is not None:
                    box.addItem(c.label, c.value)
            box.blockSignals(False)

    def show_levels(self, levels: list[Choice]) -> None:
        labels = [(c.label, c.value) for c in levels]
        current = [(self.level.itemText(i), self.level.itemData(i)) for i in range(self.level.count())]
        if labels == current:
            return
        chosen = self.level.currentData()
        self.level.blockSignals(True)
        self.level.clear()
        for text, value in labels:
            self.level.addItem(text, value)
        self.level.setCurrentIndex(max(self.level.findData(chosen), 0))
        self.level.blockSignals(False)

    def show_level_choice(self, level: str | None) -> None:
        index = max(self.level.findData(level), 0)
        if self.level.currentIndex() != index:
            self.level.blockSignals(True)
            self.level.setCurrentIndex(index)
            self.level.blockSignals(False)

    def show_profile_choice(self, industry: str | None, employer: str | None) -> None:
        for box, value in ((self.industry, industry), (self.employer, employer)):
            index = box.findData(value)
            box.blockSignals(True)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def show_next_skills_option(self, label: str, available: bool) -> None:
        self.compare_next.setText(with_mnemonic(label.replace("&", "&&"), "w"))  # Alt+W: "With all ..."
        self.compare_next.setEnabled(available)
        self.compare_next.setToolTip(
            "" if available else "You are at the top level: there is no next level whose skills could be added"
        )
