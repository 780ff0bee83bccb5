"""Rendering for the exports: a tab's chart as PNG or SVG (pyqtgraph's exporters) and the career report as PDF.

Everything here returns bytes; writing them to a file is storage's job.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QPointF, QRectF, QSizeF, QUrl
from PySide6.QtGui import QImage, QImageWriter, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from planner import APP_NAME
from planner.domain.text import escape

if TYPE_CHECKING:
    from planner.presenters.career_report import CareerReport

MIN_WIDTH = 200
MAX_WIDTH = 10_000
REPORT_MARGINS_MM = QMarginsF(14, 12, 14, 12)
REPORT_CHART_ASPECT = 0.5  # height over width of the report's chart
REPORT_CHART_SHARPNESS = 3  # pixels per point of the printed chart
# The chart is laid out this much wider than it prints, so a legend or label as wide as the page still fits; its
# text prints at 1/1.1 of its size on screen: 9 pt becomes 8.2 pt, never below the 8 pt a printed chart needs.
REPORT_CHART_LAYOUT_SLACK = 1.1


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


def report_page_layout() -> QPageLayout:
    return QPageLayout(page_size(), QPageLayout.Orientation.Portrait, REPORT_MARGINS_MM, QPageLayout.Unit.Millimeter)


def report_text_size() -> QSizeF:
    """The report's text area in the document's pixels (1/96 inch): the table's width is the chart's width."""
    inches = report_page_layout().paintRect(QPageLayout.Unit.Inch)
    return QSizeF(inches.width() * 96, inches.height() * 96)


def report_text_width() -> int:
    return int(report_text_size().width())


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
    image = QImage(round(size.width() * ratio), round(size.height() * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(plot.backgroundBrush().color())
    try:
        item.setGeometry(QRectF(before.topLeft(), size))
        item.layout.activate()
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
    return image


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


def chart_svg(plot: pg.PlotWidget, width: int) -> bytes:
    """The chart as SVG, ``width`` units wide (the height follows its shape on screen)."""
    from pyqtgraph.exporters import SVGExporter

    exporter = SVGExporter(_item(plot))
    exporter.parameters()["width"] = _width(width)
    height = exporter.parameters()["height"]
    data = exporter.export(toBytes=True)
    assert isinstance(data, bytes)
    # pyqtgraph writes only a viewBox; give the drawing its size too, so viewers open it at the chosen size.
    size = f'<svg width="{_width(width)}" height="{round(height)}" '
    return re.sub(rb"<svg ", size.encode(), data, count=1)


# --- the career report -------------------------------------------------------------------------------------------

_STYLE = """
body { font-family: sans-serif; font-size: 8.5pt; color: #000; }
h1 { font-size: 15pt; margin: 0 0 2pt 0; }
h2 { font-size: 11pt; margin: 8pt 0 3pt 0; }
p.small, td.small { font-size: 7.5pt; color: #333; }
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid #999; padding: 1px 4px; }
th { background: #e8e8e8; text-align: left; }
td.num { text-align: right; }
"""


def _pairs(rows: tuple[tuple[str, str], ...]) -> str:
    cells = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


def _grid(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], numbers_from: int) -> str:
    """A table of plain text cells (escaped once), right-aligned from column ``numbers_from``."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=num' if c >= numbers_from else ''}>{escape(v)}</td>" for c, v in enumerate(row))
        + "</tr>"
        for row in rows
    )
    # <thead>: the header row repeats on every page the table runs onto.
    return f"<table class='grid' width='100%' cellspacing='0'><thead><tr>{head}</tr></thead>{body}</table>"


def report_html(report: CareerReport, chart_url: str | None, chart_width: int) -> str:
    parts = [
        f"<h1>{escape(report.title)}</h1>",
        f"<p class='small'>{escape(APP_NAME)}, {report.generated_on.day} {report.generated_on:%B %Y}. "
        "Every figure comes from the article listed at the end or from the assumptions shown here.</p>",
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>",
        f"<td width='50%' valign='top'><h2>Profile</h2>{_pairs(report.profile)}</td>",
        f"<td width='50%' valign='top'><h2>Assumptions</h2>{_pairs(report.assumptions)}</td>",
        "</tr></table>",
        "<h2>Skills progress</h2><table class='grid' width='100%' cellspacing='0'>"
        "<tr><th>Level</th><th>Ticked</th><th>Skills you have</th></tr>",
    ]
    for lv in report.levels:
        names = ", ".join(lv.ticked) if lv.ticked else "none yet"
        parts.append(f"<tr><td>{escape(lv.name)}</td><td>{lv.done} of {lv.total}</td><td>{escape(names)}</td></tr>")
    o = report.overall
    parts.append(f"<tr><td><b>{escape(o.name)}</b></td><td><b>{o.done} of {o.total}</b></td><td></td></tr></table>")
    parts.append(f"<h2>{escape(report.projection_title)}</h2><p>{report.projection_summary_html}</p>")
    if chart_url is not None:
        parts.append(f"<p><img src='{chart_url}' width='{chart_width}'></p>")
    parts.append(_grid(report.table_header, report.table_rows, numbers_from=3))
    if report.scenarios_rows:
        parts.append(
            "<h2>Scenarios side by side</h2><p class='small'>The app's projection for each scenario: your profile "
            "with what the scenario changes.</p>"
        )
        parts.append(_grid(report.scenarios_header, report.scenarios_rows, numbers_from=2))
    parts.append(f"<h2>Data sources</h2>{_pairs(report.document)}")
    sources = "".join(
        f"<li><b>{escape(s.name)}</b> ({escape(s.kind)}){': ' + escape(s.note) if s.note else ''}</li>"
        for s in report.sources
    )
    parts.append(f"<p class='small'>The article attributes its figures to:</p><ul class='small'>{sources}</ul>")
    if report.market:
        parts.append("<h2>Official wage statistics</h2>")
        if report.market_summary:
            parts.append(f"<p>{escape(report.market_summary)}</p>")
        parts.append(f"<div class='small'>{_pairs(report.market)}</div>")
    return f"<html><head><style>{_STYLE}</style></head><body>{''.join(parts)}</body></html>"


def page_size() -> QPageSize:
    """US Letter where the locale measures in inches, A4 elsewhere."""
    us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if us else QPageSize.PageSizeId.A4)


def report_pdf(report: CareerReport, chart: QImage | None) -> bytes:
    """The report as a PDF (QPdfWriter and QTextDocument: no printing support needed)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(report.title)
    writer.setCreator(APP_NAME)
    writer.setPageLayout(report_page_layout())
    document = QTextDocument()
    document.setDocumentMargin(0)
    # Paginated by the report itself, at the page's text size: QTextDocument.print_ would otherwise add 2 cm
    # margins of its own, and the table would be narrower than the chart.
    document.setPageSize(report_text_size())
    url = None
    if chart is not None and not chart.isNull():
        url = "report://projection-chart.png"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), chart)
    document.setHtml(report_html(report, url, chart_width=report_text_width()))
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())
