"""The Offers tab's two charts: each job's years stacked by component (with the stock price range as a whisker on
each offer's bar), and the vesting timeline (equity vested by month, the cliff a jump, the price range a band, the
leave month a line). Passive: they draw what they are given."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.domain.money import usd
from planner.domain.offers import OFFER_YEARS
from planner.domain.text import escape
from planner.tabs.offers.leaving import VestingLine
from planner.tabs.offers.models import ASSUMED, COMPONENT_NAMES, COMPONENTS, Comparison
from planner.views.charts import CurrencyAxis, PointLabel, PointLabels, one_tab_stop, style_plot
from planner.views.theme import is_dark

BAR = 0.8
KEY_NAMES = {
    "base": "Base salary",
    "bonus": "Bonus",
    "sign_on": "Sign-on",
    "equity": "Equity",
    "refreshers": "Refreshers",
}
KEY_TEXT = (
    f"Each job's total compensation in years 1–{OFFER_YEARS}, stacked by component (equity: the first grant as it "
    f"vests). {ASSUMED} rests on an assumption: the refreshers, the stock price range, and the current job's bonus "
    "and equity (Projection tab)."
)
KEY_TIP = f"{KEY_TEXT} Hover a bar, or select a figure in the table, for what it is and how it is made."
GROUP = OFFER_YEARS + 1  # bars of one job, then a gap
YEAR_LABEL_PX = 22  # the narrowest bar (pixels) "Y1" is drawn above; "1" above bars half as wide
# One colour per offer on the vesting chart (Okabe and Ito; vermillion stays "you").
LINE_COLORS = ("#0072b2", "#009e73", "#cc79a7", "#b07800", "#56b4e9")
LINE_COLORS_DARK = ("#56b4e9", "#3cc4a0", "#e69acb", "#e6a700", "#9ad0f5")


def component_colors(dark: bool) -> dict[str, QColor]:
    """Okabe and Ito's colour-blind-safe set; refreshers are equity's colour, hatched (an assumption). Vermillion
    is kept for "you" on every tab."""
    return {
        "base": QColor("#56b4e9") if dark else QColor("#0072b2"),
        "bonus": QColor("#3cc4a0") if dark else QColor("#009e73"),
        "sign_on": QColor("#e6a700") if dark else QColor("#b07800"),
        "equity": QColor("#e69acb") if dark else QColor("#a8508a"),
        "refreshers": QColor("#e69acb") if dark else QColor("#a8508a"),
    }


def chart_widget(name: str, accessible: str, axis_label: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(axisItems={"left": CurrencyAxis("left")})
    plot.setObjectName(name)
    plot.setAccessibleName(accessible)
    one_tab_stop(plot)
    plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a table beside it carries the same figures for the keyboard
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMinimumSize(240, 160)
    plot.setAntialiasing(False)
    plot.getPlotItem().showGrid(x=False, y=True, alpha=0.25)
    plot.getPlotItem().setLabel("left", axis_label)
    plot.getPlotItem().getAxis("left").setWidth(64)
    return plot


class YearsChart:
    """Draws the stacked years into ``plot``; its items are rebuilt by ``build`` when the colours change."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.plot = plot
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.comparison = Comparison()

    def build(self) -> str:
        """Recreate the items for the current colours; returns the key's rich text."""
        colors = style_plot(self.plot)
        comp_colors = component_colors(is_dark())
        item = self.plot.getPlotItem()
        item.clear()
        self.bars = {}
        for comp in COMPONENTS:
            color = comp_colors[comp]
            brush = pg.mkBrush(color)
            if comp == "refreshers":
                brush.setStyle(Qt.BrushStyle.BDiagPattern)  # hatched: an assumption
            bars = pg.BarGraphItem(x=[], height=[], width=BAR, brush=brush, pen=pg.mkPen(color.darker(130)))
            item.addItem(bars)
            self.bars[comp] = bars
        empty = np.zeros(0)
        self.range = pg.ErrorBarItem(x=empty, y=empty, top=empty, bottom=empty, beam=BAR / 3,
                                     pen=pg.mkPen(colors["foreground"], width=1.5))  # fmt: skip
        item.addItem(self.range)
        self.year_labels = PointLabels([], colors["foreground"])
        item.addItem(self.year_labels)
        return self.key(KEY_NAMES) + f" &nbsp; — years 1–{OFFER_YEARS} of each job; {ASSUMED} an assumption."

    @staticmethod
    def key(names: dict[str, str]) -> str:
        """The swatch of each component with its name (rich text), and the whisker's."""
        colors = component_colors(is_dark())
        swatches = [
            f'<span style="color:{colors[comp].name()}">{"▨" if comp == "refreshers" else "■"}</span>&nbsp;'
            f"{escape(names[comp])}{f' {ASSUMED}' if comp == 'refreshers' else ''}"
            for comp in COMPONENTS
        ]
        return " &nbsp; ".join([*swatches, f"Ɪ&nbsp;Stock price range {ASSUMED}"])

    def full_key(self) -> str:
        """The key of an exported picture: each component's whole name, and what rests on an assumption."""
        return self.key(COMPONENT_NAMES) + "<br>" + escape(KEY_TEXT)

    def positions(self) -> list[tuple[int, int, float]]:
        """(column, year, x) of every bar."""
        return [
            (c, year, float(c * GROUP + year - 1))
            for c in range(len(self.comparison.columns))
            for year in range(1, OFFER_YEARS + 1)
        ]

    def draw(self, comparison: Comparison) -> None:
        self.comparison = comparison
        columns = comparison.columns
        positions = self.positions()
        bottoms = [0.0] * len(positions)
        for comp in COMPONENTS:
            heights = [columns[c].years[year - 1][comp].value for c, year, _x in positions]
            self.bars[comp].setOpts(x=[x for *_r, x in positions], y0=list(bottoms), height=heights)
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        xs, ys, tops, downs = [], [], [], []
        highest = max(bottoms, default=0.0)
        above = list(bottoms)  # where a bar's label goes: over its whisker, if it has one
        for n, ((c, year, x), total) in enumerate(zip(positions, bottoms, strict=True)):
            offer = comparison.jobs[c].offer if c < len(comparison.jobs) else None
            if offer is None or not offer.equity_grant:
                continue
            equity = comparison.jobs[c].years[year - 1].equity
            xs.append(x)
            ys.append(total)
            tops.append(equity * offer.price_high / 100.0)
            downs.append(-equity * offer.price_low / 100.0)
            highest = max(highest, total + tops[-1])
            above[n] = total + tops[-1]
        self.range.setData(x=np.array(xs), y=np.array(ys), top=np.array(tops), bottom=np.array(downs))
        self.range.setVisible(bool(xs))
        # The year above each bar: "Y1" where there is room, "1" on narrower bars, none on the narrowest (the key
        # says the bars are years 1–4, the table gives each year); the jobs' names shortened to their group's width.
        slots = max(len(columns) * GROUP, 1)
        bar_px = max(self.plot.width() - 80, 100) / slots
        form = "Y{}" if bar_px >= YEAR_LABEL_PX else "{}" if bar_px >= YEAR_LABEL_PX / 2 else ""
        self.year_labels.labels = (
            [
                PointLabel(x, top, form.format(year), (0.5, 1))
                for (_c, year, x), top in zip(positions, above, strict=True)
            ]
            if form
            else []
        )
        self.year_labels.prepareGeometryChange()
        self.year_labels.update()
        item = self.plot.getPlotItem()
        chars = max(int(bar_px * GROUP / 7), 6)
        ticks = [(c * GROUP + (OFFER_YEARS - 1) / 2, short(col.name, min(chars, 22))) for c, col in enumerate(columns)]
        item.getAxis("bottom").setTicks([ticks])
        item.setXRange(-0.7, max(len(columns) * GROUP - 1.3, 3.7), padding=0)
        item.setYRange(0, (highest or 1.0) * 1.12, padding=0)
        totals = [
            f"{col.name}: "
            + ", ".join(f"year {y} {usd(bottoms[c * OFFER_YEARS + y - 1])}" for y in range(1, OFFER_YEARS + 1))
            for c, col in enumerate(columns)
        ]  # what a screen reader hears of the chart (the table above has each component)
        self.plot.setAccessibleDescription("Total of each year: " + "; ".join(totals) + ".")


