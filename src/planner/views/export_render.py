"""Rendering for the exports: a tab's chart as PNG or SVG (pyqtgraph's exporters), and the chart for the career
report (the report's pages: ``report_render``).

Everything here returns bytes; writing them to a file is storage's job.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING, NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSizeF
from PySide6.QtGui import QFont, QImage, QImageWriter, QPageSize, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsTextItem, QWidget

from planner.domain.text import escape

if TYPE_CHECKING:  # the XML library is loaded when an SVG is made, not at start-up
    from xml.dom.minidom import Element

MIN_WIDTH = 200
MAX_WIDTH = 10_000
REPORT_CHART_ASPECT = 0.5  # height over width of the report's chart (report_render.CHART_ASPECT)
REPORT_CHART_SHARPNESS = 3  # pixels per point of the printed chart
# The chart is laid out this much wider than it prints, so a legend or label as wide as the page still fits; its
# text prints at 1/1.1 of its size on screen: 9 pt becomes 8.2 pt, never below the 8 pt a printed chart needs.
REPORT_CHART_LAYOUT_SLACK = 1.1
REPORT_KEY_SHARE = 0.35  # of the printed chart's height, at most, for the key under it; a longer key adds height


# What a chart shows only while someone works with it: the crosshair and its readout, the table's selection drawn
# on the chart, a hover label. A tab's view names them with these attributes; an export hides them.
TRANSIENT_ITEMS = ("crosshair", "crosshair_dot", "crosshair_label", "selection_band", "hover_label")


@contextmanager
def for_paper(tab: object) -> Iterator[None]:
    """The tab's chart as a file or the report shows it: light colours, whatever the theme, none of the transient
    marks (``TRANSIENT_ITEMS``), and every item drawn afresh (an item kept as a pixmap of itself on screen, such as
    the Projection chart's axes, would be that pixmap scaled); all as it was afterwards."""
    from planner.views.charts import chart_of
    from planner.views.theme import light_palette

    plot = chart_of(tab) if isinstance(tab, QWidget) else None
    # The marks belong to the tab, its chart or the widget that draws the chart for it (Industries: ``chart``).
    owners = [owner for owner in (tab, plot, getattr(tab, "chart", None)) if owner is not None]
    # A chart whose legend is a row beside it on screen draws it into the file (paper_legend): a file stands alone.
    paper_legend = getattr(plot, "paper_legend", None)
    with light_palette(), paper_legend() if callable(paper_legend) else nullcontext():
        items = [getattr(owner, name, None) for owner in owners for name in TRANSIENT_ITEMS]
        shown = [item for item in items if isinstance(item, QGraphicsItem) and item.isVisible()]
        cached = [(item, item.cacheMode()) for item in (plot.scene().items() if plot is not None else [])]
        cached = [(item, mode) for item, mode in cached if mode != QGraphicsItem.CacheMode.NoCache]
        for item in shown:
            item.setVisible(False)
        for item, _mode in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        try:
            yield
        finally:
            for item in shown:
                item.setVisible(True)
            for item, mode in cached:
                item.setCacheMode(mode)


class ChartCaption(NamedTuple):
    """What an exported chart says about itself, drawn into the file (``captioned``): a title (the tab's name and
    what is shown), a caption (what to know to read it: on Market the occupation and area), the source(s) and,
    for a chart whose key sits beside it on screen, that key. Plain text, except ``key_html``: rich text the tab
    made (escaped once there)."""

    title: str
    caption: str = ""
    source: str = ""
    key_html: str = ""


# A chart whose tab says nothing of itself (no ``export_caption``): the projection, until its view has one.
DERIVED_SOURCE = (
    "Derived by ML Career Planner from the article's salary ranges, your own entries and the assumptions you see "
    "on the Projection tab (Help > How projections work)."
)


def chart_caption(tab: QWidget, tab_title: str) -> ChartCaption:
    """The tab's own ``export_caption()`` (a ChartCaption, or a tuple of its fields in order), or the tab's title
    with its chart's vertical axis label and the sentence for derived figures."""
    from planner.views.charts import chart_of

    own = getattr(tab, "export_caption", None)
    if callable(own):
        given = own()
        return given if isinstance(given, ChartCaption) else ChartCaption(*given)
    plot = chart_of(tab)
    axis = str(plot.getPlotItem().getAxis("left").labelText) if plot is not None else ""
    return ChartCaption(f"{tab_title}: {axis}" if axis else tab_title, "", DERIVED_SOURCE)


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


CAPTION_PAD = 8  # pixels (on screen) between the caption's text and the chart's edge


def _caption_items(caption: ChartCaption, exported_on: dt.date, width: float) -> tuple[QGraphicsTextItem, ...]:
    """The title block (title, caption) and the foot (key, source, date) as text items ``width`` wide, wrapping."""
    from planner.views.charts import palette_colors

    colors = palette_colors()
    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    head = f'<div style="font-size:{size * 1.3:.1f}pt; font-weight:600">{escape(caption.title)}</div>'
    if caption.caption:
        head += f"<div>{escape(caption.caption)}</div>"
    foot = f"<div>{caption.key_html}</div>" if caption.key_html else ""
    muted = colors["muted"].name()
    source = f"Source: {caption.source} " if caption.source else ""
    foot += (
        f'<div style="color:{muted}; font-size:{size * 0.9:.1f}pt">{escape(source)}'
        f"Exported from ML Career Planner on {_date(exported_on)}.</div>"
    )
    items = []
    for html in (head, foot):
        text = QGraphicsTextItem()
        text.setFont(font)
        text.setDefaultTextColor(colors["foreground"])
        text.setHtml(html)
        text.setTextWidth(max(width - 2 * CAPTION_PAD, 50))
        items.append(text)
    return tuple(items)


def captioned_aspect(plot: pg.PlotWidget, caption: ChartCaption, exported_on: dt.date) -> float:
    """Height over width of the chart exported with its caption (``captioned``): the chart keeps its size on
    screen and the title and foot add to its height."""
    rect = _item(plot).sceneBoundingRect()
    if rect.width() < 1 or rect.height() < 1:
        return chart_aspect(plot)
    head, foot = _caption_items(caption, exported_on, rect.width())
    extra = head.boundingRect().height() + foot.boundingRect().height()
    return float((rect.height() + extra) / rect.width())


@contextmanager
def captioned(plot: pg.PlotWidget, caption: ChartCaption, exported_on: dt.date) -> Iterator[None]:
    """The chart with a title block above it (title, caption) and a foot below it (the key when the tab has one
    beside the chart, the source and the export date) while the block runs, the chart as large as on screen: a
    file that stands alone. A legend drawn at the chart's foot for the file (``paper_legend``) moves up above the
    foot. Everything as it was afterwards."""
    item = _item(plot)
    before = item.geometry()
    margins = item.layout.getContentsMargins()
    head, foot = _caption_items(caption, exported_on, before.width())
    head_h, foot_h = head.boundingRect().height(), foot.boundingRect().height()
    legends = [c for c in item.childItems() if isinstance(c, pg.LegendItem)]
    offsets = [tuple(legend.opts["offset"]) for legend in legends]
    height = before.height() + head_h + foot_h
    try:
        item.setGeometry(QRectF(before.topLeft(), QSizeF(before.width(), height)))
        left, top, right, bottom = margins
        item.layout.setContentsMargins(left, top + head_h, right, bottom + foot_h)
        for legend, (x, y) in zip(legends, offsets, strict=True):
            if y <= 0:  # anchored at the bottom: above the foot
                legend.setOffset((x, y - foot_h))
        head.setParentItem(item)
        head.setPos(CAPTION_PAD, 0)
        foot.setParentItem(item)
        foot.setPos(CAPTION_PAD, height - foot_h)
        item.layout.activate()
        yield
    finally:
        for text in (head, foot):
            if text.scene() is not None:
                text.scene().removeItem(text)
        for legend, offset in zip(legends, offsets, strict=True):
            legend.setOffset(offset)
        item.layout.setContentsMargins(*margins)
        item.setGeometry(before)
        item.layout.activate()


def _item(plot: pg.PlotWidget) -> pg.PlotItem:
    return plot.getPlotItem()


def chart_aspect(plot: pg.PlotWidget) -> float:
    """Height over width of the chart as it is on screen (an export keeps this shape)."""
    rect = _item(plot).sceneBoundingRect()
    if rect.width() < 1 or rect.height() < 1:
        return 9 / 16
    return float(rect.height() / rect.width())


def _width(width: int) -> int:
    return min(max(int(width), MIN_WIDTH), MAX_WIDTH)


def chart_image(plot: pg.PlotWidget, width: int) -> QImage:
    """The chart drawn ``width`` pixels wide (the height follows its shape on screen)."""
    from pyqtgraph.exporters import ImageExporter  # imported on first export: keeps start-up fast

    exporter = ImageExporter(_item(plot))
    exporter.parameters()["width"] = _width(width)
    image = exporter.export(toBytes=True)
    assert isinstance(image, QImage)
    return image


def report_text_width(size: QPageSize.PageSizeId | None = None) -> int:
    """The report's text width in 1/96 inch (the printed chart's width)."""
    from planner.views.report_render import chart_size_pt, page_size

    return round(chart_size_pt(size if size is not None else page_size().id()).width() * 96 / 72)


def chart_image_at_print_size(plot: pg.PlotWidget, width: int, aspect: float = REPORT_CHART_ASPECT) -> QImage:
    """The chart laid out ``width`` points wide, as it will be printed, and drawn sharp.

    A chart exported at its on-screen size and shrunk onto the page shrinks its text with it (to 4 pt from a wide
    window); laid out at the printed size, its text keeps the size it has on screen (about 9 pt). The chart goes
    back to its size on screen afterwards. Drawn through the image's device pixel ratio, so every item, the
    legend included, is scaled alike (pyqtgraph's exporter leaves some items at their size on screen)."""
    item = _item(plot)
    before = item.geometry()
    size = QSizeF(round(width * REPORT_CHART_LAYOUT_SLACK), round(width * REPORT_CHART_LAYOUT_SLACK * aspect))
    ratio = REPORT_CHART_SHARPNESS / REPORT_CHART_LAYOUT_SLACK
    fit_legend = getattr(plot, "fit_paper_legend", None)
    try:
        item.setGeometry(QRectF(before.topLeft(), size))
        item.layout.activate()
        if callable(fit_legend):  # a legend drawn for the page: as many columns as the page's width holds
            fit_legend()
            # A long key (five scenarios with long names: one to a line) under the plot leaves the plot itself
            # too low to read, its axis title cut off: the chart grows by what the key takes beyond its share.
            key = item.layout.getContentsMargins()[3]
            if key > size.height() * REPORT_KEY_SHARE:
                size.setHeight(round(size.height() * (1 - REPORT_KEY_SHARE) + key))
                item.setGeometry(QRectF(before.topLeft(), size))
                item.layout.activate()
                fit_legend()
        image = QImage(
            round(size.width() * ratio), round(size.height() * ratio), QImage.Format.Format_ARGB32_Premultiplied
        )
        image.setDevicePixelRatio(ratio)
        image.fill(plot.backgroundBrush().color())
        _measure_axes(item, size, image)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            item.scene().render(painter, QRectF(QPointF(0, 0), size), item.sceneBoundingRect())
        finally:
            painter.end()
    finally:
        item.setGeometry(before)
        item.layout.activate()
        if callable(fit_legend):
            fit_legend()
    return image


def _measure_axes(item: pg.PlotItem, size: QSizeF, like: QImage) -> None:
    """Let the axes measure their tick labels at the printed size before the chart is drawn for the page.

    An axis learns how wide its labels are only when it draws them, and then makes room for them. A chart never
    drawn yet (Ctrl+P before the Projection tab was opened) or drawn at another size would print with its axis
    title over the tick labels; a first drawing into a scratch image ``like`` the page's, and the layout it asks
    for, prevent that (the second drawing lays the labels out in the width the first made)."""
    scratch = QImage(like.size(), like.format())
    scratch.setDevicePixelRatio(like.devicePixelRatio())
    for _ in range(2):
        painter = QPainter(scratch)
        try:
            item.scene().render(painter, QRectF(QPointF(0, 0), size), item.sceneBoundingRect())
        finally:
            painter.end()
        item.layout.activate()


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise ValueError(f"the chart could not be encoded as PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def chart_png(plot: pg.PlotWidget, width: int) -> bytes:
    return png_bytes(chart_image(plot, width))


def _rects_as_paths(node: Element) -> None:
    """Every ``<rect>`` under ``node`` as the same ``<path>``, written as Qt writes its paths.

    Qt writes a rectangle (a bar, a band) in the chart's data units under a group's scaling transform, with a
    "non-scaling" stroke (SVG 1.2 Tiny). pyqtgraph moves that transform into the coordinates of paths and polylines
    only, so a rectangle keeps it: librsvg, which has no non-scaling stroke, scales a 1-pixel edge by the x scale
    (bars 0.8 units wide, 86 pixels a unit: edges 86 pixels wide, bars merged into blocks) and a fill pattern with
    it. As paths, pyqtgraph moves the transform into them too, and every viewer draws what Qt draws."""
    for rect in list(node.getElementsByTagName("rect")):
        try:
            x, y, w, h = (float(rect.getAttribute(name)) for name in ("x", "y", "width", "height"))
        except ValueError:  # a percentage, or no size: not one of Qt's rectangles
            continue
        doc, parent = rect.ownerDocument, rect.parentNode
        if doc is None or parent is None or rect.getAttribute("rx") or rect.getAttribute("ry"):
            continue
        path = doc.createElement("path")
        for name, value in rect.attributes.items():
            if name not in ("x", "y", "width", "height"):
                path.setAttribute(name, value)
        corners = ((x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y))
        path.setAttribute("d", " ".join(f"{'M' if i == 0 else 'L'}{cx!r},{cy!r}" for i, (cx, cy) in enumerate(corners)))
        parent.replaceChild(path, rect)


def _clip_paths_unpainted(data: bytes) -> bytes:
    """A clip path's shape without stroke or fill of its own: a viewer that ignores clipping (Qt's SVG Tiny
    renderer) would otherwise draw it as a black frame the chart does not have; clipping uses its shape only."""
    from xml.dom.minidom import Element, parseString

    doc = parseString(data)
    for clip in doc.getElementsByTagName("clipPath"):
        for shape in clip.childNodes:
            if isinstance(shape, Element):
                shape.setAttribute("stroke", "none")
                shape.setAttribute("fill", "none")
    return doc.toxml(encoding="UTF-8")


@contextmanager
def _rectangles_drawn_as_paths() -> Iterator[None]:
    """While an SVG is made: pyqtgraph's coordinate correction sees Qt's rectangles as paths (``_rects_as_paths``).
    pyqtgraph calls its module's ``correctCoordinates`` for every item; it is wrapped for the export only."""
    module = importlib.import_module("pyqtgraph.exporters.SVGExporter")  # the module, not its class
    correct = getattr(module, "correctCoordinates")  # noqa: B009 (a module attribute mypy does not know)

    def corrected(node: Element, defs: object, item: object, options: object) -> None:
        _rects_as_paths(node)
        correct(node, defs, item, options)

    setattr(module, "correctCoordinates", corrected)  # noqa: B010
    try:
        yield
    finally:
        setattr(module, "correctCoordinates", correct)  # noqa: B010


def chart_svg(plot: pg.PlotWidget, width: int) -> bytes:
    """The chart as SVG, ``width`` units wide (the height follows its shape on screen), drawn alike by Qt, librsvg
    and browsers: no rectangle left under a scaling transform (``_rects_as_paths``)."""
    from pyqtgraph.exporters import SVGExporter

    exporter = SVGExporter(_item(plot))
    exporter.parameters()["width"] = _width(width)
    height = exporter.parameters()["height"]
    with _rectangles_drawn_as_paths():
        data = exporter.export(toBytes=True)
    assert isinstance(data, bytes)
    data = _clip_paths_unpainted(data)
    # pyqtgraph writes only a viewBox; give the drawing its size too, so viewers open it at the chosen size.
    size = f'<svg width="{_width(width)}" height="{round(height)}" '
    return re.sub(rb"<svg ", size.encode(), data, count=1)
