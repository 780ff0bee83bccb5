"""The "Projection" tab: validates the inputs as typed, runs the engine and hands the view what to draw.

The profile lives in the shared ProfileSession; this presenter changes it only through ``session.edit`` (which
validates, keeps the last valid state and makes each change a step of Edit > Undo) and redraws after every change
it subscribed to, so a skill ticked on the Skills tab moves the curve at once.

An input is checked on every keystroke (``field_edited``: a message next to the field, nothing stored) and
stored only when its editing finishes (``field_committed``: Enter, Tab, a click elsewhere) and only when it is
valid. So typing "61" never stores 6 on the way, and a refused value leaves the profile as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

import numpy as np
from pydantic import ValidationError
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from planner.domain.dataset import Dataset
from planner.domain.market import MarketData
from planner.domain.money import usd
from planner.domain.plans import Scenario
from planner.domain.profile import Assumptions, Profile
from planner.domain.projection import Projection, project
from planner.domain.projection_basis import Comp, Dollars, FloatArray, IntArray, article_level_index, pay_basis
from planner.domain.projection_text import Breakdown, breakdown, next_step_text, notes, years_text
from planner.domain.provenance import KIND_LABELS, as_of
from planner.domain.scenarios import TODAY_PATH, compare, scenario_projection
from planner.domain.text import escape as _escape
from planner.presenters.choices import Choice
from planner.presenters.fields import (
    FIELDS,
    RANGE_MESSAGES,
    InputError,
    check_field,
    current_value,
    format_field,
    parse_field,
)
from planner.presenters.learning_plan import PlanMark, plan_marks
from planner.presenters.session import PROJECTION_INPUTS, Part, ProfileChange, ProfileSession
from planner.tabs.projection.scenarios import DifferencesTableModel, describe, market_median

# --- what the view draws ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CurveData:
    key: str  # "main", "industry", "employer", "next-skills", "scenario-0" .. "scenario-4"
    label: str  # the table's column and the CSV's
    y: FloatArray
    total: float
    short: str = ""  # the chart's legend and readout, when shorter than ``label`` (a scenario: its name)

    @property
    def name(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class LevelMark:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class ProjectionChart:
    x: FloatArray  # calendar years
    low: FloatArray
    high: FloatArray
    main: CurveData
    comparisons: tuple[CurveData, ...]
    level_marks: tuple[LevelMark, ...]
    today_x: float
    today_label: str
    y_label: str
    band_label: str
    level_names: tuple[str, ...]
    experience: FloatArray
    # Total compensation only: the base salary inside it (the rest, up to the curve, is bonus and equity).
    base_y: FloatArray | None = None
    # Per year: +1 above the article's largest figure, -1 below its smallest (base salary, in the dollars shown).
    outside: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    outside_label: str = "Beyond the article's figures"  # the notes and the table's tooltip say more
    # The pay history: the base salaries the user recorded, by calendar year (may lie before today).
    history_x: FloatArray = field(default_factory=lambda: np.zeros(0))
    history_y: FloatArray = field(default_factory=lambda: np.zeros(0))
    history_label: str = ""
    history_texts: tuple[str, ...] = ()
    # The learning plan: where planned skills start to change the pay (presenters.learning_plan).
    plan_marks: tuple[PlanMark, ...] = ()


def _figure_choice(name: str, amount: int, qualifier: str | None) -> str:
    """ "Amazon (highest salary $254,000)", "Google (almost $148,000)": the article's figure in its own words."""
    word = "highest salary" if qualifier == "highest" else qualifier
    return f"{name} ({word + ' ' if word else ''}{usd(amount)})"


class ProjectionView(Protocol):
    def show_field_text(self, key: str, text: str) -> None: ...
    def show_field_error(self, key: str, message: str) -> None: ...
    def show_choices(self, industries: list[Choice], employers: list[Choice]) -> None: ...
    def show_levels(self, levels: list[Choice]) -> None: ...
    def show_profile_choice(self, industry: str | None, employer: str | None) -> None: ...
    def show_level_choice(self, level: str | None) -> None: ...
    def show_next_skills_option(self, label: str, available: bool) -> None: ...
    def show_chart(self, chart: ProjectionChart) -> None: ...
    def show_year(self, t: int, crosshair: str, breakdown_html: str) -> None: ...
    def show_summary(self, html: str) -> None: ...
    def show_notes(self, html: str) -> None: ...


