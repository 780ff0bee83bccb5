"""The Projection tab's chart: your curve with its band, the comparisons and scenarios, promotions, the pay history,
the learning plan's marks, the stretches beyond the article's figures and the curve before your last change.

Nothing is drawn over the curves: the legend and the readout are widgets outside the plot (the tab's), and the
labels of promotions, plans and today sit in a band kept free at the top of the plot, placed so that no two meet
(shortened, or left to their mark's tooltip, when there is no room). Passive: it draws the ProjectionChart it is
handed and says which year the mouse is over.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPen
from PySide6.QtWidgets import QWidget

from planner.domain.text import escape, plain_tooltip
from planner.tabs.projection.chart_data import CurveData, ProjectionChart
from planner.views.charts import CurrencyAxis, flat_pen, one_tab_stop, style_plot
from planner.views.legend_row import LegendEntry
from planner.views.theme import YOU_SYMBOL

# Comparison curves differ by colour and by dash pattern (for colour-blind readers and print).
COMPARISON_STYLE = {
    "industry": ("average", Qt.PenStyle.DashLine),
    "employer": ("bar_second", Qt.PenStyle.DashDotLine),
    "next-skills": ("bar", Qt.PenStyle.DotLine),
    # Scenarios: a colour and a dash pattern each (told apart without colour too).
    # Never the orange of "you" (today's path) nor its neighbour hues.
    "scenario-0": ("bar", Qt.PenStyle.SolidLine),
    "scenario-1": ("bar_second", Qt.PenStyle.DashDotDotLine),
    "scenario-2": ("ceiling", Qt.PenStyle.DashLine),
    "scenario-3": ("average", Qt.PenStyle.DotLine),
    "scenario-4": ("muted", Qt.PenStyle.DashDotLine),
}
LABEL_ROWS = 3  # rows of labels in the band at the top of the plot
BAND_PAD = 6  # px under the last row of labels, before the curves may start


@dataclass(frozen=True)
class TopLabel:
    x: float  # calendar year (may fall inside a year: a plan's month)
    text: str
    short: str  # used when the whole text finds no room
    tip: str
    kind: str  # "today", "promotion" or "plan"


class ProjectionPlot(pg.PlotWidget):
    """The earnings chart (a PlotWidget): ``show_chart`` draws, ``show_crosshair`` marks the selected year."""

    year_hovered = Signal(int)  # the index of the year under the mouse
    legend_changed = Signal()  # the entries (or their hidden state) changed: the tab's legend row follows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"left": CurrencyAxis("left")})
        self._chart: ProjectionChart | None = None
        self._x_range = (0.0, 0.0)
        self._y_top = 0.0
        self._top_data = 0.0
        self._labels: list[TopLabel] = []
        self._row_height = 0
        self._halo_drawn: dict[str, tuple[bytes, bytes, bytes]] = {}
        self._labels_placed: tuple[object, ...] | None = None
        self._paper_legend: pg.LegendItem | None = None  # while the chart is drawn for a file or a page
        self.setObjectName("projectionChart")
        one_tab_stop(self)
        self.setAccessibleName("Projected earnings by year chart")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(160)
        # The plot's viewport would be an unnamed Tab stop; the year spin box, slider and table give the same data.
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        item = self.getPlotItem()
        # No grid (the readout gives exact figures) and no antialiasing for the view: curves still draw themselves
        # antialiased (pyqtgraph's option, set in views.charts), while the band stays cheap to repaint on a tick.
        self.setAntialiasing(False)
        item.setLabel("bottom", "Year")
        self.hidden_keys: set[str] = set()  # curves hidden from the legend (a click on their entry)
        self.low_curve = pg.PlotDataItem()
        self.high_curve = pg.PlotDataItem()
        self.band = pg.FillBetweenItem(self.low_curve, self.high_curve)
        self.band.setZValue(-10)
        self.main_curve = pg.PlotDataItem()
        self.main_curve.setZValue(10)
        # The curve as it was before your last change: faint, until the next change (the headline says the change).
        self.previous_curve = pg.PlotDataItem()
        self.previous_curve.setObjectName("previousCurve")
        self.previous_curve.setZValue(8)
        self.previous_curve.hide()
        # Total compensation: the base salary inside it, and bonus and equity stacked on top of it (shaded).
        self.base_curve = pg.PlotDataItem()
        self.base_curve.setObjectName("baseInsideTotal")
        self.base_curve.setZValue(9)
        self.extras = pg.FillBetweenItem(self.base_curve, self.main_curve)
        self.extras.setZValue(-5)
        self.base_curve.hide()
        self.extras.hide()
        self.comparison_curves: dict[str, pg.PlotDataItem] = {}
        for key in COMPARISON_STYLE:
            curve = pg.PlotDataItem()
            curve.setZValue(5)
            curve.hide()
            self.comparison_curves[key] = curve
        # Years beyond the article's figures: a wide, pale stroke under each stretch of each curve (one mark per
        # stretch, on every curve alike), never a cross per year.
        self.outside_halos: dict[str, pg.PlotDataItem] = {}
        for key in ("main", *COMPARISON_STYLE):
            halo = pg.PlotDataItem(connect="finite", antialias=False)  # wide strokes: cheap to draw on every tick
            halo.setZValue(2)
            halo.hide()
            self.outside_halos[key] = halo
        self.outside_halos["main"].setObjectName("outsideMarks")
        self.level_marks = pg.ScatterPlotItem(symbol="t1", size=13, hoverable=True, tip=lambda x, y, data: str(data))
        self.level_marks.setZValue(20)
        # The pay history: what the user earned, drawn against the curve (a tooltip names each point).
        self.history_points = pg.ScatterPlotItem(symbol="d", size=12, hoverable=True, tip=lambda x, y, data: str(data))
        self.history_points.setObjectName("payHistoryPoints")
        self.history_points.setZValue(25)
        # The learning plan: a square where each planned month falls (the tooltip names every skill and month).
        self.plan_marks = pg.ScatterPlotItem(symbol="s", size=11, hoverable=True, tip=lambda x, y, data: str(data))
        self.plan_marks.setObjectName("planMarks")
        self.plan_marks.setZValue(21)
        self.today_line = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair.setZValue(30)
        self.crosshair_dot = pg.ScatterPlotItem(size=13, symbol=YOU_SYMBOL)
        self.crosshair_dot.setZValue(31)
        for it in (
            self.band,
            self.extras,
            self.base_curve,
            self.low_curve,
            self.high_curve,
            *self.outside_halos.values(),
            *self.comparison_curves.values(),
            self.previous_curve,
            self.main_curve,
            self.level_marks,
            self.plan_marks,
            self.history_points,
            self.today_line,
            self.crosshair,
            self.crosshair_dot,
        ):
            item.addItem(it)
        # The top band's labels: children of the view box, so their positions are in pixels of the plot area.
        self.top_labels: list[pg.TextItem] = []
        vb = item.getViewBox()
        vb.sigResized.connect(self._fit)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    @property
    def chart(self) -> ProjectionChart | None:
        """The chart last drawn (None before the first)."""
        return self._chart

    # --- colours ---------------------------------------------------------------------------------------------------

    def apply_style(self) -> None:
        colors = style_plot(self)
        self._colors = colors
        self.low_curve.setPen(pg.mkPen(colors["band_edge"], width=1, style=Qt.PenStyle.DashLine))
        self.high_curve.setPen(pg.mkPen(colors["band_edge"], width=1, style=Qt.PenStyle.DashLine))
        self.band.setBrush(pg.mkBrush(colors["band"]))
        # Your curve is "you" on every tab: the one colour and mark (views.theme) used for you everywhere.
        self.main_curve.setPen(pg.mkPen(colors["you"], width=3))
        previous = QColor(colors["you"])
        previous.setAlpha(90)
        self.previous_curve.setPen(pg.mkPen(previous, width=2))  # faint, solid: a dashed path costs a tick's frame
        self.base_curve.setPen(pg.mkPen(colors["you"], width=1.5, style=Qt.PenStyle.DotLine))
        extras = QColor(colors["you"])
        extras.setAlpha(50)
        self.extras.setBrush(pg.mkBrush(extras))
        for key, curve in self.comparison_curves.items():
            color, style = COMPARISON_STYLE[key]
            curve.setPen(pg.mkPen(colors[color], width=2.5, style=style))
        halo = QColor(colors["conflict"])
        halo.setAlpha(70)
        for key, line in self.outside_halos.items():
            line.setPen(flat_pen(halo, 9 if key == "main" else 7))
        self.level_marks.setBrush(pg.mkBrush(colors["bar"]))  # not "you": a promotion is an event, not you
        self.level_marks.setPen(pg.mkPen(colors["foreground"]))
        self.history_points.setBrush(pg.mkBrush(colors["you"]))  # your own figures: your colour, a diamond
        self.history_points.setPen(pg.mkPen(colors["foreground"], width=1.5))
        self.plan_marks.setBrush(pg.mkBrush(colors["bar_second"]))  # an event on your curve, as a promotion is
        self.plan_marks.setPen(pg.mkPen(colors["foreground"]))
        self.today_line.setPen(pg.mkPen(colors["muted"], width=1.5, style=Qt.PenStyle.DashLine))
        self.crosshair.setPen(pg.mkPen(colors["foreground"], width=1, style=Qt.PenStyle.DotLine))
        self.crosshair_dot.setBrush(pg.mkBrush(colors["you"]))
        self.crosshair_dot.setPen(pg.mkPen(colors["foreground"]))
        for label in self.top_labels:
            label.setColor(colors["foreground"])

    def restyle(self) -> None:
        """Recolour from the current palette (after the colour scheme changes)."""
        self.apply_style()
        if self._chart is not None:
            self.show_chart(self._chart)
        self.legend_changed.emit()

    # --- drawing ---------------------------------------------------------------------------------------------------

    def show_chart(self, chart: ProjectionChart) -> None:
        self._chart = chart
        x = chart.x
        item = self.getPlotItem()
        if item.getAxis("left").labelText != chart.y_label:
            item.setLabel("left", chart.y_label)
        for curve, y in ((self.low_curve, chart.low), (self.high_curve, chart.high), (self.main_curve, chart.main.y)):
            self._set_data(curve, x, y)
        if chart.previous is not None:
            self.previous_curve.setData(x, chart.previous)
            self.previous_curve.show()
        elif self.previous_curve.isVisible():
            self.previous_curve.hide()
        if chart.base_y is not None:
            self.base_curve.setData(x, chart.base_y)
            self.base_curve.show()
            self.extras.show()
        elif self.base_curve.isVisible():
            self.base_curve.hide()
            self.extras.hide()
        shown = {c.key: c for c in chart.comparisons}
        for key, curve in self.comparison_curves.items():
            data = shown.get(key)
            if data is None:
                if curve.isVisible():
                    curve.hide()
                continue
            self._set_data(curve, x, data.y)
            curve.setVisible(key not in self.hidden_keys)
        self._show_outside(chart, shown)
        marks = chart.level_marks
        self.level_marks.setData(
            x=[m.x for m in marks],
            y=[m.y for m in marks],
            data=[plain_tooltip(m.tip or m.label) for m in marks] or None,
        )
        self.plan_marks.setData(
            x=[m.x for m in chart.plan_marks],
            y=[m.y for m in chart.plan_marks],
            data=[plain_tooltip(m.tip) for m in chart.plan_marks] or None,
        )
        self.today_line.setValue(chart.today_x)
        self.history_points.setData(x=chart.history_x, y=chart.history_y, data=list(chart.history_texts) or None)
        self._labels = [
            TopLabel(chart.today_x, chart.today_label, chart.today_label.removeprefix("Today: "), "", "today"),
            *(TopLabel(m.x, m.label, m.short or m.label, m.tip, "promotion") for m in marks),
            *(TopLabel(m.x, m.label, m.label.split(" (")[0], m.tip, "plan") for m in chart.plan_marks),
        ]
        self._top_data = max(
            float(chart.high.max()),
            float(chart.main.y.max()),
            *(float(c.y.max()) for c in chart.comparisons),
            *(float(v) for v in chart.history_y),
            *([float(np.max(chart.previous))] if chart.previous is not None else []),
        )
        first = min([float(x[0]), *(float(v) for v in chart.history_x)])
        x_range = (first - 0.5, float(x[-1]) + 0.5)
        if x_range != self._x_range:
            self._x_range = x_range
            item.setXRange(*x_range, padding=0)
        self._fit()
        self.legend_changed.emit()

    def _set_data(self, curve: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> None:
        """setData only when the points changed: a tick leaves many curves as they were (the band, most scenarios),
        and pyqtgraph lays a curve out again on every setData."""
        old_x, old_y = curve.xData, curve.yData
        if old_x is not None and old_y is not None and np.array_equal(old_x, x) and np.array_equal(old_y, y):
            return
        curve.setData(x, y)

    def _show_outside(self, chart: ProjectionChart, shown: dict[str, CurveData]) -> None:
        x = chart.x
        curves: dict[str, tuple[np.ndarray, np.ndarray | None]] = {
            "main": (chart.main.y, chart.outside if len(chart.outside) == len(x) else None)
        }
        for key, data in shown.items():
            curves[key] = (data.y, data.outside)
        for key, halo in self.outside_halos.items():
            y, outside = curves.get(key, (None, None))
            if y is None or outside is None or not bool((outside != 0).any()) or key in self.hidden_keys:
                if halo.isVisible():
                    halo.hide()
                self._halo_drawn.pop(key, None)
                continue
            drawn = (y.tobytes(), outside.tobytes(), x.tobytes())
            if self._halo_drawn.get(key) == drawn and halo.isVisible():
                continue  # the same stretches as drawn (most ticks): nothing to lay out again
            self._halo_drawn[key] = drawn
            mask = np.repeat(outside != 0, 3)
            # Along the curve, from a little before a stretch's first year to a little after its last (a single year
            # gets a short stroke of its own); nothing between stretches.
            xs = np.repeat(x, 3) + np.tile([-0.35, 0.0, 0.35], len(x))
            ys = np.where(mask, np.interp(xs, x, y), np.nan)
            halo.setData(xs, ys)
            halo.show()

    def _fit(self) -> None:
        """The y range with room for the labels' band at the top, then the labels placed in it."""
        if self._chart is None:
            return
        vb = self.getPlotItem().getViewBox()
        height = max(vb.height(), 1.0)
        # A label's height as pyqtgraph lays it out (the text and its document's margins), measured once.
        if self._row_height == 0:
            self._row_height = int(pg.TextItem("Ag").boundingRect().height()) + 1
        row = self._row_height
        band = LABEL_ROWS * row + BAND_PAD
        share = min(max(1.0 - band / height, 0.5), 0.95)
        wanted = self._top_data / share
        # The range moves only when the curves would enter the band or it grows a lot: a tick does not make the
        # chart jump (and the axis is not redrawn).
        if not (wanted <= self._y_top <= wanted * 1.35):
            self._y_top = wanted * 1.04
            self.getPlotItem().setYRange(0, self._y_top, padding=0)
        self._place_labels(row)

    def _place_labels(self, row: int) -> None:
        vb = self.getPlotItem().getViewBox()
        width = vb.width()
        key = (tuple(self._labels), width, vb.height(), self._x_range, row)
        if key == self._labels_placed:
            return  # the same labels in the same place (most ticks)
        self._labels_placed = key
        metrics = QFontMetrics(self.font())
        while len(self.top_labels) < len(self._labels):
            text = pg.TextItem(anchor=(0, 0))
            text.setParentItem(vb)
            text.setColor(self._colors["foreground"] if hasattr(self, "_colors") else "k")
            self.top_labels.append(text)
        taken: list[list[tuple[float, float]]] = [[] for _ in range(LABEL_ROWS)]
        order = sorted(
            range(len(self._labels)), key=lambda i: ("today", "promotion", "plan").index(self._labels[i].kind)
        )
        placed: dict[int, tuple[str, float, int]] = {}
        for i in order:
            label = self._labels[i]
            px = vb.mapViewToScene(QPointF(label.x, 0)).x() - vb.sceneBoundingRect().left()
            for text in (label.text, label.short):
                w = metrics.horizontalAdvance(text) + 10
                left = min(max(px - 3, 0.0), max(width - w, 0.0))
                spot = next(
                    (r for r in range(LABEL_ROWS) if all(left + w <= a or left >= b for a, b in taken[r])), None
                )
                if spot is not None and w <= width:
                    taken[spot].append((left, left + w))
                    placed[i] = (text, left, spot)
                    break
        for i, item in enumerate(self.top_labels):
            if i not in placed:
                item.hide()
                continue
            text, left, spot = placed[i]
            label = self._labels[i]
            item.setText(text)
            item.setToolTip(plain_tooltip(label.tip or label.text))
            item.setPos(left, spot * row)
            item.show()

    def top_label_texts(self) -> list[str]:
        """The labels shown in the top band (tests; a screen reader reads the same in the table and tooltips)."""
        return [label.toPlainText() for label in self.top_labels if label.isVisible()]

    # --- the legend (drawn by the tab, under the plot) ---------------------------------------------------------

    def legend_entries(self) -> list[LegendEntry]:
        chart = self._chart
        if chart is None:
            return []

        def pen(curve: pg.PlotDataItem) -> QPen:
            return QPen(curve.opts["pen"])

        entries = [
            LegendEntry("main", chart.main.short or "Today's path", pen=pen(self.main_curve), tip=chart.main.label)
        ]
        band_pen = QPen(self.low_curve.opts["pen"])
        entries.append(LegendEntry("band", "Level range", pen=band_pen, brush=self.band.brush(), tip=chart.band_label))
        if chart.base_y is not None:
            entries.append(LegendEntry("base", "Base salary", pen=pen(self.base_curve), tip="Base salary inside it"))
            entries.append(
                LegendEntry(
                    "extras", "Bonus, equity", brush=self.extras.brush(), tip="Bonus and equity (your assumptions)"
                )
            )
        if chart.previous is not None:
            entries.append(
                LegendEntry(
                    "previous", "Before", pen=pen(self.previous_curve), tip="Today's path before your last change"
                )
            )
        for c in chart.comparisons:
            hidden = c.key in self.hidden_keys
            curve_pen = pen(self.comparison_curves[c.key])
            entries.append(LegendEntry(c.key, c.name, pen=curve_pen, toggleable=True, hidden=hidden, tip=c.label))
        if any(h.isVisible() for h in self.outside_halos.values()):
            halo_pen = QPen(self.outside_halos["main"].opts["pen"])
            entries.append(LegendEntry("outside", "Beyond the article", pen=halo_pen, tip=chart.outside_label))
        for key, name, items, mark, tip in (
            ("promotion", "Promotion", self.level_marks, "t1", "A promotion: the label above gives the jump"),
            ("plan", "Plan", self.plan_marks, "s", "A month of your learning plan"),
            ("history", "Your base salary", self.history_points, "d", chart.history_label),
        ):
            present = {"promotion": chart.level_marks, "plan": chart.plan_marks, "history": len(chart.history_x)}[key]
            if present:
                entries.append(
                    LegendEntry(key, name, pen=items.opts["pen"], brush=items.opts["brush"], mark=mark, tip=tip)
                )
        return entries

    @contextmanager
    def paper_legend(self) -> Iterator[None]:
        """A legend drawn under the plot area while the chart is exported (on screen the legend is a row of the tab,
        outside the chart): a file or a printed page says what each curve is without the app beside it."""
        item = self.getPlotItem()
        legend = pg.LegendItem(offset=(4, -2), colCount=3)
        legend.setParentItem(item)
        legend.setLabelTextColor(self._colors["foreground"])
        drawn = {"main": self.main_curve, "previous": self.previous_curve, "base": self.base_curve}
        drawn |= {
            "promotion": self.level_marks,
            "plan": self.plan_marks,
            "history": self.history_points,
            **self.comparison_curves,
        }
        for entry in self.legend_entries():
            curve = drawn.get(entry.key)
            if curve is not None and not entry.hidden:
                legend.addItem(curve, escape(entry.tip or entry.name))  # legend labels are rich text
        margins = item.layout.getContentsMargins()
        self._paper_legend = legend
        self.fit_paper_legend()
        try:
            yield
        finally:
            self._paper_legend = None
            item.layout.setContentsMargins(*margins)
            item.scene().removeItem(legend)
            item.layout.activate()

    def fit_paper_legend(self) -> None:
        """As many legend columns as the chart's width holds (none cut off), with room under the plot."""
        legend = self._paper_legend
        if legend is None:
            return
        item = self.getPlotItem()
        for columns in (3, 2, 1):  # called again when the chart is laid out at the page's width
            legend.setColumnCount(columns)
            if legend.boundingRect().width() <= item.width() - 8:
                break
        item.layout.setContentsMargins(1, 1, 1, legend.boundingRect().height() + 4)
        item.layout.activate()  # laid out now: the exporter draws the scene as it is

    def toggle(self, key: str) -> None:
        """Hide or show a comparison or scenario curve (a click on its legend entry); it stays so until clicked."""
        if key not in self.comparison_curves:
            return
        if key in self.hidden_keys:
            self.hidden_keys.discard(key)
        else:
            self.hidden_keys.add(key)
        if self._chart is not None:
            self.show_chart(self._chart)

    # --- the selected year --------------------------------------------------------------------------------------

    def show_crosshair(self, t: int, crosshair: str) -> None:
        """The crosshair and its dot on year index ``t`` of the chart shown (the tab's readout gives the figures)."""
        chart = self._chart
        assert chart is not None
        x, y = float(chart.x[t]), float(chart.main.y[t])
        self.crosshair.setValue(x)
        self.crosshair_dot.setData([x], [y])
        self.setToolTip(plain_tooltip(crosshair))

    def year_at(self, point: QPointF) -> int:
        """Index of the year nearest to a point in data coordinates, or -1 outside the chart."""
        chart = self._chart
        if chart is None:
            return -1
        t = round(point.x() - float(chart.x[0]))
        return t if 0 <= t < len(chart.x) else -1

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return
        t = self.year_at(vb.mapSceneToView(scene_pos))
        if t >= 0:
            self.year_hovered.emit(t)
