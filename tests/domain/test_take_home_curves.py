"""Take-home pay as the projection uses it (pure): one number per year, exactly what the labelled lines give;
the state for taxes from a choice or a market area; a projection's take-home curve and its "Why this number?"."""

from __future__ import annotations

import itertools

import pytest

from planner.domain.dataset import Dataset
from planner.domain.market import MarketData
from planner.domain.profile import Assumptions, Profile
from planner.domain.projection import project
from planner.domain.take_home_text import breakdown_of
from planner.domain.tax_data import STATE_NAMES, TaxData
from planner.domain.taxes import TaxSetting, state_for_taxes, take_home, taxes_in_area
from planner.storage.market_file import load_market_data
from planner.storage.tax_file import load_tax_data

SEATTLE, SAN_FRANCISCO, NEW_YORK_METRO, NATION, PUERTO_RICO = "0042660", "0041860", "0035620", "0000000", "7200000"


@pytest.fixture(scope="module")
def data() -> TaxData:
    return load_tax_data()


@pytest.fixture(scope="module")
def market() -> MarketData:
    return load_market_data()


def test_one_number_a_year_is_exactly_the_take_home_line(data: TaxData) -> None:
    grid = itertools.product(
        ("CA", "NY", "TX", "PA", "WA", "OR"),
        ("single", "married_joint", "head_of_household"),
        (2025, 2026, 2027, 2031, 2055),
        (0.0, 12_345.67, 150_000, 250_000, 700_000, 2_500_000),
        (0.0, 0.06, 0.5),
    )
    for state, status, year, gross, share in grid:
        setting = TaxSetting(data, status, state, share)  # type: ignore[arg-type]
        assert setting.amount(year, gross, 0.03) == setting.lines(year, gross, 0.03).take_home, (state, year, gross)


def test_contributions_above_the_limit_are_held_at_it_in_a_projection(data: TaxData) -> None:
    setting = TaxSetting(data, "single", "TX", 0.2)
    line = setting.lines(2026, 300_000, 0.025).line("retirement")
    assert line.amount == 24_500
    assert "held at the 2026 limit of $24,500" in line.basis
    refused = take_home(data, 2026, 100_000, "single", "TX", 0.2)  # 20,000: under the limit, as typed
    assert refused.amount("retirement") == 20_000


def test_the_state_for_taxes_is_the_choice_else_the_areas(market: MarketData) -> None:
    assert state_for_taxes("TX", SEATTLE, market).words() == "Texas (your choice)"
    seattle = state_for_taxes(None, SEATTLE, market)
    assert (seattle.state, seattle.origin) == ("WA", "area")
    assert seattle.words() == "Washington (from the market area Seattle-Tacoma-Bellevue, WA)"
    assert state_for_taxes(None, NEW_YORK_METRO, market).state == "NY"  # NY-NJ-PA: the first-named state
    for area in (None, NATION, PUERTO_RICO):
        assert state_for_taxes(None, area, market).state is None
    assert state_for_taxes(None, SEATTLE, None).origin == "none"  # no wage data: no area to read


def test_a_scenario_in_another_area_pays_that_areas_state(data: TaxData, market: MarketData) -> None:
    home = TaxSetting(data, "single", "WA", 0.0, "Washington (your choice)")
    moved = taxes_in_area(home, SAN_FRANCISCO, market)
    assert moved.state == "CA"
    assert moved.origin == "California (the scenario's market area San Francisco-Oakland-Fremont, CA)"
    assert taxes_in_area(home, None, market) is home
    kept = taxes_in_area(home, PUERTO_RICO, market)
    assert kept.state == "WA"
    assert "Puerto Rico has no state in the tax data" in kept.origin


def test_a_projections_take_home_curve_and_its_breakdown(dataset: Dataset, data: TaxData) -> None:
    profile = Profile(
        years_of_experience=6.0,
        current_salary=150_000,
        assumptions=Assumptions(bonus_percent=10.0, yearly_equity=20_000),
    )
    setting = TaxSetting(data, "single", "CA", 0.05, "California (your choice)")
    proj = project(dataset, profile, 2026, taxes=setting)
    total = proj.projected("nominal", "total")
    net = proj.projected("nominal", "take_home")
    for t in (0, 1, 10, 29):
        year = 2026 + t
        assert net[t] == pytest.approx(setting.lines(year, float(total[t]), 0.025).take_home)
    today = proj.projected("today", "take_home")
    assert today == pytest.approx(net / proj.inflation_index)
    assert (proj.low("nominal", "take_home") <= net + 0.01).all()
    for dollars in ("nominal", "today"):
        b = breakdown_of(proj, 5, dollars, "take_home")  # type: ignore[arg-type]
        assert b.comp == "take_home"
        assert sum(b.summands()) == pytest.approx(b.total, abs=0.05)
        assert b.total == pytest.approx(proj.projected(dollars, "take_home")[5], abs=0.01)  # type: ignore[arg-type]
        labels = [line.label for line in b.lines]
        assert {"Federal income tax", "Social Security", "Medicare", "California income tax"} <= set(labels)
        assert "Pre-tax retirement contributions" in labels
        kinds = {line.label: line.kind for line in b.lines}
        assert kinds["Standard deduction"] == "assumption"  # 2031: the 2027 figure moved by inflation
        assert any("rests on that assumption" in line.detail for line in b.lines)
    with pytest.raises(ValueError, match="needs the tax inputs"):
        project(dataset, profile, 2026).projected("nominal", "take_home")


def test_every_state_has_a_name_and_a_table(data: TaxData) -> None:
    for state in STATE_NAMES:
        assert TaxSetting(data, "single", state).amount(2026, 100_000, 0.025) > 50_000
