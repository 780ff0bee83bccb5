"""The Skills tab in the real window: ticks by mouse and keyboard survive a restart; undo, filter, progress."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fake_dialogs import FakeDialogs
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QWidget

from planner.app import Context
from planner.domain.dataset import Dataset
from planner.domain.profile import PROFILE_SCHEMA_VERSION
from planner.tabs.skills.presenter import SkillsPresenter
from planner.tabs.skills.tree_model import COL_DATE, format_date
from planner.tabs.skills.view import SkillsTab

Opener = Callable[[], Context]


def skills_tab(ctx: Context) -> SkillsTab:
    tab = ctx.window.tab_widget("skills")
    ctx.window.tabs.setCurrentWidget(tab)
    assert isinstance(tab, SkillsTab)
    return tab


def row_of(ctx: Context, skill_id: str, column: int = 0) -> QModelIndex:
    """The tree's (proxy) index of a skill."""
    return ctx.presenter("skills", SkillsPresenter).proxy.mapFromSource(
        ctx.presenter("skills", SkillsPresenter).skill_index(skill_id, column)
    )


def check_box_centre(tab: SkillsTab, index: QModelIndex) -> QPoint:
    tree = tab.tree
    tree.scrollTo(index)
    option = QStyleOptionViewItem()
    tree.itemDelegateForIndex(index).initStyleOption(option, index)
    option.rect = tree.visualRect(index)
    rect = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    assert rect.isValid()
    assert rect.width() > 0
    return rect.center()


def is_checked(index: QModelIndex) -> bool:
    return index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value


def test_skills_tab_comes_after_salary_by_level(open_app: Opener) -> None:
    titles = open_app().window.tab_titles()
    assert titles.index("Skills") > titles.index("Salary by level")


def test_ticks_by_mouse_and_space_come_back_after_restart(qtbot: Any, open_app: Opener, data_dir: Path) -> None:
    ctx = open_app()
    tab = skills_tab(ctx)
    tree = tab.tree

    python = row_of(ctx, "entry.python")
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=check_box_centre(tab, python))
    assert is_checked(python)
    assert row_of(ctx, "entry.python", COL_DATE).data() == format_date(dt.date.today())

    # Clicking a skill's name selects it without ticking; Space then ticks it.
    deep = row_of(ctx, "mid.deep-learning")
    name_rect = tree.visualRect(deep)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(name_rect.right() - 5, name_rect.center().y())
    )
    assert tree.currentIndex().siblingAtColumn(0) == deep
    assert not is_checked(deep)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert is_checked(deep)

    # Space on a row selected in the date column ticks that row too; pressed again, it unticks.
    math_date = row_of(ctx, "entry.mathematics", COL_DATE)
    tree.setCurrentIndex(math_date)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert is_checked(row_of(ctx, "entry.mathematics"))
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert not is_checked(row_of(ctx, "entry.mathematics"))

    ctx.window.close()  # quitting saves at once, whatever the timer was doing
    on_disk = json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))
    assert set(on_disk["skills"]) == {"entry.python", "mid.deep-learning"}

    again = open_app()
    tab2 = skills_tab(again)
    assert is_checked(row_of(again, "entry.python"))
    assert is_checked(row_of(again, "mid.deep-learning"))
    assert not is_checked(row_of(again, "entry.mathematics"))
    assert row_of(again, "entry.python", COL_DATE).data() == format_date(dt.date.today())
    mid = again.dataset.level("mid")
    assert tab2.level_rows["mid"].label.text() == f"Mid level: 1 of {len(mid.skills)}"
    assert again.window.banner.text() == ""


def test_progress_bars_follow_ticks(qtbot: Any, open_app: Opener, dataset: Dataset) -> None:
    ctx = open_app()
    tab = skills_tab(ctx)
    entry = dataset.levels[0]
    for sk in entry.skills[:3]:
        ctx.presenter("skills", SkillsPresenter).set_checked(sk.id, True)
    row = tab.level_rows[entry.id]
    assert row.label.text() == f"{entry.name}: 3 of {len(entry.skills)}"
    assert (row.bar.value(), row.bar.maximum()) == (3, len(entry.skills))
    assert row.clear_button.isEnabled()
    assert not tab.level_rows[dataset.levels[-1].id].clear_button.isEnabled()
    total = len(dataset.skill_ids())
    assert tab.overall_label.text() == f"All skills: 3 of {total}"
    assert (tab.overall_bar.value(), tab.overall_bar.maximum()) == (3, total)


