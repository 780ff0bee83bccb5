"""The profile of issue 27's report: six years in, $145,000 in Seattle, three years of pay history, two skills
planned, up to five scenarios drawn and two job offers. Every skill id is one the dataset knows (a test checks)."""

from __future__ import annotations

import datetime as dt

from planner.domain.plans import AssumptionChanges, Offer, PlannedSkill, Scenario
from planner.domain.profile import Profile, TickedSkill

SEATTLE = "0042660"  # Seattle-Tacoma-Bellevue, WA

TICKED = (
    "general.data-preprocessing",
    "general.feature-engineering",
    "general.model-selection",
    "general.deployment",
    "entry.python",
    "entry.mathematics",
    "entry.ml-frameworks",
    "entry.data-modelling",
    "entry.software-engineering",
    "mid.deep-learning",
    "mid.keras-pytorch",
)


def report_offers(today: dt.date) -> list[Offer]:
    return [
        Offer(
            id="offer-1",
            employer_name="Example Analytics",
            base=158_000,
            bonus_percent=10,
            sign_on=25_000,
            equity_grant=120_000,
            refresher_percent=20,
            added_on=today,
        ),
        Offer(
            id="offer-2",
            employer_name="Rainier Robotics",
            base=150_000,
            bonus_percent=5,
            equity_grant=60_000,
            vesting="cliff",
            industry="manufacturing",
            added_on=today,
        ),
    ]


def report_scenarios(count: int) -> list[Scenario]:
    all_five = [
        Scenario(id="scenario-1", name="Take the offer", offer="offer-1"),
        Scenario(id="scenario-2", name="Consumer goods, faster raises", industry="consumer-goods",
                 assumptions=AssumptionChanges(yearly_raise=0.04)),
        Scenario(id="scenario-3", name="Senior at Amazön", employer="amazon", current_level="senior"),
        Scenario(id="scenario-4", name="Finance", industry="finance"),
        Scenario(id="scenario-5", name="Rainier offer", offer="offer-2"),
    ]  # fmt: skip
    return all_five[:count]


def report_profile(today: dt.date, *, scenarios: int = 3, offers: int = 2) -> Profile:
    ticked = TickedSkill(ticked_on=today.replace(day=1))
    return Profile(
        years_of_experience=6,
        current_salary=145_000,
        industry="software-it",
        skills=dict.fromkeys(TICKED, ticked),
        plan={
            "mid.distributed-computing": PlannedSkill(by=dt.date(today.year + 1, 6, 1), planned_on=today),
            "mid.neural-networks": PlannedSkill(by=dt.date(today.year + 2, 3, 1), planned_on=today),
        },
        pay_history={today.year - 3: 118_000, today.year - 2: 126_500, today.year - 1: 138_000},
        offers=report_offers(today)[:offers] if offers else [],
        scenarios=[s for s in report_scenarios(scenarios) if offers > 1 or s.offer != "offer-2"][:scenarios]
        if offers
        else [s for s in report_scenarios(5) if s.offer is None][:scenarios],
        market_area=SEATTLE,
    )
