"""Where each figure comes from: the dataset's sources and as-of date, or the app's own assumptions.

Pure (no Qt). Presenters use these words everywhere a figure is shown, so the same figure is described the same
way on every tab, and the "Data sources" view lists every sourced figure of the dataset with the assumptions the
app adds to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from planner.domain.dataset import Dataset, Figure, JobGrowth, SalaryRange, Skill, Sourced
from planner.domain.money import percent, usd
from planner.domain.pay_compare import midpoint
from planner.domain.profile import Assumptions

Kind = Literal["data", "assumption", "derived", "inferred"]

KIND_LABELS: dict[Kind, str] = {
    "data": "Data",
    "assumption": "Assumption (yours to change)",
    "derived": "Derived by the app",
    "inferred": "Inferred (not stated by the source)",
}


def date_text(day: dt.date) -> str:
    """28 November 2026."""
    return f"{day.day} {day:%B %Y}"


def as_of(dataset: Dataset) -> str:
    """ "as of 28 November 2026" (the day the dataset's figures were read from their document)."""
    return f"as of {date_text(dataset.document.read_on)}"


def source_line(dataset: Dataset, item: Sourced | Skill) -> str:
    """ "Source: Glassdoor and PayScale, as of 28 November 2026"."""
    return f"Source: {dataset.source_names(item.sources)}, {as_of(dataset)}"


def figure_value(item: Sourced | Skill) -> str:
    """The figure as the source states it: "$70,000 – $132,000", "around $144,000", "almost 40%"."""
    if isinstance(item, Skill):
        return item.name
    if isinstance(item, SalaryRange):
        return f"{usd(item.min)} – {usd(item.max)}"
    if isinstance(item, JobGrowth):
        text = f"{item.percent:g}%"
        return f"{item.qualifier} {text}" if item.qualifier else text
    if isinstance(item, Figure):
        return f"{item.qualifier} {usd(item.amount)}" if item.qualifier else usd(item.amount)
    return ""


@dataclass(frozen=True)
class ProvenanceRow:
    """One line of the "Data sources" view."""

    path: str  # e.g. levels.entry.range, or assumptions.inflation
    kind: Kind
    value: str
    unit: str
    sources: str  # source names, or who made the figure (the app, you)
    quote: str  # the sentence it was read from, or how it is made
    as_of: str  # ISO date, "" for assumptions


ASSUMPTION_NAMES = {
    "inflation": "Inflation",
    "yearly_raise": "Yearly raise within a level",
    "bonus_percent": "Bonus",
    "yearly_equity": "Yearly equity",
    "promotion_shift_years": "Promotion moved by skills",
    "horizon_years": "Horizon",
}


def figure_name(dataset: Dataset, path: str) -> str:
    """What a person calls the figure at a field path: levels.entry.range -> "Entry level: base salary range".

    Paths are those of ``Dataset.sourced_items`` and of the rows this module adds; an unknown one is returned as
    it is (never an error: the path is still a name, only a technical one)."""
    parts = path.split(" ")[0].split(".")
    extra = path[len(path.split(" ")[0]) :].strip()  # "(midpoint)", "(middle)"
    names = {
        "levels": {lv.id: lv for lv in dataset.levels},
        "industries": {i.id: i for i in dataset.industries},
        "employers": {e.id: e for e in dataset.employers},
        "conflicts": {c.id: c for c in dataset.conflicts},
    }
    head = parts[0]
    if head == "overall" and len(parts) == 2:
        name = {"base_range": "Overall average base salary", "experienced_ceiling": "With more experience"}.get(
            parts[1], ""
        )
        if name and extra == "(midpoint)":
            return f"{name}: the middle of the range"
        return name or path
    if head == "outlook" and len(parts) == 2:
        return {"job_growth": "Growth of AI and ML jobs", "market_size": "Size of the global ML market"}.get(
            parts[1], path
        )
    if head == "assumptions" and len(parts) == 2:
        return ASSUMPTION_NAMES.get(parts[1], path) + " (your assumption)"
    if head in names and len(parts) >= 3 and parts[1] in names[head]:
        owner = names[head][parts[1]]
        if head == "levels":
            level = owner.name  # type: ignore[union-attr]
            if parts[2] == "skills" and len(parts) >= 4:
                skill = next((sk.name for sk in owner.skills if sk.id == ".".join(parts[3:])), "")  # type: ignore[union-attr]
                return f"{level}: skill “{skill}”" if skill else path
            what = {"range": "base salary range", "average": "average base salary", "experience": "years of experience"}
            if parts[2] in what:
                text = f"{level}: {what[parts[2]]}"
                return f"{level}: the middle of the base salary range" if extra == "(middle)" else text
        if head == "industries":
            return f"{owner.name}: average pay (industry)"  # type: ignore[union-attr]
        if head == "employers":
            return f"{owner.name}: pay (employer)"  # type: ignore[union-attr]
        if head == "conflicts" and parts[2] == "figures" and len(parts) == 4 and parts[3].isdigit():
            conflict = owner
            n = int(parts[3])
            figures = conflict.figures  # type: ignore[union-attr]
            if n < len(figures):
                return f"{conflict.title} — {figures[n].label}"  # type: ignore[union-attr]
    return path


def source_rows(dataset: Dataset) -> list[ProvenanceRow]:
    """Every sourced figure of the dataset (``Dataset.sourced_items``), in the dataset's order."""
    units = {u.id: u.label for u in dataset.units}
    day = dataset.document.read_on.isoformat()
    rows = []
    for path, item in dataset.sourced_items():
        unit = "skill" if isinstance(item, Skill) else units.get(item.unit, item.unit)
        rows.append(
            ProvenanceRow(path, "data", figure_value(item), unit, dataset.source_names(item.sources), item.quote, day)
        )
    return rows


def assumption_rows(dataset: Dataset, assumptions: Assumptions) -> list[ProvenanceRow]:
    """The figures the app adds to the data: the user's assumptions, what it derives and what it infers."""
    a = assumptions
    base = dataset.overall.base_range
    rows = [
        ProvenanceRow(
            "overall.base_range (midpoint)",
            "derived",
            usd(midpoint(base)),
            "USD per year",
            "the app",
            "The middle of the overall average range; industry and employer pay is compared with it.",
            "",
        )
    ]
    for lv in dataset.levels:
        if lv.experience.basis == "inferred":
            rows.append(
                ProvenanceRow(
                    f"levels.{lv.id}.experience",
                    "inferred",
                    lv.experience.label,
                    "years of experience",
                    "the app",
                    lv.experience.note,
                    "",
                )
            )
        if lv.average is None:
            rows.append(
                ProvenanceRow(
                    f"levels.{lv.id}.range (middle)",
                    "derived",
                    usd((lv.range.min + lv.range.max) / 2),
                    "USD per year",
                    "the app",
                    "The source gives no average for this level; the projection uses the middle of its range.",
                    "",
                )
            )
    mine = "you (default of the app)"
    rows += [
        ProvenanceRow(
            "assumptions.inflation", "assumption", percent(a.inflation), "per year", mine, "Price growth.", ""
        ),
        ProvenanceRow(
            "assumptions.yearly_raise",
            "assumption",
            percent(a.yearly_raise),
            "per year",
            mine,
            "Raise within a level.",
            "",
        ),
        ProvenanceRow(
            "assumptions.bonus_percent",
            "assumption",
            f"{a.bonus_percent:g}%",
            "of base salary",
            mine,
            "Added in total compensation.",
            "",
        ),
        ProvenanceRow(
            "assumptions.yearly_equity",
            "assumption",
            usd(a.yearly_equity),
            "USD per year, today's dollars",
            mine,
            "Added in total compensation.",
            "",
        ),
        ProvenanceRow(
            "assumptions.promotion_shift_years",
            "assumption",
            f"{a.promotion_shift_years:g} years",
            "years",
            mine,
            "How far a level's skills move the promotion into it.",
            "",
        ),
    ]
    return rows
