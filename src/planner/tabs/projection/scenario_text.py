"""What a scenario changes, in a few words, and the BLS median wage where it works: read by the scenario list and
by the Projection tab's "Scenarios side by side" table."""

from __future__ import annotations

from planner.domain.dataset import Dataset
from planner.domain.market import NATIONAL, MarketData
from planner.domain.money import usd
from planner.domain.plans import Scenario
from planner.domain.profile import Profile
from planner.domain.scenarios import TODAY_PATH
from planner.presenters.fields import FIELDS, format_field
from planner.presenters.market_text import occupation_of, place_name


def with_assumptions(profile: Profile, s: Scenario) -> Profile:
    """The profile with the scenario's assumptions (to format them as the Projection tab does)."""
    return profile.model_copy(update={"assumptions": s.assumptions.apply(profile.assumptions)})


def area_name(market: MarketData | None, code: str) -> str:
    if market is None or code not in {a.code for a in market.areas}:
        return f"BLS area {code}"
    return place_name(market.area(code))


def market_median(market: MarketData, profile: Profile, area: str | None) -> tuple[str, str]:
    """The BLS median wage of the user's occupation in ``area`` (the nation when not chosen or not published
    there): the text for the table and its tooltip (series id and release)."""
    occupation = occupation_of(market, profile.market_occupation)
    cell = market.cell(area or NATIONAL, occupation) or market.cell(NATIONAL, occupation)
    if cell is None:
        return "not published", ""
    median = cell.get("p50")
    place = place_name(market.area(cell.a))
    name = market.occupation(occupation).name
    if median is None:
        return f"not published ({place})", f"{name} in {place}: {market.missing_reason(cell, 'p50')}"
    return (
        f"{usd(median)} ({place})",
        f"Median annual wage of {name} in {place}: BLS OEWS, series {market.series_id(cell, 'p50')} (official "
        "statistics, not the article)",
    )


def describe(ds: Dataset, profile: Profile, s: Scenario, market: MarketData | None = None) -> str:
    """What the scenario changes, in a few words ("Finance · offer from Acme · raise 5 %")."""
    parts: list[str] = []
    offer = profile.offer(s.offer)
    if offer is not None:
        parts.append(f"offer from {offer.employer_name} ({usd(offer.base)} base)")
    elif s.offer is not None:
        parts.append("an offer that was deleted")
    if s.employer is not None:
        parts.append(next((f"at {e.name}" for e in ds.employers if e.id == s.employer), "an unknown employer"))
    if s.industry is not None:
        parts.append(next((f"in {i.name}" for i in ds.industries if i.id == s.industry), "an unknown industry"))
    if s.current_level is not None:
        parts.append(next((f"{lv.name} today" for lv in ds.levels if lv.id == s.current_level), "a level"))
    if s.market_area is not None:
        parts.append(f"market area {area_name(market, s.market_area)}")
    if s.plan is not None:
        count = len(s.plan)
        parts.append(f"its own plan ({count} skill{'s' if count != 1 else ''})" if count else "no plan")
    changed = s.assumptions.model_dump(exclude_none=True)
    for spec in FIELDS:
        if spec.key in changed:
            parts.append(f"{spec.label}: {format_field(spec, with_assumptions(profile, s))}")
    return " · ".join(parts) if parts else f"the same as {TODAY_PATH.lower()}"
