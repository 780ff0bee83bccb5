"""Every source of the app's figures in plain words: what it is, when it was published or read, what it covers.

Help > Data sources leads with these, and the career report's "Where the figures come from" says the same; the
files, sizes and SHA-256 sums are technical details, kept apart (``market_text.bls_provenance``).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.dataset import Dataset
from planner.domain.market import MarketData
from planner.domain.money import usd
from planner.domain.provenance import date_text
from planner.presenters.market_text import AREAS


@dataclass(frozen=True)
class SourceWords:
    """One source: its name as a heading, then what it is, when, and what it covers (each a sentence or two)."""

    short: str  # "The article": a table's first column (the report)
    name: str
    what: str
    when: str
    covers: str

    def text(self) -> str:
        return f"{self.what} {self.when} {self.covers}"


def _names(names: list[str]) -> str:
    """ "Google, Facebook and Amazon"; "none" for no name."""
    if len(names) <= 1:
        return names[0] if names else "none"
    return ", ".join(names[:-1]) + " and " + names[-1]


def article_words(dataset: Dataset) -> SourceWords:
    doc = dataset.document
    base = dataset.overall.base_range
    credited = [f"{s.name} ({s.kind})" for s in dataset.sources if s.kind != "article"]
    when = (
        f"Published {date_text(doc.published)}; its figures were read on {date_text(doc.read_on)}."
        if doc.published
        else f"Undated; its figures were read on {date_text(doc.read_on)}."
    )
    levels, employers = [lv.name for lv in dataset.levels], [e.name for e in dataset.employers]
    named = f"{len(levels)} career levels" + (f" ({_names(levels)})" if len(levels) <= 5 else "")
    companies = ""
    if employers:
        companies = (
            f", a figure for {_names(employers)}"
            if len(employers) <= 5
            else f", figures for {len(employers)} employers"
        )
    covers = (
        f"It gives pay ranges for {named}, an average for {len(dataset.industries)} industries{companies}, "
        "the skills it expects at each level and the outlook for jobs and the market."
        + (f" It credits figures to {_names(credited)}; others it states itself." if credited else "")
        + f" It says “base salary” only of its overall {usd(base.min)} – {usd(base.max)} range: the app reads its "
        "other figures as base salary too, an assumption."
    )
    return SourceWords(
        "The article",
        f"The article “{doc.title}”",
        "The salary ranges, industries, employers and skills on every tab come from this article.",
        when,
        covers,
    )


def market_words(market: MarketData) -> SourceWords:
    r = market.release
    occupations = _names([o.name for o in market.occupations])
    return SourceWords(
        "Official wages",
        f"Official wages: {market.title}",
        "Official statistics of the U.S. Bureau of Labor Statistics (BLS), shown on the Market wages tab; they never "
        "change the projection.",
        f"Published {date_text(r.published)}; the app's copy of its files was retrieved on {date_text(r.retrieved)}.",
        f"Yearly wages (percentiles, mean and employment) of {len(market.occupations)} occupations in which ML "
        f"engineers are counted ({occupations}): in the United States as a whole, each state and {AREAS}. "
        f"{market.disclaimer}",
    )


YOURS = SourceWords(
    "Yours",
    "Your own entries",
    "Your salary, pay history, skills, learning plan, scenarios and offers are what you entered.",
    "They change when you change them.",
    "The assumptions (inflation, raises, bonus, equity and the others) are the app's defaults until you change "
    "them on the Projection tab.",
)


def source_words(dataset: Dataset, market: MarketData | None) -> tuple[SourceWords, ...]:
    """The article, the official wages (when the app has them) and the user's own entries."""
    return (article_words(dataset), *((market_words(market),) if market is not None else ()), YOURS)
