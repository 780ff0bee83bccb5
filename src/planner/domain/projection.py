"""The personal projection: the numbers only. Pure (no Qt); the sentences that explain them are in
``planner.domain.projection_text``, and the method, with worked examples to check by hand, in
``docs/projection.md``.

For every year ``t = 0 .. horizon-1`` (``t = 0`` is this year), in today's dollars at the chosen industry or
employer ("the basis"):

* **Levels.** Today's level is the user's (``Profile.current_level``), or the one the article's experience years
  give. Each higher level comes at the article's years moved by its own skills (all ticked:
  ``promotion_shift_years`` earlier, half on time, none that much later), and never sooner than one year after
  the previous promotion (or today) plus ``promotion_shift_years`` times the share of its skills not ticked.
* **Ranges.** A level's range is the article's, times the basis's pay factor (``projection_basis.pay_basis``).
* **Pay without skills** (``plain``): year 0 is the salary entered (or, without one, the bottom of today's
  range). Each year it grows by ``(1 + yearly_raise) / (1 + inflation)`` up to the top of the range (a salary
  already above it gets no raise beyond inflation). A promotion adds ``promotion_raise`` and lifts pay to at
  least the bottom of the new range, never below last year's; a level's pay is at least what a promotion into it
  that very year would pay.
* **Skills** (``target``): pay at position ``p`` of its range stands for ``p`` of the way from bottom to top;
  the skills ticked of the level and of every level below it (general skills included), a share ``k``, move it
  ``k`` of the remaining way to the top (a pay below the range gets only what that adds above the bottom).
  Without a salary the projection is that figure; with one, pay covers
  ``1 - (1 - skill_pace) ** t`` of the distance from ``plain`` to it by year ``t``.
* **Take-home pay** (``Comp`` "take_home", with a ``TaxSetting``): each year's total compensation in that
  year's dollars less its taxes and pre-tax retirement contributions (``planner.domain.taxes``); in today's dollars,
  that amount with the assumed inflation taken out.
* **The learning plan.** A planned skill counts from the calendar year of its month (``plans.planned_year``): from
  that year on, the levels, promotions and what skills warrant are those with it ticked. With a salary, the
  distance a year's newly counted skills add closes at the same pace, from that year (``1 - (1 - skill_pace) **
  (t - t_s)``): it reaches the pay from the year after (``Projection.plan_pays_from``), as a skill ticked today
  reaches it from next year's.
* **A job offer** (a scenario's, ``OfferPay``): in total compensation, the offer's sign-on in its first year and its
  equity as it vests (the Offers tab's yearly figures, in the offer's dollars) take the place of the yearly equity
  assumption; its bonus percentage is the bonus.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

import numpy as np

from planner.domain.dataset import Dataset
from planner.domain.plans import planned_year
from planner.domain.profile import Assumptions, Profile
from planner.domain.projection_basis import (
    EPS,
    ArticleFigure,
    Comp,
    Dollars,
    FloatArray,
    IntArray,
    LevelPlan,
    PayBasis,
    article_largest,
    article_smallest,
    level_at,
    level_plans,
    pay_at_position,
    pay_basis,
    position_of_pay,
    real_growth,
    today_level_index,
)

if TYPE_CHECKING:
    from planner.domain.offers import OfferPay
    from planner.domain.taxes import TaxSetting

# --- the projection ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    low: FloatArray
    projected: FloatArray
    high: FloatArray


Start = Literal["salary", "bottom"]


@dataclass(frozen=True, eq=False)
class Projection:
    """Arrays indexed by the year ``t`` (0 = this year); amounts in today's dollars at ``basis``, base salary.
    ``plain`` = ``start + raises + promotions + limits``; ``base`` = ``plain + skills``."""

    current_year: int
    start_experience: float
    assumptions: Assumptions
    basis: PayBasis
    own_basis: PayBasis  # the profile's own industry or employer (where the salary entered is paid)
    dataset: Dataset
    plans: tuple[LevelPlan, ...]  # with today's ticks
    # (year t from which they count, the levels with those skills) for each year planned skills start to count
    plan_steps: tuple[tuple[int, tuple[LevelPlan, ...], frozenset[str]], ...]
    start_level: int
    level_chosen: bool  # today's level is the user's choice (else the article's years give it)
    start: Start
    salary_entered: int | None  # today's salary as entered (paid in ``own_basis``): current or pay history
    salary_origin: str  # "your current salary", "your 2024 salary (pay history)" or ""
    salary_given: float | None  # that salary at ``basis`` (scaled by the two factors when they differ)
    salary_capped: bool  # the scaled salary was held at the article's largest figure
    t: IntArray
    level_index: IntArray
    plain: FloatArray
    raises: FloatArray  # cumulative parts of ``plain`` after year 0
    promotions: FloatArray
    limits: FloatArray
    floors: FloatArray  # cumulative: what "at least what a promotion into the level that year would pay" adds
    target: FloatArray
    ramp: FloatArray
    base: FloatArray
    taxes: TaxSetting | None = None  # what take-home pay needs (None: it is not worked out)
    offer_pay: OfferPay | None = None  # a scenario's job offer: its sign-on and vesting equity (total pay)

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
        return real_growth(self.assumptions)

    @property
    def salary_mode(self) -> bool:
        return self.start == "salary"

    @property
    def skills(self) -> FloatArray:
        return self.base - self.plain

    # --- amounts ---------------------------------------------------------------------------------------------

    @cached_property
    def _range_today(self) -> tuple[FloatArray, FloatArray]:
        f = self.basis.factor
        lows = np.array([p.low for p in self.plans])[self.level_index] * f
        highs = np.array([p.high for p in self.plans])[self.level_index] * f
        return lows, highs

    def scale(self, base_today: FloatArray, dollars: Dollars, comp: Comp) -> FloatArray:
        """Base salary in today's dollars to the dollars and pay asked for."""
        a = self.assumptions
        values = base_today
        if comp != "base":
            values = values * (1.0 + a.bonus_percent / 100.0) + self.extra_today()
        if comp == "take_home":
            net = self.after_tax(values * self.inflation_index)
            return net if dollars == "nominal" else net / self.inflation_index
        if dollars == "nominal":
            values = values * self.inflation_index
        return values

    def after_tax(self, gross_nominal: FloatArray) -> FloatArray:
        """Each year's take-home pay (nominal) of a gross pay in that year's dollars."""
        taxes = self.taxes
        if taxes is None:
            raise ValueError("take-home pay needs the tax inputs (a TaxSetting)")
        inflation = self.assumptions.inflation
        years = self.calendar_years
        return np.array([taxes.amount(int(y), float(g), inflation) for y, g in zip(years, gross_nominal, strict=True)])

    def _scaled(self, which: Literal["base", "low", "high"], dollars: Dollars, comp: Comp) -> FloatArray:
        """``scale`` of the projected pay or a range's edge, kept: a take-home curve is asked for many times."""
        source = self.base if which == "base" else self._range_today[0 if which == "low" else 1]
        if comp != "take_home":
            return self.scale(source, dollars, comp)
        key = (which, dollars, comp)
        found = self._scaled_cache.get(key)
        if found is None:
            found = self._scaled_cache[key] = self.scale(source, dollars, comp)
            found.flags.writeable = False  # shared by every caller
        return found

    @cached_property
    def _scaled_cache(self) -> dict[tuple[str, str, str], FloatArray]:
        return {}

    def extra_today(self) -> FloatArray | float:
        """What total compensation adds to base and bonus each year, in today's dollars: the yearly equity
        assumption, or a job offer's sign-on and vesting equity (nominal, so divided by the inflation index)."""
        if self.offer_pay is None:
            return float(self.assumptions.yearly_equity)
        return self.offer_pay.nominal / self.inflation_index

    def projected(self, dollars: Dollars, comp: Comp) -> FloatArray:
        return self._scaled("base", dollars, comp)

    def low(self, dollars: Dollars, comp: Comp) -> FloatArray:
        return self._scaled("low", dollars, comp)

    def high(self, dollars: Dollars, comp: Comp) -> FloatArray:
        return self._scaled("high", dollars, comp)

    def series(self, dollars: Dollars, comp: Comp) -> Series:
        return Series(self.low(dollars, comp), self.projected(dollars, comp), self.high(dollars, comp))

    # --- levels ----------------------------------------------------------------------------------------------

    def plans_at(self, t: int) -> tuple[LevelPlan, ...]:
        """The levels with the skills that count in year ``t`` (today's ticks and the planned skills by then)."""
        return _plans_in([(0, self.plans), *((start, plans) for start, plans, _new in self.plan_steps)], t)

    def planned_starts(self) -> list[tuple[int, frozenset[str]]]:
        """(year t, skill ids) for each year within the horizon from which planned skills count."""
        return [(start, new) for start, _plans, new in self.plan_steps if start < self.horizon]

    def plan_pays_from(self) -> list[tuple[int, frozenset[str]]]:
        """(year t, skill ids) for each year within the horizon in which planned skills start to change the pay:
        the year they count, or with a salary the year after (this year's pay is the salary; a skill learned
        in a year reaches the pay from the next year's)."""
        later = 1 if self.salary_mode else 0
        return [(start + later, new) for start, new in self.planned_starts() if start + later < self.horizon]

    def level_name(self, t: int) -> str:
        return self.plans[int(self.level_index[t])].name

    def level_changes(self) -> list[tuple[int, int]]:
        """(year t, level index) for each promotion within the horizon."""
        idx = self.level_index
        return [(int(t), int(idx[t])) for t in range(1, len(idx)) if idx[t] != idx[t - 1]]

    def next_promotion(self) -> LevelPlan | None:
        """The next level above today's (None at the top level)."""
        nxt = self.start_level + 1
        return self.plans[nxt] if nxt < len(self.plans) else None

    def promotion_t(self, level_index: int) -> int | None:
        """The year ``t`` the projection moves into that level, or None when not within the horizon."""
        hits = np.flatnonzero(self.level_index >= level_index)
        return int(hits[0]) if len(hits) and level_index > self.start_level else None

    @property
    def salary_outside_range(self) -> Literal["above", "below"] | None:
        """Where the salary entered lies against today's range at this basis."""
        if self.salary_given is None:
            return None
        plan = self.plans[self.start_level]
        f = self.basis.factor
        if self.salary_given > plan.high * f + 0.5:
            return "above"
        if self.salary_given < plan.low * f - 0.5:
            return "below"
        return None

    # --- against the article ---------------------------------------------------------------------------------

    @cached_property
    def article_top(self) -> ArticleFigure:
        return article_largest(self.dataset)

    @cached_property
    def article_bottom(self) -> ArticleFigure:
        return article_smallest(self.dataset)

    def outside_article(self, dollars: Dollars) -> IntArray:
        """Per year: +1 when the projected base salary (in the dollars shown) is above the article's largest
        figure, -1 when below its smallest, 0 within what the article reports."""
        values = self.projected(dollars, "base")
        out = np.zeros(len(values), dtype=np.int64)
        out[values > self.article_top.amount + 0.5] = 1
        out[values < self.article_bottom.amount - 0.5] = -1
        return out


