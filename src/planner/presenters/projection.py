"""The "Projection" tab: validates the inputs as typed, runs the engine and hands the view what to draw.

The profile lives in the shared ProfileSession; this presenter changes it only through ``session.update`` and
``session.update_assumptions`` (which validate and keep the last valid state) and redraws on every
``session.changed``, so a skill ticked on the Skills tab moves the curve at once.

An input is checked on every keystroke (``field_edited``: a message next to the field, nothing stored) and
stored only when its editing finishes (``field_committed``: Enter, Tab, a click elsewhere) and only when it is
valid. So typing "61" never stores 6 on the way, and a refused value leaves the profile as it was.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Protocol

import numpy as np
from pydantic import ValidationError
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from planner.domain.dataset import Dataset
from planner.domain.money import usd
from planner.domain.profile import MAX_PROMOTION_SHIFT, MAX_RATE, MAX_SALARY, MAX_YEARS, Assumptions, Profile
from planner.domain.projection import (
    Breakdown,
    Comp,
    Dollars,
    FloatArray,
    Projection,
    next_level_skill_ids,
    pay_basis,
    project,
    time_to_next_level,
    years_text,
)
from planner.domain.provenance import KIND_LABELS, as_of
from planner.domain.text import escape as _escape
from planner.presenters.choices import Choice
from planner.presenters.session import ProfileSession

# --- the inputs ------------------------------------------------------------------------------------------------

FieldKind = Literal["years", "salary", "horizon", "percent", "bonus", "money", "shift"]


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    hint: str  # shown next to the field: the default or "optional"
    kind: FieldKind
    assumption: bool  # True: a field of profile.assumptions; False: of the profile


def _default(name: str) -> Any:
    return Assumptions.model_fields[name].default


def _pct(fraction: float) -> str:
    return f"{fraction * 100:g}%"


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("years_of_experience", "Years of experience", f"0 to {MAX_YEARS}", "years", False),
    FieldSpec(
        "current_salary",
        "Current base salary (USD a year)",
        "optional; when empty, the latest year of your pay history is used",
        "salary",
        False,
    ),
    FieldSpec("horizon_years", "Horizon (years)", f"default {_default('horizon_years')}", "horizon", True),
    FieldSpec("inflation", "Inflation (% a year)", f"default {_pct(_default('inflation'))}", "percent", True),
    FieldSpec(
        "yearly_raise", "Yearly raise within a level (%)", f"default {_pct(_default('yearly_raise'))}", "percent", True
    ),
    FieldSpec("bonus_percent", "Bonus (% of base)", f"default {_default('bonus_percent'):g}%", "bonus", True),
    FieldSpec(
        "yearly_equity",
        "Yearly equity (USD, today's dollars)",
        f"default {usd(_default('yearly_equity'))}",
        "money",
        True,
    ),
    FieldSpec(
        "promotion_shift_years",
        "Promotion moved by skills (years)",
        f"default {_default('promotion_shift_years'):g}; all of a level's skills: promoted that much earlier, "
        "none: that much later",
        "shift",
        True,
    ),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)

_RANGE_MESSAGES: dict[FieldKind, str] = {
    "years": f"Enter years between 0 and {MAX_YEARS}.",
    "salary": f"Enter a yearly salary between $1 and {usd(MAX_SALARY)}, or leave it empty.",
    "horizon": f"Enter a whole number of years from 1 to {MAX_YEARS}.",
    "percent": f"Enter a percentage from 0 to {MAX_RATE * 100:g}.",
    "bonus": "Enter a percentage of base salary from 0 to 200.",
    "money": f"Enter an amount from $0 to {usd(MAX_SALARY)}.",
    "shift": f"Enter years from 0 to {MAX_PROMOTION_SHIFT}.",
}


class InputError(ValueError):
    pass


def parse_field(spec: FieldSpec, text: str) -> Any:
    """The value to store for what the user typed, or InputError with the message to show."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace("$", "").replace("%", "").strip()
    if not cleaned:
        if spec.kind == "salary":
            return None
        raise InputError("Enter a number." if spec.kind != "years" else "Enter your years of experience (0 or more).")
    multiplier = 1.0
    if spec.kind in ("salary", "money") and cleaned[-1] in "kK":
        cleaned, multiplier = cleaned[:-1].strip(), 1000.0
    try:
        number = float(cleaned) * multiplier
    except ValueError:
        raise InputError(f"“{text.strip()}” is not a number. {_RANGE_MESSAGES[spec.kind]}") from None
    if not math.isfinite(number):
        raise InputError(f"Enter a finite number. {_RANGE_MESSAGES[spec.kind]}")
    if number < 0:
        raise InputError(f"A negative number is not allowed. {_RANGE_MESSAGES[spec.kind]}")
    number += 0.0  # "-0" is 0, never -0.0
    if spec.kind == "horizon":
        if number != int(number):
            raise InputError(_RANGE_MESSAGES["horizon"])
        return int(number)
    if spec.kind in ("salary", "money"):
        return round(number)
    if spec.kind == "percent":
        return number / 100.0
    return number


