"""The projection engine against the article and against figures worked out by hand (docs/projection.md)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.dataset import Dataset
from planner.domain.profile import Assumptions, Profile, TickedSkill
from planner.domain.projection import (
    next_skills,
    pay_basis,
    project,
    skill_effects,
    time_to_next_level,
)

YEAR = 2026
G = 1.03 / 1.025  # default yearly raise over default inflation: growth within a level in today's dollars
ON = TickedSkill(ticked_on=dt.date(2026, 1, 1))


def ticked(*ids: str) -> dict[str, TickedSkill]:
    return dict.fromkeys(ids, ON)


def half_of_each_level(dataset: Dataset, round_up: bool = False) -> dict[str, TickedSkill]:
    ids = []
    for lv in dataset.levels:
        n = (len(lv.skills) + 1) // 2 if round_up else len(lv.skills) // 2
        ids += [sk.id for sk in lv.skills[:n]]
    return ticked(*ids)


def years_between(proj: object, low: float, high: float | None) -> np.ndarray:
    exp = proj.experience  # type: ignore[attr-defined]
    mask = (exp >= low) & (exp < high) if high is not None else exp >= low
    return mask


# --- the article's own figures ---------------------------------------------------------------------------------


def test_half_the_skills_lands_in_the_articles_ranges_and_near_its_averages(dataset: Dataset) -> None:
    # "All industries", half of each level's skills (6 of 12 entry, 3 of 6 mid, 2 of 5 senior), from 0 years.
    proj = project(dataset, Profile(skills=half_of_each_level(dataset)), YEAR)
    pay = proj.projected("today")  # the article's figures are in its own (today's) dollars
    entry = pay[years_between(proj, 0, 5)]
    mid = pay[years_between(proj, 5, 10)]
    senior = pay[years_between(proj, 10, None)]
    assert len(entry) == 5
    assert len(mid) == 5
    assert len(senior) == 20
    assert entry.min() >= 70_000
    assert entry.max() <= 132_000
    assert mid.min() >= 99_000
    assert mid.max() <= 180_000
    assert abs(mid.mean() - 144_000) <= 0.10 * 144_000
    assert senior.min() >= 115_000
    assert senior.max() <= 204_000
    assert abs(senior.mean() - 150_000) <= 0.10 * 150_000


def test_rounding_half_up_still_stays_within_the_articles_ranges(dataset: Dataset) -> None:
    # 6 of 12, 3 of 6 and 3 of 5 (position 0.6 at senior level, above its typical 0.5).
    proj = project(dataset, Profile(skills=half_of_each_level(dataset, round_up=True)), YEAR)
    pay = proj.projected("today")
    for low, high, lo_pay, hi_pay in ((0, 5, 70_000, 132_000), (5, 10, 99_000, 180_000), (10, None, 115_000, 204_000)):
        part = pay[years_between(proj, low, high)]
        assert part.min() >= lo_pay
        assert part.max() <= hi_pay


# --- figures worked out by hand --------------------------------------------------------------------------------


def test_half_the_skills_from_zero_years_by_hand(dataset: Dataset) -> None:
    proj = project(dataset, Profile(skills=half_of_each_level(dataset)), YEAR)
    today = proj.projected("today")
    # Entry: 6 of 12 skills is position 1/2 = the middle of $70,000-$132,000 (the article gives no average).
    assert today[0] == pytest.approx((70_000 + 132_000) / 2)
    assert today[4] == pytest.approx(101_000 * G**4)
    # Mid level from 5 years (3 of 6 skills: on the article's time), at its average $144,000 (position 1/2).
    assert proj.level_name(5) == "Mid level"
    assert today[5] == pytest.approx(144_000)
    assert today[7] == pytest.approx(144_000 * G**2)
    # Senior: 2 of 5 skills moves it 2 * (1 - 2 * 2/5) = 0.4 years later, to 10.4 years: year 10 is still mid.
    assert proj.level_name(10) == "Mid level"
    assert proj.level_name(11) == "Senior level"
    # Senior position 2/5 pays 115,000 + 0.8 * (150,000 - 115,000) = 143,000: less than the raised mid pay.
    assert today[11] == pytest.approx(144_000 * G**6)
    # Nominal dollars add inflation; the band is the level's range.
    assert proj.projected("nominal")[5] == pytest.approx(144_000 * 1.025**5)
    assert proj.low("nominal")[5] == pytest.approx(99_000 * 1.025**5)
    assert proj.high("today")[20] == pytest.approx(204_000)
    assert proj.calendar_years[5] == 2031
    assert proj.cumulative("today")[1] == pytest.approx(101_000 + 101_000 * G)


def test_no_skills_ticked_by_hand(dataset: Dataset) -> None:
    proj = project(dataset, Profile(), YEAR)
    today = proj.projected("today")
    # No skills: the bottom of each range, and each promotion 2 years after the article's years (7 and 12).
    assert today[0] == pytest.approx(70_000)
    assert today[6] == pytest.approx(70_000 * G**6)
    assert proj.level_changes() == [(7, 1), (12, 2)]
    assert today[7] == pytest.approx(99_000)
    assert today[11] == pytest.approx(99_000 * G**4)
    # 99,000 * G**5 = 101,454 is below the senior bottom, so year 12 starts there.
    assert today[12] == pytest.approx(115_000)
    assert today[13] == pytest.approx(115_000 * G)


def test_salary_and_industry_by_hand(dataset: Dataset) -> None:
    entry = [sk.id for sk in dataset.level("entry").skills[:6]]
    profile = Profile(years_of_experience=3, current_salary=120_000, industry="software-it", skills=ticked(*entry))
    proj = project(dataset, profile, YEAR)
    f = 135_000 / 116_000  # software and IT averages $135,000; middle of $78,000-$154,000 is $116,000
    pay = proj.projected("today")
    assert pay[0] == pytest.approx(120_000)
    assert proj.low("today")[0] == pytest.approx(70_000 * f)
    assert proj.high("today")[0] == pytest.approx(132_000 * f)
    # No mid skills: mid level at 5 + 2 = 7 years (year 4), senior at 12 years (year 9).
    assert proj.level_changes() == [(4, 1), (9, 2)]
    # The raised salary stays above the mid standing, which is the entry standing $101,000 (times f).
    assert pay[4] == pytest.approx(120_000 * G**4)
    assert pay[8] == pytest.approx(120_000 * G**8)
    # At senior level the bottom of the range, $115,000 * f = $133,836, is more than 120,000 * G**9.
    assert pay[9] == pytest.approx(115_000 * f)
    assert pay[10] == pytest.approx(115_000 * f * G)


def test_employer_wins_over_industry(dataset: Dataset) -> None:
    profile = Profile(skills=half_of_each_level(dataset), industry="education", employer="amazon")
    proj = project(dataset, profile, YEAR)
    assert proj.basis.name == "Amazon"
    assert proj.projected("today")[0] == pytest.approx(101_000 * 254_000 / 116_000)
    no_employer = project(dataset, profile.model_copy(update={"employer": None}), YEAR)
    assert no_employer.projected("today")[0] == pytest.approx(101_000 * 103_000 / 116_000)


def test_salary_above_the_range_is_capped_and_said(dataset: Dataset) -> None:
    proj = project(dataset, Profile(current_salary=300_000), YEAR)
    assert proj.projected("today")[0] == pytest.approx(132_000)
    assert proj.salary_outside_range == "above"
    assert "capped" in " ".join(line.detail for line in proj.breakdown(0).lines)


def test_total_compensation_by_hand(dataset: Dataset) -> None:
    profile = Profile(
        skills=half_of_each_level(dataset), assumptions=Assumptions(bonus_percent=10, yearly_equity=20_000)
    )
    proj = project(dataset, profile, YEAR)
    assert proj.projected("nominal", "total")[5] == pytest.approx((144_000 * 1.10 + 20_000) * 1.025**5)
    assert proj.projected("today", "total")[5] == pytest.approx(144_000 * 1.10 + 20_000)
    assert proj.high("today", "total")[5] == pytest.approx(180_000 * 1.10 + 20_000)


def test_every_skill_pays_the_top_and_promotes_two_years_early(dataset: Dataset) -> None:
    proj = project(dataset, Profile(skills=ticked(*dataset.skill_ids())), YEAR)
    today = proj.projected("today")
    assert proj.level_changes() == [(3, 1), (8, 2)]
    assert today[0] == pytest.approx(132_000)
    assert today[3] == pytest.approx(180_000)
    assert today[4] == pytest.approx(180_000)  # raises cannot go above the top of the range
    assert today[8] == pytest.approx(204_000)


def test_no_raise_beyond_inflation_keeps_pay_flat_within_a_level(dataset: Dataset) -> None:
    profile = Profile(skills=half_of_each_level(dataset), assumptions=Assumptions(inflation=0.03, yearly_raise=0.03))
    today = project(dataset, profile, YEAR).projected("today")
    assert list(today[:5]) == pytest.approx([101_000] * 5)
    assert list(today[5:10]) == pytest.approx([144_000] * 5)


def test_horizon_sets_the_number_of_years(dataset: Dataset) -> None:
    proj = project(dataset, Profile(assumptions=Assumptions(horizon_years=12)), 2030)
    assert proj.horizon == 12
    assert list(proj.calendar_years[[0, -1]]) == [2030, 2041]


# --- why this number, next level, skill effects ----------------------------------------------------------------


@pytest.mark.parametrize("dollars", ["nominal", "today"])
@pytest.mark.parametrize("comp", ["base", "total"])
def test_breakdown_sums_to_the_figure(dataset: Dataset, dollars: str, comp: str) -> None:
    entry = [sk.id for sk in dataset.level("entry").skills[:6]]
    profile = Profile(
        years_of_experience=3,
        current_salary=120_000,
        industry="software-it",
        skills=ticked(*entry),
        assumptions=Assumptions(bonus_percent=15, yearly_equity=10_000),
    )
    proj = project(dataset, profile, YEAR)
    figures = proj.projected(dollars, comp)  # type: ignore[arg-type]
    for t in range(proj.horizon):
        b = proj.breakdown(t, dollars, comp)  # type: ignore[arg-type]
        assert sum(b.summands()) == pytest.approx(figures[t])
        assert b.total == pytest.approx(figures[t])


def test_breakdown_names_the_parts(dataset: Dataset) -> None:
    proj = project(dataset, Profile(skills=half_of_each_level(dataset)), YEAR)
    b = proj.breakdown(7)
    labels = [line.label for line in b.lines]
    assert labels[0].startswith("Mid level range")
    assert "$99,000 – $180,000" in b.lines[0].detail
    parts = {line.label: line.amount for line in b.lines}
    assert parts["Your position at Mid level (from 2031): your skills"] == pytest.approx(144_000)
    assert parts["Raises beyond inflation"] == pytest.approx(144_000 * (G**2 - 1))
    assert parts["Industry: all industries"] == 0
    assert parts["Inflation to 2033 dollars"] == pytest.approx(144_000 * G**2 * (1.025**7 - 1))


def test_time_to_next_level(dataset: Dataset) -> None:
    mid = [sk.id for sk in dataset.level("mid").skills[:4]]
    nxt = time_to_next_level(dataset, Profile(years_of_experience=3, skills=ticked(*mid)))
    assert nxt is not None
    assert nxt.level.id == "mid"
    # 4 of 6 mid skills: 2 * (2 * 4/6 - 1) = 2/3 of a year before the article's 5 years.
    assert nxt.years == pytest.approx(5 - 2 / 3 - 3)
    assert time_to_next_level(dataset, Profile(years_of_experience=20)) is None


def test_skill_effects_five_years_ahead(dataset: Dataset) -> None:
    profile = Profile(skills=half_of_each_level(dataset))
    effects = skill_effects(dataset, profile)
    assert set(effects) == dataset.skill_ids() - set(profile.skills)
    # A 4th mid skill: position 4/6 pays 144,000 + (2 * 4/6 - 1) * (180,000 - 144,000) = 156,000 in year 5.
    assert effects["mid.cloud-platforms"] == pytest.approx(12_000)
    # Entry skills no longer matter five years from now: the mid standing is higher anyway.
    assert effects["entry.certification"] == 0
    ranked = next_skills(dataset, profile, limit=3)
    assert [e.skill.id for e in ranked] == ["mid.second-language", "mid.cloud-platforms", "mid.distributed-computing"]


def test_pay_basis_is_relative_to_the_middle_of_the_overall_range(dataset: Dataset) -> None:
    assert pay_basis(dataset).factor == 1
    assert pay_basis(dataset, "consumer-goods").factor == pytest.approx(150_000 / 116_000)
    assert pay_basis(dataset, "no-such-industry").kind == "all"


# --- properties ------------------------------------------------------------------------------------------------

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def profiles(draw: st.DrawFn, dataset: Dataset) -> Profile:
    skill_ids = sorted(dataset.skill_ids())
    return Profile(
        years_of_experience=draw(st.floats(0, 60)),
        current_salary=draw(st.none() | st.integers(1, 10_000_000)),
        industry=draw(st.none() | st.sampled_from([i.id for i in dataset.industries])),
        employer=draw(st.none() | st.sampled_from([e.id for e in dataset.employers])),
        skills=ticked(*draw(st.sets(st.sampled_from(skill_ids)))),
        assumptions=Assumptions(
            inflation=draw(st.floats(0, 0.5)),
            yearly_raise=draw(st.floats(0, 0.5)),
            bonus_percent=draw(st.floats(0, 200)),
            yearly_equity=draw(st.integers(0, 10_000_000)),
            horizon_years=draw(st.integers(1, 60)),
            promotion_shift_years=draw(st.floats(0, 5)),
        ),
    )


def at_least(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.all(a >= b * (1 - 1e-9) - 1e-6))


@SETTINGS
@given(data=st.data())
def test_ticking_a_skill_never_lowers_the_curve(dataset: Dataset, data: st.DataObject) -> None:
    profile = data.draw(profiles(dataset))
    unticked = sorted(dataset.skill_ids() - set(profile.skills))
    if not unticked:
        return
    skill = data.draw(st.sampled_from(unticked))
    before = project(dataset, profile, YEAR)
    after = project(dataset, profile.model_copy(update={"skills": {**profile.skills, skill: ON}}), YEAR)
    for dollars in ("nominal", "today"):
        for comp in ("base", "total"):
            assert at_least(after.projected(dollars, comp), before.projected(dollars, comp))  # type: ignore[arg-type]


@SETTINGS
@given(data=st.data())
def test_low_projected_high_are_ordered(dataset: Dataset, data: st.DataObject) -> None:
    proj = project(dataset, data.draw(profiles(dataset)), YEAR)
    for dollars in ("nominal", "today"):
        for comp in ("base", "total"):
            s = proj.series(dollars, comp)  # type: ignore[arg-type]
            assert at_least(s.projected, s.low)
            assert at_least(s.high, s.projected)


@SETTINGS
@given(data=st.data())
def test_a_better_paying_industry_never_gives_a_lower_curve(dataset: Dataset, data: st.DataObject) -> None:
    profile = data.draw(profiles(dataset)).model_copy(update={"employer": None})
    choices = [None, *(i.id for i in dataset.industries)]
    a, b = data.draw(st.lists(st.sampled_from(choices), min_size=2, max_size=2))
    worse, better = sorted((a, b), key=lambda ind: pay_basis(dataset, ind).factor)
    # As the profile's own industry (same current salary, if any) ...
    low = project(dataset, profile.model_copy(update={"industry": worse}), YEAR)
    high = project(dataset, profile.model_copy(update={"industry": better}), YEAR)
    assert at_least(high.projected("nominal", "total"), low.projected("nominal", "total"))
    assert at_least(high.projected("today"), low.projected("today"))
    # ... and as a comparison (the same person, keeping their position in the range).
    low = project(dataset, profile, YEAR, basis=pay_basis(dataset, worse))
    high = project(dataset, profile, YEAR, basis=pay_basis(dataset, better))
    assert at_least(high.projected("today"), low.projected("today"))


def test_a_skill_that_brings_promotion_to_today_does_not_lower_pay(dataset: Dataset) -> None:
    # 6 years, every entry skill, one mid skill: mid level only at 5 + 2 * (1 - 2/6) = 6.33 years, so today
    # is entry level at its top, $132,000. A second mid skill brings mid level to 5.67 years, i.e. today;
    # position 2/6 at mid pays 99,000 + 2/3 * 45,000 = $129,000, but the entry standing is kept.
    entry = [sk.id for sk in dataset.level("entry").skills]
    mid = [sk.id for sk in dataset.level("mid").skills]
    before = project(dataset, Profile(years_of_experience=6, skills=ticked(*entry, mid[0])), YEAR)
    after = project(dataset, Profile(years_of_experience=6, skills=ticked(*entry, *mid[:2])), YEAR)
    assert before.level_name(0) == "Entry level"
    assert after.level_name(0) == "Mid level"
    assert before.projected("today")[0] == pytest.approx(132_000)
    assert after.projected("today")[0] == pytest.approx(132_000)
