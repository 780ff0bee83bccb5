"""The learning plan, scenarios and offers as the profile keeps them: what is refused (with its message), what a
name becomes, from which year a planned skill counts, the ids new scenarios and offers get."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from pydantic import ValidationError

from planner.domain.plans import MAX_NAME, Offer, PlannedSkill, Scenario, copy_name, new_id, planned_year
from planner.domain.profile import Profile, TickedSkill

DAY = dt.date(2026, 11, 30)


def offer(**fields: Any) -> Offer:
    return Offer.model_validate({"id": "offer-1", "employer_name": "Acme", "base": 150_000, "added_on": DAY, **fields})


# --- names --------------------------------------------------------------------------------------------------------


def test_a_name_of_the_longest_length_is_kept_and_one_more_letter_is_refused() -> None:
    longest = "x" * MAX_NAME
    assert Scenario(id="s-1", name=longest).name == longest
    with pytest.raises(ValidationError, match=re.escape("A scenario's name is too long: at most 60 characters.")):
        Scenario(id="s-1", name=longest + "x")
    with pytest.raises(ValidationError, match=re.escape("The employer's name is too long: at most 60 characters.")):
        offer(employer_name="y" * (MAX_NAME + 1))


def test_a_name_is_one_line_and_the_message_names_what_is_empty() -> None:
    assert offer(employer_name="  Big\n  Corp\t Inc ").employer_name == "Big Corp Inc"
    with pytest.raises(ValidationError, match=re.escape("The employer's name cannot be empty.")):
        offer(employer_name="\n\t ")
    with pytest.raises(ValidationError, match=re.escape("A scenario's name cannot be empty.")):
        Scenario(id="s-1", name="")
    # spaces removed before the length is counted: a long run of spaces does not make a name too long
    assert Scenario(id="s-1", name="a" + " " * 100 + "b").name == "a b"


def test_two_scenarios_with_one_id_or_two_offers_with_one_id_are_refused() -> None:
    with pytest.raises(ValidationError, match=re.escape("Two scenarios have the id s-1.")):
        Profile(scenarios=[Scenario(id="s-1", name="One"), Scenario(id="s-1", name="Two")])
    with pytest.raises(ValidationError, match=re.escape("Two offers have the id offer-1.")):
        Profile(offers=[offer(), offer(employer_name="Other")])
    kept = Profile(
        scenarios=[Scenario(id="s-1", name="One"), Scenario(id="s-2", name="Two")],
        offers=[offer(), offer(id="offer-2")],
    )
    assert [s.name for s in kept.scenarios] == ["One", "Two"]
    assert [o.id for o in kept.offers] == ["offer-1", "offer-2"]


def test_a_scenario_name_differing_only_in_case_is_refused_with_the_name_quoted() -> None:
    with pytest.raises(ValidationError, match=re.escape('Two scenarios are called "MOVE": each needs its own name.')):
        Profile(scenarios=[Scenario(id="s-1", name="Move"), Scenario(id="s-2", name="MOVE")])


# --- new ids --------------------------------------------------------------------------------------------------


def test_a_new_scenario_or_offer_gets_the_first_free_number() -> None:
    assert new_id("scenario", set()) == "scenario-1"
    assert new_id("scenario", {"scenario-1"}) == "scenario-2"
    assert new_id("scenario", {"scenario-1", "scenario-2"}) == "scenario-3"
    assert new_id("offer", {"offer-2"}) == "offer-1"  # a gap left by a deleted offer is used again
    assert new_id("offer", {"scenario-1"}) == "offer-1"


# --- the learning plan ---------------------------------------------------------------------------------------


def test_a_planned_month_is_kept_as_its_first_day() -> None:
    assert PlannedSkill(by=dt.date(2027, 6, 17), planned_on=DAY).by == dt.date(2027, 6, 1)


@pytest.mark.parametrize(
    ("by", "counts_from"),
    [
        (dt.date(2026, 12, 1), 0),  # later this year: this year
        (dt.date(2027, 1, 1), 1),
        (dt.date(2029, 6, 1), 3),
        (dt.date(2025, 3, 1), 0),  # a month already past: this year, never before
    ],
)
def test_a_planned_skill_counts_from_the_calendar_year_of_its_month(by: dt.date, counts_from: int) -> None:
    assert planned_year(PlannedSkill(by=by, planned_on=DAY), 2026) == counts_from


# --- vesting ---------------------------------------------------------------------------------------------------


def test_percentages_that_add_up_to_100_within_a_hundredth_are_accepted() -> None:
    assert offer(vesting="custom", custom_vesting=[33.33, 33.33, 33.34]).vesting_shares() == pytest.approx(
        [0.3333, 0.3333, 0.3334]
    )
    assert offer(vesting="custom", custom_vesting=[50, 50.005]).vesting_shares() == pytest.approx([0.5, 0.50005])
    with pytest.raises(ValidationError, match=re.escape("add up to 100.02 %, not 100 %")):
        offer(vesting="custom", custom_vesting=[50, 50.02])
    with pytest.raises(ValidationError, match=re.escape("add up to 99.9 %, not 100 %")):
        offer(vesting="custom", custom_vesting=[50, 49.9])


def test_percentages_typed_for_an_even_schedule_are_not_used() -> None:
    even = offer(vesting="even", custom_vesting=[100])
    assert even.vesting_shares() == [0.25, 0.25, 0.25, 0.25]
    assert offer(vesting="cliff").vesting_shares() == [0.25, 0.25, 0.25, 0.25]


# --- the profile finds its offers and scenarios, and the salary the projection starts from ------------------------


def test_the_profile_finds_an_offer_or_scenario_by_id_and_nothing_for_an_unknown_one() -> None:
    profile = Profile(
        offers=[offer(), offer(id="offer-2", employer_name="Beta")],
        scenarios=[Scenario(id="s-1", name="One"), Scenario(id="s-2", name="Two")],
    )
    found = profile.offer("offer-2")
    assert found is not None
    assert found.employer_name == "Beta"
    assert profile.offer("offer-3") is None
    assert profile.offer(None) is None
    scenario = profile.scenario("s-2")
    assert scenario is not None
    assert scenario.name == "Two"
    assert profile.scenario("s-3") is None
    assert profile.scenario(None) is None


def test_the_salary_today_is_the_one_typed_else_the_latest_year_earned() -> None:
    history = {2019: 90_000, 2024: 120_000, 2021: 100_000}
    assert Profile(current_salary=130_000, pay_history=history).salary_today() == (130_000, "current", None)
    assert Profile(pay_history=history).salary_today() == (120_000, "history", 2024)
    assert Profile(pay_history=history).latest_pay() == (2024, 120_000)
    assert Profile().salary_today() is None
    assert Profile().latest_pay() is None


def test_a_skill_is_had_once_ticked_not_while_only_planned() -> None:
    profile = Profile(
        skills={"entry.python": TickedSkill(ticked_on=DAY)},
        plan={"mid.deep-learning": PlannedSkill(by=dt.date(2027, 1, 1), planned_on=DAY)},
    )
    assert profile.has_skill("entry.python")
    assert not profile.has_skill("mid.deep-learning")


def test_a_copy_is_named_after_the_original_and_never_takes_a_name_in_use() -> None:
    assert copy_name("Stay", set()) == "Stay (copy)"
    assert copy_name("Stay", {"stay (copy)"}) == "Stay (copy 2)"
    assert copy_name("Stay", {"stay (copy)", "stay (copy 2)"}) == "Stay (copy 3)"
    assert copy_name("Stay", {"STAY (COPY)".casefold()}) == "Stay (copy 2)"  # names compared ignoring case


def test_a_copy_of_a_long_name_is_cut_to_stay_within_the_limit() -> None:
    long_name = "x" * MAX_NAME
    copy = copy_name(long_name, set())
    assert copy == "x" * (MAX_NAME - len(" (copy)")) + " (copy)"
    assert len(copy) == MAX_NAME
    second = copy_name(long_name, {copy.casefold()})
    assert second == "x" * (MAX_NAME - len(" (copy 2)")) + " (copy 2)"
    assert copy_name("a b " + "y" * (MAX_NAME - 9), set()) == "a b " + "y" * (MAX_NAME - 11) + " (copy)"
    padded = "ab" + " " * (MAX_NAME - 2)
    assert copy_name(padded, set()) == "ab (copy)"  # no spaces left before the suffix


def test_a_copy_keeps_the_name_when_every_numbered_name_is_taken() -> None:
    taken = {"n (copy)"} | {f"n (copy {k})" for k in range(2, 100)}
    assert copy_name("n", taken) == "n"


def test_at_most_five_scenarios_are_drawn_in_the_list_order() -> None:
    scenarios = [Scenario(id=f"s-{i}", name=f"S{i}", shown=i != 2) for i in range(1, 8)]
    profile = Profile(scenarios=scenarios)
    assert [s.id for s in profile.shown_scenarios()] == ["s-1", "s-3", "s-4", "s-5", "s-6"]
    assert not profile.room_to_show()  # six are marked shown: no room for a seventh
    fewer = Profile(scenarios=scenarios[:5])  # four shown (s-2 is hidden)
    assert fewer.room_to_show()
    assert not Profile(scenarios=[s for s in scenarios if s.shown][:5]).room_to_show()  # exactly five


def test_the_projection_inputs_leave_out_what_today_s_projection_does_not_read() -> None:
    base = Profile(years_of_experience=3, current_salary=100_000)
    elsewhere = base.model_copy(
        update={"scenarios": [Scenario(id="s-1", name="S")], "offers": [offer()], "market_area": "0042660"}
    )
    assert elsewhere.projection_inputs() == base.projection_inputs()
    for change in (
        {"skills": {"mid.deep-learning": TickedSkill(ticked_on=DAY)}},
        {"plan": {"mid.deep-learning": PlannedSkill(by=DAY, planned_on=DAY)}},
        {"years_of_experience": 4.0},
        {"current_level": "mid"},
        {"current_salary": 100_001},
        {"pay_history": {2025: 90_000}},
        {"industry": "finance"},
        {"employer": "google"},
        {"assumptions": base.assumptions.model_copy(update={"inflation": 0.03})},
    ):
        assert base.model_copy(update=change).projection_inputs() != base.projection_inputs(), change
