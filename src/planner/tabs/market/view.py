"""The "Market" tab: BLS percentiles beside the article's level ranges, metro areas ranked, industries compared."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QAbstractItemModel, QPointF, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGraphicsItem,
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
from planner.tabs.market.presenter import ArticleRange, IndustryPair, MetroRanking, PercentileChart
from planner.views.charts import CurrencyAxis, one_tab_stop, read_only_table, style_plot
from planner.views.export_render import ChartCaption
from planner.views.steady_text import SteadyText

BOX = 0.5


def _chart(name: str, accessible: str, left: str = "Annual wage (USD)", least: int = 150) -> pg.PlotWidget:
    plot = pg.PlotWidget(axisItems={"left": CurrencyAxis("left")})
    plot.setObjectName(name)
    plot.setAccessibleName(accessible)
    one_tab_stop(plot)
    plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table carries the same figures for the keyboard
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMinimumHeight(least)
    plot.getPlotItem().showGrid(x=False, y=True, alpha=0.25)
    plot.getPlotItem().setLabel("left", left)
    plot.getPlotItem().getAxis("left").setWidth(64)  # wide enough for "$250k": new ticks never re-lay out the chart
    plot.viewport().setMouseTracking(True)
    # Every shape on these charts is a rectangle or a horizontal or vertical line: antialiasing would only cost
    # time on each redraw (text stays smooth: fonts are antialiased on their own).
    plot.setAntialiasing(False)
    return plot


def _label(text: str, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and sentences from data files are data, never markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _note_over(note: QWidget, plot: QWidget) -> QWidget:
    """A page of the lower charts: its note above, its chart taking the rest."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(note)
    layout.addWidget(plot, 1)
    return page


