"""What the projection stands on: the article's extremes, whose pay it follows (``PayBasis``: all industries, an
industry or an employer), pay at a position in a level's range and back, and the levels with their skills and
promotions (``LevelPlan``). Pure (no Qt); the engine that puts them together is ``planner.domain.projection``."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from planner.domain.dataset import Dataset, Level
from planner.domain.profile import Assumptions, Profile

Dollars = Literal["nominal", "today"]
Comp = Literal["base", "total", "take_home"]  # take-home: of total compensation, after taxes
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

EPS = 1e-9


# --- the article's bounds ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleFigure:
    amount: float
    text: str  # how the article words it: "$280,000 (“up to”, with more experience)"


def _salary_figures(dataset: Dataset) -> list[tuple[float, str]]:
    """Every yearly salary figure of the article (the app reads them all as base salary), described shortly."""
    from planner.domain.money import usd

    units = {u.id: u for u in dataset.units}
    base = units[dataset.overall.base_range.unit]
    # A yearly dollar figure like the overall range, whether or not the article calls it base salary.
    yearly = {u.id for u in dataset.units if (u.currency, u.period) == (base.currency, base.period)}
    r, ceiling = dataset.overall.base_range, dataset.overall.experienced_ceiling
    word = f"“{ceiling.qualifier}”, " if ceiling.qualifier else ""
    out = [
        (float(ceiling.amount), f"{usd(ceiling.amount)} ({word}with more experience)"),
        (float(r.min), f"{usd(r.min)} (bottom of the overall average range)"),
        (float(r.max), f"{usd(r.max)} (top of the overall average range)"),
    ]
    for lv in dataset.levels:
        out.append((float(lv.range.min), f"{usd(lv.range.min)} (bottom of the {lv.name} range)"))
        out.append((float(lv.range.max), f"{usd(lv.range.max)} (top of the {lv.name} range)"))
    for emp in dataset.employers:
        out.append((float(emp.pay.amount), f"{usd(emp.pay.amount)} ({emp.name})"))
    for ind in dataset.industries:
        out.append((float(ind.average.amount), f"{usd(ind.average.amount)} ({ind.name})"))
    for c in dataset.conflicts:
        out.extend((float(f.amount), f"{usd(f.amount)} ({f.label})") for f in c.figures if f.unit in yearly)
    return out


# The last dataset's extremes (a dataset is immutable; a tick recomputes many projections of the same one).
_extremes: tuple[Dataset, ArticleFigure, ArticleFigure] | None = None


def _article_extremes(dataset: Dataset) -> tuple[ArticleFigure, ArticleFigure]:
    global _extremes
    if _extremes is None or _extremes[0] is not dataset:
        figures = _salary_figures(dataset)
        low, high = min(figures, key=lambda f: f[0]), max(figures, key=lambda f: f[0])
        _extremes = (dataset, ArticleFigure(*low), ArticleFigure(*high))
    return _extremes[1], _extremes[2]


def article_largest(dataset: Dataset) -> ArticleFigure:
    """The largest yearly salary the article gives (the first such figure when several are equal)."""
    return _article_extremes(dataset)[1]


def article_smallest(dataset: Dataset) -> ArticleFigure:
    """The smallest yearly salary the article gives."""
    return _article_extremes(dataset)[0]


# --- pay relative to the overall average ---------------------------------------------------------------------


@dataclass(frozen=True)
class PayBasis:
    """Whose pay the projection follows: all industries (factor 1), one industry or one employer.

    ``raw_factor`` is the article's figure over ``reference`` (the middle of its overall average range); the
    ``factor`` used is at most ``bound`` (the article's largest figure over the top of its highest level range),
    so that no level's range goes above anything the article reports."""

    kind: Literal["all", "industry", "employer"]
    id: str | None
    name: str
    amount: int | None  # the article's average (industry) or pay (employer)
    qualifier: str | None  # the article's word for it: "around", "almost", "highest"...
    reference: float
    raw_factor: float
    bound: float
    largest: ArticleFigure
    top_range: float  # the top of the article's highest level range

    @property
    def factor(self) -> float:
        return min(self.raw_factor, self.bound)

    @property
    def ratio(self) -> tuple[float, float]:
        """The factor used as the two figures it is the quotient of: the article's figure and the middle of its
        overall average range, or (held) its largest figure and the top of its highest level range; (1, 1) for
        all industries."""
        if self.bounded:
            return self.largest.amount, self.top_range
        if self.amount is None:
            return 1.0, 1.0
        return float(self.amount), self.reference

    @property
    def bounded(self) -> bool:
        return self.raw_factor > self.bound + EPS

    @property
    def is_highest(self) -> bool:
        """The article gives this amount as the *highest* salary there, not as an average."""
        return self.qualifier == "highest"


def reference_pay(dataset: Dataset) -> float:
    """The middle of the article's overall average base salary range, which pay factors are relative to."""
    r = dataset.overall.base_range
    return (r.min + r.max) / 2


def pay_basis(dataset: Dataset, industry: str | None = None, employer: str | None = None) -> PayBasis:
    """The employer when one is chosen (the more specific figure), else the industry, else all industries.
    An id the dataset does not know (a profile saved with other data) counts as not chosen."""
    ref = reference_pay(dataset)
    largest = article_largest(dataset)
    top = max(float(lv.range.max) for lv in dataset.levels)
    bound = max(largest.amount / top, 1.0)
    emp = next((e for e in dataset.employers if e.id == employer), None)
    if emp is not None:
        p = emp.pay
        return PayBasis("employer", emp.id, emp.name, p.amount, p.qualifier, ref, p.amount / ref, bound, largest, top)
    ind = next((i for i in dataset.industries if i.id == industry), None)
    if ind is not None:
        a = ind.average
        return PayBasis("industry", ind.id, ind.name, a.amount, a.qualifier, ref, a.amount / ref, bound, largest, top)
    return PayBasis("all", None, "All industries", None, None, ref, 1.0, bound, largest, top)


# --- positions in a range ------------------------------------------------------------------------------------


Bound = float | FloatArray  # a range's low, typical or high figure; or a column of them, one range per row


def pay_at_position(low: Bound, typical: Bound, high: Bound, position: npt.ArrayLike) -> FloatArray:
    """Position 0 pays ``low``, 1/2 pays ``typical``, 1 pays ``high``; straight lines in between (per element: the
    figures may be a column of ranges, one per row of positions)."""
    p = np.minimum(np.maximum(np.asarray(position, dtype=np.float64), 0.0), 1.0)  # np.clip, at less cost
    return np.where(p <= 0.5, low + 2 * p * (typical - low), typical + (2 * p - 1) * (high - typical))


def position_of_pay(low: Bound, typical: Bound, high: Bound, pay: npt.ArrayLike) -> FloatArray:
    """The inverse of :func:`pay_at_position`, clamped to ``[0, 1]`` (per element; the figures as there)."""
    pay = np.asarray(pay, dtype=np.float64)
    # Each half of a range is used only where it applies; an empty one is divided by 1, never by 0 (and not used).
    lower = 0.5 * (pay - low) / np.where(typical > low, typical - low, 1.0)
    upper = 0.5 + 0.5 * (pay - typical) / np.where(high > typical, high - typical, 1.0)
    return np.where(pay <= low, 0.0, np.where(pay >= high, 1.0, np.where(pay <= typical, lower, upper)))


# --- levels ----------------------------------------------------------------------------------------------------


def article_level_index(dataset: Dataset, years: float) -> int:
    """The level the article's experience years give (0–5 entry, 5–10 mid, 10+ senior)."""
    level = dataset.level_for_years(years)
    return next(i for i, lv in enumerate(dataset.levels) if lv.id == level.id)


def today_level_index(dataset: Dataset, profile: Profile) -> tuple[int, bool]:
    """Today's level and whether the user chose it (else it comes from the article's years; a level id the data
    does not know counts as not chosen). Skills never set it: unticked skills demote nobody."""
    for i, lv in enumerate(dataset.levels):
        if lv.id == profile.current_level:
            return i, True
    return article_level_index(dataset, float(profile.years_of_experience)), False


@dataclass(frozen=True)
class LevelPlan:
    """One level as the projection uses it for this profile (amounts: the article's, today's dollars)."""

    index: int
    level: Level
    own_ticked: int  # of the level's own skills (they move its promotion)
    own_total: int
    ticked: int  # of the skills expected at this level: general skills and those of this level and below
    total: int
    article_years: float  # when the article says the level starts
    promoted_at: float | None  # years of experience at the promotion into it; None: today's level or below
    low: float
    typical: float
    high: float
    typical_is_average: bool

    @property
    def position(self) -> float:
        """The share ``k`` of the skills expected at this level that are ticked."""
        return self.ticked / self.total if self.total else 0.0

    @property
    def own_fraction(self) -> float:
        return self.own_ticked / self.own_total if self.own_total else 0.5

    @property
    def name(self) -> str:
        return self.level.name

    def shift_years(self, shift: float) -> float:
        """How much earlier (positive) than the article's years the level's own skills move it (none for a level
        without skills of its own: its fraction is one half)."""
        return promotion_shift(self.own_fraction, shift)


def real_growth(a: Assumptions) -> float:
    """Yearly growth of pay within a level in today's dollars: (1 + raise) / (1 + inflation)."""
    return (1.0 + a.yearly_raise) / (1.0 + a.inflation)


def promotion_shift(fraction: float, shift_years: float) -> float:
    """Years earlier (positive) or later (negative) than the article's that a level's own skills move it."""
    return shift_years * (2 * fraction - 1)


def level_plans(dataset: Dataset, ticked: Collection[str], profile: Profile) -> tuple[tuple[LevelPlan, ...], int]:
    """Every level with its skills and promotion, and today's level index."""
    today, _chosen = today_level_index(dataset, profile)
    shift = profile.assumptions.promotion_shift_years
    y0 = float(profile.years_of_experience)
    plans: list[LevelPlan] = []
    expected = sum(1 for sk in dataset.general_skills if sk.id in ticked)
    expected_total = len(dataset.general_skills)
    previous = y0
    for i, lv in enumerate(dataset.levels):
        own = sum(1 for sk in lv.skills if sk.id in ticked)
        expected += own
        expected_total += len(lv.skills)
        article = float(lv.experience.min_years)
        fraction = own / len(lv.skills) if lv.skills else 0.5  # a level without skills: on the article's time
        promoted_at: float | None = None
        if i > today:
            earliest = previous + 1.0 + shift * (1.0 - fraction)
            promoted_at = max(article - promotion_shift(fraction, shift), earliest)
            previous = promoted_at
        low, high = float(lv.range.min), float(lv.range.max)
        plans.append(
            LevelPlan(
                index=i,
                level=lv,
                own_ticked=own,
                own_total=len(lv.skills),
                ticked=expected,
                total=expected_total,
                article_years=article,
                promoted_at=promoted_at,
                low=low,
                typical=float(lv.average.amount) if lv.average is not None else (low + high) / 2,
                high=high,
                typical_is_average=lv.average is not None,
            )
        )
    return tuple(plans), today


def level_at(plans: tuple[LevelPlan, ...], today: int, years: float) -> int:
    """Index of the level the projection puts you in after ``years`` of experience."""
    index = today
    for plan in plans[today + 1 :]:
        if plan.promoted_at is not None and years + EPS >= plan.promoted_at:
            index = plan.index
    return index
