"""The career report as a PDF laid out for paper: light on white whatever the theme, body text 10 pt, every table
and its heading kept on one page, and a footer with the page number on every page.

The report is a list of blocks (a heading with what belongs to it: a table, a chart, a list), each laid out by a
QTextDocument of its own at the page's width. ``paginate`` puts whole blocks on pages: a block that does not fit
the rest of a page starts the next one; only a block taller than a whole page is cut, between its lines and rows
(QTextDocument's own pagination), never inside them. The footer ("ML Career Planner · date · page N of M") is
painted on each page once the number of pages is known.

Every text from a file or from the user is escaped once, here, where it enters rich text (``escape``); the text
layer is written without ligatures, so a search for "offer" or "Profile" finds them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from planner import APP_NAME
from planner.domain.text import escape

if TYPE_CHECKING:
    from planner.presenters.career_report import CareerReport, OfferSection, Table

MARGINS_MM = QMarginsF(18, 15, 18, 12)  # left, top, right, bottom (the footer sits in the bottom margin)
BODY_PT = 10.0
NOTE_PT = 9.0
FOOTER_PT = 8.5
CHART_ASPECT = 0.55  # height over width of the printed chart (its key takes the lower part)
BLOCK_GAP_PT = 9.0  # space between blocks

_STYLE = f"""
body {{ font-size: {BODY_PT:g}pt; color: #000000; }}
h1 {{ font-size: 17pt; margin-top: 0; margin-bottom: 3pt; }}
h2 {{ font-size: 13pt; margin-top: 0; margin-bottom: 4pt; }}
h3 {{ font-size: 11pt; margin-top: 4pt; margin-bottom: 3pt; }}
p {{ margin-top: 0; margin-bottom: 4pt; }}
.note {{ font-size: {NOTE_PT:g}pt; color: #333333; }}
table.grid {{ border-collapse: collapse; }}
table.grid td, table.grid th {{ border: 1px solid #8c8c8c; padding: 2px 4px; }}
th {{ background-color: #e9e9e9; text-align: left; font-weight: bold; }}
td.num, th.num {{ text-align: right; white-space: nowrap; }}
td.key {{ font-weight: bold; padding-right: 8px; }}
"""


def report_font() -> QFont:
    """The report's text font: the desktop's sans serif, with ligatures off (the PDF's text layer then holds
    "offer", never "oﬀer")."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(BODY_PT)
    for tag in ("liga", "clig", "dlig", "hlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


# --- the blocks ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    html: str
    image: QImage | None = None  # the chart, shown by <img src='chart'> in ``html``


def _figure(text: str) -> str:
    """A figure escaped and kept on one line (a number is never broken)."""
    return escape(text).replace(" ", "&nbsp;")


def _pairs(rows: Sequence[tuple[str, str]], note: bool = False) -> str:
    cls = " class='note'" if note else ""
    cells = "".join(
        f"<tr><td class='key' valign='top'>{escape(k)}</td><td valign='top'>{escape(v)}</td></tr>" for k, v in rows
    )
    return f"<table{cls} cellspacing='0' cellpadding='1'>{cells}</table>"


def _grid(table: Table) -> str:
    """A whole table: text columns left, figures right; no cell wraps but in ``table.wrap``, so no word or number
    is ever broken; the header row names each column, wrapping at its spaces (a name "Example Analytics" held on
    one line was broken inside a word) and at the line breaks it holds."""

    def cell(tag: str, c: int, text: str) -> str:
        width = f" width='{table.widths[c]}%'" if c < len(table.widths) else ""
        cls = " class='num'" if c >= table.numbers_from else ""
        if tag == "th":
            shown = "<br>".join(escape(line) for line in text.split("\n"))
        else:
            shown = escape(text) if c in table.wrap else _figure(text)
        return f"<{tag}{cls}{width}>{shown}</{tag}>"

    head = "".join(cell("th", c, h) for c, h in enumerate(table.header))
    body = "".join("<tr>" + "".join(cell("td", c, v) for c, v in enumerate(row)) + "</tr>" for row in table.rows)
    return f"<table class='grid' width='100%' cellspacing='0'><thead><tr>{head}</tr></thead>{body}</table>"


def _pairs_across(rows: Sequence[tuple[str, str]]) -> str:
    """(what, value) pairs two to a row, across the page."""
    cells = [
        f"<td class='key' width='28%' valign='top'>{escape(k)}</td><td width='22%' valign='top'>{escape(v)}</td>"
        for k, v in rows
    ]
    lines = "".join(f"<tr>{''.join(cells[i : i + 2])}</tr>" for i in range(0, len(cells), 2))
    return f"<table width='100%' cellspacing='0' cellpadding='1'>{lines}</table>"


def _note(text: str) -> str:
    return f"<p class='note'>{escape(text)}</p>" if text else ""


def _offer(offer: OfferSection) -> str:
    years = f"<p></p>{_grid(offer.years)}" if offer.years is not None else ""
    return f"<h3>Offer from {escape(offer.title)}</h3>{_pairs_across(offer.terms)}{years}{_note(offer.note)}"


def report_blocks(report: CareerReport, chart: QImage | None, chart_width_pt: float) -> list[Block]:
    """The report's blocks in order; each is kept whole on a page."""
    day = f"{report.generated_on.day} {report.generated_on:%B %Y}"
    blocks = [
        Block(f"<h1>{escape(report.title)}</h1><p class='note'>{escape(APP_NAME)}, {day}. {escape(report.intro)}</p>"),
        Block(
            f"<h2>You and your assumptions</h2>{_pairs_across(report.profile)}<h3>Assumptions</h3>"
            f"{_pairs_across(report.assumptions)}"
            + _note("Your entries above; the assumptions are the app's until you change them (Projection tab).")
        ),
    ]
    image = ""
    if chart is not None and not chart.isNull():
        image = f"<p><img src='chart' width='{round(chart_width_pt * 96 / 72)}'></p>"
    blocks.append(
        Block(
            f"<h2>{escape(report.projection_title)}</h2><p>{report.projection_summary_html}</p>{image}",
            chart if image else None,
        )
    )
    blocks.append(Block(f"<h3>Year by year</h3>{_grid(report.year_table)}{_note(report.year_note)}"))
    levels = "".join(
        f"<tr><td>{escape(lv.name)}</td><td class='num'>{lv.done}&nbsp;of&nbsp;{lv.total}</td>"
        f"<td>{escape(', '.join(lv.ticked) if lv.ticked else 'none yet')}</td></tr>"
        for lv in report.levels
    )
    o = report.overall
    skills_block = Block(
        "<h2>Skills you have</h2><table class='grid' width='100%' cellspacing='0'>"
        "<thead><tr><th>Group</th><th class='num'>Ticked</th><th>Skills (your entries)</th></tr></thead>"
        f"{levels}<tr><td><b>{escape(o.name)}</b></td><td class='num'><b>{o.done}&nbsp;of&nbsp;{o.total}</b></td>"
        "<td></td></tr></table>"
    )
    blocks.append(skills_block)
    if report.plan:
        items = "".join(f"<li>{escape(line)}</li>" for line in report.plan)
        blocks.append(Block(f"<h2>Your learning plan</h2><ol>{items}</ol>{_note(report.plan_note)}"))
    if report.pay_history is not None:
        blocks.append(
            Block(f"<h2>Pay history against the projection</h2>{_grid(report.pay_history)}{_note(report.pay_note)}")
        )
    if report.scenarios is not None:
        changes = "".join(f"<li><b>{escape(n)}</b>: {escape(c)}</li>" for n, c in report.scenario_changes)
        blocks.append(
            Block(
                f"<h2>Scenarios side by side</h2>{_grid(report.scenarios)}"
                f"<p>What each scenario changes:</p><ul>{changes}</ul>{_note(report.scenarios_note)}"
            )
        )
    if report.offers_side is not None:
        blocks.append(Block(f"<h2>Job offers side by side</h2>{_grid(report.offers_side)}{_note(report.offers_note)}"))
    if report.offers_years is not None:
        blocks.append(Block(f"<h3>Each job by component and year</h3>{_grid(report.offers_years)}"))
    for offer in report.offers:
        blocks.append(Block(_offer(offer)))
    if report.market_summary:
        blocks.append(
            Block(
                "<h2>Where you sit among official wages</h2>"
                f"<p>{escape(report.market_summary)}</p>"
                + _note("The U.S. Bureau of Labor Statistics' figures (official statistics, not the article's).")
            )
        )
    blocks.append(Block(f"<h2>Where the figures come from</h2>{_pairs(report.sources)}"))
    if report.details:
        blocks.append(
            Block(
                "<h3>Technical details</h3>"
                + _note("For checking the figures against their files: versions, addresses and SHA-256 sums.")
                + _pairs(report.details, note=True)
            )
        )
    return blocks


# --- pages ---------------------------------------------------------------------------------------------------


def parts(height: float, page_height: float) -> int:
    """How many pages a block of ``height`` runs over (1 unless it is taller than a page)."""
    return max(1, math.ceil(height / page_height - 1e-9))


def paginate(heights: Sequence[float], page_height: float, gap: float) -> list[tuple[int, float]]:
    """(page, top) of each block: a block goes below the one before when it fits the rest of the page, else at
    the top of the next page. A block taller than a page starts a page of its own and runs over as many pages as
    it needs (laid out in pages by QTextDocument, so no line or row is cut)."""
    placed: list[tuple[int, float]] = []
    page, y = 0, 0.0
    for height in heights:
        top = y + gap if y > 0 else 0.0
        if y > 0 and top + height > page_height:
            page, top = page + 1, 0.0
        placed.append((page, top))
        n = parts(height, page_height)
        page, y = page + n - 1, top + height - (n - 1) * page_height
    return placed


def page_layout(size: QPageSize.PageSizeId) -> QPageLayout:
    return QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter)


def _document(block: Block, writer: QPdfWriter, width: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # laid out in the PDF's units: fonts and sizes as printed
    doc.setDocumentMargin(0)
    doc.setDefaultFont(report_font())
    doc.setDefaultStyleSheet(_STYLE)
    doc.setUseDesignMetrics(True)
    if block.image is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart"), block.image)
    doc.setHtml(f"<body>{block.html}</body>")
    doc.setTextWidth(width)
    return doc


def _footer(painter: QPainter, writer: QPdfWriter, text: str) -> None:
    font = report_font()
    font.setPointSizeF(FOOTER_PT)
    painter.setFont(font)
    painter.setPen(QColor("#444444"))
    dpi = writer.resolution()
    below = MARGINS_MM.bottom() / 25.4 * dpi
    rect = QRectF(0, writer.height() + below * 0.25, writer.width(), below * 0.6)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)


def report_pdf_pages(
    report: CareerReport, chart: QImage | None, size: QPageSize.PageSizeId
) -> tuple[bytes, list[tuple[int, float]]]:
    """The PDF and where each block went (page, top in the PDF's units), for the tests."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(report.title)
    writer.setCreator(APP_NAME)
    writer.setPageLayout(page_layout(size))
    writer.setResolution(600)
    width, height = float(writer.width()), float(writer.height())
    chart_width_pt = width / writer.resolution() * 72
    docs = [_document(b, writer, width) for b in report_blocks(report, chart, chart_width_pt)]
    gap = BLOCK_GAP_PT / 72 * writer.resolution()
    for doc in docs:
        if doc.size().height() > height:  # laid out in pages of its own, cut between lines and rows
            doc.setPageSize(QSizeF(width, height))
    placed = paginate([d.size().height() for d in docs], height, gap)
    pages = max(
        (at + parts(d.size().height(), height) - 1 for d, (at, _y) in zip(docs, placed, strict=True)), default=0
    )
    day = f"{report.generated_on.day} {report.generated_on:%B %Y}"
    painter = QPainter(writer)
    try:
        for page in range(pages + 1):
            if page:
                writer.newPage()
            for doc, (at, top) in zip(docs, placed, strict=True):
                _draw(painter, doc, page - at, top, height)
            _footer(painter, writer, f"{APP_NAME} · {day} · page {page + 1} of {pages + 1}")
    finally:
        painter.end()
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data()), placed


def _draw(painter: QPainter, doc: QTextDocument, part: int, top: float, page_height: float) -> None:
    """Part ``part`` (0: its first page) of a block placed at ``top`` of its first page."""
    total = doc.size().height()
    if part < 0 or part >= parts(total, page_height):
        return
    painter.save()
    if total <= page_height:
        painter.translate(QPointF(0, top))
        doc.drawContents(painter)
    else:  # laid out in pages (QTextDocument.setPageSize): one page's worth at a time
        painter.translate(QPointF(0, -part * page_height))
        doc.drawContents(painter, QRectF(0, part * page_height, doc.textWidth(), page_height))
    painter.restore()


def report_pdf(report: CareerReport, chart: QImage | None, size: QPageSize.PageSizeId | None = None) -> bytes:
    """The report as a PDF on ``size`` (default: US Letter where the locale measures in inches, A4 elsewhere)."""
    return report_pdf_pages(report, chart, size if size is not None else page_size().id())[0]


def page_size() -> QPageSize:
    """US Letter where the locale measures in inches, A4 elsewhere."""
    us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if us else QPageSize.PageSizeId.A4)


def chart_size_pt(size: QPageSize.PageSizeId) -> QSizeF:
    """The printed chart's size in points: the text width of the page, and half as high."""
    width = page_layout(size).paintRect(QPageLayout.Unit.Point).width()
    return QSizeF(width, width * CHART_ASPECT)