class MarketTab(QWidget):
    """Implements the MarketView protocol of this tab's presenter.py."""

    occupation_chosen = Signal(str)
    area_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("marketTab")
        self._percentiles: PercentileChart | None = None
        self._metros: MetroRanking | None = None
        self._industries: Sequence[IndustryPair] = []
        self._industries_drawn: Sequence[IndustryPair] | None = None
        self._occupation = ""
        self.hover_text = ""  # what the chart under the mouse says (its tooltip)
        self._area_models: dict[tuple[str | None, ...], QStandardItemModel] = {}

        self.occupation = QComboBox()
        self.occupation.setObjectName("marketOccupation")
        self.occupation.setAccessibleName("Occupation")
        self.occupation.activated.connect(lambda i: self.occupation_chosen.emit(self.occupation.itemData(i)))
        self.area = QComboBox()
        self.area.setObjectName("marketArea")
        self.area.setAccessibleName("Area: the nation, a state, a metro or a nonmetropolitan area (type to search)")
        self.area.setEditable(True)
        line = self.area.lineEdit()
        if line is not None:  # the text box of the area box: a screen reader names it like its owner
            line.setAccessibleName("Area (type to search)")
        self.area.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.area.setMaxVisibleItems(20)
        for combo, length in ((self.occupation, 28), (self.area, 30)):  # long names never widen the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(length)
        self._area_completer = completer = QCompleter(self.area.model(), self.area)
        self.area.setCompleter(completer)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.area.activated.connect(self._area_activated)
        occupation_label = QLabel("&Occupation:")
        occupation_label.setBuddy(self.occupation)
        area_label = QLabel("&Area:")
        area_label.setBuddy(self.area)

        self.position = SteadyText(2, "marketPosition", "Where your salary sits")
        self.problem = _label("")
        self.problem.setObjectName("marketProblem")
        self.problem.setAccessibleName("Problem with the market data")
        self.problem.hide()

        self.chart_title = SteadyText(1, "marketChartTitle", "Chart title")
        self.plot = _chart("marketPercentiles", "Wage percentiles beside the article's level ranges chart", least=110)
        # Its height follows its text at the chart's width (a wrapped QLabel's minimum is one line: a narrow
        # window laid the chart over it).
        self.key = SteadyText(2, "marketChartKey", "Chart key")
        self.key.setText(
            "BLS box: 25th to 75th percentile, thick line the median, whiskers the 10th and 90th percentiles. "
            "Article bars: the ML-engineer range the article gives for each level. Dashed line: your salary."
        )
        # The lower charts give way first at a small window (1024×640): where your salary sits is what the tab is for.
        # Short axis titles: these charts may be 90 px high, and the note above each says what the values are.
        self.metro_plot = _chart("marketMetros", "Metro areas ranked by median wage chart", "USD", least=90)
        self.metro_plot.getPlotItem().getAxis("bottom").setLabel("Rank among metro and nonmetropolitan areas")
        self.metro_note = SteadyText(2, "marketMetroNote", "Your area among the metro and nonmetropolitan areas")
        self.industry_plot = _chart(
            "marketIndustries", "Industry medians beside the article's industries chart", "USD", least=90
        )
        self.industry_note = _label("")
        self.industry_note.setObjectName("marketIndustryNote")
        self.industry_note.setAccessibleName("About the industry comparison")

        self.table = read_only_table("marketTable", "BLS figures for the chosen occupation and area")
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumWidth(330)

        # As high as its wrapped lines need at any width (a wrapped QLabel's minimum is one line: in a narrow window
        # the layout gave it less and the charts above lay over each other).
        self.source = SteadyText(2, "marketSource", "Data source and BLS disclaimer")

        chart = QWidget()
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_title)
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
        self.charts.tabBar().setAccessibleName("More charts: metro and nonmetropolitan areas ranked, by industry")
        self.charts.addTab(_note_over(self.metro_note, self.metro_plot), "Metro areas ranked")
        self.charts.addTab(_note_over(self.industry_note, self.industry_plot), "By industry")
        self.charts.currentChanged.connect(lambda _i: self._draw_industries())
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("marketSplitter")
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.charts)
        # Where your salary sits is what the tab is for: its chart gets the height first, the ranked ones the rest.
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([300, 200])

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
        self._build_items()

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
        """Hundreds of areas: one item model per list, made once and swapped in (filling a combo box item by item
        each time the occupation changes would cost more than the whole redraw)."""
        key = tuple(c.value for c in choices)
        model = self._area_models.get(key)
        if model is None:
            model = QStandardItemModel(self)
            for choice in choices:
                item = QStandardItem(choice.label)
                item.setData(choice.value, Qt.ItemDataRole.UserRole)
                model.appendRow(item)
            self._area_models[key] = model
        self.area.blockSignals(True)
        if self.area.model() is not model:
            self.area.setModel(model)
            self._area_completer.setModel(model)
        self.area.setCurrentIndex(max(self.area.findData(current), 0))
        self.area.blockSignals(False)

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
        self._draw_percentiles()
        self.plot.setAccessibleDescription(chart.description())

    def show_metros(self, ranking: MetroRanking) -> None:
        self._metros = ranking
        self.metro_note.setText(f"{ranking.title}. {ranking.note}")
        self.metro_plot.setAccessibleDescription(self.metro_note.text())
        self._draw_metros()

    def show_industries(self, pairs: Sequence[IndustryPair], occupation: str) -> None:
        if pairs is self._industries and occupation == self._occupation:
            return  # the presenter hands back the same list while the occupation stays: nothing to redraw
        self._industries = pairs
        self._occupation = occupation
        self._draw_industries()

    def select_area(self, code: str) -> None:
        index = self.area.findData(code)
        if index >= 0 and index != self.area.currentIndex():
            self.area.blockSignals(True)
            self.area.setCurrentIndex(index)
            self.area.blockSignals(False)

    def export_caption(self) -> ChartCaption:
        """What an exported chart says of itself: which occupation and area, how to read the box, where you sit,
        and both sources (BLS for the box, the article for the bars)."""
        chart = self._percentiles
        if chart is None:
            return ChartCaption("Market wages: BLS wage percentiles (USD a year)")
        bls = self.source.text().removeprefix("Source: ")
        return ChartCaption(
            f"Market wages: {chart.title} (annual wages, USD)",
            f"{self.key.text()} {self.position.text()}".strip(),
            f"{bls} Article bars: {chart.article_source}" if chart.article_source else bls,
        )

    # --- drawing: items made once per colour scheme (_build_*), then only given new data -----------------------

    def restyle(self) -> None:
        self._build_items()
        self._draw_percentiles()
        self._draw_metros()
        self._industries_drawn = None
        self._draw_industries()

    def _build_items(self) -> None:
        self._colors = colors = style_plot(self.plot)
        style_plot(self.metro_plot)
        style_plot(self.industry_plot)
        for plot in (self.plot, self.metro_plot, self.industry_plot):
            plot.getPlotItem().clear()
        fg = pg.mkPen(colors["foreground"], width=2)
        item = self.plot.getPlotItem()
        self.whiskers = pg.PlotDataItem([], [], pen=fg, connect="pairs")
        self.box = pg.BarGraphItem(x=[], height=[], width=BOX, brush=colors["bar"], pen=pg.mkPen(colors["bar_edge"]))
        self.median = pg.PlotDataItem([], [], pen=pg.mkPen(colors["average"], width=3))
        self.article_bars = pg.BarGraphItem(x=[], height=[], width=BOX, brush=pg.mkBrush(colors["bar_second"]))
        self.salary_line = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen(colors["highlight"], width=2, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={"position": 0.35, "color": colors["foreground"], "anchors": [(0.5, 0), (0.5, 1)]},
        )
        for it in (self.article_bars, self.whiskers, self.box, self.median, self.salary_line):
            item.addItem(it)
        # New, empty bars: the article's ranges are drawn again (after a theme change they were missing).
        self._article_drawn: tuple[ArticleRange, ...] | None = None
        metros = self.metro_plot.getPlotItem()
        self.metro_bars = pg.BarGraphItem(x=[], height=[], width=1.0, brush=colors["bar"], pen=pg.mkPen(None))
        # Hundreds of bars that change only with the occupation: kept as a pixmap, so moving the highlight over
        # them repaints a copy rather than every bar (Qt's item cache).
        self.metro_bars.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.metro_mine = pg.BarGraphItem(x=[], height=[], width=1.0, brush=colors["highlight"], pen=pg.mkPen(None))
        self.metro_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(colors["highlight"], width=2))
        self.metro_label = pg.TextItem("", color=colors["foreground"], anchor=(0, 1))
        for it in (self.metro_bars, self.metro_mine, self.metro_line, self.metro_label):
            metros.addItem(it)
        self._metro_bars_drawn: tuple[object, ...] | None = None
        self._metro_top = 1.0
        industries = self.industry_plot.getPlotItem()
        self.article_industries = pg.BarGraphItem(x=[], height=[], width=0.38, brush=colors["bar_second"])
        self.bls_industries = pg.BarGraphItem(x=[], height=[], width=0.38, brush=colors["bar"])
        industries.addItem(self.article_industries)
        industries.addItem(self.bls_industries)

    def _draw_percentiles(self) -> None:
        chart = self._percentiles
        if chart is None:
            return
        item = self.plot.getPlotItem()
        self.chart_title.setText(chart.title)
        values = {f.label: f.value for f in chart.percentiles}
        p10, p25, p50, p75, p90 = (values.get(k) for k in PERCENTILE_KEYS)
        xs: list[float] = []
        ys: list[float] = []
        if p10 is not None and p90 is not None:  # the whisker and its two caps, as pairs of points
            xs += [0, 0, -BOX / 4, BOX / 4, -BOX / 4, BOX / 4]
            ys += [p10, p90, p10, p10, p90, p90]
        self.whiskers.setData(xs, ys)
        if p25 is not None and p75 is not None:
            self.box.setOpts(x=[0], y0=[p25], height=[p75 - p25])
        else:
            self.box.setOpts(x=[], y0=[], height=[])
        self.median.setData(*(([-BOX / 2, BOX / 2], [p50, p50]) if p50 is not None else ([], [])))
        article = chart.article
        if article != self._article_drawn:
            self._article_drawn = article
            positions = list(range(1, len(article) + 1))
            self.article_bars.setOpts(
                x=positions, y0=[r.low for r in article], height=[r.high - r.low for r in article]
            )
            ticks = [(0, "BLS percentiles"), *((x, r.label) for x, r in zip(positions, article, strict=True))]
            item.getAxis("bottom").setTicks([ticks])
            item.setXRange(-0.6, len(article) + 0.6, padding=0)
        # The range set here, once, rather than found by pyqtgraph's auto-range on the next paint (a second pass).
        shown = [v for v in (p10, p25, p50, p75, p90, chart.salary) if v is not None]
        shown += [r.low for r in article] + [r.high for r in article]
        low, high = min(shown), max(shown)
        item.setYRange(low - (high - low) * 0.08, high + (high - low) * 0.08, padding=0)
        item.vb.updateMatrix()  # now, not in the next paint (which would then ask for a second one)
        self.salary_line.setVisible(chart.salary is not None)
        if chart.salary is not None:
            self.salary_line.setPos(chart.salary)
            self.salary_line.label.setFormat(f"You: {usd(chart.salary)}")

    def _draw_metros(self) -> None:
        ranking = self._metros
        if ranking is None:
            return
        item = self.metro_plot.getPlotItem()
        bars = ranking.bars
        if bars is not self._metro_bars_drawn:  # a new occupation: all bars; else only the highlight moves
            self._metro_bars_drawn = bars
            self.metro_bars.setOpts(x=list(range(1, len(bars) + 1)), height=[b.median for b in bars])
            item.setXRange(0, len(bars) + 1, padding=0)
            self._metro_top = max((b.median for b in bars), default=1) * 1.15  # room for the name
            item.setYRange(0, self._metro_top, padding=0)
            item.vb.updateMatrix()  # now, not in the next paint (which would then ask for a second one)
        mine = ranking.mine
        for it in (self.metro_mine, self.metro_line, self.metro_label):
            it.setVisible(mine is not None)
        if mine is not None:
            bar = bars[mine]
            self.metro_mine.setOpts(x=[mine + 1], height=[bar.median])
            self.metro_line.setPos(mine + 1)
            self.metro_label.setText(f"{bar.name}: {usd(bar.median)}")
            # Hung from the top of the chart beside the line, on whichever side has room: never clipped.
            self.metro_label.setAnchor((0, 0) if mine < len(bars) / 2 else (1, 0))
            self.metro_label.setPos(mine + 1, self._metro_top)

    def _draw_industries(self) -> None:
        """Drawn when its sub-tab is shown (and again only for another occupation or colour scheme)."""
        if not self._industries or self._industries is self._industries_drawn or not self.industry_plot.isVisible():
            return
        self._industries_drawn = self._industries
        pairs = self._industries
        self.industry_note.setText(
            f"Left bar: the article's ML-engineer average. Right bar: BLS median for {self._occupation.lower()} in "
            "the paired industry (national). Pairs (the app's choice, not BLS's or the article's): "
            + "; ".join(f"{p.article_name} – {p.bls_name or 'no single BLS industry'}" for p in pairs)
        )
        self.industry_plot.setAccessibleDescription(
            "; ".join(
                f"{p.article_name}: the article {usd(p.article_average)}, BLS median "
                + (usd(p.bls_median.value) if p.bls_median and p.bls_median.value else "not published")
                for p in pairs
            )
        )
        self.article_industries.setOpts(
            x=[i - 0.2 for i in range(len(pairs))], height=[p.article_average for p in pairs]
        )
        paired = [(i, p.bls_median.value) for i, p in enumerate(pairs) if p.bls_median and p.bls_median.value]
        self.bls_industries.setOpts(x=[i + 0.2 for i, _v in paired], height=[v for _i, v in paired])
        item = self.industry_plot.getPlotItem()
        item.getAxis("bottom").setTicks([[(i, p.article_name) for i, p in enumerate(pairs)]])
        item.setXRange(-0.6, len(pairs) - 0.4, padding=0)
        item.setYRange(0, max([p.article_average for p in pairs] + [v for _i, v in paired]) * 1.08, padding=0)
        item.vb.updateMatrix()

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
