"""The sentences that explain a projection, as the user reads them: "Why this number?", the notes under the chart
and the headline. Every amount below is worked out from the article's figures (docs/projection.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.domain.dataset import Dataset
from planner.domain.money import usd
from planner.domain.profile import Assumptions, Profile, TickedSkill
from planner.domain.projection import project
from planner.domain.projection_basis import pay_basis
from planner.domain.projection_text import breakdown, next_step_text, notes, promotion_reason, years_text
from planner.storage.dataset_file import load_dataset

YEAR = 2026
ON = TickedSkill(ticked_on=dt.date(2026, 1, 1))
CEILING = "$280,000 (“up to”, with more experience)"  # the article's largest figure, as it words it


def senior_skills(dataset: Dataset, n: int) -> dict[str, TickedSkill]:
    return dict.fromkeys([sk.id for sk in dataset.skill_group("senior").skills][:n], ON)


@pytest.mark.parametrize(
    ("years", "text"),
    [(4.7, "4.7 years"), (1, "1 year"), (0.96, "1 year"), (2.96, "3 years"), (2.4, "2.4 years"), (0, "0 years")],
)
def test_years_read_with_one_decimal_and_none_when_whole(years: float, text: str) -> None:
    assert years_text(years) == text


def test_why_this_number_without_a_salary_at_entry_level(dataset: Dataset) -> None:
    b = breakdown(project(dataset, Profile(years_of_experience=0), YEAR), 0, "nominal", "base")
    got = [(x.label, x.amount, x.detail, x.kind, bool(x.source)) for x in b.lines]
    assert got == [
        (
            "Entry level range (the article's)",
            None,
            # no average for entry level: the middle, (70,000 + 132,000) / 2
            "$70,000 – $132,000, typical $101,000 (the middle of the range (derived: no average given)).",
            "data",
            True,
        ),
        (
            "⚠ The article disagrees: Entry-level ceiling: $132,000 or $150,000?",
            None,
            "Entry-level section: $132,000; Conclusion: up to $150,000. The projection uses $132,000.",
            "data",
            False,
        ),
        (
            "Bottom of the Entry level range",
            70_000.0,
            "no salary entered: the projection starts from the bottom of today's range, and your skills place you "
            "in it (below)",
            "data",
            True,
        ),
        ("Raises beyond inflation", 0.0, "0 years at (1 + 3.0%) ÷ (1 + 2.5%) = ×1.0049 a year", "assumption", False),
        (
            "Your skills",
            0.0,
            "0 of the 15 skills expected at Entry level ticked (general skills and those of Entry level and every "
            "level below): 0% of the way from where your pay sits in the range to its top",
            "derived",
            False,
        ),
        ("Inflation to 2026 dollars", 0.0, "× (1 + 2.5%)^0 = ×1.0000", "assumption", False),
    ]
    assert b.total == 70_000


def test_why_this_number_at_an_employer_names_its_factor_the_promotion_and_the_skill_pace(dataset: Dataset) -> None:
    skills = dict.fromkeys(["mid.deep-learning", "entry.python"], ON)
    profile = Profile(years_of_experience=3, current_salary=100_000, employer="google", skills=skills)
    proj = project(dataset, profile, YEAR)
    b = breakdown(proj, 6, "today", "base")
    by_label = {x.label: x for x in b.lines}
    mid = by_label["Mid level range at Google (derived)"]
    f = 148_000 / 116_000  # Google's pay over the middle of the overall average range
    assert mid.detail == (
        f"{usd(99_000 * f)} – {usd(180_000 * f)} = the article's $99,000 – $180,000 × $148,000 ÷ $116,000; pay "
        "factor 1.2759 = Google $148,000 ÷ $116,000 (the middle of the article's overall average range). You move "
        "into it at 6.3 years of experience: 1 of 6 of its skills ticked, 1.3 years after the article's 5 years "
        "(promotion shift 2 years, an assumption)."
    )
    assert mid.kind == "derived"
    assert by_label["⚠ The article disagrees: Senior average barely above mid level"].detail == (
        "Mid-level average (PayScale): $144,000; Senior-level average: around $150,000. The projection uses $144,000."
    )
    salary = by_label["Today's salary: your current salary"]
    assert (salary.amount, salary.kind) == (100_000, "yours")
    assert salary.detail == "what you entered: your pay today at Google, taken as it is"
    promotions = by_label["Promotions"]
    assert promotions.amount == pytest.approx(float(proj.promotions[6]))
    assert promotions.amount > 0
    assert promotions.detail.startswith("+10% at each promotion (an assumption)")
    skills_line = by_label["Your skills"]
    assert skills_line.detail.startswith("2 of the 21 skills expected at Mid level ticked")
    assert "by 2032 your pay covers 82% of the distance (1 − (1 − 25%)^6, skill pace, an assumption)" in (
        skills_line.detail
    )  # 1 - 0.75 ** 6 = 0.822
    assert skills_line.amount == pytest.approx(float(proj.base[6] - proj.plain[6]))
    assert skills_line.amount > 0
    assert "Limits of the range" not in by_label
    assert sum(b.summands()) == pytest.approx(b.total)
    assert (b.t, b.calendar_year, b.level_name) == (6, 2032, "Mid level")


def test_a_salary_above_everything_is_explained_in_the_notes_and_the_breakdown(dataset: Dataset) -> None:
    profile = Profile(
        years_of_experience=12,
        current_salary=300_000,
        industry="consumer-goods",
        assumptions=Assumptions(horizon_years=1),
    )
    proj = project(dataset, profile, YEAR)
    f = 150_000 / 116_000
    senior = f"({usd(115_000 * f)} – {usd(204_000 * f)})"
    assert notes(proj, "today") == [
        "Today's level: Senior level, from your 12 years of experience and the article's years (10+ years); you "
        "can choose another on the Projection tab.",
        f"⚠ Your $300,000 is above the Senior level range at Consumer goods {senior}: the projection starts from it "
        "as it is; it gets no raise beyond inflation while it stays above.",
        "Pay at Consumer goods: Pay factor 1.2931 = Consumer goods $150,000 ÷ $116,000 (the middle of the article's "
        "overall average range); it multiplies every level's range.",
        f"⚠ 1 year from 2026 above the article's largest figure, {CEILING}, in today's dollars: marked on the chart "
        "and in the table.",
    ]
    b = breakdown(proj, 0, "today", "base")
    by_label = {x.label: x for x in b.lines}
    assert by_label["⚠ Above anything the article reports"].detail == (
        f"$300,000 (today's dollars) is more than the article's largest figure, {CEILING}: an extrapolation of "
        "the article, not a figure from it."
    )
    assert by_label["Today's salary: your current salary"].detail == (
        f"what you entered: your pay today in Consumer goods, taken as it is; above the Senior level range at "
        f"Consumer goods {senior}"
    )
    assert by_label["⚠ The article disagrees: Two figures above every level's range"].detail == (
        # Issue 24 item 8: the article's words, with both readings of "highest" (it said "Amazon's highest salary:
        # highest $254,000", one reading as fact and the word twice).
        "Top of the senior range: $204,000; With more experience: up to $280,000; Amazon, “highest salary”: "
        "$254,000 (the article is ambiguous here: its highest salary, or the pay of the employer that pays most). "
        "The projection uses $204,000."
    )


def test_a_salary_below_everything_counts_the_years_marked(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=1, current_salary=50_000, assumptions=Assumptions(horizon_years=2))
    proj = project(dataset, profile, YEAR)
    assert notes(proj, "nominal")[1:] == [
        "⚠ Your $50,000 is below the Entry level range ($70,000 – $132,000): the projection starts from it as it "
        "is; raises and what your skills are worth above the range's bottom move it up, nothing lifts it to the "
        "bottom by itself.",
        "⚠ 2 years below the article's smallest figure, $70,000 (bottom of the Entry level range), in nominal "
        "dollars: marked on the chart and in the table.",
    ]
    below = [x for x in breakdown(proj, 1, "nominal", "base").lines if x.label.startswith("⚠ Below")]
    assert [x.detail for x in below] == [
        f"{usd(float(proj.projected('nominal', 'base')[1]))} (2027 dollars) is less than the article's smallest "
        "figure, $70,000 (bottom of the Entry level range): an extrapolation of the article, not a figure from it."
    ]


def test_a_profile_within_the_article_has_no_warning(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=6, current_salary=140_000), YEAR)
    assert not [n for n in notes(proj, "today") if n.startswith("⚠")]
    assert not [x for x in breakdown(proj, 3, "today", "base").lines if "anything the article" in x.label]
    # In nominal dollars inflation alone takes the last years above the article: the note counts the chart's marks.
    marks = proj.outside_article("nominal")
    marked = [int(year) for year, mark in zip(proj.calendar_years, marks, strict=True) if mark]
    assert len(marked) > 1
    assert marked == list(range(marked[0], 2026 + 30))
    assert [n for n in notes(proj, "nominal") if n.startswith("⚠")] == [
        f"⚠ {len(marked)} years from {marked[0]} above the article's largest figure, {CEILING}, in nominal dollars: "
        "marked on the chart and in the table."
    ]
    last = breakdown(proj, proj.horizon - 1, "nominal", "base").lines
    assert next(x.detail for x in last if x.label == "⚠ Above anything the article reports").endswith(
        "not a figure from it (inflation alone takes it there)."
    )


def test_a_salary_from_the_pay_history_says_so_and_a_promotion_beyond_the_horizon_too(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6, pay_history={2024: 100_000}, assumptions=Assumptions(horizon_years=3))
    proj = project(dataset, profile, YEAR)
    assert notes(proj, "nominal")[1] == (
        "Today's salary: your 2024 salary from your pay history, $100,000 (the current salary field is empty; a "
        "salary typed there takes precedence)."
    )
    assert next_step_text(proj) == "Next: Senior level after 2028 (beyond the horizon)"  # 6 years now, the article's 10


@pytest.mark.parametrize(
    ("years", "ticked", "reason"),
    [
        (6, 4, "at 8 years of experience: 4 of 4 of its skills ticked, 2 years before the article's 10 years"),
        (6, 2, "at 10 years of experience: 2 of 4 of its skills ticked, on the article's 10 years"),
        (6, 0, "at 12 years of experience: 0 of 4 of its skills ticked, 2 years after the article's 10 years"),
        (6, 3, "at 9 years of experience: 3 of 4 of its skills ticked, 1 year before the article's 10 years"),
    ],
)
def test_the_promotion_to_senior_says_when_and_why(dataset: Dataset, years: float, ticked: int, reason: str) -> None:
    profile = Profile(years_of_experience=years, skills=senior_skills(dataset, ticked))
    plan = project(dataset, profile, YEAR).plans[2]
    assert promotion_reason(plan, profile.assumptions) == reason + " (promotion shift 2 years, an assumption)"


def test_a_promotion_held_back_by_the_previous_one_says_so(dataset: Dataset) -> None:
    # 9.5 years at mid level with every senior skill: the article's 10 years less 2 would be 8, already past;
    # a year after today (no earlier step) plus 2 × 0 skills missing gives 10.5.
    profile = Profile(years_of_experience=9.5, skills=senior_skills(dataset, 4))
    plan = project(dataset, profile, YEAR).plans[2]
    assert promotion_reason(plan, profile.assumptions) == (
        "at 10.5 years of experience: 4 of 4 of its skills ticked, 2 years before the article's 10 years "
        "(promotion shift 2 years, an assumption); not sooner than a year after the previous step plus 2 years × "
        "the share of its skills not ticked"
    )
    assert promotion_reason(project(dataset, profile, YEAR).plans[1], profile.assumptions) == ""  # today's level


def test_one_year_below_and_a_salary_above_in_nominal_dollars_without_inflations_excuse(dataset: Dataset) -> None:
    low = project(dataset, Profile(current_salary=50_000, assumptions=Assumptions(horizon_years=1)), YEAR)
    assert notes(low, "today")[-1].startswith("⚠ 1 year below the article's smallest figure, $70,000")
    high = project(dataset, Profile(years_of_experience=12, current_salary=300_000), YEAR)
    above = [x.detail for x in breakdown(high, 0, "nominal", "base").lines if x.label.startswith("⚠ Above")]
    assert above == [
        f"$300,000 (2026 dollars) is more than the article's largest figure, {CEILING}: an extrapolation of the "
        "article, not a figure from it."
    ]


def test_a_salary_in_an_industry_compared_for_all_industries_divides_by_its_factor(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6, current_salary=120_000, industry="education")
    proj = project(dataset, profile, YEAR, basis=pay_basis(dataset))
    detail = next(x.detail for x in breakdown(proj, 0, "today", "base").lines if x.label.startswith("Today's"))
    assert detail.startswith(
        "your $120,000 at Education ÷ ($103,000 ÷ $116,000) (the two pay factors, 1.0000 and 0.8879): the same place"
    )


def test_a_salary_for_all_industries_compared_at_an_employer_shows_the_two_factors(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6, current_salary=100_000)
    proj = project(dataset, profile, YEAR, basis=pay_basis(dataset, employer="google"))
    detail = next(x.detail for x in breakdown(proj, 0, "today", "base").lines if x.label.startswith("Today's"))
    assert detail == (
        "your $100,000 × $148,000 ÷ $116,000 (the two pay factors, 1.2759 and 1.0000): the same place relative to the "
        "ranges"
    )


def test_a_promotion_to_a_level_whose_years_are_inferred_says_so(
    dataset: Dataset, data_copy: Callable[[Callable[[dict[str, Any]], None]], Path]
) -> None:
    def inferred(data: dict[str, Any]) -> None:
        data["levels"][2]["experience"]["basis"] = "inferred"

    other = load_dataset(data_copy(inferred))
    profile = Profile(years_of_experience=6, skills=senior_skills(other, 2))
    reason = promotion_reason(project(other, profile, YEAR).plans[2], profile.assumptions)
    assert reason == (
        "at 10 years of experience: 2 of 4 of its skills ticked, on the article's 10 years (promotion shift 2 "
        "years, an assumption) (the article gives no years for Senior level: inferred)"
    )


def test_a_promotion_held_back_by_less_than_a_year_says_so_too(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=7.5, skills=senior_skills(dataset, 4))  # 10 - 2 = 8, but 7.5 + 1 = 8.5
    assert promotion_reason(project(dataset, profile, YEAR).plans[2], profile.assumptions).startswith(
        "at 8.5 years of experience: 4 of 4 of its skills ticked, 2 years before the article's 10 years (promotion "
        "shift 2 years, an assumption); not sooner than a year after the previous step"
    )


def test_the_promotion_and_range_limit_lines_say_what_they_count(dataset: Dataset) -> None:
    near_top = project(dataset, Profile(years_of_experience=6, current_salary=178_000), YEAR)
    at_top = breakdown(near_top, 3, "today", "base")
    limits = next(x for x in at_top.lines if x.label == "Limits of the range")
    assert (limits.detail, limits.kind) == (
        "raises stop at the top of the level's range (a salary already above it gets no raise beyond inflation); a "
        "level you were promoted into pays at least its bottom",
        "derived",
    )
    promoted = project(dataset, Profile(years_of_experience=6, current_salary=140_000), YEAR)
    line = next(x for x in breakdown(promoted, 6, "today", "base").lines if x.label == "Promotions")
    assert (line.detail, line.kind) == (
        "+10% at each promotion (an assumption), and at least the bottom of the new level's range",
        "assumption",
    )


def test_a_salary_scaled_above_the_article_is_held_at_its_largest_figure(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=12, current_salary=250_000, industry="education")
    proj = project(dataset, profile, YEAR, basis=pay_basis(dataset, employer="amazon"))
    assert proj.base[0] == 280_000
    held = [x for x in breakdown(proj, 0, "today", "base").lines if x.label == "Held at the article's largest figure"]
    assert [(x.amount, x.detail) for x in held] == [
        (None, f"your salary scaled to Amazon would be above {CEILING}; it is held there")
    ]


def test_exactly_ten_years_says_the_article_is_ambiguous_where_it_sets_the_level(dataset: Dataset) -> None:
    # Issue 24 item 11: mid level is "five to ten" years, senior "more than ten"; the app counts 10 as senior.
    said = "Exactly 10 years of experience is ambiguous in the article, which says “A mid-level"
    first = notes(project(dataset, Profile(years_of_experience=10), YEAR), "today")[0]
    assert said in first
    assert first.endswith("the app counts 10 years as Senior level.")
    for years in (9.9, 10.5, 5, 0):
        assert "ambiguous" not in notes(project(dataset, Profile(years_of_experience=years), YEAR), "today")[0]
    chosen = notes(project(dataset, Profile(years_of_experience=10, current_level="senior"), YEAR), "today")[0]
    assert "ambiguous" not in chosen  # the user chose the level: nothing was read from the years
    half = dict.fromkeys([sk.id for sk in dataset.skill_group("senior").skills][:2], ON)
    proj = project(dataset, Profile(years_of_experience=6, skills=half), YEAR)
    assert proj.level_changes() == [(4, 2)]  # at the article's 10 years exactly
    assert said in breakdown(proj, 4, "today", "base").lines[0].detail
    later = project(dataset, Profile(years_of_experience=6), YEAR)  # at 12 years: no ambiguity
    assert "ambiguous" not in breakdown(later, 8, "today", "base").lines[0].detail


def test_the_next_step_names_the_year_of_the_next_level_or_says_there_is_none(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=6), YEAR)
    year = int(proj.calendar_years[proj.promotion_t(proj.plans[2].index)])
    assert next_step_text(proj) == f"Next: Senior level in {year}"
    top = project(dataset, Profile(years_of_experience=15), YEAR)
    assert next_step_text(top) == "Senior level is the top level the article describes"
