"""The learning plan's marks on the projection chart (presenters.learning_plan.plan_marks) and its place in the
Projection presenter's chart."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from planner.domain.dataset import Dataset
from planner.domain.plans import PlannedSkill
from planner.domain.profile import Profile
from planner.domain.projection import project
from planner.presenters.learning_plan import plan_marks

YEAR = 2026
ON = dt.date(2026, 3, 1)


def planned(year: int, month: int) -> PlannedSkill:
    return PlannedSkill(by=dt.date(year, month, 1), planned_on=ON)


def test_no_plan_no_marks(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=3), YEAR)
    assert plan_marks(proj, proj.base, {}) == ()


def test_one_mark_a_month_on_the_curve_in_the_year_the_month_falls_in(dataset: Dataset) -> None:
    plan = {
        "mid.neural-networks": planned(2028, 9),
        "general.deployment": planned(2028, 2),
        "mid.deep-learning": planned(2030, 6),
        "nobody.knows": planned(2029, 1),  # unknown to the data: no mark
    }
    proj = project(dataset, Profile(years_of_experience=3, plan=plan), YEAR)
    y = proj.projected("nominal", "base")
    marks = plan_marks(proj, y, plan)
    # February 2028 sits a month into 2028, September eight months in, June 2030 five months into 2030.
    assert [m.x for m in marks] == [
        pytest.approx(2028 + 1 / 12),
        pytest.approx(2028 + 8 / 12),
        pytest.approx(2030 + 5 / 12),
    ]
    years = proj.calendar_years.astype(float)
    assert [m.y for m in marks] == [pytest.approx(float(np.interp(m.x, years, y))) for m in marks]  # on the curve
    assert [m.label for m in marks] == [
        "Deployment and maintenance (Feb 2028)",
        "Neural networks (Sep 2028)",
        "Deep learning (Jun 2030)",
    ]
    # Without a salary a skill counts from its year.
    assert (
        marks[0].tip
        == "Learning plan: Deployment and maintenance (by February 2028). In the projection it counts from 2028."
    )
    assert marks[2].tip == "Learning plan: Deep learning (by June 2030). In the projection it counts from 2030."


def test_skills_planned_for_the_same_month_share_a_mark(dataset: Dataset) -> None:
    plan = {"mid.neural-networks": planned(2028, 9), "general.deployment": planned(2028, 9)}
    proj = project(dataset, Profile(years_of_experience=3, plan=plan), YEAR)
    (mark,) = plan_marks(proj, proj.base, plan)
    assert mark.label == "Deployment and maintenance and 1 more (Sep 2028)"
    assert mark.tip.startswith("Learning plan: Deployment and maintenance (by September 2028), Neural networks")


def test_with_a_salary_the_mark_is_the_year_after_and_none_beyond_the_horizon(dataset: Dataset) -> None:
    plan = {"general.deployment": planned(2027, 5), "mid.deep-learning": planned(2029, 1)}
    profile = Profile(years_of_experience=3, current_salary=110_000, plan=plan)
    proj = project(dataset, profile, YEAR)
    marks = plan_marks(proj, proj.base, plan)
    assert [m.x for m in marks] == [pytest.approx(2027 + 4 / 12), 2029.0]  # the mark at the month
    assert "counts from 2027, and your pay moves from 2028" in marks[0].tip
    short = profile.model_copy(update={"assumptions": profile.assumptions.model_copy(update={"horizon_years": 3})})
    proj3 = project(dataset, short, YEAR)
    assert [m.x for m in plan_marks(proj3, proj3.base, plan)] == [pytest.approx(2027 + 4 / 12)]  # 2029: beyond 2028
