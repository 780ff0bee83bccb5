"""The scenario dialog fits its content on every screen from 1024×640 to 1920×1080 and at 200 % (item 8 of issue
22): no sideways scrolling, every label and combo box (its arrow) whole, the plan's "Learn by" header whole, every
focusable box named; Tab follows the dialog from top to bottom.

Each screen is a child process: an offscreen screen's size and the scale factor are fixed before Qt starts."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from child_process import python_running
from planner.tabs.projection.scenario_dialog import ScenarioDialog
from planner.tabs.projection.view import ProjectionTab

CHILD = Path(__file__).with_name("scenario_dialog_child.py")


@pytest.mark.parametrize(
    ("screen", "scale"), [((1024, 640), "1"), ((1366, 768), "1"), ((1920, 1080), "1"), ((1920, 1080), "2")]
)
def test_the_dialog_fits_the_screen(tmp_path: Path, screen: tuple[int, int], scale: str) -> None:
    width, height = screen  # device pixels: at 200 % the dialog has half of them in points
    config = tmp_path / "screen.json"
    shape = {"name": "test", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**shape, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale}
    env["HOME"] = env["XDG_CONFIG_HOME"] = str(tmp_path)  # never the user's settings
    done = subprocess.run(python_running(CHILD), env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["problems"] == []
    assert result["dialog"][1] <= height / float(scale)


def test_tab_follows_the_dialog_from_top_to_bottom(qtbot: Any, main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=3, industry="finance")
    tab = ctx.window.tab_widget("projection")
    assert isinstance(tab, ProjectionTab)
    ctx.window.tabs.setCurrentWidget(tab)
    tab.scenario_new_requested.emit()
    dialog = tab.scenario_dialog
    assert isinstance(dialog, ScenarioDialog)
    dialog.plan_mode.setCurrentIndex(dialog.plan_mode.findData("own"))
    dialog.add_plan_row(None, None)
    dialog.add_plan_row(None, None)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.name.setFocus()
    qtbot.waitUntil(dialog.name.hasFocus)
    visited: list[QWidget] = [dialog.name]
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is dialog.name:
            break
        visited.append(focused)
    expected = [
        dialog.name,
        dialog.offer,
        dialog.industry,
        dialog.employer,
        dialog.level,
        *([dialog.area] if dialog.form.areas else []),
        dialog.plan_mode,
        dialog.plan_table,
        *dialog.plan_widgets(),
        dialog.add_skill,
        dialog.remove_skill,
        *dialog.assumptions.values(),
    ]
    # QDateEdit's focus is its inner line edit: count it as the box.
    shown = [w.parent() if w.objectName() == "qt_spinbox_lineedit" else w for w in visited]
    assert shown[: len(expected)] == expected
    assert set(shown[len(expected) :]) == set(dialog.buttons.buttons())
    # And that is the order on screen: each one below the one before, or beside it on the same row.
    inner = dialog.inner
    tops = [(w.mapTo(inner, QPoint(0, 0)).y(), w.mapTo(inner, QPoint(0, 0)).x(), w) for w in expected]
    for (y1, x1, a), (y2, x2, b) in itertools.pairwise(tops):
        assert y2 > y1 or (abs(y2 - y1) < a.height() and x2 > x1), (a.accessibleName(), b.accessibleName())
    assert [w.accessibleName() for w in dialog.plan_widgets()] == [
        "Skill to learn, row 1",
        "Learn by (month), row 1",
        "Skill to learn, row 2",
        "Learn by (month), row 2",
    ]
    first = dialog.plan_widgets()[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.plan_table  # Shift+Tab goes back the same way
    dialog.close()
