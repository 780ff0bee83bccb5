"""'If I leave at month N': what each job leaves you with by then, side by side (a Qt table model, no widgets), the
vesting timeline's figures and the leave box's input check."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from planner.domain.money import usd
from planner.domain.offers import Leaving, current_leave_at, leave_at, monthly_equity
from planner.domain.plans import Offer
from planner.domain.profile import Profile
from planner.domain.text import plain_tooltip
from planner.presenters.fields import InputError, read_number
from planner.presenters.table import RowsTableModel
from planner.tabs.offers.figures import signed, signed_percent

LEAVE_ROWS = ("salary", "bonus", "sign_on", "equity", "refreshers", "total", "range")
LEAVE_NAMES = {
    "salary": "Salary earned",
    "bonus": "Bonus earned",
    "sign_on": "Sign-on kept",
    "equity": "Equity vested",
    "refreshers": "Refreshers vested",
    "total": "Total",
    "range": "Total if the stock moves †",
}
LEAVE_HOW = {
    "salary": "Derived: base salary × N ÷ 12.",
    "bonus": "Assumption: the target bonus counted pro rata (base × bonus % × N ÷ 12); many employers pay it once a "
    "year, so leaving before the payout may give less.",
    "sign_on": "Your entry: the sign-on bonus, kept, or repaid in full when you leave before its repayment period "
    "ends (0 months: never repaid).",
    "equity": "Derived: the grant's shares vested by the end of month N (its schedule, by month), at the stock price "
    "as offered (the last row moves it).",
    "refreshers": "Assumption: refreshers granted at the start of each year from the second, vesting the same way.",
    "total": "Derived: the rows above added up, at the stock price as offered.",
    "range": "Assumption: the offer's stock price change (low to high, on its form) applied to the equity vested "
    "by then, as the chart's whiskers and band show it; the other rows stay as they are.",
}


@dataclass(frozen=True)
class LeaveJob:
    key: str
    name: str
    leaving: Leaving  # at the stock price as offered
    low: Leaving | None = None  # at the offer's low and high stock price change (None: no equity to move)
    high: Leaving | None = None
    price: tuple[float, float] = (0.0, 0.0)  # the low and high change, percent

    def range_text(self) -> str:
        """ "$105,000–$135,000", or "—" when nothing moves with the stock."""
        if self.low is None or self.high is None:
            return "—"
        if round(self.low.total) == round(self.high.total):
            return f"{usd(self.low.total)} (nothing vested to move)"
        return f"{usd(self.low.total)}–{usd(self.high.total)}"


def leave_message(text: str, last: int) -> tuple[int | None, str]:
    """The month typed in the leave box, or None and the message to show beside it."""
    hint = f"Enter a month from 1 to {last} (the end of the longest schedule shown)."
    try:
        number = read_number(text, hint, money=False)
    except InputError as exc:
        return None, str(exc)
    if number is None or number != int(number) or number < 1:
        return None, hint
    if number > last:
        return None, f"Month {int(number)} is past the end of the schedules shown ({last} months). {hint}"
    return int(number), ""


def leave_jobs(profile: Profile, offers: Sequence[Offer], month: int, price: float = 0.0) -> list[LeaveJob]:
    jobs = []
    current = current_leave_at(profile, month)
    if current is not None:
        jobs.append(LeaveJob("current", "Current job", current))
    for o in offers:
        moves = o.equity_grant > 0 and o.price_low != o.price_high
        jobs.append(
            LeaveJob(o.id, o.employer_name, leave_at(o, month, price),
                     leave_at(o, month, o.price_low) if moves else None,
                     leave_at(o, month, o.price_high) if moves else None, (o.price_low, o.price_high))
        )  # fmt: skip
    return jobs


def cliff_sentences(jobs: Sequence[LeaveJob]) -> list[str]:
    """What staying a little longer would bring: the next vesting of each offer after month N."""
    lines = []
    for job in jobs:
        nxt = job.leaving.next_vest
        if nxt is None:
            continue
        month, amount = nxt
        wait = month - job.leaving.month
        low, high = (1 + p / 100.0 for p in job.price)
        moves = f" ({usd(amount * low)}–{usd(amount * high)} if the stock moves †)" if job.low is not None else ""
        lines.append(
            f"{job.name}: {usd(amount)}{moves} more vests at month {month}, {wait} month{'s' if wait > 1 else ''} "
            "later"
            + (" (the cliff: nothing vested before it)" if job.leaving.equity + job.leaving.refreshers == 0 else "")
            + "."
        )
        if job.leaving.repaid:
            lines.append(f"{job.name}: leaving now repays the {usd(job.leaving.repaid)} sign-on.")
    return lines


class LeaveTableModel(RowsTableModel):
    """Rows: what you leave with (salary, bonus, sign-on, vested equity, total); columns: each job."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(LEAVE_ROWS)
        self._jobs: tuple[LeaveJob, ...] = ()

    def set_jobs(self, jobs: Sequence[LeaveJob]) -> None:
        if [j.key for j in jobs] == [j.key for j in self._jobs] and jobs:
            self._jobs = tuple(jobs)
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(jobs)))
            return
        self.beginResetModel()
        self._jobs = tuple(jobs)
        self.endResetModel()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._jobs)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            month = self._jobs[0].leaving.month if self._jobs else 0
            return f"Leaving at month {month}"
        return self._jobs[section - 1].name

    def value(self, row: int, column: int) -> float:
        leaving = self._jobs[column].leaving
        comp = self._rows[row]
        return leaving.total if comp in ("total", "range") else float(getattr(leaving, comp))

    def range_tip(self, column: int) -> str:
        job = self._jobs[column]
        if job.low is None or job.high is None:
            return f"{job.name}: no equity that moves with a stock price."
        low, high = job.price
        return (
            f"{job.name}: {job.range_text()} if the stock moves {signed_percent(low / 100, 0)} to "
            f"{signed_percent(high / 100, 0)} (an assumption, on the offer's form): equity vested "
            f"{usd(job.low.equity + job.low.refreshers)} to {usd(job.high.equity + job.high.refreshers)} instead of "
            f"{usd(job.leaving.equity + job.leaving.refreshers)}."
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        comp, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return LEAVE_NAMES[comp]
            if comp == "range":
                return self._jobs[col - 1].range_text()
            leaving = self._jobs[col - 1].leaving
            text = usd(self.value(index.row(), col - 1))
            if comp == "sign_on" and leaving.repaid:
                text += f" ({signed(-leaving.repaid)} repaid)"
            return text + (" †" if comp in ("bonus", "refreshers") and self.value(index.row(), col - 1) else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if comp == "range" and col >= 1:
                return plain_tooltip(f"{self.range_tip(col - 1)}\n{LEAVE_HOW[comp]}")
            return plain_tooltip(LEAVE_HOW[comp])
        if role == Qt.ItemDataRole.FontRole and comp == "total":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


@dataclass(frozen=True)
class VestingLine:
    """One offer's equity vested by the end of each month (0 .. months), at the price as offered, and at its low
    and high price change."""

    key: str
    name: str
    vested: tuple[float, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]


def vesting_lines(offers: Sequence[Offer], months: int) -> list[VestingLine]:
    lines = []
    for offer in offers:
        eq = monthly_equity(offer, months)
        running, total = [0.0], 0.0
        for m in range(months):
            total += eq.grant[m] + eq.refreshers[m]
            running.append(total)
        lo, hi = 1 + offer.price_low / 100.0, 1 + offer.price_high / 100.0
        lines.append(
            VestingLine(offer.id, offer.employer_name, tuple(running), tuple(v * lo for v in running),
                        tuple(v * hi for v in running))
        )  # fmt: skip
    return lines


def at_month(line: VestingLine, month: int) -> float:
    return line.vested[min(month, len(line.vested) - 1)] if line.vested else math.nan