class VestingChart:
    """Equity vested by the end of each month, per offer: the schedule's steps (a cliff is one tall step), the
    stock price range as a band, the leave month as a dashed line."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.plot = plot
        self.lines: list[tuple[pg.PlotDataItem, pg.FillBetweenItem]] = []
        self._drawn: tuple[tuple[VestingLine, ...], int, int] = ((), 0, 48)

    def build(self) -> None:
        colors = style_plot(self.plot)
        self.plot.getPlotItem().clear()
        self.plot.getPlotItem().setLabel("bottom", "Months in the job")
        self.leave_line = pg.InfiniteLine(angle=90, movable=False,
                                          pen=pg.mkPen(colors["foreground"], style=Qt.PenStyle.DashLine))  # fmt: skip
        self.plot.addItem(self.leave_line)
        self.legend = self.plot.getPlotItem().addLegend(offset=(8, 8), labelTextColor=colors["foreground"])
        self.lines = []
        lines, month, last = self._drawn
        self.draw(lines, month, last)

    def draw(self, lines: Sequence[VestingLine], month: int, last: int) -> None:
        self._drawn = (tuple(lines), month, last)
        item = self.plot.getPlotItem()
        for curve, band in self.lines:
            item.removeItem(curve)
            item.removeItem(band)
        self.legend.clear()
        self.lines = []
        palette = LINE_COLORS_DARK if is_dark() else LINE_COLORS
        top = 1.0
        for n, line in enumerate(lines):
            color = QColor(palette[n % len(palette)])
            xs, ys = steps(line.vested)
            lows, highs = steps(line.low)[1], steps(line.high)[1]
            curve = pg.PlotDataItem(xs, ys, pen=pg.mkPen(color, width=2), name=short(line.name, 30))
            low = pg.PlotDataItem(xs, lows, pen=pg.mkPen(None))
            high = pg.PlotDataItem(xs, highs, pen=pg.mkPen(None))
            fill = QColor(color)
            fill.setAlpha(45)
            band = pg.FillBetweenItem(low, high, brush=pg.mkBrush(fill))
            item.addItem(band)
            item.addItem(curve)
            self.lines.append((curve, band))
            top = max(top, max(line.high, default=0.0), max(line.vested, default=0.0))
        self.leave_line.setValue(month)
        self.leave_line.setVisible(bool(lines))
        said = [  # what a screen reader hears of the chart: each offer's equity vested by the month you leave
            f"{line.name}: {usd(line.vested[min(month, len(line.vested) - 1)])} vested by month {month}"
            for line in lines
            if line.vested
        ]
        self.plot.setAccessibleDescription("; ".join(said) + "." if said else "")
        item.setXRange(0, max(last, 12), padding=0.02)
        item.setYRange(0, top * 1.08, padding=0)
        item.getAxis("bottom").setTicks([[(m, str(m)) for m in range(0, max(last, 12) + 1, 12)]])


def steps(values: Sequence[float]) -> tuple[list[float], list[float]]:
    """A running total by month (index = month) as a step line: flat through each month, a jump at its end."""
    xs, ys = [], []
    for m, v in enumerate(values):
        if m:
            xs.append(float(m))
            ys.append(values[m - 1])
        xs.append(float(m))
        ys.append(v)
    return xs, ys


def short(name: str, limit: int = 22) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
