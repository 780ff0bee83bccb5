"""The Projection chart's dashed comparison and scenario curves are drawn with flat caps (cheaper to repaint on a
tick) and look as pyqtgraph's square-capped pens drew them: the same dashes, dots and gaps, in every style."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF

from planner.views.charts import flat_dashes

STYLES = [
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
]
START, END = QPointF(20.0, 40.0), QPointF(380.0, 70.0)  # a gently rising stretch, as salary curves are


def drawn(pen: QPen) -> np.ndarray:
    image = QImage(400, 110, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.drawPolyline(QPolygonF([START, QPointF(200.0, 55.0), END]))
    painter.end()
    bits = image.constBits()
    return np.frombuffer(bits, np.uint8).reshape(110, 400, 4)[:, :, :3].astype(int).copy()


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
def test_flat_dashes_draw_the_dashes_a_square_capped_pen_draws(qapp: Any, style: Qt.PenStyle) -> None:
    color = QColor("#0072b2")
    square = drawn(pg.mkPen(color, width=2.5, style=style))
    flat_pen = flat_dashes(color, 2.5, style)
    assert flat_pen.capStyle() == Qt.PenCapStyle.FlatCap
    flat = drawn(flat_pen)
    differ = np.abs(square - flat).max(axis=2) > 40
    ys, xs = np.nonzero(differ)
    near_an_end = np.minimum(np.hypot(xs - START.x(), ys - START.y()), np.hypot(xs - END.x(), ys - END.y())) <= 3
    assert near_an_end.all(), f"{int((~near_an_end).sum())} pixels differ along the line"
    assert (square.min(axis=2) < 128).sum() > 100  # the line is drawn at all


def test_the_styles_stay_told_apart(qapp: Any) -> None:
    patterns = {tuple(flat_dashes(QColor("black"), 2.5, s).dashPattern()) for s in STYLES}
    assert len(patterns) == len(STYLES)
