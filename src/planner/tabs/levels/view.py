"""The "Salary by level" tab: floating range bars with averages and references, a table and details."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QAbstractItemModel, QItemSelection, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.domain.text import escape, format_safe
from planner.tabs.levels.presenter import LevelsChart
from planner.views.charts import (
    CurrencyAxis,
    PointLabel,
    PointLabels,
    one_tab_stop,
    range_band,
    read_only_table,
    style_plot,
)
from planner.views.export_render import ChartCaption
from planner.views.table_columns import ColumnPlan, fit_columns
from planner.views.theme import YOU_SYMBOL, YOU_TEXT_MARK

BAR_WIDTH = 0.5
MARKER_OFFSET = BAR_WIDTH / 2 - 0.06  # conflicting figures sit near the bar's right edge, clear of its labels


TABLE_COLUMNS = ColumnPlan(
    main=frozenset({"Level", "Experience", "Salary range", "Average"}),
    drop_first=("Sources", "Skills expected"),
    widths={"Sources": 30, "Skills expected": 36},  # long texts wrap within these widths (three lines a row)
)


class LevelsTab(QWidget):
    """Implements the LevelsView protocol of this tab's presenter.py."""

    level_selected = Signal(int)
    level_hovered = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelsTab")
        self._chart: LevelsChart | None = None
        self._export_key = ""
        self._hover_index = -1
        self._hover_text_for: Callable[[int], str] = lambda _i: ""

        self.summary = QLabel()
        self.summary.setObjectName("levelsSummary")
        self.summary.setAccessibleName("Salary summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # No context menu: made without one, rather than built and then taken down again.
        self.plot = pg.PlotWidget(axisItems={"left": CurrencyAxis("left")}, enableMenu=False)
        self.plot.setObjectName("levelsChart")
        one_tab_stop(self.plot)
        self.plot.setAccessibleName("Salary range by career level chart")
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(180)
        # The table below carries the same figures for the keyboard and screen readers: the chart takes no focus.
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        item = self.plot.getPlotItem()
        # The ranges are set from the chart's figures (_draw): pyqtgraph need not measure every item it is given.
        item.disableAutoRange()
        item.showGrid(x=False, y=True, alpha=0.25)
        item.setLabel("left", "Salary (USD per year)")
        # The key sits below the chart, never over it: it wraps on a narrow window instead of hiding bars.
        self.key_label = QLabel()
        self.key_label.setObjectName("levelsKey")
        self.key_label.setAccessibleName("Chart key")
        self.key_label.setWordWrap(True)
        self.key_label.setTextFormat(Qt.TextFormat.RichText)
        self.you_marks: pg.ScatterPlotItem | None = None
        self.selection_band: QGraphicsRectItem | None = None
        self._selected = 0
        self.bars: pg.BarGraphItem | None = None
        self.averages: pg.ScatterPlotItem | None = None
        self.value_labels: PointLabels | None = None
        self.hover_label = pg.TextItem(anchor=(0, 1))
        self.hover_label.setZValue(100)
        self.hover_label.hide()
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        # Hover must work with no button pressed; Qt may switch viewport tracking off when items change.
        self.plot.viewport().setMouseTracking(True)

        self.table = read_only_table("levelsTable", "Salary by level table")
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
        # Sources and skills wrap onto three lines (a longer list ends in "…": the whole of it is in the tooltip
        # and the details pane), so a narrow window cuts nothing to a few letters.
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * 3 + 8)
        self.table.setMinimumHeight(self.table.fontMetrics().lineSpacing() * 5)

        self.details = QTextBrowser()
        self.details.setObjectName("levelDetails")
        self.details.setAccessibleName("Selected level details")
        self.details.setOpenLinks(False)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.table)
        lower.addWidget(self.details)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("levelsSplitter")
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.plot, 1)
        chart_layout.addWidget(self.key_label)
        self.splitter.addWidget(chart_box)
        self.splitter.addWidget(lower)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([620, 380])
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.table)

    # --- wiring --------------------------------------------------------------------------------------------

    def set_table_model(self, model: QAbstractItemModel) -> None:
        self.table.setModel(model)
        # The figures always; the sources and skills (also in the details pane beside the table, for the selected
        # level) while there is room, or when chosen in the header's menu: no sideways scrolling at 1024×640.
        self.columns = fit_columns(self.table, TABLE_COLUMNS)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.selectRow(0)

    def set_hover_text_provider(self, provider: Callable[[int], str]) -> None:
        self._hover_text_for = provider

    # --- LevelsView ----------------------------------------------------------------------------------------

    def show_summary(self, html: str) -> None:
        self.summary.setText(html)

    def show_level_details(self, html: str) -> None:
        self.details.setHtml(html)

    def show_chart(self, chart: LevelsChart) -> None:
        self._chart = chart
        self._draw()
        self.plot.setAccessibleDescription(chart.description())

    def restyle(self) -> None:
        self._draw()

    # --- drawing -------------------------------------------------------------------------------------------

    def _draw(self) -> None:
        chart = self._chart
        if chart is None:
            return
        colors = style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.clear()
        n = len(chart.rows)
        xs = list(range(n))
        you = chart.you

        low, high = chart.overall_band
        band = range_band(low, high, "horizontal", colors)
        item.addItem(band)

        ceiling = pg.InfiniteLine(
            pos=chart.ceiling.amount,
            angle=0,
            pen=pg.mkPen(colors["ceiling"], width=2, style=Qt.PenStyle.DashLine),
            label=format_safe(chart.ceiling.label),  # pyqtgraph runs str.format on it
            labelOpts={"position": 0.02, "color": colors["ceiling"], "anchors": [(0, 1), (0, 1)]},
        )
        item.addItem(ceiling)

        # The selected level: a column behind its bar in the palette's selection colour, as the table marks its
        # row; your level: the "you" outline.
        selection = QColor(colors["selection"])
        selection.setAlpha(70)
        # Up to the highest figure, yours too: a salary above the article's figures is drawn, not left off the chart.
        mine = [you.salary] if you is not None and you.salary is not None else []
        top = max([chart.ceiling.amount, *(r.high for r in chart.rows), *(m.amount for m in chart.markers), *mine])
        self.selection_band = QGraphicsRectItem(QRectF(self._selected - 0.45, 0, 0.9, top * 1.12))
        self.selection_band.setBrush(pg.mkBrush(selection))
        self.selection_band.setPen(pg.mkPen(colors["selection"], width=1))
        self.selection_band.setZValue(-20)
        item.addItem(self.selection_band)

        def pen(i: int) -> QPen:
            if you is not None and i == you.level_index:
                return pg.mkPen(colors["you"], width=4)
            return pg.mkPen(colors["bar_edge"], width=1.5)

        self.bars = pg.BarGraphItem(
            x=xs,
            y0=[r.low for r in chart.rows],
            height=[r.high - r.low for r in chart.rows],
            width=BAR_WIDTH,
            brush=pg.mkBrush(colors["bar"]),
            brushes=[pg.mkBrush(colors["bar"]) for _ in range(n)],
            pens=[pen(i) for i in range(n)],
        )
        item.addItem(self.bars)

        avg_x = [i for i, r in enumerate(chart.rows) if r.average is not None]
        avg_y = [r.average for r in chart.rows if r.average is not None]
        self.averages = pg.ScatterPlotItem(
            x=avg_x,
            y=avg_y,
            symbol="d",
            size=14,
            brush=pg.mkBrush(colors["average"]),
            pen=pg.mkPen(colors["foreground"]),
        )
        item.addItem(self.averages)
        # Every figure's value as one item: the range's ends under and over each bar, the average beside it.
        values = [
            PointLabel(x + BAR_WIDTH / 2, y, f"avg ${y / 1000:g}k", (-0.25, 0.5))
            for x, y in zip(avg_x, avg_y, strict=True)
        ]
        for x, r in enumerate(chart.rows):
            values += [PointLabel(x, r.low, f"${r.low / 1000:g}k", (0.5, -0.2))]
            values += [PointLabel(x, r.high, f"${r.high / 1000:g}k", (0.5, 1.2))]
        self.value_labels = PointLabels(values, colors["foreground"])
        item.addItem(self.value_labels)

        if chart.markers:
            markers = pg.ScatterPlotItem(
                x=[m.level_index + MARKER_OFFSET for m in chart.markers],
                y=[m.amount for m in chart.markers],
                symbol="t1",
                size=14,
                brush=pg.mkBrush(colors["conflict"]),
                pen=pg.mkPen(colors["conflict"]),
            )
            item.addItem(markers)
            highest_of = {
                i: max(m.amount for m in chart.markers if m.level_index == i)
                for i in {m.level_index for m in chart.markers}
            }
            for m in chart.markers:
                line = pg.PlotDataItem(
                    [m.level_index + MARKER_OFFSET, m.level_index + MARKER_OFFSET],
                    [chart.rows[m.level_index].high, m.amount],
                    pen=pg.mkPen(colors["conflict"], width=2, style=Qt.PenStyle.DotLine),
                )
                item.addItem(line)
                # Ending at the marker, over its bar, never past the chart's right edge: the highest above its
                # marker, any lower one beside it (clear of the label above and of a reference line at the top).
                highest = m.amount == highest_of[m.level_index]
                label = pg.TextItem(m.label, color=colors["conflict"], anchor=(1, 1.15) if highest else (1, 0.5))
                label.setPos(m.level_index + MARKER_OFFSET + (0.05 if highest else -0.04), m.amount)
                item.addItem(label)

        self.you_marks = None
        if you is not None and you.salary is not None:
            you_x = you.level_index - MARKER_OFFSET
            self.you_marks = pg.ScatterPlotItem(
                x=[you_x],
                y=[you.salary],
                symbol=YOU_SYMBOL,
                size=20,
                brush=pg.mkBrush(colors["you"]),
                pen=pg.mkPen(colors["foreground"], width=1),
            )
            self.you_marks.setZValue(20)
            item.addItem(self.you_marks)
            tag = pg.TextItem(you.short, color=colors["you"], anchor=(1, 0.5))
            tag.setPos(you_x - 0.07, you.salary)
            tag.setZValue(20)
            item.addItem(tag)

        item.getAxis("bottom").setTicks([[(i, r.name) for i, r in enumerate(chart.rows)]])
        item.setXRange(-0.6, n - 0.2, padding=0)  # room for the last bar's "avg $150k"
        item.setYRange(0, top * 1.12, padding=0)
        self.hover_label.setColor(colors["foreground"])
        self.hover_label.fill = pg.mkBrush(colors["background"])
        self.hover_label.border = pg.mkPen(colors["muted"])
        item.addItem(self.hover_label)
        self.hover_label.hide()
        self._show_key(chart, colors)
        self._hover_index = -1  # a redraw (new data, new theme) forgets the hover; the next move shows it again

    def _show_key(self, chart: LevelsChart, colors: dict[str, QColor]) -> None:
        def swatch(color: QColor, mark: str, text: str) -> str:
            return f'<span style="color:{color.name()}">{mark}</span>&nbsp;{escape(text)}'

        band = QColor(colors["band_edge"])
        parts = [
            swatch(colors["bar"], "■", "Salary range by level"),
            swatch(colors["average"], "◆", "Average (where the article gives one)"),
            swatch(band, "▭", chart.overall_label),
            swatch(colors["ceiling"], "- -", chart.ceiling.label),
        ]
        if chart.markers:
            parts.append(swatch(colors["conflict"], "▲", "Conflicting figure in the article"))
        if chart.you is not None:
            parts.append(swatch(colors["you"], YOU_TEXT_MARK, chart.you.text))
        self._export_key = " &nbsp; ".join(parts)  # a file shows no selection
        parts.append(swatch(colors["selection"], "■", "Selected in the table"))
        self.key_label.setText(" &nbsp; ".join(parts))
        self.key_label.setAccessibleDescription(chart.you.text if chart.you is not None else "")

    def export_caption(self) -> ChartCaption:
        """What an exported chart says of itself (views.export_render.captioned): title, caption, source, key."""
        chart = self._chart
        you = chart.you.text if chart is not None and chart.you is not None else ""
        return ChartCaption(
            "Salary by level: the salary range of an ML engineer at each career level (USD a year)",
            "Entry, mid and senior level as the article gives them. It says “base salary” only of its overall "
            "average range; the app reads these ranges as base salary too." + (f" {you}" if you else ""),
            chart.source if chart is not None else "",
            self._export_key,
        )

    # --- interaction ---------------------------------------------------------------------------------------

    def level_at(self, point: QPointF) -> int:
        """Index of the level bar under a point in data coordinates, or -1."""
        chart = self._chart
        if chart is None:
            return -1
        i = round(point.x())
        if 0 <= i < len(chart.rows) and abs(point.x() - i) <= BAR_WIDTH / 2:
            return i
        return -1

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        vb = self.plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            self._set_hover(-1, QPointF())
            return
        point = vb.mapSceneToView(scene_pos)
        self._set_hover(self.level_at(point), point)

    def _set_hover(self, index: int, point: QPointF) -> None:
        if index == self._hover_index:
            return
        self._hover_index = index
        if index < 0:
            self.hover_label.hide()
            self.plot.setAccessibleDescription(self._chart.description() if self._chart is not None else "")
            return
        text = self._hover_text_for(index)
        self.hover_label.setText(text)
        self.hover_label.setPos(index + BAR_WIDTH / 2 + 0.02, point.y())
        self.hover_label.show()
        self.plot.setAccessibleDescription(text)
        self.level_hovered.emit(index)

    def hover_text(self) -> str:
        """What the hover label shows now ('' when no level is under the mouse)."""
        return self.hover_label.toPlainText() if self.hover_label.isVisible() else ""

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self._selected = rows[0].row()
            band = self.selection_band
            if band is None:
                self._draw()
            else:  # only the column behind the selected bar moves: nothing else on the chart depends on it
                rect = band.rect()
                band.setRect(QRectF(self._selected - 0.45, rect.y(), rect.width(), rect.height()))
            self.level_selected.emit(self._selected)

    def selected_level(self) -> int:
        return self._selected
