"""The Projection chart's curves find their bounds with two NumPy reductions (a tick moves most curves, and the scene
asks each for its rectangle again): the rectangle the scene repaints and the range the view fits are pyqtgraph's
own, for plain points and for the cases left to pyqtgraph (gaps, infinities, a fill level, a pen in data units)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
import pytest

from planner.views.charts import Curve

X = np.arange(2026.0, 2056.0)
RISING = np.linspace(145_000.0, 430_000.0, len(X))
WITH_GAPS = np.where(np.arange(len(X)) % 4 == 0, np.nan, RISING)
WITH_INF = np.where(np.arange(len(X)) == 5, np.inf, RISING)


def pair(**opts: Any) -> tuple[pg.PlotCurveItem, Curve]:
    return pg.PlotCurveItem(**opts), Curve(**opts)


@pytest.mark.parametrize(
    ("y", "opts"),
    [
        (RISING, {}),
        (RISING[::-1], {"pen": pg.mkPen("r", width=3)}),
        (WITH_GAPS, {"connect": "finite"}),
        (WITH_INF, {}),
        (RISING, {"fillLevel": 0.0}),
        (RISING, {"pen": pg.mkPen("r", width=2, cosmetic=False)}),
    ],
    ids=["plain", "falling", "gaps", "infinity", "fill-level", "data-unit-pen"],
)
def test_a_curve_has_the_bounds_pyqtgraph_gives_it(qapp: Any, y: np.ndarray, opts: dict[str, Any]) -> None:
    theirs, ours = pair(**opts)
    for item in (theirs, ours):
        item.setData(X, y)
    for ax in (0, 1):
        assert ours.dataBounds(ax) == theirs.dataBounds(ax)
    assert list(ours.dataBounds(1, frac=0.5)) == list(theirs.dataBounds(1, frac=0.5))  # percentiles: an array
    assert ours.dataBounds(1, orthoRange=(2030.0, 2040.0)) == theirs.dataBounds(1, orthoRange=(2030.0, 2040.0))


def test_a_curve_moved_by_a_tick_has_its_new_bounds(qapp: Any) -> None:
    """After setData the bounds are the new points' (none kept from the curve before)."""
    curve = Curve()
    curve.setData(X, RISING)
    assert curve.dataBounds(1) == (145_000.0, 430_000.0)
    curve.setData(X, RISING * 1.1)
    low, high = curve.dataBounds(1)
    assert low == pytest.approx(159_500.0)
    assert high == pytest.approx(473_000.0)
    assert curve.dataBounds(0) == (2026.0, 2055.0)


def test_a_curve_without_points_has_no_bounds(qapp: Any) -> None:
    curve = Curve()
    assert curve.dataBounds(0) == (None, None)
    curve.setData(np.array([]), np.array([]))
    assert curve.dataBounds(1) == (None, None)
