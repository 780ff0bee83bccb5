"""Pay history on the Projection tab: the base salary the user actually earned in past years.

Entries live in the profile (``Profile.pay_history``) and change only through the shared session, so the chart
and the autosave hear of every change. Adding a year that is already there replaces its salary.
"""

from __future__ import annotations

from typing import Any, Protocol

from pydantic import ValidationError
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from planner.domain.money import usd
from planner.domain.profile import FIRST_PAY_YEAR, MAX_PAY_ENTRIES, MAX_SALARY
from planner.presenters.fields import read_number
from planner.presenters.session import Part, ProfileChange, ProfileSession
from planner.presenters.table import RowsTableModel

YEAR_ROLE = Qt.ItemDataRole.UserRole


class PayHistoryView(Protocol):
    def show_pay_error(self, message: str) -> None: ...
    def clear_pay_inputs(self) -> None: ...


class PayHistoryModel(RowsTableModel):
    """Read-only rows (year, salary), newest first."""

    HEADERS = ("Year", "Base salary")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, int]] = []

    def set_history(self, history: dict[int, int]) -> None:
        rows = sorted(history.items(), reverse=True)
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def year_at(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        year, salary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(year) if index.column() == 0 else usd(salary)
        if role == YEAR_ROLE:
            return year
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def parse_year(text: str, current_year: int) -> int:
    """The year typed, or ValueError with the message to show."""
    cleaned = text.strip()
    if not cleaned.isdigit() or len(cleaned) > 4:
        raise ValueError(f"Enter a year such as {current_year - 1}.")
    year = int(cleaned)
    if year > current_year:
        raise ValueError(f"{year} is in the future: record only years up to {current_year}.")
    if year < FIRST_PAY_YEAR:
        raise ValueError(f"Enter a year from {FIRST_PAY_YEAR} to {current_year}.")
    return year


def parse_salary(text: str) -> int:
    limits = f"Enter a yearly base salary between $1 and {usd(MAX_SALARY)}."
    number = read_number(text, limits, money=True)  # the one reader: the locale's separators, k and m
    if number is None or not 1 <= round(number) <= MAX_SALARY:
        raise ValueError(limits)
    return round(number)


class PayHistoryPresenter(QObject):
    def __init__(
        self, session: ProfileSession, view: PayHistoryView, current_year: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._view = view
        self.current_year = current_year
        self.model = PayHistoryModel(self)
        session.subscribe(self, Part.PAY_HISTORY, self.refresh)
        self.refresh()

    def refresh(self, _change: ProfileChange | None = None) -> None:
        self.model.set_history(self._session.profile.pay_history)

    def add(self, year_text: str, salary_text: str) -> bool:
        """Record (or replace) one year; False, with a message shown, when the input is refused."""
        try:
            year = parse_year(year_text, self.current_year)
            salary = parse_salary(salary_text)
        except ValueError as exc:
            self._view.show_pay_error(str(exc))
            return False
        history = dict(self._session.profile.pay_history)
        if year not in history and len(history) >= MAX_PAY_ENTRIES:
            self._view.show_pay_error(f"The pay history holds at most {MAX_PAY_ENTRIES} years.")
            return False
        history[year] = salary
        try:
            self._session.edit(f"record pay for {year}", initiator=self, pay_history=history)
        except ValidationError:
            self._view.show_pay_error(f"Enter a year from {FIRST_PAY_YEAR} and a salary up to {usd(MAX_SALARY)}.")
            return False
        self._view.show_pay_error("")
        self._view.clear_pay_inputs()
        return True

    def remove(self, year: int) -> None:
        history = dict(self._session.profile.pay_history)
        if history.pop(year, None) is not None:
            self._session.edit(f"remove the pay of {year}", initiator=self, pay_history=history)
