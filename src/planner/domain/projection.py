"""The personal projection: what the user can expect to earn, year by year, with a low-high range.

Pure: no Qt. The method, with a worked example a reader can check by hand, is in ``docs/projection.md``.
In short, for every year ``t = 0 .. horizon-1`` (``t = 0`` is this year):

* **Level.** The article's experience years say when each level starts. A level's own skills move that start:
  with half of them ticked it is the article's year, with all of them ``promotion_shift_years`` earlier, with
  none that much later (each ticked skill moves it by ``2 * shift / skills in the level``).
* **Standing.** Within a level's range ``[low, high]`` (with ``typical`` = the article's average, or the middle
  of the range when the article gives none) a position ``p`` in ``[0, 1]`` maps piecewise linearly onto pay:
  ``p = 0`` is ``low``, ``p = 1/2`` is ``typical``, ``p = 1`` is ``high``. Your position at a level is the
  fraction of its skills you ticked; your standing there is what that position pays, and never less than your
  standing at the level below.
* **Path without a salary**, in today's dollars for "all industries": year 0 is your standing at today's
  level. Each later year is the year before times ``(1 + yearly_raise) / (1 + inflation)`` (pay ranges move
  with inflation, so only a raise above inflation climbs them), at least your standing at that year's level,
  and within that level's range.
* **Path with a salary**: year 0 is the salary you entered (or, when the field is empty, the latest year of
  your pay history): your pay in the industry or at the employer you chose, with no factor applied to it.
  Each later year is the year before times the same yearly growth, up to
  the top of the level's range (or kept where it is when it is already above it). Skills never raise it
  directly: they bring promotions earlier, and a level you are promoted into pays at least the bottom of its
  range. (A level counts as "promoted into" when it lies above the level you would be at today with no
  skills ticked, so ticking a skill never lowers the curve.)
* **Industry or employer.** The level ranges are multiplied by the chosen employer's pay (else the chosen
  industry's average, else 1) divided by the middle of the article's overall average range
  (``overall.base_range``): a derived reference, shown on the tab.
* **Dollars and compensation.** Nominal dollars are today's dollars times ``(1 + inflation) ** t``. Total
  compensation adds ``bonus_percent`` of base and ``yearly_equity`` (an amount in today's dollars).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import numpy as np
import numpy.typing as npt

from planner.domain.dataset import Dataset, Level, Skill
from planner.domain.money import percent, usd
from planner.domain.profile import Assumptions, Profile
from planner.domain.provenance import Kind, source_line

Dollars = Literal["nominal", "today"]
Comp = Literal["base", "total"]
AnchorKind = Literal["salary", "standing", "top", "bottom", "held"]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

_EPS = 1e-9


# --- pay relative to the overall average ---------------------------------------------------------------------


@dataclass(frozen=True)
class PayBasis:
    """Whose pay the projection follows: all industries (factor 1), one industry or one employer."""

    kind: Literal["all", "industry", "employer"]
    id: str | None
    name: str
    amount: int | None  # the article's average (industry) or pay (employer)
    reference: float  # middle of the article's overall average base salary range (derived, not an article figure)
    factor: float
    qualifier: str | None = None  # the article's word for the amount: "around", "almost", "highest"...

    @property
    def is_highest(self) -> bool:
        """The article gives this amount as the *highest* salary there, not as an average."""
        return self.qualifier == "highest"

    def figure_text(self) -> str:
        """The article's figure in the article's own terms: "Amazon's highest salary $254,000"."""
        if self.amount is None:
            return "All industries"
        if self.is_highest:
            return f"{self.name}'s highest salary {usd(self.amount)}"
        word = f"{self.qualifier} " if self.qualifier else ""
        if self.kind == "employer":
            return f"{self.name} pays {word}{usd(self.amount)}"
        return f"{self.name} pays {word}{usd(self.amount)} on average"

    def factor_text(self) -> str:
        """How the pay factor is worked out, with its derived reference named as such."""
        if self.amount is None:
            return "pay factor 1: all industries, the article's level ranges as they are"
        short = f"{self.name}'s highest salary" if self.is_highest else self.name
        return (
            f"pay factor {self.factor:.2f} = {short} {usd(self.amount)} ÷ {usd(self.reference)}, the middle of the "
            "article's overall range (derived)"
        )

    def describe(self) -> str:
        text = self.factor_text()
        text = text[0].upper() + text[1:]
        if self.is_highest:
            text += "; the article gives that figure as the highest salary there, not as an average"
        return text


def reference_pay(dataset: Dataset) -> float:
    """The middle of the article's overall average base salary range, which the level ranges are relative to."""
    r = dataset.overall.base_range
    return (r.min + r.max) / 2


