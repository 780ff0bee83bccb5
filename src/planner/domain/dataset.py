"""The salary dataset read from the article, as validated pydantic models.

Every figure carries its unit, the sources the article attributes it to and the sentence it was read from.
Rules a dataset must keep (each enforced by a validator below, each with a test):
  * no unknown fields anywhere (``extra="forbid"``);
  * amounts are positive; ``min <= average <= max`` within a level;
  * experience ranges are ordered and do not overlap;
  * every figure names at least one source; every id is unique;
  * references between sections (sources, units, levels) resolve;
  * numbers are numbers (``true`` is not $1, ``5.0`` is not 5 years): strict types;
  * names and titles are one line without ``<`` or ``>`` (a second line of defence: text from files is shown as
    plain text or escaped anyway, see ``domain.text``).
The checks across the dataset (``dataset_checks.cross_problems``) also run on a file whose fields are broken, so a
file's problems are all listed at once.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic import Strict as StrictType

from planner.domain.dataset_checks import cross_problems
from planner.domain.text import BIDI_CONTROLS


def _plain_name(text: str) -> str:
    if "<" in text or ">" in text:
        raise ValueError("must not contain < or > (names are shown as plain text)")
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise ValueError("must be one line without control characters")
    if not BIDI_CONTROLS.isdisjoint(text):
        raise ValueError("must not contain Unicode direction controls (U+202A-U+202E, U+2066-U+2069)")
    return text


Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$", min_length=1, max_length=80)]
Amount = Annotated[int, StrictType(), Field(gt=0, le=10_000_000_000_000)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Name = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_plain_name)]
Years = Annotated[int, StrictType(), Field(ge=0, le=80)]
SourceRefs = Annotated[list[Id], Field(min_length=1, max_length=20)]
Origin = Literal["built-in", "pack"]  # where the dataset in use came from: the app's own file or an imported pack


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Document(Strict):
    id: Id
    title: Name
    file: Text
    published: dt.date | None = None
    read_on: dt.date
    note: str = ""


class Unit(Strict):
    id: Id
    label: Name
    currency: str | None
    period: str | None
    measure: Text
    region: str | None


class Source(Strict):
    id: Id
    name: Name
    kind: Name
    note: str = ""


class Sourced(Strict):
    """Anything read from the article: it names its unit, sources and the sentence it came from."""

    unit: Id
    sources: SourceRefs
    quote: Text


class Figure(Sourced):
    amount: Amount
    qualifier: str | None = None

    @property
    def approximate(self) -> bool:
        return self.qualifier is not None


class LabelledFigure(Figure):
    label: Name


class SalaryRange(Sourced):
    min: Amount
    max: Amount

    @model_validator(mode="after")
    def _ordered(self) -> SalaryRange:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


class Experience(Strict):
    min_years: Years
    max_years: Annotated[int, StrictType(), Field(gt=0, le=80)] | None
    basis: Literal["article", "inferred"]
    qualifier: str | None = None  # the article's own word for the years ("around five to ten years")
    note: Text

    @model_validator(mode="after")
    def _ordered(self) -> Experience:
        if self.max_years is not None and self.max_years <= self.min_years:
            raise ValueError(f"max_years ({self.max_years}) must be greater than min_years ({self.min_years})")
        return self

    def contains(self, years: float) -> bool:
        """Half-open [min, max): five years is mid level, not entry level."""
        return years >= self.min_years and (self.max_years is None or years < self.max_years)

    @property
    def label(self) -> str:
        word = f"{self.qualifier} " if self.qualifier else ""
        if self.max_years is None:
            return f"{word}{self.min_years}+ years"
        return f"{word}{self.min_years}–{self.max_years} years"


class Skill(Strict):
    id: Id
    name: Name
    description: Text
    sources: SourceRefs
    quote: Text


class Outcome(Strict):
    """Something the article says a level leads to (not a skill to tick), with the sentence it came from."""

    id: Id
    text: Text
    sources: SourceRefs
    quote: Text


class Level(Strict):
    id: Id
    name: Name
    experience: Experience
    range: SalaryRange
    average: Figure | None
    skills: list[Skill]
    outcomes: list[Outcome] = []

    @model_validator(mode="after")
    def _average_inside_range(self) -> Level:
        if self.average is not None and not (self.range.min <= self.average.amount <= self.range.max):
            raise ValueError(
                f"average ({self.average.amount}) lies outside the range {self.range.min}–{self.range.max}"
            )
        return self


GENERAL_GROUP = "general"


@dataclass(frozen=True)
class SkillGroup:
    """General skills (``level`` None) or one level's skills."""

    id: str
    name: str
    skills: list[Skill]
    level: Level | None


class Industry(Strict):
    id: Id
    name: Name
    average: Figure


class Employer(Strict):
    id: Id
    name: Name
    pay: Figure


class Overall(Strict):
    base_range: SalaryRange
    experienced_ceiling: Figure


class JobGrowth(Sourced):
    percent: Annotated[float, StrictType(), Field(gt=0, le=1000)]
    qualifier: str | None = None
    horizon: Text


class MarketSize(Figure):
    by_year: Annotated[int, StrictType(), Field(ge=1900, le=2200)]


class Outlook(Strict):
    job_growth: JobGrowth
    market_size: MarketSize


