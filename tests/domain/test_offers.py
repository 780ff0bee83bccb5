"""A job offer's first four years, worked out by hand: even, cliff and custom vesting, refreshers, the current job."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from planner.domain.offers import average_equity, current_job_years, leave_at, offer_years, vesting_by_month
from planner.domain.plans import Offer
from planner.domain.profile import Assumptions, Profile

DAY = dt.date(2026, 11, 30)


def offer(**fields: Any) -> Offer:
    return Offer.model_validate({"id": "offer-1", "employer_name": "Acme", "base": 200_000, "added_on": DAY, **fields})


def column(rows: list[Any], name: str) -> list[float]:
    return [getattr(r, name) for r in rows]


def test_four_year_even_vesting_with_bonus_and_sign_on() -> None:
    rows = offer_years(offer(bonus_percent=15, sign_on=30_000, equity_grant=100_000))
    assert [r.year for r in rows] == [1, 2, 3, 4]
    assert column(rows, "base") == [200_000] * 4  # as offered: no raise counted
    assert column(rows, "bonus") == pytest.approx([30_000] * 4)  # 200,000 × 15 %
    assert column(rows, "sign_on") == [30_000, 0, 0, 0]  # year 1 only
    assert column(rows, "equity") == pytest.approx([25_000] * 4)  # 100,000 × 25 %
    assert column(rows, "refreshers") == [0, 0, 0, 0]  # the assumption's default: none
    assert rows[0].total == pytest.approx(200_000 + 30_000 + 30_000 + 25_000)
    assert rows[1].total == pytest.approx(255_000)


def test_a_one_year_cliff_vests_the_same_yearly_totals_as_even() -> None:
    cliff = offer_years(offer(equity_grant=100_000, vesting="cliff"))
    assert column(cliff, "equity") == pytest.approx([25_000] * 4)


def test_custom_vesting_five_fifteen_forty_forty() -> None:
    rows = offer_years(offer(equity_grant=200_000, vesting="custom", custom_vesting=[5, 15, 40, 40]))
    assert column(rows, "equity") == pytest.approx([10_000, 30_000, 80_000, 80_000])
    assert average_equity(offer(equity_grant=200_000, vesting="custom", custom_vesting=[5, 15, 40, 40])) == (
        pytest.approx(50_000)
    )


def test_a_short_custom_schedule_vests_nothing_after_it_ends() -> None:
    rows = offer_years(offer(equity_grant=90_000, vesting="custom", custom_vesting=[50, 50]))
    assert column(rows, "equity") == pytest.approx([45_000, 45_000, 0, 0])


def test_refreshers_each_year_from_year_two_vest_on_the_same_schedule() -> None:
    # Grant 100,000, even; refreshers 10 % = 10,000 granted in years 2, 3 and 4, each vesting 2,500 a year.
    rows = offer_years(offer(equity_grant=100_000, refresher_percent=10))
    assert column(rows, "refreshers") == pytest.approx([0, 2_500, 5_000, 7_500])
    assert column(rows, "equity") == pytest.approx([25_000, 27_500, 30_000, 32_500])  # first grant + refreshers


def test_refreshers_on_a_custom_schedule() -> None:
    # Grant 200,000 at 5/15/40/40; refreshers 10 % = 20,000 a year: year 2 vests 20,000 × 5 % = 1,000;
    # year 3: 20,000 × (15 % + 5 %) = 4,000; year 4: 20,000 × (40 % + 15 % + 5 %) = 12,000.
    rows = offer_years(
        offer(equity_grant=200_000, vesting="custom", custom_vesting=[5, 15, 40, 40], refresher_percent=10)
    )
    assert column(rows, "refreshers") == pytest.approx([0, 1_000, 4_000, 12_000])
    assert column(rows, "equity") == pytest.approx([10_000, 31_000, 84_000, 92_000])


def test_the_current_job_on_the_same_footing() -> None:
    profile = Profile(current_salary=150_000, assumptions=Assumptions(bonus_percent=10, yearly_equity=20_000))
    rows = current_job_years(profile)
    assert rows is not None
    assert column(rows, "year") == [1, 2, 3, 4]
    assert column(rows, "base") == [150_000] * 4
    assert column(rows, "bonus") == pytest.approx([15_000] * 4)
    assert column(rows, "sign_on") == [0] * 4
    assert column(rows, "equity") == [20_000] * 4
    assert column(rows, "refreshers") == [0] * 4  # the equity assumption is all there is: no refreshers
    assert rows[0].total == pytest.approx(185_000)


def test_the_current_job_from_the_pay_history_and_without_any_salary() -> None:
    assert current_job_years(Profile()) is None
    rows = current_job_years(Profile(pay_history={2024: 120_000, 2025: 130_000}))
    assert rows is not None
    assert rows[0].base == 130_000  # the latest year stands in for today's salary


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"vesting": "custom", "custom_vesting": [25, 25, 25]}, "add up to 75 %, not 100 %"),
        ({"vesting": "custom", "custom_vesting": []}, "needs a percentage for each year"),
        ({"sign_on": -1}, "greater than or equal to 0"),
        ({"employer_name": "   "}, "cannot be empty"),
        ({"base": 0}, "greater than 0"),
    ],
)
def test_the_offer_refuses_bad_input_with_a_message(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        offer(**fields)


def test_refreshers_on_a_short_schedule_stop_adding_once_each_has_fully_vested() -> None:
    # Grant 100,000 at 50/50; refreshers 20 % = 20,000 granted in years 2, 3 and 4, each vesting 10,000 in its
    # first and second year: year 2 one refresher vesting, years 3 and 4 two (the oldest one is done in year 4).
    rows = offer_years(offer(equity_grant=100_000, vesting="custom", custom_vesting=[50, 50], refresher_percent=20))
    assert column(rows, "refreshers") == pytest.approx([0, 10_000, 20_000, 20_000])
    assert column(rows, "equity") == pytest.approx([50_000, 60_000, 20_000, 20_000])


# --- month by month (format 6) -------------------------------------------------------------------------------------


def test_a_one_year_cliff_vests_nothing_before_month_twelve_then_a_quarter() -> None:
    cliff = offer(equity_grant=400_000, vesting="cliff", vest_every="month")
    months = vesting_by_month(cliff)
    assert len(months) == 48
    assert months[:11] == [0.0] * 11
    assert months[11] == pytest.approx(0.25)  # the first year's share, all at the cliff
    assert months[12] == pytest.approx(0.75 / 36)  # then monthly
    assert sum(months) == pytest.approx(1.0)
    # Leaving after 11 months keeps none of it; one month more keeps $100,000.
    assert leave_at(cliff, 11).equity == 0
    assert leave_at(cliff, 11).next_vest == (12, pytest.approx(100_000))
    assert leave_at(cliff, 12).equity == pytest.approx(100_000)


def test_even_vesting_by_quarter_keeps_what_vested_by_then() -> None:
    even = offer(equity_grant=400_000, vest_every="quarter")
    assert leave_at(even, 11).equity == pytest.approx(400_000 * 3 / 16)  # months 3, 6 and 9
    assert leave_at(even, 11).next_vest == (12, pytest.approx(25_000))
    yearly = offer(equity_grant=400_000, vest_every="year")
    assert leave_at(yearly, 11).equity == 0  # a yearly schedule vests at the anniversaries only


def test_the_yearly_figures_are_the_months_added_up_whatever_the_period() -> None:
    for every in ("month", "quarter", "year"):
        for vesting in ("even", "cliff"):
            rows = offer_years(offer(equity_grant=100_000, vesting=vesting, vest_every=every, refresher_percent=10))
            assert column(rows, "equity") == pytest.approx([25_000, 27_500, 30_000, 32_500])


def test_a_six_month_cliff_vests_half_a_year_at_month_six() -> None:
    months = vesting_by_month(offer(equity_grant=100, vesting="cliff", cliff_months=6, vest_every="month"))
    assert months[:5] == [0.0] * 5
    assert months[5] == pytest.approx(6 / 48)


def test_leaving_before_the_repayment_period_repays_the_sign_on() -> None:
    o = offer(base=120_000, bonus_percent=10, sign_on=30_000, sign_on_repay_months=12)
    early = leave_at(o, 11)
    assert early.salary == pytest.approx(110_000)
    assert early.bonus == pytest.approx(11_000)  # pro rata
    assert (early.sign_on, early.repaid) == (0, 30_000)
    assert leave_at(o, 12).sign_on == 30_000
    assert leave_at(offer(sign_on=30_000), 1).sign_on == 30_000  # no repayment period: kept


def test_a_stock_price_change_moves_the_equity_only() -> None:
    o = offer(equity_grant=400_000, bonus_percent=15)
    year = offer_years(o)[0]
    low, high = year.with_price(-50), year.with_price(50)
    assert (low.equity, high.equity) == (pytest.approx(50_000), pytest.approx(150_000))
    assert low.base == year.base
    assert low.bonus == year.bonus
    assert leave_at(o, 24, price_change=-50).equity == pytest.approx(100_000)


def test_guaranteed_and_at_risk_split_the_total() -> None:
    year = offer_years(offer(base=185_000, bonus_percent=15, sign_on=10_000, equity_grant=400_000))[0]
    assert year.guaranteed == 195_000
    assert year.at_risk == pytest.approx(27_750 + 100_000)
    assert year.guaranteed + year.at_risk == pytest.approx(year.total)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"sign_on_repay_months": 60}, "longer than the vesting schedule"),
        ({"price_low": -150.0}, "greater than or equal to -100"),
        ({"price_low": 20.0, "price_high": 10.0}, "above the high one"),
        ({"vesting": "cliff", "cliff_months": 48}, "before the schedule ends"),
    ],
)
def test_impossible_terms_are_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        offer(**fields)


def test_a_format_five_offer_keeps_its_yearly_figures() -> None:
    old = {"id": "offer-1", "employer_name": "Acme", "base": 200_000, "equity_grant": 100_000, "vesting": "cliff",
           "added_on": "2026-11-30"}  # fmt: skip
    o = Offer.model_validate_json(__import__("json").dumps(old))
    assert (o.vest_every, o.cliff_months, o.sign_on_repay_months, o.location) == ("quarter", 12, 0, None)
    assert column(offer_years(o), "equity") == pytest.approx([25_000] * 4)


def test_an_offer_asked_again_gives_the_same_years_and_an_edited_one_its_new_years() -> None:
    """A tick asks for the years of every scenario's offer again: the same figures, for as many years as asked; an
    offer changed in place since (a dialog's edit) gets its new figures, never the ones kept from before."""
    acme = offer(equity_grant=100_000, sign_on=30_000)
    first = offer_years(acme, 30)
    assert len(first) == 30
    assert len(offer_years(acme)) == 4  # the same offer, fewer years: not the thirty kept
    again = offer_years(acme, 30)
    assert again == first
    again.clear()  # a caller's list is its own
    assert len(offer_years(acme, 30)) == 30
    acme.equity_grant = 200_000
    acme.sign_on = 0
    edited = offer_years(acme, 30)
    assert column(edited, "equity")[:4] == pytest.approx([50_000] * 4)
    assert column(edited, "sign_on")[0] == 0
    other = offer(id="offer-2", equity_grant=100_000, sign_on=30_000)
    assert offer_years(other, 30) == first  # an equal offer: equal figures
    custom = offer(equity_grant=100_000, vesting="custom", custom_vesting=[25, 25, 25, 25])
    assert column(offer_years(custom), "equity") == pytest.approx([25_000] * 4)
    custom.custom_vesting[:] = [10, 20, 30, 40]  # the list itself changed, not the field
    assert column(offer_years(custom), "equity") == pytest.approx([10_000, 20_000, 30_000, 40_000])


def test_many_offers_asked_in_turn_each_get_their_own_years() -> None:
    offers = [offer(id=f"offer-{i}", base=100_000 + 10_000 * i, equity_grant=4_000 * i) for i in range(12)]
    for _ in range(2):
        for i, one in enumerate(offers):
            rows = offer_years(one, 6)
            assert column(rows, "base") == [100_000 + 10_000 * i] * 6
            assert column(rows, "equity")[:4] == pytest.approx([1_000 * i] * 4)
