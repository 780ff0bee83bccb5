"""The projection's figures as the Projection tab, the CSV export and the Skills tab read them: dollars and pay
switched, sums, promotions, comparisons elsewhere and the ranking of the next skills to learn."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from planner.domain.dataset import Dataset
from planner.domain.profile import Assumptions, Profile, TickedSkill
from planner.domain.projection import project
from planner.domain.projection_basis import (
    article_largest,
    article_smallest,
    pay_at_position,
    pay_basis,
    position_of_pay,
)
from planner.domain.skill_effects import SkillEffect, rank_skills, skill_effects

YEAR = 2026
ON = TickedSkill(ticked_on=dt.date(2026, 1, 1))


def ticked(*ids: str) -> dict[str, TickedSkill]:
    return dict.fromkeys(ids, ON)


def test_total_pay_adds_the_bonus_share_and_the_equity_and_nominal_dollars_add_inflation(dataset: Dataset) -> None:
    assumptions = Assumptions(bonus_percent=10, yearly_equity=5_000, inflation=0.02)
    proj = project(dataset, Profile(years_of_experience=6, current_salary=150_000, assumptions=assumptions), YEAR)
    base = proj.projected("today", "base")
    assert base[0] == 150_000
    assert proj.projected("today", "total")[0] == pytest.approx(150_000 * 1.10 + 5_000)
    assert proj.projected("nominal", "base")[0] == pytest.approx(150_000)  # this year: no inflation yet
    assert proj.projected("nominal", "base")[3] == pytest.approx(base[3] * 1.02**3)
    assert proj.projected("nominal", "total")[3] == pytest.approx((base[3] * 1.10 + 5_000) * 1.02**3)


def test_the_band_is_the_ranges_of_the_level_held_each_year_in_the_dollars_shown(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=3, industry="finance"), YEAR)
    f = proj.basis.factor
    for t in (0, 10, 25):
        lv = dataset.levels[int(proj.level_index[t])]
        assert proj.low("today", "base")[t] == pytest.approx(lv.range.min * f)
        assert proj.high("today", "base")[t] == pytest.approx(lv.range.max * f)
        assert proj.high("nominal", "base")[t] == pytest.approx(lv.range.max * f * proj.inflation_index[t])
    series = proj.series("today", "base")
    assert series.low[5] <= series.projected[5] <= series.high[5]


def test_years_and_experience_run_along_the_horizon(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=4.5, assumptions=Assumptions(horizon_years=12)), YEAR)
    assert proj.horizon == 12
    assert list(proj.calendar_years[:3]) == [2026, 2027, 2028]
    assert proj.calendar_years[-1] == 2037
    assert proj.experience[0] == 4.5
    assert proj.experience[-1] == 15.5


def test_promotions_are_listed_once_each_in_the_year_they_happen(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=1), YEAR)
    changes = proj.level_changes()
    assert [level for _t, level in changes] == [1, 2]
    for t, level in changes:
        assert proj.level_index[t] == level
        assert proj.level_index[t - 1] == level - 1
        assert proj.promotion_t(level) == t
        assert proj.level_name(t) == dataset.levels[level].name
    assert proj.promotion_t(0) is None  # today's level is no promotion
    assert proj.level_name(0) == dataset.levels[0].name
    nxt = proj.next_promotion()
    assert nxt is not None
    assert nxt.level.id == "mid"  # the next level, not the one after it


def test_at_the_top_level_there_is_no_next_promotion(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=12), YEAR)
    assert proj.next_promotion() is None
    assert proj.level_changes() == []
    assert proj.promotion_t(2) is None


def test_a_promotion_beyond_the_horizon_has_no_year(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=0, assumptions=Assumptions(horizon_years=3)), YEAR)
    assert proj.promotion_t(1) is None
    assert proj.level_changes() == []


def test_a_salary_below_todays_range_is_said_to_be_below_and_one_inside_it_neither(dataset: Dataset) -> None:
    below = project(dataset, Profile(years_of_experience=6, current_salary=60_000), YEAR)
    assert below.salary_outside_range == "below"
    inside = project(dataset, Profile(years_of_experience=6, current_salary=140_000), YEAR)
    assert inside.salary_outside_range is None
    at_top = project(dataset, Profile(years_of_experience=6, current_salary=180_000), YEAR)
    assert at_top.salary_outside_range is None
    assert project(dataset, Profile(years_of_experience=6), YEAR).salary_outside_range is None


def test_a_salary_compared_in_a_better_paying_industry_is_scaled_up_by_the_ratio(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6, current_salary=120_000, industry="education")
    education = pay_basis(dataset, industry="education")
    finance = pay_basis(dataset, industry="finance")
    assert finance.factor > education.factor
    there = project(dataset, profile, YEAR, basis=finance)
    assert there.salary_given == pytest.approx(120_000 * finance.factor / education.factor)
    assert there.base[0] == pytest.approx(there.salary_given)
    assert there.salary_entered == 120_000
    assert not there.salary_capped
    back = project(dataset, profile.model_copy(update={"industry": "finance"}), YEAR, basis=education)
    assert back.salary_given == pytest.approx(120_000 * education.factor / finance.factor)
    assert project(dataset, profile, YEAR).salary_given == 120_000  # at home: the salary as entered


def test_an_employer_is_the_more_specific_choice_and_unknown_ids_count_as_not_chosen(dataset: Dataset) -> None:
    both = pay_basis(dataset, industry="finance", employer="google")
    assert (both.kind, both.id) == ("employer", "google")
    assert both.name == dataset.employer("google").name
    assert both.amount == dataset.employer("google").pay.amount
    unknown_employer = pay_basis(dataset, industry="finance", employer="no-such-employer")
    assert (unknown_employer.kind, unknown_employer.id) == ("industry", "finance")
    assert unknown_employer.amount == dataset.industry("finance").average.amount
    nothing = pay_basis(dataset, industry="no-such-industry")
    assert (nothing.kind, nothing.id, nothing.factor, nothing.amount) == ("all", None, 1.0, None)
    profile = Profile(years_of_experience=6, current_salary=150_000, employer="gone-bankrupt")
    assert project(dataset, profile, YEAR).base[0] == 150_000  # a profile from other data still projects


def test_the_articles_largest_and_smallest_salary_figures(dataset: Dataset) -> None:
    figures = [dataset.overall.experienced_ceiling.amount, dataset.overall.base_range.min]
    figures += [dataset.overall.base_range.max]
    figures += [x for lv in dataset.levels for x in (lv.range.min, lv.range.max)]
    figures += [e.pay.amount for e in dataset.employers] + [i.average.amount for i in dataset.industries]
    assert article_largest(dataset).amount == max(figures)
    assert article_smallest(dataset).amount == min(figures)
    assert "with more experience" in article_largest(dataset).text
    smallest = article_smallest(dataset)
    assert f"{int(smallest.amount):,}" in smallest.text


def test_a_range_whose_typical_pay_is_at_an_end_puts_that_pay_in_the_middle() -> None:
    assert position_of_pay(100, 100, 200, 100) == 0.0  # at the bottom
    assert position_of_pay(100, 100, 200, 150) == pytest.approx(0.75)
    assert position_of_pay(100, 200, 200, 150) == pytest.approx(0.25)
    assert position_of_pay(100, 150, 200, 125) == pytest.approx(0.25)
    assert position_of_pay(100, 150, 200, 175) == pytest.approx(0.75)
    assert pay_at_position(100, 150, 200, -1) == 100
    assert pay_at_position(100, 150, 200, 2) == 200
    assert pay_at_position(100, 150, 200, 0.5) == 150


def test_several_ranges_at_once_give_each_range_its_own_positions_and_pays() -> None:
    """A column of ranges (one per row) against one row of pays: each row as that range alone gives it, empty
    halves of a range included (the projection asks every level reached at once)."""
    low, typical, high = np.array([[100.0], [100.0], [100.0]]), np.array([[150.0], [100.0], [200.0]]), 200.0
    pay = np.array([90.0, 100.0, 125.0, 150.0, 175.0, 210.0])
    positions = position_of_pay(low, typical, high, pay)
    for row, mid in enumerate((150.0, 100.0, 200.0)):
        assert positions[row].tolist() == position_of_pay(100.0, mid, 200.0, pay).tolist()
        assert np.isfinite(positions[row]).all()
    assert positions[1].tolist() == [0.0, 0.0, 0.625, 0.75, 0.875, 1.0]
    assert positions[2].tolist() == [0.0, 0.0, 0.125, 0.25, 0.375, 1.0]
    back = pay_at_position(low, typical, high, positions)
    for row, mid in enumerate((150.0, 100.0, 200.0)):
        assert back[row].tolist() == pay_at_position(100.0, mid, 200.0, positions[row]).tolist()
    assert back[0].tolist() == [100.0, 100.0, 125.0, 150.0, 175.0, 200.0]


def effect(dataset: Dataset, skill_id: str, ahead: float, total: float) -> SkillEffect:
    skill = next(s for s in dataset.all_skills() if s.id == skill_id)
    return SkillEffect(skill, "Mid level", ahead, total)


def test_the_next_skills_are_ranked_by_what_they_add_over_the_horizon_then_in_five_years(dataset: Dataset) -> None:
    ids = sorted(dataset.skill_ids())
    effects = [
        effect(dataset, ids[0], 100, 1_000),
        effect(dataset, ids[1], 900, 5_000),
        effect(dataset, ids[2], 50, 5_000),
        effect(dataset, ids[3], 0.2, 0.3),  # adds nothing worth a dollar: left out
        effect(dataset, ids[4], 100.2, 1_000.3),  # the same to the dollar as ids[0]: ranked with it
        effect(dataset, ids[5], 0, 1),
    ]
    ranked = rank_skills(effects)
    assert [[e.skill.id for e in tie.effects] for tie in ranked] == [[ids[1]], [ids[2]], [ids[0], ids[4]], [ids[5]]]
    assert ranked[0].total == 5_000
    assert ranked[0].ahead == 900
    assert len(rank_skills(effects, limit=2)) == 2
    assert rank_skills([effect(dataset, ids[0], 0.4, 0.4)]) == []


def test_ticked_skills_are_never_suggested_and_each_skill_names_its_group(dataset: Dataset) -> None:
    mid_ids = [s.id for s in dataset.level("mid").skills]
    general = dataset.general_skills[0].id
    profile = Profile(years_of_experience=6, current_salary=140_000, skills=ticked(*mid_ids[:3], general))
    effects = skill_effects(dataset, profile, YEAR)
    assert set(effects) == dataset.skill_ids() - {*mid_ids[:3], general}
    assert effects[mid_ids[3]].group == dataset.level("mid").name
    assert effects[dataset.general_skills[1].id].group == "General"
    assert effects[mid_ids[3]].ahead > 0
    longer = skill_effects(dataset, profile, YEAR, years_ahead=40)  # further out than the horizon: still computed
    assert np.isfinite([e.ahead for e in longer.values()]).all()
