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


def test_the_projection_exported_from_the_skills_tab_just_after_a_tick_has_the_tick(
    qtbot: Any, qapp: Any, dataset: Any, data_dir: Any, tmp_path: Any
) -> None:
    """The Projection tab, built behind the Skills tab, catches up on the tick before File > Export projection as
    CSV reads it (it would catch up only when shown)."""
    import codecs
    import csv
    import io

    from fake_dialogs import FakeDialogs

    from planner.app import build_window
    from planner.startup import configure_application

    configure_application(qapp)
    dialogs = FakeDialogs()
    ctx = build_window(qapp, dataset, data_dir, dialogs=dialogs)
    qtbot.addWidget(ctx.window)
    ctx.window.show()
    qtbot.waitExposed(ctx.window)
    ctx.window.select_tab("skills")
    qtbot.wait(100)  # the event loop runs, as before any person's first click

    def exported_total(name: str) -> int:
        dialogs.save_to = tmp_path / name
        ctx.window.export_csv_action.trigger()
        text = dialogs.save_to.read_bytes()[len(codecs.BOM_UTF8) :].decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header = next(r for r in rows if r and r[0] == "Year")
        column = next(i for i, h in enumerate(header) if h.startswith("Cumulative"))
        return int(float([r for r in rows if r and r[0].isdigit()][-1][column]))

    before = exported_total("before.csv")
    ctx.presenter("skills", SkillsPresenter).set_checked("general.data-preprocessing", True)
    assert ctx.window.current_tab_id() == "skills"
    assert exported_total("after.csv") > before  # the tick is in the export
    ctx.window.select_tab("projection")  # and the headline still tells the tick when the tab is opened
    assert ctx.window.tab_widget("projection").change.text().startswith("Tick “Data pre-processing”: +$")
    ctx.window.close()
