"""The projection engine: the behaviours a user must see, the worked examples of docs/projection.md, and
properties that hold for every profile (hypothesis)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from planner.domain.dataset import Dataset
from planner.domain.profile import Assumptions, Profile, TickedSkill
from planner.domain.projection import project
from planner.domain.projection_basis import (
    article_largest,
    article_smallest,
    level_plans,
    pay_at_position,
    pay_basis,
    position_of_pay,
    today_level_index,
)
from planner.domain.projection_text import breakdown, factor_text, notes
from planner.domain.skill_effects import rank_skills, skill_effects

YEAR = 2026
G = 1.03 / 1.025  # default yearly raise over default inflation: growth within a level in today's dollars
ON = TickedSkill(ticked_on=dt.date(2026, 1, 1))
# filter_too_much: the "below the top" test assumes a lot, and some seeds draw few such profiles.
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)


def ticked(*ids: str) -> dict[str, TickedSkill]:
    return dict.fromkeys(ids, ON)


def ids_of(dataset: Dataset, group: str) -> list[str]:
    return [sk.id for sk in dataset.skill_group(group).skills]


# --- worked examples (docs/projection.md) -----------------------------------------------------------------------


def test_worked_example_without_a_salary(dataset: Dataset) -> None:
    # 2 years, all industries, 6 of the 15 skills expected at entry level (the 6 general ones) ticked.
    profile = Profile(years_of_experience=2, skills=ticked(*ids_of(dataset, "general")))
    proj = project(dataset, profile, YEAR)
    assert proj.level_name(0) == "Entry level"
    # k = 6/15 = 0.4 of the way from the bottom (p = 0) to the top: 70,000 + 2 × 0.4 × (101,000 − 70,000).
    assert proj.base[0] == pytest.approx(94_800)
    # Year 1: plain = 70,000 × 1.03/1.025; p = 0.5 × 341.46/31,000; q = p + (1 − p) × 0.4.
    s1 = 70_000 * G
    p = 0.5 * (s1 - 70_000) / 31_000
    q = p + (1 - p) * 0.4
    assert proj.base[1] == pytest.approx(70_000 + 2 * q * 31_000)
    # Mid level: none of its 6 skills ticked, so 2 years after the article's 5: at 7 years, 5 years from now.
    assert proj.level_changes()[0] == (5, 1)


def test_worked_example_with_a_salary(dataset: Dataset) -> None:
    # 6 years, $145,000 in Finance, nothing ticked: Mid level by the article's years.
    profile = Profile(years_of_experience=6, current_salary=145_000, industry="finance")
    proj = project(dataset, profile, YEAR)
    assert proj.level_name(0) == "Mid level"
    assert proj.base[0] == 145_000  # the salary entered is this year's pay, as it is
    assert proj.base[1:6] == pytest.approx(145_000 * G ** np.arange(1, 6))  # no skills: raises only
    # Senior: 0 of 4 senior skills: the article's 10 years + 2 = 12 years of experience, 6 years from now.
    assert proj.level_changes() == [(6, 2)]
    assert proj.base[6] == pytest.approx(145_000 * G**6 * 1.10)  # the promotion raise: 10% by default

    # Ticking Deep learning (a mid-level skill): 1 of the 21 skills expected at mid level.
    after = project(dataset, profile.model_copy(update={"skills": ticked("mid.deep-learning")}), YEAR)
    f = 120_000 / 116_000
    low, typical = 99_000 * f, 144_000 * f
    s1 = 145_000 * G
    p = 0.5 * (s1 - low) / (typical - low)
    target = low + 2 * (p + (1 - p) / 21) * (typical - low)
    assert after.base[1] == pytest.approx(s1 + 0.25 * (target - s1))  # a quarter of the way (skill pace 25%)
    assert after.base[0] == 145_000
    assert (after.base[1:] > proj.base[1:]).all()
    assert after.projected("nominal", "base").sum() > proj.projected("nominal", "base").sum()


# --- issue 24 --------------------------------------------------------------------------------------------------


def test_a_salary_below_its_range_gets_nothing_from_skills_it_does_not_have(dataset: Dataset) -> None:
    # Issue 24 item 1: $30,000 at entry level with nothing ticked used to be lifted by +$9,963 "Your skills".
    proj = project(dataset, Profile(years_of_experience=0, current_salary=30_000), YEAR)
    assert proj.skills == pytest.approx(np.zeros(proj.horizon))
    assert proj.base[1] == pytest.approx(30_000 * G)
    line = next(x for x in breakdown(proj, 1, "today", "base").lines if x.label == "Your skills")
    assert line.amount == pytest.approx(0)
    assert "never a catch-up to the bottom" in line.detail
    later = Profile(
        years_of_experience=12, current_salary=30_000, industry="consumer-goods", assumptions=Assumptions(inflation=0.1)
    )
    moved = project(dataset, later, YEAR)
    assert moved.skills == pytest.approx(np.zeros(moved.horizon))
    assert moved.base[1] == pytest.approx(30_000 * 1.03 / 1.10)


def test_below_its_range_a_skill_adds_what_it_is_worth_above_the_bottom(dataset: Dataset) -> None:
    # The six general skills: 6 of 15 at entry level, k = 0.4; pay at 0.4 of the range − its bottom = $24,800.
    profile = Profile(years_of_experience=0, current_salary=30_000, skills=ticked(*ids_of(dataset, "general")))
    proj = project(dataset, profile, YEAR)
    assert proj.target[1] == pytest.approx(30_000 * G + 24_800)
    assert proj.base[1] == pytest.approx(30_000 * G + 0.25 * 24_800)  # a quarter of it (skill pace 25 %)


# The checkout holding the docs: under mutmut the tests run from a copy in mutants/, inside the checkout.
DOCS = next(p for p in Path(__file__).resolve().parents if (p / "docs" / "projection.md").is_file())
DEVELOPER_DOC = DOCS / "docs" / "projection.md"
HELP_PAGE = DOCS / "resources" / "docs" / "how-projections-work.md"


def test_the_docs_and_the_conflict_say_that_280000_bounds_the_pay_factor(dataset: Dataset) -> None:
    # Issue 24 item 4: the engine holds Amazon's and Facebook's factors at 280,000 ÷ 204,000; no text may say the
    # figures above every range are not used.
    amazon = pay_basis(dataset, employer="amazon")
    assert amazon.bounded
    assert f"{amazon.factor:.2f}" == "1.37"
    conflict = next(c for c in dataset.conflicts if c.id == "above-every-range")
    assert "held at $280,000 ÷ $204,000 = 1.37" in conflict.explanation
    assert "never" not in conflict.explanation
    developer, help_page = (doc.read_text(encoding="utf-8") for doc in (DEVELOPER_DOC, HELP_PAGE))
    assert "scales no range" not in developer
    assert "$280,000 bounds the pay factor" in " ".join(developer.split())
    assert "not used to scale" not in help_page
    assert "$280,000 ÷ $204,000 (the top of the senior range), 1.37" in " ".join(help_page.split())
    lines = breakdown(project(dataset, Profile(years_of_experience=12, employer="amazon"), YEAR), 0, "today", "base")
    above = next(x for x in lines.lines if x.label.endswith("Two figures above every level's range"))
    assert above.detail.endswith(
        "The projection uses $204,000 and $280,000. At Amazon the pay factor is held at $280,000 ÷ $204,000."
    )


# --- the behaviours of issue 11 --------------------------------------------------------------------------------


def test_six_years_of_experience_start_at_mid_level_with_no_skills_ticked(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=6, current_salary=145_000), YEAR)
    assert proj.level_name(0) == "Mid level"
    assert proj.salary_outside_range is None
    assert not proj.level_chosen


@pytest.mark.parametrize(("years", "level"), [(0, "entry"), (4.9, "entry"), (5, "mid"), (9.9, "mid"), (10, "senior")])
def test_todays_level_follows_the_articles_years(dataset: Dataset, years: float, level: str) -> None:
    assert dataset.levels[today_level_index(dataset, Profile(years_of_experience=years))[0]].id == level


def test_a_chosen_level_is_todays_level_and_an_unknown_one_counts_as_not_chosen(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=12, current_level="mid"), YEAR)
    assert proj.level_name(0) == "Mid level"
    assert proj.level_chosen
    assert today_level_index(dataset, Profile(years_of_experience=12, current_level="no-such")) == (2, False)


def test_an_overdue_promotion_still_waits_for_the_skills(dataset: Dataset) -> None:
    # 12 years and Mid level by choice: a year from now at the earliest, plus 2 years × the share not ticked.
    none = project(dataset, Profile(years_of_experience=12, current_level="mid"), YEAR)
    assert none.level_changes() == [(3, 2)]
    every = ticked(*ids_of(dataset, "senior"))
    done = project(dataset, Profile(years_of_experience=12, current_level="mid", skills=every), YEAR)
    assert done.level_changes() == [(1, 2)]


def test_next_level_skills_bring_the_promotion_earlier(dataset: Dataset) -> None:
    base = Profile(years_of_experience=6, current_salary=145_000, industry="finance")
    senior = ids_of(dataset, "senior")
    steps = [project(dataset, base.model_copy(update={"skills": ticked(*senior[:n])}), YEAR) for n in range(5)]
    years = [p.level_changes()[0][0] for p in steps]
    assert years == sorted(years, reverse=True)
    assert years[0] > years[-1]
    assert steps[3].projected("nominal", "base").sum() > steps[0].projected("nominal", "base").sum()


def test_a_promotion_is_a_step_up(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=3, current_salary=100_000), YEAR)
    for t, _level in proj.level_changes():
        assert proj.base[t] >= proj.base[t - 1] * G * 1.10 - 0.5


def test_the_promotion_raise_is_an_assumption(dataset: Dataset) -> None:
    low = Profile(years_of_experience=3, current_salary=100_000, assumptions=Assumptions(promotion_raise=0.0))
    high = low.model_copy(update={"assumptions": Assumptions(promotion_raise=0.3)})
    t = project(dataset, low, YEAR).level_changes()[0][0]
    a, b = project(dataset, low, YEAR), project(dataset, high, YEAR)
    assert b.base[t] > a.base[t]
    assert b.base[t] == pytest.approx(b.base[t - 1] * G * 1.3)


def test_skill_pace_zero_means_skills_never_change_a_salary(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6, current_salary=120_000, assumptions=Assumptions(skill_pace=0.0))
    before = project(dataset, profile, YEAR)
    after = project(dataset, profile.model_copy(update={"skills": ticked("mid.deep-learning")}), YEAR)
    assert np.allclose(before.base, after.base)


def test_without_a_salary_every_skill_of_todays_level_moves_this_year(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6)
    before = project(dataset, profile, YEAR)
    for skill in ids_of(dataset, "general") + ids_of(dataset, "entry") + ids_of(dataset, "mid"):
        after = project(dataset, profile.model_copy(update={"skills": ticked(skill)}), YEAR)
        assert after.base[0] > before.base[0], skill


def test_an_employer_never_scales_pay_past_the_articles_largest_figure(dataset: Dataset) -> None:
    top = article_largest(dataset).amount
    assert top == 280_000
    every = ticked(*dataset.skill_ids())
    for employer in dataset.employers:
        for years in (0, 3, 12):
            proj = project(dataset, Profile(years_of_experience=years, employer=employer.id, skills=every), YEAR)
            assert proj.base.max() <= top + 0.5
            assert proj.high("today", "base").max() <= top + 0.5
    amazon = project(dataset, Profile(years_of_experience=3, employer="amazon"), YEAR)
    assert amazon.base[0] < 200_000  # a 3-year engineer is not projected $289,000
    basis = pay_basis(dataset, employer="amazon")
    assert basis.bounded
    assert basis.factor == pytest.approx(280_000 / 204_000)
    assert "held at 1.3725" in factor_text(basis)


def test_industry_factors_are_the_industry_average_over_the_middle_of_the_overall_range(dataset: Dataset) -> None:
    for industry in dataset.industries:
        basis = pay_basis(dataset, industry=industry.id)
        assert basis.factor == pytest.approx(industry.average.amount / 116_000)
        assert not basis.bounded
    assert pay_basis(dataset, employer="no-such").kind == "all"  # an unknown employer counts as not chosen


def test_a_salary_already_above_the_article_is_kept_and_gets_no_raise_beyond_inflation(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=15, current_salary=400_000), YEAR)
    assert proj.base[0] == 400_000
    assert proj.base.max() <= 400_000 + 0.5
    assert proj.salary_outside_range == "above"


def test_a_comparison_elsewhere_is_held_at_the_articles_largest_figure(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=15, current_salary=250_000, industry="education")
    other = project(dataset, profile, YEAR, basis=pay_basis(dataset, employer="facebook"))
    assert other.salary_given == pytest.approx(280_000)
    assert other.salary_capped


def test_years_outside_the_articles_figures_are_marked_above_and_below(dataset: Dataset) -> None:
    low = project(dataset, Profile(years_of_experience=0, industry="education"), YEAR)
    assert low.base[0] < article_smallest(dataset).amount
    assert low.outside_article("today")[0] == -1
    assert any(n.startswith("⚠") and "smallest" in n for n in notes(low, "today"))
    high = project(
        dataset, Profile(years_of_experience=12, employer="facebook", skills=ticked(*dataset.skill_ids())), YEAR
    )
    marks = high.outside_article("nominal")
    assert (marks[-5:] == 1).all()  # nominal dollars decades out are above every figure of the article
    assert (high.outside_article("today") == 0).all()
    line = breakdown(high, high.horizon - 1, "nominal", "base").lines
    assert any(x.label == "⚠ Above anything the article reports" for x in line)


def test_derived_figures_are_not_labelled_as_the_articles(dataset: Dataset) -> None:
    finance = project(dataset, Profile(years_of_experience=6, industry="finance"), YEAR)
    first = breakdown(finance, 0, "nominal", "base").lines[0]
    assert first.kind == "derived"
    assert "× pay factor" in first.detail or "pay factor 1.03" in first.detail
    everywhere = project(dataset, Profile(years_of_experience=6), YEAR)
    assert breakdown(everywhere, 0, "nominal", "base").lines[0].kind == "data"
    for line in breakdown(finance, 8, "nominal", "total").lines:
        if line.kind == "data":
            assert line.amount is None, line.label  # the article's figures are shown, never a computed amount


def test_pay_history_stands_in_for_an_empty_salary(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=6, pay_history={2024: 130_000, 2025: 138_000}), YEAR)
    assert proj.base[0] == 138_000
    assert "2025" in proj.salary_origin


def test_positions_map_onto_pay_and_back() -> None:
    assert pay_at_position(70, 100, 130, 0) == 70
    assert pay_at_position(70, 100, 130, 0.5) == 100
    assert pay_at_position(70, 100, 130, 1) == 130
    assert pay_at_position(70, 100, 130, 0.25) == 85
    assert pay_at_position(70, 100, 160, 0.75) == 130
    for p in (0.1, 0.3, 0.5, 0.6, 0.9):
        assert position_of_pay(70, 100, 160, pay_at_position(70, 100, 160, p)) == pytest.approx(p)
    assert position_of_pay(70, 100, 160, 10) == 0
    assert position_of_pay(70, 100, 160, 1000) == 1


def test_levels_count_general_and_lower_skills(dataset: Dataset) -> None:
    plans, today = level_plans(dataset, {"general.collaboration", "entry.python", "mid.deep-learning"}, Profile())
    assert today == 0
    assert [(p.ticked, p.total) for p in plans] == [(2, 15), (3, 21), (3, 25)]
    assert plans[1].own_ticked == 1


# --- the Skills tab's figures ---------------------------------------------------------------------------------


def test_skill_effects_are_positive_ranked_and_ties_grouped(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6, current_salary=145_000, industry="finance", skills=ticked("entry.python"))
    effects = skill_effects(dataset, profile, YEAR)
    assert "entry.python" not in effects  # a ticked skill is never suggested
    assert all(e.ahead >= 0 and e.total >= 0 for e in effects.values())
    ties = rank_skills(effects.values(), limit=10)
    totals = [t.total for t in ties]
    assert totals == sorted(totals, reverse=True)
    assert {e.skill.id for e in ties[0].effects} == set(ids_of(dataset, "senior"))  # they bring the promotion
    second = {e.skill.id for e in ties[1].effects}
    assert "mid.deep-learning" in second
    assert "general.collaboration" in second  # every skill expected at mid level is worth the same here
    for tie in ties:
        assert len({(round(e.total), round(e.ahead)) for e in tie.effects}) == 1
    # What a skill adds is what ticking it does to the projection.
    e = effects["senior.compliance"]
    before = project(dataset, profile, 0)
    after = project(dataset, profile.model_copy(update={"skills": {**profile.skills, **ticked(e.skill.id)}}), 0)
    assert e.ahead == pytest.approx(after.base[5] - before.base[5])
    assert e.total == pytest.approx((after.base - before.base).sum())


# --- properties --------------------------------------------------------------------------------------------------


def profiles(dataset: Dataset) -> st.SearchStrategy[Profile]:
    skill_ids = sorted(dataset.skill_ids())
    return st.builds(
        lambda years, salary, industry, employer, level, skills, raise_, inflation, promo, pace, shift: Profile(
            years_of_experience=years,
            current_salary=salary,
            industry=industry,
            employer=employer,
            current_level=level,
            skills=ticked(*skills),
            assumptions=Assumptions(
                yearly_raise=raise_,
                inflation=inflation,
                promotion_raise=promo,
                skill_pace=pace,
                promotion_shift_years=shift,
                horizon_years=30,
            ),
        ),
        st.floats(0, 40),
        st.one_of(st.none(), st.integers(30_000, 400_000)),
        st.one_of(st.none(), st.sampled_from([i.id for i in dataset.industries])),
        st.one_of(st.none(), st.sampled_from([e.id for e in dataset.employers])),
        st.one_of(st.none(), st.sampled_from([lv.id for lv in dataset.levels])),
        st.sets(st.sampled_from(skill_ids)),
        st.floats(0, 0.1),
        st.floats(0, 0.1),
        st.floats(0, 0.5),
        st.floats(0, 1),
        st.floats(0, 5),
    )


# Found by the property below with raise below inflation: an earlier promotion once paid less years later.
def test_ticking_a_skill_that_brings_a_promotion_earlier_never_lowers_a_later_year(dataset: Dataset) -> None:
    a = Assumptions(yearly_raise=0.0, inflation=0.0625, promotion_raise=0.5, skill_pace=0.0, promotion_shift_years=5)
    profile = Profile(years_of_experience=0, assumptions=a)
    before = project(dataset, profile, YEAR)
    after = project(dataset, profile.model_copy(update={"skills": ticked("mid.cloud-platforms")}), YEAR)
    assert (after.base >= before.base - 1e-6).all()  # fails in years 16 to 18


@given(data=st.data())
@SETTINGS
def test_ticking_a_skill_never_lowers_any_year(dataset: Dataset, data: st.DataObject) -> None:
    profile = data.draw(profiles(dataset))
    unticked = sorted(dataset.skill_ids() - set(profile.skills))
    assume(unticked)
    skill = data.draw(st.sampled_from(unticked))
    before = project(dataset, profile, YEAR)
    after = project(dataset, profile.model_copy(update={"skills": {**profile.skills, **ticked(skill)}}), YEAR)
    assert (after.base >= before.base - 1e-6).all()
    assert after.level_index[0] == before.level_index[0]  # skills never change today's level


@given(data=st.data())
@SETTINGS
def test_a_salaried_user_below_the_top_gains_from_any_skill_of_their_level(
    dataset: Dataset, data: st.DataObject
) -> None:
    base = data.draw(profiles(dataset))
    pace = data.draw(st.floats(0.05, 1))
    profile = base.model_copy(
        update={"assumptions": base.assumptions.model_copy(update={"skill_pace": pace}), "current_salary": None}
    )
    proj = project(dataset, profile, YEAR)
    top = proj.plans[proj.start_level].high * proj.basis.factor
    share = data.draw(st.floats(0.3, 0.97))
    salaried = profile.model_copy(update={"current_salary": max(1, int(share * top / proj.growth))})
    expected = ids_of(dataset, "general") + [sk.id for lv in dataset.levels[: proj.start_level + 1] for sk in lv.skills]
    unticked = [s for s in expected if s not in salaried.skills]
    assume(unticked)
    skill = data.draw(st.sampled_from(unticked))
    before = project(dataset, salaried, YEAR)
    # Below the top of its level in a later year too: a promotion with a large raise and no yearly raise can put
    # every later year at the top of its level's range, where no skill can lift it.
    tops = np.array([before.plans[int(level)].high for level in before.level_index]) * before.basis.factor
    assume(bool((before.base[1:] < tops[1:] - 1).any()))
    after = project(dataset, salaried.model_copy(update={"skills": {**salaried.skills, **ticked(skill)}}), YEAR)
    assert after.base[0] == before.base[0]  # this year's pay is the salary entered
    assert (after.base[1:] > before.base[1:] + 1e-6).any()


@given(data=st.data())
@SETTINGS
def test_no_default_path_goes_above_the_article_unless_the_salary_is_there(
    dataset: Dataset, data: st.DataObject
) -> None:
    profile = data.draw(profiles(dataset))
    proj = project(dataset, profile, YEAR)
    limit = max(article_largest(dataset).amount, float(profile.current_salary or 0))
    assert proj.base.max() <= limit + 0.5
    assert proj.high("today", "base").max() <= article_largest(dataset).amount + 0.5


@given(data=st.data())
@SETTINGS
def test_why_this_number_adds_up(dataset: Dataset, data: st.DataObject) -> None:
    profile = data.draw(profiles(dataset))
    proj = project(dataset, profile, YEAR)
    t = data.draw(st.integers(0, proj.horizon - 1))
    dollars = data.draw(st.sampled_from(["nominal", "today"]))
    comp = data.draw(st.sampled_from(["base", "total"]))
    b = breakdown(proj, t, dollars, comp)
    assert sum(b.summands()) == pytest.approx(b.total, rel=1e-9, abs=1e-6)
    assert b.total == pytest.approx(float(proj.projected(dollars, comp)[t]))


# Found by the property below: a promotion to the bottom of a range once paid less than the year before.
def test_a_promotion_to_the_bottom_of_a_range_never_lowers_pay(dataset: Dataset) -> None:
    a = Assumptions(yearly_raise=0.0, inflation=0.0625, promotion_raise=0.0, skill_pace=0.0, promotion_shift_years=0)
    proj = project(dataset, Profile(years_of_experience=0, current_salary=126_169, assumptions=a), YEAR)
    for t, _level in proj.level_changes():
        assert proj.base[t] >= proj.base[t - 1] - 1e-6


@given(data=st.data())
@SETTINGS
def test_a_promotion_never_lowers_pay(dataset: Dataset, data: st.DataObject) -> None:
    profile = data.draw(profiles(dataset))
    proj = project(dataset, profile, YEAR)
    for t, _level in proj.level_changes():
        assert proj.base[t] >= proj.base[t - 1] - 1e-6


def test_worked_example_3_the_skills_warranted_at_the_level_before(dataset: Dataset) -> None:
    # Issue 24 item 5 (docs/projection.md, worked example 3): the largest of what the skills warrant at each level
    # reached; by the level's own rule alone year 12 would fall to $145,800.
    skills = ticked(*ids_of(dataset, "general"), *ids_of(dataset, "entry")[:5])
    proj = project(dataset, Profile(years_of_experience=0, skills=skills), YEAR)
    assert proj.level_changes() == [(7, 1), (12, 2)]
    plain = 99_000 * G**4
    assert proj.plain[11] == pytest.approx(plain)
    p = 0.5 * (plain - 99_000) / 45_000
    q = p + (1 - p) * 11 / 21
    assert proj.base[11] == pytest.approx(144_000 + (2 * q - 1) * 36_000)
    assert plain * G * 1.10 < 115_000
    assert proj.plain[12] == pytest.approx(115_000)
    at_senior = 115_000 + 2 * 0.44 * 35_000
    p = 0.5 * 16_000 / 45_000
    q = p + (1 - p) * 11 / 21
    at_mid = 144_000 + (2 * q - 1) * 36_000
    assert at_senior < proj.base[11] < at_mid
    assert proj.base[12] == pytest.approx(at_mid)
    text = " ".join(DEVELOPER_DOC.read_text(encoding="utf-8").split())
    for figure in (plain, proj.base[11], at_senior, proj.base[12]):
        assert f"${figure:,.0f}" in text
    assert "the most they would warrant at any level you have reached" in " ".join(HELP_PAGE.read_text().split())


def test_the_promotion_floor_is_named_for_what_it_is_not_hidden_in_the_range_limits(dataset: Dataset) -> None:
    # Issue 24 item 6: senior since 2035, no skills, yet 2039 and 2040 rise 6.09 % nominal with a 3 % raise.
    profile = Profile(years_of_experience=3, current_salary=400_000, assumptions=Assumptions(inflation=0.10))
    proj = project(dataset, profile, YEAR)
    nominal = proj.projected("nominal", "base")
    t = 13
    assert proj.level_name(t) == "Senior level"
    assert nominal[t] / nominal[t - 1] == pytest.approx(1.0609, abs=1e-4)
    assert proj.floors[t] - proj.floors[t - 1] == pytest.approx(
        proj.plain[t] - proj.plain[t - 1] * 1.03 / 1.10
    )  # all of the year's extra is the floor's
    assert proj.limits[t] == pytest.approx(proj.limits[t - 1], abs=1e-6)
    lines = {x.label: x for x in breakdown(proj, t, "nominal", "base").lines}
    floor = lines["At least what a promotion this year would pay"]
    assert floor.amount == pytest.approx(proj.floors[t])
    assert "not a raise you assumed" in floor.detail
    assert "Limits of the range" not in lines
    assert (proj.floors[:10] == 0).all()
    parts = proj.plain[0] + proj.raises + proj.promotions + proj.limits + proj.floors
    assert parts == pytest.approx(proj.plain)  # every year's pay is the sum of its parts, the floor one of them
    text = " ".join(DEVELOPER_DOC.read_text(encoding="utf-8").split())
    assert "2039 and 2040 rise 6.09 % nominal with a 3 % raise" in text
