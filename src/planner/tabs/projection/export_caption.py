"""What an exported Projection chart says of itself (views.export_render.captioned): its title, caption and source.

ProjectionTab.export_caption (view.py) calls it with the chart last drawn and the dollars and pay shown.
"""

from __future__ import annotations

from planner.domain.projection_basis import Comp, Dollars
from planner.domain.take_home_text import tax_source_words
from planner.domain.tax_codes import FILING_STATUS_NAMES
from planner.tabs.projection.chart_data import COMP_LABEL, DOLLARS_LABEL, ProjectionChart
from planner.views.export_render import DERIVED_SOURCE, ChartCaption


def projection_caption(chart: ProjectionChart | None, dollars: Dollars, comp: Comp) -> ChartCaption:
    """ "Projection: projected base salary, nominal dollars", what the curve and the band are, and the source."""
    title = f"Projection: projected {COMP_LABEL[comp]}, {DOLLARS_LABEL[dollars]} (USD a year)"
    if chart is None or not len(chart.x):
        return ChartCaption(title, "", DERIVED_SOURCE)
    first, last = int(chart.x[0]), int(chart.x[-1])
    caption = f"{chart.main.name}, {first} to {last}; the shaded band: {chart.band_label.lower()}."
    if chart.comparisons:
        caption += " Beside it: " + ", ".join(c.name for c in chart.comparisons) + "."
    source = DERIVED_SOURCE
    if chart.taxes is not None:  # take-home pay: whose taxes, and where the tax figures come from
        t = chart.taxes
        caption += f" Taxes: {t.origin or t.state}, {FILING_STATUS_NAMES[t.status]}."
        source += f" Taxes: derived from {tax_source_words(t.data)}."
    return ChartCaption(title, caption, source)
