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
class SourceLine:
    name: str
    kind: str
    note: str


@dataclass(frozen=True)
class CareerReport:
    title: str
    generated_on: dt.date
    profile: tuple[tuple[str, str], ...]  # (what, value) as the Projection tab shows them
    assumptions: tuple[tuple[str, str], ...]
    levels: tuple[LevelProgress, ...]
    overall: Progress
    projection_title: str
    projection_summary_html: str  # the Projection tab's summary (already escaped HTML)
    table_header: tuple[str, ...]
    table_rows: tuple[tuple[str, ...], ...]  # the Projection tab's table, as displayed
    document: tuple[tuple[str, str], ...]  # the article: title, file, published, read on
    sources: tuple[SourceLine, ...]
    market_summary: str = ""  # the user's occupation and area on the Market tab, when chosen
    market: tuple[tuple[str, str], ...] = ()  # the BLS release and files (presenters.market.bls_provenance)
    # The Projection tab's "Scenarios side by side" table, when scenarios are drawn (else empty).
    scenarios_header: tuple[str, ...] = ()
    scenarios_rows: tuple[tuple[str, ...], ...] = ()
