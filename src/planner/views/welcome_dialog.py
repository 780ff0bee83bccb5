"""The first-run welcome: where you stand today (all optional) and the skills you already have, answered or skipped
in a few seconds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import APP_NAME
from planner.domain.money import usd
from planner.domain.profile import MAX_SALARY, MAX_YEARS
from planner.presenters.fields import FIELDS, InputError, parse_field
from planner.presenters.first_run import WelcomeAnswers, WelcomeQuestions
from planner.views.plain import error_label

_SALARY = next(f for f in FIELDS if f.key == "current_salary")


class WelcomeDialog(QDialog):
    def __init__(self, questions: WelcomeQuestions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._questions = questions
        self._level_touched = False
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(f"Welcome to {APP_NAME}")
        intro = QLabel(
            f"<h3>Welcome to {APP_NAME}</h3>"
            "<p>A few quick questions start your earnings projection. Everything stays on this computer, "
            "and you can change any answer later on the Projection and Skills tabs.</p>"
        )
        intro.setWordWrap(True)

        self.years = QDoubleSpinBox()
        self.years.setObjectName("welcomeYears")
        self.years.setRange(0, MAX_YEARS)
        self.years.setDecimals(1)
        self.years.setSingleStep(1)
        self.years.setSuffix(" years")
        self.years.setAccessibleName("Years of experience")
        self.salary = QLineEdit()
        self.salary.setObjectName("welcomeSalary")
        self.salary.setPlaceholderText("optional, e.g. 95,000")
        self.salary.setAccessibleName("Current base salary in US dollars a year (optional)")
        self.salary.textEdited.connect(self._check_salary)
        self.salary_error = error_label("welcomeSalaryError")
        self.industry = QComboBox()
        self.industry.setObjectName("welcomeIndustry")
        self.industry.setAccessibleName("Industry")
        for choice in questions.industries:
            self.industry.addItem(choice.label, choice.value)
        self.level = QComboBox()
        self.level.setObjectName("welcomeLevel")
        self.level.setAccessibleName("Your level today")
        for choice in questions.levels:
            years = questions.article_years.get(str(choice.value), "")
            self.level.addItem(f"{choice.label} ({years} in the article)" if years else choice.label, choice.value)
        self.level.activated.connect(self._level_chosen)
        self.years.valueChanged.connect(self._follow_years)
        self._follow_years(self.years.value())

        self.skills = QTreeWidget()
        self.skills.setObjectName("welcomeSkills")
        self.skills.setAccessibleName("Skills you already have")
        self.skills.setHeaderHidden(True)
        self.skills.setRootIsDecorated(False)
        self.skills.setMinimumHeight(180)
        for group in questions.groups:
            head = QTreeWidgetItem([group.name])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.skills.addTopLevelItem(head)
            for choice in group.skills:
                item = QTreeWidgetItem([choice.label])
                item.setData(0, Qt.ItemDataRole.UserRole, choice.value)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(0, Qt.CheckState.Unchecked)
                head.addChild(item)
            head.setExpanded(True)

        form = QFormLayout()
        for text, widget in (
            ("&Years of experience:", self.years),
            ("Current base &salary (USD a year):", self.salary),
            ("&Industry:", self.industry),
            ("Your &level today:", self.level),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            if widget is self.salary:
                form.addRow("", self.salary_error)

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton("&Start planning", QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = self.buttons.addButton("Ski&p", QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.setDefault(True)
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        skills_label = QLabel("S&kills you already have (tick them now or later on the Skills tab; Space ticks):")
        skills_label.setWordWrap(True)
        skills_label.setBuddy(self.skills)
        layout.addWidget(skills_label)
        layout.addWidget(self.skills, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.years.setFocus()

    def _check_salary(self) -> bool:
        try:
            value = parse_field(_SALARY, self.salary.text())
            if value is not None and not 0 < value <= MAX_SALARY:
                raise InputError(f"Enter a yearly salary between $1 and {usd(MAX_SALARY)}, or leave it empty.")
        except InputError as exc:
            self.salary_error.setText(str(exc))
            self.salary_error.show()
            self.salary.setAccessibleDescription(str(exc))
            self._fit_height()
            return False
        self.salary_error.hide()
        self.salary.setAccessibleDescription("")
        return True

    def _fit_height(self) -> None:
        """Taller when the message needs more lines than the dialog has room for (a wrapped label's height depends
        on its width, which a dialog's minimum size does not count): the message is never cut off."""
        layout = self.layout()
        assert layout is not None  # made in __init__
        layout.activate()
        needed = layout.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _accept_if_valid(self) -> None:
        if self._check_salary():
            self.accept()
        else:
            self.salary.setFocus()

    def _follow_years(self, years: float) -> None:
        """Until the user picks a level, it follows the years (the article's: 0–5 entry, 5–10 mid, 10+ senior)."""
        if self._level_touched:
            return
        index = self.level.findData(self._questions.level_for_years(years))
        if index >= 0:
            self.level.setCurrentIndex(index)

    def _level_chosen(self, _index: int) -> None:
        self._level_touched = True

    def ticked_skills(self) -> tuple[str, ...]:
        ids = []
        for g in range(self.skills.topLevelItemCount()):
            head = self.skills.topLevelItem(g)
            for c in range(head.childCount() if head is not None else 0):
                item = head.child(c) if head is not None else None
                if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                    ids.append(str(item.data(0, Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def answers(self) -> WelcomeAnswers:
        salary = parse_field(_SALARY, self.salary.text()) if self._check_salary() else None
        # A level left as the years give it is stored as "from experience", so it follows later changes of years.
        level = self.level.currentData() if self._level_touched else None
        return WelcomeAnswers(self.years.value(), salary, self.industry.currentData(), level, self.ticked_skills())


def ask_welcome(parent: QWidget, questions: WelcomeQuestions) -> WelcomeAnswers | None:
    """Show the welcome; the answers, or None when the user skips it."""
    dialog = WelcomeDialog(questions, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    answers = dialog.answers() if accepted else None
    dialog.deleteLater()
    return answers
