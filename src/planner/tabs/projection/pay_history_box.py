"""The Projection tab's pay history box: the base salaries you earned, a year and a salary to add, and a button
that removes the selected year. Passive: the table's model comes from PayHistoryPresenter (pay_history.py)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from planner.views.charts import read_only_table
from planner.views.plain import error_label


class PayHistoryBox(QGroupBox):
    added = Signal(str, str)  # year text, salary text
    removed = Signal(int)  # year

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Pay history (base salary you earned)", parent)
        self.setObjectName("payHistory")
        self.pay_table = read_only_table("payHistoryTable", "Pay history")
        self.pay_table.horizontalHeader().setStretchLastSection(True)
        self.pay_table.setMaximumHeight(130)
        self.pay_year = QLineEdit()
        self.pay_year.setObjectName("payYear")
        self.pay_year.setAccessibleName("Pay history year")
        self.pay_year.setPlaceholderText("Year")
        self.pay_year.setMaximumWidth(70)
        self.pay_salary = QLineEdit()
        self.pay_salary.setObjectName("paySalary")
        self.pay_salary.setAccessibleName("Pay history base salary (USD a year)")
        self.pay_salary.setPlaceholderText("Base salary, e.g. 120,000")
        self.pay_add = QPushButton("Add year")
        self.pay_add.setObjectName("payAdd")
        self.pay_add.setAccessibleName("Add or replace this year in the pay history")
        self.pay_remove = QPushButton("Remove selected")
        self.pay_remove.setObjectName("payRemove")
        self.pay_remove.setAccessibleName("Remove the selected year from the pay history")
        self.pay_error = error_label("payError")
        note = QLabel("The latest year stands in for today's salary when the current salary is empty.")
        note.setWordWrap(True)
        note.setEnabled(False)

        def add() -> None:
            self.added.emit(self.pay_year.text(), self.pay_salary.text())

        self.pay_add.clicked.connect(add)
        self.pay_year.returnPressed.connect(add)
        self.pay_salary.returnPressed.connect(add)
        self.pay_remove.clicked.connect(self._remove_selected)
        entry = QHBoxLayout()
        entry.addWidget(self.pay_year)
        entry.addWidget(self.pay_salary, 1)
        entry.addWidget(self.pay_add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pay_table)
        layout.addLayout(entry)
        layout.addWidget(self.pay_error)
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(self.pay_remove)
        layout.addLayout(buttons)

    def tab_chain(self) -> list[QWidget]:
        return [self.pay_table, self.pay_year, self.pay_salary, self.pay_add, self.pay_remove]

    def _remove_selected(self) -> None:
        index = self.pay_table.currentIndex()
        if index.isValid():
            year = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
            if year is not None:
                self.removed.emit(int(year))

    def set_model(self, model: QAbstractItemModel) -> None:
        self.pay_table.setModel(model)

    def show_error(self, message: str) -> None:
        self.pay_error.setText(message)
        self.pay_error.setVisible(bool(message))

    def clear_inputs(self) -> None:
        self.pay_year.clear()
        self.pay_salary.clear()
        self.pay_year.setFocus()
