"""A job offer's first years, component by component, month by month, and the current job's beside it. Pure (no Qt).

Every amount of an offer is the user's own entry, except the refreshers and the stock price change (assumptions)
and what is worked out from them (with its formula, ``OfferYear``). Amounts are the offer's dollars: the base as
offered (no raise counted), so two offers and the current job compare on the same footing.

Vesting is worked out by month (``vesting_by_month``): each year's share of the grant vests in equal parts at the
end of each period (``Offer.vest_every``: month, quarter or year); a "cliff" schedule vests nothing before its cliff
month, then everything that would have vested by then. The yearly figures are the months added up, so a cliff and an
even schedule give the same years and differ only for someone who leaves early (``leave_at``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.domain.plans import VEST_MONTHS, Offer
from planner.domain.profile import Profile
from planner.domain.projection_basis import FloatArray

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

    @property
    def guaranteed(self) -> float:
        """What the job pays whatever happens: base salary and sign-on bonus."""
        return self.base + self.sign_on

    @property
    def at_risk(self) -> float:
        """What depends on performance or the stock: bonus, equity and refreshers."""
        return self.bonus + self.equity

    def with_price(self, change_percent: float) -> OfferYear:
        """The same year with the equity's value moved by a stock price change (percent)."""
        f = 1.0 + change_percent / 100.0
        return OfferYear(self.year, self.base, self.bonus, self.sign_on, self.equity * f, self.refreshers * f)


def vesting_by_month(offer: Offer, months: int | None = None) -> list[float]:
    """The share of one grant that vests in each month after it is granted (month 1 first), for ``months``
    months (the schedule's length when None): each year's share in equal parts at the end of each period, and for
    a cliff schedule nothing before the cliff month, then all that would have vested by it."""
    shares = offer.vesting_shares()
    step = VEST_MONTHS[offer.vest_every]
    per_month = [0.0] * (12 * len(shares))
    for k, share in enumerate(shares):
        ends = range(12 * k + step, 12 * k + 13, step)
        for end in ends:
            per_month[end - 1] += share / len(ends)
    if offer.vesting == "cliff":
        cliff = offer.cliff_months
        held = math.fsum(per_month[: cliff - 1])
        per_month[: cliff - 1] = [0.0] * (cliff - 1)
        per_month[cliff - 1] += held
    n = len(per_month) if months is None else months
    return (per_month + [0.0] * n)[:n]


@dataclass(frozen=True)
class MonthlyEquity:
    """What vests in each month of the job (month 1 first), in dollars: the first grant, and the refreshers (a new
    grant at the start of each year from the second, ``refresher_percent`` of the first, vesting the same way)."""

    grant: tuple[float, ...]
    refreshers: tuple[float, ...]

    def vested(self, month: int) -> tuple[float, float]:
        """(first grant, refreshers) vested by the end of ``month``."""
        return math.fsum(self.grant[:month]), math.fsum(self.refreshers[:month])


def monthly_equity(offer: Offer, months: int) -> MonthlyEquity:
    schedule = vesting_by_month(offer, months)
    grant = tuple(offer.equity_grant * s for s in schedule)
    refresher = offer.equity_grant * offer.refresher_percent / 100.0
    refreshers = [0.0] * months
    if refresher:
        for start in range(12, months, 12):  # granted at the start of year 2, 3, ...
            for m in range(months - start):
                refreshers[start + m] += refresher * schedule[m]
    return MonthlyEquity(grant, tuple(refreshers))


# The offers' years worked out last, each with a copy of its offer: an offer's figures are the same on every tick, and
# a tick with scenarios of offers asked for them again (its first years for the equity assumption, then all of them).
# An offer changed since (a copy that no longer compares equal) is worked out again.
_RECENT: list[tuple[Offer, int, tuple[OfferYear, ...]]] = []
RECENT_OFFERS = 8  # the offers (and lengths) kept: a profile's offers, each asked for its first years and all years


