"""What the Offers presenter and its view agree on (no widgets): the view's protocol, what the "leaving" part
shows, the confirmation question, and the name of a scenario started from an offer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from planner.domain.dataset import Dataset
from planner.domain.market import NATIONAL, MarketData
from planner.domain.plans import MAX_NAME, MAX_SCENARIOS
from planner.domain.profile import Profile
from planner.domain.tax_data import STATE_NAMES
from planner.presenters.choices import Choice
from planner.presenters.market_text import area_choices, occupation_of
from planner.tabs.offers.figures import CURRENT
from planner.tabs.offers.form import OfferForm
from planner.tabs.offers.leaving import LeaveJob, VestingLine
from planner.tabs.offers.models import Comparison


def scenario_name(employer: str, taken: set[str]) -> str:
    """ "Offer: Acme", or "Offer: Acme 2", … when that name is taken (names compared ignoring case), at most 60
    characters."""
    for n in range(1, MAX_SCENARIOS + 2):
        suffix = "" if n == 1 else f" {n}"
        candidate = f"Offer: {employer}"[: MAX_NAME - len(suffix)].rstrip() + suffix
        if candidate.casefold() not in taken:
            return candidate
    raise AssertionError("more names taken than scenarios allowed")


class OffersView(Protocol):
    def show_form(self, form: OfferForm) -> None: ...
    def show_field_error(self, key: str, message: str) -> None: ...
    def select_offers(self, current: str | None, selected: Sequence[str]) -> None: ...
    def show_comparison(self, comparison: Comparison) -> None: ...
    def set_matches(self, choices: Sequence[Choice]) -> None: ...
    def set_locations(self, choices: Sequence[Choice]) -> None: ...
    def set_baselines(self, choices: Sequence[Choice], current: str) -> None: ...
    def show_empty(self, empty: bool) -> None: ...
    def show_leaving(self, leaving: LeavingView) -> None: ...


@dataclass(frozen=True)
class LeavingView:
    """The "If I leave at month N" part: the month (and the box's text and message), the last month, the jobs side
    by side (in the table model), what staying longer would bring, and the vesting timeline."""

    month: int
    last: int
    text: str
    error: str
    lines: tuple[str, ...]
    vesting: tuple[VestingLine, ...]
    jobs: tuple[LeaveJob, ...]


Confirm = Callable[[str, str, str], bool]  # (title, question, yes button) -> agreed


@dataclass
class Typed:
    """What the user typed that was refused, per offer id (DRAFT for a new one) and field: kept with its message."""

    texts: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    def of(self, offer_id: str) -> dict[str, tuple[str, str]]:
        return self.texts.setdefault(offer_id, {})


def match_choices(ds: Dataset) -> list[Choice]:
    return [
        Choice("", "No match"),
        *(Choice(f"employer:{e.id}", f"Employer: {e.name}") for e in ds.employers),
        *(Choice(f"industry:{i.id}", f"Industry: {i.name}") for i in ds.industries),
    ]


def location_choices(market: MarketData | None, profile: Profile) -> list[Choice]:
    """Where you work now, then the states and BLS areas (from the BLS file; without it, the states)."""
    first = Choice("", "Where you work now")
    if market is None:
        return [first, *(Choice(code, name) for code, name in sorted(STATE_NAMES.items(), key=lambda i: i[1]))]
    occupation = occupation_of(market, profile.market_occupation)
    areas = [c for c in area_choices(market, occupation) if c.value != NATIONAL]
    # An offer placed in a state by its postal code (chosen without the BLS file, or from a file): shown as it is,
    # not as "Where you work now".
    known = {c.value for c in areas}
    states = sorted({o.location for o in profile.offers if o.location in STATE_NAMES and o.location not in known})
    return [first, *areas, *(Choice(code, f"{STATE_NAMES[code]} (the state)") for code in states)]


def baseline_choices(profile: Profile) -> list[Choice]:
    """What every offer can be compared against: the current job (with a salary), or any offer."""
    choices = [Choice(CURRENT, "Your current job")] if profile.salary_today() is not None else []
    return [*choices, *(Choice(o.id, f"The offer from {o.employer_name}") for o in profile.offers)]
