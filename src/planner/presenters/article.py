"""The article the dataset's figures come from, in plain words: what an exported chart gives as its source.

Kept apart from ``data_sources`` (which reads the BLS provenance too): the first tab imports it at start-up.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.dataset import Dataset


def article_line(dataset: Dataset) -> str:
    """The article the dataset's figures come from, in plain words: its title, when published and read."""
    doc = dataset.document
    published = f"published {_day(doc.published)}, " if doc.published else ""
    return f"the article “{doc.title}” ({published}read on {_day(doc.read_on)})"


def article_source(dataset: Dataset) -> str:
    """The article and whom it credits, as a sentence (an exported chart's source)."""
    line = article_line(dataset)
    credits = ", ".join(s.name for s in dataset.sources)
    return f"{line[0].upper()}{line[1:]}" + (f"; its figures are credited to {credits}." if credits else ".")


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
