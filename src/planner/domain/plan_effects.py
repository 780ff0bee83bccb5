"""What each step of the learning plan adds to the projection (pure; no Qt).

The plan's steps are its planned skills in date order (skills planned for the same month in the dataset's order).
A step adds the projection with the plan up to and including it minus the projection with the plan up to before
it: base salary, today's dollars, in the profile's industry or at its employer (``project``). Skills planned for
the same year count from the same year, so between them the order decides which one a shared gain is credited to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from planner.domain.dataset import Dataset, Skill
from planner.domain.plans import PlannedSkill, planned_year
from planner.domain.profile import Profile
from planner.domain.projection import project
from planner.domain.projection_basis import Comp, Dollars

if TYPE_CHECKING:
    from planner.domain.taxes import TaxSetting


@dataclass(frozen=True)
class PlanStep:
    skill: Skill
    group: str  # the skill's group on the Skills tab ("General", or its level's name)
    by: dt.date  # the month planned (its first day)
    counts_from: int  # the calendar year from which the projection counts it
    overdue: bool  # its month has passed and it is not ticked
    at_year: int  # the calendar year ``ahead`` is measured in
    ahead: float  # what the step adds to the projected base salary in ``at_year`` (today's dollars a year)
    total: float  # what it adds to the earnings over the horizon (today's dollars)

    @property
    def adds(self) -> bool:
        return self.ahead >= 0.5 or self.total >= 0.5


def plan_order(dataset: Dataset, plan: dict[str, PlannedSkill]) -> list[tuple[Skill, str, PlannedSkill]]:
    """The planned skills the dataset knows, by month, then in the dataset's order; unknown ids are left out."""
    order = [
        (sk, group.level.name if group.level is not None else "General")
        for group in dataset.skill_groups()
        for sk in group.skills
    ]
    rank = {sk.id: n for n, (sk, _group) in enumerate(order)}
    known = [(sk, group, plan[sk.id]) for sk, group in order if sk.id in plan]
    return sorted(known, key=lambda item: (item[2].by, rank[item[0].id]))


def plan_steps(
    dataset: Dataset,
    profile: Profile,
    today: dt.date,
    years_ahead: int = 5,
    dollars: Dollars = "today",
    comp: Comp = "base",
    taxes: TaxSetting | None = None,
) -> list[PlanStep]:
    """Each step of the learning plan with what it adds (see the module's docstring).

    ``ahead`` is measured ``years_ahead`` years from now, or in the first year the step changes the pay when that
    is later (within the horizon). Skills already ticked are not steps."""
    year = today.year
    steps = [item for item in plan_order(dataset, profile.plan) if item[0].id not in profile.skills]
    if not steps:
        return []
    horizon = profile.assumptions.horizon_years
    this_month = today.replace(day=1)
    # The projection with the plan up to before each step, and with the whole plan last.
    plans: list[dict[str, PlannedSkill]] = [{}]
    for sk, _group, planned in steps:
        plans.append({**plans[-1], sk.id: planned})
    curves = [project(dataset, profile.model_copy(update={"plan": plan}), year, taxes=taxes) for plan in plans]
    result: list[PlanStep] = []
    for n, (sk, group, planned) in enumerate(steps):
        before, after = curves[n], curves[n + 1]
        diff = np.maximum(after.projected(dollars, comp) - before.projected(dollars, comp), 0.0)
        start = planned_year(planned, year)
        pays_from = start + (1 if after.salary_mode else 0)
        at = min(max(years_ahead, pays_from), horizon - 1)
        result.append(
            PlanStep(
                skill=sk,
                group=group,
                by=planned.by,
                counts_from=year + start,
                overdue=planned.by < this_month,
                at_year=year + at,
                ahead=float(diff[at]),
                total=float(diff[:horizon].sum()),
            )
        )
    return result