def ticked_ids(dataset: Dataset, profile: Profile) -> frozenset[str]:
    return frozenset(profile.skills) & dataset.skill_ids()


def project(
    dataset: Dataset,
    profile: Profile,
    current_year: int,
    *,
    basis: PayBasis | None = None,
    extra_skills: Iterable[str] = (),
    taxes: TaxSetting | None = None,
) -> Projection:
    """The projection for ``profile`` from ``current_year`` on.

    ``basis`` compares the same person elsewhere (another industry or employer): a salary is then scaled by the
    ratio of the two pay factors, never above the article's largest figure unless it is already above it.
    ``extra_skills`` are treated as ticked (for "what if" curves and skill effects). ``taxes``: what take-home
    pay needs (without it, only base salary and total compensation can be asked for)."""
    ticked = ticked_ids(dataset, profile) | frozenset(extra_skills)
    return _project(dataset, profile, ticked, current_year, basis, None, taxes)


Batches = tuple[tuple[int, frozenset[str]], ...]


def skill_batches(dataset: Dataset, profile: Profile, ticked: frozenset[str], current_year: int) -> Batches:
    """(year t, skills counted from then) for today (t = 0, the ticked skills and those planned for this year or
    a month already past) and each later year in which planned skills start to count; each set holds the ones
    before it. Planned skills the dataset does not know are left out, as unknown ticks are."""
    known = dataset.skill_ids()
    starts: dict[int, set[str]] = {}
    for skill_id, planned in profile.plan.items():
        if skill_id in known and skill_id not in ticked:
            starts.setdefault(planned_year(planned, current_year), set()).add(skill_id)
    counted = set(ticked) | starts.pop(0, set())
    batches = [(0, frozenset(counted))]
    for t in sorted(starts):
        counted |= starts[t]
        batches.append((t, frozenset(counted)))
    return tuple(batches)