def pay_basis(dataset: Dataset, industry: str | None = None, employer: str | None = None) -> PayBasis:
    """The employer when one is chosen (the more specific figure), else the industry, else all industries.

    An id the dataset does not know (a profile saved with other data) counts as not chosen.
    """
    ref = reference_pay(dataset)
    if employer is not None:
        emp = next((e for e in dataset.employers if e.id == employer), None)
        if emp is not None:
            pay = emp.pay
            return PayBasis("employer", emp.id, emp.name, pay.amount, ref, pay.amount / ref, pay.qualifier)
    if industry is not None:
        ind = next((i for i in dataset.industries if i.id == industry), None)
        if ind is not None:
            avg = ind.average
            return PayBasis("industry", ind.id, ind.name, avg.amount, ref, avg.amount / ref, avg.qualifier)
    return PayBasis("all", None, "All industries", None, ref, 1.0)


# --- levels, positions and standings -------------------------------------------------------------------------


def pay_at_position(low: float, typical: float, high: float, position: float) -> float:
    """Position 0 pays ``low``, 1/2 pays ``typical``, 1 pays ``high``; straight lines in between."""
    p = min(max(position, 0.0), 1.0)
    if p <= 0.5:
        return low + 2 * p * (typical - low)
    return typical + (2 * p - 1) * (high - typical)


def position_of_pay(low: float, typical: float, high: float, pay: float) -> float:
    """The inverse of :func:`pay_at_position`, clamped to ``[0, 1]``."""
    if pay <= low:
        return 0.0
    if pay >= high:
        return 1.0
    if pay <= typical:
        return 0.5 * (pay - low) / (typical - low) if typical > low else 0.5
    return 0.5 + 0.5 * (pay - typical) / (high - typical) if high > typical else 0.5


@dataclass(frozen=True)
class LevelPlan:
    """One level as the projection uses it for this profile (all amounts: today's dollars, all industries)."""

    index: int
    level: Level
    ticked: int
    total: int
    article_years: float  # when the article says the level starts
    shift_years: float  # how much earlier (positive) or later (negative) the skills move it
    threshold: float  # years of experience at which the projection puts you into this level
    low: float
    typical: float
    high: float
    typical_is_average: bool
    skills_position: float
    skills_pay: float  # pay at the skills position
    standing: float  # skills_pay, never below the standing at the level below

    @property
    def fraction(self) -> float:
        return self.ticked / self.total if self.total else 0.5

    @property
    def name(self) -> str:
        return self.level.name


def level_plans(dataset: Dataset, ticked: Collection[str], assumptions: Assumptions) -> tuple[LevelPlan, ...]:
    plans: list[LevelPlan] = []
    shift = assumptions.promotion_shift_years
    for i, lv in enumerate(dataset.levels):
        total = len(lv.skills)
        n = sum(1 for sk in lv.skills if sk.id in ticked)
        fraction = n / total if total else 0.5
        article = float(lv.experience.min_years)
        moved = 0.0 if i == 0 else shift * (2 * fraction - 1)
        threshold = article - moved
        if plans:
            threshold = max(threshold, plans[-1].threshold)
        low, high = float(lv.range.min), float(lv.range.max)
        typical = float(lv.average.amount) if lv.average is not None else (low + high) / 2
        skills_pay = pay_at_position(low, typical, high, fraction)
        standing = skills_pay if not plans else max(skills_pay, plans[-1].standing)
        plans.append(
            LevelPlan(
                index=i,
                level=lv,
                ticked=n,
                total=total,
                article_years=article,
                shift_years=moved,
                threshold=threshold,
                low=low,
                typical=typical,
                high=high,
                typical_is_average=lv.average is not None,
                skills_position=fraction,
                skills_pay=skills_pay,
                standing=min(max(standing, low), high),
            )
        )
    return tuple(plans)


def level_at(plans: tuple[LevelPlan, ...], years: float) -> int:
    """Index of the level the projection puts you in after ``years`` of experience."""
    index = 0
    for plan in plans[1:]:
        if years + _EPS >= plan.threshold:
            index = plan.index
    return index


# --- the projection ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    low: FloatArray
    projected: FloatArray
    high: FloatArray


@dataclass(frozen=True)
class BreakdownLine:
    label: str
    amount: float | None  # None: an explanation, not part of the sum
    detail: str = ""
    kind: Kind | Literal["yours"] = "derived"  # where the figure comes from (domain.provenance)
    source: str = ""  # "Source: ..., as of ..." for data; "" otherwise


@dataclass(frozen=True)
class Breakdown:
    """Why the figure of one year is what it is: the amounts of the lines with one sum to ``total``."""

    t: int
    calendar_year: int
    experience: float
    level_name: str
    dollars: Dollars
    comp: Comp
    lines: tuple[BreakdownLine, ...]
    total: float

    def summands(self) -> list[float]:
        return [line.amount for line in self.lines if line.amount is not None]


