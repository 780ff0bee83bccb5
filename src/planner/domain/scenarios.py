"""Scenarios side by side: the profile a scenario stands for, and the differences a user compares. Pure (no Qt).

A scenario is today's path with some fields changed (``planner.domain.plans.Scenario``). A job offer in a
scenario brings its salary, bonus and equity (averaged over its first four years, ``offers.average_equity``) and,
when the user matched it to one of the article's employers or industries, that pay factor. The scenario's own
assumption changes come last, so a scenario can still change what the offer brought.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.domain.offers import average_equity
from planner.domain.plans import Scenario
from planner.domain.profile import MAX_SALARY, Profile
from planner.domain.projection import Comp, Dollars, Projection

TODAY_PATH = "Today's path"
COMPARE_YEARS = (1, 3, 5, 10)


def scenario_profile(profile: Profile, scenario: Scenario) -> Profile:
    """The profile the scenario stands for (validated: every value came from a validated model)."""
    data = profile.model_dump()
    assumptions = profile.assumptions
    offer = profile.offer(scenario.offer)
    if offer is not None:
        data["current_salary"] = offer.base
        if offer.employer is not None:
            data["employer"] = offer.employer
        elif offer.industry is not None:
            data["industry"], data["employer"] = offer.industry, None
        equity = min(round(average_equity(offer)), MAX_SALARY)
        assumptions = assumptions.model_copy(update={"bonus_percent": offer.bonus_percent, "yearly_equity": equity})
    if scenario.industry is not None:
        data["industry"] = scenario.industry
        if scenario.employer is None:
            data["employer"] = None  # another industry: not at today's employer
    if scenario.employer is not None:
        data["employer"] = scenario.employer
    if scenario.market_area is not None:
        data["market_area"] = scenario.market_area
    if scenario.current_level is not None:
        data["current_level"] = scenario.current_level
    if scenario.plan is not None:
        data["plan"] = {k: v.model_dump() for k, v in scenario.plan.items() if k not in profile.skills}
    data["assumptions"] = scenario.assumptions.apply(assumptions).model_dump()
    data["scenarios"], data["offers"] = [], [o.model_dump() for o in profile.offers]
    return Profile.model_validate(data)


@dataclass(frozen=True)
class ScenarioRow:
    """One line of the differences table (amounts in the dollars and pay asked for)."""

    name: str
    pay: tuple[float | None, ...]  # in COMPARE_YEARS years; None beyond the horizon
    earnings: float  # over the horizon
    overtakes: str  # against the first row (today's path): "2031", "from the start", "never", ""


def crossing(a: np.ndarray, b: np.ndarray) -> int | None:
    """The first year ``t`` from which ``a`` stays above ``b`` having been at or below it, or None."""
    above = a > b + 0.5
    if above.all() or not above.any():
        return None
    last_not = int(np.flatnonzero(~above)[-1])
    return last_not + 1 if last_not + 1 < len(a) else None


def compare(projections: list[tuple[str, Projection]], dollars: Dollars, comp: Comp) -> list[ScenarioRow]:
    """The differences table: the first projection is today's path, every other one is read against it."""
    rows: list[ScenarioRow] = []
    first = projections[0][1].projected(dollars, comp) if projections else np.zeros(0)
    for i, (name, proj) in enumerate(projections):
        values = proj.projected(dollars, comp)
        pay = tuple(float(values[t]) if t < len(values) else None for t in COMPARE_YEARS)
        overtakes = ""
        if i > 0:
            n = min(len(values), len(first))
            a, b = values[:n], first[:n]
            t = crossing(a, b)
            if t is not None:
                overtakes = str(proj.current_year + t)
            elif n and bool((a > b + 0.5).all()):
                overtakes = "from the start"
            else:
                overtakes = "never"
        rows.append(ScenarioRow(name, pay, float(values.sum()), overtakes))
    return rows