def _project(
    dataset: Dataset,
    profile: Profile,
    ticked: frozenset[str],
    current_year: int,
    basis: PayBasis | None,
    horizon: int | None,
    taxes: TaxSetting | None = None,
) -> Projection:
    a = profile.assumptions
    batches = skill_batches(dataset, profile, ticked, current_year)
    own = pay_basis(dataset, profile.industry, profile.employer)
    use = basis if basis is not None else own
    steps = [(start, level_plans(dataset, skills, profile)[0]) for start, skills in batches]
    plans = steps[0][1]
    today, chosen = today_level_index(dataset, profile)
    y0 = float(profile.years_of_experience)
    n = horizon if horizon is not None else a.horizon_years
    # More skills never bring a promotion later, so the levels only rise when planned skills start to count.
    levels = [level_at(_plans_in(steps, t), today, y0 + t) for t in range(n)]
    f = use.factor

    salary = profile.salary_today()  # the current salary, else the latest year of the pay history
    entered: int | None = None
    origin = ""
    given: float | None = None
    capped = False
    if salary is not None:
        entered, kind, year = salary
        origin = "your current salary" if kind == "current" else f"your {year} salary (pay history)"
        given = entered * f / own.factor
        limit = max(use.largest.amount, float(entered))
        if given > limit + EPS:
            given, capped = limit, True
        start = given
    else:
        start = plans[today].low * f

    path = _path(steps, levels, today, start, salary is not None, f, a)
    plans_from = dict(steps)  # each year t planned skills start to count -> the levels with them
    return Projection(
        current_year=current_year,
        start_experience=y0,
        assumptions=a,
        basis=use,
        own_basis=own,
        dataset=dataset,
        plans=plans,
        plan_steps=tuple((t, plans_from[t], now - earlier) for (_t, earlier), (t, now) in pairwise(batches)),
        start_level=today,
        level_chosen=chosen,
        start="salary" if salary is not None else "bottom",
        salary_entered=entered,
        salary_origin=origin,
        salary_given=given,
        salary_capped=capped,
        t=np.arange(n, dtype=np.int64),
        level_index=np.array(levels, dtype=np.int64),
        offer_pay=None,
        **path,
        taxes=taxes,
    )


