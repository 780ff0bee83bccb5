"""Shared chart pieces: a currency axis without SI prefixes and colours that follow the palette."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QTransform
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


class PointLabel(NamedTuple):
    """A short text at a data point; anchor as pyqtgraph's TextItem: (0, 0) puts the text's top left corner on the
    point, (0.5, 1) its bottom centre, (0.5, -0.2) centres it a little below the point."""

    x: float
    y: float
    text: str
    anchor: tuple[float, float]


class PointLabels(pg.GraphicsObject):
    """Several short one-line labels drawn as one chart item, the same size at any zoom.

    A pyqtgraph TextItem per label costs a QGraphicsTextItem with its own document, layout and transform updates;
    a chart's value labels are plain text in one colour, which one painter pass draws for all of them."""

    def __init__(self, labels: Sequence[PointLabel], color: QColor) -> None:
        super().__init__()
        self.labels = list(labels)
        self._color = QColor(color)
        self._font = QApplication.font()
        self._metrics = QFontMetricsF(self._font)

    def texts(self) -> list[str]:
        return [label.text for label in self.labels]

    def _size(self, text: str) -> tuple[float, float]:
        return self._metrics.horizontalAdvance(text), self._metrics.height()

    def boundingRect(self) -> QRectF:
        px, py = self.pixelWidth(), self.pixelHeight()  # data units per screen pixel (0 before the item is shown)
        rect = QRectF()
        for label in self.labels:
            w, h = self._size(label.text)
            ax, ay = label.anchor
            left, top = label.x - ax * w * px, label.y + ay * h * py  # the data y axis points up, the screen's down
            rect = rect.united(QRectF(left, top - h * py, w * px, h * py).normalized())
        return rect

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()  # the labels keep their pixel size, so their extent in data units changes

    def paint(self, painter: QPainter, *_args: Any) -> None:
        to_device = painter.transform()
        # Drawn in device pixels, so a picture exported larger than the screen gets its labels larger too: never
        # 9 pt text in a 1600-pixel picture of a 500-pixel chart.
        scale = self._export_scale(to_device)
        font, metrics = self._font, self._metrics
        if scale != 1.0:
            font = QFont(self._font)
            font.setPointSizeF((font.pointSizeF() if font.pointSizeF() > 0 else 9.0) * scale)
            metrics = QFontMetricsF(font)
        painter.save()
        painter.resetTransform()
        painter.setFont(font)
        painter.setPen(self._color)
        for label in self.labels:
            w, h = metrics.horizontalAdvance(label.text), metrics.height()
            at = to_device.map(QPointF(label.x, label.y))
            ax, ay = label.anchor
            painter.drawText(QRectF(at.x() - ax * w, at.y() - ay * h, w, h), Qt.AlignmentFlag.AlignCenter, label.text)
        painter.restore()

    def _export_scale(self, to_device: QTransform) -> float:
        """How much larger than on screen an export draws this item: pyqtgraph's image exporter says so
        (``resolutionScale``); its SVG exporter does not, so it is read from the painter's transform against the
        one on screen. 1 on screen."""
        if not self._exportOpts:
            return 1.0
        given = self._exportOpts.get("resolutionScale")
        if given:
            return float(given)
        view = self.getViewWidget()
        if view is None:
            return 1.0
        screen = self.deviceTransform(view.viewportTransform())
        on_screen = math.hypot(screen.m11(), screen.m12())
        exported = math.hypot(to_device.m11(), to_device.m12())
        return exported / on_screen if on_screen > 0 and exported > 0 else 1.0


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


class Curve(pg.PlotCurveItem):
    """A PlotCurveItem whose data bounds are the smallest and largest of its points, found with two NumPy
    reductions. pyqtgraph's own (for percentiles, an orthogonal range, a fill level and pens of a width in data units)
    checks for NaN under a warnings filter; a tick moves most curves, and the scene asks each for its bounding
    rectangle again. Anything else (a NaN or an infinity among the points, those options) goes to pyqtgraph's."""

    def dataBounds(  # pyqtgraph's ViewBox passes orthoRange by name
        self,
        ax: int,
        frac: float = 1.0,
        orthoRange: Any = None,  # noqa: N803
    ) -> tuple[float | None, float | None]:
        x, y = self.getData()
        data = x if ax == 0 else y
        pens = (self.opts["pen"], self.opts["shadowPen"])
        plain = frac >= 1.0 and orthoRange is None and self.opts["fillLevel"] is None
        if data is None or len(data) == 0 or not plain or any(p is not None and not p.isCosmetic() for p in pens):
            return super().dataBounds(ax, frac, orthoRange)
        low, high = float(data.min()), float(data.max())
        if not (math.isfinite(low) and math.isfinite(high)):
            return super().dataBounds(ax, frac, orthoRange)
        return low, high


