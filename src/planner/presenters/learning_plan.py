"""The learning plan in words: its steps on the Skills tab and its marks on the Projection tab's chart.

The figures come from the domain (``plan_effects.plan_steps``, ``Projection.plan_pays_from``); this module only
words them. Skill names come from the data file: escaped once where they join rich text (``escape``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from planner.domain.money import usd
from planner.domain.plans import PlannedSkill
from planner.domain.text import escape

if TYPE_CHECKING:  # the engine (numpy) is imported when first needed, not with the Skills tab
    from planner.domain.plan_effects import PlanStep
    from planner.domain.projection import Projection
    from planner.domain.projection_basis import FloatArray


def month_name(day: dt.date) -> str:
    """June 2027"""
    return f"{day:%B %Y}"


def short_month(day: dt.date) -> str:
    """Jun 2027"""
    return f"{day:%b %Y}"


# --- the Skills tab's list -----------------------------------------------------------------------------------


def step_line(step: PlanStep, horizon: int) -> tuple[str, str]:
    """One step of the plan as (rich text, plain text):
    "June 2027 · Deep learning: +$1,200 a year by 2031, +$41,000 over 30 years"."""
    overdue = " (overdue: its month has passed and it is not ticked)" if step.overdue else ""
    if step.ahead >= 0.5:
        amounts = f"+{usd(step.ahead)} a year by {step.at_year}, +{usd(step.total)} over {horizon} years"
        rich_amounts = (
            f"<b>+\u2060{usd(step.ahead)}</b>&nbsp;a&nbsp;year by&nbsp;{step.at_year}, "
            f"<b>+\u2060{usd(step.total)}</b> over&nbsp;{horizon}&nbsp;years"
        )
    elif step.adds:  # it pays later (at a higher level)
        amounts = f"nothing yet by {step.at_year}, +{usd(step.total)} over {horizon} years"
        rich_amounts = (
            f"nothing yet by&nbsp;{step.at_year}, <b>+\u2060{usd(step.total)}</b> over&nbsp;{horizon}&nbsp;years"
        )
    else:
        amounts = rich_amounts = f"adds nothing over {horizon} years"
    when = month_name(step.by)
    plain = f"{when} · {step.skill.name}{overdue}: {amounts}"
    rich_overdue = f" <i>{escape(overdue.strip())}</i>" if overdue else ""
    rich = f"{when.replace(' ', '&nbsp;')} · {escape(step.skill.name)}{rich_overdue}: {rich_amounts}"
    return rich, plain


def plan_list(steps: Sequence[PlanStep], horizon: int, words: str = "base salary, today's dollars") -> tuple[str, str]:
    """The whole plan as (rich text, plain text), in date order, with a note saying what the figures are."""
    if not steps:
        text = (
            "Nothing planned yet. Select a skill you have not ticked, choose a month and press Plan: "
            "the projection counts it from that year."
        )
        return text, text
    lines = [step_line(s, horizon) for s in steps]
    note = (
        f"{words[:1].upper()}{words[1:]}, as on the Projection tab: what each step adds to the projection with the "
        "steps before it (derived from the projection). A planned skill counts from its year; ticking it when "
        "learned keeps its month."
    )
    rich = "<ol style='margin-left:-20px'>" + "".join(f"<li>{r}</li>" for r, _p in lines) + "</ol>"
    return rich + f"<small>{note}</small>", "; ".join(p for _r, p in lines) + f". {note}"


# --- the Projection tab's marks --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanMark:
    x: float  # calendar year
    y: float  # the projected curve there, as drawn
    label: str  # short, beside the mark
    tip: str  # in full, on hover


def plan_marks(proj: Projection, y: FloatArray, plan: Mapping[str, PlannedSkill]) -> tuple[PlanMark, ...]:
    """A mark on the projected curve ``y`` (as drawn) at each month of the learning plan (skills planned in the same
    month share one), labelled with the skills and the month; the tooltip says from when the projection counts them
    (``Projection.plan_pays_from``)."""
    if not plan:
        return ()
    skills = proj.dataset.all_skills()
    names = {sk.id: sk.name for sk in skills}
    order = {sk.id: n for n, sk in enumerate(skills)}
    pays_from = {i: t for t, ids in proj.plan_pays_from() for i in ids}
    first, last = int(proj.calendar_years[0]), int(proj.calendar_years[-1])
    years = proj.calendar_years.astype(float)
    months: dict[tuple[int, int], list[str]] = {}
    for skill_id in sorted((i for i in plan if i in pays_from), key=lambda i: (plan[i].by, order.get(i, 0))):
        by = plan[skill_id].by
        months.setdefault((by.year, by.month), []).append(skill_id)
    marks = []
    for (year, month), planned in months.items():
        if year > last:
            continue
        # The mark sits in the year its month falls in (June 2027: a little before the middle of 2027).
        x = min(max(year + (month - 1) / 12, float(first)), float(last))
        first_name = names.get(planned[0], planned[0])
        when = short_month(plan[planned[0]].by)
        label = f"{first_name} ({when})" if len(planned) == 1 else f"{first_name} and {len(planned) - 1} more ({when})"
        listed = ", ".join(f"{names.get(i, i)} (by {month_name(plan[i].by)})" for i in planned)
        t = pays_from[planned[0]]
        counts = first + max(t - (1 if proj.salary_mode else 0), 0)
        they = "they count" if len(planned) > 1 else "it counts"
        how = (
            f"{they} from {counts}, and your pay moves from {first + t} (your salary is this year's pay)"
            if proj.salary_mode
            else f"{they} from {counts}"
        )
        tip = f"Learning plan: {listed}. In the projection {how}."
        marks.append(PlanMark(x, float(np.interp(x, years, y)), label, tip))
    return tuple(marks)
