"""What a change of the profile did to the projection, in one line of words and dollars (the Projection tab's
headline under the figures): "Tick “Deep learning”: +$71,295 over 30 years · Senior level a year sooner".

Plain data in, plain text out (no Qt): the presenter hands in the projection before and after the change, as
shown (the same dollars and pay).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.domain.money import usd
from planner.domain.projection_basis import FloatArray

NEXT_STEP = (
    "Next: tick the skills you already have on the Skills tab (Ctrl+3); your curve moves with each, and this line "
    "says by how much."
)


@dataclass(frozen=True)
class Shown:
    """A projection as the tab shows it: the curve, its total, and the first year of each level reached."""

    y: FloatArray
    total: float
    horizon: int
    promotions: dict[str, int]  # level name -> calendar year it starts (levels reached within the horizon)
    words: str  # "base salary, nominal dollars"
    first_year: int
    scenarios: dict[str, float]  # the scenarios drawn: name -> total over the horizon


def signed_usd(amount: float) -> str:
    """+$1,234 or −$1,234 (a minus sign, not a hyphen); $0 for less than half a dollar."""
    rounded = round(amount)
    if rounded == 0:
        return "$0"
    return f"+{usd(rounded)}" if rounded > 0 else f"−{usd(-rounded)}"


def years_word(n: int) -> str:
    return "a year" if n == 1 else f"{n} years"


def promotion_moves(before: dict[str, int], after: dict[str, int], horizon: int) -> list[str]:
    moves = []
    for level, year in after.items():
        old = before.get(level)
        if old is None:
            moves.append(f"{level} now reached, in {year}")
        elif year < old:
            moves.append(f"{level} {years_word(old - year)} sooner ({year})")
        elif year > old:
            moves.append(f"{level} {years_word(year - old)} later ({year})")
    moves += [f"{level} no longer reached within {horizon} years" for level in before if level not in after]
    return moves


def describe(
    what: str, kind: str, before: Shown, after: Shown, *, salary_entered: bool, say_salary: bool
) -> tuple[str, bool]:
    """The line for a change named ``what`` (its undo step's name) of kind "edit", "undo" or "redo", and whether it
    said that this year's figure is the salary you entered (``say_salary``: the tab says it once)."""
    name = what[:1].upper() + what[1:] if what else "Your change"
    if kind == "undo":
        name = f"Undone: {what}"
    elif kind == "redo":
        name = f"Redone: {what}"
    if before.words != after.words or before.horizon != after.horizon or len(before.y) != len(after.y):
        total = after.total - before.total
        return f"{name}: {signed_usd(total)} over the horizon ({after.words}).", False
    parts: list[str] = []
    total = after.total - before.total
    parts.append(
        f"{signed_usd(total)} over {after.horizon} years"
        if round(total) != 0
        else f"no change to your {after.horizon}-year total"
    )
    moves = promotion_moves(before.promotions, after.promotions, after.horizon)
    parts += moves
    first_change = after.y[0] - before.y[0]
    said_salary = False
    if round(first_change) != 0:
        parts.append(f"this year {signed_usd(first_change)}")
    elif salary_entered and say_salary and round(total) != 0:
        parts.append("this year's figure stays the salary you entered; the change shows from next year")
        said_salary = True
    changed = np.flatnonzero(np.round(after.y - before.y) != 0)
    if len(changed) and round(first_change) == 0 and not said_salary:
        parts.append(f"from {after.first_year + int(changed[0])}")
    if round(total) == 0 and not moves and not len(changed):
        parts = ["today's path as it was"]
        for scenario, value in after.scenarios.items():
            old = before.scenarios.get(scenario)
            if old is None:
                parts.append(f"“{scenario}” drawn: {signed_usd(value - after.total)} against today's path")
            elif round(value - old) != 0:
                parts.append(f"“{scenario}” {signed_usd(value - old)} over {after.horizon} years")
        parts += [f"“{scenario}” no longer drawn" for scenario in before.scenarios if scenario not in after.scenarios]
    return f"{name}: {' · '.join(parts)} ({after.words}).", said_salary