def check_field(spec: FieldSpec, text: str, profile: Profile) -> Any:
    """The value to store for ``text`` if the profile would accept it, else InputError with the message to show.
    Stores nothing."""
    value = parse_field(spec, text)
    try:
        if spec.assumption:
            Assumptions.model_validate({**profile.assumptions.model_dump(), spec.key: value})
        else:
            Profile.model_validate({**profile.model_dump(), spec.key: value})
    except ValidationError:
        raise InputError(_RANGE_MESSAGES[spec.kind]) from None
    return value


def format_field(spec: FieldSpec, profile: Profile) -> str:
    value = getattr(profile.assumptions, spec.key) if spec.assumption else getattr(profile, spec.key)
    if value is None:
        return ""
    if spec.kind == "percent":
        return f"{value * 100:.10g}"
    if spec.kind in ("salary", "money"):
        return f"{value:,}"
    return f"{value:g}"


def _current_value(spec: FieldSpec, profile: Profile) -> Any:
    return getattr(profile.assumptions, spec.key) if spec.assumption else getattr(profile, spec.key)


# --- what the view draws ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CurveData:
    key: str  # "main", "industry", "employer", "next-skills"
    label: str
    y: FloatArray
    total: float


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
    # The pay history: the base salaries the user recorded, by calendar year (may lie before today).
    history_x: FloatArray = field(default_factory=lambda: np.zeros(0))
    history_y: FloatArray = field(default_factory=lambda: np.zeros(0))
    history_label: str = ""
    history_texts: tuple[str, ...] = ()


def _figure_choice(name: str, amount: int, qualifier: str | None) -> str:
    """ "Amazon (highest salary $254,000)", "Google (almost $148,000)": the article's figure in its own words."""
    word = "highest salary" if qualifier == "highest" else qualifier
    return f"{name} ({word + ' ' if word else ''}{usd(amount)})"


class ProjectionView(Protocol):
    def show_field_text(self, key: str, text: str) -> None: ...
    def show_field_error(self, key: str, message: str) -> None: ...
    def show_choices(self, industries: list[Choice], employers: list[Choice]) -> None: ...
    def show_profile_choice(self, industry: str | None, employer: str | None) -> None: ...
    def show_next_skills_option(self, label: str, available: bool) -> None: ...
    def show_chart(self, chart: ProjectionChart) -> None: ...
    def show_year(self, t: int, crosshair: str, breakdown_html: str) -> None: ...
    def show_summary(self, html: str) -> None: ...


DOLLARS_LABEL: dict[Dollars, str] = {"nominal": "nominal dollars", "today": "today's dollars"}
COMP_LABEL: dict[Comp, str] = {"base": "base salary", "total": "total compensation"}


# How each line of "Why this number?" is labelled when it is not a sourced figure.
_ORIGIN: dict[str, str] = {
    "data": "Data",
    "assumption": "Assumption, not data: yours to change on this tab",
    "derived": "Derived by the app from the data and your inputs",
    "inferred": KIND_LABELS["inferred"],
    "yours": "Your input",
}


def _signed(amount: float) -> str:
    return ("+" if amount >= 0.5 else "") + usd(amount)


