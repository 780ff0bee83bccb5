"""The Industries tab's chart: horizontal pay bars (industries, then employers) over the overall range, yours starred,
the selected entry marked, a hover label and a key.

Passive, like the tab it sits in: it draws the ``IndustriesChart`` it is handed and says which bar was clicked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QToolTip, QVBoxLayout, QWidget

from planner.domain.text import escape, plain_tooltip
from planner.tabs.industries.presenter import ChartBar, IndustriesChart
from planner.views.charts import CurrencyAxis, one_tab_stop, range_band, style_plot
from planner.views.export_render import ChartCaption
from planner.views.theme import YOU_SYMBOL, YOU_TEXT_MARK

BAR_HEIGHT = 0.62


class IndustriesChartView(QWidget):
    """The chart and its key, one above the other."""

    bar_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: IndustriesChart | None = None
        self._rows: dict[str, tuple[float, ChartBar]] = {}  # key -> (y position, bar)
        self._hover_key = ""
        self.export_key = ""  # the key as a file shows it (rich text)
        self._hover_text_for: Callable[[str], str] = lambda _k: ""

        self.plot = pg.PlotWidget(axisItems={"bottom": CurrencyAxis("bottom")})
        self.plot.setObjectName("industriesChart")
        one_tab_stop(self.plot)
        self.plot.setAccessibleName("Pay by industry and employer chart")
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table carries the same data for the keyboard
        self.plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(200)
        item = self.plot.getPlotItem()
        item.invertY(True)
        item.showGrid(x=True, y=False, alpha=0.2)
        item.setLabel("bottom", "Pay the article gives (USD per year, read as base salary)")
        self.industry_bars: pg.BarGraphItem | None = None
        self.employer_bars: pg.BarGraphItem | None = None
        self.selection_band: QGraphicsRectItem | None = None
        self.hover_label = pg.TextItem(anchor=(0, 0))
        self.hover_label.setZValue(100)
        self.hover_label.hide()
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.key_label = QLabel()
        self.key_label.setObjectName("industriesKey")
        self.key_label.setAccessibleName("Chart key")
        self.key_label.setWordWrap(True)
        self.key_label.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.key_label)

    def set_hover_text_provider(self, provider: Callable[[str], str]) -> None:
        self._hover_text_for = provider

    def show_chart(self, chart: IndustriesChart) -> None:
        self._chart = chart
        self._draw()
        self.plot.setAccessibleDescription(chart.description())

    def restyle(self) -> None:
        """Redraw with the current palette's colours (call when the colour scheme changes)."""
        self._draw()

    # --- queries for tests and assistive code -------------------------------------------------------------

    def bar_keys(self) -> list[str]:
        """Keys of the bars drawn, top to bottom."""
        return [k for k, _ in sorted(self._rows.items(), key=lambda kv: kv[1][0])]

    def bar_geometry(self, key: str) -> tuple[float, float]:
        """(y position, length) of a drawn bar, read back from the BarGraphItem itself."""
        for bars in (self.industry_bars, self.employer_bars):
            if bars is None:
                continue
            keys = bars.keys
            if key in keys:
                i = keys.index(key)
                return float(bars.opts["y"][i]), float(bars.opts["width"][i])
        raise KeyError(key)

    def entry_at(self, point: QPointF) -> str:
        """Key of the bar under a point in data coordinates, or ''."""
        for key, (y, bar) in self._rows.items():
            if abs(point.y() - y) <= BAR_HEIGHT / 2 and 0 <= point.x() <= bar.amount:
                return key
        return ""

    def click_at(self, point: QPointF) -> None:
        """A click at a point in data coordinates: chooses the bar there, if any."""
        key = self.entry_at(point)
        if key:
            self.bar_clicked.emit(key)

    def hover_text(self) -> str:
        """What the hover label shows now ('' when no bar is under the mouse)."""
        return self.hover_label.toPlainText() if self.hover_label.isVisible() else ""

    # --- drawing -------------------------------------------------------------------------------------------

    def _draw(self) -> None:
        chart = self._chart
        if chart is None:
            return
        colors = style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.clear()
        self._rows = {}
        self._hover_key = ""

        low, high = chart.band
        band = range_band(low, high, "vertical", colors)
        item.addItem(band)
        mid = pg.InfiniteLine(
            pos=chart.midpoint,
            angle=90,
            pen=pg.mkPen(colors["band_edge"], width=1, style=Qt.PenStyle.DotLine),
            label=chart.midpoint_label,
            labelOpts={"position": 0.02, "color": colors["band_edge"], "anchors": [(0, 0), (0, 0)]},
        )
        mid.setZValue(-9)
        item.addItem(mid)

        industry_brush = colors["bar"]
        employer_brush = colors["bar_second"]
        ticks: list[tuple[float, str]] = []
        y = 0.0
        self._add_title(chart.industries_title, y - 1, colors["foreground"])
        self.industry_bars = self._add_bars(chart.industries, y, industry_brush, colors, ticks)
        y += len(chart.industries)
        if chart.employers:
            y += 1  # a blank row between the groups holds the employers' title
            self._add_title(chart.employers_title, y - 1, colors["foreground"])
            separator = pg.InfiniteLine(
                pos=y - 1.5, angle=0, pen=pg.mkPen(colors["muted"], width=1, style=Qt.PenStyle.DashLine)
            )
            item.addItem(separator)
            self.employer_bars = self._add_bars(chart.employers, y, employer_brush, colors, ticks)
            y += len(chart.employers)
        else:
            self.employer_bars = None

        item.getAxis("left").setTicks([ticks, []])
        shown = [b.amount for b in (*chart.industries, *chart.employers)]
        right = max([high, *shown]) * 1.3
        item.setXRange(0, right, padding=0)
        # The selected entry: a row behind its bar in the palette's selection colour, as the table marks it.
        selected = [y for y, bar in self._rows.values() if bar.selected]
        self.selection_band = None
        if selected:
            fill = QColor(colors["selection"])
            fill.setAlpha(70)
            self.selection_band = QGraphicsRectItem(QRectF(0, selected[0] - 0.5, right, 1))
            self.selection_band.setBrush(pg.mkBrush(fill))
            self.selection_band.setPen(pg.mkPen(colors["selection"], width=1))
            self.selection_band.setZValue(-20)
            item.addItem(self.selection_band)
        item.setYRange(-1.6, max(y, 1) - 0.4, padding=0)
        self.hover_label.setColor(colors["foreground"])
        self.hover_label.fill = pg.mkBrush(colors["background"])
        self.hover_label.border = pg.mkPen(colors["muted"])
        item.addItem(self.hover_label)
        self.hover_label.hide()
        self._show_key(chart, colors)

    def _add_title(self, text: str, y: float, color: QColor) -> None:
        title = pg.TextItem(html=f"<b>{escape(text)}</b>", color=color, anchor=(0, 0.5))
        title.setPos(0, y)
        self.plot.getPlotItem().addItem(title)

    def _add_bars(
        self,
        bars: Sequence[ChartBar],
        top: float,
        brush: QColor,
        colors: dict[str, QColor],
        ticks: list[tuple[float, str]],
    ) -> pg.BarGraphItem | None:
        if not bars:
            return None
        item = self.plot.getPlotItem()
        ys = [top + i for i in range(len(bars))]
        # Yours: the "you" colour; the selected entry: the palette's selection colour (as in the table below).
        brushes = [pg.mkBrush(colors["you"] if b.highlighted else brush) for b in bars]
        pens = [
            pg.mkPen(colors["foreground"], width=3) if b.selected else pg.mkPen(colors["bar_edge"], width=1)
            for b in bars
        ]
        graph = pg.BarGraphItem(
            x0=[0] * len(bars),
            y=ys,
            width=[b.amount for b in bars],
            height=BAR_HEIGHT,
            brushes=brushes,
            pens=pens,
        )
        graph.keys = [b.key for b in bars]
        item.addItem(graph)
        mine = [(b.amount, y) for y, b in zip(ys, bars, strict=True) if b.highlighted]
        if mine:
            stars = pg.ScatterPlotItem(
                x=[a for a, _ in mine],
                y=[y for _, y in mine],
                symbol=YOU_SYMBOL,
                size=16,
                brush=pg.mkBrush(colors["you"]),
                pen=pg.mkPen(colors["foreground"], width=1),
            )
            stars.setZValue(5)
            item.addItem(stars)
        for y, b in zip(ys, bars, strict=True):
            self._rows[b.key] = (y, b)
            ticks.append((y, b.name))
            text = b.label + (f"  {YOU_TEXT_MARK} yours" if b.highlighted else "")
            label = pg.TextItem(
                text, color=colors["you"] if b.highlighted else colors["foreground"], anchor=(-0.06, 0.5)
            )
            label.setPos(b.amount, y)
            item.addItem(label)
        return graph

    def _show_key(self, chart: IndustriesChart, colors: dict[str, QColor]) -> None:
        def swatch(color: QColor, text: str) -> str:
            return f'<span style="color:{color.name()}">■</span>&nbsp;{escape(text)}'

        band = QColor(colors["band"])
        band.setAlpha(255)
        parts = [
            swatch(colors["bar"], "Industry average"),
            swatch(colors["bar_second"], "Employer pay") if chart.employers else "",
            f'<span style="color:{colors["you"].name()}">{YOU_TEXT_MARK}■</span>&nbsp;Yours (from your profile)',
            swatch(colors["band_edge"], chart.band_label),
        ]
        self.export_key = " &nbsp; ".join(p for p in parts if p)  # a file shows no selection and takes no click
        parts.append(swatch(colors["selection"], "Selected in the table"))
        self.key_label.setText(" &nbsp; ".join(p for p in parts if p) + " &nbsp; <i>Click a bar to choose it.</i>")

    def export_caption(self) -> ChartCaption:
        """What an exported chart says of itself (views.export_render.captioned): title, caption, source, key."""
        chart = self._chart
        if chart is None:
            return ChartCaption("Industries: the pay of ML engineers by industry, as the article gives it (USD a year)")
        employers = " and at the employers it names" if chart.employers else ""
        yours = [b.name for b in (*chart.industries, *chart.employers) if b.highlighted]
        return ChartCaption(
            f"Industries: the pay of ML engineers by industry{employers}, as the article gives it (USD a year)",
            "The article's figures against its overall average base salary range. It says “base salary” only of "
            "that range; the app reads these figures as base salary too."
            + (f" Yours ({YOU_TEXT_MARK}): {', '.join(yours)}." if yours else ""),
            chart.source,
            self.export_key,
        )

    # --- interaction ---------------------------------------------------------------------------------------

    def _map_scene(self, scene_pos: QPointF) -> QPointF | None:
        vb = self.plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        point: QPointF = vb.mapSceneToView(scene_pos)
        return point

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self._map_scene(scene_pos)
        key = self.entry_at(point) if point is not None else ""
        self._set_hover(key, point or QPointF())

    def _on_mouse_clicked(self, event: object) -> None:
        button = getattr(event, "button", None)
        if button is None or button() != Qt.MouseButton.LeftButton:
            return
        point = self._map_scene(event.scenePos())  # type: ignore[attr-defined]
        if point is not None:
            self.click_at(point)

    def _set_hover(self, key: str, point: QPointF) -> None:
        if key == self._hover_key:
            return
        self._hover_key = key
        if not key:
            self.hover_label.hide()
            self.plot.setToolTip("")
            QToolTip.hideText()
            return
        text = self._hover_text_for(key)
        y, _bar = self._rows[key]
        self.hover_label.setText(text)
        # Keep the label inside the plot: towards the middle from wherever the pointer is.
        (left, right), (top, bottom) = self.plot.getPlotItem().getViewBox().viewRange()
        lower_half = y > (top + bottom) / 2
        self.hover_label.setAnchor((1 if point.x() > (left + right) / 2 else 0, 1 if lower_half else 0))
        self.hover_label.setPos(point.x(), y - BAR_HEIGHT / 2 if lower_half else y + BAR_HEIGHT / 2)
        self.hover_label.show()
        self.plot.setToolTip(plain_tooltip(text))
