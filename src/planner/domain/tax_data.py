"""The tax figures the app ships (resources/data/us-tax-2025-2027.json), as validated models.

The file is built by ``make tax-data`` (packaging/build_tax_data.py) in a throw-away environment: the federal
figures from Tax-Calculator's ``policy_current_law.json`` (taxcalc 6.8.0, CC0), the state tables from
PolicyEngine-US's own household simulation (policyengine-us 2.68.0, AGPL-3.0; a build tool only, none of its code
ships). The app never imports either package. See docs/tax-data.md.

Rules (each enforced below): no unknown fields; every federal year has brackets for every filing status, rising,
with rates between 0 and 1 and an open top bracket; federal years run without a gap; the state tables cover the
50 states and DC once per filing status, each a list of (wage, tax) knots from $0 to the table's top wage with
wages never falling, taxes never negative, and an off-grid check within its limit.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from planner.domain.tax_codes import FILING_STATUS_NAMES as FILING_STATUS_NAMES  # re-exported
from planner.domain.tax_codes import FILING_STATUSES as FILING_STATUSES
from planner.domain.tax_codes import STATE_NAMES as STATE_NAMES
from planner.domain.tax_codes import FilingStatus as FilingStatus
from planner.domain.tax_codes import StateCode as StateCode

TAX_SCHEMA_VERSION = 1
Money = Annotated[float, Field(ge=0, le=1e9, allow_inf_nan=False)]
Positive = Annotated[float, Field(gt=0, le=1e9, allow_inf_nan=False)]
Rate = Annotated[float, Field(gt=0, lt=1, allow_inf_nan=False)]
Year = Annotated[int, Field(ge=2000, le=2100)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Knot = tuple[Annotated[float, Field(ge=0, allow_inf_nan=False)], Annotated[float, Field(ge=0, allow_inf_nan=False)]]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Package(Strict):
    """A package the file was built with (in the throw-away build environment, never in the app)."""

    name: Text
    version: Text
    licence: Text
    distribution_sha256: Sha256  # the sdist or wheel pip installed
    used_for: Text


class FileRead(Strict):
    package: Text
    path: Text
    sha256: Sha256


class Provenance(Strict):
    python: Annotated[str, Field(pattern=r"^3\.\d+$")]
    packages: Annotated[list[Package], Field(min_length=2)]
    files: Annotated[list[FileRead], Field(min_length=1)]
    environment: Annotated[list[Text], Field(min_length=1)]  # "name==version" of every package in the environment


class Bracket(Strict):
    rate: Rate
    up_to: Positive | None  # None: the top bracket


class FederalYear(Strict):
    year: Year
    basis: Literal["law", "projected"]  # projected: Tax-Calculator indexed the last law year with its own forecast
    source: Text
    brackets: dict[FilingStatus, Annotated[list[Bracket], Field(min_length=1, max_length=20)]]
    standard_deduction: dict[FilingStatus, Money]
    social_security_rate: Rate
    social_security_wage_base: Positive
    medicare_rate: Rate
    additional_medicare_rate: Rate
    additional_medicare_threshold: dict[FilingStatus, Positive]
    retirement_limit_401k: Positive
    retirement_limit_source: Text

    @model_validator(mode="after")
    def _complete_and_rising(self) -> FederalYear:
        for name in ("brackets", "standard_deduction", "additional_medicare_threshold"):
            if set(getattr(self, name)) != set(FILING_STATUSES):
                raise ValueError(f"{self.year}: {name} must list every filing status {list(FILING_STATUSES)}")
        for status, rows in self.brackets.items():
            if rows[-1].up_to is not None or any(b.up_to is None for b in rows[:-1]):
                raise ValueError(f"{self.year} {status}: only the last bracket is open-ended")
            tops = [b.up_to or 0.0 for b in rows[:-1]]
            if tops != sorted(tops) or len(set(tops)) != len(tops):
                raise ValueError(f"{self.year} {status}: bracket thresholds must rise")
            rates = [b.rate for b in rows]
            if rates != sorted(rates):
                raise ValueError(f"{self.year} {status}: bracket rates must not fall")
        return self


class StateTable(Strict):
    """A state's income tax and employee payroll taxes for one filing status, as knots (wage, tax): linear
    interpolation between knots is PolicyEngine's figure within the check limit at every off-grid point tested."""

    state: StateCode
    status: FilingStatus
    income_tax: Annotated[list[Knot], Field(min_length=2, max_length=5000)]
    payroll_tax: Annotated[list[Knot], Field(min_length=2, max_length=5000)]
    income_tax_worst_error: Money
    payroll_tax_worst_error: Money

    @field_validator("income_tax", "payroll_tax")
    @classmethod
    def _wages_rise(cls, knots: list[Knot]) -> list[Knot]:
        wages = [w for w, _ in knots]
        if wages[0] != 0 or wages != sorted(wages) or len(set(wages)) != len(wages):
            raise ValueError("knots must start at a wage of 0 and rise")
        return knots


class StateData(Strict):
    year: Year
    source: Text
    top_wage: Positive
    grid: Annotated[list[tuple[Money, Money]], Field(min_length=2)]  # (from wage, step): the wages sampled
    check_limit: Positive
    checked_points: Annotated[int, Field(gt=0)]
    payroll_parts: dict[StateCode, list[Text]]
    tables: list[StateTable]

    @model_validator(mode="after")
    def _every_state_once(self) -> StateData:
        seen = [(t.state, t.status) for t in self.tables]
        wanted = {(s, f) for s in STATE_NAMES for f in FILING_STATUSES}
        if len(seen) != len(set(seen)) or set(seen) != wanted:
            raise ValueError("the state tables must cover every state and DC once per filing status")
        for t in self.tables:
            for name in ("income_tax", "payroll_tax"):
                if getattr(t, name)[-1][0] != self.top_wage:
                    raise ValueError(f"{t.state} {t.status}: {name} must end at the top wage {self.top_wage:g}")
                if getattr(t, f"{name}_worst_error") > self.check_limit:
                    raise ValueError(f"{t.state} {t.status}: {name} misses PolicyEngine by more than the limit")
        return self

    def table(self, state: str, status: FilingStatus) -> StateTable:
        for t in self.tables:
            if t.state == state and t.status == status:
                return t
        raise KeyError(f"no state table for {state} ({status})")


class TaxData(Strict):
    schema_version: Literal[1]
    title: Text
    notes: Annotated[list[Text], Field(min_length=1)]
    provenance: Provenance
    federal: Annotated[list[FederalYear], Field(min_length=1)]
    states: StateData

    @model_validator(mode="after")
    def _years_in_a_row(self) -> TaxData:
        years = [f.year for f in self.federal]
        if years != list(range(years[0], years[0] + len(years))):
            raise ValueError(f"federal years must follow one another without a gap: {years}")
        return self

    def federal_year(self, year: int) -> FederalYear | None:
        for f in self.federal:
            if f.year == year:
                return f
        return None
