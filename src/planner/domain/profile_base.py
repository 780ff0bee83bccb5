"""The profile's building blocks, shared by ``planner.domain.profile`` and ``planner.domain.plans``: limits,
the validated number types and the projection's assumptions (the app's, not the article's: each has a default the
user can see and change)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationInfo,
    field_validator,
)

from planner.domain.tax_codes import FILING_STATUS_NAMES, STATE_NAMES, FilingStatus, StateCode

MAX_YEARS = 60
MAX_SALARY = 10_000_000
MAX_PROMOTION_SHIFT = 5
MAX_RATE = 0.2  # inflation and the yearly raise: 20 % a year at most (higher gives absurd totals over decades)
MAX_PROMOTION_RAISE = 0.5  # a promotion raise of up to 50 %
FIRST_PAY_YEAR = 1950
LAST_PAY_YEAR = 2200  # the model's outer bound; the editor refuses years after the current one
MAX_PAY_ENTRIES = 200


def empty_list() -> list[Any]:
    """A new empty list, as a field's ``default_factory``. Not ``list`` itself: pydantic reads a factory's
    signature, and a builtin's is parsed from text (the first one costs every start some 3 ms)."""
    return []


def empty_dict() -> dict[Any, Any]:
    """A new empty dict, as a field's ``default_factory`` (see ``empty_list``)."""
    return {}


def _whole(value: object) -> object:
    """A whole number written with a decimal point (145000.0, as some tools write JSON numbers) is that number;
    ``true`` and "3" stay refused by the strict type, and 145000.5 too."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Whole = BeforeValidator(_whole)


def _plus_zero(value: float) -> float:
    return value + 0.0  # -0.0 (allowed by ge=0) becomes 0.0, so a figure never reads "-0"


NoMinusZero = AfterValidator(_plus_zero)

# Numbers are strict: ``true`` is not 1 year or $1, and "3" is not 3 (a float field still takes a whole number, and
# a whole-number field takes 145000.0 as 145000).
Years = Annotated[float, Strict(), Field(ge=0, le=MAX_YEARS, allow_inf_nan=False), NoMinusZero]
Salary = Annotated[int, Strict(), Whole, Field(gt=0, le=MAX_SALARY)]
Rate = Annotated[float, Strict(), Field(ge=0, le=MAX_RATE, allow_inf_nan=False), NoMinusZero]
PayYear = Annotated[int, Field(ge=FIRST_PAY_YEAR, le=LAST_PAY_YEAR)]  # a key: "2024" in a JSON file
# The assumptions' own ranges, shared with a scenario's changes to them (planner.domain.plans) so both refuse alike.
BonusPercent = Annotated[float, Strict(), Field(ge=0, le=200, allow_inf_nan=False), NoMinusZero]
Amount = Annotated[int, Strict(), Whole, Field(ge=0, le=MAX_SALARY)]
PromotionShift = Annotated[float, Strict(), Field(ge=0, le=MAX_PROMOTION_SHIFT, allow_inf_nan=False), NoMinusZero]
PromotionRaise = Annotated[float, Strict(), Field(ge=0, le=MAX_PROMOTION_RAISE, allow_inf_nan=False), NoMinusZero]
Share = Annotated[float, Strict(), Field(ge=0, le=1, allow_inf_nan=False), NoMinusZero]
AreaCode = Annotated[str, Field(pattern=r"^[0-9]{7}$")]  # a BLS area (7 digits)


# What no file can hold: NUL, and half of a surrogate pair (valid in a JSON escape, "\\udc80", and in a Python
# string, but not encodable as UTF-8, so a save would fail on it).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _texts(value: object) -> Iterator[str]:
    """The strings of a field's value as it comes in: itself, a mapping's keys and text values, a list's text items
    (a nested model's fields, such as a scenario's name, are checked by that model itself)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        yield from (k for k in value if isinstance(k, str))
        yield from (v for v in value.values() if isinstance(v, str))
    elif isinstance(value, (list, tuple)):
        yield from (v for v in value if isinstance(v, str))


def unstorable(text: str) -> str | None:
    """Why ``text`` cannot be saved (its first character no file can hold, as "U+DC80"), or None when it can."""
    found = _UNSTORABLE.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


class ProfileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    @field_validator("*", mode="before")  # before the type's own checks, which would say less
    @classmethod
    def _storable_text(cls, value: object, info: ValidationInfo) -> object:
        """Every text of the profile can be saved: one a file cannot hold is refused where it enters (a loaded or
        imported file, a dialog, a field), naming the field, instead of making every later save fail."""
        for text in _texts(value):
            bad = unstorable(text)
            if bad is not None:
                field = (info.field_name or "text").replace("_", " ").capitalize()
                raise ValueError(
                    f"{field}: {ascii(text)[:60]} holds a character that cannot be saved ({bad}); remove or retype it."
                )
        return value


class Assumptions(ProfileModel):
    """The projection's assumptions. Defaults are stated next to each input on screen."""

    inflation: Rate = 0.025
    yearly_raise: Rate = 0.03
    bonus_percent: BonusPercent = 0.0
    yearly_equity: Amount = 0
    horizon_years: Annotated[int, Strict(), Whole, Field(ge=1, le=MAX_YEARS)] = 30
    # How far a level's skills move the promotion into that level (docs/projection.md): all ticked, this many
    # years earlier than the article's years; half ticked, on time; none ticked, this many years later.
    promotion_shift_years: PromotionShift = 2.0
    # The raise a promotion brings, on top of the year's raise (new in format 4).
    promotion_raise: PromotionRaise = 0.10
    # With a salary: the share of the distance to the pay your skills warrant that your pay covers each year
    # (new in format 4). 0: skills never change a salary; 1: at once.
    skill_pace: Share = 0.25


class TaxInputs(ProfileModel):
    """What take-home pay needs from the user (new in format 6; planner.domain.taxes computes it).

    ``state`` is the state whose taxes apply (a postal code); None: the state of the Market tab's area (a metro
    area spanning states: its first-named one), or none chosen yet. ``retirement_share`` is the share of gross pay
    put into a pre-tax retirement plan (0: none); the year's legal limit is checked where it is used, since it
    depends on the year (planner.domain.taxes.take_home)."""

    filing_status: FilingStatus = "single"
    state: StateCode | None = None
    retirement_share: Share = 0.0

    @field_validator("filing_status", mode="before")
    @classmethod
    def _known_status(cls, v: object) -> object:
        if isinstance(v, str) and v not in FILING_STATUS_NAMES:
            known = ", ".join(FILING_STATUS_NAMES)
            raise ValueError(f"{ascii(v)[:40]} is not a filing status the tax figures have (one of {known})")
        return v

    @field_validator("state", mode="before")
    @classmethod
    def _known_state(cls, v: object) -> object:
        if isinstance(v, str) and v not in STATE_NAMES:
            raise ValueError(
                f"{ascii(v)[:40]} is not a state the tax figures have: a postal code of one of the 50 states or DC "
                "(such as WA or CA), or null for the state of the Market tab's area"
            )
        return v
