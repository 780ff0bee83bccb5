"""The menu bar: File, Edit, View and Help as desktop users expect them, each shortcut owned by one action."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

from fake_dialogs import FakeDialogs
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from planner.tabs.skills.presenter import SkillsPresenter
from planner.views.dialogs import MarkdownDialog

ROOT = Path(__file__).resolve().parents[2]
HELP_PAGE = ROOT / "resources" / "docs" / "how-projections-work.md"  # the page for users


def menu_texts(menu: Any) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_the_menus_hold_what_the_issue_lists(main_context: Any) -> None:
    window = main_context.window
    bar = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert bar[:4] == ["File", "Edit", "View", "Help"]
    file_items = menu_texts(window.file_menu)
    for wanted in (
        "Import profile…",
        "Export profile…",
        "Export chart as PNG or SVG…",
        "Export projection as CSV…",
        "Save career report as PDF…",
    ):
        assert wanted in file_items
    assert file_items[-1] == "Quit"
    assert [t.split(" ")[0] for t in menu_texts(window.edit_menu)] == ["Undo", "Redo"]
    assert "How projections work" in menu_texts(window.help_menu)
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")  # on every desktop; its own Quit key too
    assert all(k in window.quit_action.shortcuts() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit))
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.import_profile_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)


def test_no_key_is_bound_twice(main_context: Any) -> None:
    window = main_context.window
    for tab_id in window.tab_ids():  # build every tab, so their actions count too
        window.tab_widget(tab_id)
    keys = Counter(
        key.toString() for action in window.findChildren(QAction) for key in action.shortcuts() if not key.isEmpty()
    )
    assert {k: n for k, n in keys.items() if n > 1} == {}
    assert keys[QKeySequence(QKeySequence.StandardKey.Undo).toString()] == 1


def activate(qtbot: Any, window: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts fire only in the active window


def test_undo_and_redo_from_the_edit_menu_and_from_any_tab(qtbot: Any, main_context: Any) -> None:
    window, skills, session = (
        main_context.window,
        main_context.presenter("skills", SkillsPresenter),
        main_context.session,
    )
    skills.set_checked("entry.python", True)
    assert window.undo_action.isEnabled()
    assert "Python" in window.undo_action.text()

    window.undo_action.trigger()  # Edit > Undo
    assert not session.profile.has_skill("entry.python")
    window.redo_action.trigger()  # Edit > Redo
    assert session.profile.has_skill("entry.python")

    # Ctrl+Z from the window while another tab (Salary by level, not Skills) has the focus.
    activate(qtbot, window)
    window.tabs.setCurrentIndex(0)
    table = window.tabs.currentWidget().table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not session.profile.has_skill("entry.python")
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.profile.has_skill("entry.python")


def test_the_skills_tab_buttons_are_the_edit_menu_actions(main_context: Any) -> None:
    window = main_context.window
    tab = window.tab_widget("skills")
    assert tab.undo_button.defaultAction() is window.undo_action
    assert tab.redo_button.defaultAction() is window.redo_action
    assert tab.actions() == []  # no shortcut of its own to collide with the window's


def test_how_projections_work_shows_the_method_document(main_context: Any) -> None:
    dialogs = FakeDialogs()
    main_context.commands.dialogs = dialogs
    main_context.window.projection_help_action.trigger()
    ((title, markdown),) = dialogs.pages
    assert title == "How projections work"
    assert markdown == HELP_PAGE.read_text(encoding="utf-8")


def test_the_help_page_renders_markdown(qtbot: Any) -> None:
    dialog = MarkdownDialog("How projections work", HELP_PAGE.read_text(encoding="utf-8"))
    qtbot.addWidget(dialog)
    shown = dialog.browser.toPlainText()
    assert "How your projection is worked out" in shown
    assert "# " not in shown.splitlines()[0]  # a heading, not Markdown source
    assert dialog.browser.document().toMarkdown()  # the table and lists survived as a document


def test_the_help_page_speaks_to_users_not_developers() -> None:
    text = HELP_PAGE.read_text(encoding="utf-8")
    for developer_word in (".py", "tests/", "src/", "resources/", ".json", "numpy", "the engine", "`"):
        assert developer_word not in text


def test_the_help_pages_worked_example_is_what_the_app_computes(dataset: Any) -> None:
    """The figures the page gives for its example (6 years, $145,000 in Finance; then Deep learning ticked)."""
    from planner.domain.profile import Profile, TickedSkill
    from planner.domain.projection import project

    profile = Profile(years_of_experience=6, current_salary=145_000, industry="finance")
    proj = project(dataset, profile, 2026)
    on = TickedSkill(ticked_on=dt.date(2026, 1, 1))
    ticked = project(dataset, profile.model_copy(update={"skills": {"mid.deep-learning": on}}), 2026)
    today = proj.projected("today", "base")
    text = HELP_PAGE.read_text(encoding="utf-8")
    assert proj.level_changes() == [(6, 2)]
    for figure in (today[0], today[1], today[5], today[6], ticked.projected("today", "base")[1]):
        assert f"${round(figure):,}" in text


def test_menus_keep_working_after_new_salary_data_is_applied(
    qtbot: Any, main_context: Any, data_copy: Any, data_dir: Path
) -> None:
    from planner.app import apply_dataset
    from planner.storage.dataset_file import load_dataset

    def raise_finance(d: dict[str, Any]) -> None:
        finance = next(i for i in d["industries"] if i["id"] == "finance")
        finance["average"]["amount"] = 125_000

    newer = load_dataset(data_copy(raise_finance))
    ctx = main_context
    apply_dataset(ctx, newer)
    assert ctx.commands is not None
    assert ctx.commands.dataset is newer, "exports and the report use the data on screen"

    edit_actions = [a for a in ctx.window.edit_menu.actions() if not a.isSeparator()]
    assert edit_actions == [ctx.window.undo_action, ctx.window.redo_action], "one Undo and one Redo, not two"
    ctx.presenter("skills", SkillsPresenter).set_checked("mid.deep-learning", True)
    activate(qtbot, ctx.window)
    ctx.window.tabs.setCurrentIndex(0)
    qtbot.keyClick(ctx.window.tabs.currentWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not ctx.session.profile.has_skill("mid.deep-learning"), "Ctrl+Z undoes on the new data's skills"
    tab = ctx.window.tab_widget("skills")
    assert tab.undo_button.defaultAction() is ctx.window.undo_action


def help_sentences(text: str) -> list[str]:
    """The page's sentences: its paragraphs and list items (headings and table rows left out), split after a full
    stop, colon, question or exclamation mark followed by a space."""
    prose = []
    for block in re.split(r"\n\s*\n|\n(?=- |\d+\. )", text):
        lines = [line.strip() for line in block.splitlines()]
        if lines and not lines[0].startswith(("#", "|")):
            prose.append(" ".join(lines))
    return [s for para in prose for s in re.split(r"(?<=[.!?:])\s+", para) if s]


def test_no_sentence_of_the_help_page_is_over_35_words() -> None:
    long = [s for s in help_sentences(HELP_PAGE.read_text(encoding="utf-8")) if len(s.split()) > 35]
    assert long == []


def test_the_help_page_explains_every_assumption_and_what_the_app_shows() -> None:
    from planner.presenters.fields import FIELDS

    text = HELP_PAGE.read_text(encoding="utf-8")
    for spec in FIELDS:
        if spec.assumption:
            name = spec.label.split(" (")[0]
            assert f"**{name}**:" in text, name  # named as on the Projection tab, then explained
    for words in ("Refreshers", "nominal", "today's dollars", "Pay history", "Offers", "Market wages", "sign-on"):
        assert words in text
    assert "faint" in text  # the curve before the last change
    assert "headline" in text


def test_about_names_every_tab(main_context: Any) -> None:
    window = main_context.window
    html = window.about_html()
    assert window.tab_titles()
    for title in window.tab_titles():
        assert f"<li>{title}</li>" in html
    assert "scenarios" in html
    assert "offers" in html
