"""The state whose taxes apply in a BLS area (take-home pay follows the Market tab's area)."""

from __future__ import annotations

import pytest

from planner.domain.market import MarketData
from planner.domain.tax_data import STATE_NAMES
from planner.storage.market_file import load_market_data


@pytest.fixture(scope="module")
def market() -> MarketData:
    return load_market_data()


def code_of(market: MarketData, name: str) -> str:
    return next(a.code for a in market.areas if a.name == name)


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("Seattle-Tacoma-Bellevue, WA", "WA"),
        ("San Francisco-Oakland-Fremont, CA", "CA"),
        ("Allentown-Bethlehem-Easton, PA-NJ", "PA"),  # spans states: the first-named one
        ("Border Region of Texas nonmetropolitan area", "TX"),  # nonmetropolitan: by its code's state
        ("Balance of Nevada nonmetropolitan area", "NV"),
        ("District of Columbia", "DC"),
        ("Texas", "TX"),
        ("National", None),
        ("Puerto Rico", None),  # the tax data covers the 50 states and DC only
        ("San Juan-Bayamon-Caguas, PR", None),
    ],
)
def test_an_area_gives_the_state_whose_taxes_apply(market: MarketData, name: str, state: str | None) -> None:
    assert market.tax_state(code_of(market, name)) == state


def test_every_state_has_areas_and_an_unknown_code_has_no_state(market: MarketData) -> None:
    found = {market.tax_state(a.code) for a in market.areas}
    assert found == set(STATE_NAMES) | {None}
    assert market.tax_state("9999999") is None
