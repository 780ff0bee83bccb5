"""Changing the profile in a test as the app does: through ``ProfileSession.edit``, the one path every tab uses
(validated, one step of Edit > Undo, announced with what it changed)."""

from __future__ import annotations

import datetime as dt

from planner.domain.profile import TickedSkill
from planner.presenters.session import ProfileSession


def tick(session: ProfileSession, skill_id: str, ticked: bool = True, on: dt.date | None = None) -> None:
    """Tick (or untick) one skill, as the Skills tab does, dated ``on`` (today when not given)."""
    skills = {k: v for k, v in session.profile.skills.items() if k != skill_id}
    if ticked:
        skills[skill_id] = TickedSkill(ticked_on=on or dt.date.today())
    session.edit(f"{'tick' if ticked else 'untick'} {skill_id}", skills=skills)


def set_assumptions(session: ProfileSession, **fields: object) -> None:
    """Change some assumptions, as the Projection tab's fields do."""
    assumptions = session.profile.assumptions.model_validate({**session.profile.assumptions.model_dump(), **fields})
    session.edit(assumptions=assumptions)


def tick_on_skills_tab(ctx: object, skill_id: str, ticked: bool = True, then: str = "projection") -> None:
    """Tick (or untick) a skill as a person does: on the Skills tab, then open the tab ``then`` to see what it did
    (a tab behind another catches up on the changes when it is shown)."""
    from planner.tabs.skills.presenter import SkillsPresenter

    window = ctx.window  # type: ignore[attr-defined]
    window.select_tab("skills")
    ctx.presenter("skills", SkillsPresenter).set_checked(skill_id, ticked)  # type: ignore[attr-defined]
    window.select_tab(then)
