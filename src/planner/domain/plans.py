"""Plans beside today's path: the learning plan, named scenarios and job offers (profile format 5).

* A **planned skill** is one not ticked yet that the user means to learn by a month; the projection counts it from
  the calendar year of that month (``planned_year``). Ticking it moves it to the ticked skills with the planned
  month kept (``TickedSkill.planned_by``).
* A **scenario** is today's path with some things changed: the industry, the employer or a job offer, the market
  area, today's level, the learning plan and any assumption. ``None`` (and an assumption left out) means "as on
  today's path", so a change to the profile reaches every scenario that does not change that field.
* A **job offer** is what the user was offered: every figure in it is the user's own entry; the refreshers are an
  assumption. Its yearly figures are worked out in ``planner.domain.offers``.

Pure (no Qt); the models refuse bad input with messages written for the user (shown next to the field).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Literal

from pydantic import Field, Strict, field_validator, model_validator

from planner.domain.dataset import Id
from planner.domain.profile_base import (
    MAX_SALARY,
    Amount,
    AreaCode,
    Assumptions,
    BonusPercent,
    ProfileModel,
    PromotionRaise,
    PromotionShift,
    Rate,
    Salary,
    Share,
    Whole,
    empty_list,
)
from planner.domain.text import without_bidi_controls

MAX_SCENARIOS = 20
MAX_SHOWN = 5  # scenarios drawn at once on the Projection tab, besides today's path
MAX_OFFERS = 20
MAX_PLANNED = 500
MAX_NAME = 60
MAX_VESTING_YEARS = 10
ObjectId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
SkillKey = Annotated[str, Field(min_length=1, max_length=200)]
Percent = Annotated[float, Strict(), Field(ge=0, le=100, allow_inf_nan=False)]


def _name(value: str, what: str) -> str:
    # No line breaks or runs of spaces in a name shown in a legend, and no direction control that would turn the
    # rest of a line around (dropped, not refused: a name in a profile file never costs the user the profile).
    value = " ".join(without_bidi_controls(value).split())
    if not value:
        raise ValueError(f"{what} cannot be empty.")
    if len(value) > MAX_NAME:
        raise ValueError(f"{what} is too long: at most {MAX_NAME} characters.")
    return value


class PlannedSkill(ProfileModel):
    """A skill the user means to learn by ``by`` (the first day of a month); ``planned_on``: when it was planned."""

    by: dt.date
    planned_on: dt.date

    @field_validator("by")
    @classmethod
    def _first_of_month(cls, v: dt.date) -> dt.date:
        return v.replace(day=1)


def planned_year(plan: PlannedSkill, current_year: int) -> int:
    """The year ``t`` (0 = this year) from which a planned skill counts: the calendar year of its month, and this
    year for a month already past."""
    return max(plan.by.year - current_year, 0)


class AssumptionChanges(ProfileModel):
    """A scenario's assumptions: each one left empty is today's path's."""

    inflation: Rate | None = None
    yearly_raise: Rate | None = None
    bonus_percent: BonusPercent | None = None
    yearly_equity: Amount | None = None
    promotion_shift_years: PromotionShift | None = None
    promotion_raise: PromotionRaise | None = None
    skill_pace: Share | None = None

    def apply(self, base: Assumptions) -> Assumptions:
        """``base`` with the changes made. Each change was validated as the same type as the field it replaces,
        and no rule of Assumptions spans two fields: the result is valid as it is."""
        changes = {name: value for name in type(self).model_fields if (value := getattr(self, name)) is not None}
        return base.model_copy(update=changes) if changes else base


Vesting = Literal["even", "cliff", "custom"]
VestEvery = Literal["month", "quarter", "year"]
VEST_MONTHS: dict[str, int] = {"month": 1, "quarter": 3, "year": 12}
MAX_PRICE_CHANGE = 1000.0  # percent: a stock worth eleven times its price at the offer
# Where an offer's job is: a state (postal code, for its taxes) or a BLS area (7 digits: its wages and its state).
Location = Annotated[str, Field(pattern=r"^([A-Z]{2}|[0-9]{7})$")]
PriceChange = Annotated[float, Strict(), Field(ge=-100, le=MAX_PRICE_CHANGE, allow_inf_nan=False)]
MAX_DECLINED = 8  # matches an offer remembers the user said no to (the oldest go first)
# One of the article's employers or industries, as the Offers tab's match box holds it: "employer:amazon".
MatchRef = Annotated[str, Field(pattern=r"^(employer|industry):[a-z0-9][a-z0-9.\-]{0,79}$")]


