"""Shared chart pieces: a currency axis without SI prefixes and colours that follow the palette."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QWidget

from planner.domain.money import usd_short
from planner.views.theme import chart_colors

pg.setConfigOptions(antialias=True)


class CurrencyAxis(pg.AxisItem):
    """Ticks read $70k, $150k, $1.2M: never '×1e3' or a 'k' prefix on the label."""

    def __init__(self, orientation: str = "left", **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [usd_short(v * scale) for v in values]


def palette_colors() -> dict[str, QColor]:
    """The chart colours for the current palette (views.theme.chart_colors), with its background, text and
    selection colours."""
    pal = QApplication.palette()
    window = pal.color(QPalette.ColorRole.Base)
    colors = chart_colors(window.lightness() < 128)
    colors["background"] = window
    colors["foreground"] = pal.color(QPalette.ColorRole.Text)
    colors["selection"] = pal.color(QPalette.ColorRole.Highlight)
    colors["selection_text"] = pal.color(QPalette.ColorRole.HighlightedText)
    return colors


def chart_of(tab: QWidget | None) -> pg.PlotWidget | None:
    """The chart a tab shows (its ``plot``), or None for a tab without one."""
    plot = getattr(tab, "plot", None)
    return plot if isinstance(plot, pg.PlotWidget) else None


def one_tab_stop(plot: pg.PlotWidget) -> None:
    """The chart is one stop for the Tab key at most: its viewport (a child widget) takes no focus of its own."""
    plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)


def style_plot(plot: pg.PlotWidget) -> dict[str, QColor]:
    """Colour a plot from the current palette; call again when the scheme changes."""
    colors = palette_colors()
    plot.setBackground(colors["background"])
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getPlotItem().getAxis(name)
        axis.setPen(pg.mkPen(colors["foreground"]))
        axis.setTextPen(pg.mkPen(colors["foreground"]))
    return colors


def range_band(low: float, high: float, orientation: str, colors: dict[str, QColor]) -> pg.LinearRegionItem:
    """The article's overall average range as a shaded, fixed band behind a chart's bars."""
    band = pg.LinearRegionItem(
        values=(low, high),
        orientation=orientation,
        movable=False,
        brush=pg.mkBrush(colors["band"]),
        pen=pg.mkPen(colors["band_edge"], style=Qt.PenStyle.DashLine),
    )
    band.setZValue(-10)
    return band


def read_only_table(object_name: str, accessible_name: str) -> QTableView:
    """A table the user reads and selects one row of, never edits: the chart tabs' data tables."""
    table = QTableView()
    table.setObjectName(object_name)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table
