"""A scenario from a job offer as its "Why this number?" and its take-home pay show it: the sign-on and equity lines
name the offer's employer as typed, and take-home pay is worked out with the scenario's own tax inputs."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.dataset import Dataset
from planner.domain.plans import Offer, Scenario
from planner.domain.profile import Profile
from planner.domain.projection_text import breakdown
from planner.domain.scenarios import scenario_projection
from planner.domain.tax_data import TaxData
from planner.domain.taxes import TaxSetting, take_home
from planner.storage.tax_file import load_tax_data

YEAR = 2026


@pytest.fixture(scope="module")
def data() -> TaxData:
    return load_tax_data()


def profile_with_offer() -> tuple[Profile, Scenario]:
    offer = Offer.model_validate(
        {
            "id": "offer-1",
            "employer_name": "Acme Robotics",
            "base": 170_000,
            "bonus_percent": 10,
            "sign_on": 20_000,
            "equity_grant": 200_000,
            "refresher_percent": 25,
            "added_on": dt.date(2026, 11, 30),
        }
    )
    scenario = Scenario(id="s-1", name="Take it", offer="offer-1")
    profile = Profile.model_validate(
        {"years_of_experience": 6, "current_salary": 145_000, "offers": [offer], "scenarios": [scenario]}
    )
    return profile, scenario


def test_the_offer_lines_name_the_employer_as_typed(dataset: Dataset) -> None:
    profile, scenario = profile_with_offer()
    proj = scenario_projection(dataset, profile, scenario, YEAR)
    lines = {line.label: line for line in breakdown(proj, 0, "nominal", "total").lines}
    assert lines["Sign-on bonus"].amount == 20_000
    assert lines["Sign-on bonus"].detail == "the offer from Acme Robotics, in its year 1"
    # By hand: a 200,000 grant over four even years vests 50,000 in year 1.
    assert lines["Equity"].amount == pytest.approx(50_000)
    assert "of the offer from Acme Robotics" in lines["Equity"].detail


def test_the_scenario_take_home_uses_its_own_tax_inputs(dataset: Dataset, data: TaxData) -> None:
    profile, scenario = profile_with_offer()
    texas = TaxSetting(data, "single", "TX", 0.0, "Texas (your choice)")
    california = TaxSetting(data, "single", "CA", 0.0, "California (your choice)")
    in_texas = scenario_projection(dataset, profile, scenario, YEAR, taxes=texas)
    in_california = scenario_projection(dataset, profile, scenario, YEAR, taxes=california)
    # Year 1 before tax, by hand: 170,000 + 10 % bonus + 20,000 sign-on + 50,000 vesting = 257,000.
    assert in_texas.projected("nominal", "total")[0] == pytest.approx(257_000)
    texas_net = in_texas.projected("nominal", "take_home")[0]
    assert texas_net == pytest.approx(take_home(data, YEAR, 257_000, "single", "TX").take_home, abs=0.01)
    california_net = in_california.projected("nominal", "take_home")[0]
    assert california_net == pytest.approx(take_home(data, YEAR, 257_000, "single", "CA").take_home, abs=0.01)
    assert california_net < texas_net  # California taxes wages, Texas does not