class ProjectionPresenter:
    def __init__(self, dataset: Dataset, session: ProfileSession, view: ProjectionView, current_year: int) -> None:
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
        self.chart: ProjectionChart | None = None
        self.table = ProjectionTableModel()
        session.changed.connect(self.refresh)

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

    def refresh(self) -> None:
        profile = self._session.profile
        self._show_fields(profile)
        self._view.show_profile_choice(profile.industry, profile.employer)
        self.recompute()

    def _show_fields(self, profile: Profile) -> None:
        for spec in FIELDS:
            if spec.key in self.errors or spec.key in self._pending:
                continue  # keep what the user is typing, or typed with its message, until they finish or fix it
            typed = self._typed.get(spec.key)
            if typed is not None:
                try:
                    if parse_field(spec, typed) == _current_value(spec, profile):
                        continue  # the field already says this (perhaps written differently): leave it alone
                except InputError:
                    pass
            text = format_field(spec, profile)
            self._typed[spec.key] = text
            self._view.show_field_text(spec.key, text)

    def recompute(self) -> None:
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
        nxt = time_to_next_level(ds, profile)
        if nxt is None:
            self._view.show_next_skills_option("With all skills of the next level (you are at the top level)", False)
        else:
            self._view.show_next_skills_option(f"With all {nxt.level.name} skills", True)
            if self.compare_next_skills:
                comparisons["next-skills"] = project(
                    ds, profile, self.current_year, extra_skills=next_level_skill_ids(ds, profile)
                )
        self.comparisons = comparisons
        self.selected = min(self.selected, proj.horizon - 1)
        self.chart = self._chart(proj, comparisons)
        self.table.set_chart(self.chart, self.dollars, self.comp)
        self._view.show_chart(self.chart)
        self._view.show_summary(self.summary_html())
        self._show_year()

    # --- building --------------------------------------------------------------------------------------------

    def _label(self, key: str, proj: Projection) -> str:
        if key == "industry" or key == "employer":
            return f"In {proj.basis.name}" if key == "industry" else f"At {proj.basis.name}"
        nxt = time_to_next_level(self._dataset, self._session.profile)
        return f"With all {nxt.level.name} skills" if nxt is not None else "With all skills of the next level"

    def _chart(self, proj: Projection, comparisons: dict[str, Projection]) -> ProjectionChart:
        d, c = self.dollars, self.comp
        series = proj.series(d, c)
        x = proj.calendar_years.astype(np.float64)
        main = CurveData(
            "main", f"Your projection ({proj.basis.name})", series.projected, float(series.projected.sum())
        )
        curves = []
        for key, other in comparisons.items():
            y = other.projected(d, c)
            curves.append(CurveData(key, self._label(key, other), y, float(y.sum())))
        marks = tuple(
            LevelMark(float(x[t]), float(series.projected[t]), f"{proj.plans[lv].name} from {int(x[t])}")
            for t, lv in proj.level_changes()
        )
        return ProjectionChart(
            x=x,
            low=series.low,
            high=series.high,
            main=main,
            comparisons=tuple(curves),
            level_marks=marks,
            today_x=float(self.current_year),
            today_label=f"Today: {proj.level_name(0)}",
            y_label=f"{COMP_LABEL[c].capitalize()} ({DOLLARS_LABEL[d]}, USD a year)",
            band_label="Range of your level (low – high, the data)",
            level_names=tuple(proj.level_name(t) for t in range(proj.horizon)),
            experience=proj.experience,
            **self._history(proj),
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

    def summary_html(self) -> str:
        proj, chart = self.projection, self.chart
        assert proj is not None
        assert chart is not None
        first, last = int(chart.x[0]), int(chart.x[-1])
        what = f"{COMP_LABEL[self.comp]}, {DOLLARS_LABEL[self.dollars]}"
        parts = [
            f"<b>Earnings over {proj.horizon} years ({first}–{last}):</b> {usd(chart.main.total)} <i>({what})</i>."
        ]
        for curve in chart.comparisons:
            diff = curve.total - chart.main.total
            parts.append(f"{_escape(curve.label)}: {usd(curve.total)} ({_signed(diff)} compared with yours).")
        nxt = time_to_next_level(self._dataset, self._session.profile)
        if nxt is None:
            parts.append(f"<br><b>Level:</b> {_escape(proj.level_name(0))}, the top level the article describes.")
        else:
            sooner = ""
            each = 2 * proj.assumptions.promotion_shift_years / nxt.total if nxt.total else 0.0
            if nxt.ticked < nxt.total and round(each, 1) > 0:
                sooner = f" Each further {_escape(nxt.level.name)} skill you tick brings it {years_text(each)} sooner."
            parts.append(
                f"<br><b>Next level:</b> {_escape(nxt.level.name)} in about {years_text(nxt.years)} "
                f"(at {years_text(nxt.at_experience)} of experience; {nxt.ticked} of {nxt.total} of its skills "
                f"ticked).{sooner}"
            )
        if proj.basis.amount is not None:
            factor = _escape(proj.basis.factor_text())
            factor = factor[0].upper() + factor[1:]
            note = " (the article's “highest”, not an average)" if proj.basis.is_highest else ""
            parts.append(f"<br><b>Pay:</b> {factor}{note}; the level ranges are multiplied by it.")
        today = self._session.profile.salary_today()
        if today is not None and today[1] == "history":
            parts.append(
                f"<br><b>Today's salary:</b> your {today[2]} salary from your pay history, {usd(today[0])} "
                "(the current salary field is empty; a salary typed there takes precedence)."
            )
        out = proj.salary_outside_range
        if out is not None and proj.salary_given is not None:
            start = proj.plans[proj.start_level]
            f = proj.basis.factor
            then = (
                "a promotion raises it to at least the next level's bottom"
                if out == "below"
                else "no raise beyond inflation while it stays above"
            )
            parts.append(
                f"<br>⚠ Your {usd(proj.salary_given)} is {out} the {_escape(start.name)} range for "
                f"{_escape(proj.basis.name)} ({usd(start.low * f)} – {usd(start.high * f)}): the projection starts "
                f"from it as it is; {then}."
            )
        beyond = self._beyond_article_html(proj)
        if beyond:
            parts.append(beyond)
        parts.append(
            f"<br><small>Level ranges and industry pay: the data ({_escape(as_of(self._dataset))}, Help &gt; "
            "Data sources). Raises, inflation, bonus, equity and the promotion shift are assumptions, yours to "
            "change.</small>"
        )
        return " ".join(parts)

    def _beyond_article_html(self, proj: Projection) -> str:
        b = proj.beyond_article
        _top, top_text = proj.article_top
        years = proj.calendar_years
        said: list[str] = []
        if b.projected_above_top is not None:
            t = b.projected_above_top
            said.append(f"projected salary above the article's largest figure, {_escape(top_text)}, from {years[t]}")
        elif b.projected_above_level is not None:
            t = b.projected_above_level
            plan = proj.plans[int(proj.level_index[t])]
            said.append(
                f"projected salary above the article's {_escape(plan.name)} range "
                f"({usd(plan.low)} – {usd(plan.high)}) in {years[t]}"
            )
        if b.band_above_top:
            said.append(
                f"band up to {usd(b.band_max)} ({years[b.band_max_t]}), above the article's largest figure"
                + ("" if b.projected_above_top is not None else f", {_escape(top_text)}")
            )
        elif b.band_above_level:
            said.append("band (the article's level ranges × the pay factor) above the article's ranges")
        if not said:
            return ""
        head = (
            "Above anything the article reports — an extrapolation"
            if b.projected_above_top is not None or b.band_above_top
            else "Above the article's ranges — an extrapolation"
        )
        return f"<br>⚠ <b>{head}:</b> {'; '.join(said)} (base salary, today's dollars)."

    def crosshair_text(self, t: int) -> str:
        chart = self.chart
        assert chart is not None
        lines = [
            f"{int(chart.x[t])} · {years_text(float(chart.experience[t]))} of experience · {chart.level_names[t]}",
            f"Projected {usd(float(chart.main.y[t]))} (range {usd(float(chart.low[t]))} – {usd(float(chart.high[t]))})",
        ]
        for curve in chart.comparisons:
            lines.append(f"{curve.label}: {usd(float(curve.y[t]))}")
        return "\n".join(lines)

    def breakdown(self, t: int) -> Breakdown:
        assert self.projection is not None
        return self.projection.breakdown(t, self.dollars, self.comp)

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
            if spec.assumption:
                self._session.update_assumptions(**{key: value})
            else:
                self._session.update(**{key: value})
        except InputError as exc:
            self._set_error(key, str(exc))
            return
        except ValidationError:
            self._set_error(key, _RANGE_MESSAGES[spec.kind])
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
        self._session.update(industry=industry)

    def employer_chosen(self, employer: str | None) -> None:
        self._session.update(employer=employer)

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

    FIXED = ("Year", "Experience", "Level", "Low", "Projected", "High", "Cumulative")

    def __init__(self) -> None:
        super().__init__()
        self._chart: ProjectionChart | None = None
        self._headers: tuple[str, ...] = self.FIXED
        self._cumulative: FloatArray = np.zeros(0)

    def set_chart(self, chart: ProjectionChart, dollars: Dollars, comp: Comp) -> None:
        self.beginResetModel()
        self._chart = chart
        self._cumulative = np.cumsum(chart.main.y)
        self._headers = self.FIXED + tuple(c.label for c in chart.comparisons)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._chart is None else len(self._chart.x)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    HEADER_TIPS: ClassVar[dict[int, str]] = {
        3: "Bottom of your level's range: the data (Help > Data sources)",
        4: "The app's projection: the data and your assumptions (raises, inflation, bonus, equity, promotion)",
        5: "Top of your level's range: the data (Help > Data sources)",
        6: "Projected earnings summed from this year on (the app's projection)",
    }

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.HEADER_TIPS.get(section, "The app's projection with your assumptions" if section > 6 else None)
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
        arrays = (chart.low, chart.main.y, chart.high, self._cumulative, *(c.y for c in chart.comparisons))
        return float(arrays[column - 3][row])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._chart is None:
            return None
        value = self.value(index.row(), index.column())
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0 or isinstance(value, str):
                return str(value)
            if index.column() == 1:
                return years_text(float(value))
            return usd(float(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
