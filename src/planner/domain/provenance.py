"""Where each figure comes from: the dataset's sources and as-of date, or the app's own assumptions.

Pure (no Qt). Presenters use these words everywhere a figure is shown, so the same figure is described the same
way on every tab, and the "Data sources" view lists every sourced figure of the dataset with the assumptions the
app adds to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from planner.domain.dataset import Dataset, Figure, JobGrowth, Outcome, SalaryRange, Skill, Sourced
from planner.domain.money import percent, usd
from planner.domain.pay_compare import midpoint, wording_note
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
    """ "read on 28 November 2026 (the article is undated)": when the figures were read from their document,
    which is not a date of the figures themselves."""
    doc = dataset.document
    dated = f"published {date_text(doc.published)}" if doc.published is not None else "the article is undated"
    return f"read on {date_text(doc.read_on)} ({dated})"


def source_line(dataset: Dataset, item: Sourced | Skill | Outcome) -> str:
    """ "Source: Glassdoor and PayScale, as of 28 November 2026"."""
    return f"Source: {dataset.source_names(item.sources)}, {as_of(dataset)}"


def figure_value(item: Sourced | Skill | Outcome) -> str:
    """The figure as the source states it: "$70,000 – $132,000", "around $144,000", "almost 40%"."""
    if isinstance(item, Skill):
        return item.name
    if isinstance(item, Outcome):
        return item.text
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
    as_of: str  # the day read, "28 November 2026"; "" for assumptions


ASSUMPTION_NAMES = {
    "inflation": "Inflation",
    "yearly_raise": "Yearly raise within a level",
    "bonus_percent": "Bonus",
    "yearly_equity": "Yearly equity",
    "promotion_shift_years": "Promotion moved by skills",
    "promotion_raise": "Pay jump at a promotion",
    "skill_pace": "Skill pace",
}


def figure_name(dataset: Dataset, path: str) -> str:
    """What a person calls the figure at a field path: levels.entry.range -> "Entry level: salary range".

    Paths are those of ``Dataset.sourced_items`` and of the rows this module adds; an unknown one is returned as
    it is (never an error: the path is still a name, only a technical one)."""
    field, _, extra = path.partition(" ")  # "levels.entry.range (middle)": a derived figure
    parts = field.split(".")
    head, rest = parts[0], parts[1:]
    if head == "overall" and len(rest) == 1:
        overall = {"base_range": "Overall average base salary", "experienced_ceiling": "With more experience"}
        name = overall.get(rest[0])
        if name is None:
            return path
        return f"{name}: the middle of the range" if extra == "(midpoint)" else name
    if head == "outlook" and len(rest) == 1:
        outlook = {"job_growth": "Growth of AI and ML jobs", "market_size": "Size of the global ML market"}
        return outlook.get(rest[0], path)
    if head == "assumptions" and len(rest) == 1 and rest[0] in ASSUMPTION_NAMES:
        return ASSUMPTION_NAMES[rest[0]] + " (your assumption)"
    if head == "general_skills" and rest:
        skill = next((sk.name for sk in dataset.general_skills if sk.id == ".".join(rest)), None)
        return f"Every level: general skill “{skill}”" if skill is not None else path
    if head == "levels" and len(rest) >= 2:
        level = next((lv for lv in dataset.levels if lv.id == rest[0]), None)
        if level is None:
            return path
        if rest[1] == "skills" and len(rest) >= 3:
            skill = next((sk.name for sk in level.skills if sk.id == ".".join(rest[2:])), None)
            return f"{level.name}: skill “{skill}”" if skill is not None else path
        if rest[1] == "outcomes" and len(rest) >= 3:
            known = any(o.id == ".".join(rest[2:]) for o in level.outcomes)
            return f"{level.name}: where it leads (not a skill)" if known else path
        # The article's words: "salary" (it says "base salary" only of the overall range).
        if rest[1] == "range" and extra == "(middle)":
            return f"{level.name}: the middle of the salary range"
        what = {"range": "salary range", "average": "average salary", "experience": "years of experience"}
        return f"{level.name}: {what[rest[1]]}" if len(rest) == 2 and rest[1] in what else path
    if head == "industries" and rest[1:] == ["average"]:
        industry = next((i.name for i in dataset.industries if i.id == rest[0]), None)
        return f"{industry}: average pay (industry)" if industry is not None else path
    if head == "employers" and rest[1:] == ["pay"]:
        employer = next((e.name for e in dataset.employers if e.id == rest[0]), None)
        return f"{employer}: pay (employer)" if employer is not None else path
    if head == "conflicts" and len(rest) == 3 and rest[1] == "figures" and rest[2].isdigit():
        conflict = next((c for c in dataset.conflicts if c.id == rest[0]), None)
        n = int(rest[2])
        if conflict is not None and n < len(conflict.figures):
            return f"{conflict.title} — {conflict.figures[n].label}"
    return path


def source_rows(dataset: Dataset) -> list[ProvenanceRow]:
    """Every sourced figure of the dataset (``Dataset.sourced_items``), in the dataset's order."""
    units = {u.id: u.label for u in dataset.units}
    day = date_text(dataset.document.read_on)  # one form for dates everywhere: "28 November 2026"
    rows = []
    for path, item in dataset.sourced_items():
        if isinstance(item, Skill | Outcome):
            unit = "skill" if isinstance(item, Skill) else "outcome"
        else:
            unit = units[item.unit]  # every unit reference resolves (dataset_checks)
        value = figure_value(item)
        if isinstance(item, Figure) and (note := wording_note(item)):
            value += f" ({note})"  # "highest $254,000 (the article is ambiguous here: …)"
        rows.append(ProvenanceRow(path, "data", value, unit, dataset.source_names(item.sources), item.quote, day))
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
    defaults = Assumptions()
    for key, value, unit, note in (
        ("inflation", percent(a.inflation), "per year", "Price growth."),
        ("yearly_raise", percent(a.yearly_raise), "per year", "Raise within a level."),
        ("bonus_percent", f"{a.bonus_percent:g}%", "of base salary", "Added in total compensation."),
        ("yearly_equity", usd(a.yearly_equity), "USD per year, today's dollars", "Added in total compensation."),
        (
            "promotion_shift_years",
            f"{a.promotion_shift_years:g} years",
            "years",
            "How far a level's skills move the promotion into it.",
        ),
        ("promotion_raise", f"{a.promotion_raise * 100:g}%", "at a promotion", "The pay jump a promotion brings."),
        (
            "skill_pace",
            f"{a.skill_pace * 100:g}%",
            "of the gap a year",
            "With a salary: how fast pay follows what your skills warrant.",
        ),
    ):
        chosen = getattr(a, key) != getattr(defaults, key)
        who = "you" if chosen else "the app's default (yours to change)"
        rows.append(ProvenanceRow(f"assumptions.{key}", "assumption", value, unit, who, note, ""))
    return rows
