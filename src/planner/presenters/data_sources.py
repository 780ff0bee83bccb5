"""Help > Data sources: every sourced figure of the dataset, and the app's assumptions, as one table.

Built from ``Dataset.sourced_items()`` through ``domain.provenance``; the sources themselves (name, kind, note)
come first in the dialog's text, the figures in this model.
"""

from __future__ import annotations

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
from planner.presenters.table import RowsTableModel

PATH_ROLE = Qt.ItemDataRole.UserRole  # the field path in the data file (shown on hover of the figure's name)


class DataSourcesModel(RowsTableModel):
    HEADERS = ("Figure", "Kind", "Value", "Sources", "As of", "Unit", "Quote or how it is made")

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
        values = (name, KIND_LABELS[row.kind], row.value, row.sources, row.as_of or "—", row.unit, row.quote)
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                return plain_tooltip(f"{name}\nField in the data file: {row.path}")
            return plain_tooltip(values[index.column()])
        if role == PATH_ROLE:
            return row.path
        return None


def sources_html(dataset: Dataset, market: MarketData | None = None) -> str:
    """The list of sources above the table: who each is and what the dataset says about them; then the BLS
    release the Market tab shows, with every file it came from and BLS's disclaimer."""
    doc = dataset.document
    items = "".join(
        f"<li><b>{escape(s.name)}</b> ({escape(s.kind)})" + (f": {escape(s.note)}" if s.note else "") + "</li>"
        for s in dataset.sources
    )
    published = f", published {date_text(doc.published)}" if doc.published else ""
    return (
        f"<p><b>{escape(dataset.title)}</b><br>Read from “{escape(doc.title)}”{published}; "
        f"figures {as_of(dataset)}.</p><p>Sources:</p><ul>{items}</ul>"
        "<p>Rows of kind <i>Assumption</i>, <i>Derived</i> or <i>Inferred</i> are the app's, not the "
        "source's: assumptions are yours to change on the Projection tab.</p>"
        + (_market_html(market) if market else "")
    )


def _market_html(market: MarketData) -> str:
    rows = "".join(
        f"<tr><td valign='top'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in bls_provenance(market)
    )
    return (
        "<p><b>Market wages tab: official statistics</b> (every BLS figure shows its series id on hover)</p>"
        f"<table cellspacing='0' cellpadding='2'>{rows}</table>"
    )
