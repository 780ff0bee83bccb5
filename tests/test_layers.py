"""What import-linter cannot express: no QtWidgets below the views (it only sees top-level external packages)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import planner

PACKAGE = Path(planner.__file__).parent


def qt_modules_imported(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("PySide6.")}


@pytest.mark.parametrize("layer", ["domain", "storage", "presenters"])
def test_no_widgets_below_the_views(layer: str) -> None:
    files = sorted((PACKAGE / layer).glob("*.py"))
    assert files, f"{layer} has modules"
    offenders = {f.name: sorted(m for m in qt_modules_imported(f) if m.startswith("PySide6.QtWidgets")) for f in files}
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_the_check_sees_a_widget_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtWidgets import QLabel\nimport PySide6.QtCore\n", encoding="utf-8")
    assert qt_modules_imported(sample) == {"PySide6.QtWidgets", "PySide6.QtWidgets.QLabel", "PySide6.QtCore"}