def offer_years(offer: Offer, years: int = OFFER_YEARS) -> list[OfferYear]:
    """The offer's yearly pay for its first ``years`` years (``_offer_years``), kept for the next ask."""
    for kept, length, rows in _RECENT:
        if length == years and kept == offer:
            return list(rows)
    rows = tuple(_offer_years(offer, years))
    _RECENT.insert(0, (offer.model_copy(deep=True), years, rows))
    del _RECENT[RECENT_OFFERS:]
    return list(rows)


def _offer_years(offer: Offer, years: int) -> list[OfferYear]:
    """The offer's yearly pay for its first ``years`` years: each year's equity is the months of that year added up
    (``monthly_equity``). By year: the grant times the schedule's share for year ``k``, plus each refresher granted
    in year ``r`` (2 .. k) times the schedule's share for its own year ``k - r + 1``: together the refresher times
    the shares of years 1 .. k - 1."""
    equity = monthly_equity(offer, 12 * years)
    rows = []
    for k in range(1, years + 1):
        months = slice(12 * (k - 1), 12 * k)
        granted = math.fsum(equity.grant[months])
        refreshed = math.fsum(equity.refreshers[months])
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
    """The equity a year, averaged over the offer's first four years."""
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


# --- if I leave at month N ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Leaving:
    """What a job leaves you with when you leave at the end of month ``month``."""

    month: int
    salary: float  # base × month / 12
    bonus: float  # the target bonus pro rata (an assumption: many employers pay it once a year)
    sign_on: float  # kept (the whole sign-on), or 0 when it is repaid
    repaid: float  # the sign-on repaid (leaving before the repayment period ends), else 0
    equity: float  # the first grant vested by then (at the price assumed)
    refreshers: float  # refreshers vested by then
    next_vest: tuple[int, float] | None  # (month, amount) of the next vesting after ``month``, if any

    @property
    def total(self) -> float:
        return self.salary + self.bonus + self.sign_on + self.equity + self.refreshers


def leave_at(offer: Offer, month: int, price_change: float = 0.0) -> Leaving:
    """What the offer leaves you with at the end of ``month`` (1 = the first month)."""
    f = 1.0 + price_change / 100.0
    horizon = max(month + 1, offer.schedule_months()) + 12
    equity = monthly_equity(offer, horizon)
    grant, refreshed = equity.vested(month)
    repaid = offer.sign_on_repay_months > 0 and month < offer.sign_on_repay_months
    later = [(m + 1, (equity.grant[m] + equity.refreshers[m]) * f) for m in range(month, horizon)]
    next_vest = next(((m, amount) for m, amount in later if amount > 0.005), None)
    return Leaving(
        month=month,
        salary=offer.base * month / 12.0,
        bonus=offer.base * offer.bonus_percent / 100.0 * month / 12.0,
        sign_on=0.0 if repaid else float(offer.sign_on),
        repaid=float(offer.sign_on) if repaid else 0.0,
        equity=grant * f,
        refreshers=refreshed * f,
        next_vest=next_vest,
    )


def current_leave_at(profile: Profile, month: int) -> Leaving | None:
    """The current job over the same months (salary, and the assumptions' bonus and equity pro rata); None without
    a salary."""
    today = profile.salary_today()
    if today is None:
        return None
    salary, a = float(today[0]), profile.assumptions
    return Leaving(
        month=month,
        salary=salary * month / 12.0,
        bonus=salary * a.bonus_percent / 100.0 * month / 12.0,
        sign_on=0.0,
        repaid=0.0,
        equity=float(a.yearly_equity) * month / 12.0,
        refreshers=0.0,
        next_vest=None,
    )


@dataclass(frozen=True, eq=False)
class OfferPay:
    """A job offer's pay beyond base salary and bonus, by year ``t`` (0 = the offer's first year), in nominal
    dollars (the offer's own): its sign-on bonus in year 0 and its equity as it vests (first grant, then the
    refreshers assumed). In total compensation this replaces the yearly equity assumption."""

    name: str  # the employer's name, as typed
    sign_on: FloatArray
    equity: FloatArray

    @property
    def nominal(self) -> FloatArray:
        return self.sign_on + self.equity
