"""The salary dataset read from the article, as validated pydantic models.

Every figure carries its unit, the sources the article attributes it to and the sentence it was read from.
Rules a dataset must keep (each enforced by a validator below, each with a test):
  * no unknown fields anywhere (``extra="forbid"``);
  * amounts are positive; ``min <= average <= max`` within a level;
  * experience ranges are ordered and do not overlap;
  * every figure names at least one source; every id is unique;
  * references between sections (sources, units, levels) resolve.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$", min_length=1, max_length=80)]
Amount = Annotated[int, Field(gt=0, le=10_000_000_000_000)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
SourceRefs = Annotated[list[Id], Field(min_length=1, max_length=20)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Document(Strict):
    id: Id
    title: Text
    file: Text
    published: dt.date | None = None
    read_on: dt.date
    note: str = ""


class Unit(Strict):
    id: Id
    label: Text
    currency: str | None
    period: str | None
    measure: Text
    region: str | None


class Source(Strict):
    id: Id
    name: Text
    kind: Text
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
    label: Text


class SalaryRange(Sourced):
    min: Amount
    max: Amount

    @model_validator(mode="after")
    def _ordered(self) -> SalaryRange:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


class Experience(Strict):
    min_years: Annotated[int, Field(ge=0, le=80)]
    max_years: Annotated[int, Field(gt=0, le=80)] | None
    basis: Literal["article", "inferred"]
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
        if self.max_years is None:
            return f"{self.min_years}+ years"
        return f"{self.min_years}–{self.max_years} years"


class Skill(Strict):
    id: Id
    name: Text
    description: Text
    sources: SourceRefs
    quote: Text


class Level(Strict):
    id: Id
    name: Text
    experience: Experience
    range: SalaryRange
    average: Figure | None
    skills: list[Skill]

    @model_validator(mode="after")
    def _average_inside_range(self) -> Level:
        if self.average is not None and not (self.range.min <= self.average.amount <= self.range.max):
            raise ValueError(
                f"average ({self.average.amount}) lies outside the range {self.range.min}–{self.range.max}"
            )
        return self


class Industry(Strict):
    id: Id
    name: Text
    average: Figure


class Employer(Strict):
    id: Id
    name: Text
    pay: Figure


class Overall(Strict):
    base_range: SalaryRange
    experienced_ceiling: Figure


class JobGrowth(Sourced):
    percent: Annotated[float, Field(gt=0, le=1000)]
    qualifier: str | None = None
    horizon: Text


class MarketSize(Figure):
    by_year: Annotated[int, Field(ge=1900, le=2200)]


class Outlook(Strict):
    job_growth: JobGrowth
    market_size: MarketSize


class Conflict(Strict):
    id: Id
    title: Text
    explanation: Text
    level_ids: Annotated[list[Id], Field(min_length=1)]
    figures: Annotated[list[LabelledFigure], Field(min_length=2)]


class Dataset(Strict):
    schema_version: Literal[1]
    title: Text
    document: Document
    units: Annotated[list[Unit], Field(min_length=1)]
    sources: Annotated[list[Source], Field(min_length=1)]
    overall: Overall
    levels: Annotated[list[Level], Field(min_length=1, max_length=20)]
    industries: Annotated[list[Industry], Field(max_length=500)]
    employers: Annotated[list[Employer], Field(max_length=500)]
    outlook: Outlook
    conflicts: list[Conflict] = []

    @model_validator(mode="after")
    def _ids_unique(self) -> Dataset:
        groups: dict[str, list[str]] = {
            "units": [u.id for u in self.units],
            "sources": [s.id for s in self.sources],
            "levels": [lv.id for lv in self.levels],
            "skills": [sk.id for lv in self.levels for sk in lv.skills],
            "industries": [i.id for i in self.industries],
            "employers": [e.id for e in self.employers],
            "conflicts": [c.id for c in self.conflicts],
        }
        for section, ids in groups.items():
            seen: set[str] = set()
            for item_id in ids:
                if item_id in seen:
                    raise ValueError(f"{section}: id {item_id!r} is used more than once")
                seen.add(item_id)
        return self

    @model_validator(mode="after")
    def _experience_ordered(self) -> Dataset:
        for before, after in zip(self.levels, self.levels[1:], strict=False):
            b, a = before.experience, after.experience
            if b.max_years is None:
                raise ValueError(f"levels: {before.id!r} is open-ended but {after.id!r} follows it")
            if a.min_years < b.max_years:
                raise ValueError(f"levels: experience of {after.id!r} ({a.label}) overlaps {before.id!r} ({b.label})")
            if a.min_years < b.min_years:
                raise ValueError(f"levels: {after.id!r} starts before {before.id!r}; list levels in order")
        return self

    @model_validator(mode="after")
    def _references_resolve(self) -> Dataset:
        sources = {s.id for s in self.sources}
        units = {u.id for u in self.units}
        levels = {lv.id for lv in self.levels}
        for path, item in self.sourced_items():
            for ref in item.sources:
                if ref not in sources:
                    raise ValueError(f"{path}.sources: unknown source {ref!r}")
            unit = getattr(item, "unit", None)
            if unit is not None and unit not in units:
                raise ValueError(f"{path}.unit: unknown unit {unit!r}")
        for c in self.conflicts:
            for ref in c.level_ids:
                if ref not in levels:
                    raise ValueError(f"conflicts.{c.id}.level_ids: unknown level {ref!r}")
        return self

    # --- queries -------------------------------------------------------------------------------------------

    def sourced_items(self) -> Iterator[tuple[str, Sourced | Skill]]:
        """Every sourced figure with a readable path, for validation and the "Data sources" listing."""
        yield "overall.base_range", self.overall.base_range
        yield "overall.experienced_ceiling", self.overall.experienced_ceiling
        for lv in self.levels:
            yield f"levels.{lv.id}.range", lv.range
            if lv.average is not None:
                yield f"levels.{lv.id}.average", lv.average
            for sk in lv.skills:
                yield f"levels.{lv.id}.skills.{sk.id}", sk
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
        for lv in self.levels:
            if lv.experience.contains(years):
                return lv
        return self.levels[-1] if years >= self.levels[-1].experience.min_years else self.levels[0]

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

    def skill_ids(self) -> set[str]:
        return {sk.id for lv in self.levels for sk in lv.skills}

    def conflicts_for_level(self, level_id: str) -> list[Conflict]:
        return [c for c in self.conflicts if level_id in c.level_ids]
