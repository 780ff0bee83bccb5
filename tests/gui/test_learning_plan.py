"""The learning plan in the real window: a user plans a skill for next year on the Skills tab and the projected
curve steps up from that year; a past month is refused next to the field; undo, redo and ticking from the plan."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget

from planner.app import Context
from planner.domain.plans import PlannedSkill
from planner.domain.profile import Profile
from planner.storage.profile_store import encode_profile
from planner.tabs.projection.view import ProjectionTab
from planner.tabs.skills.presenter import SkillsPresenter
from planner.tabs.skills.tree_model import COL_PLAN
from planner.tabs.skills.view import SkillsTab

Opener = Callable[[], Context]
SKILL = "general.deployment"  # a general skill counts at every level: it moves the curve from the year it counts
NAME = "Deployment and maintenance"


def start(data_dir: Path, **fields: Any) -> None:
    (data_dir / "profile.json").write_bytes(encode_profile(Profile(years_of_experience=3, **fields)))


def skills_tab(ctx: Context) -> SkillsTab:
    tab = ctx.window.tab_widget("skills")
    ctx.window.tabs.setCurrentWidget(tab)
    assert isinstance(tab, SkillsTab)
    return tab


def projection_tab(ctx: Context) -> ProjectionTab:
    tab = ctx.window.tab_widget("projection")
    ctx.window.tabs.setCurrentWidget(tab)
    assert isinstance(tab, ProjectionTab)
    return tab


def row_of(ctx: Context, skill_id: str, column: int = 0) -> QModelIndex:
    return ctx.presenter("skills", SkillsPresenter).proxy.mapFromSource(
        ctx.presenter("skills", SkillsPresenter).skill_index(skill_id, column)
    )


def curve(tab: ProjectionTab) -> np.ndarray:
    return np.asarray(tab.plot.main_curve.getData()[1])


def choose(qtbot: Any, tab: SkillsTab, month: int, year: int) -> None:
    """Pick the month and type the year with the keyboard, as a user would."""
    editor = tab.plan_editor
    editor.month.setFocus()
    editor.month.setCurrentIndex(month - 1)
    editor.year.setFocus()
    editor.year.selectAll()
    qtbot.keyClicks(editor.year, str(year))


def activate(qtbot: Any, ctx: Context) -> None:
    ctx.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ctx.window)  # shortcuts fire only in the active window


@pytest.mark.parametrize(("salary", "later"), [(None, 0), (110_000, 1)], ids=["no salary", "with a salary"])
def test_a_skill_planned_for_next_year_lifts_the_curve_from_that_year_and_not_before(
    qtbot: Any, open_app: Opener, data_dir: Path, salary: int | None, later: int
) -> None:
    start(data_dir, current_salary=salary)
    ctx = open_app()
    before = curve(projection_tab(ctx))
    next_year = dt.date.today().year + 1

    tab = skills_tab(ctx)
    tab.tree.setCurrentIndex(row_of(ctx, SKILL))
    assert tab.plan_editor.status.text() == "Not planned yet."
    choose(qtbot, tab, 6, next_year)
    qtbot.mouseClick(tab.plan_editor.plan_button, Qt.MouseButton.LeftButton)

    assert ctx.session.profile.plan[SKILL].by == dt.date(next_year, 6, 1)
    assert row_of(ctx, SKILL, COL_PLAN).data() == f"Jun {next_year}"
    assert tab.plan_editor.status.text() == f"In your plan for June {next_year}."
    qtbot.waitUntil(lambda: tab.plan_label.text().count("<li>") == 1)  # worked out just after the frame
    assert f"June {next_year} · {NAME}: +$" in tab.plan_label.accessibleDescription()

    proj_tab = projection_tab(ctx)
    after = curve(proj_tab)
    pays_from = 1 + later  # with a salary, this year's pay is the salary: a skill learned next year pays after
    assert np.allclose(after[:pays_from], before[:pays_from])
    assert (after[pays_from:] >= before[pays_from:] - 0.5).all()
    assert after[pays_from] > before[pays_from] + 100
    x, y = proj_tab.plot.plan_marks.getData()
    assert list(x) == [pytest.approx(next_year + 5 / 12)]  # in the year June falls in: a little before its middle
    years = np.arange(dt.date.today().year, dt.date.today().year + len(after), dtype=float)
    assert y[0] == pytest.approx(float(np.interp(x[0], years, after)))  # on the curve
    assert f"{NAME} (Jun {next_year})" in proj_tab.plot.top_label_texts()
    assert "Plan" in proj_tab.legend.names()

    ctx.window.close()  # saved, like every change
    on_disk = json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))
    assert on_disk["plan"][SKILL]["by"] == f"{next_year}-06-01"


def test_a_month_already_past_is_refused_next_to_the_field_and_nothing_is_lost(
    qtbot: Any, open_app: Opener, data_dir: Path
) -> None:
    today = dt.date.today()
    start(data_dir, plan={SKILL: PlannedSkill(by=dt.date(today.year + 2, 1, 1), planned_on=today)})
    ctx = open_app()
    tab = skills_tab(ctx)
    tab.tree.setCurrentIndex(row_of(ctx, SKILL))
    editor = tab.plan_editor
    assert (editor.month.currentIndex(), editor.year.value()) == (0, today.year + 2)  # the plan, shown
    choose(qtbot, tab, 3, today.year - 1)
    qtbot.mouseClick(editor.plan_button, Qt.MouseButton.LeftButton)

    message = f"March {today.year - 1} has passed: plan “{NAME}” for {today:%B %Y} or a later month."
    assert editor.error.text() == message
    assert editor.error.isVisibleTo(tab)
    assert editor.year.accessibleDescription() == message
    assert ctx.session.profile.plan[SKILL].by == dt.date(today.year + 2, 1, 1)  # the plan as it was
    assert (editor.month.currentIndex(), editor.year.value()) == (2, today.year - 1)  # what was typed, kept
    assert not ctx.window.undo_action.isEnabled()  # nothing to undo: nothing changed

    choose(qtbot, tab, 3, today.year + 1)  # corrected: accepted, the message goes
    qtbot.mouseClick(editor.plan_button, Qt.MouseButton.LeftButton)
    assert ctx.session.profile.plan[SKILL].by == dt.date(today.year + 1, 3, 1)
    assert not editor.error.isVisibleTo(tab)


def test_plan_and_remove_with_the_keyboard_then_undo_and_redo(qtbot: Any, open_app: Opener, data_dir: Path) -> None:
    start(data_dir)
    ctx = open_app()
    tab = skills_tab(ctx)
    activate(qtbot, ctx)
    tab.tree.setFocus()
    tab.tree.setCurrentIndex(row_of(ctx, SKILL))
    year = dt.date.today().year + 1

    qtbot.keyClick(tab.tree, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # "Learn by:"
    assert QApplication.focusWidget() is tab.plan_editor.month
    tab.plan_editor.month.setCurrentIndex(8)
    qtbot.keyClick(tab.plan_editor.month, Qt.Key.Key_Tab)
    assert tab.plan_editor.year.hasFocus()
    tab.plan_editor.year.selectAll()
    qtbot.keyClicks(tab.plan_editor.year, str(year))
    qtbot.keyClick(tab.plan_editor.year, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "Plan"
    qtbot.waitUntil(lambda: SKILL in ctx.session.profile.plan)  # a mnemonic clicks as the mouse does, shortly
    assert ctx.session.profile.plan[SKILL].by == dt.date(year, 9, 1)

    assert tab.plan_editor.remove_button.isEnabled()
    qtbot.keyClick(tab.plan_editor.year, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # "Remove from plan"
    qtbot.waitUntil(lambda: ctx.session.profile.plan == {})
    assert row_of(ctx, SKILL, COL_PLAN).data() == ""

    # Ctrl+Z in the year box undoes its typing (a line edit's own undo); from the tree it is Edit > Undo
    focus = tab.tree
    focus.setFocus()
    qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.session.profile.plan[SKILL].by == dt.date(year, 9, 1)
    assert row_of(ctx, SKILL, COL_PLAN).data() == f"Sep {year}"
    qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.session.profile.plan == {}
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(focus, Qt.Key.Key_Z, redo)
    assert ctx.session.profile.plan[SKILL].by == dt.date(year, 9, 1)
    assert ctx.session.undo_stack.undoText() == f"plan “{NAME}” for September {year}"
    assert f"plan “{NAME}” for September {year}" in tab.undo_button.text() + tab.undo_button.toolTip()


def test_ticking_a_planned_skill_keeps_its_month_and_undo_puts_it_back_in_the_plan(
    qtbot: Any, open_app: Opener, data_dir: Path
) -> None:
    today = dt.date.today()
    planned = PlannedSkill(by=dt.date(today.year + 1, 6, 1), planned_on=dt.date(today.year - 1, 12, 3))
    start(data_dir, plan={SKILL: planned})
    ctx = open_app()
    tab = skills_tab(ctx)
    activate(qtbot, ctx)
    tab.tree.setFocus()
    tab.tree.setCurrentIndex(row_of(ctx, SKILL))
    qtbot.keyClick(tab.tree, Qt.Key.Key_Space)

    tick = ctx.session.profile.skills[SKILL]
    assert (tick.ticked_on, tick.planned_by) == (today, planned.by)
    assert SKILL not in ctx.session.profile.plan
    said = f"Planned for June {today.year + 1}, ticked {today.day} {today:%B %Y}"  # one form for dates
    assert said in tab.details.toPlainText()
    assert tab.plan_editor.status.text() == "Ticked: nothing to plan."
    assert not tab.plan_editor.plan_button.isEnabled()

    qtbot.keyClick(tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert SKILL not in ctx.session.profile.skills
    assert ctx.session.profile.plan == {SKILL: planned}
    assert tab.plan_editor.plan_button.isEnabled()


def test_tab_follows_the_layout_and_the_plan_editor_is_named(open_app: Opener, data_dir: Path) -> None:
    """Tab reads the Skills tab as it is laid out: the top row (filter, Undo, Redo), the left pane (the tree, then
    the plan editor under it, which acts on the selected row), then the right column (the details, then the Clear…
    buttons of the progress below them)."""
    start(data_dir, plan={SKILL: PlannedSkill(by=dt.date(dt.date.today().year + 1, 1, 1), planned_on=dt.date.today())})
    ctx = open_app()
    tab = skills_tab(ctx)
    tab.tree.setCurrentIndex(row_of(ctx, SKILL))
    e = tab.plan_editor
    expected: list[QWidget] = [tab.filter_edit, tab.undo_button, tab.redo_button, tab.tree]
    expected += [e.month, e.year, e.plan_button, e.remove_button, tab.details]
    expected += [row.clear_button for row in tab.level_rows.values()]
    order: list[QWidget] = [tab.filter_edit]
    widget: QWidget = tab.filter_edit.nextInFocusChain()
    for _ in range(500):
        if widget is tab.filter_edit:
            break
        if widget in expected:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == expected

    def top_left(w: QWidget) -> tuple[int, int]:
        point = w.mapTo(tab, w.rect().topLeft())
        return point.x(), point.y()

    # Where they are: the top row above the panes; the plan editor under the tree; the right column to its right.
    assert top_left(tab.undo_button)[1] < top_left(tab.tree)[1] < top_left(e.month)[1]
    assert top_left(tab.details)[0] > top_left(e.remove_button)[0]
    names = [w.accessibleName() for w in (e.month, e.year, e.plan_button, e.remove_button)]
    assert names == ["Plan month", "Plan year", "Plan this skill", "Remove from plan"]
