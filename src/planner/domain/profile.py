"""The user's own data: ticked skills, where they stand today, the projection's assumptions, and (format 5) the
learning plan, scenarios and job offers (``planner.domain.plans``), and (format 6) the inputs of take-home pay.

The assumptions are the app's, not the article's: each has a default the user can see and change.
``pay_history`` holds the base salaries the user actually earned (calendar year -> USD a year); the latest one
stands in for today's salary when ``current_salary`` is left empty (``salary_today``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from planner.domain.dataset import Id
from planner.domain.plans import (
    MAX_OFFERS,
    MAX_PLANNED,
    MAX_SCENARIOS,
    MAX_SHOWN,
    Offer,
    PlannedSkill,
    Scenario,
    SkillKey,
    unique_names,
    unique_offers,
)
from planner.domain.profile_base import (
    FIRST_PAY_YEAR,
    LAST_PAY_YEAR,
    MAX_PAY_ENTRIES,
    MAX_PROMOTION_RAISE,
    MAX_PROMOTION_SHIFT,
    MAX_RATE,
    MAX_SALARY,
    MAX_YEARS,
    AreaCode,
    Assumptions,
    PayYear,
    ProfileModel,
    Salary,
    TaxInputs,
    Years,
    empty_dict,
    empty_list,
)

__all__ = [  # the building blocks are imported from here too
    "FIRST_PAY_YEAR",
    "LAST_PAY_YEAR",
    "MAX_PAY_ENTRIES",
    "MAX_PROMOTION_RAISE",
    "MAX_PROMOTION_SHIFT",
    "MAX_RATE",
    "MAX_SALARY",
    "MAX_TICKED",
    "MAX_YEARS",
    "PROFILE_SCHEMA_VERSION",
    "Assumptions",
    "Profile",
    "TaxInputs",
    "TickedSkill",
]

PROFILE_SCHEMA_VERSION = 6
# Ticked skills at most (the first format's limit too): with every other list at its longest this keeps the largest
# profile the model allows at about 6 MB as saved, under the store's limit (planner.storage.profile_store).
MAX_TICKED = 10_000


class TickedSkill(ProfileModel):
    ticked_on: dt.date
    planned_by: dt.date | None = None  # the month it was planned for, when it was ticked from the plan (format 5)


class Profile(ProfileModel):
    schema_version: int = PROFILE_SCHEMA_VERSION
    # Kept even when the dataset does not know an id, so a data update never drops progress.
    skills: Annotated[dict[SkillKey, TickedSkill], Field(max_length=MAX_TICKED)] = Field(default_factory=empty_dict)
    years_of_experience: Years = 0.0
    # The level the user says they are at today (new in format 4); None: the one the article's years give.
    current_level: Id | None = None
    current_salary: Salary | None = None
    industry: Id | None = None
    employer: Id | None = None
    assumptions: Assumptions = Assumptions()
    # Base salary actually earned, by calendar year (new in format 3).
    pay_history: Annotated[dict[PayYear, Salary], Field(max_length=MAX_PAY_ENTRIES)] = Field(default_factory=empty_dict)
    # The Market tab's choice (new in format 4): a BLS area code (7 digits) and occupation code (6 digits).
    market_area: AreaCode | None = None
    market_occupation: Annotated[str, Field(pattern=r"^[0-9]{6}$")] | None = None
    # New in format 5 (planner.domain.plans): skills planned by a month, scenarios beside today's path, job offers.
    plan: Annotated[dict[SkillKey, PlannedSkill], Field(max_length=MAX_PLANNED)] = Field(default_factory=empty_dict)
    scenarios: Annotated[list[Scenario], Field(max_length=MAX_SCENARIOS)] = Field(default_factory=empty_list)
    offers: Annotated[list[Offer], Field(max_length=MAX_OFFERS)] = Field(default_factory=empty_list)
    # New in format 6: filing status, the state for taxes and pre-tax retirement contributions (take-home pay).
    taxes: TaxInputs = TaxInputs()

    @field_validator("scenarios")
    @classmethod
    def _scenario_names(cls, v: list[Scenario]) -> list[Scenario]:
        return unique_names(v)

    @field_validator("offers")
    @classmethod
    def _offer_ids(cls, v: list[Offer]) -> list[Offer]:
        return unique_offers(v)

    @model_validator(mode="after")
    def _plan_not_ticked(self) -> Profile:
        # A skill is either ticked or planned; a file with both keeps the tick (the plan was fulfilled).
        both = self.plan.keys() & self.skills.keys()
        if both:
            self.__dict__["plan"] = {k: v for k, v in self.plan.items() if k not in both}
        return self

    def offer(self, offer_id: str | None) -> Offer | None:
        return next((o for o in self.offers if o.id == offer_id), None)

    def projection_inputs(self) -> tuple[object, ...]:
        """Everything the projection of today's path reads (not the scenarios, the offers or the Market tab's
        choice): two profiles with equal inputs project the same."""
        return (
            self.skills,
            self.plan,
            self.years_of_experience,
            self.current_level,
            self.current_salary,
            self.pay_history,
            self.industry,
            self.employer,
            self.assumptions,
        )

    def shown_scenarios(self) -> list[Scenario]:
        """The scenarios drawn beside today's path: those shown, at most MAX_SHOWN, in the list's order."""
        return [s for s in self.scenarios if s.shown][:MAX_SHOWN]

    def room_to_show(self) -> bool:
        """Whether one more scenario can be shown (fewer than MAX_SHOWN are)."""
        return sum(s.shown for s in self.scenarios) < MAX_SHOWN

    def scenario(self, scenario_id: str | None) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

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
