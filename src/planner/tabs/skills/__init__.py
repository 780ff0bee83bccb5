"""Skills: the article's skills to tick, the learning plan, progress and the next skills to learn."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.tabs.spec import TabContext, TabSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def build(ctx: TabContext) -> QWidget:
    from planner.tabs.skills.presenter import SkillsPresenter
    from planner.tabs.skills.view import SkillsTab

    tab = SkillsTab()
    skills = SkillsPresenter(ctx.dataset, ctx.session, parent=tab, display=ctx.display)  # leaves with its tab
    tab.set_model(skills.proxy)
    window = ctx.window
    assert window.undo_action is not None
    assert window.redo_action is not None
    tab.set_undo_actions(window.undo_action, window.redo_action)  # Edit > Undo / Redo own Ctrl+Z, Ctrl+Shift+Z
    tab.filter_changed.connect(skills.set_filter)
    tab.clear_level_requested.connect(skills.clear_level)
    tab.plan_requested.connect(skills.plan_skill)
    tab.unplan_requested.connect(skills.unplan)
    skills.attach_view(tab)
    return tab


SPEC = TabSpec("skills", "Skills", build, "Ctrl+3")
