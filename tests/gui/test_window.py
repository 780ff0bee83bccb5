"""The real main window, as a user meets it."""

from __future__ import annotations

from typing import Any

from planner import APP_NAME


def test_window_title_and_first_tab(main_context: Any) -> None:
    window = main_context.window
    assert window.windowTitle() == APP_NAME == "ML Career Planner"
    assert window.tab_titles()[0] == "Salary by level"
    assert window.tabs.currentIndex() == 0
