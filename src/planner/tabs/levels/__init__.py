"""Salary by level: the article's ranges per career level as floating bars, your level outlined, with a table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.tabs.spec import TabContext, TabSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def build(ctx: TabContext) -> QWidget:
    from planner.tabs.levels.presenter import LevelsPresenter
    from planner.tabs.levels.view import LevelsTab

    tab = LevelsTab()
    levels = LevelsPresenter(ctx.dataset, tab, ctx.session, parent=tab)  # leaves with its tab
    tab.set_hover_text_provider(levels.hover_text)
    tab.level_selected.connect(levels.level_selected)
    tab.set_table_model(levels.table)
    levels.start()
    return tab


SPEC = TabSpec("levels", "Salary by level", build, "Ctrl+1", lazy=False)
