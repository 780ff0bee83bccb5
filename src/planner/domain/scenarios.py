"""Scenarios side by side: the profile a scenario stands for, and the differences a user compares. Pure (no Qt).

A scenario is today's path with some fields changed (``planner.domain.plans.Scenario``). A job offer in a
scenario brings its salary and bonus, and in total compensation its sign-on in its first year and its equity as it
vests, year by year (``offers.offer_years``: the Offers tab's figures; after the grant has vested, the refreshers
assumed), and, when the user matched it to one of the article's employers or industries, that pay factor: the
offer's salary is paid there. The offer's first year is this year of the projection. Without an offer, another
industry or employer is the same person elsewhere: a salary is scaled by the two pay factors, as the Projection
tab's "Compare with" does (``projection.project(basis=...)``). The scenario's own assumption changes come last, so a
scenario can still change what the offer brought.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from planner.domain.dataset import Dataset
from planner.domain.offers import OfferPay, average_equity, offer_years
from planner.domain.plans import Offer, Scenario
from planner.domain.profile import MAX_SALARY, Profile
from planner.domain.projection import Projection, project
from planner.domain.projection_basis import Comp, Dollars, PayBasis, pay_basis

if TYPE_CHECKING:
    from planner.domain.taxes import TaxSetting

TODAY_PATH = "Today's path"
COMPARE_YEARS = (1, 3, 5, 10)


def scenario_profile(profile: Profile, scenario: Scenario) -> Profile:
    """The profile the scenario stands for, validated as a whole. Its parts are the validated models they came from
    (pydantic takes a model instance as it is: a tick on a profile with five scenarios validates five profiles, not
    every tick, offer and plan of each again)."""
    data = dict(profile)  # the fields' values, not copies
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
    if offer is not None and scenario.industry is not None:  # the offer's place, when the offer does not say
        data["industry"] = scenario.industry
        if scenario.employer is None and offer.employer is None:
            data["employer"] = None
    if offer is not None and scenario.employer is not None:
        data["employer"] = scenario.employer
    if scenario.market_area is not None:
        data["market_area"] = scenario.market_area
    if scenario.current_level is not None:
        data["current_level"] = scenario.current_level
    if scenario.plan is not None:
        data["plan"] = dict(scenario.plan)  # ticked ones: dropped by Profile
    data["assumptions"] = scenario.assumptions.apply(assumptions)
    data["scenarios"], data["offers"] = [], list(profile.offers)
    return Profile.model_validate(data)


def scenario_basis(dataset: Dataset, profile: Profile, scenario: Scenario) -> PayBasis | None:
    """Where the scenario's pay is compared when it moves the same salary elsewhere (no offer): the employer
    chosen, else the industry chosen (then no employer); None when it keeps today's place or brings an offer."""
    if profile.offer(scenario.offer) is not None or (scenario.industry is None and scenario.employer is None):
        return None
    if scenario.employer is not None:
        return pay_basis(dataset, employer=scenario.employer)
    return pay_basis(dataset, industry=scenario.industry)


def scenario_projection(
    dataset: Dataset, profile: Profile, scenario: Scenario, current_year: int, taxes: TaxSetting | None = None
) -> Projection:
    """The projection of the scenario (see the module's docstring). ``taxes``: the scenario's own (the state of its
    market area when it moves, ``planner.domain.taxes.scenario_taxes``), for take-home pay."""
    own = scenario_profile(profile, scenario)
    projection = project(dataset, own, current_year, basis=scenario_basis(dataset, profile, scenario), taxes=taxes)
    offer = profile.offer(scenario.offer)
    if offer is None:
        return projection
    return replace(projection, offer_pay=offer_pay(offer, projection, scenario.assumptions.yearly_equity))


def offer_pay(offer: Offer, projection: Projection, own_equity: int | None = None) -> OfferPay:
    """The offer's sign-on and vesting equity for every year of the projection (nominal). A scenario that sets
    its own yearly equity keeps the sign-on and counts that equity (today's dollars, moved by inflation) instead."""
    years = offer_years(offer, projection.horizon)
    sign_on = np.array([y.sign_on for y in years], dtype=np.float64)
    if own_equity is not None:
        equity = float(own_equity) * projection.inflation_index
    else:
        equity = np.array([y.equity for y in years], dtype=np.float64)
    return OfferPay(offer.employer_name, sign_on, equity)


@dataclass(frozen=True)
class ScenarioRow:
    """One line of the differences table (amounts in the dollars and pay asked for)."""

    name: str
    pay: tuple[float | None, ...]  # in COMPARE_YEARS years; None beyond the horizon
    earnings: float  # over the horizon
    overtakes: str  # against the first row (today's path): "2031", "from the start", "never", ""
    passes: tuple[tuple[str, int], ...] = ()  # (another scenario, the calendar year this one overtakes it for good)


def crossing(a: np.ndarray, b: np.ndarray) -> int | None:
    """The first year ``t`` from which ``a`` stays above ``b`` (0: above from the start), or None when ``a`` is
    not above ``b`` in the last year. Less than half a dollar above is rounding, not above."""
    not_above = np.flatnonzero(a <= b + 0.5)
    if len(not_above) == 0:
        return 0
    t = int(not_above[-1]) + 1
    return t if t < len(a) else None


def compare(projections: list[tuple[str, Projection]], dollars: Dollars, comp: Comp) -> list[ScenarioRow]:
    """The differences table: the first projection is today's path, every other one is read against it, and
    against each other scenario it overtakes within the horizon (having been behind it)."""
    if not projections:
        return []
    curves = [(name, proj.projected(dollars, comp)) for name, proj in projections]
    first = curves[0][1]
    rows: list[ScenarioRow] = []
    for i, (name, proj) in enumerate(projections):
        values = curves[i][1]
        pay = tuple(float(values[t]) if t < len(values) else None for t in COMPARE_YEARS)
        overtakes = ""
        if i > 0:  # a scenario keeps today's horizon: the curves have the same years
            t = crossing(values, first)
            overtakes = "never" if t is None else "from the start" if t == 0 else str(proj.current_year + t)
        passes = []
        for j, (other, others) in enumerate(curves):
            t = crossing(values, others) if j not in (0, i) else None
            if t:  # None: never ahead for good; 0: ahead from the start, not an overtaking
                passes.append((other, proj.current_year + t))
        rows.append(ScenarioRow(name, pay, float(values.sum()), overtakes, tuple(passes)))
    return rows
