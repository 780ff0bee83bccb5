"""The Market wages tab in the real window: built when first shown, type-ahead over areas, hover series ids."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from planner.storage.market_file import load_market_data
from planner.tabs import TABS
from planner.tabs.market.presenter import MarketPresenter
from planner.views.theme import apply_theme

SEATTLE = "0042660"


def market_tab(ctx: Any) -> Any:
    tab = ctx.window.tab_widget("market")
    ctx.window.tabs.setCurrentWidget(tab)
    return tab


def test_the_tab_is_built_only_when_first_shown(qtbot: Any, main_context: Any) -> None:
    window = main_context.window
    assert not window.is_built("market")
    index = [spec.id for spec in TABS].index("market")
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == index
    assert window.is_built("market")
    assert main_context.presenter("market", MarketPresenter) is not None
    assert window.tabs.currentWidget().objectName() == "marketTab"


def test_view_menu_lists_every_registered_tab_with_its_shortcut(main_context: Any) -> None:
    actions = [a for a in main_context.window.view_menu.actions() if a.shortcut().toString()]
    assert [(a.text(), a.shortcut().toString()) for a in actions] == [(s.title, s.shortcut) for s in TABS]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the completer's popup, offscreen
def test_typing_part_of_a_name_finds_the_metro_area(qtbot: Any, main_context: Any) -> None:
    tab = market_tab(main_context)
    completer = tab.area.completer()
    completer.setCompletionPrefix("tacoma")
    found = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert found == ["Seattle-Tacoma-Bellevue, WA (metro area)"]
    tab.area.setFocus()
    tab.area.lineEdit().selectAll()
    qtbot.keyClicks(tab.area.lineEdit(), "Seattle-Tacoma-Bellevue, WA (metro area)")
    qtbot.keyClick(tab.area.lineEdit(), Qt.Key.Key_Return)
    assert main_context.session.profile.market_area == SEATTLE
    assert "Seattle-Tacoma-Bellevue, WA" in tab.metro_note.text()


def test_hovering_the_box_names_the_bls_series(main_context: Any) -> None:
    main_context.session.edit(market_area=SEATTLE, current_salary=145_000)
    tab = market_tab(main_context)
    median = load_market_data().cell(SEATTLE, "151252").get("p50")
    vb = tab.plot.getPlotItem().vb
    tab.plot.scene().sigMouseMoved.emit(vb.mapViewToScene(QPointF(0, median)))
    assert tab.plot.toolTip().startswith(f"Median: ${median:,.0f}")
    assert "BLS series OEUM0042660000000151252" in tab.plot.toolTip()
    assert "Your $145,000 is about the" in tab.position.text()


def test_the_metro_chart_and_the_industries_name_their_series_on_hover(main_context: Any) -> None:
    main_context.session.edit(market_area=SEATTLE)
    tab = market_tab(main_context)
    vb = tab.metro_plot.getPlotItem().vb
    tab.metro_plot.scene().sigMouseMoved.emit(vb.mapViewToScene(QPointF(1, 10_000)))
    assert tab.hover_text.startswith("1. ")
    assert "BLS series OEUM" in tab.hover_text
    tab.charts.setCurrentIndex(1)
    vb = tab.industry_plot.getPlotItem().vb
    finance = [p.article_name for p in tab._industries].index("Finance")
    tab.industry_plot.scene().sigMouseMoved.emit(vb.mapViewToScene(QPointF(finance, 10_000)))
    assert "Article, Finance: average $120,000" in tab.hover_text
    assert "BLS series OEUN000000052--53151252" in tab.hover_text


def test_the_charts_follow_a_dark_theme(qapp: Any, main_context: Any) -> None:
    tab = market_tab(main_context)
    light = QColor(tab.plot.backgroundBrush().color())
    apply_theme(qapp, "dark")
    try:
        main_context.window.restyle()
        assert QColor(tab.plot.backgroundBrush().color()).lightness() < light.lightness()
    finally:
        apply_theme(qapp, "light")


def test_the_bls_disclaimer_and_release_are_on_the_tab(main_context: Any) -> None:
    tab = market_tab(main_context)
    assert "cannot vouch" in tab.source.text()
    assert "release 2025A01" in tab.source.text()


def test_start_up_reads_no_bls_data_and_imports_no_market_code(tmp_path: Any) -> None:
    """The tab is lazy: until it is shown, neither its code nor its 200 KB data file is loaded."""
    code = (
        "import sys; from pathlib import Path; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from planner.app import build_window; from planner.storage.dataset_file import load_dataset;"
        f"ctx = build_window(app, load_dataset(), Path({str(tmp_path)!r})); ctx.window.show(); app.processEvents();"
        "print(sorted(m for m in sys.modules if 'market' in m))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=True)
    # Only the tab's spec (its package's __init__: id, title, shortcut) is read at start-up.
    assert out.stdout.strip().splitlines()[-1] == "['planner.tabs.market']"
