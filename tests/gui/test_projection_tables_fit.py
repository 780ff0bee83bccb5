"""The Projection tab's tables fit their width (item 7 of issue 22), measured on the real widgets: Year, Level and
Projected without sideways scrolling at 1000×600 (a 1024×640 screen), "Scenarios side by side" whole at 1300×700
(1366×768); the other columns shown while they fit, and shown or hidden by the user from a menu (mouse or keys)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QTableView

from planner.domain.plans import AssumptionChanges, Offer, Scenario
from planner.tabs.projection.view import ProjectionTab
from planner.views.table_columns import TableColumns

MAIN = ("year", "level", "projected")


@pytest.fixture
def tab(main_context: Any) -> ProjectionTab:
    """Three years in, in finance, an offer and two scenarios drawn (one with a long name), a market area chosen
    (so "Scenarios side by side" has its BLS column too)."""
    offer = Offer(id="offer-1", employer_name="Example Analytics", base=118_000, added_on=dt.date(2026, 1, 1))
    scenarios = [
        Scenario(id="scenario-1", name="Take the offer", offer="offer-1"),
        Scenario(
            id="scenario-2",
            name="Consumer goods, faster raises",
            industry="consumer-goods",
            assumptions=AssumptionChanges(yearly_raise=0.04),
        ),
    ]
    ctx = main_context
    ctx.session.edit(years_of_experience=3, industry="finance", market_area="0042660")
    ctx.session.edit("add", offers=[offer], scenarios=scenarios)
    widget = ctx.window.tab_widget("projection")
    assert isinstance(widget, ProjectionTab)
    ctx.window.tabs.setCurrentWidget(widget)
    return widget


def show_table(qtbot: Any, window: Any, tab: ProjectionTab, table: QTableView, size: tuple[int, int]) -> None:
    window.resize(*size)
    tab.details_button.setChecked(True)
    tab.tables.setCurrentWidget(table)
    qtbot.waitUntil(lambda: table.isVisible() and window.size().toTuple() == size)
    QApplication.processEvents()


def columns(table: QTableView) -> TableColumns:
    fitter = table.findChild(TableColumns)
    assert fitter is not None
    return fitter


def assert_whole(table: QTableView, keys: tuple[str, ...]) -> None:
    """No sideways scrolling, and each of ``keys`` shown whole inside the viewport."""
    assert table.horizontalScrollBar().maximum() == 0
    fitter, header = columns(table), table.horizontalHeader()
    for key in keys:
        section = fitter.column_keys().index(key)
        assert not header.isSectionHidden(section), key
        left = header.sectionViewportPosition(section)
        assert left >= 0, key
        assert left + header.sectionSize(section) <= table.viewport().width(), key


@pytest.mark.parametrize("inputs_open", [False, True])
def test_year_level_and_projected_fit_at_1024x640(
    qtbot: Any, main_context: Any, tab: ProjectionTab, inputs_open: bool
) -> None:
    show_table(qtbot, main_context.window, tab, tab.table, (1000, 600))
    tab.inputs_button.setChecked(inputs_open)
    QApplication.processEvents()
    assert_whole(tab.table, MAIN)
    shown = columns(tab.table).shown_keys()
    assert "experience" not in shown  # hidden until asked for: the year says it
    assert shown[:2] == ["year", "level"]
    if not inputs_open:  # the whole width: the range, the running total and both scenarios too
        assert {"low", "high", "cumulative", "compare:scenario-0", "compare:scenario-1"} <= set(shown)


def test_five_scenarios_give_way_at_1024x640_not_the_main_columns(
    qtbot: Any, main_context: Any, tab: ProjectionTab
) -> None:
    more = [Scenario(id=f"scenario-{i}", name=f"A scenario with a long name, number {i}") for i in range(3, 6)]
    main_context.session.edit("add", scenarios=[*main_context.session.profile.scenarios, *more])
    show_table(qtbot, main_context.window, tab, tab.table, (1000, 600))
    assert_whole(tab.table, MAIN)
    model = tab.table.model()
    assert model.columnCount() == 8 + 5
    last = model.columnCount() - 1  # a long name is shortened in the header, whole in its tooltip
    tip = model.headerData(last, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "A scenario with a long name, number 5" in tip
    assert "nominal $" in model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_scenarios_side_by_side_fit_at_1366x768(qtbot: Any, main_context: Any, tab: ProjectionTab) -> None:
    table = tab.differences
    show_table(qtbot, main_context.window, tab, table, (1300, 700))
    tab.inputs_button.setChecked(True)  # open on a screen this wide
    QApplication.processEvents()
    fitter = columns(table)
    shown = fitter.shown_keys()
    assert_whole(table, tuple(shown))
    assert {"scenario", "earnings", "in-1", "in-5", "in-10", "about"} <= set(shown)
    header = table.horizontalHeader()
    for section, key in enumerate(fitter.column_keys()):  # headers on two lines, never shortened
        if key in shown:
            lines = str(table.model().headerData(section, Qt.Orientation.Horizontal)).split("\n")
            widest = max(header.fontMetrics().horizontalAdvance(line) for line in lines)
            assert header.sectionSize(section) >= widest, key
    # A scenario's long name wraps onto a second line rather than widening the table.
    row = 2
    assert table.rowHeight(row) >= 2 * table.fontMetrics().height()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the menu pops up offscreen
@pytest.mark.parametrize(
    "keys", [(Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)]
)
def test_the_columns_menu_from_the_keyboard(
    qtbot: Any, main_context: Any, tab: ProjectionTab, keys: tuple[Qt.Key, Qt.KeyboardModifier]
) -> None:
    table = tab.table
    show_table(qtbot, main_context.window, tab, table, (1000, 600))
    main_context.window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(lambda: table.hasFocus())
    fitter = columns(table)
    qtbot.keyClick(table, *keys)
    menu = fitter.menu
    qtbot.waitUntil(menu.isVisible)
    actions = {a.data(): a for a in menu.actions() if a.data()}
    assert [a.text() for a in actions.values()][:3] == ["Year", "Experience", "Level"]
    assert all(actions[k].isChecked() and not actions[k].isEnabled() for k in MAIN)  # always shown
    assert not actions["experience"].isChecked()
    actions["experience"].trigger()
    menu.hide()
    assert "experience" in fitter.shown_keys()
    assert_whole(table, MAIN)  # the main columns still in view, from the left
    # The choice holds when the columns change (a scenario hidden: the table's columns are made anew).
    main_context.session.edit(
        scenarios=[s.model_copy(update={"shown": False}) for s in main_context.session.profile.scenarios]
    )
    assert "compare:scenario-0" not in fitter.column_keys()
    assert "experience" in fitter.shown_keys()
    fitter.build_menu()
    reset = next(a for a in fitter.menu.actions() if a.text() == "Columns that fit the width")
    reset.trigger()
    assert "experience" not in fitter.shown_keys()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the menu pops up offscreen
def test_a_right_click_on_the_header_opens_the_menu(qtbot: Any, main_context: Any, tab: ProjectionTab) -> None:
    table = tab.differences
    show_table(qtbot, main_context.window, tab, table, (1000, 600))
    header = table.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(10, 5))  # what a right click on the header sends
    menu = columns(table).menu
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible)
    titles = [a.text() for a in menu.actions() if a.data()]
    assert "BLS median wage where you work" in titles  # one line in the menu
    menu.hide()
    assert "Menu key" in table.accessibleDescription()


def test_details_remembered_open_are_open_with_their_button_and_contents(main_context: Any, qtbot: Any) -> None:
    """The window remembers the panes' sizes; reopened with "Why this number?" open, its button says open and the
    pane is filled (not an empty box under a button that says closed)."""
    ctx = main_context
    ctx.session.edit(years_of_experience=3.0, current_salary=120_000)
    ctx.window.select_tab("projection")
    tab = ctx.window.tab_widget("projection")
    assert isinstance(tab, ProjectionTab)
    tab.details_button.setChecked(True)
    opened = tab.right_split.saveState()
    tab.details_button.setChecked(False)
    assert not tab.details_button.isChecked()
    ctx.window.restore_splitters({"projectionDetailsSplitter": opened})
    qtbot.waitUntil(lambda: tab.details_button.isChecked())
    assert "▾" in tab.details_button.text()
    qtbot.waitUntil(lambda: "Why $" in tab.breakdown.toPlainText())
