"""Marks (the Projection chart's promotions, plan months, pay history and crosshair dot) look exactly as pyqtgraph's
ScatterPlotItem draws them: the same symbols at the same pixels, hidden points left out, marks at the plot's edge
cut by it, and exports drawn by pyqtgraph itself."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from planner.views.charts import Marks

STYLES = [
    {"symbol": "t1", "size": 13, "brush": "#3a7fd5", "pen": "k"},
    {"symbol": "s", "size": 11, "brush": "#2aa198", "pen": pg.mkPen("w", width=1.5)},
    {"symbol": "d", "size": 12, "brush": "#cb4b16", "pen": "k"},
]
X = [2026.0, 2027.4, 2031.0, 2039.9, 2054.6]  # the last at the right edge: half of it shown
Y = [145_000.0, 151_000.0, 190_500.0, 260_000.0, 300_000.0]


def image(qtbot: Any, kind: type[pg.ScatterPlotItem], style: dict[str, Any], hide: int | None = None) -> QImage:
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(500, 300)
    plot.setXRange(2025.5, 2054.5, padding=0)
    plot.setYRange(0, 320_000, padding=0)
    marks = kind(x=X, y=Y, **style)
    if hide is not None:
        visible = np.ones(len(X), dtype=bool)
        visible[hide] = False
        marks.setPointsVisible(visible)
    plot.addItem(marks)
    plot.show()
    qtbot.waitExposed(plot)
    return plot.grab().toImage()


@pytest.mark.parametrize("style", STYLES)
def test_marks_are_drawn_as_pyqtgraph_draws_them(qtbot: Any, style: dict[str, Any]) -> None:
    ours, theirs = image(qtbot, Marks, style), image(qtbot, pg.ScatterPlotItem, style)
    assert ours == theirs
    assert ours != image(qtbot, Marks, style, hide=2)  # (the images do show the marks)


def test_a_hidden_mark_is_left_out_as_pyqtgraph_leaves_it_out(qtbot: Any) -> None:
    assert image(qtbot, Marks, STYLES[0], hide=1) == image(qtbot, pg.ScatterPlotItem, STYLES[0], hide=1)


def test_an_export_is_drawn_by_pyqtgraph(qtbot: Any, monkeypatch: Any) -> None:
    calls: list[object] = []
    original = pg.ScatterPlotItem.paint

    def counted(self: pg.ScatterPlotItem, *args: Any) -> None:
        calls.append(self)
        original(self, *args)

    monkeypatch.setattr(pg.ScatterPlotItem, "paint", counted)
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    marks = Marks(x=X, y=Y, **STYLES[0])
    plot.addItem(marks)
    plot.resize(400, 300)
    plot.show()
    qtbot.waitExposed(plot)
    calls.clear()
    plot.grab()
    assert calls == []  # on screen: drawn by Marks alone
    marks.setExportMode(True, {"antialias": True})
    plot.grab()
    assert calls == [marks]


SCALED = """
import sys
from PySide6.QtWidgets import QApplication
import pyqtgraph as pg
from planner.views.charts import Marks
app = QApplication([])
images = []
for kind in (Marks, pg.ScatterPlotItem):
    plot = pg.PlotWidget()
    plot.resize(300, 200)
    plot.setXRange(0, 10, padding=0)
    plot.setYRange(0, 10, padding=0)
    plot.addItem(kind(x=[1.0, 4.3, 9.9], y=[2.0, 5.5, 8.0], symbol="t1", size=13, brush="#3a7fd5", pen="k"))
    plot.show()
    app.processEvents()
    plot.grab()  # (the first paint at a new pixel ratio renders the symbols again)
    images.append(plot.grab().toImage())
print(images[0].devicePixelRatio(), images[0] == images[1])
"""


def test_on_a_screen_at_double_scale_marks_are_drawn_as_pyqtgraph_draws_them() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    done = subprocess.run([sys.executable, "-c", SCALED], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["2.0", "True"], done.stderr