@dataclass(frozen=True)
class BeyondArticle:
    """Where a projection goes above the article's figures (base salary, today's dollars). Years are ``t``."""

    projected_above_top: int | None  # first year the projected salary is above the article's largest figure
    projected_above_level: int | None  # first year it is above the article's range for its level
    band_max_t: int
    band_max: float  # the top of the band at its highest
    band_above_top: bool
    band_above_level: bool  # the band (level range × pay factor) is above the article's range somewhere


def article_largest(dataset: Dataset) -> tuple[float, str]:
    """The largest yearly salary figure the article gives, and how it words it (e.g. '$280,000 (“up to”, with
    more experience)')."""
    unit = dataset.overall.base_range.unit
    ceiling = dataset.overall.experienced_ceiling
    best: tuple[float, str] = (
        float(ceiling.amount),
        f"{usd(ceiling.amount)} (“{ceiling.qualifier or ''}”, with more experience)".replace("(“”, ", "("),
    )
    candidates: list[tuple[float, str]] = []
    for lv in dataset.levels:
        candidates.append((float(lv.range.max), f"{usd(lv.range.max)} (top of the {lv.name} range)"))
    for emp in dataset.employers:
        candidates.append((float(emp.pay.amount), f"{usd(emp.pay.amount)} ({emp.name})"))
    for ind in dataset.industries:
        candidates.append((float(ind.average.amount), f"{usd(ind.average.amount)} ({ind.name})"))
    for c in dataset.conflicts:
        for fig in c.figures:
            if fig.unit == unit:
                candidates.append((float(fig.amount), f"{usd(fig.amount)} ({fig.label})"))
    for amount, text in candidates:
        if amount > best[0]:
            best = (amount, text)
    return best


