"""A tick at the very top of the Projection chart's range keeps its whole label: the label is centred on its tick,
and without room above the plot the chart's edge cut its upper half ("$700k" at 1366x768). Every chart gets that
room from ``views.charts.style_plot``."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from planner.views.charts import chart_of


def top_tick_at_the_edge(plot: pg.PlotWidget, qapp: Any) -> float:
    """Set the y range to end a hair (a fraction of a pixel) above a major tick of the left axis; that tick's value.
    (A tick exactly on the edge may be left out as outside the range.)"""
    item = plot.getPlotItem()
    axis = item.getAxis("left")
    top = float(item.viewRange()[1][1])
    for _ in range(5):  # the spacing follows the range: settle on a top just above a major tick
        spacing, values = axis.tickValues(0.0, top, axis.height())[0]
        tick = max(v for v in values if v <= top)
        top = tick + spacing * 0.001
        item.setYRange(0.0, top, padding=0)
        qapp.processEvents()
        if tick in axis.tickValues(0.0, top, axis.height())[0][1]:
            return tick
    pytest.fail(f"no major tick at the top of {plot.objectName()}: {spacing}")


def projection_chart(main_context: Any, qapp: Any, width: int, height: int) -> pg.PlotWidget:
    """The Projection tab's chart, shown in a window of this size."""
    window = main_context.window
    window.resize(width, height)
    window.select_tab("projection")
    qapp.processEvents()
    plot = chart_of(window.tab_widget("projection"))
    assert plot is not None
    return plot


def test_the_top_tick_label_is_whole(main_context: Any, qapp: Any) -> None:
    plot = projection_chart(main_context, qapp, 1366, 768)
    top = top_tick_at_the_edge(plot, qapp)
    axis = plot.getPlotItem().getAxis("left")
    canvas = QImage(plot.size(), QImage.Format.Format_ARGB32)
    painter = QPainter(canvas)
    try:
        texts = {text for _rect, _flags, text in axis.generateDrawSpecs(painter)[2]}
    finally:
        painter.end()
    assert axis.tickStrings([top], 1.0, 1.0)[0] in texts  # the label is drawn, not left out

    image = plot.grab().toImage()
    columns = range(int(axis.mapRectToScene(axis.boundingRect()).right()))
    first_row = {QColor(image.pixel(x, 0)).name() for x in columns}
    assert len(first_row) == 1, f"the label of the tick at {top:,.0f} runs off the top of the chart: {first_row}"


def test_the_label_is_drawn_below_the_top_edge(main_context: Any, qapp: Any) -> None:
    """The same from the layout: above the plot there is room for half a line of the axis's text."""
    plot = projection_chart(main_context, qapp, 1024, 640)
    view_top = plot.getPlotItem().getViewBox().sceneBoundingRect().top()
    assert view_top >= plot.fontMetrics().height() / 2
