"""Help > Data sources: the sources in plain words first, then every figure as one table, then the technical
details (files, sizes, SHA-256 sums).

Built from ``Dataset.sourced_items()`` through ``domain.provenance`` and ``source_words``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from planner.domain.dataset import Dataset
from planner.domain.market import MarketData
from planner.domain.profile import Assumptions
from planner.domain.provenance import (
    KIND_LABELS,
    ProvenanceRow,
    as_of,
    assumption_rows,
    date_text,
    figure_name,
    source_rows,
)
from planner.domain.text import escape, plain_tooltip
from planner.presenters.market_text import bls_provenance
from planner.presenters.source_words import source_words
from planner.presenters.table import RowsTableModel

PATH_ROLE = Qt.ItemDataRole.UserRole  # the field path in the data file (shown on hover of the figure's name)
AS_OF_ROLE = Qt.ItemDataRole.UserRole + 1  # the day the figure was read ("" for the app's own figures)


class DataSourcesModel(RowsTableModel):
    """Every sourced figure and every figure the app adds, one row each. The day the article's figures were read
    is the same for all of them: said above the table (``figures_note``) and in each source's tooltip."""

    HEADERS = ("Figure", "Value", "Unit", "Sources", "Kind", "Quote or how it is made")

    def __init__(self, dataset: Dataset, assumptions: Assumptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProvenanceRow] = source_rows(dataset) + assumption_rows(dataset, assumptions)
        self._names = [figure_name(dataset, row.path) for row in self._rows]

    def rows(self) -> list[ProvenanceRow]:
        return list(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        name = self._names[index.row()]
        values = (name, row.value, row.unit, row.sources, KIND_LABELS[row.kind], row.quote)
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                return plain_tooltip(f"{name}\nField in the data file: {row.path}")
            if index.column() == 3 and row.as_of:
                return plain_tooltip(f"{row.sources}; read on {row.as_of}")
            return plain_tooltip(values[index.column()])
        if role == PATH_ROLE:
            return row.path
        if role == AS_OF_ROLE:
            return row.as_of
        return None


def figures_note(dataset: Dataset) -> str:
    """The line above the table: what its rows are, and the day the article's figures were read."""
    return (
        f"Every figure of the article with the sentence it was read from: figures {as_of(dataset)}. Then the "
        "figures the app adds: what it derives or infers, and your assumptions (yours to change on the Projection "
        "tab). Hover a figure's name for its field in the data file."
    )


def sources_html(dataset: Dataset, market: MarketData | None = None) -> str:
    """The sources in plain words, first: what each is, when it was published or read, what it covers; then whom
    the article credits. Every text is escaped (text from files is never markup)."""
    parts = [f"<h3>{escape(dataset.title)}</h3>"]
    for w in source_words(dataset, market):
        parts.append(f"<p><b>{escape(w.name)}</b><br>{escape(w.what)} {escape(w.when)}<br>{escape(w.covers)}</p>")
    credited = "".join(
        f"<li><b>{escape(s.name)}</b> ({escape(s.kind)})" + (f": {escape(s.note)}" if s.note else "") + "</li>"
        for s in dataset.sources
    )
    parts.append(f"<p><b>Whom the article credits</b></p><ul>{credited}</ul>")
    parts.append(
        "<p>The Figures tab lists every figure with the sentence it was read from; Technical details gives the "
        "files, their sizes and SHA-256 sums.</p>"
    )
    return "".join(parts)


def details_html(dataset: Dataset, market: MarketData | None = None) -> str:
    """The technical details: the article's file, then the BLS release with every file it came from (address,
    size, SHA-256) and the local copy."""
    doc = dataset.document
    rows = [("Article", f"{doc.title}; kept as {doc.file}; read on {date_text(doc.read_on)}")]
    if doc.published:
        rows.append(("Published", date_text(doc.published)))
    if doc.note:
        rows.append(("About the article", doc.note))
    html = "<p><b>The article</b></p>" + _table(rows)
    if market is not None:
        html += (
            "<p><b>Market wages tab: official statistics</b> (every BLS figure shows its series id on hover)</p>"
            + _table(bls_provenance(market))
        )
    return html


def _table(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td valign='top'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"