@dataclass(frozen=True, eq=False)
class Projection:
    """Arrays indexed by the year ``t`` (0 = this year). Amounts in ``neutral`` are today's dollars for
    all industries; the methods give nominal or today's dollars, base or total compensation."""

    current_year: int
    start_experience: float
    assumptions: Assumptions
    basis: PayBasis
    own_basis: PayBasis  # the profile's own industry or employer (where the salary entered is paid)
    dataset: Dataset
    plans: tuple[LevelPlan, ...]
    start_level: int
    salary_entered: int | None  # today's salary as entered (paid in ``own_basis``): current or pay history
    salary_origin: str  # "your current salary", "your 2024 salary (pay history)" or "" when none is given
    salary_given: float | None  # that salary in this basis: as entered, or scaled to another industry/employer
    floor_from: int  # levels from this index on were promoted into: at least the bottom of their range
    t: IntArray
    level_index: IntArray
    neutral: FloatArray
    anchor_kind: tuple[AnchorKind, ...]
    anchor_t: IntArray
    anchor_value: FloatArray

    # --- axes ------------------------------------------------------------------------------------------------

    @property
    def horizon(self) -> int:
        return len(self.t)

    @cached_property
    def calendar_years(self) -> IntArray:
        return self.current_year + self.t

    @cached_property
    def experience(self) -> FloatArray:
        return self.start_experience + self.t.astype(np.float64)

    @cached_property
    def inflation_index(self) -> FloatArray:
        return np.power(1.0 + self.assumptions.inflation, self.t.astype(np.float64))

    @property
    def growth(self) -> float:
        """Yearly growth of pay within a level in today's dollars: (1 + raise) / (1 + inflation)."""
        a = self.assumptions
        return (1.0 + a.yearly_raise) / (1.0 + a.inflation)

    # --- amounts ---------------------------------------------------------------------------------------------

    @cached_property
    def _range_today(self) -> tuple[FloatArray, FloatArray]:
        lows = np.array([p.low for p in self.plans])[self.level_index] * self.basis.factor
        highs = np.array([p.high for p in self.plans])[self.level_index] * self.basis.factor
        return lows, highs

    def _scale(self, base_today: FloatArray, dollars: Dollars, comp: Comp) -> FloatArray:
        a = self.assumptions
        values = base_today
        if comp == "total":
            values = values * (1.0 + a.bonus_percent / 100.0) + float(a.yearly_equity)
        if dollars == "nominal":
            values = values * self.inflation_index
        return values

    def projected(self, dollars: Dollars = "nominal", comp: Comp = "base") -> FloatArray:
        return self._scale(self.neutral * self.basis.factor, dollars, comp)

    def low(self, dollars: Dollars = "nominal", comp: Comp = "base") -> FloatArray:
        return self._scale(self._range_today[0], dollars, comp)

    def high(self, dollars: Dollars = "nominal", comp: Comp = "base") -> FloatArray:
        return self._scale(self._range_today[1], dollars, comp)

    def series(self, dollars: Dollars = "nominal", comp: Comp = "base") -> Series:
        return Series(self.low(dollars, comp), self.projected(dollars, comp), self.high(dollars, comp))

    def cumulative(self, dollars: Dollars = "nominal", comp: Comp = "base") -> FloatArray:
        """Earnings summed from this year up to and including each year."""
        return np.cumsum(self.projected(dollars, comp))

    def total_earnings(self, dollars: Dollars = "nominal", comp: Comp = "base") -> float:
        return float(self.projected(dollars, comp).sum())

    # --- levels ----------------------------------------------------------------------------------------------

    def level_name(self, t: int) -> str:
        return self.plans[int(self.level_index[t])].name

    def level_changes(self) -> list[tuple[int, int]]:
        """(year t, level index) for each promotion within the horizon."""
        idx = self.level_index
        return [(int(t), int(idx[t])) for t in range(1, len(idx)) if idx[t] != idx[t - 1]]

    @property
    def salary_outside_range(self) -> Literal["above", "below"] | None:
        if self.salary_given is None:
            return None
        plan = self.plans[self.start_level]
        f = self.basis.factor
        if self.salary_given > plan.high * f + 0.5:
            return "above"
        if self.salary_given < plan.low * f - 0.5:
            return "below"
        return None

    # --- why this number -------------------------------------------------------------------------------------

    # --- beyond the article --------------------------------------------------------------------------------

    @cached_property
    def article_top(self) -> tuple[float, str]:
        """The largest salary figure in the article, with how the article words it."""
        return article_largest(self.dataset)

    @cached_property
    def beyond_article(self) -> BeyondArticle:
        """Where the projection leaves the article's figures (base salary in today's dollars, its own terms)."""
        top, _text = self.article_top
        projected = self.neutral * self.basis.factor
        high = self._range_today[1]
        level_high = np.array([p.high for p in self.plans])[self.level_index]
        above_top = np.flatnonzero(projected > top + 0.5)
        above_level = np.flatnonzero(projected > level_high + 0.5)
        band_top = int(np.argmax(high))
        return BeyondArticle(
            projected_above_top=int(above_top[0]) if len(above_top) else None,
            projected_above_level=int(above_level[0]) if len(above_level) else None,
            band_max_t=band_top,
            band_max=float(high[band_top]),
            band_above_top=bool(high[band_top] > top + 0.5),
            band_above_level=bool(np.any(high > level_high + 0.5)),
        )

    def beyond_article_line(self, t: int) -> BreakdownLine | None:
        """A ⚠ line for year ``t`` when its figure or its band is above what the article reports."""
        top, top_text = self.article_top
        plan = self.plans[int(self.level_index[t])]
        f = self.basis.factor
        value, high = float(self.neutral[t]) * f, plan.high * f
        reasons: list[str] = []
        if value > top + 0.5:
            reasons.append(f"the projected {usd(value)} is more than the article's largest figure, {top_text}")
        elif value > plan.high + 0.5:
            reasons.append(
                f"the projected {usd(value)} is above the article's {plan.name} range "
                f"({usd(plan.low)} – {usd(plan.high)})"
            )
        if high > top + 0.5:
            reasons.append(f"the top of the band, {usd(high)}, is more than the article's largest figure, {top_text}")
        elif high > plan.high + 0.5:
            reasons.append(
                f"the top of the band, {usd(high)}, is above the article's {plan.name} range "
                f"(its top × {self.basis.factor_text()})"
            )
        if not reasons:
            return None
        beyond_all = value > top + 0.5 or high > top + 0.5
        label = (
            "⚠ Above anything the article reports — an extrapolation"
            if beyond_all
            else f"⚠ Above the article's {plan.name} range — an extrapolation"
        )
        detail = "; ".join(reasons) + " (base salary in today's dollars, the article's terms)."
        return BreakdownLine(label, None, detail[0].upper() + detail[1:])

    def conflict_lines(self, level_index: int) -> list[BreakdownLine]:
        """A ⚠ line for each place where the article contradicts itself about this level, with its figures and
        which of them the projection uses."""
        plan = self.plans[level_index]
        lines = []
        for conflict in self.dataset.conflicts_for_level(plan.level.id):
            figures = "; ".join(
                f"{fig.label}: {fig.qualifier + ' ' if fig.qualifier else ''}{usd(fig.amount)}"
                for fig in conflict.figures
            )
            used, unused = [], []
            for fig in conflict.figures:
                roles = self._uses_of(fig.amount, conflict.level_ids)
                if roles:
                    used.append(f"{usd(fig.amount)} ({' and '.join(roles)})")
                else:
                    unused.append(usd(fig.amount))
            choice = "The projection uses " + (" and ".join(used) if used else "none of these figures")
            if unused:
                choice += f", not {' or '.join(unused)}"
            lines.append(BreakdownLine(f"⚠ The article disagrees: {conflict.title}", None, f"{figures}. {choice}."))
        return lines

    def _uses_of(self, amount: float, level_ids: list[str]) -> list[str]:
        roles = []
        for plan in self.plans:
            if plan.level.id not in level_ids:
                continue
            if amount == plan.low:
                roles.append(f"bottom of the {plan.name} range")
            if amount == plan.high:
                roles.append(f"top of the {plan.name} range")
            if plan.typical_is_average and amount == plan.typical:
                roles.append(f"the {plan.name} average")
        return roles

    # --- why this number -------------------------------------------------------------------------------------

    @property
    def salary_mode(self) -> bool:
        """True when the path starts from the salary entered (amounts in this basis's dollars)."""
        return self.salary_given is not None

    def breakdown(self, t: int, dollars: Dollars = "nominal", comp: Comp = "base") -> Breakdown:
        t = min(max(int(t), 0), self.horizon - 1)
        a = self.assumptions
        f = self.basis.factor
        # With a salary, the path is in this basis's dollars (the factor is already in the salary); without,
        # it is in all-industries dollars and the factor is a line of its own.
        scale = f if self.salary_mode else 1.0
        plan = self.plans[int(self.level_index[t])]
        kind = self.anchor_kind[t]
        since = int(self.anchor_t[t])
        anchor = float(self.anchor_value[t])
        value = float(self.neutral[t])
        year = int(self.calendar_years[t])
        lines: list[BreakdownLine] = []

        average = "average" if plan.typical_is_average else "middle of the range, derived: the source gives no average"
        inferred = (
            f" The source gives no years for {plan.name}: {plan.article_years:g} years is inferred."
            if plan.level.experience.basis == "inferred" and plan.index > 0
            else ""
        )
        where = ""
        if self.basis.amount is not None:
            where = f" At {self.basis.name}: {usd(plan.low * f)} – {usd(plan.high * f)} ({self.basis.factor_text()})."
        lines.append(
            BreakdownLine(
                f"{plan.name} range (the data, today's dollars, all industries)",
                None,
                f"{usd(plan.low)} – {usd(plan.high)}; typical {usd(plan.typical)} ({average}).{where} "
                f"You reach this level at {years_text(plan.threshold)} of experience "
                f"({self._promotion_reason(plan)}).{inferred}",
                "data",
                source_line(self.dataset, plan.level.range),
            )
        )
        lines.extend(self.conflict_lines(plan.index))
        beyond = self.beyond_article_line(t)
        if beyond is not None:
            lines.append(beyond)
        anchor_year = self.current_year + since
        at = self.plans[int(self.level_index[since])]
        if kind == "salary":
            label = f"Today's salary: {self.salary_origin}"
            lines.append(BreakdownLine(label, anchor * scale, self._salary_detail(at), "yours"))
        elif kind == "standing":
            if at.standing > at.skills_pay + 0.5:
                detail = (
                    f"{at.ticked} of {at.total} {at.name} skills ticked: position {at.skills_position:.2f} pays "
                    f"{usd(at.skills_pay)}, less than your standing at the level below, which you keep"
                )
            else:
                detail = (
                    f"{at.ticked} of {at.total} {at.name} skills ticked: position {at.skills_position:.2f} "
                    f"between {usd(at.low)} (0), {usd(at.typical)} (½) and {usd(at.high)} (1)"
                )
            when = "today" if since == 0 else f"from {anchor_year}"
            lines.append(BreakdownLine(f"Your position at {at.name} ({when}): your skills", anchor, detail))
        elif kind == "bottom":
            lines.append(
                BreakdownLine(
                    f"Bottom of the {at.name} range{self._at_basis()} (from {anchor_year})",
                    anchor * scale,
                    f"promoted into {at.name}: your pay rises to at least the bottom of its range",
                    "data",
                    source_line(self.dataset, at.level.range),
                )
            )
        elif kind == "held":
            lines.append(
                BreakdownLine(
                    f"Your pay, above the {at.name} range{self._at_basis()} (from {anchor_year})",
                    anchor * scale,
                    "above the top of the range: kept, with no raise beyond inflation while it stays above it",
                )
            )
        else:
            lines.append(
                BreakdownLine(
                    f"Top of the {at.name} range{self._at_basis() if self.salary_mode else ''}",
                    anchor * scale,
                    f"raises reached the top of the range in {anchor_year}; the projection does not go above it",
                    "data",
                    source_line(self.dataset, at.level.range),
                )
            )
        raises = (value - anchor) * scale
        years = t - since
        lines.append(
            BreakdownLine(
                "Raises beyond inflation",
                raises,
                f"{years} year{'s' if years != 1 else ''} since {anchor_year} at (1 + {percent(a.yearly_raise)}) ÷ "
                f"(1 + {percent(a.inflation)}) = ×{self.growth:.4f} a year",
                "assumption",
            )
        )
        if self.salary_mode:
            lines.append(BreakdownLine(self._basis_label(), None, self._basis_salary_detail(), "derived"))
        else:
            lines.append(self._basis_line(value * (f - 1.0)))
        base_today = value * f
        total = base_today
        if dollars == "nominal":
            inflation = base_today * (float(self.inflation_index[t]) - 1.0)
            lines.append(
                BreakdownLine(
                    f"Inflation to {year} dollars",
                    inflation,
                    f"× (1 + {percent(a.inflation)})^{t} = ×{float(self.inflation_index[t]):.4f}",
                    "assumption",
                )
            )
            total += inflation
        if comp == "total":
            base = total
            bonus = base * a.bonus_percent / 100.0
            equity = float(a.yearly_equity) * (float(self.inflation_index[t]) if dollars == "nominal" else 1.0)
            lines.append(
                BreakdownLine("Bonus", bonus, f"{a.bonus_percent:g}% of the base salary {usd(base)}", "assumption")
            )
            lines.append(
                BreakdownLine(
                    "Equity",
                    equity,
                    f"{usd(a.yearly_equity)} a year in today's dollars"
                    + (f", × {float(self.inflation_index[t]):.4f} inflation" if dollars == "nominal" else ""),
                    "assumption",
                )
            )
            total = base + bonus + equity
        return Breakdown(
            t=t,
            calendar_year=year,
            experience=float(self.experience[t]),
            level_name=plan.name,
            dollars=dollars,
            comp=comp,
            lines=tuple(lines),
            total=total,
        )

    def _at_basis(self) -> str:
        return "" if self.basis.amount is None else f" at {self.basis.name}"

    def _salary_detail(self, at: LevelPlan) -> str:
        assert self.salary_given is not None
        assert self.salary_entered is not None
        f = self.basis.factor
        own = self.own_basis
        if self.basis == own:
            where = "" if own.amount is None else f" {'at' if own.kind == 'employer' else 'in'} {own.name}"
            text = f"what you entered: your pay today{where}, taken as it is"
        else:
            text = (
                f"your {usd(self.salary_entered)}{' at ' + own.name if own.amount is not None else ''} × "
                f"{f:.2f} ÷ {own.factor:.2f} (the two pay factors): the same place relative to the range"
            )
        low, high = at.low * f, at.high * f
        out = self.salary_outside_range
        if out == "below":
            text += (
                f"; below the {at.name} range{self._at_basis()} ({usd(low)} – {usd(high)}): kept as it is, "
                "until a promotion raises it to at least the bottom of the next level's range"
            )
        elif out == "above":
            text += (
                f"; above the {at.name} range{self._at_basis()} ({usd(low)} – {usd(high)}): kept, with no raise "
                "beyond inflation while it stays above the range"
            )
        else:
            pos = position_of_pay(at.low, at.typical, at.high, self.salary_given / f)
            text += f"; position {pos:.2f} in the {at.name} range{self._at_basis()} ({usd(low)} – {usd(high)})"
        return text

    def _basis_salary_detail(self) -> str:
        if self.basis == self.own_basis:
            head = "Your salary is your pay there: no factor is applied to it."
        else:
            head = f"Your salary is scaled from {self.own_basis.name} to {self.basis.name} by the two pay factors."
        if self.basis.amount is None:
            return f"{head} The level ranges are the article's as they are."
        return (
            f"{head} {self.basis.describe()}: it scales the level ranges (the band, and the bottom of a range "
            "after a promotion)."
        )

    def _basis_label(self) -> str:
        if self.basis.kind == "all":
            return "Industry: all industries"
        return f"{'Employer' if self.basis.kind == 'employer' else 'Industry'}: {self.basis.name}"

    def _basis_line(self, amount: float) -> BreakdownLine:
        """The industry or employer factor: the source's figure over the middle of the overall range (derived)."""
        ds, b = self.dataset, self.basis
        detail = b.describe()
        if b.kind == "all":
            return BreakdownLine(self._basis_label(), amount, detail, "derived")
        figure = ds.employer(b.id).pay if b.kind == "employer" and b.id else ds.industry(str(b.id)).average
        detail += " (the middle of the range is derived by the app)"
        return BreakdownLine(self._basis_label(), amount, detail, "data", source_line(ds, figure))

    def _promotion_reason(self, plan: LevelPlan) -> str:
        if plan.index == 0:
            return "the first level"
        moved = plan.shift_years
        if abs(moved) < _EPS:
            how = "on the article's time"
        elif moved > 0:
            how = f"{years_text(moved)} earlier than the article's {years_text(plan.article_years)}"
        else:
            how = f"{years_text(-moved)} later than the article's {years_text(plan.article_years)}"
        shift = self.assumptions.promotion_shift_years
        return f"{plan.ticked} of {plan.total} of its skills ticked: {how}; promotion shift assumption {shift:g} years"