class Conflict(Strict):
    """A place where the article contradicts itself: two or more of its figures, or wording (``quotes``) that
    does not fit its own figures. ``level_ids`` names the levels it concerns (none: the whole article)."""

    id: Id
    title: Name
    explanation: Text
    level_ids: list[Id] = []
    figures: list[LabelledFigure] = []
    quotes: list[Text] = []

    @model_validator(mode="after")
    def _something_to_show(self) -> Conflict:
        if len(self.figures) < 2 and not self.quotes:
            raise ValueError("a conflict needs at least two figures, or the article's words (quotes)")
        return self


class Dataset(Strict):
    schema_version: Literal[1]
    title: Name
    document: Document
    units: Annotated[list[Unit], Field(min_length=1)]
    sources: Annotated[list[Source], Field(min_length=1)]
    overall: Overall
    # Skills the article names for every ML engineer, in its "what ML engineers do" section: no level's.
    general_skills: Annotated[list[Skill], Field(max_length=200)] = []
    levels: Annotated[list[Level], Field(min_length=1, max_length=20)]
    industries: Annotated[list[Industry], Field(max_length=500)]
    employers: Annotated[list[Employer], Field(max_length=500)]
    outlook: Outlook
    conflicts: list[Conflict] = []

    @field_validator("schema_version", mode="before")
    @classmethod
    def _version_is_a_number(cls, value: object) -> object:
        if isinstance(value, bool):
            raise ValueError("must be the number 1, not true or false")
        return value

    @model_validator(mode="after")
    def _whole_dataset(self) -> Dataset:
        """Ids unique, experience bands in order, references resolve (every problem, in one message)."""
        problems = cross_problems(self.model_dump())
        if problems:
            raise ValueError("; ".join(f"{path}: {reason}" for path, reason in problems))
        return self

    # --- queries -------------------------------------------------------------------------------------------

    def sourced_items(self) -> Iterator[tuple[str, Sourced | Skill | Outcome]]:
        """Every sourced figure with a readable path, for validation and the "Data sources" listing."""
        yield "overall.base_range", self.overall.base_range
        yield "overall.experienced_ceiling", self.overall.experienced_ceiling
        for sk in self.general_skills:
            yield f"general_skills.{sk.id}", sk
        for lv in self.levels:
            yield f"levels.{lv.id}.range", lv.range
            if lv.average is not None:
                yield f"levels.{lv.id}.average", lv.average
            for sk in lv.skills:
                yield f"levels.{lv.id}.skills.{sk.id}", sk
            for o in lv.outcomes:
                yield f"levels.{lv.id}.outcomes.{o.id}", o
        for ind in self.industries:
            yield f"industries.{ind.id}.average", ind.average
        for emp in self.employers:
            yield f"employers.{emp.id}.pay", emp.pay
        yield "outlook.job_growth", self.outlook.job_growth
        yield "outlook.market_size", self.outlook.market_size
        for c in self.conflicts:
            for n, fig in enumerate(c.figures):
                yield f"conflicts.{c.id}.figures.{n}", fig

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def source_names(self, refs: list[str]) -> str:
        return " and ".join(self.source(r).name for r in refs)

    def level(self, level_id: str) -> Level:
        for lv in self.levels:
            if lv.id == level_id:
                return lv
        raise KeyError(level_id)

    def level_for_years(self, years: float) -> Level:
        """The level the article's experience years put ``years`` in: the last level that has started by then
        (a year in a gap between two levels belongs to the level below; before the first level, the first)."""
        found = self.levels[0]
        for lv in self.levels:
            if years >= lv.experience.min_years:
                found = lv
        return found

    def industry(self, industry_id: str) -> Industry:
        for ind in self.industries:
            if ind.id == industry_id:
                return ind
        raise KeyError(industry_id)

    def employer(self, employer_id: str) -> Employer:
        for emp in self.employers:
            if emp.id == employer_id:
                return emp
        raise KeyError(employer_id)

    def all_skills(self) -> list[Skill]:
        """General skills first, then each level's, in the dataset's order."""
        return [*self.general_skills, *(sk for lv in self.levels for sk in lv.skills)]

    def skill_ids(self) -> frozenset[str]:
        return self._skill_ids

    @functools.cached_property
    def _skill_ids(self) -> frozenset[str]:
        """Made once: every projection asks (a tick with five scenarios projects six times)."""
        return frozenset(sk.id for sk in self.all_skills())

    def skill_groups(self) -> list[SkillGroup]:
        """The skills as the Skills tab groups them: general skills (when there are any), then one group a level."""
        groups = [SkillGroup(GENERAL_GROUP, "General skills (every level)", self.general_skills, None)]
        groups = groups if self.general_skills else []
        return groups + [SkillGroup(lv.id, lv.name, lv.skills, lv) for lv in self.levels]

    def skill_group(self, group_id: str) -> SkillGroup:
        for group in self.skill_groups():
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def level_index_of_skill(self, skill_id: str) -> int | None:
        """Index of the level whose skill this is; None for a general skill (or an unknown id)."""
        for i, lv in enumerate(self.levels):
            if any(sk.id == skill_id for sk in lv.skills):
                return i
        return None

    def conflicts_for_level(self, level_id: str) -> list[Conflict]:
        return [c for c in self.conflicts if level_id in c.level_ids]
