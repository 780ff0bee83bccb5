"""One line of plain text shortened with "…" to its width (the Projection tab's readout of the selected year)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from planner.domain.text import plain_tooltip
from planner.views.contrast import foreground


class ElidedLine(QWidget):
    """A line of plain text, shortened with "…" to fit the width it is given; the whole text is its tooltip and a
    screen reader's description. It is one line high whatever its text, so a new text repaints only itself (a QLabel
    in a layout asks the whole window to lay itself out again at each new text), and the text is shortened again
    only when it, the width or the font changed (a tick often leaves the selected year's figures as they were)."""

    def __init__(self, name: str, accessible: str, least_width: int = 50) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self._least = least_width
        self._text = ""
        self._shown = ""
        self._elided_for: tuple[str, int, str] | None = None
        self.setMinimumWidth(least_width)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(max(self._least, self.fontMetrics().horizontalAdvance(self._text)), self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._least, self.fontMetrics().height())

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self.setToolTip(plain_tooltip(text))  # names from files are data: shown as written, never as markup
        self.setAccessibleDescription(text)
        self._elide()

    def text(self) -> str:
        """The text as shown (shortened with "…" when it does not fit)."""
        return self._shown

    def full_text(self) -> str:
        return self._text

    def _elide(self) -> None:
        width = max(self.width(), self._least)
        key = (self._text, width, self.font().key())
        if key == self._elided_for:
            return
        self._elided_for = key
        shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, width)
        if shown != self._shown:
            self._shown = shown
            self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()  # another line height
            self._elide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(foreground(self))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.rect(), align | Qt.TextFlag.TextSingleLine, self._shown)
