"""What ticking a skill is worth: for every skill not ticked yet, how much it raises the projected base salary (a
few years ahead and over the horizon), and the skills that add most, ranked (ties as one). Pure (no Qt); what the
Skills tab and the summary show, worked out with the projection engine (``planner.domain.projection``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from planner.domain.dataset import Dataset, Skill
from planner.domain.profile import Profile
from planner.domain.projection import _project, ticked_ids
from planner.domain.projection_basis import Comp, Dollars, FloatArray

if TYPE_CHECKING:
    from planner.domain.taxes import TaxSetting


@dataclass(frozen=True)
class SkillEffect:
    skill: Skill
    group: str  # the level's name, or "General"
    ahead: float  # a year, ``years_ahead`` years from now (in the dollars and pay asked for)
    total: float  # summed over the horizon (in the dollars and pay asked for)


def skill_effects(
    dataset: Dataset,
    profile: Profile,
    current_year: int,
    years_ahead: int = 5,
    dollars: Dollars = "today",
    comp: Comp = "base",
    taxes: TaxSetting | None = None,
) -> dict[str, SkillEffect]:
    """For every skill of the dataset not ticked yet: how much ticking it today raises the projected base salary
    ``years_ahead`` years from now and the earnings over the horizon, in today's dollars, in the profile's
    industry or at its employer, with the rest of the learning plan as it is. A planned skill is measured against
    the plan without it, so every skill's figure says what the skill itself is worth. Never negative (ticking a
    skill never lowers the curve). ``dollars`` and ``comp``: the Projection tab's choice, so a skill's total is
    exactly what ticking it adds to that tab's total (take-home pay: with ``taxes``, the tab's own)."""
    ticked = ticked_ids(dataset, profile)
    horizon = max(profile.assumptions.horizon_years, years_ahead + 1)

    def base(profile: Profile, skills: frozenset[str]) -> FloatArray:
        return _project(dataset, profile, skills, current_year, None, horizon, taxes).projected(dollars, comp)

    before = base(profile, ticked)
    span = profile.assumptions.horizon_years
    effects: dict[str, SkillEffect] = {}
    for group in dataset.skill_groups():
        for sk in group.skills:
            if sk.id in ticked:
                continue
            start = before
            if sk.id in profile.plan:
                unplanned = profile.model_copy(update={"plan": {k: v for k, v in profile.plan.items() if k != sk.id}})
                start = base(unplanned, ticked)
            diff = np.maximum(base(profile, ticked | {sk.id}) - start, 0.0)
            name = group.level.name if group.level is not None else "General"
            effects[sk.id] = SkillEffect(sk, name, float(diff[years_ahead]), float(diff[:span].sum()))
    return effects


@dataclass(frozen=True)
class SkillTie:
    """Skills that add the same (to the dollar): ranked as one."""

    effects: tuple[SkillEffect, ...]

    @property
    def ahead(self) -> float:
        return self.effects[0].ahead

    @property
    def total(self) -> float:
        return self.effects[0].total


def rank_skills(effects: Iterable[SkillEffect], limit: int = 5) -> list[SkillTie]:
    """The unticked skills that add most over the horizon, best first, skills that add the same grouped as
    one; skills that add nothing are left out. At most ``limit`` groups."""
    groups: dict[tuple[int, int], list[SkillEffect]] = {}
    for e in effects:
        if e.total < 0.5 and e.ahead < 0.5:
            continue
        groups.setdefault((round(e.total), round(e.ahead)), []).append(e)
    ranked = sorted(groups.items(), key=lambda kv: (-kv[0][0], -kv[0][1]))
    return [SkillTie(tuple(members)) for _key, members in ranked[:limit]]
