"""The user's own data: ticked skills, where they stand today and the projection's assumptions.

The assumptions are the app's, not the article's: each has a default the user can see and change.
``pay_history`` holds the base salaries the user actually earned (calendar year -> USD a year); the latest one
stands in for today's salary when ``current_salary`` is left empty (``salary_today``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from planner.domain.dataset import Id

PROFILE_SCHEMA_VERSION = 4
MAX_YEARS = 60
MAX_SALARY = 10_000_000
MAX_PROMOTION_SHIFT = 5
MAX_RATE = 0.2  # inflation and the yearly raise: 20 % a year at most (higher gives absurd totals over decades)
MAX_PROMOTION_RAISE = 0.5  # a promotion raise of up to 50 %
FIRST_PAY_YEAR = 1950
LAST_PAY_YEAR = 2200  # the model's outer bound; the editor refuses years after the current one
MAX_PAY_ENTRIES = 200

Years = Annotated[float, Field(ge=0, le=MAX_YEARS, allow_inf_nan=False)]
Salary = Annotated[int, Field(gt=0, le=MAX_SALARY)]
Rate = Annotated[float, Field(ge=0, le=MAX_RATE, allow_inf_nan=False)]
PayYear = Annotated[int, Field(ge=FIRST_PAY_YEAR, le=LAST_PAY_YEAR)]


class ProfileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Assumptions(ProfileModel):
    """The projection's assumptions. Defaults are stated next to each input on screen."""

    inflation: Rate = 0.025
    yearly_raise: Rate = 0.03
    bonus_percent: Annotated[float, Field(ge=0, le=200, allow_inf_nan=False)] = 0.0
    yearly_equity: Annotated[int, Field(ge=0, le=MAX_SALARY)] = 0
    horizon_years: Annotated[int, Field(ge=1, le=MAX_YEARS)] = 30
    # How far a level's skills move the promotion into that level (docs/projection.md): all ticked, this many
    # years earlier than the article's years; half ticked, on time; none ticked, this many years later.
    promotion_shift_years: Annotated[float, Field(ge=0, le=MAX_PROMOTION_SHIFT, allow_inf_nan=False)] = 2.0
    # The raise a promotion brings, on top of the year's raise (new in format 4).
    promotion_raise: Annotated[float, Field(ge=0, le=MAX_PROMOTION_RAISE, allow_inf_nan=False)] = 0.10
    # With a salary: the share of the distance to the pay your skills warrant that your pay covers each year
    # (new in format 4). 0: skills never change a salary; 1: at once.
    skill_pace: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] = 0.25

    @field_validator(
        "inflation", "yearly_raise", "bonus_percent", "promotion_shift_years", "promotion_raise", "skill_pace"
    )
    @classmethod
    def _no_negative_zero(cls, v: float) -> float:
        return v + 0.0  # -0.0 (allowed by ge=0) becomes 0.0, so it never reads "-0"


class TickedSkill(ProfileModel):
    ticked_on: dt.date


class Profile(ProfileModel):
    schema_version: int = PROFILE_SCHEMA_VERSION
    # Kept even when the dataset does not know an id, so a data update never drops progress.
    skills: dict[Annotated[str, Field(min_length=1, max_length=200)], TickedSkill] = {}
    years_of_experience: Years = 0.0
    # The level the user says they are at today (new in format 4); None: the one the article's years give.
    current_level: Id | None = None
    current_salary: Salary | None = None
    industry: Id | None = None
    employer: Id | None = None
    assumptions: Assumptions = Assumptions()
    # Base salary actually earned, by calendar year (new in format 3).
    pay_history: Annotated[dict[PayYear, Salary], Field(max_length=MAX_PAY_ENTRIES)] = {}
    # The Market tab's choice (new in format 4): a BLS area code (7 digits) and occupation code (6 digits).
    market_area: Annotated[str, Field(pattern=r"^[0-9]{7}$")] | None = None
    market_occupation: Annotated[str, Field(pattern=r"^[0-9]{6}$")] | None = None

    @field_validator("years_of_experience")
    @classmethod
    def _no_negative_zero(cls, v: float) -> float:
        return v + 0.0  # no -0.0 (allow_inf_nan=False already refuses infinity and NaN)

    def has_skill(self, skill_id: str) -> bool:
        return skill_id in self.skills

    def latest_pay(self) -> tuple[int, int] | None:
        """(year, salary) of the most recent pay history entry, or None."""
        if not self.pay_history:
            return None
        year = max(self.pay_history)
        return year, self.pay_history[year]

    def salary_today(self) -> tuple[int, Literal["current", "history"], int | None] | None:
        """The salary the projection starts from, where it comes from and (for the history) its year.

        Precedence: the current salary typed in, else the latest pay history entry, else None."""
        if self.current_salary is not None:
            return self.current_salary, "current", None
        latest = self.latest_pay()
        if latest is None:
            return None
        return latest[1], "history", latest[0]
