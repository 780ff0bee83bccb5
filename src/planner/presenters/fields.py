"""The Projection tab's inputs as specifications: label, hint, how typed text is read and checked, and how a
stored value is written back. Shared by the Projection tab and the scenario dialog (a scenario's assumptions are
typed the same way)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError
from PySide6.QtCore import QLocale

from planner.domain.money import usd
from planner.domain.numbers import NumberError, read_localized
from planner.domain.profile import (
    MAX_PROMOTION_RAISE,
    MAX_PROMOTION_SHIFT,
    MAX_RATE,
    MAX_SALARY,
    MAX_YEARS,
    Assumptions,
    Profile,
)

# --- the inputs ------------------------------------------------------------------------------------------------

FieldKind = Literal["years", "salary", "horizon", "percent", "bonus", "money", "shift", "promotion", "pace"]


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    hint: str  # shown next to the field: the default or "optional"
    kind: FieldKind
    assumption: bool  # True: a field of profile.assumptions; False: of the profile


def _default(name: str) -> Any:
    return Assumptions.model_fields[name].default


def _pct(fraction: float) -> str:
    return f"{fraction * 100:g}%"


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("years_of_experience", "Years of experience", f"0 to {MAX_YEARS}", "years", False),
    FieldSpec(
        "current_salary",
        "Current base salary (USD a year)",
        "optional; when empty, the latest year of your pay history is used",
        "salary",
        False,
    ),
    FieldSpec("horizon_years", "Horizon (years)", f"default {_default('horizon_years')}", "horizon", True),
    FieldSpec("inflation", "Inflation (% a year)", f"default {_pct(_default('inflation'))}", "percent", True),
    FieldSpec(
        "yearly_raise", "Yearly raise within a level (%)", f"default {_pct(_default('yearly_raise'))}", "percent", True
    ),
    FieldSpec("bonus_percent", "Bonus (% of base)", f"default {_default('bonus_percent'):g}%", "bonus", True),
    FieldSpec(
        "yearly_equity",
        "Yearly equity (USD, today's dollars)",
        f"default {usd(_default('yearly_equity'))}",
        "money",
        True,
    ),
    FieldSpec(
        "promotion_shift_years",
        "Promotion moved by skills (years)",
        f"default {_default('promotion_shift_years'):g}; all of a level's skills: promoted that much earlier, "
        "none: that much later",
        "shift",
        True,
    ),
    FieldSpec(
        "promotion_raise",
        "Pay jump at a promotion (%)",
        f"default {_pct(_default('promotion_raise'))}; on top of the year's raise, and at least the bottom of the "
        "new level's range",
        "promotion",
        True,
    ),
    FieldSpec(
        "skill_pace",
        "Skill pace, gap closing each year (%)",
        f"default {_pct(_default('skill_pace'))}: with a salary, the share of the way to the pay your skills "
        "warrant that your pay covers each year",
        "pace",
        True,
    ),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)

RANGE_MESSAGES: dict[FieldKind, str] = {
    "years": f"Enter years between 0 and {MAX_YEARS}.",
    "salary": f"Enter a yearly salary between $1 and {usd(MAX_SALARY)}, or leave it empty.",
    "horizon": f"Enter a whole number of years from 1 to {MAX_YEARS}.",
    "percent": f"Enter a percentage from 0 to {MAX_RATE * 100:g}.",
    "bonus": "Enter a percentage of base salary from 0 to 200.",
    "money": f"Enter an amount from $0 to {usd(MAX_SALARY)}.",
    "shift": f"Enter years from 0 to {MAX_PROMOTION_SHIFT}.",
    "promotion": f"Enter a percentage from 0 to {MAX_PROMOTION_RAISE * 100:g}.",
    "pace": "Enter a percentage from 0 to 100.",
}


class InputError(ValueError):
    pass


def locale_separators() -> tuple[str, str]:
    """The decimal and group separators of the system's locale (QLocale's default), as the user types numbers."""
    locale = QLocale()
    return locale.decimalPoint(), locale.groupSeparator()


def read_number(text: str, help_text: str, *, money: bool = False) -> float | None:
    """The number the user typed, read in the system's locale (``domain.numbers.read_localized``: "145.000,50" in
    de_DE; ``$``, ``%`` and ``_`` ignored; for money a ``k`` or ``m`` suffix), None for empty text, or InputError
    saying why (both readings when it could mean two things), then ``help_text``."""
    decimal, group = locale_separators()
    try:
        number = read_localized(text, decimal, group, money=money)
    except NumberError as exc:
        raise InputError(f"{exc} {help_text}") from None
    if number is not None and number < 0:
        raise InputError(f"A negative number is not allowed. {help_text}")
    return number


def parse_field(spec: FieldSpec, text: str) -> Any:
    """The value to store for what the user typed, or InputError with the message to show."""
    number = read_number(text, RANGE_MESSAGES[spec.kind], money=spec.kind in ("salary", "money"))
    if number is None:
        if spec.kind == "salary":
            return None
        raise InputError("Enter a number." if spec.kind != "years" else "Enter your years of experience (0 or more).")
    if spec.kind == "horizon":
        if number != int(number):
            raise InputError(RANGE_MESSAGES["horizon"])
        return int(number)
    if spec.kind in ("salary", "money"):
        return round(number)
    if spec.kind in ("percent", "promotion", "pace"):
        return number / 100.0
    return number


def check_field(spec: FieldSpec, text: str, profile: Profile) -> Any:
    """The value to store for ``text`` if the profile would accept it, else InputError with the message to show.
    Stores nothing."""
    value = parse_field(spec, text)
    try:
        if spec.assumption:
            Assumptions.model_validate({**profile.assumptions.model_dump(), spec.key: value})
        else:
            Profile.model_validate({**profile.model_dump(), spec.key: value})
    except ValidationError:
        raise InputError(RANGE_MESSAGES[spec.kind]) from None
    return value


def format_field(spec: FieldSpec, profile: Profile) -> str:
    value = getattr(profile.assumptions, spec.key) if spec.assumption else getattr(profile, spec.key)
    if value is None:
        return ""
    if spec.kind in ("percent", "promotion", "pace"):
        return f"{value * 100 + 0.0:.10g}"  # + 0.0: a -0.0 read from a file shows as 0, never "-0"
    if spec.kind in ("salary", "money"):
        return f"{value + 0:,}"
    return f"{value + 0.0:g}"


def current_value(spec: FieldSpec, profile: Profile) -> Any:
    return getattr(profile.assumptions, spec.key) if spec.assumption else getattr(profile, spec.key)
