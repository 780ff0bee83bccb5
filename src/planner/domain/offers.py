"""A job offer's first years, component by component, and the current job's beside it. Pure (no Qt).

Every amount of an offer is the user's own entry, except the refreshers (an assumption, default none) and what
is worked out from them (with its formula, ``OfferYear``). Amounts are the offer's dollars: the base as offered
(no raise counted), so two offers and the current job compare on the same footing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.domain.plans import Offer
from planner.domain.profile import Profile

OFFER_YEARS = 4


@dataclass(frozen=True)
class OfferYear:
    """Year ``year`` (1 = the first twelve months) of a job: base + bonus + sign-on + equity vesting."""

    year: int
    base: float
    bonus: float
    sign_on: float
    equity: float  # the first grant's vesting that year, plus the refreshers' (an assumption)
    refreshers: float  # the part of ``equity`` that comes from refreshers

    @property
    def total(self) -> float:
        return self.base + self.bonus + self.sign_on + self.equity


def offer_years(offer: Offer, years: int = OFFER_YEARS) -> list[OfferYear]:
    """The offer's yearly pay for its first ``years`` years. Equity in year ``k``: the grant times the schedule's
    share for year ``k``, plus each refresher granted in year ``r`` (2 .. k, ``refresher_percent`` of the first
    grant) times the schedule's share for its own year ``k - r + 1``: together the refresher times the shares of
    years 1 .. k - 1."""
    shares = offer.vesting_shares()
    refresher = offer.equity_grant * offer.refresher_percent / 100.0
    rows = []
    for k in range(1, years + 1):
        granted = offer.equity_grant * shares[k - 1] if k <= len(shares) else 0.0
        refreshed = refresher * math.fsum(shares[: k - 1])
        rows.append(
            OfferYear(
                year=k,
                base=float(offer.base),
                bonus=offer.base * offer.bonus_percent / 100.0,
                sign_on=float(offer.sign_on) if k == 1 else 0.0,
                equity=granted + refreshed,
                refreshers=refreshed,
            )
        )
    return rows


def average_equity(offer: Offer) -> float:
    """The equity a year, averaged over the offer's first four years (what a scenario started from the offer
    counts each year)."""
    return math.fsum(row.equity for row in offer_years(offer)) / OFFER_YEARS


def current_job_years(profile: Profile, years: int = OFFER_YEARS) -> list[OfferYear] | None:
    """The current job on the same footing: today's salary (entered, or the latest pay history year), the bonus
    and the equity of the projection's assumptions, no sign-on; None without a salary."""
    today = profile.salary_today()
    if today is None:
        return None
    salary = float(today[0])
    a = profile.assumptions
    return [
        OfferYear(
            year=k,
            base=salary,
            bonus=salary * a.bonus_percent / 100.0,
            sign_on=0.0,
            equity=float(a.yearly_equity),
            refreshers=0.0,
        )
        for k in range(1, years + 1)
    ]
