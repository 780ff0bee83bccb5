"""The Projection tab's chart: your curve with its band, the comparisons and scenarios, promotions, the pay history
and the learning plan's marks, a legend fitted under the plot, and the crosshair on the selected year.

Passive: it draws the ProjectionChart it is handed and says which year the mouse is over.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from planner.domain.text import escape, format_safe, plain_tooltip
from planner.tabs.projection.chart_data import ProjectionChart
from planner.views.charts import CurrencyAxis, one_tab_stop, style_plot
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"left": CurrencyAxis("left")})
        self._chart: ProjectionChart | None = None
        self._legend_state: list[tuple[object, str]] | None = None
        self._x_range = (0.0, 0.0)
        self._y_top = 0.0
        self.setObjectName("projectionChart")
        one_tab_stop(self)
        self.setAccessibleName("Projected earnings by year chart")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(200)
        # The plot's viewport would be an unnamed Tab stop; the year spin box, slider and table give the same data.
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        item = self.getPlotItem()
        # No grid (the crosshair reads exact figures) and no antialiasing for the view: curves still draw
        # themselves antialiased (pyqtgraph's antialias option, set in views.charts), while the band and the
        # labels stay cheap to repaint on every tick (benchmarks/projection_bench.py).
        self.setAntialiasing(False)
        item.setLabel("bottom", "Year")
        # The legend sits under the plot, outside the data area (room is kept for it in _sync_legend): inside, it
        # would cover a curve wherever it went.
        self.legend = pg.LegendItem(offset=(4, -2), colCount=2)
        self.legend.setParentItem(item)
        # A click on a curve's legend entry hides or shows it (pyqtgraph); the curve stays so until clicked again.
        self._legend_hidden: set[str] = set()
        self.legend.sigSampleClicked.connect(self._legend_clicked)
        self.installEventFilter(self)  # a resized chart fits its legend again
        self.low_curve = pg.PlotDataItem()
        self.high_curve = pg.PlotDataItem()
        self.band = pg.FillBetweenItem(self.low_curve, self.high_curve)
        self.band.setZValue(-10)
        # The legend cannot draw a FillBetweenItem; this bar (never added to the plot) stands in for the band.
        self.band_sample = pg.BarGraphItem(x=[0], height=[1], width=1)
        self.main_curve = pg.PlotDataItem()
        self.main_curve.setZValue(10)
        # Total compensation: the base salary inside it, and bonus and equity stacked on top of it (shaded).
        self.base_curve = pg.PlotDataItem()
        self.base_curve.setObjectName("baseInsideTotal")
        self.base_curve.setZValue(9)
        self.extras = pg.FillBetweenItem(self.base_curve, self.main_curve)
        self.extras.setZValue(-5)
        self.extras_sample = pg.BarGraphItem(x=[0], height=[1], width=1)
        self.base_curve.hide()
        self.extras.hide()
        self.comparison_curves: dict[str, pg.PlotDataItem] = {}
        for key in COMPARISON_STYLE:
            curve = pg.PlotDataItem()
            curve.setZValue(5)
            curve.hide()
            self.comparison_curves[key] = curve
        self.level_marks = pg.ScatterPlotItem(symbol="t1", size=13)
        self.level_marks.setZValue(20)
        # Years outside every figure the article gives: a cross on the curve (also a column of the table).
        self.outside_marks = pg.ScatterPlotItem(symbol="x", size=11)
        self.outside_marks.setObjectName("outsideMarks")
        self.outside_marks.setZValue(22)
        # The pay history: what the user earned, drawn against the curve (a tooltip names each point).
        self.history_points = pg.ScatterPlotItem(symbol="d", size=12, hoverable=True, tip=lambda x, y, data: str(data))
        self.history_points.setObjectName("payHistoryPoints")
        self.history_points.setZValue(25)
        self.level_labels: list[pg.TextItem] = []
        self.today_line = pg.InfiniteLine(angle=90, movable=False, label="Today", labelOpts={"position": 0.06})
        self.crosshair = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair.setZValue(30)
        self.crosshair_dot = pg.ScatterPlotItem(size=13, symbol=YOU_SYMBOL)
        self.crosshair_dot.setZValue(31)
        # The readout is pinned to the top left corner of the plot area, where the curves (low at first, rising
        # with the years) leave room: parented to the view box itself, so its position is in pixels.
        self.crosshair_label = pg.TextItem(anchor=(0, 0))
        self.crosshair_label.setZValue(40)
        for it in (
            self.band,
            self.extras,
            self.base_curve,
            self.low_curve,
            self.high_curve,
            *self.comparison_curves.values(),
            self.main_curve,
            self.level_marks,
            self.outside_marks,
            self.history_points,
            self.today_line,
            self.crosshair,
            self.crosshair_dot,
        ):
            item.addItem(it)
        self.crosshair_label.setParentItem(item.getViewBox())
        self._build_plan_marks(item)
        self.crosshair_label.setPos(6, 4)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def apply_style(self) -> None:
        colors = style_plot(self)
        self._colors = colors
        self.low_curve.setPen(pg.mkPen(colors["band_edge"], width=1, style=Qt.PenStyle.DashLine))
        self.high_curve.setPen(pg.mkPen(colors["band_edge"], width=1, style=Qt.PenStyle.DashLine))
        self.band.setBrush(pg.mkBrush(colors["band"]))
        self.band_sample.setOpts(brush=pg.mkBrush(colors["band"]), pen=pg.mkPen(colors["band_edge"]))
        # Your curve is "you" on every tab: the one colour and mark (views.theme) used for you everywhere.
        self.main_curve.setPen(pg.mkPen(colors["you"], width=3))
        self.base_curve.setPen(pg.mkPen(colors["you"], width=1.5, style=Qt.PenStyle.DotLine))
        extras = QColor(colors["you"])
        extras.setAlpha(50)
        self.extras.setBrush(pg.mkBrush(extras))
        self.extras_sample.setOpts(brush=pg.mkBrush(extras), pen=pg.mkPen(colors["you"]))
        for key, curve in self.comparison_curves.items():
            color, style = COMPARISON_STYLE[key]
            curve.setPen(pg.mkPen(colors[color], width=2.5, style=style))
        self.level_marks.setBrush(pg.mkBrush(colors["bar"]))  # not "you": a promotion is an event, not you
        self.level_marks.setPen(pg.mkPen(colors["foreground"]))
        self.outside_marks.setBrush(pg.mkBrush(colors["conflict"]))
        self.outside_marks.setPen(pg.mkPen(colors["conflict"], width=1.5))
        self.history_points.setBrush(pg.mkBrush(colors["you"]))  # your own figures: your colour, a diamond
        self.plan_marks.setBrush(pg.mkBrush(colors["bar_second"]))  # an event on your curve, as a promotion is
        self.plan_marks.setPen(pg.mkPen(colors["foreground"]))
        self.history_points.setPen(pg.mkPen(colors["foreground"], width=1.5))
        self.today_line.setPen(pg.mkPen(colors["muted"], width=1.5, style=Qt.PenStyle.DashLine))
        self.today_line.label.setColor(colors["foreground"])
        self.crosshair.setPen(pg.mkPen(colors["foreground"], width=1, style=Qt.PenStyle.DotLine))
        self.crosshair_dot.setBrush(pg.mkBrush(colors["you"]))
        self.crosshair_dot.setPen(pg.mkPen(colors["foreground"]))
        self.crosshair_label.setColor(colors["foreground"])
        background = QColor(colors["background"])
        background.setAlpha(225)
        self.crosshair_label.fill = pg.mkBrush(background)
        self.crosshair_label.border = pg.mkPen(colors["muted"])
        self.legend.setLabelTextColor(colors["foreground"])
        legend_background = QColor(colors["background"])
        legend_background.setAlpha(200)
        self.legend.setBrush(pg.mkBrush(legend_background))
        self.legend.setPen(pg.mkPen(colors["muted"]))

    def restyle(self) -> None:
        """Recolour from the current palette (after the colour scheme changes)."""
        self.apply_style()
        self._legend_state = None  # rebuild the legend so its labels take the new text colour
        if self._chart is not None:
            self.show_chart(self._chart)

    def show_chart(self, chart: ProjectionChart) -> None:
        self._chart = chart
        x = chart.x
        item = self.getPlotItem()
        if item.getAxis("left").labelText != chart.y_label:
            item.setLabel("left", chart.y_label)
        self.low_curve.setData(x, chart.low)
        self.high_curve.setData(x, chart.high)
        self.main_curve.setData(x, chart.main.y)
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
            if data is not None and key in self._legend_hidden:  # hidden by a click on its legend entry
                curve.setData(x, data.y)
                continue
            if data is None:
                if curve.isVisible():
                    curve.hide()
                continue
            curve.setData(x, data.y)
            curve.show()
        self._sync_legend(chart)

        marks = chart.level_marks
        self.level_marks.setData([m.x for m in marks], [m.y for m in marks])
        outside = chart.outside != 0 if len(chart.outside) == len(x) else x < x[0]
        self.outside_marks.setData(x[outside], chart.main.y[outside])
        while len(self.level_labels) < len(marks):
            text = pg.TextItem(anchor=(0.1, -0.35))
            item.addItem(text)
            self.level_labels.append(text)
        for i, text in enumerate(self.level_labels):
            if i < len(marks):
                text.setText(marks[i].label)
                text.setColor(self._colors["foreground"])
                text.setPos(marks[i].x, marks[i].y)
                text.show()
            else:
                text.hide()
        self.today_line.setValue(chart.today_x)
        self.today_line.label.setFormat(format_safe(chart.today_label))  # pyqtgraph runs str.format on it
        self.history_points.setData(x=chart.history_x, y=chart.history_y, data=list(chart.history_texts) or None)
        self._show_plan_marks(chart)

        top = max(
            float(chart.high.max()),
            float(chart.main.y.max()),
            *(float(c.y.max()) for c in chart.comparisons),
            *(float(v) for v in chart.history_y),
        )
        first = min([float(x[0]), *(float(v) for v in chart.history_x)])
        x_range = (first - 0.5, float(x[-1]) + 0.5)
        if x_range != self._x_range:
            self._x_range = x_range
            item.setXRange(*x_range, padding=0)
        # The y range only moves when the curves leave it or shrink a lot: a tick does not make the chart jump
        # (and the axis is not redrawn).
        if not (top * 1.02 <= self._y_top <= top * 1.5):
            self._y_top = top * 1.15
            item.setYRange(0, self._y_top, padding=0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Resize and self._legend_state is not None:
            self._fit_legend()
        return super().eventFilter(watched, event)

    def _legend_clicked(self, item: object) -> None:
        key = next((k for k, curve in self.comparison_curves.items() if curve is item), None)
        if key is None:
            return
        if self.comparison_curves[key].isVisible():
            self._legend_hidden.discard(key)
        else:
            self._legend_hidden.add(key)

    # --- the learning plan ----------------------------------------------------------------------------------------

    def _build_plan_marks(self, item: pg.PlotItem) -> None:
        """A square on the curve where planned skills start to change the pay, labelled like a promotion; the
        tooltip names every skill and month."""
        self.plan_marks = pg.ScatterPlotItem(symbol="s", size=11, hoverable=True, tip=lambda x, y, data: str(data))
        self.plan_marks.setObjectName("planMarks")
        self.plan_marks.setZValue(21)
        item.addItem(self.plan_marks)
        self.plan_labels: list[pg.TextItem] = []
        self._plan_drawn = False

    def _show_plan_marks(self, chart: ProjectionChart) -> None:
        marks = chart.plan_marks
        if not marks and not self._plan_drawn:  # no plan (most ticks): nothing to redraw
            return
        self._plan_drawn = bool(marks)
        self.plan_marks.setData(
            x=[m.x for m in marks], y=[m.y for m in marks], data=[plain_tooltip(m.tip) for m in marks] or None
        )
        item = self.getPlotItem()
        while len(self.plan_labels) < len(marks):
            text = pg.TextItem()
            item.addItem(text)
            self.plan_labels.append(text)
        # Above its mark (a promotion's label is below its own), one line higher than any label it would overlap;
        # the first line is left to a promotion's label where one starts under it.
        x_span = float(chart.x[-1] - chart.x[0]) + 1.0
        years_per_px = x_span / max(item.getViewBox().width(), 1.0)
        promotions = [m.x for m in chart.level_marks]
        rows: list[float] = []  # per line: where the last label on it ends (years)
        for i, text in enumerate(self.plan_labels):
            if i >= len(marks):
                text.hide()
                continue
            mark = marks[i]
            text.setText(mark.label)
            text.setColor(self._colors["foreground"])
            end = mark.x + text.boundingRect().width() * years_per_px
            first_free = any(mark.x < x <= end for x in promotions)
            row = next(
                (r for r, last in enumerate(rows) if last < mark.x and r >= first_free),
                max(len(rows), 1 if first_free else 0),
            )
            rows.extend([float("-inf")] * (row + 1 - len(rows)))
            rows[row] = end
            text.setAnchor((0.05, 1.2 + row))
            text.setPos(mark.x, mark.y)
            text.show()

    def _sync_legend(self, chart: ProjectionChart) -> None:
        legend = self.legend
        wanted: list[tuple[object, str]] = [(self.main_curve, chart.main.label), (self.band_sample, chart.band_label)]
        if chart.base_y is not None:
            wanted.append((self.base_curve, "Base salary inside it"))
            wanted.append((self.extras_sample, "Bonus and equity (your assumptions)"))
        for c in chart.comparisons:
            wanted.append((self.comparison_curves[c.key], c.name))
        if chart.level_marks:
            wanted.append((self.level_marks, "Promotion (a raise)"))
        if len(chart.outside) and bool((chart.outside != 0).any()):
            wanted.append((self.outside_marks, chart.outside_label))
        if len(chart.history_x):
            wanted.append((self.history_points, chart.history_label))
        if chart.plan_marks:
            wanted.append((self.plan_marks, "Planned skills start to pay"))
        if self._legend_state == wanted:
            return
        self._legend_state = wanted
        legend.clear()
        for it, name in wanted:
            legend.addItem(it, escape(name))  # legend labels are rich text
        self._fit_legend()

    def _fit_legend(self) -> None:
        """As many columns as fit across the chart (fewer rows leave the curves more room), and room under the
        plot for the legend's rows."""
        legend = self.legend
        room = self.width() - 12
        # pyqtgraph's own width of the legend counts each label's whole layout width: measure the text instead.
        # Entries go row by row; a column is as wide as its widest entry (its sample is about 40 px).
        widths = [label.item.boundingRect().width() + 44 for _sample, label in legend.items]

        def width(columns: int) -> float:
            return sum(max(widths[j::columns]) for j in range(min(columns, len(widths))))

        legend.setColumnCount(next((c for c in (4, 3, 2) if width(c) <= room), 1))
        self.getPlotItem().layout.setContentsMargins(1, 1, 1, legend.boundingRect().height() + 4)

    # --- the selected year --------------------------------------------------------------------------------------

    def show_crosshair(self, t: int, crosshair: str) -> None:
        """The crosshair, its dot and its readout on year index ``t`` of the chart shown."""
        chart = self._chart
        assert chart is not None
        x, y = float(chart.x[t]), float(chart.main.y[t])
        self.crosshair.setValue(x)
        self.crosshair_dot.setData([x], [y])
        self.crosshair_label.setText(crosshair)
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