def years_text(years: float) -> str:
    """4.7 years, 1 year, 0 years: one decimal, none when whole."""
    rounded = round(years, 1)
    text = f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"
    return f"{text} year" if text == "1" else f"{text} years"


def ticked_ids(dataset: Dataset, profile: Profile) -> frozenset[str]:
    return frozenset(profile.skills) & dataset.skill_ids()


def project(
    dataset: Dataset,
    profile: Profile,
    current_year: int,
    *,
    basis: PayBasis | None = None,
    extra_skills: Iterable[str] = (),
    horizon: int | None = None,
) -> Projection:
    """The projection for ``profile`` from ``current_year`` on.

    ``basis`` compares the same person elsewhere: another industry or employer. A current salary then keeps
    its position within the level range (it is scaled by the ratio of the two pay factors).
    ``extra_skills`` are treated as ticked (for "what if" curves and skill effects).
    """
    ticked = ticked_ids(dataset, profile) | frozenset(extra_skills)
    return _project(dataset, profile, ticked, current_year, basis, horizon)


def _project(
    dataset: Dataset,
    profile: Profile,
    ticked: frozenset[str],
    current_year: int,
    basis: PayBasis | None,
    horizon: int | None,
) -> Projection:
    a = profile.assumptions
    own = pay_basis(dataset, profile.industry, profile.employer)
    use = basis if basis is not None else own
    plans = level_plans(dataset, ticked, a)
    y0 = float(profile.years_of_experience)
    n = horizon if horizon is not None else a.horizon_years
    growth = (1.0 + a.yearly_raise) / (1.0 + a.inflation)
    levels = [level_at(plans, y0 + t) for t in range(n)]

    today = profile.salary_today()  # the current salary, else the latest year of the pay history
    salary_entered: int | None = None
    salary_origin = ""
    if today is not None:
        salary_entered, origin, year = today
        salary_origin = "your current salary" if origin == "current" else f"your {year} salary (pay history)"
        salary_given: float | None = salary_entered * use.factor / own.factor
        # Levels above the one you would be at today with no skills ticked count as promoted into: they pay at
        # least the bottom of their range. (Not "above today's level": a skill that makes today's level a higher
        # one would then lower the curve.)
        floor_from = _level_without_skills(dataset, a, y0) + 1
        neutral, kinds, anchor_t, anchor_value = _salary_path(
            plans, levels, salary_entered / own.factor, growth, floor_from
        )
    else:
        salary_given = None
        floor_from = 0
        neutral, kinds, anchor_t, anchor_value = _standing_path(plans, levels, growth)

    return Projection(
        current_year=current_year,
        start_experience=y0,
        assumptions=a,
        basis=use,
        own_basis=own,
        dataset=dataset,
        plans=plans,
        start_level=levels[0],
        salary_entered=salary_entered,
        salary_origin=salary_origin,
        salary_given=salary_given,
        floor_from=floor_from,
        t=np.arange(n, dtype=np.int64),
        level_index=np.array(levels, dtype=np.int64),
        neutral=np.array(neutral, dtype=np.float64),
        anchor_kind=tuple(kinds),
        anchor_t=np.array(anchor_t, dtype=np.int64),
        anchor_value=np.array(anchor_value, dtype=np.float64),
    )


