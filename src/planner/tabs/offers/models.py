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

CURRENT = "current"  # the current job's column
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
    columns: tuple[JobColumn, ...] = ()
    note: str = ""  # why a column is missing (no salary yet, no offer selected)
    article: tuple[str, ...] = ()  # the article's figures for matched employers and industries, with sources


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


class ComparisonTableModel(RowsTableModel):
    """Years × components as rows, the current job and each selected offer as columns, with each year's total and
    the four years' total: the chart's figures, for the keyboard and a screen reader."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = [(year, comp) for year in range(1, OFFER_YEARS + 1) for comp in (*COMPONENTS, "total")]
        self._rows.append((0, "total"))
        self._columns: tuple[JobColumn, ...] = ()

    def set_columns(self, columns: Sequence[JobColumn]) -> None:
        if [c.key for c in columns] == [c.key for c in self._columns] and columns:
            # The same jobs with new figures (an edit): the table keeps its current cell and scroll position.
            self._columns = tuple(columns)
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, last))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, last)
            return
        self.beginResetModel()
        self._columns = tuple(columns)
        self.endResetModel()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "Year and component" if section == 0 else self._columns[section - 1].name
        if role == Qt.ItemDataRole.ToolTipRole and section >= 1:
            return plain_tooltip(self._columns[section - 1].name)
        return None

    def value(self, row: int, column: int) -> float:
        year, comp = self._rows[row]
        job = self._columns[column]
        if year == 0:
            return math.fsum(job.total(y) for y in range(1, OFFER_YEARS + 1))
        if comp == "total":
            return job.total(year)
        return job.years[year - 1][comp].value

    def explanation(self, row: int, column: int) -> str:
        year, comp = self._rows[row]
        job = self._columns[column]
        amount = usd(self.value(row, column))
        if year == 0:
            return f"{job.name}, years 1 to {OFFER_YEARS}: {amount}\nDerived: the sum of the four yearly totals."
        if comp == "total":
            parts = " + ".join(COMPONENT_NAMES[c].lower() for c in COMPONENTS)
            return f"{job.name}, year {year}, total: {amount}\nDerived: {parts}."
        cell = job.years[year - 1][comp]
        what = {"entry": "Your entry", "derived": "Derived", "assumption": "Assumption (yours to change)"}[cell.kind]
        return f"{job.name}, year {year}, {COMPONENT_NAMES[comp].lower()}: {amount}\n{what}: {cell.how}"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        year, comp = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                if not year:
                    return f"Years 1–{OFFER_YEARS}: total"
                return f"Year {year}: " + ("total" if comp == "total" else SHORT_NAMES[comp])
            text = usd(self.value(index.row(), col - 1))
            if year and comp != "total" and self._columns[col - 1].years[year - 1][comp].assumed:
                text += f" {ASSUMED}"
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and comp == "total":
            from PySide6.QtGui import QFont  # a font is data of the model (Qt's FontRole), not a widget

            font = QFont()
            font.setBold(True)
            return font
        if col == 0 and role in (Qt.ItemDataRole.ToolTipRole, EXPLAIN_ROLE):
            text = (
                "The four years added up."
                if not year
                else (
                    f"Year {year}: " + ("the components added up." if comp == "total" else f"{COMPONENT_NAMES[comp]}.")
                )
            )
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if col >= 1 and role in (Qt.ItemDataRole.ToolTipRole, EXPLAIN_ROLE):
            text = self.explanation(index.row(), col - 1)
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None


# --- the figures ------------------------------------------------------------------------------------------------


def _pct(value: float) -> str:
    return f"{value:g} %"


def offer_column(offer: Offer) -> JobColumn:
    """The offer's first years with what each figure is and its formula."""
    shares = offer.vesting_shares()
    schedule = {
        "even": "4-year even vesting",
        "cliff": "a 4-year schedule with a 1-year cliff: the first year's 25 % at the first anniversary, nothing "
        "if you leave before it, then 25 % a year",
        "custom": "your custom schedule " + ", ".join(f"{p:g}" for p in offer.custom_vesting) + " %",
    }[offer.vesting]
    refresher = offer.equity_grant * offer.refresher_percent / 100.0
    years = []
    for row in offer_years(offer):
        k = row.year
        share = shares[k - 1] if k <= len(shares) else 0.0
        if offer.vesting == "cliff" and k > 1:
            vest = f"year {k} of the 1-year cliff schedule (evenly after the first anniversary)"
        else:
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
