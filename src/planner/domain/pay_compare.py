"""Industries and employers as one list of pay entries, and the pure arithmetic that compares them.

No Qt here: the "Industries" tab's presenter turns these results into text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from planner.domain.dataset import Dataset, Figure, SalaryRange
from planner.domain.money import usd

Group = Literal["industry", "employer"]


@dataclass(frozen=True)
class PayEntry:
    """One bar of the industries chart: an industry's average or an employer's pay, with its source."""

    group: Group
    entry_id: str
    name: str
    figure: Figure

    @property
    def key(self) -> str:
        """Unique across both groups (an industry and an employer may share an id)."""
        return f"{self.group}:{self.entry_id}"

    @property
    def amount(self) -> int:
        return self.figure.amount


def industry_entries(dataset: Dataset) -> list[PayEntry]:
    """The dataset's industries, best paid first (ties by name)."""
    entries = [PayEntry("industry", ind.id, ind.name, ind.average) for ind in dataset.industries]
    return sorted(entries, key=lambda e: (-e.amount, e.name))  # ties by name, as in the table


def employer_entries(dataset: Dataset) -> list[PayEntry]:
    """The dataset's employers, best paid first (ties by name)."""
    entries = [PayEntry("employer", emp.id, emp.name, emp.pay) for emp in dataset.employers]
    return sorted(entries, key=lambda e: (-e.amount, e.name))  # ties by name, as in the table


@dataclass(frozen=True)
class Difference:
    """How ``first`` compares with ``second``; the percentage is relative to ``second``."""

    amount: int  # first - second, in dollars
    fraction: float  # amount / second

    @property
    def same(self) -> bool:
        return self.amount == 0


def difference(first: int, second: int) -> Difference:
    delta = first - second
    return Difference(delta, delta / second)


# "Amazon leads the pack with highest salary of $254,000": the two readings of the article's "highest".
HIGHEST_READINGS = "its highest salary, or the pay of the employer that pays most"


def wording_note(figure: Figure) -> str:
    """What the article's word for a figure leaves open, said where the figure is shown ("" when nothing)."""
    if figure.qualifier == "highest":
        return f"the article is ambiguous here: {HIGHEST_READINGS}"
    return ""


def in_words(figure: Figure, label: str = "") -> str:
    """ "around $150,000": the figure with the article's word; the word left out when ``label`` already says it
    ("Amazon, “leads the pack with highest salary”: $254,000")."""
    if not figure.qualifier or figure.qualifier in label:
        return usd(figure.amount)
    return f"{figure.qualifier} {usd(figure.amount)}"


def worded(entry: PayEntry) -> str:
    """ "Google (almost $148,000)": the entry with its figure in the article's words; the bare name without one."""
    q = entry.figure.qualifier
    return f"{entry.name} ({q} {usd(entry.amount)})" if q else entry.name


def qualifier_caveat(*entries: PayEntry) -> str:
    """What the article's words for the figures compared do to the difference ("" when it words none)."""
    parts = []
    for e in entries:
        if e.figure.qualifier == "highest":
            parts.append(
                f"the article says {e.name} “leads the pack with highest salary”: {usd(e.amount)} may be its "
                f"highest salary or the pay of the employer that pays most, not an average like the others"
            )
    approximate = sorted({f"“{q}”" for e in entries if (q := e.figure.qualifier) and q != "highest"})
    if approximate:
        verb = "makes" if len(approximate) == 1 else "make"
        parts.append(f"{' and '.join(approximate)} {verb} the difference approximate")
    return f" ({'; '.join(parts)})" if parts else ""


@dataclass(frozen=True)
class RangePosition:
    """Where an amount sits against a range: below it, within it (inclusive) or above it."""

    where: Literal["below", "within", "above"]
    outside_by: int  # dollars beyond the nearer end; 0 when within
    from_midpoint: float  # amount - midpoint (the midpoint is derived: the middle of the range)

    @property
    def signed_distance(self) -> int:
        """Negative below, 0 within, positive above: a sort key."""
        return {"below": -self.outside_by, "within": 0, "above": self.outside_by}[self.where]


def midpoint(r: SalaryRange) -> float:
    return (r.min + r.max) / 2


def position_in_range(amount: int, r: SalaryRange) -> RangePosition:
    mid = amount - midpoint(r)
    if amount < r.min:
        return RangePosition("below", r.min - amount, mid)
    if amount > r.max:
        return RangePosition("above", amount - r.max, mid)
    return RangePosition("within", 0, mid)