_Path = tuple[list[float], list[AnchorKind], list[int], list[float]]


def _level_without_skills(dataset: Dataset, assumptions: Assumptions, years: float) -> int:
    """``level_at(level_plans(dataset, frozenset(), assumptions), years)``, without the pay figures."""
    index, threshold = 0, 0.0
    for i, lv in enumerate(dataset.levels):
        moved = 0.0 if i == 0 or not lv.skills else -assumptions.promotion_shift_years
        threshold = max(float(lv.experience.min_years) - moved, threshold) if i else float(lv.experience.min_years)
        if i and years + _EPS >= threshold:
            index = i
    return index


def _standing_path(plans: tuple[LevelPlan, ...], levels: list[int], growth: float) -> _Path:
    """No salary given: your skills place you in each level's range (today's dollars, all industries)."""
    start = plans[levels[0]]
    value = min(max(start.standing, start.low), start.high)
    neutral = [value]
    kinds: list[AnchorKind] = ["standing"]
    anchor_t = [0]
    anchor_value = [value]
    for t in range(1, len(levels)):
        plan = plans[levels[t]]
        v = neutral[-1] * growth
        kind, since, anchor = kinds[-1], anchor_t[-1], anchor_value[-1]
        if v < plan.standing - 1e-9:
            v, kind, since, anchor = plan.standing, "standing", t, plan.standing
        if v > plan.high:
            v = plan.high
            if not (kind == "top" and anchor == plan.high):
                kind, since, anchor = "top", t, plan.high
        neutral.append(max(v, plan.low))
        kinds.append(kind)
        anchor_t.append(since)
        anchor_value.append(anchor)
    return neutral, kinds, anchor_t, anchor_value


