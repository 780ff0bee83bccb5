"""What the tax inputs and a scenario's taxes say: the states without a wage income tax, the year's 401(k) limit,
contributions held at it, a scenario moved to another state, and one take-home figure to the cent wherever it is
shown (the chart's curve and "Why this number?")."""

from __future__ import annotations

import itertools

import pytest

from planner.domain.market import MarketData
from planner.domain.tax_data import TaxData
from planner.domain.taxes import TaxSetting, no_income_tax_states, retirement_limit, state_for_taxes, taxes_in_area
from planner.storage.market_file import load_market_data
from planner.storage.tax_file import load_tax_data

SEATTLE, SAN_FRANCISCO, PUERTO_RICO = "0042660", "0041860", "7200000"


@pytest.fixture(scope="module")
def data() -> TaxData:
    return load_tax_data()


@pytest.fixture(scope="module")
def market() -> MarketData:
    return load_market_data()


def test_the_nine_states_without_a_wage_income_tax(data: TaxData) -> None:
    # Alaska, Florida, Nevada, New Hampshire (interest and dividends only, repealed for 2025), South Dakota,
    # Tennessee, Texas, Washington (capital gains only) and Wyoming tax no wages; every other state and DC does.
    nine = ["AK", "FL", "NV", "NH", "SD", "TN", "TX", "WA", "WY"]
    assert no_income_tax_states(data) == nine
    assert no_income_tax_states(data, "married_joint") == nine


def test_the_years_401k_limit(data: TaxData) -> None:
    # The IRS's limits on employee deferrals: $23,500 for 2025, $24,500 for 2026. After the data's last year
    # (2027: $25,000) the limit moves with the inflation assumption: 2030 at 3 %: 25,000 × 1.03³ = 27,318.175 (a cent
    # either way in floating point).
    assert retirement_limit(data, 2025, 0.03) == 23_500
    assert retirement_limit(data, 2026, 0.03) == 24_500
    assert retirement_limit(data, 2030, 0.03) == pytest.approx(27_318.175, abs=0.006)


def test_contributions_held_at_the_limit_say_what_was_asked(data: TaxData) -> None:
    # 20 % of 300,000 is 60,000, above 2026's 24,500.
    line = TaxSetting(data, "single", "TX", 0.2).lines(2026, 300_000, 0.025).line("retirement")
    assert line.amount == 24_500
    assert "of gross pay (your entry), $60,000, held at the 2026 limit of $24,500" in line.basis


def test_the_curve_and_the_lines_agree_to_the_cent_for_a_projections_pay(data: TaxData) -> None:
    """A projection's pay is a salary grown year by year, not rounded: rarely whole dollars or cents. For forty
    years of four salaries grown 2.5 % a year, the curve's figure is the take-home line's, and both are in cents."""
    pays = [salary * 1.025**t for salary in (98_500, 142_000, 215_000, 263_000) for t in range(40)]
    grid = itertools.product(("CA", "TX", "PA"), ("single", "married_joint"), (2026, 2031), pays, (0.0, 0.06))
    for state, status, year, gross, share in grid:
        setting = TaxSetting(data, status, state, share)  # type: ignore[arg-type]
        lines = setting.lines(year, gross, 0.03)
        amount = setting.amount(year, gross, 0.03)
        assert amount == lines.take_home, (state, status, year, gross, share)
        assert amount == round(amount, 2)
        assert lines.take_home == round(lines.take_home, 2)


def test_a_scenario_in_another_state_keeps_the_filing_status_and_contributions(
    data: TaxData, market: MarketData
) -> None:
    home = TaxSetting(data, "married_joint", "WA", 0.06, "Washington (your choice)")
    moved = taxes_in_area(home, SAN_FRANCISCO, market)
    same = TaxSetting(data, "married_joint", "CA", 0.06)
    assert moved.amount(2026, 200_000, 0.025) == same.amount(2026, 200_000, 0.025)
    assert moved.lines(2026, 200_000, 0.025).amount("retirement") == 12_000  # 6 % of 200,000


def test_an_area_without_a_state_keeps_todays_state_and_says_so(data: TaxData, market: MarketData) -> None:
    chosen = TaxSetting(data, "single", "WA", 0.0, "Washington (your choice)")
    assert taxes_in_area(chosen, SEATTLE, None).origin == (
        "Washington (your choice); its area has no state in the tax data, so today's path's state is used"
    )
    unnamed = TaxSetting(data, "single", "WA")
    assert taxes_in_area(unnamed, PUERTO_RICO, market).origin == (
        "Washington; Puerto Rico has no state in the tax data, so today's path's state is used"
    )


def test_no_state_and_no_area_is_said_in_words(market: MarketData) -> None:
    assert state_for_taxes(None, None, market).words() == "no state chosen"