def _plans_in(steps: list[tuple[int, tuple[LevelPlan, ...]]], t: int) -> tuple[LevelPlan, ...]:
    """The levels of the last step (year it starts, levels; in order, the first starting at 0) begun by year t."""
    return [plans for start, plans in steps if start <= t][-1]


def _path(
    steps: list[tuple[int, tuple[LevelPlan, ...]]],
    levels: list[int],
    today: int,
    start: float,
    salaried: bool,
    f: float,
    a: Assumptions,
) -> dict[str, FloatArray]:
    """The yearly figures of :class:`Projection` (see the module's docstring for the rules)."""
    plans = steps[0][1]  # the ranges are the same in every step; only the skills differ
    growth = real_growth(a)
    rise = 1.0 + a.promotion_raise
    n = len(levels)
    lows = [lv.low * f for lv in plans]
    highs = [lv.high * f for lv in plans]
    # Plain floats in lists while the years are walked (a NumPy element costs more to read and write than a float).
    plain_years = [start] * n
    raises_by, promotions_by, limits_by, floors_by = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n
    # Pay at each level reached so far, had you been there: a level's pay is at least what a promotion into it
    # this very year would pay, so being promoted earlier never pays less in any later year.
    paths: dict[int, float] = {today: start}
    for t in range(1, n):
        before = plain_years[t - 1]
        level = levels[t]
        floor_part = 0.0
        now: dict[int, float] = {}
        for j in range(today, level + 1):
            low, high = lows[j], highs[j]
            value: float | None = None
            kept: float | None = None  # the level's own path, before the promotion floor
            if j in paths:  # a year's raise, up to the top (a salary above it: none beyond inflation)
                last = paths[j]
                value = min(last * growth, last) if last > high + EPS else min(last * growth, high)
                if (j > today or not salaried) and value < low:
                    value = low
                kept = value
            if j > today:  # promoted into j this year: a raise, at least the bottom, never below last year's pay
                below = now[j - 1]
                held = paths.get(j - 1, below)
                promoted = min(max(below * rise, low, held), max(high, held))
                value = promoted if value is None else max(value, promoted)
            assert value is not None
            now[j] = value
            if j == level and kept is not None:  # (none in the year of the promotion into j: kept is None)
                floor_part = value - kept
        paths = now
        value = now[level]
        raised = before * (growth - 1.0)
        rest = value - before - raised  # what the range's top and bottom, the promotions and the floor add or take
        promoted_part = max(rest, 0.0) if level != levels[t - 1] else 0.0
        plain_years[t] = value
        raises_by[t] = raises_by[t - 1] + raised
        promotions_by[t] = promotions_by[t - 1] + promoted_part
        floors_by[t] = floors_by[t - 1] + floor_part
        limits_by[t] = limits_by[t - 1] + rest - promoted_part - floor_part
    plain = np.array(plain_years, dtype=np.float64)
    raises, promotions = np.array(raises_by, dtype=np.float64), np.array(promotions_by, dtype=np.float64)
    limits, floors = np.array(limits_by, dtype=np.float64), np.array(floors_by, dtype=np.float64)

    # What the skills of each step warrant at this year's level, and never less than at a level below it since
    # today's: a promotion never makes the same skills worth less. With a salary, what a step adds to the step
    # before closes at the skill pace from the year it counts.
    years = np.arange(n, dtype=np.float64)
    base = plain.copy()
    target = plain.copy()
    before_step = plain
    rows = slice(today, max(levels) + 1)  # the levels from today's to the top one reached, a row each
    bottoms, tops = np.array(lows)[rows, None], np.array(highs)[rows, None]
    typicals = np.array([lv.typical * f for lv in plans])[rows, None]
    unreached = np.arange(rows.start, rows.stop)[:, None] > np.array(levels)  # per level (row) and year
    for start, step_plans in steps:
        # Per year, the most that any level reached by then (since today's) warrants, and never less than plain.
        share = np.array([lv.position for lv in step_plans])[rows, None]
        by_level = _warranted(bottoms, typicals, tops, share, plain)
        warranted = np.maximum(plain, np.where(unreached, -np.inf, by_level).max(axis=0))
        counts = years >= start
        closes = 1.0 - np.power(1.0 - a.skill_pace, np.maximum(years - start, 0.0)) if salaried else np.ones(n)
        base = base + np.where(counts, closes * (warranted - before_step), 0.0)
        target = np.where(counts, warranted, target)
        before_step = warranted
    gap = target - plain
    ramp = np.divide(base - plain, gap, out=np.ones(n), where=gap > EPS)  # the share of the distance covered
    return {
        "plain": plain,
        "raises": raises,
        "promotions": promotions,
        "limits": limits,
        "floors": floors,
        "target": target,
        "ramp": ramp,
        "base": base,
    }


def _warranted(low: FloatArray, typical: FloatArray, high: FloatArray, k: FloatArray, pay: FloatArray) -> FloatArray:
    """Per level (a row each of the columns ``low``, ``typical``, ``high``: its range) and year: ``pay`` plus what
    moving from ``p`` to ``q = p + (1 - p) * k`` of the level's range adds, where ``p`` is where that year's ``pay``
    sits in it and ``k`` the share of the skills expected there that are ticked. Inside the range that is the pay at
    ``q``; a pay below the range (``p = 0``) gets only what the skills add above its bottom, never a catch-up to the
    bottom; above it (``p = 1``), nothing."""
    p = position_of_pay(low, typical, high, pay)
    moved = pay_at_position(low, typical, high, p + (1.0 - p) * k) - pay_at_position(low, typical, high, p)
    return pay + np.maximum(moved, 0.0)
