"""The "Why this number?" lines as the user reads them: each formula with the figures it uses."""

from __future__ import annotations

import pytest

from planner.domain.dataset import Dataset
from planner.domain.profile import Assumptions, Profile
from planner.domain.projection import project
from planner.domain.projection_basis import pay_basis
from planner.domain.projection_text import Breakdown, breakdown

YEAR = 2026


def line(b: Breakdown, label_start: str) -> tuple[float | None, str]:
    found = [x for x in b.lines if x.label.startswith(label_start)]
    assert len(found) == 1, [x.label for x in b.lines]
    return found[0].amount, found[0].detail


def test_raises_and_inflation_show_their_arithmetic(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=6, current_salary=120_000), YEAR)
    five = breakdown(proj, 5, "nominal", "base")
    _, raises = line(five, "Raises beyond inflation")
    assert raises == "5 years at (1 + 3.0%) ÷ (1 + 2.5%) = ×1.0049 a year"
    one = breakdown(proj, 1, "nominal", "base")
    assert line(one, "Raises beyond inflation")[1].startswith("1 year at ")
    amount, detail = line(five, "Inflation to 2031 dollars")
    assert detail == "× (1 + 2.5%)^5 = ×1.1314"
    assert amount == pytest.approx(proj.base[5] * (1.025**5 - 1))
    assert five.total == pytest.approx(proj.projected("nominal", "base")[5])
    assert all(not x.label.startswith("Inflation") for x in breakdown(proj, 5, "today", "base").lines)


def test_total_pay_lists_the_bonus_and_the_equity_with_inflation(dataset: Dataset) -> None:
    a = Assumptions(bonus_percent=10, yearly_equity=20_000)
    proj = project(dataset, Profile(years_of_experience=6, current_salary=120_000, assumptions=a), YEAR)
    b = breakdown(proj, 2, "nominal", "total")
    base = proj.projected("nominal", "base")[2]
    bonus, bonus_detail = line(b, "Bonus")
    assert bonus == pytest.approx(base * 0.10)
    assert bonus_detail.startswith("10% of the base salary $")
    equity, equity_detail = line(b, "Equity")
    assert equity == pytest.approx(20_000 * 1.025**2)
    assert equity_detail == "$20,000 a year in today's dollars, × 1.0506 inflation"
    assert b.total == pytest.approx(proj.projected("nominal", "total")[2])
    today = breakdown(proj, 2, "today", "total")
    assert line(today, "Equity") == (20_000, "$20,000 a year in today's dollars")


def test_a_salary_above_todays_range_says_so_with_the_range(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=6, current_salary=190_000), YEAR)
    _, detail = line(breakdown(proj, 0, "nominal", "base"), "Today's salary: your current salary")
    assert detail == (
        "what you entered: your pay today, taken as it is; above the Mid level range ($99,000 – $180,000)"
    )


def test_a_salary_compared_elsewhere_shows_the_two_pay_factors(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6, current_salary=120_000, industry="education")
    proj = project(dataset, profile, YEAR, basis=pay_basis(dataset, industry="finance"))
    _, detail = line(breakdown(proj, 0, "nominal", "base"), "Today's salary")
    f_fin, f_edu = 120_000 / 116_000, 103_000 / 116_000
    assert detail.startswith(
        f"your $120,000 at Education × $120,000 ÷ $116,000 ÷ ($103,000 ÷ $116,000) (the two pay factors, {f_fin:.4f} "
        f"and {f_edu:.4f}): the same place"
    )


def test_a_range_at_an_industry_prints_arithmetic_that_checks_to_the_dollar(dataset: Dataset) -> None:
    # Issue 24 item 9: "× pay factor 1.03" did not give $102,414 from $99,000 (the engine uses 120,000 ÷ 116,000).
    proj = project(dataset, Profile(years_of_experience=6, current_salary=145_000, industry="finance"), YEAR)
    first = breakdown(proj, 0, "today", "base").lines[0]
    assert first.detail.startswith(
        "$102,414 – $186,207 = the article's $99,000 – $180,000 × $120,000 ÷ $116,000; pay factor 1.0345 = Finance"
    )
    assert round(99_000 * 120_000 / 116_000) == 102_414
    assert round(180_000 * 120_000 / 116_000) == 186_207
    amazon = project(dataset, Profile(years_of_experience=12, employer="amazon"), YEAR)
    senior = breakdown(amazon, 0, "today", "base").lines[0]
    assert senior.detail.startswith("$157,843 – $280,000 = the article's $115,000 – $204,000 × $280,000 ÷ $204,000;")
    assert round(115_000 * 280_000 / 204_000) == 157_843


def test_years_beyond_the_articles_figures_are_flagged_and_inflation_named(dataset: Dataset) -> None:
    every = {sk: {"ticked_on": "2026-01-01"} for sk in dataset.skill_ids()}
    profile = Profile.model_validate(
        {"years_of_experience": 12, "employer": "facebook", "skills": every, "schema_version": 4}
    )
    proj = project(dataset, profile, YEAR)
    last = proj.horizon - 1
    _, detail = line(breakdown(proj, last, "nominal", "base"), "⚠ Above anything the article reports")
    assert detail.endswith(" (inflation alone takes it there).")
    assert f"({YEAR + last} dollars)" in detail
    assert all("anything the article reports" not in x.label for x in breakdown(proj, last, "today", "base").lines)


def test_the_skills_line_counts_planned_skills_from_their_year(dataset: Dataset) -> None:
    import datetime as dt

    from planner.domain.plans import PlannedSkill

    def by(year: int, month: int) -> PlannedSkill:
        return PlannedSkill(by=dt.date(year, month, 1), planned_on=dt.date(2026, 11, 30))

    plan = {"mid.deep-learning": by(2028, 6), "mid.neural-networks": by(2029, 6), "mid.cloud-platforms": by(2029, 3)}
    salaried = project(dataset, Profile(years_of_experience=6, current_salary=145_000, plan=plan), YEAR)
    before = line(breakdown(salaried, 1, "today", "base"), "Your skills")[1]
    assert before.startswith("0 of the 21 skills expected at Mid level ticked")
    assert "planned" not in before
    first = line(breakdown(salaried, 2, "today", "base"), "Your skills")[1]
    assert first.startswith("1 of the 21 skills expected at Mid level ticked")  # counted from its own year
    assert first.endswith("; 1 of them planned (your learning plan), counted from 2028")
    assert "closes at 25% a year, the skill pace, an assumption, from the year they count" in first
    amount, later = line(breakdown(salaried, 4, "today", "base"), "Your skills")
    assert later.startswith("3 of the 21 skills expected at Mid level ticked")
    assert f"{salaried.target[4]:,.0f}; by 2030 your pay covers {salaried.ramp[4]:.0%} of the distance" in later
    assert later.endswith("; 3 of them planned (your learning plan), counted from 2028, 2029")
    assert amount == pytest.approx(salaried.base[4] - salaried.plain[4])
    assert amount > 0

    bottom = project(dataset, Profile(years_of_experience=6, plan=plan), YEAR)
    amount, detail = line(breakdown(bottom, 2, "today", "base"), "Your skills")
    assert detail == (
        "1 of the 21 skills expected at Mid level ticked (general skills and those of Mid level and every level "
        "below): 5% of the way from where your pay sits in the range to its top; 1 of them planned (your learning "
        "plan), counted from 2028"
    )
    assert amount == pytest.approx(bottom.base[2] - bottom.plain[2])
    assert amount > 0