class Offer(ProfileModel):
    """A job offer as the user typed it (USD). ``equity_grant`` is the whole grant's value at the offer, vesting
    over the years of ``vesting``; ``refresher_percent`` (an assumption) is a new grant each year from the second,
    as a share of the first grant, vesting the same way.

    New in format 6, each with a default that keeps a format-5 offer's yearly figures: ``vest_every`` (how often a
    year's share vests: monthly, quarterly or once at the anniversary), ``cliff_months`` (the cliff of a "cliff"
    schedule: nothing vests before it, then all that would have), ``sign_on_repay_months`` (leave before it and the
    sign-on is repaid in full; 0: never), the stock price change assumption (``price_low``/``price_high`` percent,
    applied to equity not yet vested), ``location`` (a state or a BLS area; None: where you work now) and
    ``declined_matches`` (the article's employers and industries the user said this offer is not: never suggested
    for it again)."""

    id: ObjectId
    employer_name: str
    base: Salary
    bonus_percent: BonusPercent = 0.0
    sign_on: Amount = 0
    equity_grant: Annotated[int, Strict(), Whole, Field(ge=0, le=10 * MAX_SALARY)] = 0
    vesting: Vesting = "even"
    custom_vesting: Annotated[list[Percent], Field(max_length=MAX_VESTING_YEARS)] = Field(default_factory=empty_list)
    refresher_percent: Percent = 0.0
    # The article's employer or industry it matches, if any (for the pay factor and the article's figures).
    employer: Id | None = None
    industry: Id | None = None
    added_on: dt.date
    vest_every: VestEvery = "quarter"
    cliff_months: Annotated[int, Strict(), Field(ge=1, le=12 * MAX_VESTING_YEARS)] = 12
    sign_on_repay_months: Annotated[int, Strict(), Field(ge=0, le=12 * MAX_VESTING_YEARS)] = 0
    price_low: PriceChange = -50.0
    price_high: PriceChange = 50.0
    location: Location | None = None
    declined_matches: Annotated[list[MatchRef], Field(max_length=MAX_DECLINED)] = Field(default_factory=empty_list)

    @field_validator("employer_name")
    @classmethod
    def _employer_name(cls, v: str) -> str:
        return _name(v, "The employer's name")

    @model_validator(mode="after")
    def _schedule_adds_up(self) -> Offer:
        if self.vesting == "custom":
            if not self.custom_vesting:
                raise ValueError("A custom vesting schedule needs a percentage for each year.")
            total = math.fsum(self.custom_vesting)
            if abs(total - 100.0) > 0.01:
                raise ValueError(f"The yearly vesting percentages add up to {total:g} %, not 100 %.")
        months = self.schedule_months()
        if self.vesting == "cliff" and self.cliff_months >= months:
            raise ValueError(f"The cliff must come before the schedule ends ({months} months): at most {months - 1}.")
        if self.sign_on_repay_months > months:
            raise ValueError(
                f"The repayment period ({self.sign_on_repay_months} months) is longer than the vesting schedule "
                f"({months} months)."
            )
        if self.price_low > self.price_high:
            raise ValueError(
                f"The low price change ({self.price_low:g} %) is above the high one ({self.price_high:g} %)."
            )
        return self

    def schedule_months(self) -> int:
        """How long the grant takes to vest, in months (48 for the 4-year schedules)."""
        return 12 * len(self.vesting_shares())

    def vesting_shares(self) -> list[float]:
        """The share of a grant that vests in each year of the job (year 1 first), adding up to 1.

        A 4-year even schedule vests a quarter a year; a 1-year cliff vests nothing before the first anniversary,
        then a quarter at it and the rest evenly: the same yearly totals, but nothing is kept if you leave within
        the first year (month by month: ``planner.domain.offers.vesting_by_month``)."""
        if self.vesting == "custom":
            return [p / 100.0 for p in self.custom_vesting]
        return [0.25, 0.25, 0.25, 0.25]


class Scenario(ProfileModel):
    """Today's path with some fields changed; ``None`` keeps today's path's value."""

    id: ObjectId
    name: str
    shown: bool = True
    industry: Id | None = None
    employer: Id | None = None
    offer: ObjectId | None = None  # a job offer of the profile: its employer, salary, bonus and equity
    market_area: AreaCode | None = None
    current_level: Id | None = None
    plan: Annotated[dict[SkillKey, PlannedSkill], Field(max_length=MAX_PLANNED)] | None = None
    assumptions: AssumptionChanges = AssumptionChanges()

    @field_validator("name")
    @classmethod
    def _scenario_name(cls, v: str) -> str:
        return _name(v, "A scenario's name")


def unique_names(scenarios: list[Scenario]) -> list[Scenario]:
    """Refuse two scenarios with the same name (ignoring case) or id."""
    names: set[str] = set()
    ids: set[str] = set()
    for s in scenarios:
        key = s.name.casefold()
        if key in names:
            raise ValueError(f'Two scenarios are called "{s.name}": each needs its own name.')
        if s.id in ids:
            raise ValueError(f"Two scenarios have the id {s.id}.")
        names.add(key)
        ids.add(s.id)
    return scenarios


def unique_offers(offers: list[Offer]) -> list[Offer]:
    ids: set[str] = set()
    for o in offers:
        if o.id in ids:
            raise ValueError(f"Two offers have the id {o.id}.")
        ids.add(o.id)
    return offers


def new_id(prefix: str, taken: set[str]) -> str:
    """The first ``prefix-N`` not in ``taken``."""
    n = 1
    while f"{prefix}-{n}" in taken:
        n += 1
    return f"{prefix}-{n}"


def copy_name(name: str, taken: set[str]) -> str:
    """ "Name (copy)", "Name (copy 2)", … : the first not in ``taken`` (names in lower case, compared ignoring
    case), cut so that it stays within MAX_NAME characters."""
    for n in range(1, 100):
        suffix = " (copy)" if n == 1 else f" (copy {n})"
        candidate = name[: MAX_NAME - len(suffix)].rstrip() + suffix
        if candidate.casefold() not in taken:
            return candidate
    return name