DOLLARS_LABEL: dict[Dollars, str] = {"nominal": "nominal dollars", "today": "today's dollars"}
COMP_LABEL: dict[Comp, str] = {"base": "base salary", "total": "total compensation"}
Y_DOLLARS: dict[Dollars, str] = {"nominal": "nominal $", "today": "today's $"}


# How each line of "Why this number?" is labelled when it is not one of the article's figures.
_ORIGIN: dict[str, str] = {
    "data": "The article's figure",
    "assumption": "Assumption, not data: yours to change on this tab",
    "derived": "Derived by the app from the article and your inputs",
    "inferred": KIND_LABELS["inferred"],
    "yours": "Your input",
}


def _signed(amount: float) -> str:
    return ("+" if amount >= 0.5 else "") + usd(amount)


def outside_text(side: int, short: bool = False) -> str:
    if side > 0:
        return "⚠ above" if short else "⚠ above the article's largest figure"
    if side < 0:
        return "⚠ below" if short else "⚠ below the article's smallest figure"
    return ""


class ProjectionPresenter(QObject):
    def __init__(
        self,
        dataset: Dataset,
        session: ProfileSession,
        view: ProjectionView,
        current_year: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dataset = dataset
        self._session = session
        self._view = view
        self.current_year = current_year
        self.dollars: Dollars = "nominal"
        self.comp: Comp = "base"
        self.compare_industry: str | None = None
        self.compare_employer: str | None = None
        self.compare_next_skills = False
        self.selected = 0
        self.errors: dict[str, str] = {}
        self._typed: dict[str, str] = {}
        self._pending: set[str] = set()  # typed, not yet committed (editing not finished)
        self.projection: Projection | None = None
        self.comparisons: dict[str, Projection] = {}
        self._today_comparisons: dict[str, Projection] = {}
        self.scenarios: list[tuple[Scenario, Projection]] = []  # the scenarios shown, each with its projection
        self.chart: ProjectionChart | None = None
        self.table = ProjectionTableModel()
        self.differences = DifferencesTableModel()
        # The BLS wages for the "where you work" column, read when an area is first chosen (set by the app).
        self.market: Callable[[], MarketData | None] = lambda: None
        # Every part but the Market tab's choice, which only the differences table's BLS column reads.
        session.subscribe(self, Part.ALL, self.refresh)

    # --- start and refresh -----------------------------------------------------------------------------------

    def start(self) -> None:
        ds = self._dataset
        self._view.show_choices(
            [
                Choice(None, "All industries"),
                *(Choice(i.id, _figure_choice(i.name, i.average.amount, i.average.qualifier)) for i in ds.industries),
            ],
            [
                Choice(None, "No particular employer"),
                *(Choice(e.id, _figure_choice(e.name, e.pay.amount, e.pay.qualifier)) for e in ds.employers),
            ],
        )
        self.refresh()

    def refresh(self, change: ProfileChange | None = None) -> None:
        """Show the profile again after ``change`` (everything when None): the fields and choices when where you
        stand or work changed; today's path projected again only when one of its inputs changed."""
        parts = change.parts if change is not None else Part.ALL
        profile = self._session.profile
        if parts & (Part.STANDING | Part.WORKPLACE | Part.ASSUMPTIONS):
            self._show_fields(profile)
            self._view.show_profile_choice(profile.industry, profile.employer)
            self._show_levels(profile)
        if parts == Part.MARKET:
            self._show_differences()  # the Market tab's area: the BLS column only
            return
        self.recompute(today=bool(parts & PROJECTION_INPUTS) or self.projection is None)

    def _show_levels(self, profile: Profile) -> None:
        ds = self._dataset
        by_years = ds.levels[article_level_index(ds, float(profile.years_of_experience))]
        self._view.show_levels(
            [
                Choice(None, f"From my experience ({by_years.name})"),
                *(Choice(lv.id, f"{lv.name} ({lv.experience.label} in the article)") for lv in ds.levels),
            ]
        )
        known = any(lv.id == profile.current_level for lv in ds.levels)
        self._view.show_level_choice(profile.current_level if known else None)

    def _show_fields(self, profile: Profile) -> None:
        for spec in FIELDS:
            if spec.key in self.errors or spec.key in self._pending:
                continue  # keep what the user is typing, or typed with its message, until they finish or fix it
            typed = self._typed.get(spec.key)
            if typed is not None:
                try:
                    if parse_field(spec, typed) == current_value(spec, profile):
                        continue  # the field already says this (perhaps written differently): leave it alone
                except InputError:
                    pass
            text = format_field(spec, profile)
            self._typed[spec.key] = text
            self._view.show_field_text(spec.key, text)

    def recompute(self, today: bool = True) -> None:
        """Project again and redraw. ``today=False`` keeps today's path and its comparisons (a scenario or an offer
        changed, nothing they read)."""
        if today or self.projection is None:
            self._project_today()
        ds, profile = self._dataset, self._session.profile
        proj = self.projection
        assert proj is not None
        comparisons = dict(self._today_comparisons)
        self.scenarios = [
            (sc, scenario_projection(ds, profile, sc, self.current_year)) for sc in profile.shown_scenarios()
        ]
        for i, (_sc, other) in enumerate(self.scenarios):
            comparisons[f"scenario-{i}"] = other
        self.comparisons = comparisons
        self._show_differences()
        self.selected = min(self.selected, proj.horizon - 1)
        self.chart = self._chart(proj, comparisons)
        self.table.set_chart(self.chart)
        self._view.show_chart(self.chart)
        self._view.show_summary(self.summary_html())
        self._view.show_notes(self.notes_html())
        self._show_year()

    def _project_today(self) -> None:
        """Today's path, and the comparisons drawn beside it (another industry, employer, the next skills)."""
        ds, profile = self._dataset, self._session.profile
        proj = project(ds, profile, self.current_year)
        self.projection = proj
        comparisons: dict[str, Projection] = {}
        if self.compare_industry is not None:
            comparisons["industry"] = project(
                ds, profile, self.current_year, basis=pay_basis(ds, industry=self.compare_industry)
            )
        if self.compare_employer is not None:
            comparisons["employer"] = project(
                ds, profile, self.current_year, basis=pay_basis(ds, employer=self.compare_employer)
            )
        nxt = proj.next_promotion()
        if nxt is None:
            self._view.show_next_skills_option("With all skills of the next level (you are at the top level)", False)
        else:
            self._view.show_next_skills_option(f"With all {nxt.name} skills", True)
            if self.compare_next_skills:
                extra = [sk.id for sk in nxt.level.skills]
                comparisons["next-skills"] = project(ds, profile, self.current_year, extra_skills=extra)
        self._today_comparisons = comparisons

    def _show_differences(self) -> None:
        """The "Scenarios side by side" table, with the BLS median of each one's market area."""
        ds, profile, proj = self._dataset, self._session.profile, self.projection
        if proj is None:
            return
        areas = [profile.market_area, *(sc.market_area or profile.market_area for sc, _p in self.scenarios)]
        market = self.market() if any(areas) else None
        self.differences.set_rows(
            compare([(TODAY_PATH, proj), *((sc.name, p) for sc, p in self.scenarios)], self.dollars, self.comp),
            ["your profile as it is", *(describe(ds, profile, sc, market) for sc, _p in self.scenarios)],
            self.current_year,
            proj.horizon,
            f"{DOLLARS_LABEL[self.dollars]}, {COMP_LABEL[self.comp]}",
            [market_median(market, profile, area) for area in areas] if market is not None else None,
        )

    # --- building --------------------------------------------------------------------------------------------

    def _label(self, key: str, proj: Projection) -> str:
        if key.startswith("scenario-"):
            return f"{self.scenarios[int(key.split('-')[1])][0].name} (scenario)"
        if key == "industry":
            return f"In {proj.basis.name}"
        if key == "employer":
            return f"At {proj.basis.name}"
        nxt = self.projection.next_promotion() if self.projection is not None else None
        return f"With all {nxt.name} skills" if nxt is not None else "With all skills of the next level"

    def _chart(self, proj: Projection, comparisons: dict[str, Projection]) -> ProjectionChart:
        d, c = self.dollars, self.comp
        series = proj.series(d, c)
        x = proj.calendar_years.astype(np.float64)
        name = TODAY_PATH if self.scenarios else "Your projection"
        main = CurveData("main", f"{name} ({proj.basis.name})", series.projected, float(series.projected.sum()))
        curves = []
        for key, other in comparisons.items():
            y = other.projected(d, c)
            short = self.scenarios[int(key.split("-")[1])][0].name if key.startswith("scenario-") else ""
            curves.append(CurveData(key, self._label(key, other), y, float(y.sum()), short))
        raise_pct = f"{proj.assumptions.promotion_raise * 100:g}%"
        marks = tuple(
            LevelMark(float(x[t]), float(series.projected[t]), f"{proj.plans[lv].name} from {int(x[t])} (+{raise_pct})")
            for t, lv in proj.level_changes()
        )
        derived = proj.basis.kind != "all"
        band = "Level range × pay factor (derived)" if derived else "Level range (the article's)"
        return ProjectionChart(
            x=x,
            low=series.low,
            high=series.high,
            main=main,
            comparisons=tuple(curves),
            level_marks=marks,
            today_x=float(self.current_year),
            today_label=f"Today: {proj.level_name(0)}",
            y_label=f"{COMP_LABEL[c].capitalize()} ({Y_DOLLARS[d]})",
            band_label=band,
            level_names=tuple(proj.level_name(t) for t in range(proj.horizon)),
            experience=proj.experience,
            outside=proj.outside_article(d),
            base_y=proj.projected(d, "base") if c == "total" else None,
            **self._history(proj),
            plan_marks=plan_marks(proj, series.projected, self._session.profile.plan),
        )

    def _history(self, proj: Projection) -> dict[str, Any]:
        """The recorded salaries as points: nominal as recorded, or in today's dollars at the inflation assumption.
        They are base salaries, whatever the curve shows."""
        history = self._session.profile.pay_history
        if not history:
            return {}
        years = sorted(history)
        inflation = proj.assumptions.inflation
        ys, texts = [], []
        for year in years:
            amount = float(history[year])
            text = f"{year}: you earned {usd(amount)} base salary (your pay history)"
            if self.dollars == "today":
                factor = (1.0 + inflation) ** (self.current_year - year)
                text += f"; {usd(amount * factor)} in today's dollars at your {inflation * 100:g}% inflation assumption"
                amount *= factor
            ys.append(amount)
            texts.append(text)
        label = "Your recorded base salary"
        if self.dollars == "today":
            label += " (today's dollars)"
        return {
            "history_x": np.array(years, dtype=np.float64),
            "history_y": np.array(ys, dtype=np.float64),
            "history_label": label,
            "history_texts": tuple(texts),
        }

    def headline(self) -> tuple[str, str, str]:
        """This year's pay, the next level and when, and the earnings over the horizon (plain text each)."""
        proj, chart = self.projection, self.chart
        assert proj is not None
        assert chart is not None
        first, last = int(chart.x[0]), int(chart.x[-1])
        return (
            f"{usd(float(chart.main.y[0]))} this year ({proj.level_name(0)})",
            f"Next: {next_step_text(proj)}",
            f"{usd(chart.main.total)} over {proj.horizon} years ({first}–{last})",
        )

    def summary_html(self, *, in_report: bool = False) -> str:
        """The headline in one or two short lines; the method and warnings are in notes_html. ``in_report``: without
        the pointers to the tab's panels (the report lists the warnings and the scenarios itself)."""
        chart = self.chart
        assert chart is not None
        pay, step, total = (_escape(part) for part in self.headline())
        second = [total]
        compared = [
            f"{_escape(curve.label)}: {_signed(curve.total - chart.main.total)}"
            for curve in chart.comparisons
            if not curve.key.startswith("scenario-")
        ]
        if compared:
            second.append("compared: " + "; ".join(compared))
        if self.scenarios and not in_report:
            count = len(self.scenarios)
            second.append(f"{count} scenario{'s' if count != 1 else ''} drawn (table: “Scenarios side by side”)")
        warnings = sum(1 for n in self._notes() if n.startswith("⚠"))
        if warnings and not in_report:
            second.append(f"⚠ {warnings} note{'s' if warnings != 1 else ''} in “Why this number?”")
        return f"<b>{pay}</b> · {step}<br>" + " · ".join(second)

    def _notes(self) -> list[str]:
        assert self.projection is not None
        return notes(self.projection, self.dollars)

    def warnings_html(self) -> str:
        """Only the ⚠ notes, for the career report (which has its own sources section)."""
        return "".join(f"<br>{_escape(n)}" for n in self._notes() if n.startswith("⚠"))

    def notes_html(self) -> str:
        """The notes (method, factors, warnings) and where the figures come from, for "Why this number?"."""
        items = "".join(f"<li>{_escape(n)}</li>" for n in self._notes())
        return (
            f"<ul style='margin-left:-24px'>{items}</ul>"
            f"<p><small>Level ranges, industry and employer pay: the article's figures, "
            f"{_escape(as_of(self._dataset))} (Help &gt; Data sources). Raises, inflation, bonus, equity, the "
            "promotion shift and raise and the skill pace are assumptions, yours to change.</small></p>"
        )

    def crosshair_text(self, t: int) -> str:
        chart = self.chart
        assert chart is not None
        lines = [
            f"{int(chart.x[t])} · {years_text(float(chart.experience[t]))} of experience · {chart.level_names[t]}",
            f"Projected {usd(float(chart.main.y[t]))} (range {usd(float(chart.low[t]))} – {usd(float(chart.high[t]))})",
        ]
        note = outside_text(int(chart.outside[t])) if len(chart.outside) else ""
        if note:
            lines.append(note)
        others = [f"{curve.name}: {usd(float(curve.y[t]))}" for curve in chart.comparisons]
        per_line = 1 if len(others) <= 2 else 2  # many curves: two to a line, so the readout covers less chart
        lines += [" · ".join(others[i : i + per_line]) for i in range(0, len(others), per_line)]
        return "\n".join(lines)

    def breakdown(self, t: int) -> Breakdown:
        assert self.projection is not None
        return breakdown(self.projection, t, self.dollars, self.comp)

    def breakdown_html(self, t: int) -> str:
        b = self.breakdown(t)
        rows: list[str] = []
        first = True
        for line in b.lines:
            amount = ""
            if line.amount is not None:
                amount = usd(line.amount) if first else _signed(line.amount)
                first = False
            origin = line.source if line.kind == "data" and line.source else _ORIGIN[line.kind]
            if line.kind == "derived" and line.source:
                origin = f"{_ORIGIN['derived']}; {line.source}"
            rows.append(
                f"<tr><td><b>{_escape(line.label)}</b><br><small>{_escape(line.detail)}</small>"
                f"<br><small><i>{_escape(origin)}</i></small></td>"
                f"<td align='right' style='white-space:nowrap'>{amount}</td></tr>"
            )
        what = f"{COMP_LABEL[b.comp]}, {DOLLARS_LABEL[b.dollars]}"
        return (
            f"<p><b>Why {usd(b.total)} in {b.calendar_year}?</b> {_escape(b.level_name)}, "
            f"{years_text(b.experience)} of experience <i>({what})</i></p>"
            f"<table width='100%' cellspacing='0' cellpadding='3'>{''.join(rows)}"
            f"<tr><td><b>= Projected {what}</b></td><td align='right'><b>{usd(b.total)}</b></td></tr></table>"
        )

    def _show_year(self) -> None:
        t = self.selected
        self._view.show_year(t, self.crosshair_text(t), self.breakdown_html(t))

    # --- intents from the view -------------------------------------------------------------------------------

    def field_edited(self, key: str, text: str) -> None:
        """The text changed (a keystroke): check it and say what is wrong, but store nothing yet."""
        spec = next(s for s in FIELDS if s.key == key)
        self._typed[key] = text
        self._pending.add(key)
        try:
            check_field(spec, text, self._session.profile)
        except InputError as exc:
            self._set_error(key, str(exc))
            return
        self._clear_error(key)

    def field_committed(self, key: str, text: str) -> None:
        """Editing finished (Enter, Tab, focus elsewhere): store the value if it is valid; a refused value
        leaves the profile at its last valid state, and the text with its message stays to be corrected."""
        spec = next(s for s in FIELDS if s.key == key)
        self._typed[key] = text
        self._pending.discard(key)
        try:
            value = check_field(spec, text, self._session.profile)
            name = f"set {spec.label.split(' (')[0].lower()} to {text.strip() or 'empty'}"
            if spec.assumption:
                # Validated here (raises ValidationError): model_copy(update=...) alone would skip validation.
                assumptions = Assumptions.model_validate({**self._session.profile.assumptions.model_dump(), key: value})
                self._session.edit(name, initiator=self, assumptions=assumptions)
            else:
                self._session.edit(name, initiator=self, **{key: value})
        except InputError as exc:
            self._set_error(key, str(exc))
            return
        except ValidationError:
            self._set_error(key, RANGE_MESSAGES[spec.kind])
            return
        self._clear_error(key)

    def _clear_error(self, key: str) -> None:
        if key in self.errors:
            del self.errors[key]
            self._view.show_field_error(key, "")

    def _set_error(self, key: str, message: str) -> None:
        self.errors[key] = message
        self._view.show_field_error(key, message)

    def industry_chosen(self, industry: str | None) -> None:
        self._session.edit("choose the industry", initiator=self, industry=industry)

    def employer_chosen(self, employer: str | None) -> None:
        self._session.edit("choose the employer", initiator=self, employer=employer)

    def level_chosen(self, level: str | None) -> None:
        """Today's level: one of the data's levels, or None for the one the article's years give."""
        self._session.edit("choose today's level", initiator=self, current_level=level)

    def dollars_chosen(self, dollars: str) -> None:
        self.dollars = "today" if dollars == "today" else "nominal"
        self.recompute()

    def comp_chosen(self, comp: str) -> None:
        self.comp = "total" if comp == "total" else "base"
        self.recompute()

    def compare_industry_chosen(self, industry: str | None) -> None:
        self.compare_industry = industry
        self.recompute()

    def compare_employer_chosen(self, employer: str | None) -> None:
        self.compare_employer = employer
        self.recompute()

    def compare_next_skills_toggled(self, on: bool) -> None:
        self.compare_next_skills = on
        self.recompute()

    def year_selected(self, t: int) -> None:
        if self.projection is None:
            return
        t = min(max(int(t), 0), self.projection.horizon - 1)
        if t == self.selected:
            return
        self.selected = t
        self._show_year()


class ProjectionTableModel(QAbstractTableModel):
    """The chart's figures as a table (for screen readers and for copying): one row per year."""

    FIXED = ("Year", "Experience", "Level", "Low", "Projected", "High", "Cumulative", "Against the article")
    NOTE = 7

    def __init__(self) -> None:
        super().__init__()
        self._chart: ProjectionChart | None = None
        self._headers: tuple[str, ...] = self.FIXED
        self._cumulative: FloatArray = np.zeros(0)

    def set_chart(self, chart: ProjectionChart) -> None:
        """New figures: a reset when the columns change, else one dataChanged (cheaper to repaint)."""
        headers = self.FIXED + tuple(c.label for c in chart.comparisons)
        same_shape = self._chart is not None and headers == self._headers and len(self._chart.x) == len(chart.x)
        if same_shape:
            self._chart = chart
            self._cumulative = np.cumsum(chart.main.y)
            rows, cols = self.rowCount(), self.columnCount()
            if rows and cols:
                self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))
            return
        self.beginResetModel()
        self._chart = chart
        self._cumulative = np.cumsum(chart.main.y)
        self._headers = headers
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._chart is None else len(self._chart.x)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    HEADER_TIPS: ClassVar[dict[int, str]] = {
        3: "Bottom of your level's range: the article's figure, times the pay factor of your industry or employer",
        4: "The app's projection: the article's ranges, your salary and skills, and your assumptions",
        5: "Top of your level's range: the article's figure, times the pay factor of your industry or employer",
        6: "Projected earnings summed from this year on (the app's projection)",
        7: "Years whose projected base salary, in the dollars shown, is outside every figure the article gives",
    }

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.HEADER_TIPS.get(section, "The app's projection with your assumptions" if section > 7 else None)
        return None

    def value(self, row: int, column: int) -> float | str:
        chart = self._chart
        assert chart is not None
        if column == 0:
            return int(chart.x[row])
        if column == 1:
            return float(chart.experience[row])
        if column == 2:
            return chart.level_names[row]
        if column == self.NOTE:
            return outside_text(int(chart.outside[row])) if len(chart.outside) else ""
        arrays = (chart.low, chart.main.y, chart.high, self._cumulative)
        if column < self.NOTE:
            return float(arrays[column - 3][row])
        return float(chart.comparisons[column - self.NOTE - 1].y[row])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._chart is None:
            return None
        value = self.value(index.row(), index.column())
        if role == Qt.ItemDataRole.UserRole:
            return value
        if index.column() == self.NOTE and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            assert self._chart is not None
            side = int(self._chart.outside[index.row()]) if len(self._chart.outside) else 0
            return outside_text(side, short=role == Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0 or isinstance(value, str):
                return str(value)
            if index.column() == 1:
                return years_text(float(value))
            return usd(float(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3 and index.column() != self.NOTE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
