"""Worked examples of the projection at its edges, checked by hand from the article's figures (docs/projection.md):
the parts of "Why this number?" year by year, the bottom and top of a range at an employer, the marks for figures
outside the article, and the "next skills to learn" list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from planner.domain.dataset import Dataset
from planner.domain.profile import Assumptions, Profile, TickedSkill
from planner.domain.projection import project
from planner.domain.projection_basis import article_largest
from planner.domain.projection_text import breakdown
from planner.domain.skill_effects import SkillEffect, rank_skills, skill_effects
from planner.storage.dataset_file import load_dataset

YEAR = 2026
G = 1.03 / 1.025  # default yearly raise over default inflation
ON = TickedSkill(ticked_on=dt.date(2026, 1, 1))
GOOGLE = 148_000 / 116_000  # Google's pay over the middle of the overall average range


def amounts(dataset: Dataset, profile: Profile, t: int) -> dict[str, float]:
    b = breakdown(project(dataset, profile, YEAR), t, "today", "base")
    return {x.label: x.amount for x in b.lines if x.amount is not None}


def test_raises_and_a_promotion_add_up_year_by_year(dataset: Dataset) -> None:
    # Mid level at 6 years, no skills: senior comes 2 years after the article's 10, at 12 years (t = 6).
    profile = Profile(years_of_experience=6, current_salary=140_000)
    proj = project(dataset, profile, YEAR)
    assert proj.promotion_t(2) == 6
    three = amounts(dataset, profile, 3)
    assert three["Raises beyond inflation"] == pytest.approx(140_000 * (G**3 - 1))
    assert "Promotions" not in three
    assert "Limits of the range" not in three
    six = amounts(dataset, profile, 6)
    assert six["Raises beyond inflation"] == pytest.approx(140_000 * (G**6 - 1))
    assert six["Promotions"] == pytest.approx(140_000 * G**6 * 0.10)  # +10% of the year's pay
    seven = amounts(dataset, profile, 7)
    assert seven["Promotions"] == pytest.approx(six["Promotions"])  # counted once, kept in later years
    assert seven["Raises beyond inflation"] == pytest.approx(140_000 * (G**6 - 1) + 140_000 * G**6 * 1.10 * (G - 1))
    for t in range(proj.horizon):
        b = breakdown(proj, t, "nominal", "base")
        assert sum(b.summands()) == pytest.approx(b.total)
        assert b.total == pytest.approx(float(proj.projected("nominal", "base")[t]))


def test_the_top_of_the_range_stops_the_raises_and_shows_as_a_limit(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6, current_salary=178_000)  # mid level tops out at $180,000
    assert project(dataset, profile, YEAR).plain[2] == pytest.approx(178_000 * G**2)  # still below the top
    three = amounts(dataset, profile, 3)
    assert three["Raises beyond inflation"] == pytest.approx(178_000 * (G**3 - 1))
    assert three["Limits of the range"] == pytest.approx(180_000 - 178_000 * G**3)
    assert three["Limits of the range"] < 0
    four = amounts(dataset, profile, 4)
    assert four["Raises beyond inflation"] == pytest.approx(178_000 * (G**3 - 1) + 180_000 * (G - 1))
    assert four["Limits of the range"] == pytest.approx(180_000 - 178_000 * G**3 - 180_000 * (G - 1))


def test_at_an_employer_a_promotion_lifts_pay_to_the_bottom_of_its_range(dataset: Dataset) -> None:
    # No salary at Google: the bottom of the entry range there, $70,000 × factor; mid level at 7 years (no skills).
    proj = project(dataset, Profile(years_of_experience=0, employer="google"), YEAR)
    assert proj.plain[0] == pytest.approx(70_000 * GOOGLE)
    assert proj.plain[6] == pytest.approx(70_000 * GOOGLE * G**6)
    assert proj.promotion_t(1) == 7
    assert proj.plain[7] == pytest.approx(99_000 * GOOGLE)  # 10% more would still be below the mid range
    assert proj.high("today", "base")[7] == pytest.approx(180_000 * GOOGLE)


def test_every_skill_of_the_level_ticked_without_a_salary_is_the_top_of_the_range(dataset: Dataset) -> None:
    skills = [sk.id for sk in dataset.general_skills] + [sk.id for sk in dataset.skill_group("entry").skills]
    proj = project(dataset, Profile(years_of_experience=0, employer="google", skills=dict.fromkeys(skills, ON)), YEAR)
    assert proj.base[0] == pytest.approx(132_000 * GOOGLE)
    none = project(dataset, Profile(years_of_experience=0, employer="google"), YEAR)
    assert none.base[0] == pytest.approx(70_000 * GOOGLE)  # none ticked: the bottom


@pytest.mark.parametrize(
    ("salary", "years", "mark"),
    [(280_001, 12, 1), (280_000, 12, 0), (69_999, 0, -1), (70_000, 0, 0)],
)
def test_a_figure_is_marked_only_when_outside_the_articles_figures(
    dataset: Dataset, salary: int, years: float, mark: int
) -> None:
    proj = project(dataset, Profile(years_of_experience=years, current_salary=salary), YEAR)
    assert int(proj.outside_article("today")[0]) == mark


def test_the_articles_largest_figure_is_read_from_the_data_in_use(
    dataset: Dataset, data_copy: Callable[[Callable[[dict[str, Any]], None]], Path]
) -> None:
    def higher(data: dict[str, Any]) -> None:
        data["overall"]["experienced_ceiling"]["amount"] = 300_000

    other = load_dataset(data_copy(higher))
    assert article_largest(dataset).amount == 280_000
    assert article_largest(other).amount == 300_000
    assert article_largest(other).text == "$300,000 (“up to”, with more experience)"  # the article's words
    assert article_largest(dataset).amount == 280_000


def test_the_skill_effects_count_the_years_of_the_horizon(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6, current_salary=145_000, assumptions=Assumptions(horizon_years=3))
    effects = skill_effects(dataset, profile, YEAR)
    before = project(dataset, profile, YEAR).base
    after = project(dataset, profile, YEAR, extra_skills=["mid.deep-learning"]).base
    assert len(after) == 3
    assert effects["mid.deep-learning"].total == pytest.approx((after - before).sum())
    assert effects["mid.deep-learning"].ahead > 0  # five years ahead, beyond a three-year horizon


def test_the_next_skills_list_keeps_five_groups_best_first_and_leaves_out_what_adds_nothing(
    dataset: Dataset,
) -> None:
    skills = sorted(dataset.general_skills + dataset.skill_group("entry").skills, key=lambda sk: sk.id)

    def effect(i: int, total: float, ahead: float) -> SkillEffect:
        return SkillEffect(skills[i], "General", ahead, total)

    ranked = rank_skills([effect(i, 100.0 * (i + 1), 10.0) for i in range(7)])
    assert [tie.total for tie in ranked] == [700.0, 600.0, 500.0, 400.0, 300.0]
    edges = [effect(0, 0.4, 1.0), effect(1, 0.5, 0.0), effect(2, 0.0, 0.5), effect(3, 0.4, 0.4)]
    kept = {e.skill.id for tie in rank_skills(edges) for e in tie.effects}
    assert kept == {skills[0].id, skills[1].id, skills[2].id}  # whatever rounds to a dollar is listed
    same_total = rank_skills([effect(0, 50.0, 5.0), effect(1, 50.0, 9.0)])
    assert [tie.ahead for tie in same_total] == [9.0, 5.0]  # equal over the horizon: more in five years first
    assert np.isclose(same_total[0].total, 50.0)


def test_a_promotion_above_the_new_range_never_pays_below_last_year(dataset: Dataset) -> None:
    # Raises below inflation: pay above the top of its range loses a little each year in today's dollars. The
    # promotion to senior (t = 6) is capped at the top of the senior range, $204,000, but never below last year.
    g = 1.0 / 1.025
    profile = Profile(
        years_of_experience=6, current_salary=250_000, assumptions=Assumptions(yearly_raise=0.0, inflation=0.025)
    )
    proj = project(dataset, profile, YEAR)
    assert proj.promotion_t(2) == 6
    assert proj.plain[5] == pytest.approx(250_000 * g**5)
    assert proj.plain[6] == pytest.approx(250_000 * g**5)  # not 10% more, not this year's lower mid-level pay
    assert proj.plain[7] == pytest.approx(250_000 * g**6)


def test_why_this_number_at_mid_level_uses_the_articles_average_and_a_year_past_the_horizon_shows_the_last(
    dataset: Dataset,
) -> None:
    proj = project(dataset, Profile(years_of_experience=6), YEAR)
    last = breakdown(proj, 99, "today", "base")
    assert (last.t, last.calendar_year) == (proj.horizon - 1, 2026 + 29)
    first = breakdown(proj, -3, "today", "base")
    assert first.t == 0
    assert first.lines[0].label == "Mid level range (the article's)"
    # Issue 24 item 3: the average is PayScale's, not the article's own, and the source line says so.
    assert first.lines[0].detail == "$99,000 – $180,000, typical $144,000 (its average, PayScale)."
    assert first.lines[0].source.startswith(
        "Source: The article itself (the range) and PayScale (the average), read on"
    )
    senior = breakdown(project(dataset, Profile(years_of_experience=12), YEAR), 0, "today", "base").lines[0]
    assert senior.detail == "$115,000 – $204,000, typical around $150,000 (its average, the article itself)."
    assert senior.source.startswith("Source: The article itself, read on")
    google = project(dataset, Profile(years_of_experience=6, employer="google"), YEAR)
    start = next(x for x in breakdown(google, 0, "today", "base").lines if x.amount is not None)
    assert (start.label, start.kind) == ("Bottom of the Mid level range at Google", "derived")
    assert start.amount == pytest.approx(99_000 * GOOGLE)


def test_at_an_employer_raises_stop_at_the_top_of_its_range_there(dataset: Dataset) -> None:
    top = 180_000 * GOOGLE  # the mid range's top at Google, $229,655
    proj = project(dataset, Profile(years_of_experience=6, current_salary=228_000, employer="google"), YEAR)
    assert proj.plain[1] == pytest.approx(228_000 * G)
    assert proj.plain[2] == pytest.approx(top)  # 228,000 × G² would be above it
    assert proj.plain[3] == pytest.approx(top)
