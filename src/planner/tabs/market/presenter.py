"""The "Market" tab: official BLS wage percentiles for an occupation in an area, beside the article's figures.

Every BLS figure is shown as published (a missing one says why, in BLS's words) and carries its series id for the
hover text. Derived figures (where the user's salary sits, the ranking of metro areas) say how they are derived.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import ValidationError
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from planner.domain.dataset import Dataset
from planner.domain.market import (
    NATIONAL,
    PERCENTILES,
    Cell,
    Field_,
    MarketData,
    ordinal,
)
from planner.domain.money import usd
from planner.domain.tax_codes import FILING_STATUS_NAMES, STATE_NAMES
from planner.presenters.article import article_source
from planner.presenters.choices import Choice
from planner.presenters.market_text import (
    AREAS,
    SalaryToday,
    area_choices,
    history_caveat,
    occupation_of,
    place_name,
    placed,
    source_line,
)
from planner.presenters.session import Part, ProfileChange, ProfileSession
from planner.presenters.table import RowsTableModel
from planner.presenters.take_home import TaxSource

INTERPOLATION = (
    "Derived: straight-line interpolation between the two nearest published percentiles (10th, 25th, median, "
    "75th, 90th). BLS publishes nothing below the 10th or above the 90th percentile."
)
# The app's pairing of the article's industries with BLS (NAICS) industries: a judgement, not a BLS or article
# figure; None where no single BLS industry matches.
ARTICLE_TO_BLS: dict[str, str | None] = {
    "software-it": "541500",
    "consumer-goods": None,
    "education": "611000",
    "healthcare": "62--63",
    "hardware-networking": "334000",
    "manufacturing": "31--34",
    "finance": "52--53",
}


@dataclass(frozen=True)
class Figure:
    """One BLS figure as published: a value or, when BLS published none, the reason; with its series id."""

    label: str
    value: float | None
    text: str  # "$126,800", "at least $239,200" or "not published"
    series_id: str
    note: str  # BLS's footnote, when there is one


@dataclass(frozen=True)
class ArticleRange:
    label: str
    low: int
    high: int
    average: int | None


@dataclass(frozen=True)
class PercentileChart:
    title: str
    percentiles: tuple[Figure, ...]  # 10th, 25th, median, 75th, 90th
    article: tuple[ArticleRange, ...]
    salary: int | None
    article_source: str = ""  # where the article's bars come from, in plain words

    def description(self) -> str:
        """What the chart shows, in words, for a screen reader (the chart's accessible description)."""
        bls = "; ".join(f"{f.label} {f.text}" for f in self.percentiles)
        article = "; ".join(f"{a.label} {usd(a.low)} – {usd(a.high)}" for a in self.article)
        you = f" Your salary: {usd(self.salary)}." if self.salary is not None else ""
        return f"{self.title}. BLS: {bls}. The article: {article}.{you}"


@dataclass(frozen=True)
class MetroBar:
    name: str
    median: float
    series_id: str


@dataclass(frozen=True)
class MetroRanking:
    title: str
    bars: tuple[MetroBar, ...]  # highest median first; the same tuple for as long as the occupation stays
    mine: int | None  # the index of the user's area among the bars
    note: str  # where the user's area is, or why it is not on the chart


@dataclass(frozen=True)
class IndustryPair:
    article_name: str
    article_average: int
    bls_name: str  # "" when the app pairs no BLS industry with it
    bls_median: Figure | None


class MarketView(Protocol):
    def set_occupations(self, choices: Sequence[Choice], current: str) -> None: ...
    def set_areas(self, choices: Sequence[Choice], current: str) -> None: ...
    def select_area(self, code: str) -> None: ...
    def show_percentiles(self, chart: PercentileChart) -> None: ...
    def show_position(self, text: str) -> None: ...
    def show_metros(self, ranking: MetroRanking) -> None: ...
    def show_industries(self, pairs: Sequence[IndustryPair], occupation: str) -> None: ...
    def show_source(self, text: str) -> None: ...
    def show_problem(self, text: str) -> None: ...


class FiguresTableModel(RowsTableModel):
    """The chosen occupation and area's figures as a table (the chart's data, for keyboard and screen reader)."""

    HEADERS = ("Figure", "Value", "BLS series id")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Figure] = []

    def set_rows(self, rows: Sequence[Figure]) -> None:
        if len(rows) == len(self._rows):  # the same figures for another area: new values, same rows
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.HEADERS) - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.label, row.text, row.series_id)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(t for t in (f"BLS series {row.series_id}", row.note) if t)
        return None


