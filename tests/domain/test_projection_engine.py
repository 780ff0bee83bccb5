"""The projection engine against the article and against figures worked out by hand (docs/projection.md)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.dataset import Dataset
from planner.domain.profile import MAX_RATE, Assumptions, Profile, TickedSkill
from planner.domain.projection import (
    next_level_skill_ids,
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
    # 99,000 * G**5 = 101,438 is below the senior bottom, so year 12 starts there.
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


def test_a_salary_above_the_range_is_kept_as_entered_and_said(dataset: Dataset) -> None:
    proj = project(dataset, Profile(current_salary=300_000), YEAR)
    today = proj.projected("today")
    # Year 0 is the salary entered. Above the top of every level's range ($132,000, $180,000, $204,000) it gets
    # no raise beyond inflation: flat in today's dollars, the nominal figure grows with inflation only.
    assert list(today) == pytest.approx([300_000] * 30)
    assert proj.projected("nominal")[10] == pytest.approx(300_000 * 1.025**10)
    assert proj.salary_outside_range == "above"
    details = " ".join(line.detail for line in proj.breakdown(0).lines)
    assert "above the Entry level range" in details
    assert "capped" not in details


def test_the_salary_entered_is_this_years_pay_and_raises_follow(dataset: Dataset) -> None:
    # The QA example: entry level, 1 year of experience, $75,000, 6 of 12 entry skills. The skills place you at
    # the middle of the entry range ($101,000), but your pay is what you entered: no jump in year 1.
    entry = [sk.id for sk in dataset.level("entry").skills[:6]]
    proj = project(dataset, Profile(years_of_experience=1, current_salary=75_000, skills=ticked(*entry)), YEAR)
    today = proj.projected("today")
    assert today[0] == pytest.approx(75_000)
    assert today[1] == pytest.approx(75_000 * G)
    assert today[5] == pytest.approx(75_000 * G**5)
    # No mid skills: mid level at 5 + 2 = 7 years, year 6; 75,000 * G**6 = 77,222 is below its bottom, $99,000.
    assert proj.level_changes() == [(6, 1), (11, 2)]
    assert today[6] == pytest.approx(99_000)
    assert today[7] == pytest.approx(99_000 * G)
    # Senior at 12 years (year 11): 99,000 * G**5 = 101,438 is below the senior bottom, $115,000.
    assert today[11] == pytest.approx(115_000)


def test_raises_stop_at_the_top_of_the_range_until_a_promotion(dataset: Dataset) -> None:
    proj = project(dataset, Profile(current_salary=130_000), YEAR)
    today = proj.projected("today")
    assert today[3] == pytest.approx(130_000 * G**3)  # 131,911
    assert list(today[4:7]) == pytest.approx([132_000] * 3)  # 130,000 * G**4 = 132,554 is above the top
    assert today[7] == pytest.approx(132_000 * G)  # mid level from 7 years (no mid skills): raises again
    assert proj.breakdown(5).lines[-4].label.startswith("Top of the Entry level range")


def test_a_salary_at_an_employer_is_not_multiplied_by_its_pay_factor(dataset: Dataset) -> None:
    # The QA example: $95,000 entered at Amazon was shown as $153,276 ("capped"). It is $95,000.
    profile = Profile(years_of_experience=3, current_salary=95_000, employer="amazon")
    proj = project(dataset, profile, YEAR)
    f = 254_000 / 116_000
    today = proj.projected("today")
    assert today[0] == pytest.approx(95_000)
    assert proj.projected("nominal", "base")[0] == pytest.approx(95_000)
    assert today[3] == pytest.approx(95_000 * G**3)  # below Amazon's entry range ($153,276): kept, raised
    # Mid level at 7 years (year 4): at least the bottom of the mid range at Amazon, 99,000 * f.
    assert today[4] == pytest.approx(99_000 * f)
    b = proj.breakdown(0)
    assert b.total == pytest.approx(95_000)
    assert any(
        line.label == "Today's salary: your current salary" and line.amount == pytest.approx(95_000) for line in b.lines
    )
    text = " ".join(f"{line.label} {line.detail}" for line in b.lines)
    assert "capped" not in text
    assert "below the Entry level range at Amazon ($153,276 – $289,034)" in text
    assert "no factor is applied to it" in text


def test_a_skill_that_makes_today_a_higher_level_does_not_lower_a_salary_path(dataset: Dataset) -> None:
    # 6 years, every entry skill, $90,000. One mid skill: mid level from 6.33 years, i.e. next year. Two: from
    # 5.67 years, i.e. today. Either way next year's pay is the bottom of the mid range; this year's is $90,000.
    entry = [sk.id for sk in dataset.level("entry").skills]
    mid = [sk.id for sk in dataset.level("mid").skills]
    one = project(dataset, Profile(years_of_experience=6, current_salary=90_000, skills=ticked(*entry, mid[0])), YEAR)
    two = project(dataset, Profile(years_of_experience=6, current_salary=90_000, skills=ticked(*entry, *mid[:2])), YEAR)
    assert (one.level_name(0), two.level_name(0)) == ("Entry level", "Mid level")
    assert one.projected("today")[0] == pytest.approx(90_000)
    assert two.projected("today")[0] == pytest.approx(90_000)
    assert one.projected("today")[1] == pytest.approx(99_000)
    assert two.projected("today")[1] == pytest.approx(99_000)


def test_comparisons_start_from_the_salary_entered(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=3, current_salary=120_000, industry="software-it")
    nxt = project(dataset, profile, YEAR, extra_skills=next_level_skill_ids(dataset, profile))
    assert nxt.projected("nominal")[0] == pytest.approx(120_000)
    # The same person at another employer keeps their place relative to the range: scaled by the two factors.
    google = project(dataset, profile, YEAR, basis=pay_basis(dataset, employer="google"))
    assert google.projected("today")[0] == pytest.approx(120_000 * 148_000 / 135_000)


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
            inflation=draw(st.floats(0, MAX_RATE)),
            yearly_raise=draw(st.floats(0, MAX_RATE)),
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
def test_low_projected_high_are_ordered_without_a_salary(dataset: Dataset, data: st.DataObject) -> None:
    profile = data.draw(profiles(dataset)).model_copy(update={"current_salary": None})
    proj = project(dataset, profile, YEAR)
    for dollars in ("nominal", "today"):
        for comp in ("base", "total"):
            s = proj.series(dollars, comp)  # type: ignore[arg-type]
            assert at_least(s.projected, s.low)
            assert at_least(s.high, s.projected)


@SETTINGS
@given(data=st.data())
def test_year_zero_is_the_salary_entered(dataset: Dataset, data: st.DataObject) -> None:
    profile = data.draw(profiles(dataset))
    salary = data.draw(st.integers(1, 10_000_000))
    profile = profile.model_copy(update={"current_salary": salary})
    proj = project(dataset, profile, YEAR)
    for dollars in ("nominal", "today"):
        assert proj.projected(dollars)[0] == pytest.approx(salary, rel=1e-12)  # type: ignore[arg-type]
    assert proj.breakdown(0).total == pytest.approx(salary, rel=1e-12)
    # Comparing with all skills of the next level does not change this year's pay.
    extra = project(dataset, profile, YEAR, extra_skills=next_level_skill_ids(dataset, profile))
    assert extra.projected("nominal")[0] == pytest.approx(salary, rel=1e-12)
    # Later years: never above the top of the range unless the year before already was (no raise beyond
    # inflation there); after a promotion, at least the bottom of the range.
    today, low, high = proj.projected("today"), proj.low("today"), proj.high("today")
    for t in range(1, proj.horizon):
        assert today[t] <= max(high[t], today[t - 1]) * (1 + 1e-9)
        if proj.level_index[t] >= proj.floor_from:
            assert today[t] >= low[t] * (1 - 1e-9)


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


# --- the article's contradictions and figures beyond it --------------------------------------------------------


def test_why_this_number_names_the_articles_contradictions(dataset: Dataset) -> None:
    proj = project(dataset, Profile(skills=half_of_each_level(dataset)), YEAR)
    entry = {line.label: line.detail for line in proj.breakdown(0).lines}
    ceiling = entry["⚠ The article disagrees: Entry-level ceiling: $132,000 or $150,000?"]
    assert "$132,000" in ceiling
    assert "up to $150,000" in ceiling
    assert "The projection uses $132,000 (top of the Entry level range), not $150,000" in ceiling
    mid = {line.label: line.detail for line in proj.breakdown(6).lines}
    senior_average = mid["⚠ The article disagrees: Senior average barely above mid level"]
    assert "$144,000 (the Mid level average) and $150,000 (the Senior level average)" in senior_average
    assert not any("Entry-level ceiling" in label for label in mid)


def test_figures_above_the_article_are_called_an_extrapolation(dataset: Dataset) -> None:
    half = half_of_each_level(dataset)
    plain = project(dataset, Profile(skills=half), YEAR)
    assert not any(plain.beyond_article_line(t) for t in range(plain.horizon))
    assert plain.beyond_article.band_above_top is False
    amazon = project(dataset, Profile(skills=half, employer="amazon"), YEAR)
    f = 254_000 / 116_000
    # From mid level (year 5) the standing $144,000 × f = $315,310 is more than the article's largest figure,
    # $280,000 ("up to", with more experience).
    line = amazon.beyond_article_line(5)
    assert line is not None
    assert line.label == "⚠ Above anything the article reports — an extrapolation"
    assert "$280,000" in line.detail
    assert amazon.beyond_article.band_max == pytest.approx(204_000 * f)
    assert amazon.beyond_article.projected_above_top == 5
    assert amazon.beyond_article_line(4) is not None  # entry: the band's top, 132,000 × f = $289,034
    # Software and IT (factor 1.16): the entry band's top, $153,621, is above the article's entry range.
    software = project(dataset, Profile(skills=half, industry="software-it"), YEAR)
    line = software.beyond_article_line(0)
    assert line is not None
    assert line.label == "⚠ Above the article's Entry level range — an extrapolation"
    assert "$153,621" in line.detail


def test_the_pay_factor_says_what_it_divides_by_and_calls_amazons_figure_a_highest_salary(dataset: Dataset) -> None:
    amazon = pay_basis(dataset, employer="amazon")
    assert amazon.is_highest
    assert amazon.factor_text() == (
        "pay factor 2.19 = Amazon's highest salary $254,000 ÷ $116,000, the middle of the article's overall range "
        "(derived)"
    )
    assert "not as an average" in amazon.describe()
    google = pay_basis(dataset, employer="google")
    assert not google.is_highest
    assert google.figure_text() == "Google pays almost $148,000"
