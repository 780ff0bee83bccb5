"""The first-run welcome: three questions, all optional, answered or skipped in a few seconds."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner import APP_NAME
from planner.domain.money import usd
from planner.domain.profile import MAX_SALARY, MAX_YEARS
from planner.presenters.choices import Choice
from planner.presenters.first_run import WelcomeAnswers
from planner.presenters.projection import FIELDS, InputError, parse_field

_SALARY = next(f for f in FIELDS if f.key == "current_salary")


class WelcomeDialog(QDialog):
    def __init__(self, industries: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(f"Welcome to {APP_NAME}")
        intro = QLabel(
            f"<h3>Welcome to {APP_NAME}</h3>"
            "<p>Three quick questions start your earnings projection. Everything stays on this computer, "
            "and you can change any answer later on the Projection tab.</p>"
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
        self.salary_error = QLabel()
        self.salary_error.setObjectName("welcomeSalaryError")
        self.salary_error.setWordWrap(True)
        self.salary_error.setStyleSheet("color: #c62828;")
        self.salary_error.hide()
        self.industry = QComboBox()
        self.industry.setObjectName("welcomeIndustry")
        self.industry.setAccessibleName("Industry")
        for choice in industries:
            self.industry.addItem(choice.label, choice.value)

        form = QFormLayout()
        for text, widget in (
            ("&Years of experience:", self.years),
            ("Current base &salary (USD a year):", self.salary),
            ("&Industry:", self.industry),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            if widget is self.salary:
                form.addRow("", self.salary_error)

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton("&Start planning", QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = self.buttons.addButton("S&kip", QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.setDefault(True)
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
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
            return False
        self.salary_error.hide()
        self.salary.setAccessibleDescription("")
        return True

    def _accept_if_valid(self) -> None:
        if self._check_salary():
            self.accept()
        else:
            self.salary.setFocus()

    def answers(self) -> WelcomeAnswers:
        salary = parse_field(_SALARY, self.salary.text()) if self._check_salary() else None
        return WelcomeAnswers(self.years.value(), salary, self.industry.currentData())


def ask_welcome(parent: QWidget, industries: Sequence[Choice]) -> WelcomeAnswers | None:
    """Show the welcome; the answers, or None when the user skips it."""
    dialog = WelcomeDialog(industries, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    answers = dialog.answers() if accepted else None
    dialog.deleteLater()
    return answers