def _salary_path(
    plans: tuple[LevelPlan, ...], levels: list[int], salary: float, growth: float, floor_from: int
) -> _Path:
    """A salary given: year 0 is that salary as it is; raises up to the top of the range (none beyond inflation
    while above it); a level promoted into pays at least the bottom of its range. Skills never set the pay."""
    neutral = [salary]
    kinds: list[AnchorKind] = ["salary"]
    anchor_t = [0]
    anchor_value = [salary]
    for t in range(1, len(levels)):
        plan = plans[levels[t]]
        before = neutral[-1]
        v = before * growth
        kind, since, anchor = kinds[-1], anchor_t[-1], anchor_value[-1]
        if v > plan.high and v > before:
            if before > plan.high * (1 + 1e-12):  # already above the range: no raise beyond inflation
                v = before
                if kind != "held":
                    kind, since, anchor = "held", t, before
            else:
                v = plan.high
                if not (kind == "top" and anchor == plan.high):
                    kind, since, anchor = "top", t, plan.high
        if plan.index >= floor_from and v < plan.low:
            v = plan.low
            if not (kind == "bottom" and anchor == plan.low):
                kind, since, anchor = "bottom", t, plan.low
        neutral.append(v)
        kinds.append(kind)
        anchor_t.append(since)
        anchor_value.append(anchor)
    return neutral, kinds, anchor_t, anchor_value


