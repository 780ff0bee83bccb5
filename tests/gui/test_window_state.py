"""Desktop conventions of the main window: remembered layout, theme that recolours charts, tab shortcuts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QSplitter

from planner.app import build_window
from planner.domain.dataset import Dataset
from planner.views.charts import chart_of
from planner.views.export_render import chart_image
from planner.views.main_window import fit_inside, initial_geometry


def rebuild(qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path) -> Any:
    ctx = build_window(qapp, dataset, data_dir)
    qtbot.addWidget(ctx.window)
    ctx.window.show()
    qtbot.waitExposed(ctx.window)
    return ctx


def test_geometry_splitters_and_theme_come_back(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path
) -> None:
    ctx = rebuild(qtbot, qapp, dataset, data_dir)
    ctx.window.resize(720, 540)
    splitter = ctx.window.findChild(QSplitter, "levelsSplitter")
    splitter.setSizes([200, 400])
    wanted = splitter.sizes()
    ctx.window.theme_actions["dark"].trigger()
    ctx.window.close()

    again = rebuild(qtbot, qapp, dataset, data_dir)
    assert (again.window.width(), again.window.height()) == (720, 540)
    assert again.window.findChild(QSplitter, "levelsSplitter").sizes() == wanted
    assert again.window.theme_actions["dark"].isChecked()
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 128
    again.window.theme_actions["system"].trigger()
    again.window.close()
    assert (data_dir / "settings.ini").exists()


@pytest.mark.parametrize("title", ["levels", "industries", "projection"])
def test_theme_switch_recolours_the_chart(qtbot: Any, main_context: Any, title: str) -> None:
    tab = main_context.window.tab_widget(title)
    plot = chart_of(tab)
    assert plot is not None

    def chart_background() -> int:
        return int(plot.backgroundBrush().color().lightness())

    def axis_text() -> int:
        return int(plot.getPlotItem().getAxis("left").textPen().color().lightness())

    # The palette change reaches the widgets as a posted event: wait for it as a user would.
    main_context.window.theme_actions["light"].trigger()
    qtbot.waitUntil(lambda: chart_background() > 200)
    assert axis_text() < 80
    main_context.window.theme_actions["dark"].trigger()
    qtbot.waitUntil(lambda: chart_background() < 60)
    assert axis_text() > 180
    main_context.window.theme_actions["light"].trigger()
    qtbot.waitUntil(lambda: chart_background() > 200)


def test_a_chart_exported_after_a_theme_switch_has_the_new_colours(qtbot: Any, main_context: Any) -> None:
    tab = main_context.window.tab_widget("projection")
    plot = chart_of(tab)
    assert plot is not None
    main_context.window.theme_actions["dark"].trigger()
    qtbot.waitUntil(lambda: plot.backgroundBrush().color().lightness() < 60)
    assert chart_image(plot, 400).pixelColor(2, 2).lightness() < 60
    main_context.window.theme_actions["light"].trigger()
    qtbot.waitUntil(lambda: plot.backgroundBrush().color().lightness() > 200)
    assert chart_image(plot, 400).pixelColor(2, 2).lightness() > 200


@pytest.mark.parametrize("key", [Qt.Key.Key_1])
def test_ctrl_number_switches_tabs(qtbot: Any, main_context: Any, key: Qt.Key) -> None:
    window = main_context.window
    count = window.tabs.count()
    for n in range(count):
        qtbot.keyClick(window, Qt.Key(key + n), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == n


@pytest.mark.parametrize(
    ("screen", "expected"),
    [
        ((0, 0, 1920, 1050), (1632, 892)),  # 85 % of a large screen's free area
        ((0, 0, 1366, 738), (1161, 627)),  # a laptop: 85 %, and never below the floor where the screen allows
        ((0, 0, 1024, 610), (1000, 600)),  # a small screen: the floor, which still fits
        ((0, 0, 800, 600), (800, 600)),  # smaller than the floor: the whole free area, never more
        ((0, 0, 3840, 2100), (1800, 1150)),  # a 4K screen: the ceiling, not a 3000-pixel form
    ],
)
def test_first_window_size_comes_from_the_screen(screen: tuple[int, int, int, int], expected: tuple[int, int]) -> None:
    available = QRect(*screen)
    rect = initial_geometry(available)
    assert (rect.width(), rect.height()) == expected
    assert available.contains(rect)


def test_a_window_off_the_screen_is_brought_back_inside() -> None:
    available = QRect(0, 0, 1366, 738)
    assert fit_inside(QRect(2000, 900, 1180, 780), available) == QRect(186, 0, 1180, 738)  # at the right edge
    assert fit_inside(QRect(-300, 50, 800, 500), available) == QRect(0, 50, 800, 500)
    assert fit_inside(QRect(100, 100, 800, 500), available) == QRect(100, 100, 800, 500)  # fits: left alone


def test_a_saved_geometry_larger_than_the_screen_is_fitted_to_it(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path
) -> None:
    ctx = rebuild(qtbot, qapp, dataset, data_dir)
    available = ctx.window.screen().availableGeometry()
    assert available.contains(ctx.window.frameGeometry())  # the first size fits
    # Saved on a bigger monitor, far to the right of this one.
    ctx.window.setGeometry(QRect(available.right() + 500, 40, available.width() + 600, available.height() + 300))
    ctx.window.close()

    again = rebuild(qtbot, qapp, dataset, data_dir)
    assert available.contains(again.window.frameGeometry())
