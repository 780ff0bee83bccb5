"""A chart's legend in a row under the plot, outside the data area: it never covers a curve.

Each entry is a sample (a line in the curve's pen, a filled box, or a mark) and a name. When one row is too narrow
for the whole names, the legend takes a second row; when two are still too narrow, the names are shortened with
"…" (the whole name is the entry's tooltip). A click on a toggleable entry hides or shows its curve, and a hidden
one is drawn greyed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

SAMPLE = 20  # width of a sample, px
GAP = 4  # between a sample and its name
SPACING = 10  # between entries
MIN_NAME = 36  # a name is never shortened below this (px); entries past the width are then left out
MAX_ROWS = 2


@dataclass(frozen=True)
class LegendEntry:
    key: str
    name: str
    pen: QPen | None = None  # a line sample
    brush: QBrush | None = None  # a box sample (a band), or the fill of a mark
    mark: str = ""  # "t1" triangle, "s" square, "d" diamond, "x" cross: a mark instead of a line
    toggleable: bool = False
    hidden: bool = False
    tip: str = ""  # the whole story on hover (the name is kept short)


class LegendRow(QWidget):
    toggled = Signal(str)  # an entry's key: its curve is to be hidden or shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartLegend")
        self.setAccessibleName("Chart legend")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._entries: list[LegendEntry] = []
        self._signatures: list[tuple[object, ...]] = []  # of the entries shown
        self._boxes: list[tuple[QRect, LegendEntry, str]] = []  # where each entry was drawn, with its shown name
        self._rows = 1

    def set_entries(self, entries: list[LegendEntry]) -> None:
        signatures = [_signature(e) for e in entries]
        if signatures == self._signatures:
            return  # the same legend (most changes): no layout, no repaint
        self._entries, self._signatures = list(entries), signatures
        self.setAccessibleDescription("; ".join(e.name + (" (hidden)" if e.hidden else "") for e in entries))
        self._layout()
        self.update()

    def entries(self) -> list[LegendEntry]:
        return list(self._entries)

    def names(self) -> list[str]:
        return [e.name for e in self._entries]

    def shown_names(self) -> list[str]:
        """The names as drawn (shortened when the row is narrow); entries that did not fit are left out."""
        return [text for _rect, _entry, text in self._boxes]

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:
        return QSize(200, self._row_height() * self._rows)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self._row_height() * self._rows)

    def resizeEvent(self, event: object) -> None:
        self._layout()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def _layout(self) -> None:
        """Whole names on one row if they fit, else on two; else shortened names on two rows; if even the shortest
        names do not fit, the last entries go."""
        metrics = self.fontMetrics()
        room = max(self.width() - 4, 0)
        widths = [metrics.horizontalAdvance(e.name) + 3 for e in self._entries]  # +3: elidedText measures wider

        def place(names: list[int], cap: int) -> list[tuple[int, int, int]] | None:
            """(row, x, name width) per entry with names at most ``cap`` wide, or None when the rows allowed
            (``allowed``) do not hold them all."""
            spots, row, x = [], 0, 0
            for width in names:
                box = SAMPLE + GAP + min(width, cap)
                if x and x + box > room:
                    row, x = row + 1, 0
                if row >= allowed or box > room:
                    return None
                spots.append((row, x, min(width, cap)))
                x += box + SPACING
            return spots

        cap = max(widths, default=0)
        allowed = 1
        spots = place(widths, cap)
        allowed = MAX_ROWS
        spots = spots or place(widths, cap)
        while spots is None and cap > MIN_NAME:
            cap -= 4
            spots = place(widths, cap)
        count = len(widths)
        while spots is None:  # even the shortest names do not fit: as many entries as fit on the rows
            count -= 1
            spots = place(widths[:count], cap)
        rows = max((row for row, _x, _w in spots), default=0) + 1
        height = self._row_height()
        self._boxes = [
            (
                QRect(2 + x, row * height, SAMPLE + GAP + width, height),
                entry,
                metrics.elidedText(entry.name, Qt.TextElideMode.ElideRight, width),
            )
            for entry, (row, x, width) in zip(self._entries, spots, strict=False)
        ]
        if rows != self._rows:
            self._rows = rows
            self.updateGeometry()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        for box, entry, text in self._boxes:
            middle = box.center().y() + 0.5
            sample = QRectF(box.left(), middle - 6, SAMPLE, 12)
            painter.save()
            if entry.hidden:
                painter.setOpacity(0.35)
            self._draw_sample(painter, sample, entry)
            painter.restore()
            painter.setPen(muted if entry.hidden else text_color)
            text_rect = QRect(box.left() + SAMPLE + GAP, box.top(), box.width() - SAMPLE - GAP, box.height())
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.end()

    @staticmethod
    def _draw_sample(painter: QPainter, rect: QRectF, entry: LegendEntry) -> None:
        center = rect.center()
        if entry.mark:
            painter.setPen(entry.pen or QPen(QColor("black")))
            painter.setBrush(entry.brush or QBrush())
            r = 5.0
            if entry.mark == "s":
                painter.drawRect(QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r))
            elif entry.mark == "d":
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(center.x(), center.y() - r - 1),
                            QPointF(center.x() + r, center.y()),
                            QPointF(center.x(), center.y() + r + 1),
                            QPointF(center.x() - r, center.y()),
                        ]
                    )
                )
            else:  # "t1": a triangle pointing up, as a promotion's mark
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(center.x(), center.y() - r),
                            QPointF(center.x() + r, center.y() + r),
                            QPointF(center.x() - r, center.y() + r),
                        ]
                    )
                )
            return
        if entry.brush is not None:
            painter.setPen(entry.pen or Qt.PenStyle.NoPen)
            painter.setBrush(entry.brush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            return
        if entry.pen is not None:
            pen = QPen(entry.pen)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLine(QPointF(rect.left(), center.y()), QPointF(rect.right(), center.y()))

    def entry_at(self, x: int, y: int | None = None) -> LegendEntry | None:
        """The entry drawn at (x, y); with no y, on the first row that has one at x."""
        for box, entry, _text in self._boxes:
            if box.left() <= x <= box.right() and (y is None or box.top() <= y <= box.bottom()):
                return entry
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(int(event.position().x()), int(event.position().y()))
        if entry is not None and entry.toggleable and event.button() == Qt.MouseButton.LeftButton:
            self.toggled.emit(entry.key)
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            entry = self.entry_at(event.pos().x(), event.pos().y())
            if entry is None:
                QToolTip.hideText()
                return True
            tip = entry.tip or entry.name
            if entry.toggleable:
                tip += " (click to show or hide it)" if not entry.hidden else " (hidden: click to show it)"
            QToolTip.showText(event.globalPos(), tip, self)
            return True
        return super().event(event)


def _signature(entry: LegendEntry) -> tuple[object, ...]:
    """What an entry looks like (QPen and QBrush copies do not compare equal by value in every binding)."""
    pen = entry.pen
    brush = entry.brush
    return (
        entry.key,
        entry.name,
        entry.tip,
        entry.mark,
        entry.toggleable,
        entry.hidden,
        None if pen is None else (pen.color().rgba(), pen.widthF(), int(pen.style().value), tuple(pen.dashPattern())),
        None if brush is None else (brush.color().rgba(), int(brush.style().value)),
    )
