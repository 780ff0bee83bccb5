"""README's "Adding a tab" is true: a tab written in its own module (tests/extra_tab.py) and added to the registry,
with no other file edited, is in the window, the View menu with its shortcut, the self-test, the accessibility
walk, the privacy test and the screenshots; its presenter leaves with it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

import planner.tabs
from planner.app import apply_dataset

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent


@pytest.fixture(autouse=True)
def notes_tab(monkeypatch: pytest.MonkeyPatch) -> Any:
    import extra_tab

    monkeypatch.setattr(planner.tabs, "TABS", [*planner.tabs.TABS, extra_tab.SPEC])
    return extra_tab.SPEC


def test_the_tab_is_in_the_window_and_the_view_menu_with_its_shortcut(qtbot: Any, main_context: Any) -> None:
    window = main_context.window
    assert window.tab_ids()[-1] == "notes"
    assert window.tab_titles()[-1] == "Notes"
    action = next(a for a in window.view_menu.actions() if a.text() == "Notes")
    assert action.shortcut().toString() == "Ctrl+7"
    assert not window.is_built("notes"), "lazy, as every tab but the first"
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.current_tab_id() == "notes"
    assert window.tabs.currentWidget().objectName() == "notesTab"


def test_its_presenter_hears_the_profile_and_edits_it_as_every_tab_does(main_context: Any) -> None:
    tab = main_context.window.tab_widget("notes")
    main_context.session.edit(years_of_experience=4.0)
    from PySide6.QtWidgets import QLabel

    assert [label.text() for label in tab.findChildren(QLabel)] == ["4 years of experience"]
    main_context.window.undo_action.trigger()
    assert main_context.session.profile.years_of_experience == 0.0


def test_its_presenter_leaves_with_the_tab(main_context: Any, qtbot: Any) -> None:
    from PySide6.QtCore import QObject

    tab = main_context.window.tab_widget("notes")
    presenter = next(c for c in tab.findChildren(QObject) if type(c).__name__ == "NotesPresenter")
    apply_dataset(main_context, main_context.dataset)  # every tab built again: the old one goes
    qtbot.waitUntil(lambda: not _alive(presenter))
    main_context.session.edit(years_of_experience=2.0)  # no one calls into the deleted label
    assert main_context.window.tab_ids()[-1] == "notes"


def test_the_self_test_builds_and_draws_it(qapp: Any) -> None:
    from planner import selftest

    lines: list[str] = []
    errors: list[str] = []
    assert selftest.run(lines.append, errors.append) == selftest.EXIT_OK, errors
    assert lines[0].startswith("self-test ok: 7 tabs")


def test_the_accessibility_walk_reaches_and_names_its_controls(qtbot: Any, main_context: Any) -> None:
    import test_accessibility as walk

    window = main_context.window
    window.resize(1400, 900)
    walk.test_every_control_has_a_name(window, "notes")
    walk.test_tab_key_reaches_every_control_in_order(qtbot, window, "notes")


def _child(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a child process whose registry has the notes tab, as if planner/tabs/__init__.py listed it."""
    boot = f"import sys; sys.path.insert(0, {str(TESTS)!r}); import extra_tab; extra_tab.register()\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    return subprocess.run(
        [sys.executable, "-c", boot + script, *args], capture_output=True, text=True, timeout=300, env=env, check=False
    )


def test_the_privacy_test_visits_it(tmp_path: Path) -> None:
    import test_privacy

    result = _child("import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n" + test_privacy.CHILD, str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].removeprefix("TABS ").split(",")[-1] == "notes"
    assert lines[1] == "SOCKET EVENTS 0"


def test_make_screenshots_photographs_it(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import runpy
        sys.argv = ["screenshots.py", "--out", {str(tmp_path)!r}, "--size", "800x500"]
        runpy.run_path({str(ROOT / "packaging" / "screenshots.py")!r}, run_name="__main__")
        """
    )
    result = _child(script)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "notes-light.png").stat().st_size > 0
    assert (tmp_path / "notes-dark.png").stat().st_size > 0


def _alive(obj: Any) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
