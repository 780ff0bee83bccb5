"""The article's tables (Salary by level, Industries) fit their width: at 1000×600 (a 1024×640 screen) the figures
are shown whole without sideways scrolling; the long columns come back when there is room, or when the user asks
for them in the header's menu (and then the table may scroll)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QTableView

from planner.views.table_columns import TableColumns

CASES = {
    "levels": (("Level", "Experience", "Salary range", "Average"), ("Sources", "Skills expected")),
    "industries": (("Name", "Pay (USD a year)", "Article's qualifier"), ("Source",)),
}


def shown_table(qtbot: Any, ctx: Any, tab_id: str, size: tuple[int, int]) -> QTableView:
    window = ctx.window
    window.select_tab(tab_id)
    window.resize(*size)
    table = window.tab_widget(tab_id).table
    qtbot.waitUntil(lambda: table.isVisible() and window.size().toTuple() == size)
    QApplication.processEvents()
    return table


def fitter(table: QTableView) -> TableColumns:
    found = table.findChild(TableColumns)
    assert found is not None
    return found


@pytest.mark.parametrize("tab_id", list(CASES))
def test_the_figures_fit_a_small_window_without_sideways_scrolling(qtbot: Any, main_context: Any, tab_id: str) -> None:
    main, long_columns = CASES[tab_id]
    table = shown_table(qtbot, main_context, tab_id, (1000, 600))
    columns, header = fitter(table), table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0
    for key in main:
        section = columns.column_keys().index(key)
        assert not header.isSectionHidden(section), key
        assert header.sectionViewportPosition(section) + header.sectionSize(section) <= table.viewport().width()
    assert not set(long_columns) <= set(columns.shown_keys()), "a long column gave way at this width"


@pytest.mark.parametrize("tab_id", list(CASES))
def test_long_columns_come_back_with_room_or_when_asked_for(qtbot: Any, main_context: Any, tab_id: str) -> None:
    main, long_columns = CASES[tab_id]
    table = shown_table(qtbot, main_context, tab_id, (1900, 1000))
    assert set(long_columns) <= set(fitter(table).shown_keys())
    table = shown_table(qtbot, main_context, tab_id, (1000, 600))
    hidden = [k for k in long_columns if k not in fitter(table).shown_keys()]
    assert hidden
    for key in hidden:  # as the header's menu does
        fitter(table).set_shown(key, True)
    assert set(main) | set(long_columns) <= set(fitter(table).shown_keys())
