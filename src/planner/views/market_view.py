"""The "Market" tab: BLS percentiles beside the article's level ranges, metro areas ranked, industries compared."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QAbstractItemModel, QPointF, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.money import usd
from planner.presenters.choices import Choice
from planner.presenters.market import IndustryPair, MetroRanking, PercentileChart
from planner.views.charts import CurrencyAxis, one_tab_stop, read_only_table, style_plot

BOX = 0.5


def _chart(name: str, accessible: str, left: str = "Annual wage (USD)") -> pg.PlotWidget:
    plot = pg.PlotWidget(axisItems={"left": CurrencyAxis("left")})
    plot.setObjectName(name)
    plot.setAccessibleName(accessible)
    one_tab_stop(plot)
    plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table carries the same figures for the keyboard
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMinimumHeight(150)
    plot.getPlotItem().showGrid(x=False, y=True, alpha=0.25)
    plot.getPlotItem().setLabel("left", left)
    plot.viewport().setMouseTracking(True)
    return plot


def _label(text: str, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and sentences from data files are data, never markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MarketTab(QWidget):
    """Implements presenters.market.MarketView."""

    occupation_chosen = Signal(str)
    area_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("marketTab")
        self._percentiles: PercentileChart | None = None
        self._metros: MetroRanking | None = None
        self._industries: list[IndustryPair] = []
        self._occupation = ""
        self.hover_text = ""  # what the chart under the mouse says (its tooltip)

        self.occupation = QComboBox()
        self.occupation.setObjectName("marketOccupation")
        self.occupation.setAccessibleName("Occupation")
        self.occupation.activated.connect(lambda i: self.occupation_chosen.emit(self.occupation.itemData(i)))
        self.area = QComboBox()
        self.area.setObjectName("marketArea")
        self.area.setAccessibleName("Area: the nation, a state or a metro area (type to search)")
        self.area.setEditable(True)
        self.area.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.area.setMaxVisibleItems(20)
        for combo, length in ((self.occupation, 28), (self.area, 30)):  # long names never widen the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(length)
        completer = QCompleter(self.area.model(), self.area)
        self.area.setCompleter(completer)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.area.activated.connect(self._area_activated)
        occupation_label = QLabel("&Occupation:")
        occupation_label.setBuddy(self.occupation)
        area_label = QLabel("&Area:")
        area_label.setBuddy(self.area)

        self.position = _label("")
        self.position.setObjectName("marketPosition")
        self.position.setAccessibleName("Where your salary sits")
        self.problem = _label("")
        self.problem.setObjectName("marketProblem")
        self.problem.hide()

        self.plot = _chart("marketPercentiles", "Wage percentiles beside the article's level ranges chart")
        self.key = _label(
            "BLS box: 25th to 75th percentile, thick line the median, whiskers the 10th and 90th percentiles. "
            "Article bars: the ML-engineer range the article gives for each level. Dashed line: your salary."
        )
        self.key.setObjectName("marketChartKey")
        self.metro_plot = _chart("marketMetros", "Metro areas ranked by median wage chart", "Median annual wage")
        self.metro_plot.getPlotItem().getAxis("bottom").setLabel("Rank among metro areas")
        self.metro_note = _label("")
        self.metro_note.setObjectName("marketMetroNote")
        self.industry_plot = _chart("marketIndustries", "Industry medians beside the article's industries chart")
        self.industry_note = _label("")
        self.industry_note.setObjectName("marketIndustryNote")

        self.table = read_only_table("marketTable", "BLS figures for the chosen occupation and area")
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumWidth(330)

        self.source = _label("")
        self.source.setObjectName("marketSource")
        self.source.setAccessibleName("Data source and BLS disclaimer")

        chart = QWidget()
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.plot, 1)
        chart_layout.addWidget(self.key)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(chart)
        upper.addWidget(self.table)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        self.charts = QTabWidget()
        self.charts.setObjectName("marketCharts")
        self.charts.setAccessibleName("More charts")
        self.charts.tabBar().setAccessibleName("More charts: metro areas ranked, by industry")
        metros = QWidget()
        metro_layout = QVBoxLayout(metros)
        metro_layout.setContentsMargins(0, 0, 0, 0)
        metro_layout.addWidget(self.metro_note)
        metro_layout.addWidget(self.metro_plot, 1)
        self.charts.addTab(metros, "Metro areas ranked")
        industries = QWidget()
        industry_layout = QVBoxLayout(industries)
        industry_layout.setContentsMargins(0, 0, 0, 0)
        industry_layout.addWidget(self.industry_plot, 1)
        industry_layout.addWidget(self.industry_note)
        self.charts.addTab(industries, "By industry")
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("marketSplitter")
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.charts)

        pickers = QGridLayout()
        pickers.addWidget(occupation_label, 0, 0)
        pickers.addWidget(self.occupation, 0, 1)
        pickers.addWidget(area_label, 0, 2)
        pickers.addWidget(self.area, 0, 3)
        pickers.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.problem)
        layout.addWidget(self.position)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.source)
        self.setFocusProxy(self.occupation)

        for plot, handler in (
            (self.plot, self._hover_percentiles),
            (self.metro_plot, self._hover_metros),
            (self.industry_plot, self._hover_industries),
        ):
            plot.scene().sigMouseMoved.connect(lambda pos, p=plot, h=handler: self._hover(p, h, pos))

    # --- wiring --------------------------------------------------------------------------------------------

    def set_table_model(self, model: QAbstractItemModel) -> None:
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def _area_activated(self, index: int) -> None:
        code = self.area.itemData(index)
        if code:
            self.area_chosen.emit(code)

    # --- MarketView ----------------------------------------------------------------------------------------

    def set_occupations(self, choices: Sequence[Choice], current: str) -> None:
        self._fill(self.occupation, choices, current)

    def set_areas(self, choices: Sequence[Choice], current: str) -> None:
        self._fill(self.area, choices, current)

    @staticmethod
    def _fill(combo: QComboBox, choices: Sequence[Choice], current: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        for choice in choices:
            combo.addItem(choice.label, choice.value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def show_position(self, text: str) -> None:
        self.position.setText(text)

    def show_source(self, text: str) -> None:
        self.source.setText(text)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def show_percentiles(self, chart: PercentileChart) -> None:
        self._percentiles = chart
        area_index = self.area.findData(self.area.currentData())
        if area_index >= 0 and self.area.currentIndex() != area_index:
            self.area.setCurrentIndex(area_index)
        self._draw_percentiles()

    def show_metros(self, ranking: MetroRanking) -> None:
        self._metros = ranking
        self.metro_note.setText(ranking.note)
        self._draw_metros()

    def show_industries(self, pairs: Sequence[IndustryPair], occupation: str) -> None:
        self._industries = list(pairs)
        self._occupation = occupation
        self._draw_industries()

    def select_area(self, code: str) -> None:
        index = self.area.findData(code)
        if index >= 0:
            self.area.setCurrentIndex(index)

    # --- drawing -------------------------------------------------------------------------------------------

    def restyle(self) -> None:
        self._draw_percentiles()
        self._draw_metros()
        self._draw_industries()

    def _draw_percentiles(self) -> None:
        chart = self._percentiles
        colors = style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.clear()
        if chart is None:
            return
        item.setTitle(chart.title, color=colors["foreground"], size="10pt")
        values = {f.label: f.value for f in chart.percentiles}
        p10, p25, p50, p75, p90 = (values.get(k) for k in PERCENTILE_KEYS)
        fg = pg.mkPen(colors["foreground"], width=2)
        if p10 is not None and p90 is not None:
            item.addItem(pg.PlotDataItem([0, 0], [p10, p90], pen=fg))
            for y in (p10, p90):
                item.addItem(pg.PlotDataItem([-BOX / 4, BOX / 4], [y, y], pen=fg))
        if p25 is not None and p75 is not None:
            box = pg.BarGraphItem(
                x=[0], y0=[p25], height=[p75 - p25], width=BOX, brush=colors["bar"], pen=pg.mkPen(colors["bar_edge"])
            )
            item.addItem(box)
        if p50 is not None:
            median = pg.PlotDataItem([-BOX / 2, BOX / 2], [p50, p50], pen=pg.mkPen(colors["average"], width=3))
            item.addItem(median)
        xs = list(range(1, len(chart.article) + 1))
        bars = pg.BarGraphItem(
            x=xs,
            y0=[r.low for r in chart.article],
            height=[r.high - r.low for r in chart.article],
            width=BOX,
            brush=pg.mkBrush(colors["bar_second"]),
        )
        item.addItem(bars)
        if chart.salary is not None:
            line = pg.InfiniteLine(
                pos=chart.salary,
                angle=0,
                pen=pg.mkPen(colors["highlight"], width=2, style=Qt.PenStyle.DashLine),
                label=f"You: {usd(chart.salary)}",
                labelOpts={"position": 0.35, "color": colors["foreground"], "anchors": [(0.5, 1), (0.5, 1)]},
            )
            item.addItem(line)
        ticks = [
            (0, "BLS percentiles"),
            *((x, r.label.removeprefix("Article: ")) for x, r in zip(xs, chart.article, strict=True)),
        ]
        item.getAxis("bottom").setTicks([ticks])
        item.setXRange(-0.6, len(xs) + 0.6, padding=0)

    def _draw_metros(self) -> None:
        ranking = self._metros
        colors = style_plot(self.metro_plot)
        item = self.metro_plot.getPlotItem()
        item.clear()
        if ranking is None or not ranking.bars:
            return
        item.setTitle(ranking.title, color=colors["foreground"], size="10pt")
        brushes = [pg.mkBrush(colors["highlight"] if b.mine else colors["bar"]) for b in ranking.bars]
        item.addItem(
            pg.BarGraphItem(
                x=list(range(1, len(ranking.bars) + 1)),
                height=[b.median for b in ranking.bars],
                width=1.0,
                brushes=brushes,
                pen=pg.mkPen(None),
            )
        )
        for i, bar in enumerate(ranking.bars):
            if bar.mine:  # one bar among hundreds: a line and its name make it findable
                item.addItem(pg.InfiniteLine(pos=i + 1, angle=90, pen=pg.mkPen(colors["highlight"], width=2)))
                text = pg.TextItem(f"{bar.name}: {usd(bar.median)}", color=colors["foreground"], anchor=(0, 1))
                text.setPos(i + 1, bar.median)
                item.addItem(text)
        item.setXRange(0, len(ranking.bars) + 1, padding=0)
        item.setYRange(0, max(b.median for b in ranking.bars) * 1.15, padding=0)  # room for the name on top

    def _draw_industries(self) -> None:
        colors = style_plot(self.industry_plot)
        item = self.industry_plot.getPlotItem()
        item.clear()
        if not self._industries:
            return
        item.setTitle(
            f"Green: the article's ML-engineer average · Blue: BLS median for {self._occupation.lower()} "
            "in the paired industry (national)",
            color=colors["foreground"],
            size="10pt",
        )
        self.industry_note.setText(
            "Pairs (the app's choice, not BLS's or the article's): "
            + "; ".join(f"{p.article_name} – {p.bls_name or 'no single BLS industry'}" for p in self._industries)
        )
        n = len(self._industries)
        article = pg.BarGraphItem(
            x=[i - 0.2 for i in range(n)],
            height=[p.article_average for p in self._industries],
            width=0.38,
            brush=colors["bar_second"],
        )
        item.addItem(article)
        paired = [
            (i, p.bls_median.value) for i, p in enumerate(self._industries) if p.bls_median and p.bls_median.value
        ]
        if paired:
            bls = pg.BarGraphItem(
                x=[i + 0.2 for i, _v in paired], height=[v for _i, v in paired], width=0.38, brush=colors["bar"]
            )
            item.addItem(bls)
        item.getAxis("bottom").setTicks([[(i, p.article_name) for i, p in enumerate(self._industries)]])
        item.setXRange(-0.6, n - 0.4, padding=0)

    # --- hover: what a tooltip says, and the series id of every BLS figure ------------------------------------

    def _hover(self, plot: pg.PlotWidget, handler: object, pos: QPointF) -> None:
        point = plot.getPlotItem().vb.mapSceneToView(pos)
        text = handler(point.x(), point.y())  # type: ignore[operator]
        self.hover_text = text
        plot.setToolTip(text)

    def _hover_percentiles(self, x: float, y: float) -> str:
        chart = self._percentiles
        if chart is None:
            return ""
        if abs(x) <= BOX / 2 + 0.1:
            known = [f for f in chart.percentiles if f.value is not None]
            if not known:
                return "\n".join(f"{f.label}: {f.text}" for f in chart.percentiles)
            nearest = min(known, key=lambda f: abs((f.value or 0) - y))
            lines = [f"{f.label}: {f.text} (BLS series {f.series_id})" for f in chart.percentiles]
            return f"{nearest.label}: {nearest.text}\n" + "\n".join(lines)
        index = round(x) - 1
        if 0 <= index < len(chart.article) and abs(x - round(x)) <= BOX / 2:
            r = chart.article[index]
            avg = f", average {usd(r.average)}" if r.average else ""
            return f"{r.label}: {usd(r.low)}–{usd(r.high)}{avg} (the article's figures, not BLS)"
        return ""

    def _hover_metros(self, x: float, _y: float) -> str:
        if self._metros is None:
            return ""
        index = round(x) - 1
        if 0 <= index < len(self._metros.bars):
            bar = self._metros.bars[index]
            return f"{index + 1}. {bar.name}: median {usd(bar.median)}\nBLS series {bar.series_id}"
        return ""

    def _hover_industries(self, x: float, _y: float) -> str:
        index = round(x)
        if not 0 <= index < len(self._industries):
            return ""
        pair = self._industries[index]
        lines = [f"Article, {pair.article_name}: average {usd(pair.article_average)} (ML engineers)"]
        if pair.bls_median is not None:
            lines.append(
                f"BLS, {pair.bls_name}: median {pair.bls_median.text} (BLS series {pair.bls_median.series_id})"
            )
        else:
            lines.append("BLS: no single industry the app pairs with this one")
        return "\n".join(lines)


PERCENTILE_KEYS = ("10th percentile", "25th percentile", "Median", "75th percentile", "90th percentile")