def test_undo_and_redo_with_the_keyboard(qtbot: Any, open_app: Opener) -> None:
    ctx = open_app()
    tab = skills_tab(ctx)
    tree = tab.tree
    ctx.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ctx.window)  # shortcuts fire only in the active window
    tree.setFocus()
    tree.setCurrentIndex(row_of(ctx, "senior.compliance"))
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert ctx.session.profile.has_skill("senior.compliance")

    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not ctx.session.profile.has_skill("senior.compliance")
    assert not is_checked(row_of(ctx, "senior.compliance"))
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ctx.session.profile.has_skill("senior.compliance")
    assert tab.undo_button.isEnabled()
    assert "Regulation and compliance" in tab.undo_button.text() + tab.undo_button.toolTip()


def test_undo_names_the_step_undone_on_another_tab(qtbot: Any, open_app: Opener) -> None:
    """Edit > Undo on the Projection tab: back on Skills, the Undo button names the step now at the top."""
    ctx = open_app()
    tab = skills_tab(ctx)
    ctx.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ctx.window)
    tab.tree.setFocus()
    for skill_id in ("senior.compliance", "entry.python"):
        tab.tree.setCurrentIndex(row_of(ctx, skill_id))
        qtbot.keyClick(tab.tree, Qt.Key.Key_Space)
    assert "Python" in tab.undo_button.text() + tab.undo_button.toolTip()
    ctx.window.select_tab("projection")
    ctx.window.undo_action.trigger()
    ctx.window.select_tab("skills")
    named = tab.undo_button.text() + tab.undo_button.toolTip()
    assert "Regulation and compliance" in named
    assert "Python" not in named
    assert "Regulation and compliance" in tab.undo_button.accessibleDescription()


def test_filter_box_narrows_the_tree(qtbot: Any, open_app: Opener) -> None:
    ctx = open_app()
    tab = skills_tab(ctx)
    qtbot.keyClicks(tab.filter_edit, "cloud")
    model = tab.tree.model()
    assert model.rowCount() == 1
    level = model.index(0, 0)
    assert [model.index(r, 0, level).data() for r in range(model.rowCount(level))] == ["Cloud platforms"]
    assert tab.tree.isExpanded(level)
    assert tab.filter_status.text() == "1 skill match “cloud”."
    # A filtered row still ticks.
    index = model.index(0, 0, level)
    qtbot.mouseClick(tab.tree.viewport(), Qt.MouseButton.LeftButton, pos=check_box_centre(tab, index))
    assert ctx.session.profile.has_skill("mid.cloud-platforms")
    tab.filter_edit.clear()
    assert model.rowCount() == len(ctx.dataset.skill_groups())


@pytest.mark.parametrize("answer", [False, True])
def test_clear_this_level_asks_first(
    qtbot: Any, open_app: Opener, monkeypatch: pytest.MonkeyPatch, answer: bool
) -> None:
    ctx = open_app()
    tab = skills_tab(ctx)
    for skill in ("mid.deep-learning", "mid.neural-networks", "entry.python"):
        ctx.presenter("skills", SkillsPresenter).set_checked(skill, True)
    questions: list[str] = []

    def confirm(question: str) -> bool:
        questions.append(question)
        return answer

    monkeypatch.setattr(tab, "confirm", confirm)
    button = tab.level_rows["mid"].clear_button
    qtbot.waitUntil(lambda: button.height() > 0)  # the side panel laid out, as on screen
    tab.side.ensureWidgetVisible(button)  # and scrolled to, as a person would
    qtbot.mouseClick(tab.level_rows["mid"].clear_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 1
    assert "Mid level" in questions[0]
    remaining = set(ctx.session.profile.skills)
    if answer:
        assert remaining == {"entry.python"}
        assert not tab.level_rows["mid"].clear_button.isEnabled()
    else:
        assert remaining == {"mid.deep-learning", "mid.neural-networks", "entry.python"}


def test_controls_have_names_and_keyboard_order(open_app: Opener) -> None:
    ctx = open_app()
    tab = skills_tab(ctx)
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)  # enables Undo and one "clear" button
    for widget in tab.findChildren(QWidget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(tab) and widget.parent() is not None:
            if widget in (tab.tree.viewport(),) or widget.parentWidget() is tab.tree:
                continue
            assert widget.accessibleName(), f"{type(widget).__name__} {widget.objectName()!r} has no accessible name"
    order: list[QWidget] = []
    widget = tab.filter_edit
    for _ in range(200):
        if widget.isEnabled() and widget.isVisibleTo(tab) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is tab.filter_edit:
            break
    # As laid out: the top row (the filter, then Undo beside it), the tree, the Clear… buttons in the right column.
    expected = [tab.filter_edit, tab.undo_button, tab.tree, tab.level_rows["entry"].clear_button]
    assert [w for w in order if w in expected] == expected
    assert order.index(tab.tree) == 2  # Redo is not reached: there is nothing to redo


BROKEN = {
    "empty": b"",
    "truncated": b'{"schema_version": 2, "skills": {"entry.python": {"ticked_on": "2024-0',
    "binary junk": bytes((i * 151 + 7) % 256 for i in range(2048)),
    "wrong types": b'{"schema_version": 2, "skills": ["entry.python"], "years_of_experience": "ten"}',
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_broken_profile_starts_fresh_with_a_message_and_is_kept(
    open_app: Opener, data_dir: Path, content: bytes
) -> None:
    (data_dir / "profile.json").write_bytes(content)
    ctx = open_app()
    moved = [p for p in data_dir.iterdir() if p.name.startswith("profile.json.corrupt-")]
    assert len(moved) == 1
    assert moved[0].read_bytes() == content
    assert moved[0].name in ctx.window.banner.text()
    assert ctx.session.profile.skills == {}
    assert not is_checked(row_of(ctx, "entry.python"))
    # The fresh profile is saved normally.
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    ctx.window.close()
    assert "entry.python" in json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))["skills"]


