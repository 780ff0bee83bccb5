"""The taxes section of the Projection tab's inputs (filing status, state for taxes, pre-tax retirement
contributions), closed at first under its toggle; the banner above the chart when take-home pay cannot be shown;
and the Pay menu's "Take-home pay" item, disabled with the reason when the tax file cannot be used.

Passive: it shows what the presenter (tax_inputs.py) hands it and forwards each choice and edit as a signal.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.presenters.choices import Choice
from planner.tabs.projection.tax_inputs import TaxForm
from planner.views.contrast import set_muted
from planner.views.plain import error_label, plain_label

TAKE_HOME_LABEL = "Take-home pay (after federal, payroll and state taxes)"


def _fill(box: QComboBox, choices: tuple[Choice, ...], current: str | None) -> None:
    with QSignalBlocker(box):
        if [(box.itemText(i), box.itemData(i)) for i in range(box.count())] != [(c.label, c.value) for c in choices]:
            box.clear()
            for c in choices:
                box.addItem(c.label, c.value)
        box.setCurrentIndex(max(box.findData(current), 0))


class TaxBox(QWidget):
    """A toggle ("Taxes ▸") and, under it once opened, the three inputs with their notes."""

    opened = Signal()  # the first time and every time the section opens
    status_chosen = Signal(str)
    state_chosen = Signal(object)  # a postal code, or None: from the Market tab's area
    retirement_edited = Signal(str)  # every keystroke: checked, not stored
    retirement_committed = Signal(str)  # editing finished: stored when valid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setObjectName("taxesToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setText("Taxes (for take-home pay)")
        self.toggle.setAccessibleName("Show or hide the tax inputs")
        self.toggle.toggled.connect(self._open)
        self.body = QWidget()
        # Each label above its field, then the field's notes: a plain column (a QFormLayout gives a row of nested
        # widgets the wrong heights, cutting the last line of a note that wraps once more than it guessed).
        column = QVBoxLayout(self.body)
        column.setContentsMargins(8, 0, 0, 0)
        column.setSpacing(1)
        self.status = QComboBox()
        self.status.setObjectName("filingStatus")
        self.status.setAccessibleName("Filing status")
        self.status.activated.connect(lambda _i: self.status_chosen.emit(self.status.currentData()))
        self.state = QComboBox()
        self.state.setObjectName("taxState")
        self.state.setAccessibleName("State for taxes")
        for box in (self.status, self.state):  # long items never widen the narrow panel
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
        self.state.activated.connect(lambda _i: self.state_chosen.emit(self.state.currentData()))
        self.state_note = self._note("taxStateNote")
        self.retirement = QLineEdit()
        self.retirement.setObjectName("field_retirement_share")
        self.retirement.setAccessibleName("Pre-tax retirement contributions (% of pay)")
        self.retirement.textEdited.connect(self.retirement_edited)
        self.retirement.editingFinished.connect(lambda: self.retirement_committed.emit(self.retirement.text()))
        self.retirement_note = self._note("hint_retirement_share")
        self.retirement_error = error_label("error_retirement_share")
        rows: tuple[tuple[str, QWidget, tuple[QLabel, ...]], ...] = (
            ("Filing status", self.status, ()),
            ("State for taxes", self.state, (self.state_note,)),
            (
                "Pre-tax retirement contributions (% of pay)",
                self.retirement,
                (self.retirement_note, self.retirement_error),
            ),
        )
        for n, (text, field, notes) in enumerate(rows):
            label = QLabel(text)
            label.setWordWrap(True)
            label.setBuddy(field)
            if n:
                column.addSpacing(5)
            column.addWidget(label)
            column.addSpacing(3)
            column.addWidget(field)
            for note in notes:
                column.addWidget(note)
        self.muted_labels = [self.state_note, self.retirement_note]
        self.body.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)

    def _note(self, name: str) -> QLabel:
        label = plain_label()
        label.setObjectName(name)
        label.setWordWrap(True)
        set_muted(label)
        return label

    def _open(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.body.setVisible(shown)
        if shown:
            self.opened.emit()

    def tab_chain(self) -> list[QWidget]:
        return [self.toggle, self.status, self.state, self.retirement]

    def show_form(self, form: TaxForm) -> None:
        _fill(self.status, form.statuses, form.status)
        _fill(self.state, form.states, form.state)
        self.state_note.setText(form.state_note)
        if self.retirement.text() != form.retirement and not self.retirement.hasFocus():
            self.retirement.setText(form.retirement)
        self.retirement_note.setText(form.retirement_note)

    def show_retirement_error(self, message: str) -> None:
        self.retirement_error.setText(message)
        self.retirement_error.setVisible(bool(message))
        self.retirement.setStyleSheet("QLineEdit { border: 2px solid #c62828; }" if message else "")
        self.retirement.setToolTip(message)


def tax_banner() -> QLabel:
    """Above the chart, hidden until take-home pay cannot be shown: why, in plain text."""
    label = plain_label()
    label.setObjectName("taxBanner")
    label.setWordWrap(True)
    label.setAccessibleName("Why take-home pay cannot be shown")
    label.setStyleSheet("QLabel { border: 1px solid #c62828; border-radius: 3px; padding: 3px; }")
    label.hide()
    return label


def show_banner(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)
    label.setVisible(bool(text))


def show_pay_choice(box: QComboBox, comp: str, problem: str) -> None:
    """The Pay menu at ``comp``; its take-home item disabled, with the reason as its tooltip, on ``problem``."""
    model = box.model()
    index = box.findData("take_home")
    if isinstance(model, QStandardItemModel) and index >= 0:
        item = model.item(index)
        if item is not None:
            item.setEnabled(not problem)
            item.setToolTip(problem or "Total compensation less federal, payroll and state taxes (Inputs › Taxes)")
    with QSignalBlocker(box):
        box.setCurrentIndex(max(box.findData(comp), 0))


class TaxInputsPanel:
    """The TaxInputsView of tax_inputs.py: the taxes section, the banner and the Pay menu of the tab."""

    def __init__(self, box: TaxBox, banner: QLabel, pay: QComboBox) -> None:
        self.box, self.banner, self.pay = box, banner, pay

    def show_tax_form(self, form: TaxForm) -> None:
        self.box.show_form(form)

    def show_retirement_error(self, message: str) -> None:
        self.box.show_retirement_error(message)

    def show_tax_banner(self, text: str) -> None:
        show_banner(self.banner, text)

    def show_pay_choice(self, comp: str, take_home_problem: str) -> None:
        show_pay_choice(self.pay, comp, take_home_problem)
