"""Text that changes often without laying the whole window out again (the Market tab's position line, the
Projection tab's headline and what your last change did)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


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
        self.least = self.fontMetrics().lineSpacing() * lines + 4
        self.setFixedHeight(self.least)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _fit(self) -> None:
        """As high as the text needs at the present width (never cut off), and no less than ``lines``."""
        height = max(self.least, self.label.heightForWidth(self.width()))
        if height != self.maximumHeight():  # the height asked for (the layout may not have given it yet)
            self.setFixedHeight(height)

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