# --- what the Skills tab and the summary need -----------------------------------------------------------------


@dataclass(frozen=True)
class NextLevel:
    level: Level
    years: float  # from now
    at_experience: float
    article_years: float
    shift_years: float
    ticked: int
    total: int


def time_to_next_level(dataset: Dataset, profile: Profile) -> NextLevel | None:
    """When the projection promotes you next (None at the top level). Ticking that level's skills brings it
    earlier by ``2 * promotion_shift_years / skills in the level`` each."""
    plans = level_plans(dataset, ticked_ids(dataset, profile), profile.assumptions)
    y0 = float(profile.years_of_experience)
    now = level_at(plans, y0)
    if now + 1 >= len(plans):
        return None
    nxt = plans[now + 1]
    return NextLevel(
        level=nxt.level,
        years=max(nxt.threshold - y0, 0.0),
        at_experience=nxt.threshold,
        article_years=nxt.article_years,
        shift_years=nxt.shift_years,
        ticked=nxt.ticked,
        total=nxt.total,
    )


def current_level(dataset: Dataset, profile: Profile) -> Level:
    plans = level_plans(dataset, ticked_ids(dataset, profile), profile.assumptions)
    return plans[level_at(plans, float(profile.years_of_experience))].level


def next_level_skill_ids(dataset: Dataset, profile: Profile) -> list[str]:
    """The skills of the level after today's (empty at the top level)."""
    nxt = time_to_next_level(dataset, profile)
    return [] if nxt is None else [sk.id for sk in nxt.level.skills]


def skill_effects(dataset: Dataset, profile: Profile, years_ahead: int = 5) -> dict[str, float]:
    """For every skill of the dataset not ticked yet: how much ticking it raises the projected base salary
    ``years_ahead`` years from now, in today's dollars, in the profile's industry or at its employer.
    Never negative (ticking a skill never lowers the curve)."""
    horizon = max(years_ahead + 1, 1)
    ticked = ticked_ids(dataset, profile)
    before = _project(dataset, profile, ticked, 0, None, horizon).projected("today")[years_ahead]
    effects: dict[str, float] = {}
    for lv in dataset.levels:
        for sk in lv.skills:
            if sk.id in ticked:
                continue
            after = _project(dataset, profile, ticked | {sk.id}, 0, None, horizon).projected("today")[years_ahead]
            effects[sk.id] = max(float(after - before), 0.0)
    return effects


@dataclass(frozen=True)
class SkillEffect:
    skill: Skill
    level: Level
    amount: float  # today's dollars a year, ``years_ahead`` years from now


def next_skills(
    dataset: Dataset,
    profile: Profile,
    years_ahead: int = 5,
    limit: int = 5,
    effects: Mapping[str, float] | None = None,
) -> list[SkillEffect]:
    """The unticked skills that raise the projection most, best first; skills that add nothing are left out.
    Ties keep the dataset's order (earlier levels first). Pass ``effects`` from skill_effects() to reuse them."""
    if effects is None:
        effects = skill_effects(dataset, profile, years_ahead)
    ranked: list[SkillEffect] = []
    for lv in dataset.levels:
        for sk in lv.skills:
            amount = effects.get(sk.id, 0.0)
            if amount >= 0.5:
                ranked.append(SkillEffect(sk, lv, amount))
    ranked.sort(key=lambda e: -round(e.amount, 6))
    return ranked[:limit]