def test_20_mb_profile_starts_fresh_with_a_message(open_app: Opener, data_dir: Path) -> None:
    (data_dir / "profile.json").write_bytes(b"{" + b" " * (20 * 1024 * 1024) + b"}")
    ctx = open_app()
    assert "larger than 8 MB" in ctx.window.banner.text()
    moved = [p for p in data_dir.iterdir() if p.name.startswith("profile.json.corrupt-")]
    assert len(moved) == 1
    assert moved[0].stat().st_size == 20 * 1024 * 1024 + 2


def test_future_profile_is_left_untouched_and_the_app_says_it_will_not_save(open_app: Opener, data_dir: Path) -> None:
    content = json.dumps({"schema_version": PROFILE_SCHEMA_VERSION + 5, "skills": {}}).encode()
    (data_dir / "profile.json").write_bytes(content)
    dialogs = FakeDialogs()  # Quit asks first: the tick exists only in the window
    ctx = open_app(dialogs=dialogs)
    assert "newer version" in ctx.window.banner.text()
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)  # works in memory...
    assert is_checked(row_of(ctx, "entry.python"))
    assert "not being saved" in ctx.window.save_status.text()
    ctx.window.close()  # ...and is never written
    assert len(dialogs.confirms) == 1
    assert (data_dir / "profile.json").read_bytes() == content
    # No copy, backup or temporary profile either (settings.ini keeps only the window's layout).
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith("profile")) == ["profile.json"]


def test_failed_save_is_shown_and_the_ticks_stay(
    open_app: Opener, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = open_app()
    assert ctx.store is not None
    assert ctx.autosave is not None

    def disk_full(_profile: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ctx.autosave, "_save", disk_full)
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    assert not ctx.autosave.flush()
    assert ctx.window.save_status.text() == "Could not save: disk full. Retrying."
    assert "No space left on device" in ctx.window.save_status.toolTip()
    assert "font-weight: bold" in ctx.window.save_status.styleSheet()  # in the error colour: not to be missed
    assert is_checked(row_of(ctx, "entry.python"))
    monkeypatch.setattr(ctx.autosave, "_save", ctx.store.save)
    assert ctx.autosave.flush()
    assert ctx.window.save_status.text().startswith("Saved at ")
    assert ctx.window.save_status.styleSheet() == ""  # saved: plain again
    assert ctx.store.load().profile.has_skill("entry.python")


def test_undo_names_the_step_without_moving_anything_else_on_the_tab(qtbot: Any, open_app: Opener) -> None:
    """The Undo button says what it undoes (in full in its tooltip and to a screen reader) and keeps one size, so a
    tick moves nothing else on the tab; the date a tick adds gets a column wide enough for it."""
    ctx = open_app()
    ctx.window.select_tab("skills")
    tab = skills_tab(ctx)
    skills = ctx.presenter("skills", SkillsPresenter)
    qtbot.waitExposed(tab)
    QApplication.processEvents()
    size, filter_geometry = tab.undo_button.size(), tab.filter_edit.geometry()
    long_name = max((s for g in ctx.dataset.skill_groups() for s in g.skills), key=lambda s: len(s.name))
    for skill_id in ("entry.python", long_name.id):
        skills.set_checked(skill_id, True)
        QApplication.processEvents()
        name = next(s.name for g in ctx.dataset.skill_groups() for s in g.skills if s.id == skill_id)
        assert name in tab.undo_button.toolTip()
        assert name in tab.undo_button.accessibleDescription()
        assert tab.undo_button.size() == size
        assert tab.filter_edit.geometry() == filter_geometry
    shown = tab.undo_button.text().replace("&&", "&")
    assert shown.endswith("…") or long_name.name in shown  # elided to fit, never cut mid-letter
    tree = tab.tree
    qtbot.waitUntil(lambda: tree.columnWidth(COL_DATE) >= tree.sizeHintForColumn(COL_DATE))
    date = format_date(dt.date.today())
    assert tree.columnWidth(COL_DATE) >= tree.fontMetrics().horizontalAdvance(date)
