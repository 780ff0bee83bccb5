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

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem, QGraphicsView, QWidget

from planner.domain.text import escape, plain_tooltip
from planner.tabs.projection.chart_data import CurveData, ProjectionChart
from planner.tabs.projection.top_band import TopBand, TopLabel
from planner.views.charts import CurrencyAxis, Curve, Marks, faint, flat_dashes, flat_pen, one_tab_stop, style_plot
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
        self._halo_drawn: dict[str, tuple[bytes, ...]] = {}
        self._points_drawn: dict[pg.ScatterPlotItem, tuple[list[float], list[float], list[str]]] = {}
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
        # A tick moves curves that span the plot: one rectangle around all that changed is repainted faster than
        # the region of several (every stroke clipped to it), and it is no larger.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        item = self.getPlotItem()
        # No grid (the readout gives exact figures) and no antialiasing for the view: curves still draw themselves
        # antialiased (pyqtgraph's option, set in views.charts), while the band stays cheap to repaint on a tick.
        self.setAntialiasing(False)
        item.setLabel("bottom", "Year")
        self.hidden_keys: set[str] = set()  # curves hidden from the legend (a click on their entry)
        # The band's edges: thin dashes, not antialiased on screen (that would double a tick's repaint; a file or a
        # page is drawn antialiased all the same).
        self.low_curve = Curve(antialias=False)
        self.high_curve = Curve(antialias=False)
        self.band = pg.FillBetweenItem(self.low_curve, self.high_curve)
        self.band.setZValue(-10)
        self.main_curve = Curve()
        self.main_curve.setZValue(10)
        # The curve as it was before your last change: faint, until the next change (the headline says the change).
        self.previous_curve = Curve()
        self.previous_curve.setObjectName("previousCurve")
        self.previous_curve.setZValue(4)  # under the other curves: drawn opaque (views.charts.faint), it hides none
        self.previous_curve.hide()
        # Total compensation: the base salary inside it, and bonus and equity stacked on top of it (shaded).
        self.base_curve = Curve()
        self.base_curve.setObjectName("baseInsideTotal")
        self.base_curve.setZValue(9)
        self.extras = pg.FillBetweenItem(self.base_curve, self.main_curve)
        self.extras.setZValue(-5)
        self.base_curve.hide()
        self.extras.hide()
        self.comparison_curves: dict[str, pg.PlotCurveItem] = {}
        for key in COMPARISON_STYLE:
            curve = Curve()
            curve.setZValue(5)
            curve.hide()
            self.comparison_curves[key] = curve
        # Years beyond the article's figures: a wide, pale stroke under each stretch of each curve (one mark per
        # stretch, on every curve alike), never a cross per year. Today's path has its own, wider one; the strokes of
        # the comparisons and scenarios are one item (one colour, one pen: one path to lay out and paint on a tick).
        self.outside_halos: dict[str, pg.PlotCurveItem] = {}
        for key in ("main", "comparisons"):
            halo = Curve(connect="finite", antialias=False)  # wide strokes: cheap to draw on every tick
            halo.setZValue(-11)  # under the band, which shades it as it shades the curves' background
            halo.hide()
            self.outside_halos[key] = halo
        self.outside_halos["main"].setObjectName("outsideMarks")
        self.level_marks = Marks(symbol="t1", size=13, hoverable=True, tip=lambda x, y, data: str(data))
        self.level_marks.setZValue(20)
        # The pay history: what the user earned, drawn against the curve (a tooltip names each point).
        self.history_points = Marks(symbol="d", size=12, hoverable=True, tip=lambda x, y, data: str(data))
        self.history_points.setObjectName("payHistoryPoints")
        self.history_points.setZValue(25)
        # The learning plan: a square where each planned month falls (the tooltip names every skill and month).
        self.plan_marks = Marks(symbol="s", size=11, hoverable=True, tip=lambda x, y, data: str(data))
        self.plan_marks.setObjectName("planMarks")
        self.plan_marks.setZValue(21)
        self.today_line = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair.setZValue(30)
        # One point at the origin, moved to the selected year's pay (moving an item costs less than new data).
        self.crosshair_dot = Marks([0.0], [0.0], size=13, symbol=YOU_SYMBOL)
        self.crosshair_dot.setZValue(31)
        self.crosshair_dot.hide()  # until a year is selected
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
        # The axes change seldom, and a tick repaints the plot beside them (the left axis's ticks reach into it): each
        # is drawn from a pixmap of itself, not by playing back its ticks and labels, text included, every time.
        for axis in ("left", "bottom"):
            item.getAxis(axis).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        vb = item.getViewBox()
        self.top_band = TopBand(vb)  # the labels of today, the promotions and the plan, above the curves
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
        for edge in (self.low_curve, self.high_curve):
            edge.setPen(pg.mkPen(colors["band_edge"], width=1, style=Qt.PenStyle.DashLine))
        self.band.setBrush(pg.mkBrush(colors["band"]))
        # Your curve is "you" on every tab: the one colour and mark (views.theme) used for you everywhere.
        self.main_curve.setPen(pg.mkPen(colors["you"], width=3))
        # Faint, solid and opaque: a dashed or translucent path costs a tick's frame.
        self.previous_curve.setPen(pg.mkPen(faint(colors["you"], colors["background"], 90), width=2))
        self.base_curve.setPen(pg.mkPen(colors["you"], width=1.5, style=Qt.PenStyle.DotLine))
        extras = QColor(colors["you"])
        extras.setAlpha(50)
        self.extras.setBrush(pg.mkBrush(extras))
        for key, curve in self.comparison_curves.items():
            color, style = COMPARISON_STYLE[key]
            curve.setPen(flat_dashes(colors[color], 2.5, style))
        halo = faint(colors["conflict"], colors["background"], 70)
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
        self.top_band.set_color(colors["foreground"])

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
        self._set_points(
            self.level_marks,
            [m.x for m in marks],
            [m.y for m in marks],
            [plain_tooltip(m.tip or m.label) for m in marks],
        )
        plan = chart.plan_marks
        self._set_points(
            self.plan_marks, [m.x for m in plan], [m.y for m in plan], [plain_tooltip(m.tip) for m in plan]
        )
        self.today_line.setValue(chart.today_x)
        self._set_points(
            self.history_points,
            [float(v) for v in chart.history_x],
            [float(v) for v in chart.history_y],
            list(chart.history_texts),
        )
        self.top_band.labels = [
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

    def _set_data(self, curve: pg.PlotCurveItem, x: np.ndarray, y: np.ndarray) -> None:
        """setData only when the points changed: a tick leaves many curves as they were (the band, most scenarios),
        and pyqtgraph lays a curve out again on every setData."""
        old_x, old_y = curve.xData, curve.yData
        if old_x is not None and old_y is not None and np.array_equal(old_x, x) and np.array_equal(old_y, y):
            return
        curve.setData(x, y)

    def _set_points(self, marks: pg.ScatterPlotItem, x: list[float], y: list[float], tips: list[str]) -> None:
        """The marks at these points, with these tooltips; laid out again only when they changed, and hidden when
        there are none (the scene then neither lays them out nor paints them on a tick)."""
        drawn = (x, y, tips)
        if self._points_drawn.get(marks) != drawn:
            self._points_drawn[marks] = drawn
            marks.setData(x=x, y=y, data=tips or None)
        marks.setVisible(bool(x))

    def _show_outside(self, chart: ProjectionChart, shown: dict[str, CurveData]) -> None:
        x = chart.x
        main = chart.outside if len(chart.outside) == len(x) else None
        others = [(c.y, c.outside) for key, c in shown.items() if key not in self.hidden_keys]
        self._show_stretches("main", x, [(chart.main.y, main)])
        self._show_stretches("comparisons", x, others)

    def _show_stretches(self, key: str, x: np.ndarray, curves: list[tuple[np.ndarray, np.ndarray | None]]) -> None:
        """The halo ``key`` under each stretch of years beyond the article's figures of these curves (y, and per
        year 0 inside the article's figures), hidden when there is none."""
        halo = self.outside_halos[key]
        marked = [(y, outside != 0) for y, outside in curves if outside is not None and bool((outside != 0).any())]
        if not marked:
            if halo.isVisible():
                halo.hide()
            self._halo_drawn.pop(key, None)
            return
        drawn = (x.tobytes(), *(part.tobytes() for y, mask in marked for part in (y, mask)))
        if self._halo_drawn.get(key) == drawn and halo.isVisible():
            return  # the same stretches as drawn (most ticks): nothing to lay out again
        self._halo_drawn[key] = drawn
        # Along the curve, from a little before a stretch's first year to a little after its last (a single year
        # gets a short stroke of its own); nothing between stretches, nor from one curve to the next.
        xs = np.repeat(x, 3) + np.tile([-0.35, 0.0, 0.35], len(x))
        gap = np.array([np.nan])
        ys = [part for y, mask in marked for part in (np.where(np.repeat(mask, 3), np.interp(xs, x, y), np.nan), gap)]
        halo.setData(np.concatenate([part for _ in marked for part in (xs, xs[-1:])]), np.concatenate(ys))
        halo.show()

    def _fit(self) -> None:
        """The y range with room for the labels' band at the top, then the labels placed in it."""
        if self._chart is None:
            return
        vb = self.getPlotItem().getViewBox()
        height = max(vb.height(), 1.0)
        share = min(max(1.0 - self.top_band.height() / height, 0.5), 0.95)
        wanted = self._top_data / share
        # The range moves only when the curves would enter the band or it grows a lot: a tick does not make the
        # chart jump (and the axis is not redrawn).
        if not (wanted <= self._y_top <= wanted * 1.35):
            self._y_top = wanted * 1.04
            self.getPlotItem().setYRange(0, self._y_top, padding=0)
        self.top_band.place(self.font(), self._x_range)

    @property
    def top_labels(self) -> list[QGraphicsSimpleTextItem]:
        return self.top_band.items

    def top_label_texts(self) -> list[str]:
        """The labels shown in the top band (tests; a screen reader reads the same in the table and tooltips)."""
        return self.top_band.texts()

    # --- the legend (drawn by the tab, under the plot) ---------------------------------------------------------

    def legend_entries(self) -> list[LegendEntry]:
        chart = self._chart
        if chart is None:
            return []

        def pen(curve: pg.PlotCurveItem) -> QPen:
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
        self.crosshair_dot.setPos(x, y)
        self.crosshair_dot.show()
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
