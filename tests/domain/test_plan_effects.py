"""What each step of the learning plan adds (domain.plan_effects), checked against the engine itself."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from planner.domain.dataset import Dataset
from planner.domain.plan_effects import plan_order, plan_steps
from planner.domain.plans import PlannedSkill
from planner.domain.profile import Assumptions, Profile, TickedSkill
from planner.domain.projection import project

TODAY = dt.date(2026, 11, 30)
ON = dt.date(2026, 11, 1)


def planned(year: int, month: int) -> PlannedSkill:
    return PlannedSkill(by=dt.date(year, month, 1), planned_on=ON)


def base(dataset: Dataset, profile: Profile, plan: dict[str, PlannedSkill]) -> np.ndarray:
    return project(dataset, profile.model_copy(update={"plan": plan}), TODAY.year).base


def test_an_empty_plan_has_no_steps(dataset: Dataset) -> None:
    assert plan_steps(dataset, Profile(years_of_experience=3), TODAY) == []


def test_skills_the_data_does_not_know_are_left_out(dataset: Dataset) -> None:
    profile = Profile(plan={"nobody.knows": planned(2027, 1), "mid.deep-learning": planned(2028, 2)})
    steps = plan_steps(dataset, profile, TODAY)
    assert [s.skill.id for s in steps] == ["mid.deep-learning"]
    only_unknown = Profile(plan={"nobody.knows": planned(2027, 1)})
    assert plan_steps(dataset, only_unknown, TODAY) == []


def test_steps_come_by_month_then_in_the_datas_order(dataset: Dataset) -> None:
    plan = {
        "senior.compliance": planned(2027, 3),
        "mid.neural-networks": planned(2028, 1),
        "general.deployment": planned(2027, 3),
        "entry.python": planned(2027, 2),
    }
    steps = plan_steps(dataset, Profile(years_of_experience=3, plan=plan), TODAY)
    # general.deployment comes before senior.compliance in the data (same month)
    assert [s.skill.id for s in steps] == [
        "entry.python",
        "general.deployment",
        "senior.compliance",
        "mid.neural-networks",
    ]
    assert [sk.id for sk, _g, _p in plan_order(dataset, plan)] == [s.skill.id for s in steps]
    assert steps[0].group == "Entry level"
    assert next(s for s in steps if s.skill.id == "general.deployment").group == "General"


@pytest.mark.parametrize("salary", [None, 110_000])
def test_each_step_adds_the_difference_of_two_projections(dataset: Dataset, salary: int | None) -> None:
    plan = {"mid.deep-learning": planned(2027, 6), "mid.neural-networks": planned(2029, 3)}
    profile = Profile(years_of_experience=3, current_salary=salary, plan=plan)
    first, second = plan_steps(dataset, profile, TODAY, years_ahead=5)

    none = base(dataset, profile, {})
    one = base(dataset, profile, {"mid.deep-learning": plan["mid.deep-learning"]})
    both = base(dataset, profile, plan)
    assert first.skill.id == "mid.deep-learning"
    assert first.at_year == 2031
    assert first.ahead == pytest.approx(one[5] - none[5])
    assert first.total == pytest.approx(float((one - none).sum()))
    assert second.ahead == pytest.approx(both[5] - one[5])
    assert second.total == pytest.approx(float((both - one).sum()))
    assert first.total > 0
    assert second.total > 0
    # together the steps add what the whole plan adds
    assert first.total + second.total == pytest.approx(float((both - none).sum()))


def test_a_step_adds_nothing_before_its_year(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=3, plan={"general.deployment": planned(2029, 6)})
    with_plan = base(dataset, profile, profile.plan)
    without = base(dataset, profile, {})
    (step,) = plan_steps(dataset, profile, TODAY)
    assert step.counts_from == 2029
    assert np.allclose(with_plan[:3], without[:3])  # 2026, 2027, 2028
    assert with_plan[3] > without[3]


def test_a_late_step_is_measured_when_it_starts_to_pay(dataset: Dataset) -> None:
    # Planned for 2034 (t = 8), with a salary: it changes the pay from 2035, so "by 2031" would always say nothing.
    profile = Profile(years_of_experience=3, current_salary=110_000, plan={"mid.deep-learning": planned(2034, 1)})
    (step,) = plan_steps(dataset, profile, TODAY, years_ahead=5)
    assert step.at_year == 2035
    assert step.ahead > 0


def test_a_short_horizon_measures_its_last_year(dataset: Dataset) -> None:
    profile = Profile(
        years_of_experience=3, assumptions=Assumptions(horizon_years=3), plan={"mid.deep-learning": planned(2027, 1)}
    )
    (step,) = plan_steps(dataset, profile, TODAY, years_ahead=5)
    assert step.at_year == 2028  # the horizon's last year, not five years on
    assert len(base(dataset, profile, profile.plan)) == 3


def test_a_step_whose_month_has_passed_is_overdue_and_counts_from_this_year(dataset: Dataset) -> None:
    plan = {"mid.deep-learning": planned(2026, 10), "mid.neural-networks": planned(2026, 11)}
    steps = plan_steps(dataset, Profile(years_of_experience=3, plan=plan), TODAY)
    overdue = {s.skill.id: (s.overdue, s.counts_from) for s in steps}
    assert overdue == {"mid.deep-learning": (True, 2026), "mid.neural-networks": (False, 2026)}


def test_ticked_skills_are_not_steps(dataset: Dataset) -> None:
    profile = Profile(
        years_of_experience=3,
        skills={"mid.deep-learning": TickedSkill(ticked_on=ON)},
        plan={"mid.neural-networks": planned(2028, 1)},
    )
    # the model itself drops a plan entry for a ticked skill; a copy made without validation keeps it
    sneaky = profile.model_copy(update={"plan": {**profile.plan, "mid.deep-learning": planned(2028, 1)}})
    assert [s.skill.id for s in plan_steps(dataset, sneaky, TODAY)] == ["mid.neural-networks"]


def test_a_step_is_measured_five_years_from_now_and_keeps_its_month(dataset: Dataset) -> None:
    profile = Profile(
        years_of_experience=3, plan={"mid.deep-learning": PlannedSkill(by=dt.date(2027, 6, 9), planned_on=ON)}
    )
    (step,) = plan_steps(dataset, profile, TODAY)
    assert step.at_year == 2031
    assert step.by == dt.date(2027, 6, 1)
    assert step.counts_from == 2027


def test_without_a_salary_a_late_step_is_measured_in_its_own_year(dataset: Dataset) -> None:
    # No salary: the curve follows the article's figures, so a skill planned for 2033 counts in 2033 itself
    # (with a salary it would reach the pay in 2034).
    profile = Profile(years_of_experience=3, plan={"mid.deep-learning": planned(2033, 1)})
    (step,) = plan_steps(dataset, profile, TODAY, years_ahead=5)
    assert step.at_year == 2033
    with_plan, without = base(dataset, profile, profile.plan), base(dataset, profile, {})
    assert step.ahead == pytest.approx(with_plan[7] - without[7])
    assert step.ahead > 0