class MarketPresenter(QObject):
    def __init__(
        self,
        market: MarketData,
        dataset: Dataset,
        session: ProfileSession,
        view: MarketView,
        parent: QObject | None = None,
        taxes: TaxSource | None = None,
        year: Callable[[], int] = lambda: dt.date.today().year,
    ) -> None:
        super().__init__(parent)
        self.market = market
        self._taxes = taxes  # "after tax in Texas: ..." beside where your salary sits
        self.tax_year = year  # the year whose taxes "after tax" uses (this one)
        self._dataset = dataset
        self._session = session
        self._view = view
        self.table = FiguresTableModel(self)
        self._metro_cache: dict[str, tuple[tuple[str, ...], tuple[MetroBar, ...]]] = {}
        self._industry_cache: dict[str, list[IndustryPair]] = {}
        self._area_cache: dict[str, list[Choice]] = {}
        # A child of its tab: leaves with it. Your salary today comes from where you stand or the pay history.
        session.subscribe(self, Part.MARKET | Part.STANDING | Part.PAY_HISTORY | Part.TAXES, self._profile_changed)
        self._shown: tuple[str, str, SalaryToday | None, object] | None = None

    # --- state ---------------------------------------------------------------------------------------------

    @property
    def occupation(self) -> str:
        return occupation_of(self.market, self._session.profile.market_occupation)

    @property
    def area(self) -> str:
        code = self._session.profile.market_area
        return code if code is not None and self.market.cell(code, self.occupation) is not None else NATIONAL

    def salary(self) -> int | None:
        today = self._session.profile.salary_today()
        return today[0] if today is not None else None

    # --- intents -------------------------------------------------------------------------------------------

    def start(self) -> None:
        self._view.set_occupations(
            [Choice(o.code, f"{o.name} ({o.soc})") for o in self.market.occupations], self.occupation
        )
        self._view.show_source(source_line(self.market))
        self.refresh(force=True)

    def occupation_chosen(self, code: str) -> None:
        self._choose(market_occupation=code)

    def area_chosen(self, code: str) -> None:
        self._choose(market_area=code)

    def _choose(self, **fields: str) -> None:
        try:
            what = " and ".join(k.removeprefix("market_") for k in fields)
            self._session.edit(f"choose the market {what}", initiator=self, **fields)
        except ValidationError:
            self._view.show_problem("That choice is not a BLS code the app knows; nothing was changed.")

    def _profile_changed(self, _change: ProfileChange) -> None:
        self.refresh()

    # --- drawing -------------------------------------------------------------------------------------------

    def refresh(self, force: bool = False) -> None:
        profile = self._session.profile
        state = (self.occupation, self.area, profile.salary_today(), profile.taxes)
        if state == self._shown and not force:
            return
        occupation_changed = self._shown is None or self._shown[0] != state[0]
        area_changed = self._shown is None or self._shown[1] != state[1]
        self._shown = state
        occupation, area_code, today, _taxes = state
        salary = today[0] if today is not None else None
        if occupation_changed:
            self._view.set_areas(self.area_choices(occupation), area_code)
        elif area_changed:
            self._view.select_area(area_code)
        cell = self.market.cell(area_code, occupation)
        assert cell is not None  # self.area falls back to the nation, which has every occupation
        occ = self.market.occupation(occupation)
        area = self.market.area(area_code)
        figures = [self.figure(cell, name, label) for name, label in FIGURE_LABELS]
        self.table.set_rows(figures)
        percentiles = tuple(f for f in figures if f.label in PERCENTILE_LABELS)
        self._view.show_percentiles(
            PercentileChart(
                title=f"{occ.name} in {place_name(area)} (BLS, May 2025) beside the article's ML-engineer levels",
                percentiles=percentiles,
                article=tuple(
                    ArticleRange(
                        f"Article: {lv.name}", lv.range.min, lv.range.max, lv.average.amount if lv.average else None
                    )
                    for lv in self._dataset.levels
                ),
                salary=salary,
                article_source=article_source(self._dataset),
            )
        )
        place = place_name(area)
        self._view.show_position(self.position_text(cell, occ.name, place, today))
        self._view.show_metros(self.metro_ranking(occupation, area_code))
        self._view.show_industries(self.industry_pairs(occupation), occ.name)

    def area_choices(self, occupation: str) -> list[Choice]:
        cached = self._area_cache.get(occupation)
        if cached is None:
            cached = self._area_cache[occupation] = area_choices(self.market, occupation)
        return cached

    def figure(self, cell: Cell, name: Field_, label: str) -> Figure:
        value = cell.get(name)
        series = self.market.series_id(cell, name)
        note = self.market.missing_reason(cell, name)
        if value is not None:
            if name.endswith("_rse"):
                text = f"{value:.1f}%"
            elif name == "employment":
                text = f"{value:,.0f} jobs"
            else:
                text = usd(value)
        elif cell.footnote(name) == "5" and self.market.top_coded_at is not None:
            text = f"at least {usd(self.market.top_coded_at)}"
        else:
            text = "not published"
        return Figure(label, value, text, series, note)

    def position_text(self, cell: Cell, occupation: str, area: str, salary: SalaryToday | None) -> str:
        where = f"{occupation.lower()} in {area}"
        if salary is None:
            return (
                f"Enter your current base salary (Projection tab) to see where it sits among {where}. {INTERPOLATION}"
            )
        head = placed(self.market, cell, salary, where)
        if head is None:
            return f"BLS published too few percentiles for {where} to place your {usd(salary[0])}."
        return f"{head}{self.after_tax(salary[0])}{history_caveat(self.market, salary)} {INTERPOLATION}"

    def after_tax(self, salary: int) -> str:
        """ " After tax in Texas: $113,791 a year (...)." for the salary this year, or why it cannot be said."""
        if self._taxes is None:
            return ""
        profile = self._session.profile
        setting = self._taxes.setting(profile)
        if setting is None:
            why = self._taxes.why_not(profile)
            return f" {why.replace('Take-home pay', 'Your pay after tax')}" if why else ""
        year = self.tax_year()
        net = setting.amount(year, float(salary), profile.assumptions.inflation)
        share = setting.retirement_share
        saving = f", {share * 100:g}% into a pre-tax retirement plan" if share else ""
        return (
            f" After tax in {STATE_NAMES[setting.state]}: {usd(net)} a year ({year}, "
            f"{FILING_STATUS_NAMES[setting.status]}{saving}; federal, Social Security, Medicare and state taxes with "
            "the standard deduction, no credits: each line on the Projection tab, take-home pay)."
        )

    def metro_ranking(self, occupation: str, area_code: str) -> MetroRanking:
        cached = self._metro_cache.get(occupation)
        if cached is None:
            rows = sorted(
                (
                    (area.code, MetroBar(area.name, median, self.market.series_id(cell, "p50")))
                    for area, cell in self.market.metro_cells(occupation)
                    if (median := cell.get("p50")) is not None
                ),
                key=lambda r: -r[1].median,
            )
            cached = tuple(code for code, _bar in rows), tuple(bar for _code, bar in rows)
            self._metro_cache[occupation] = cached
        codes, bars = cached
        mine = codes.index(area_code) if area_code in codes else None
        occ = self.market.occupation(occupation).name
        if mine is not None:
            bar = bars[mine]
            note = f"{bar.name}: {usd(bar.median)}, {ordinal(mine + 1)} of {len(bars)} {AREAS} by median."
        elif self.market.area(area_code).type == "M":
            note = f"BLS published no median for {occ.lower()} in {self.market.area(area_code).name}."
        else:
            note = "Choose a metro or nonmetropolitan area to see it highlighted."
        title = f"Median annual wage of {occ.lower()} by area ({AREAS}), highest first"
        return MetroRanking(title, bars, mine, note)

    def industry_pairs(self, occupation: str) -> list[IndustryPair]:
        """The article's industries with the BLS medians the app pairs them with (the same list for as long as the
        occupation stays, so the view can skip redrawing it)."""
        cached = self._industry_cache.get(occupation)
        if cached is not None:
            return cached
        pairs = []
        for industry in self._dataset.industries:
            code = ARTICLE_TO_BLS.get(industry.id)
            cell = self.market.cell(NATIONAL, occupation, code) if code else None
            bls_name = self.market.industry(code).name if code and cell else ""
            median = self.figure(cell, "p50", f"Median in {bls_name}") if cell else None
            pairs.append(IndustryPair(industry.name, industry.average.amount, bls_name, median))
        self._industry_cache[occupation] = pairs
        return pairs


FIGURE_LABELS: tuple[tuple[Field_, str], ...] = (
    ("p10", "10th percentile"),
    ("p25", "25th percentile"),
    ("p50", "Median"),
    ("p75", "75th percentile"),
    ("p90", "90th percentile"),
    ("mean", "Mean"),
    ("employment", "Employment"),
    ("employment_rse", "Employment RSE"),
    ("wage_rse", "Mean wage RSE"),
)
PERCENTILE_LABELS = {label for name, label in FIGURE_LABELS if name in {n for _p, n in PERCENTILES}}
