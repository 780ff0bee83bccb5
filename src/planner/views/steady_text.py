"""Text that changes often without laying the whole window out again (the Market tab's position line, the
Projection tab's headline and what your last change did)."""

from __future__ import annotations

import html
import math
import re

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from planner.domain.text import plain_tooltip
from planner.views.contrast import foreground

# The markup a rich SteadyText reads (what its makers write: bold and line breaks, names escaped); any other tag is
# left out, never shown as markup nor obeyed.
_TAG = re.compile(r"<(/?)([a-zA-Z]+)\s*/?>|<[^>]*>")
_BOLD = frozenset({"b", "strong"})
_BREAKS = re.compile("\r\n|[\n\r\v\f\u2028\u2029\x85]")  # a plain text's line and paragraph breaks
BELOW = 4  # px under ``lines`` lines (more lines take only their own height, as in a QLabel)


def paragraphs(text: str, rich: bool) -> list[tuple[str, list[tuple[int, int]]]]:
    """The lines ``text`` shows, each with its bold stretches (start, length): plain text as it is, broken at its
    line breaks; rich text with <br> as a break, <b> as bold and entities read (&amp; is "&")."""
    if not rich:
        return [(line, []) for line in _BREAKS.split(text)]
    out: list[tuple[str, list[tuple[int, int]]]] = []
    parts: list[str] = []
    bold: list[tuple[int, int]] = []
    depth, length, start = 0, 0, 0
    pos = 0
    for tag in [*_TAG.finditer(text), None]:
        piece = html.unescape(text[pos : tag.start() if tag else len(text)])
        parts.append(piece)
        length += len(piece)
        if tag is None:
            break
        pos = tag.end()
        name = (tag.group(2) or "").lower()
        closing = tag.group(1) == "/"
        if name in _BOLD:
            if not closing:
                if depth == 0:
                    start = length
                depth += 1
            elif depth > 0:
                depth -= 1
                if depth == 0 and length > start:
                    bold.append((start, length - start))
        elif name == "br":
            if depth > 0 and length > start:
                bold.append((start, length - start))
            out.append(("".join(parts), bold))
            parts, bold, length, start = [], [], 0, 0
    if depth > 0 and length > start:
        bold.append((start, length - start))
    out.append(("".join(parts), bold))
    return out


class SteadyText(QWidget):
    """Text that changes with every choice, at least ``lines`` lines high and as high as its text needs at its width
    (wrapped at words, or anywhere in a word too long for a line: never cut off). Plain text, with the whole text
    also in its tooltip; or ``rich`` text (bold and line breaks; its maker escapes names), without.

    It lays its text out once per new text or width and paints those lines: a QLabel builds a text document, and
    lays it out again when painted, on every tick (a fifth of a tick's frame on the Projection tab). Inside this
    widget, which has no layout, a new text repaints only itself, and the window is laid out again only when the
    text needs another number of lines. A screen reader reads the text as the description; right-click copies it."""

    def __init__(self, lines: int, name: str, accessible: str, *, rich: bool = False) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self._rich = rich
        self._text = ""
        self._shown = ""  # the text as read: markup left out, entities read
        self._layouts: list[QTextLayout] = []
        self._needed = 0
        self.lines = lines
        self.least = self._measure_least()
        self.setFixedHeight(self.least)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self._copy = QAction("&Copy text", self)
        self._copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(self._shown))

    def _measure_least(self) -> int:
        """The height of ``lines`` lines in the present font (the desktop's font may change while the app runs)."""
        return self.fontMetrics().lineSpacing() * self.lines + BELOW

    def _lay_out(self) -> None:
        """Lay the text out at the present width, and ask for the height it needs (no less than ``lines``)."""
        width = max(self.width(), 1)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setTextDirection(self.layoutDirection())
        font = self.font()
        strong = QTextCharFormat()
        strong.setFontWeight(QFont.Weight.Bold)
        layouts, y = [], 0.0
        for line_text, bold in paragraphs(self._text, self._rich):
            layout = QTextLayout(line_text, font, self)
            layout.setTextOption(option)
            if bold:
                ranges = []
                for start, length in bold:
                    part = QTextLayout.FormatRange()
                    part.start, part.length, part.format = start, length, strong  # type: ignore[attr-defined]
                    ranges.append(part)
                layout.setFormats(ranges)
            layout.beginLayout()
            while (line := layout.createLine()).isValid():
                line.setLineWidth(width)
                line.setPosition(QPointF(0.0, y))
                y += line.height()
            layout.endLayout()
            layouts.append(layout)
        self._layouts = layouts
        self._needed = math.ceil(y)
        height = max(self.least, self._needed)
        if height != self.maximumHeight():
            self.setFixedHeight(height)

    def needed_height(self) -> int:
        """The height the text's lines take at the present width (the widget is at least this high)."""
        return self._needed

    def line_widths(self) -> list[float]:
        """The width of each line as laid out (none is wider than the widget)."""
        return [layout.lineAt(i).naturalTextWidth() for layout in self._layouts for i in range(layout.lineCount())]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(foreground(self))
        for layout in self._layouts:
            layout.draw(painter, QPointF(0.0, 0.0))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self._shown:
            QMenu.exec([self._copy], event.globalPos(), None, self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind in (QEvent.Type.FontChange, QEvent.Type.LayoutDirectionChange):
            self.least = self._measure_least()
            self._lay_out()
            self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._lay_out()

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._shown = "\n".join(line for line, _bold in paragraphs(text, self._rich))
        if not self._rich:
            self.setToolTip(plain_tooltip(self._shown))  # as written: a name such as <b>x</b> is not markup
        self.setAccessibleDescription(self._shown)
        self._lay_out()
        self.update()

    def text(self) -> str:
        """The text as given (rich text with its markup)."""
        return self._text

    def shown_text(self) -> str:
        """The text as a person reads it (lines joined by newlines, markup left out)."""
        return self._shown
