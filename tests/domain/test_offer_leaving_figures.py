"""The Offers tab's "If I leave at month N" and stock price figures, worked out by hand: what vested by then (grant
and refreshers, at the price assumed), the next vesting, the sign-on kept or repaid, and the current job beside it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planner.domain.offers import current_leave_at, leave_at, offer_years
from planner.domain.plans import Offer
from planner.domain.profile import Assumptions, Profile

DAY = dt.date(2026, 11, 30)


def offer(**fields: Any) -> Offer:
    return Offer.model_validate({"id": "offer-1", "employer_name": "Acme", "base": 200_000, "added_on": DAY, **fields})


def test_leaving_in_the_last_months_of_the_schedule() -> None:
    """400,000 vesting quarterly over four years: 25,000 at months 3, 6, ..., 48. After 47 months, 15 quarters
    have vested (375,000) and the last one comes at month 48."""
    left = leave_at(offer(equity_grant=400_000, vest_every="quarter"), 47)
    assert left.month == 47
    assert left.equity == pytest.approx(375_000)
    assert left.next_vest == (48, pytest.approx(25_000))


def test_refreshers_and_a_price_change_when_leaving() -> None:
    """400,000 quarterly plus a 25 % refresher (100,000) granted at the start of year 2, vesting quarterly from
    then: 6,250 at months 15, 18, 21, 24, ... Leaving after 23 months at half the price: 7 grant quarters
    (175,000 → 87,500) and 3 refresher quarters (18,750 → 9,375); month 24 brings a grant quarter and a refresher
    quarter, (25,000 + 6,250) × 0.5 = 15,625."""
    left = leave_at(offer(equity_grant=400_000, vest_every="quarter", refresher_percent=25), 23, price_change=-50)
    assert left.equity == pytest.approx(87_500)
    assert left.refreshers == pytest.approx(9_375)
    assert left.next_vest == (24, pytest.approx(15_625))
    assert left.total == pytest.approx(200_000 * 23 / 12 + 87_500 + 9_375)


def test_a_sign_on_kept_after_the_repayment_period_is_not_also_repaid() -> None:
    kept = leave_at(offer(sign_on=30_000, sign_on_repay_months=12), 12)
    assert (kept.sign_on, kept.repaid) == (30_000, 0)
    never = leave_at(offer(sign_on=30_000), 3)  # no repayment period
    assert (never.sign_on, never.repaid) == (30_000, 0)
    assert never.total == pytest.approx(200_000 * 3 / 12 + 30_000)


def test_a_vesting_worth_a_dollar_is_still_the_next_vesting() -> None:
    """A 48-dollar grant vesting monthly over four years: 1 dollar a month."""
    assert leave_at(offer(equity_grant=48, vest_every="month"), 5).next_vest == (6, pytest.approx(1.0))


def test_the_next_vesting_after_this_schedule_ended() -> None:
    """Month 60 can be asked for when another offer's schedule runs five years. This one vests its whole grant
    (100,000) at month 48 and each yearly 10 % refresher (10,000) 48 months after it is granted: the first one,
    granted at the start of year 2 (month 13), at month 60, the next at month 72."""
    o = offer(equity_grant=100_000, vesting="custom", custom_vesting=[0, 0, 0, 100], vest_every="year",
              refresher_percent=10)  # fmt: skip
    left = leave_at(o, 60)
    assert (left.equity, left.refreshers) == (pytest.approx(100_000), pytest.approx(10_000))
    assert left.next_vest == (72, pytest.approx(10_000))


def test_a_price_change_moves_equity_and_refreshers_and_keeps_the_rest() -> None:
    """Year 2 of 400,000 over four years with a 25 % refresher: 100,000 of the grant and a quarter of the first
    refresher (25,000); 20 % up: 120,000 + 30,000. Year 1's 30,000 sign-on is not stock: it stays."""
    years = offer_years(offer(equity_grant=400_000, refresher_percent=25, sign_on=30_000, bonus_percent=10))
    up = years[1].with_price(20)
    assert (up.year, up.sign_on) == (2, 0)
    assert (up.equity, up.refreshers) == (pytest.approx(150_000), pytest.approx(30_000))
    down = years[0].with_price(-50)
    assert (down.year, down.sign_on) == (1, 30_000)
    assert down.total == pytest.approx(200_000 + 20_000 + 30_000 + 50_000)


def test_the_current_job_when_leaving_at_month_six() -> None:
    """145,000 a year, a 10 % bonus and 20,000 of equity a year (the assumptions), for six months: 72,500 +
    7,250 + 10,000 = 89,750; no sign-on, nothing repaid, no refreshers, no vesting ahead."""
    profile = Profile(current_salary=145_000, assumptions=Assumptions(bonus_percent=10, yearly_equity=20_000))
    left = current_leave_at(profile, 6)
    assert left is not None
    assert left.month == 6
    assert (left.salary, left.bonus, left.equity) == (pytest.approx(72_500), pytest.approx(7_250), 10_000)
    assert (left.sign_on, left.repaid, left.refreshers, left.next_vest) == (0, 0, 0, None)
    assert left.total == pytest.approx(89_750)


def test_the_current_job_from_the_pay_history_or_none() -> None:
    history = current_leave_at(Profile(pay_history={2025: 150_000}), 12)
    assert history is not None
    assert history.total == 150_000
    assert current_leave_at(Profile(), 6) is None