class Marks(pg.ScatterPlotItem):
    """A ScatterPlotItem for a handful of marks (promotions, the learning plan, your pay history, the crosshair's
    dot), each drawn from pyqtgraph's symbol atlas exactly as pyqtgraph draws it (a pixmap centred on its point).
    pyqtgraph's own paint first culls and maps every point with a dozen NumPy calls, which for one to five marks cost
    more than drawing them: 0.2-0.4 ms of a tick's frame on the Projection tab. The view box clips what falls outside
    it, as the culling did. Anything else (an export, a new screen's pixel ratio, other modes) goes to pyqtgraph."""

    LIMIT = 2.0**30  # pyqtgraph's bound on a point's pixel position (a larger one crashes Qt)

    def paint(self, p: QPainter, option: Any, widget: QWidget | None = None) -> None:
        atlas = self.fragmentAtlas
        ratio = atlas.devicePixelRatio()
        plain = self._exportOpts is False and self.opts["pxMode"] is True and self.opts["useCache"]
        if (
            not plain
            or self.opts.get("compositionMode") is not None
            or (widget is not None and widget.devicePixelRatioF() != ratio)
        ):
            super().paint(p, option, widget)
            return
        to_device = p.transform()
        pixmap = atlas.pixmap
        data = self.data
        for x, y, shown, (sx, sy, sw, sh) in zip(
            data["x"], data["y"], data["visible"], data["sourceRect"].tolist(), strict=True
        ):
            if not shown:
                continue
            at = to_device.map(QPointF(float(x), float(y)))
            cx = min(max(at.x(), -self.LIMIT), self.LIMIT)
            cy = min(max(at.y(), -self.LIMIT), self.LIMIT)
            w, h = sw / ratio, sh / ratio
            p.setTransform(QTransform.fromTranslate(cx, cy))
            p.drawPixmap(QRectF(-0.5 * w, -0.5 * h, w, h), pixmap, QRectF(sx, sy, sw, sh))
        p.setTransform(to_device)


def flat_pen(color: QColor, width: float) -> QPen:
    """A cosmetic pen whose strokes end where their data ends (pg.mkPen ignores a ``cap`` argument and gives round
    caps, which reach half the pen's width past the first and last point: a mark of some years would spill onto the
    years beside them, and its legend sample onto its name)."""
    pen = pg.mkPen(color, width=width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def flat_dashes(color: QColor, width: float, style: Qt.PenStyle) -> QPen:
    """A cosmetic pen of ``style`` with flat caps, each dash one pen width longer and each gap one shorter: the
    dashes pyqtgraph's square-capped pen draws, at less cost (a square cap is one more outline on every dash, and
    wide antialiased dashes are most of a tick's repaint). A solid line gets flat ends at its first and last point."""
    pen = pg.mkPen(color, width=width, style=style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if style not in (Qt.PenStyle.SolidLine, Qt.PenStyle.NoPen):
        pen.setDashPattern([part + 1 if i % 2 == 0 else part - 1 for i, part in enumerate(pen.dashPattern())])
        pen.setDashOffset(0.5)  # a square cap starts half a width before its dash
    return pen


def faint(color: QColor, background: QColor, alpha: int) -> QColor:
    """``color`` at ``alpha`` (0-255) over ``background``, as one opaque colour: the same look as a translucent
    stroke on that background, at a fraction of its cost (blending a wide or antialiased translucent stroke is most
    of a tick's repaint), and a union of overlapping strokes looks like one."""
    f = alpha / 255.0

    def mix(c: int, b: int) -> int:
        return round(c * f + b * (1.0 - f))

    return QColor(
        mix(color.red(), background.red()), mix(color.green(), background.green()), mix(color.blue(), background.blue())
    )


def one_tab_stop(plot: pg.PlotWidget) -> None:
    """The chart is one stop for the Tab key at most: its viewport (a child widget) takes no focus of its own."""
    plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)


def style_plot(plot: pg.PlotWidget) -> dict[str, QColor]:
    """Colour a plot from the current palette, with room above it for a tick label; call again when the scheme
    changes."""
    colors = palette_colors()
    plot.setBackground(colors["background"])
    item = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(colors["foreground"]))
        axis.setTextPen(pg.mkPen(colors["foreground"]))
    # A tick at the very top of the range has its label centred on it: without room above the plot, the widget's
    # edge cuts the label's upper half ("$700k" at 1366x768).
    left, top, right, bottom = item.layout.getContentsMargins()
    item.layout.setContentsMargins(left, max(top, label_overhang(plot)), right, bottom)
    return colors


def label_overhang(plot: pg.PlotWidget) -> float:
    """How far a tick label centred on the top of a vertical axis reaches above it: half a line of the plot's font
    (the axes draw their labels in it: no tick font is set)."""
    return math.ceil(QFontMetricsF(plot.font()).height() / 2)


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
