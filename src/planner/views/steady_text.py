"""Text that changes often without laying the whole window out again (the Market tab's position line, the
Projection tab's headline and what your last change did)."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_INLINE_TAG = re.compile(r"</?(?:b|strong|i|em)>", re.IGNORECASE)
SLACK = 4  # px a line keeps free before it is taken as full (rounding, a bold letter's overhang)
_OTHER_BREAKS = frozenset("\r\v\f\u2028\u2029\x85")  # line or paragraph breaks besides a plain text's "\n"


def _label(rich: bool) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    # Names and sentences from data files are data, never markup: rich text only when its maker escaped them.
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SteadyText(QWidget):
    """Text that changes with every choice, at least ``lines`` lines high and as high as its text needs. Plain
    text, with the whole text also in its tooltip; or ``rich`` text (escaped by its maker), without.

    A QLabel in a layout asks the whole window to lay itself out again each time its text changes; inside this
    widget (which has no layout) the request stops here, so a new text repaints only itself, and the window is laid
    out again only when the text needs another number of lines."""

    def __init__(self, lines: int, name: str, accessible: str, *, rich: bool = False) -> None:
        super().__init__()
        self.setObjectName(name)
        self._rich = rich
        self.label = _label(rich)
        self.label.setParent(self)
        self.label.setAccessibleName(accessible)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.lines = lines
        self._in_font: set[str] = set()  # characters the font (bold too, for rich text) is known to have
        self.least = self._measure_least()
        self.setFixedHeight(self.least)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _measure_least(self) -> int:
        """The height of ``lines`` lines in the present font (the desktop's font may change while the app runs)."""
        return self.fontMetrics().lineSpacing() * self.lines + 4

    def _fit(self) -> None:
        """As high as the text needs at the present width (never cut off), and no less than ``lines``."""
        if self._fits_least(self.label.text()):
            height = self.least  # (laying the label's text out again would say the same, at a tick's cost)
        else:
            height = max(self.least, self.label.heightForWidth(self.width()))
        if height != self.maximumHeight():  # the height asked for (the layout may not have given it yet)
            self.setFixedHeight(height)

    def _fits_least(self, text: str) -> bool:
        """Whether ``text`` surely fits in ``lines`` lines: each of its lines fits the width without wrapping (rich
        text measured all in bold, its widest) and every character is in the font (a fallback font's glyph may make
        its line taller). Unsure (other markup or breaks, a long line, another font): False, and the label says."""
        if _OTHER_BREAKS.intersection(text) or (self._rich and "\n" in text):
            return False
        if self._rich:
            lines = [_INLINE_TAG.sub("", line) for line in _LINE_BREAK.split(text)]
            if any("<" in line for line in lines):
                return False  # markup this check does not know
            parts = [html.unescape(line) for line in lines]
            font = QFont(self.font())
            font.setBold(True)
            metrics = QFontMetrics(font)
        else:
            parts = text.split("\n")
            metrics = self.fontMetrics()
        room = self.width() - SLACK
        if len(parts) > self.lines or any(metrics.horizontalAdvance(part) > room for part in parts):
            return False
        unseen = set("".join(parts)) - self._in_font
        if not all(metrics.inFontUcs4(ord(c)) for c in unseen):
            return False
        self._in_font |= unseen  # (asked once per character and font: a tick's texts repeat their characters)
        return True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # new line heights: fit again once the label has the font too
            self._in_font = set()
            self.least = self._measure_least()
            QTimer.singleShot(0, self, self._fit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)
        self._fit()

    def setText(self, text: str) -> None:
        self.label.setText(text)
        if not self._rich:
            self.label.setToolTip(text)
        self._fit()

    def text(self) -> str:
        return self.label.text()
