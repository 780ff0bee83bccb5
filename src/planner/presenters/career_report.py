"""What the career report holds (the File menu's PDF): the commands assemble it from the tabs' presenters, the views
render it. Skills progress is worked out here too: the Skills tab and the report show the same counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.dataset import Dataset
from planner.domain.profile import Profile


@dataclass(frozen=True)
class Progress:
    """How many of a level's skills (or of all skills, when level_id is None) the user has ticked."""

    level_id: str | None
    name: str
    done: int
    total: int

    @property
    def text(self) -> str:
        return f"{self.name}: {self.done} of {self.total}"


def skill_progress(dataset: Dataset, profile: Profile) -> tuple[list[Progress], Progress]:
    """Ticked skills per level, and of all skills."""
    ticks = profile.skills
    levels = [
        Progress(g.id, g.name, sum(1 for sk in g.skills if sk.id in ticks), len(g.skills))
        for g in dataset.skill_groups()
    ]
    overall = Progress(None, "All skills", sum(p.done for p in levels), sum(p.total for p in levels))
    return levels, overall


@dataclass(frozen=True)
class LevelProgress:
    name: str
    done: int
    total: int
    ticked: tuple[str, ...]  # names of the ticked skills, in the article's order


@dataclass(frozen=True)
class Table:
    """A table of plain text cells as printed (escaped once, where the renderer makes it rich text). Cells from
    column ``numbers_from`` on are figures, right-aligned; no cell wraps except in the columns of ``wrap`` (at
    spaces), and a header wraps only where it holds a line break. ``widths``: each column's share of the page (%),
    when the text would not share it out well."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numbers_from: int = 1
    wrap: tuple[int, ...] = ()
    widths: tuple[int, ...] = ()


@dataclass(frozen=True)
class OfferSection:
    """One job offer: its terms (each saying whether it is the user's entry or an assumption) and its first years
    beside the current job."""

    title: str
    terms: tuple[tuple[str, str], ...]
    years: Table | None = None  # its years beside the current job, when shown apart (CareerReport.offers_years)
    note: str = ""


@dataclass(frozen=True)
class CareerReport:
    """Everything the printed report says, in plain text (the renderer escapes it) except where a field says
    it is already rich text."""

    title: str
    generated_on: dt.date
    intro: str  # what kinds of figures the report holds and how each is marked
    profile: tuple[tuple[str, str], ...]  # (what, value) as the Projection tab shows them
    assumptions: tuple[tuple[str, str], ...]  # (name, "value (the default)" or "value (yours; default …)")
    levels: tuple[LevelProgress, ...]
    overall: Progress
    projection_title: str
    projection_summary_html: str  # the Projection tab's summary (already escaped HTML)
    year_table: Table  # every fifth year with the first and the last (the CSV has every year)
    year_note: str
    plan: tuple[str, ...] = ()  # the learning plan's steps, in date order, as sentences
    plan_note: str = ""
    pay_history: Table | None = None
    pay_note: str = ""
    scenarios: Table | None = None  # today's path and each scenario drawn
    scenario_changes: tuple[tuple[str, str], ...] = ()  # (scenario, what it changes)
    scenarios_note: str = ""
    offers: tuple[OfferSection, ...] = ()
    offers_side: Table | None = None  # the current job and the offers as columns, a few figures as rows
    offers_years: Table | None = None  # every job's components by year, with the difference against the current job
    offers_note: str = ""
    market_summary: str = ""  # where the salary sits among the BLS wages of the chosen occupation and area
    sources: tuple[tuple[str, str], ...] = ()  # each source in plain words
    details: tuple[tuple[str, str], ...] = ()  # files, versions and hashes: the last page
