"""The Offers tab's figures and Qt models: each job's first years as columns of cells (what each figure is and how it
is made), the list of offers and the comparison table."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from planner.domain.dataset import Dataset, Figure
from planner.domain.money import usd
from planner.domain.offers import OFFER_YEARS, OfferYear, offer_years
from planner.domain.plans import Offer
from planner.domain.profile import Assumptions, Profile
from planner.domain.provenance import date_text, source_line
from planner.domain.text import plain_tooltip
from planner.presenters.table import RowsTableModel
from planner.tabs.offers.figures import CURRENT, ROW_NAMES, Headline, Job, difference, job_rows, signed, values

REFRESHER_DEFAULT = Offer.model_fields["refresher_percent"].default
COMPONENTS = ("base", "bonus", "sign_on", "equity", "refreshers")
COMPONENT_NAMES = {
    "base": "Base salary",
    "bonus": "Bonus",
    "sign_on": "Sign-on bonus",
    "equity": "Equity (first grant)",
    "refreshers": "Equity refreshers",
}
SHORT_NAMES = {"base": "base", "bonus": "bonus", "sign_on": "sign-on", "equity": "equity", "refreshers": "refreshers"}
ASSUMED = "†"  # marks a figure that rests on an assumption, in the table and the chart's key


@dataclass(frozen=True)
class Cell:
    """One figure of the comparison: its amount, what it is (the user's entry, derived, an assumption) and how it
    is made."""

    value: float
    kind: str  # "entry", "derived", "assumption"
    how: str

    @property
    def assumed(self) -> bool:
        return self.kind == "assumption"


@dataclass(frozen=True)
class JobColumn:
    key: str  # an offer's id, or CURRENT
    name: str  # the employer's name as typed (data, never markup), or "Current job"
    years: tuple[dict[str, Cell], ...]  # year 1 first: component -> cell

    def total(self, year: int) -> float:
        return math.fsum(c.value for c in self.years[year - 1].values())


@dataclass(frozen=True)
class Comparison:
    columns: tuple[JobColumn, ...] = ()  # each job's figures with what they are, in the order of ``jobs``
    note: str = ""  # why a column is missing (no salary yet, no offer selected, no tax figures)
    article: tuple[str, ...] = ()  # the article's figures for matched employers and industries, with sources
    jobs: tuple[Job, ...] = ()
    baseline: str = ""  # the key of the job every difference is against
    headlines: tuple[Headline, ...] = ()


def export_caption(comparison: Comparison) -> tuple[str, str, str]:
    """An exported chart's title, caption (the jobs it shows) and source (views.export_render.ChartCaption)."""
    names, note = ", ".join(col.name for col in comparison.columns), comparison.note
    return (
        f"Offers: total compensation of each job in years 1–{OFFER_YEARS} (USD a year)",
        f"Each job's first {OFFER_YEARS} years by component, no raise counted: {names or 'none'}. {note}".strip(),
        f"Your entries (each offer's terms; your salary); marked {ASSUMED}: assumptions (refreshers, and the "
        "current job's bonus and equity from the Projection tab).",
    )


class OffersListModel(QAbstractListModel):
    """The user's offers as a list: "Acme — $180,000 base"; the offer's id under UserRole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._offers: list[Offer] = []

    def set_offers(self, offers: Sequence[Offer]) -> None:
        if [o.id for o in offers] == [o.id for o in self._offers]:
            self._offers = list(offers)
            if offers:
                self.dataChanged.emit(self.index(0), self.index(len(offers) - 1))
            return
        self.beginResetModel()
        self._offers = list(offers)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._offers)

    def row_of(self, offer_id: str) -> int:
        return next((i for i, o in enumerate(self._offers) if o.id == offer_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        offer = self._offers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{offer.employer_name} — {usd(offer.base)} base"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{offer.employer_name}: added on {date_text(offer.added_on)}")
        if role == Qt.ItemDataRole.UserRole:
            return offer.id
        return None


EXPLAIN_ROLE = Qt.ItemDataRole.UserRole  # the cell's full explanation (what it is and how it is made)
KEY_ROLE = Qt.ItemDataRole.UserRole  # a column's key in the header (views.table_columns.KEY_ROLE)
AVERAGE, DIFFERENCE = OFFER_YEARS + 1, OFFER_YEARS + 2  # columns after the years


class ComparisonTableModel(RowsTableModel):
    """The compact comparison: for each job a heading row, then its components (rows) by year (columns), the
    four-year average and the difference of that average against the baseline; the chart's figures, for the
    keyboard and a screen reader. Every figure explains itself under EXPLAIN_ROLE."""

    HEADERS = ("Job and component", *(f"Year {k}" for k in range(1, OFFER_YEARS + 1)), "Average", "Difference")
    KEYS = ("job", *(f"year-{k}" for k in range(1, OFFER_YEARS + 1)), "average", "difference")  # views.table_columns

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str]] = []  # (job, component or "" for the job's heading)
        self._jobs: tuple[Job, ...] = ()
        self._columns: tuple[JobColumn, ...] = ()
        self._base: Job | None = None
        self._headlines: dict[str, Headline] = {}

    def set_comparison(self, comparison: Comparison) -> None:
        rows = [(j, comp) for j, job in enumerate(comparison.jobs) for comp in ("", *job_rows(job))]
        base = next((job for job in comparison.jobs if job.key == comparison.baseline), None)
        same = rows == self._rows and [j.key for j in comparison.jobs] == [j.key for j in self._jobs]
        if not same:
            self.beginResetModel()
        self._rows, self._jobs, self._columns, self._base = rows, comparison.jobs, comparison.columns, base
        self._headlines = {h.key: h for h in comparison.headlines}
        if same and rows:  # the same jobs with new figures: the table keeps its current cell and scroll position
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.HEADERS) - 1))
        elif not same:
            self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == KEY_ROLE:
            return self.KEYS[section]
        if orientation == Qt.Orientation.Horizontal and section == DIFFERENCE and self._base is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return "Difference"
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(f"The four-year average against {self._base.name}'s (the baseline).")
        return super().headerData(section, orientation, role)

    def row_key(self, row: int) -> tuple[str, str]:
        """(job key, component) of a row ("" for a job's heading)."""
        j, comp = self._rows[row]
        return self._jobs[j].key, comp

    def value(self, row: int, column: int) -> float | None:
        """The figure in a cell (column 1 = year 1), None where there is none."""
        j, comp = self._rows[row]
        job = self._jobs[j]
        if not comp or column == 0:
            return None
        figures = values(job, comp)
        if column <= OFFER_YEARS:
            return figures[column - 1]
        if column == AVERAGE:
            return math.fsum(figures) / len(figures)
        if self._base is None or job.key == self._base.key:
            return None
        return difference(job, self._base, comp)

    def explanation(self, row: int, column: int) -> str:
        j, comp = self._rows[row]
        job = self._jobs[j]
        if not comp:
            where = f" in {job.place.name}" if job.place.name else ""
            role = " (the baseline: every difference is against it)" if job is self._base else ""
            h = self._headlines.get(job.key)
            at_a_glance = f"\nAgainst {self._base.name}: {h.main}.\n{h.details}" if h and self._base else ""
            return f"{job.name}{where}{role}.{at_a_glance}"
        name = ROW_NAMES[comp].lower()
        amount = self.value(row, column)
        if column == 0:
            return f"{job.name}: {name}, years 1 to {OFFER_YEARS}."
        if amount is None:
            return f"{job.name} is the baseline: the differences of the other jobs are against it."
        if column == AVERAGE:
            return f"{job.name}, {name}, average: {usd(amount)}\nDerived: the four years added up, ÷ {OFFER_YEARS}."
        if column == DIFFERENCE:
            assert self._base is not None
            return (
                f"{job.name}, {name}: {signed(amount)} a year against {self._base.name}\nDerived: this average − "
                f"{self._base.name}'s average."
            )
        year = column
        if comp == "total":
            return f"{job.name}, year {year}, total: {usd(amount)}\nDerived: base + bonus + sign-on + equity."
        if comp == "take_home":
            assert job.take_home is not None
            return f"{job.name}, year {year}, after tax: {usd(amount)}\nDerived: {job.take_home.how}."
        cell = self._columns[j].years[year - 1][comp]
        what = {"entry": "Your entry", "derived": "Derived", "assumption": "Assumption (yours to change)"}[cell.kind]
        return f"{job.name}, year {year}, {name}: {usd(amount)}\n{what}: {cell.how}"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        j, comp = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                if not comp:
                    job = self._jobs[j]
                    return job.name + (" (baseline)" if job is self._base else "")
                return "   " + ROW_NAMES[comp]
            amount = self.value(index.row(), col)
            if amount is None:
                return ""
            if col == DIFFERENCE:
                return signed(amount)
            text = usd(amount)
            if 1 <= col <= OFFER_YEARS and comp in COMPONENTS and self._columns[j].years[col - 1][comp].assumed:
                text += f" {ASSUMED}"
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and comp in ("", "total"):
            from PySide6.QtGui import QFont  # a font is data of the model (Qt's FontRole), not a widget

            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, EXPLAIN_ROLE):
            text = self.explanation(index.row(), col)
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None


# --- the figures ------------------------------------------------------------------------------------------------


def _pct(value: float) -> str:
    return f"{value:g} %"


def schedule_text(offer: Offer) -> str:
    """The vesting schedule in words: "4 years with a 12-month cliff, then quarterly"."""
    every = {"month": "monthly", "quarter": "quarterly", "year": "once a year"}[offer.vest_every]
    if offer.vesting == "cliff":
        return (
            f"4 years with a {offer.cliff_months}-month cliff (nothing before month {offer.cliff_months}, then all "
            f"that would have vested by it), then {every}"
        )
    if offer.vesting == "custom":
        return "your yearly percentages " + ", ".join(f"{p:g}" for p in offer.custom_vesting) + f" %, {every}"
    return f"4 years, 25 % a year, {every}"


def offer_column(offer: Offer) -> JobColumn:
    """The offer's first years with what each figure is and its formula."""
    shares = offer.vesting_shares()
    schedule = schedule_text(offer)
    refresher = offer.equity_grant * offer.refresher_percent / 100.0
    years = []
    for row in offer_years(offer):
        k = row.year
        share = shares[k - 1] if k <= len(shares) else 0.0
        vest = f"year {k} of {schedule}"
        earlier = " + ".join(_pct(shares[j] * 100) for j in range(min(k - 1, len(shares)))) or "0 %"
        years.append(
            {
                "base": Cell(row.base, "entry", "the base salary you typed (no raise counted)."),
                "bonus": Cell(
                    row.bonus, "derived", f"base {usd(offer.base)} × target bonus {_pct(offer.bonus_percent)}."
                ),
                "sign_on": Cell(
                    row.sign_on,
                    "entry" if k == 1 else "derived",
                    "the sign-on bonus you typed, paid in year 1." if k == 1 else "a sign-on bonus is paid in year 1.",
                ),
                "equity": Cell(
                    row.equity - row.refreshers,
                    "derived",
                    f"grant {usd(offer.equity_grant)} × {_pct(share * 100)} ({vest}).",
                ),
                "refreshers": Cell(
                    row.refreshers,
                    "assumption",
                    f"a new grant of {_pct(offer.refresher_percent)} of the first grant ({usd(refresher)}) each year "
                    f"from year 2, vesting on the same schedule: {usd(refresher)} × ({earlier}). "
                    f"Default {_pct(REFRESHER_DEFAULT)}.",
                ),
            }
        )
    return JobColumn(offer.id, offer.employer_name, tuple(years))


def current_column(profile: Profile, rows: Sequence[OfferYear]) -> JobColumn:
    today = profile.salary_today()
    assert today is not None
    _salary, origin, year = today
    a, default = profile.assumptions, Assumptions()
    where = "the current salary you entered" if origin == "current" else f"your pay in {year} (pay history)"
    years = []
    for row in rows:
        years.append(
            {
                "base": Cell(row.base, "entry", f"{where}, as it is today (no raise counted)."),
                "bonus": Cell(
                    row.bonus,
                    "assumption",
                    f"salary × bonus {_pct(a.bonus_percent)}, the projection's assumption "
                    f"(Projection tab; default {_pct(default.bonus_percent)}).",
                ),
                "sign_on": Cell(0.0, "derived", "no sign-on bonus in a job you already have."),
                "equity": Cell(
                    row.equity,
                    "assumption",
                    f"the projection's yearly equity {usd(a.yearly_equity)} "
                    f"(Projection tab; default {usd(default.yearly_equity)}).",
                ),
                "refreshers": Cell(0.0, "derived", "counted in the yearly equity above."),
            }
        )
    return JobColumn(CURRENT, "Current job", tuple(years))


def columns_of(profile: Profile, jobs_: Sequence[Job]) -> tuple[JobColumn, ...]:
    """The explained figures of each job, in the same order."""
    return tuple(
        offer_column(job.offer) if job.offer is not None else current_column(profile, job.years) for job in jobs_
    )


def article_lines(dataset: Dataset, offer: Offer) -> list[str]:
    """The article's figure for the employer or industry the offer is matched to, with its source, and the offer's
    base against it (derived)."""
    figure: Figure | None = None
    name = ""
    if offer.employer is not None:
        employer = next((e for e in dataset.employers if e.id == offer.employer), None)
        if employer is not None:
            figure, name = employer.pay, f"{employer.name} (employer)"
    elif offer.industry is not None:
        industry = next((i for i in dataset.industries if i.id == offer.industry), None)
        if industry is not None:
            figure, name = industry.average, f"{industry.name} (industry, average)"
    if figure is None:
        return []
    stated = f"{figure.qualifier} {usd(figure.amount)}" if figure.qualifier else usd(figure.amount)
    diff = offer.base - figure.amount
    side = "above" if diff > 0 else "below"
    against = (
        "the same as the article's figure"
        if diff == 0
        else f"{usd(abs(diff))} ({abs(diff) / figure.amount:.1%}) {side} it"
    )
    return [
        f"{offer.employer_name}, matched to {name}: the article gives {stated} a year for ML engineers (it does not "
        "say whether that is base salary; the app compares it with the offer's base). "
        f"{source_line(dataset, figure)}: “{figure.quote}”",
        f"    Derived: the offer's base {usd(offer.base)} is {against} (offer base − article figure).",
    ]
