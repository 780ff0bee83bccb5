"""Scenarios, offers and the learning plan in the engine: what each changes in the projection a user reads."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from pydantic import ValidationError

from planner.domain.dataset import Dataset
from planner.domain.offers import average_equity, current_job_years, offer_years
from planner.domain.plans import AssumptionChanges, Offer, PlannedSkill, Scenario
from planner.domain.profile import Assumptions, Profile, TickedSkill
from planner.domain.projection import project
from planner.domain.projection_basis import pay_basis
from planner.domain.scenarios import compare, crossing, scenario_profile, scenario_projection

YEAR = 2026
DAY = dt.date(2026, 11, 30)


def offer(**changes: object) -> Offer:
    fields: dict[str, object] = {
        "id": "offer-1",
        "employer_name": "Acme",
        "base": 170_000,
        "bonus_percent": 10,
        "sign_on": 20_000,
        "equity_grant": 200_000,
        "refresher_percent": 25,
        "added_on": DAY,
    }
    return Offer.model_validate({**fields, **changes})


def salaried(**changes: object) -> Profile:
    return Profile.model_validate(
        {"years_of_experience": 6, "current_salary": 145_000, "industry": "finance", **changes}
    )


def planned(skill: str, year: int, month: int = 6) -> dict[str, PlannedSkill]:
    return {skill: PlannedSkill(by=dt.date(year, month, 1), planned_on=DAY)}


# --- job offers ------------------------------------------------------------------------------------------------


def test_an_offer_year_by_year_worked_by_hand() -> None:
    years = offer_years(offer())
    # Grant 200,000 over 4 even years = 50,000 a year; a 25 % refresher (50,000) each year from the second
    # vests 12,500 a year: year 2 one refresher, year 3 two, year 4 three.
    assert [y.equity for y in years] == [50_000, 62_500, 75_000, 87_500]
    assert [y.refreshers for y in years] == [0, 12_500, 25_000, 37_500]
    assert [y.sign_on for y in years] == [20_000, 0, 0, 0]
    assert [y.bonus for y in years] == [17_000] * 4
    assert years[0].total == 170_000 + 17_000 + 20_000 + 50_000
    assert average_equity(offer()) == pytest.approx((50_000 + 62_500 + 75_000 + 87_500) / 4)


def test_a_custom_schedule_vests_as_typed() -> None:
    years = offer_years(offer(vesting="custom", custom_vesting=[5, 15, 40, 40], refresher_percent=0))
    assert [y.equity for y in years] == [10_000, 30_000, 80_000, 80_000]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"vesting": "custom", "custom_vesting": [25, 25, 25]}, "add up to 75 %"),
        ({"vesting": "custom", "custom_vesting": []}, "needs a percentage"),
        ({"sign_on": -1}, "greater than or equal to 0"),
        ({"employer_name": "   "}, "cannot be empty"),
        ({"base": 0}, "greater than 0"),
    ],
)
def test_an_offer_that_does_not_add_up_is_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        offer(**changes)


def test_the_current_job_on_the_same_footing() -> None:
    profile = salaried(assumptions=Assumptions(bonus_percent=10, yearly_equity=5_000))
    years = current_job_years(profile)
    assert years is not None
    assert [(y.base, y.bonus, y.equity, y.sign_on) for y in years] == [(145_000, 14_500, 5_000, 0)] * 4
    assert current_job_years(Profile()) is None


# --- scenarios -------------------------------------------------------------------------------------------------


def test_a_scenario_from_an_offer_pays_the_offers_tab_figures_year_by_year(dataset: Dataset) -> None:
    o = offer()
    profile = salaried(offers=[o], scenarios=[Scenario(id="s-1", name="Take it", offer="offer-1")])
    proj = scenario_projection(dataset, profile, profile.scenarios[0], YEAR)
    assert proj.projected("today", "base")[0] == 170_000
    # By hand, year 1 (this year): 170,000 + 10 % bonus + the 20,000 sign-on + 200,000 × 25 % vesting = 257,000:
    # the Offers tab's year 1, not the four-year average of the equity without the sign-on.
    assert proj.projected("nominal", "total")[0] == pytest.approx(257_000)
    assert proj.projected("nominal", "total")[0] == pytest.approx(offer_years(o)[0].total)
    base, total = proj.projected("nominal", "base"), proj.projected("nominal", "total")
    years = offer_years(o, proj.horizon)
    for t in range(proj.horizon):  # every year: base and bonus of the projection, sign-on and equity of the offer
        assert total[t] - base[t] * 1.1 == pytest.approx(years[t].sign_on + years[t].equity)
    # After the grant has vested (year 5 on) the refreshers assumed go on: 25 % of the grant a year, fully vesting.
    assert years[6].equity == pytest.approx(50_000)
    today = proj.projected("today", "total")
    assert today[2] == pytest.approx(proj.projected("today", "base")[2] * 1.1 + years[2].equity / 1.025**2)


def test_a_scenario_that_sets_its_own_equity_keeps_the_offers_sign_on(dataset: Dataset) -> None:
    s = Scenario(id="s-1", name="Take it", offer="offer-1", assumptions=AssumptionChanges(yearly_equity=10_000))
    profile = salaried(offers=[offer()], scenarios=[s])
    proj = scenario_projection(dataset, profile, s, YEAR)
    assert proj.projected("today", "total")[0] == pytest.approx(170_000 * 1.1 + 20_000 + 10_000)
    assert proj.projected("today", "total")[1] == pytest.approx(proj.projected("today", "base")[1] * 1.1 + 10_000)


def test_another_industry_moves_the_same_salary_by_the_two_pay_factors(dataset: Dataset) -> None:
    profile = salaried(scenarios=[Scenario(id="s-1", name="Consumer goods", industry="consumer-goods")])
    proj = scenario_projection(dataset, profile, profile.scenarios[0], YEAR)
    same = project(dataset, profile, YEAR, basis=pay_basis(dataset, industry="consumer-goods"))
    assert np.array_equal(proj.base, same.base)
    finance, consumer = pay_basis(dataset, industry="finance"), pay_basis(dataset, industry="consumer-goods")
    assert proj.base[0] == pytest.approx(145_000 * consumer.factor / finance.factor)
    assert proj.base[0] > 145_000  # the article pays consumer goods more than finance


def test_a_scenario_keeps_what_it_does_not_change(dataset: Dataset) -> None:
    s = Scenario(id="s-1", name="Faster raises", assumptions=AssumptionChanges(yearly_raise=0.05))
    profile = salaried(scenarios=[s], assumptions=Assumptions(inflation=0.03))
    own = scenario_profile(profile, s)
    assert own.assumptions.yearly_raise == 0.05
    assert own.assumptions.inflation == 0.03  # today's path's, not the default
    assert own.industry == "finance"
    assert own.current_salary == 145_000
    assert own.scenarios == []


def test_a_scenario_level_and_plan_override_today(dataset: Dataset) -> None:
    s = Scenario(id="s-1", name="Senior", current_level="senior", plan={})
    profile = salaried(scenarios=[s], plan=planned("mid.cloud-platforms", YEAR + 1))
    own = scenario_profile(profile, s)
    assert own.current_level == "senior"
    assert own.plan == {}
    today = project(dataset, profile, YEAR)
    assert today.planned_starts() == [(1, frozenset({"mid.cloud-platforms"}))]
    assert scenario_projection(dataset, profile, s, YEAR).planned_starts() == []


def test_the_differences_table_reads_against_todays_path(dataset: Dataset) -> None:
    profile = salaried(offers=[offer()], scenarios=[Scenario(id="s-1", name="Offer", offer="offer-1")])
    today = project(dataset, profile, YEAR)
    other = scenario_projection(dataset, profile, profile.scenarios[0], YEAR)
    rows = compare([("Today's path", today), ("Offer", other)], "today", "base")
    assert [r.name for r in rows] == ["Today's path", "Offer"]
    assert rows[0].pay[0] == pytest.approx(today.base[1])
    assert rows[1].pay == tuple(pytest.approx(other.base[t]) for t in (1, 3, 5, 10))
    assert rows[1].earnings == pytest.approx(other.base.sum())
    assert (rows[0].overtakes, rows[1].overtakes) == ("", "from the start")
    assert compare([("Offer", other), ("Today", today)], "today", "base")[1].overtakes == "never"
    short = salaried(assumptions=Assumptions(horizon_years=4))
    assert compare([("Short", project(dataset, short, YEAR))], "today", "base")[0].pay[2:] == (None, None)


def test_crossing_is_the_year_one_curve_stays_above_the_other() -> None:
    low, high = np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.0, 2.0, 2.0, 2.0])
    assert crossing(low, high) == 2  # equal in year 1 is not above
    assert crossing(high, low) is None  # above, then below: it never overtakes for good
    assert crossing(high + 1.0, high) == 0  # above from the start
    assert crossing(np.array([1.0, 5.0, 1.0, 5.0]), high) == 3
    assert crossing(np.array([1.0, 1.0]), high[:2]) is None


def test_scenario_names_must_differ_and_not_be_empty() -> None:
    with pytest.raises(ValidationError, match="Two scenarios are called"):
        Profile(scenarios=[Scenario(id="a", name="Plan"), Scenario(id="b", name=" plan ")])
    with pytest.raises(ValidationError, match="cannot be empty"):
        Scenario(id="a", name="  ")
    assert Scenario(id="a", name="  Two   words ").name == "Two words"


def test_a_skill_both_ticked_and_planned_keeps_the_tick() -> None:
    profile = Profile(
        skills={"mid.deep-learning": TickedSkill(ticked_on=DAY)}, plan=planned("mid.deep-learning", YEAR + 1)
    )
    assert profile.plan == {}
    assert "mid.deep-learning" in profile.skills


# --- the learning plan in the engine ----------------------------------------------------------------------------


def test_without_a_salary_a_planned_skill_steps_the_curve_up_in_its_year(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6)
    before = project(dataset, profile, YEAR).base
    after = project(dataset, profile.model_copy(update={"plan": planned("mid.deep-learning", YEAR + 2)}), YEAR).base
    assert np.array_equal(after[:2], before[:2])
    assert after[2] > before[2]
    ticked = project(dataset, profile, YEAR, extra_skills=["mid.deep-learning"]).base
    assert np.allclose(after[2:], ticked[2:])


def test_with_a_salary_a_planned_skill_reaches_the_pay_the_year_after(dataset: Dataset) -> None:
    profile = salaried()
    with_plan = profile.model_copy(update={"plan": planned("mid.deep-learning", YEAR + 1)})
    before = project(dataset, profile, YEAR).base
    proj = project(dataset, with_plan, YEAR)
    assert np.array_equal(proj.base[:2], before[:2])
    assert proj.base[2] > before[2]
    assert proj.plan_pays_from() == [(2, frozenset({"mid.deep-learning"}))]
    ticked = project(dataset, profile, YEAR, extra_skills=["mid.deep-learning"]).base
    assert (proj.base <= ticked + 1e-6).all()  # a plan is never worth more than the skill today
    assert (proj.base[2:] < ticked[2:]).any()


def test_a_month_already_past_counts_from_this_year(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6, plan=planned("mid.deep-learning", YEAR - 1))
    assert project(dataset, profile, YEAR).planned_starts() == []
    ticked = project(dataset, Profile(years_of_experience=6), YEAR, extra_skills=["mid.deep-learning"]).base
    assert np.allclose(project(dataset, profile, YEAR).base, ticked)


def test_planned_skills_the_data_does_not_know_are_ignored(dataset: Dataset) -> None:
    profile = salaried(plan=planned("gone.cobol", YEAR + 1))
    assert project(dataset, profile, YEAR).planned_starts() == []
    assert np.array_equal(project(dataset, profile, YEAR).base, project(dataset, salaried(), YEAR).base)


def test_a_planned_skill_is_worth_on_the_skills_tab_what_it_is_worth_unplanned(dataset: Dataset) -> None:
    from planner.domain.skill_effects import skill_effects

    plan = {**planned("mid.cloud-platforms", YEAR + 1), **planned("senior.compliance", YEAR + 3)}
    profile = salaried(plan=plan)
    without = salaried(plan=planned("senior.compliance", YEAR + 3))
    effects, reference = skill_effects(dataset, profile, YEAR), skill_effects(dataset, without, YEAR)
    assert effects["mid.cloud-platforms"] == reference["mid.cloud-platforms"]
    assert effects["mid.cloud-platforms"].total > 1_000
    assert effects["mid.deep-learning"].total > 0


def test_a_scenario_that_overtakes_another_says_from_which_year(dataset: Dataset) -> None:
    high_start = Scenario(id="s-1", name="Higher pay now", offer="offer-1")
    faster = Scenario(id="s-2", name="Faster raises", assumptions=AssumptionChanges(yearly_raise=0.08))
    profile = salaried(offers=[offer(base=150_000, equity_grant=0)], scenarios=[high_start, faster])
    curves = [("Today's path", project(dataset, profile, YEAR))]
    curves += [(s.name, scenario_projection(dataset, profile, s, YEAR)) for s in profile.scenarios]
    rows = compare(curves, "today", "base")
    [(other, year)] = rows[2].passes
    assert other == "Higher pay now"
    a, b = curves[2][1].base, curves[1][1].base
    t = year - YEAR
    assert a[t - 1] <= b[t - 1] + 0.5
    assert (a[t:] > b[t:] + 0.5).all()  # and stays ahead
    assert rows[1].passes == ()  # the offer starts higher and never overtakes the faster one for good


# --- a scenario started from an offer: where its salary is paid ---------------------------------------------------


def test_an_offer_matched_to_an_employer_is_paid_there_from_its_own_salary(dataset: Dataset) -> None:
    o = offer(employer="google")
    s = Scenario(id="s-1", name="Google", offer="offer-1")
    profile = salaried(offers=[o], scenarios=[s])
    own = scenario_profile(profile, s)
    assert (own.employer, own.industry, own.current_salary) == ("google", "finance", 170_000)
    proj = scenario_projection(dataset, profile, s, YEAR)
    assert proj.basis.kind == "employer"
    assert proj.basis.id == "google"
    assert proj.base[0] == 170_000  # the offer's salary as offered, not rescaled by the pay factors
    assert own.offers == profile.offers  # the profile's offers stay (the scenario still names one)


def test_an_offer_matched_to_an_industry_leaves_todays_employer(dataset: Dataset) -> None:
    o = offer(industry="education")
    s = Scenario(id="s-1", name="Teaching", offer="offer-1")
    profile = salaried(employer="amazon", offers=[o], scenarios=[s])
    own = scenario_profile(profile, s)
    assert (own.industry, own.employer) == ("education", None)
    proj = scenario_projection(dataset, profile, s, YEAR)
    assert proj.basis.kind == "industry"
    assert proj.basis.id == "education"
    assert proj.base[0] == 170_000


def test_an_unmatched_offer_keeps_todays_place(dataset: Dataset) -> None:
    s = Scenario(id="s-1", name="Acme", offer="offer-1")
    profile = salaried(employer="amazon", offers=[offer()], scenarios=[s])
    own = scenario_profile(profile, s)
    assert (own.industry, own.employer) == ("finance", "amazon")


def test_a_scenario_says_where_an_unmatched_offer_is_paid(dataset: Dataset) -> None:
    s = Scenario(id="s-1", name="Acme in education", offer="offer-1", industry="education")
    profile = salaried(employer="amazon", offers=[offer()], scenarios=[s])
    own = scenario_profile(profile, s)
    assert (own.industry, own.employer) == ("education", None)  # today's employer is not in that industry
    proj = scenario_projection(dataset, profile, s, YEAR)
    assert proj.base[0] == 170_000  # the offer's salary is paid there, not moved from finance
    # an offer matched to an employer keeps it; the scenario's industry is recorded beside it
    matched = Scenario(id="s-1", name="Google in education", offer="offer-1", industry="education")
    at_google = scenario_profile(salaried(offers=[offer(employer="google")], scenarios=[matched]), matched)
    assert (at_google.industry, at_google.employer) == ("education", "google")
    google = salaried(offers=[offer(employer="google")], scenarios=[matched])
    assert scenario_projection(dataset, google, matched, YEAR).base[0] == 170_000  # paid at Google, not moved


def test_a_scenario_employer_overrides_the_offers(dataset: Dataset) -> None:
    s = Scenario(id="s-1", name="Facebook", offer="offer-1", employer="facebook")
    profile = salaried(offers=[offer(employer="google")], scenarios=[s])
    assert scenario_profile(profile, s).employer == "facebook"
    both = Scenario(id="s-1", name="Facebook", offer="offer-1", industry="education", employer="facebook")
    own = scenario_profile(salaried(offers=[offer()], scenarios=[both]), both)
    assert (own.industry, own.employer) == ("education", "facebook")


def test_a_scenario_can_change_what_the_offer_brought() -> None:
    s = Scenario(id="s-1", name="Lower bonus", offer="offer-1", assumptions=AssumptionChanges(bonus_percent=5))
    profile = salaried(offers=[offer()], scenarios=[s], assumptions=Assumptions(bonus_percent=20, yearly_equity=1))
    a = scenario_profile(profile, s).assumptions
    assert a.bonus_percent == 5
    assert a.yearly_equity == round(average_equity(offer()))  # the offer's, not today's


def test_an_offer_whose_equity_is_beyond_the_apps_limit_still_makes_a_scenario(dataset: Dataset) -> None:
    from planner.domain.profile import MAX_SALARY

    huge = offer(equity_grant=10 * MAX_SALARY)  # 25,000,000 a year on average: more than a yearly figure may be
    s = Scenario(id="s-1", name="Unicorn", offer="offer-1")
    own = scenario_profile(salaried(offers=[huge], scenarios=[s]), s)
    assert own.assumptions.yearly_equity == MAX_SALARY


def test_a_scenario_without_those_changes_keeps_todays_area_level_and_plan() -> None:
    plan = planned("mid.cloud-platforms", YEAR + 1)
    profile = salaried(market_area="0042660", current_level="mid", plan=plan)
    own = scenario_profile(profile, Scenario(id="s-1", name="Same"))
    assert (own.market_area, own.current_level, own.plan) == ("0042660", "mid", plan)
    moved = scenario_profile(profile, Scenario(id="s-1", name="Elsewhere", market_area="0031080"))
    assert moved.market_area == "0031080"


def test_a_scenario_plan_is_used_instead_of_todays(dataset: Dataset) -> None:
    own_plan = planned("senior.compliance", YEAR + 2)
    s = Scenario(id="s-1", name="Compliance", plan=own_plan)
    own = scenario_profile(salaried(plan=planned("mid.cloud-platforms", YEAR + 1)), s)
    assert own.plan == own_plan
    # a skill ticked since the scenario was planned is no longer in its plan: the tick counts
    ticked = salaried(skills={"senior.compliance": TickedSkill(ticked_on=DAY)})
    assert scenario_profile(ticked, s).plan == {}


# --- a scenario that moves today's salary elsewhere --------------------------------------------------------------


def test_another_employer_moves_the_same_salary_by_the_employers_factor(dataset: Dataset) -> None:
    s = Scenario(id="s-1", name="Facebook", industry="software-it", employer="facebook")
    profile = salaried(scenarios=[s])
    proj = scenario_projection(dataset, profile, s, YEAR)
    assert proj.basis.kind == "employer"
    assert proj.basis.id == "facebook"
    finance, facebook = pay_basis(dataset, industry="finance"), pay_basis(dataset, employer="facebook")
    assert proj.base[0] == pytest.approx(145_000 * facebook.factor / finance.factor)


def test_a_scenario_that_keeps_todays_place_projects_todays_path(dataset: Dataset) -> None:
    s = Scenario(id="s-1", name="Same", assumptions=AssumptionChanges(inflation=0.025))
    profile = salaried(scenarios=[s])
    proj = scenario_projection(dataset, profile, s, YEAR)
    today = project(dataset, profile, YEAR)
    assert proj.basis == today.basis
    assert np.array_equal(proj.base, today.base)


# --- the differences table ---------------------------------------------------------------------------------------


def test_the_year_a_scenario_overtakes_todays_path(dataset: Dataset) -> None:
    profile = salaried()
    s = Scenario(id="s-1", name="Learn deep learning", plan=planned("mid.deep-learning", YEAR + 1))
    today = project(dataset, profile, YEAR)
    learning = scenario_projection(dataset, profile.model_copy(update={"scenarios": [s]}), s, YEAR)
    rows = compare([("Today's path", today), ("Learn", learning)], "today", "base")
    # planned for 2027, the skill reaches a salary the year after: equal until 2027, above from 2028 on
    assert rows[1].overtakes == "2028"
    assert rows[0].earnings == pytest.approx(today.base.sum())
    assert rows[1].earnings > rows[0].earnings


def test_a_scenario_that_changes_nothing_never_overtakes(dataset: Dataset) -> None:
    profile = salaried()
    today = project(dataset, profile, YEAR)
    rows = compare([("Today's path", today), ("Same", project(dataset, profile, YEAR))], "today", "base")
    assert rows[1].overtakes == "never"
    assert compare([], "today", "base") == []


def test_less_than_half_a_dollar_above_is_not_above() -> None:
    level = np.array([2.0, 2.0, 2.0])
    assert crossing(np.array([2.0, 2.4, 3.0]), level) == 2  # 40 cents are rounding, not overtaking
    assert crossing(np.array([2.0, 2.6, 3.0]), level) == 1
    assert crossing(np.array([2.0, 2.5, 3.0]), level) == 2  # half a dollar is still rounding
    assert crossing(np.array([2.6, 2.6, 2.6]), level) == 0


def test_without_a_salary_a_planned_skill_changes_the_pay_in_its_own_year(dataset: Dataset) -> None:
    proj = project(dataset, Profile(years_of_experience=6, plan=planned("mid.deep-learning", YEAR + 2)), YEAR)
    assert proj.planned_starts() == [(2, frozenset({"mid.deep-learning"}))]
    assert proj.plan_pays_from() == [(2, frozenset({"mid.deep-learning"}))]


def test_a_plan_that_reaches_the_pay_only_after_the_horizon_is_not_marked(dataset: Dataset) -> None:
    short = Assumptions(horizon_years=5)
    last_year = salaried(assumptions=short, plan=planned("mid.deep-learning", YEAR + 4))
    proj = project(dataset, last_year, YEAR)
    assert proj.planned_starts() == [(4, frozenset({"mid.deep-learning"}))]  # counts in the horizon's last year
    assert proj.plan_pays_from() == []  # but reaches a salary only the year after
    year_before = project(dataset, salaried(assumptions=short, plan=planned("mid.deep-learning", YEAR + 3)), YEAR)
    assert year_before.plan_pays_from() == [(4, frozenset({"mid.deep-learning"}))]
    beyond = project(dataset, salaried(assumptions=short, plan=planned("mid.deep-learning", YEAR + 5)), YEAR)
    assert beyond.planned_starts() == []


def test_the_range_band_and_the_curve_are_shown_in_the_same_dollars_and_pay(dataset: Dataset) -> None:
    profile = salaried(assumptions=Assumptions(inflation=0.03, bonus_percent=10, yearly_equity=20_000))
    proj = project(dataset, profile, YEAR)
    today = proj.series("today", "base")
    shown = proj.series("nominal", "total")
    index = 1.03 ** np.arange(proj.horizon)
    for part in ("low", "projected", "high"):
        assert getattr(shown, part) == pytest.approx((getattr(today, part) * 1.1 + 20_000) * index)
    assert (shown.low <= shown.high).all()


def test_the_differences_table_in_nominal_dollars_and_total_pay(dataset: Dataset) -> None:
    # The scenario learns a skill but takes a smaller bonus: its base salary overtakes today's path once the skill
    # reaches the pay, its total pay never does.
    learn = {"mid.deep-learning": PlannedSkill(by=dt.date(YEAR + 1, 1, 1), planned_on=DAY)}
    s = Scenario(id="s-1", name="Learn, less bonus", plan=learn, assumptions=AssumptionChanges(bonus_percent=9))
    profile = salaried(scenarios=[s], assumptions=Assumptions(bonus_percent=10))
    today, other = project(dataset, profile, YEAR), scenario_projection(dataset, profile, s, YEAR)
    pairs = [("Today's path", today), ("Learn, less bonus", other)]
    assert compare(pairs, "today", "base")[1].overtakes == str(YEAR + 2)
    assert compare(pairs, "nominal", "base")[1].overtakes == str(YEAR + 2)
    rows = compare(pairs, "nominal", "total")
    assert rows[1].overtakes == "never"
    mine, theirs = today.projected("nominal", "total"), other.projected("nominal", "total")
    assert rows[0].pay == tuple(pytest.approx(mine[t]) for t in (1, 3, 5, 10))
    assert rows[1].pay == tuple(pytest.approx(theirs[t]) for t in (1, 3, 5, 10))
    assert (rows[0].earnings, rows[1].earnings) == (pytest.approx(mine.sum()), pytest.approx(theirs.sum()))


def test_a_scenarios_assumptions_replace_only_the_ones_it_changes_and_never_read_minus_zero() -> None:
    base = Assumptions(inflation=0.02, yearly_raise=0.04, skill_pace=0.5)
    changed = AssumptionChanges(yearly_raise=-0.0, promotion_raise=0.2).apply(base)
    assert changed.yearly_raise == 0.0
    assert math.copysign(1.0, changed.yearly_raise) == 1.0  # never "-0 %"
    assert changed.promotion_raise == 0.2
    assert (changed.inflation, changed.skill_pace, changed.horizon_years) == (0.02, 0.5, base.horizon_years)
    assert AssumptionChanges().apply(base) == base
    assert base.yearly_raise == 0.04  # the profile's own assumptions stay as they were


def test_an_offers_bonus_of_minus_zero_reads_zero_in_its_scenario() -> None:
    profile = Profile(
        offers=[offer(bonus_percent=-0.0)], scenarios=[Scenario(id="s-1", name="Take it", offer="offer-1")]
    )
    own = scenario_profile(profile, profile.scenarios[0])
    assert own.assumptions.bonus_percent == 0.0
    assert math.copysign(1.0, own.assumptions.bonus_percent) == 1.0  # never "-0 %"
