"""A person who starts the app, opens the Skills tab first and ticks a skill, then opens the Projection tab for the
first time, reads what the tick did in its headline, with the curve before it drawn faint: the Projection tab is
built behind the Skills tab, before the tick (it used to be built after it, with no "before" to compare)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.skills.presenter import SkillsPresenter


def test_a_tick_made_before_the_projection_tab_was_opened_is_told_there(main_context: Any, qtbot: Any) -> None:
    ctx = main_context
    window = ctx.window
    assert window.current_tab_id() != "projection"
    assert not window.is_built("projection")
    window.select_tab("skills")
    qtbot.waitExposed(window.tab_widget("skills"))
    qtbot.wait(100)  # the event loop runs, as before any person's first click
    assert window.current_tab_id() == "skills"  # the Skills tab stays open
    skills = ctx.presenter("skills", SkillsPresenter)
    tree = window.tab_widget("skills").tree
    index = skills.skill_index("general.data-preprocessing")
    model = tree.model()
    tree.setCurrentIndex(model.mapFromSource(index) if hasattr(model, "mapFromSource") else index)
    QTest.keyClick(tree, Qt.Key.Key_Space)  # as a person ticks it
    assert skills.is_ticked("general.data-preprocessing")
    window.select_tab("projection")
    tab = window.tab_widget("projection")
    assert tab.change.text().startswith("Tick “Data pre-processing”: +$")
    assert ctx.presenter("projection", ProjectionPresenter).chart.previous is not None  # the curve before, faint
    window.undo_action.trigger()
    assert tab.change.text().startswith("Undone: tick “Data pre-processing”: −$")
