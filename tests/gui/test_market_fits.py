"""Market wages at a 1024×640 screen: nothing on the tab lies over anything else (the chart's key sat on its axis
labels when the lower charts asked for more height than the window has)."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from planner.views.main_window import initial_geometry


def rect_in(tab: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(tab, widget.rect().topLeft()), widget.size())


def test_nothing_overlaps_on_the_market_tab_at_1024x640(main_context: Any, qtbot: Any) -> None:
    ctx = main_context
    ctx.session.edit(current_salary=145_000, market_area="0042660", market_occupation="151252")
    size = initial_geometry(QRect(0, 0, 1024, 610)).size()
    ctx.window.resize(size)
    ctx.window.select_tab("market")
    tab = ctx.window.tab_widget("market")
    qtbot.waitUntil(lambda: tab.isVisible() and ctx.window.size() == size)
    QApplication.processEvents()
    stack = [tab.position, tab.chart_title, tab.plot, tab.key, tab.charts, tab.source]
    rects = [rect_in(tab, w) for w in stack]
    placed = list(zip(stack, rects, strict=True))
    for (upper, a), (lower, b) in itertools.pairwise(placed):
        assert a.bottom() < b.top(), f"{upper.objectName()} over {lower.objectName()}: {a} / {b}"
    assert rects[-1].bottom() <= tab.height()
    assert tab.plot.height() >= 120  # where your salary sits stays the largest chart


def test_nothing_overlaps_on_the_market_tab_in_a_narrow_window(main_context: Any, qtbot: Any) -> None:
    """Narrower than a 1024×640 screen's window: the wrapped texts take more lines, and the window keeps room for
    them (it grows to its minimum height) instead of laying the charts over each other."""
    ctx = main_context
    ctx.session.edit(current_salary=145_000, market_area="0042660", market_occupation="151252")
    ctx.window.select_tab("market")
    tab = ctx.window.tab_widget("market")
    ctx.window.resize(760, 500)
    qtbot.waitUntil(lambda: tab.isVisible() and ctx.window.width() == 760)
    qtbot.wait(50)
    QApplication.processEvents()
    stack = [tab.position, tab.chart_title, tab.plot, tab.key, tab.charts, tab.source]
    rects = [rect_in(tab, w) for w in stack]
    for (upper, a), (lower, b) in itertools.pairwise(zip(stack, rects, strict=True)):
        assert a.bottom() < b.top(), f"{upper.objectName()} over {lower.objectName()}: {a} / {b}"
    assert rects[-1].bottom() <= tab.height()
