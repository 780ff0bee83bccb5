"""The labels in the band kept free at the top of the Projection chart: today, each promotion with its jump, each
month of the learning plan. Placed in up to three rows so that no two meet: a label that finds no room for its
whole text gets its short form, else it is left to its mark's tooltip. Labels are plain text
(``QGraphicsSimpleTextItem``: a line laid out and drawn by the painter, without the document of a ``pg.TextItem``,
which cost more than the curves to draw on a tick): names from the profile are data, never markup."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from planner.domain.text import plain_tooltip

LABEL_ROWS = 3  # rows of labels in the band at the top of the plot
BAND_PAD = 6  # px under the last row of labels, before the curves may start
MARGIN = 4  # px around a label's text (its row's height, and its room along the row)
KINDS = ("today", "promotion", "plan")  # placed in this order: today's label first


@dataclass(frozen=True)
class TopLabel:
    x: float  # calendar year (may fall inside a year: a plan's month)
    text: str
    short: str  # used when the whole text finds no room
    tip: str
    kind: str  # "today", "promotion" or "plan"


class TopBand:
    """The band's labels: children of the plot's view box, so their positions are in pixels of the plot area."""

    def __init__(self, view_box: pg.ViewBox) -> None:
        self._vb = view_box
        self.items: list[QGraphicsSimpleTextItem] = []
        self.labels: list[TopLabel] = []
        self._row = 0
        self._placed: tuple[object, ...] | None = None
        self._color = QColor("black")

    def row_height(self) -> int:
        """A row's height: a line of text and its margins, as a pyqtgraph TextItem lays it out (measured once)."""
        if self._row == 0:
            self._row = int(pg.TextItem("Ag").boundingRect().height()) + 1
        return self._row

    def height(self) -> int:
        """The band's height in pixels: its rows and the gap under them."""
        return LABEL_ROWS * self.row_height() + BAND_PAD

    def set_color(self, color: QColor) -> None:
        self._color = pg.mkColor(color)
        for item in self.items:
            item.setBrush(QBrush(self._color))

    def place(self, font: QFont, x_range: tuple[float, float]) -> None:
        """Place the labels for the view box's size and range (again only when any of them changed)."""
        vb, row = self._vb, self.row_height()
        width = vb.width()
        key = (tuple(self.labels), width, vb.height(), x_range, row)
        if key == self._placed:
            return  # the same labels in the same place (most ticks)
        self._placed = key
        metrics = QFontMetrics(font)
        while len(self.items) < len(self.labels):
            new = QGraphicsSimpleTextItem(vb)
            new.setBrush(QBrush(self._color))
            self.items.append(new)
        taken: list[list[tuple[float, float]]] = [[] for _ in range(LABEL_ROWS)]
        order = sorted(range(len(self.labels)), key=lambda i: KINDS.index(self.labels[i].kind))
        placed: dict[int, tuple[str, float, int]] = {}
        for i in order:
            label = self.labels[i]
            px = vb.mapViewToScene(QPointF(label.x, 0)).x() - vb.sceneBoundingRect().left()
            for text in (label.text, label.short):
                w = metrics.horizontalAdvance(text) + 10
                left = min(max(px - 3, 0.0), max(width - w, 0.0))
                spot = next(
                    (r for r in range(LABEL_ROWS) if all(left + w <= a or left >= b for a, b in taken[r])), None
                )
                if spot is not None and w <= width:
                    taken[spot].append((left, left + w))
                    placed[i] = (text, left, spot)
                    break
        for i, item in enumerate(self.items):
            if i not in placed:
                item.hide()
                continue
            text, left, spot = placed[i]
            label = self.labels[i]
            if item.text() != text:  # a tick moves the promotions' figures; today's and the plan's stay
                item.setText(text)
            if item.font() != font:
                item.setFont(font)
            tip = plain_tooltip(label.tip or label.text)
            if item.toolTip() != tip:
                item.setToolTip(tip)
            at = QPointF(left + MARGIN, spot * row + MARGIN)  # where a TextItem's document puts its text
            if item.pos() != at:
                item.setPos(at)
            item.show()

    def texts(self) -> list[str]:
        """The labels shown (tests; a screen reader reads the same in the table and tooltips)."""
        return [item.text() for item in self.items if item.isVisible()]
