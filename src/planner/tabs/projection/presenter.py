"""The "Projection" tab: validates the inputs as typed, runs the engine and hands the view what to draw.

The profile lives in the shared ProfileSession; this presenter changes it only through ``session.edit`` (which
validates, keeps the last valid state and makes each change a step of Edit > Undo) and redraws after every change
it subscribed to, so a skill ticked on the Skills tab moves the curve at once.

An input is checked on every keystroke (``field_edited``: a message next to the field, nothing stored) and
stored only when its editing finishes (``field_committed``: Enter, Tab, a click elsewhere) and only when it is
valid. So typing "61" never stores 6 on the way, and a refused value leaves the profile as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from typing import Protocol

import numpy as np
from pydantic import ValidationError
from PySide6.QtCore import QObject

from planner.domain.dataset import Dataset
from planner.domain.market import MarketData
from planner.domain.money import usd
from planner.domain.plans import Scenario
from planner.domain.profile import Assumptions, Profile
from planner.domain.projection import Projection, project
from planner.domain.projection_basis import Comp, Dollars, article_level_index, pay_basis
from planner.domain.projection_text import Breakdown, next_step_text, notes
from planner.domain.provenance import as_of
from planner.domain.scenarios import TODAY_PATH, compare, scenario_projection
from planner.domain.take_home_text import breakdown_of
from planner.domain.tax_codes import STATE_NAMES
from planner.domain.text import escape as _escape
from planner.presenters.choices import Choice
from planner.presenters.display import DisplayChoice
from planner.presenters.fields import (
    FIELDS,
    RANGE_MESSAGES,
    InputError,
    check_field,
    current_value,
    format_field,
    parse_field,
)
from planner.presenters.learning_plan import plan_marks
from planner.presenters.session import PROJECTION_INPUTS, Part, ProfileChange, ProfileSession
from planner.tabs.projection.change_text import NEXT_STEP, Shown
from planner.tabs.projection.change_text import describe as describe_change
from planner.tabs.projection.chart_data import (
    COMP_LABEL,
    DOLLARS_LABEL,
    Y_DOLLARS,
    CurveData,
    ProjectionChart,
    history_points,
    promotion_mark,
)
from planner.tabs.projection.readouts import breakdown_html, crosshair_text, signed
from planner.tabs.projection.scenario_text import describe, market_median
from planner.tabs.projection.tables import DifferenceRows, DifferencesTableModel, ProjectionTableModel


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
    def show_year(self, t: int, crosshair: str, breakdown: Callable[[], str]) -> None: ...
    def show_summary(self, html: str) -> None: ...
    def show_change(self, text: str) -> None: ...
    def show_notes(self, notes: Callable[[], str]) -> None: ...


class ProjectionPresenter(QObject):
    def __init__(
        self,
        dataset: Dataset,
        session: ProfileSession,
        view: ProjectionView,
        current_year: int,
        parent: QObject | None = None,
        display: DisplayChoice | None = None,
    ) -> None:
        super().__init__(parent)
        # How pay is shown: the window's choice (the Skills tab's figures follow it too), or one of its own.
        self.display = display if display is not None else DisplayChoice(self)
        self.display.changed.connect(self._display_changed)
        self._previous: Shown | None = None  # the projection before the last change, as shown
        self._said_salary = False  # "this year's figure stays the salary you entered", said once
        self._dataset = dataset
        self._session = session
        self._view = view
        self.current_year = current_year
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

    @property
    def dollars(self) -> Dollars:
        return self.display.dollars

    @property
    def comp(self) -> Comp:
        return self.display.comp

    def refresh(self, change: ProfileChange | None = None) -> None:
        """Show the profile again after ``change`` (everything when None): the fields and choices when where you
        stand or work changed; today's path projected again only when one of its inputs changed; and in the
        headline, what the change did, with the curve before it drawn faint."""
        parts = change.parts if change is not None else Part.ALL
        profile = self._session.profile
        if parts & (Part.STANDING | Part.WORKPLACE | Part.ASSUMPTIONS):
            self._show_fields(profile)
            self._view.show_profile_choice(profile.industry, profile.employer)
            self._show_levels(profile)
        after_tax = self.comp == "take_home"  # the Market tab's area may give the state whose taxes apply
        if parts == Part.MARKET and not after_tax:
            self._show_differences()  # the Market tab's area: the BLS column only
            return
        before = self._shown() if change is not None and self.chart is not None else None
        self._previous = None
        if before is not None and parts & PROJECTION_INPUTS:
            self._previous = before  # drawn faint until the next change
        self.recompute(today=bool(parts & PROJECTION_INPUTS) or after_tax or self.projection is None)
        if before is not None and change is not None:
            after = self._shown()
            if self._previous is not None and np.array_equal(np.round(before.y), np.round(after.y)):
                self._previous = None  # nothing moved: no faint copy
                assert self.chart is not None
                self.chart = dataclasses.replace(self.chart, previous=None)
                self._view.show_chart(self.chart)
            text, said = describe_change(
                change.text,
                change.kind,
                before,
                after,
                salary_entered=profile.current_salary is not None,
                say_salary=not self._said_salary and bool(parts & (Part.SKILLS | Part.PLAN)),
            )
            self._said_salary |= said
            self._view.show_change(text)
        elif change is None and not profile.skills:
            self._view.show_change(NEXT_STEP)

    def _shown(self) -> Shown:
        proj, chart = self.projection, self.chart
        assert proj is not None
        assert chart is not None
        promotions = {proj.plans[lv].name: int(proj.calendar_years[t]) for t, lv in proj.level_changes()}
        scenarios = {c.name: c.total for c in chart.comparisons if c.key.startswith("scenario-")}
        y = chart.main.y
        return Shown(y, chart.main.total, proj.horizon, promotions, self.display.words(), int(chart.x[0]), scenarios)

    def _display_changed(self) -> None:
        self._previous = None  # a curve in other dollars or pay is no "before"
        self._view.show_change("")
        if self.projection is not None:
            self.recompute(today=True)  # take-home pay chosen or left: projected with the taxes or without

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
        taxes, source = proj.taxes, self.display.taxes
        moved = (lambda sc: source.for_scenario(taxes, sc)) if taxes and source else (lambda sc: None)
        self.scenarios = [
            (sc, scenario_projection(ds, profile, sc, self.current_year, moved(sc))) for sc in profile.shown_scenarios()
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
        self._view.show_notes(self.notes_html)  # made when "Why this number?" is laid out
        self._show_year()

    def _project_today(self) -> None:
        """Today's path, and the comparisons drawn beside it (another industry, employer, the next skills)."""
        ds, profile = self._dataset, self._session.profile
        taxes = self.display.tax_setting(profile)  # None unless take-home pay is shown
        proj = project(ds, profile, self.current_year, taxes=taxes)
        self.projection = proj
        comparisons: dict[str, Projection] = {}
        if self.compare_industry is not None:
            basis = pay_basis(ds, industry=self.compare_industry)
            comparisons["industry"] = project(ds, profile, self.current_year, basis=basis, taxes=taxes)
        if self.compare_employer is not None:
            basis = pay_basis(ds, employer=self.compare_employer)
            comparisons["employer"] = project(ds, profile, self.current_year, basis=basis, taxes=taxes)
        nxt = proj.next_promotion()
        if nxt is None:
            self._view.show_next_skills_option("With the next level (none: top level)", False)
        else:
            self._view.show_next_skills_option(f"With all {nxt.name} skills", True)
            if self.compare_next_skills:
                extra = [sk.id for sk in nxt.level.skills]
                comparisons["next-skills"] = project(ds, profile, self.current_year, extra_skills=extra, taxes=taxes)
        self._today_comparisons = comparisons

    def _show_differences(self) -> None:
        """The "Scenarios side by side" table, with the BLS median of each one's market area (worked out when read)."""
        ds, profile, proj = self._dataset, self._session.profile, self.projection
        if proj is None:
            return
        scenarios, dollars, comp = list(self.scenarios), self.dollars, self.comp
        areas = [profile.market_area, *(sc.market_area or profile.market_area for sc, _p in scenarios)]
        market = self.market() if any(areas) else None

        def rows() -> DifferenceRows:
            return (
                compare([(TODAY_PATH, proj), *((sc.name, p) for sc, p in scenarios)], dollars, comp),
                ["your profile as it is", *(describe(ds, profile, sc, market) for sc, _p in scenarios)],
                [market_median(market, profile, area) for area in areas] if market is not None else [],
            )

        what = f"{DOLLARS_LABEL[dollars]}, {COMP_LABEL[comp]}"
        self.differences.set_rows(rows, 1 + len(scenarios), self.current_year, proj.horizon, what, market is not None)

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
            outside = other.outside_article(d)
            curves.append(CurveData(key, self._label(key, other), y, float(y.sum()), short, outside))
        marks = tuple(promotion_mark(proj, series.projected, x, t, lv, d) for t, lv in proj.level_changes())
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
            comp=c,
            base_y=proj.projected(d, "base") if c == "total" else None,
            **history_points(self._session.profile.pay_history, proj.assumptions.inflation, d, self.current_year),
            plan_marks=plan_marks(proj, series.projected, self._session.profile.plan),
            previous=self._previous.y if self._previous is not None else None,
            taxes=proj.taxes if c == "take_home" else None,
        )

    def headline(self) -> tuple[str, str, str]:
        """This year's pay, the next level and when, and the earnings over the horizon (plain text each)."""
        proj, chart = self.projection, self.chart
        assert proj is not None
        assert chart is not None
        first, last = int(chart.x[0]), int(chart.x[-1])
        taxes = f"; {STATE_NAMES[proj.taxes.state]} taxes" if proj.taxes and self.comp == "take_home" else ""
        return (
            f"{usd(float(chart.main.y[0]))}{' take-home' if taxes else ''} this year ({proj.level_name(0)}{taxes})",
            next_step_text(proj),
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
            f"{_escape(curve.label)}: {signed(curve.total - chart.main.total)}"
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
        assert self.chart is not None
        return crosshair_text(self.chart, t)

    def breakdown(self, t: int) -> Breakdown:
        assert self.projection is not None
        return breakdown_of(self.projection, t, self.dollars, self.comp)

    def breakdown_html(self, t: int) -> str:
        return breakdown_html(self.breakdown(t))

    def _show_year(self) -> None:
        t = self.selected
        self._view.show_year(t, self.crosshair_text(t), partial(self.breakdown_html, t))  # made when laid out

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
        self.display.choose(dollars="today" if dollars == "today" else "nominal")

    def comp_chosen(self, comp: str) -> None:
        self.display.choose(comp=comp if comp in ("total", "take_home") else "base")  # type: ignore[arg-type]

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
