"""`ml-career-planner --self-test`: passes on a complete installation and names whatever is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from planner import selftest


def test_self_test_of_the_installed_command_passes_and_reports_in_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}  # --self-test must choose offscreen by itself
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("self-test ok: ")
    assert "platform offscreen" in lines[0]
    assert result.stderr == ""


def test_self_test_in_process_builds_and_draws_every_tab(qapp: Any) -> None:
    lines: list[str] = []
    errors: list[str] = []
    assert selftest.run(lines.append, errors.append) == selftest.EXIT_OK, errors
    from planner.storage.dataset_file import load_dataset

    dataset = load_dataset()
    assert f"{len(dataset.levels)} levels" in lines[0]
    assert f"{len(dataset.industries)} industries" in lines[0]
    assert not qapp.windowIcon().isNull()


def test_a_missing_resource_is_named_and_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "REQUIRED_RESOURCES", (*selftest.REQUIRED_RESOURCES, "data/not-shipped.json"))
    errors: list[str] = []
    assert selftest.run(print, errors.append) == selftest.EXIT_MISSING
    assert "resource data/not-shipped.json" in errors[0]


def test_a_missing_library_is_named_and_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "REQUIRED_MODULES", (*selftest.REQUIRED_MODULES, "planner_no_such_library"))
    errors: list[str] = []
    assert selftest.run(print, errors.append) == selftest.EXIT_MISSING
    assert "Python library planner_no_such_library" in errors[0]


def test_missing_resources_lists_each_absent_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "ml-engineer-salaries-us.json").write_text("{}")
    missing = selftest.missing_resources(tmp_path, selftest.REQUIRED_RESOURCES)
    present = "data/ml-engineer-salaries-us.json"
    assert missing == [f"resource {r}" for r in selftest.REQUIRED_RESOURCES if r != present]
    assert "resource data/bls-oews-2025.json" in missing


def test_an_absent_qt_plugin_is_named(tmp_path: Path) -> None:
    (tmp_path / "platforms").mkdir()
    missing = selftest.missing_plugins([str(tmp_path)], [("platforms", "offscreen")])
    assert missing == [f"Qt plugin platforms/offscreen (looked in {tmp_path})"]


def test_a_qt_plugin_that_cannot_load_is_named(tmp_path: Path) -> None:
    (tmp_path / "platforms").mkdir()
    (tmp_path / "platforms" / "libqxcb.so").write_text("not a library")
    missing = selftest.missing_plugins([str(tmp_path)], [("platforms", "xcb")])
    assert len(missing) == 1
    assert missing[0].startswith("Qt plugin platforms/xcb cannot be loaded: ")


def test_the_real_plugins_are_found_and_load() -> None:
    from PySide6.QtCore import QCoreApplication

    assert selftest.missing_plugins(QCoreApplication.libraryPaths(), selftest.required_plugins()) == []


@pytest.mark.parametrize(
    ("platform", "wayland", "native"),
    [("linux", False, "xcb"), ("linux", True, "wayland"), ("win32", False, "windows"), ("darwin", False, "cocoa")],
)
def test_the_native_platform_plugin_is_required(platform: str, wayland: bool, native: str) -> None:
    assert selftest.required_plugins(platform, wayland) == (("platforms", "offscreen"), ("platforms", native))


def test_missing_x11_libraries_are_named_as_packages_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from planner import startup as app

    monkeypatch.setattr(app, "library_present", lambda soname: soname != "libxcb-cursor.so.0")
    assert selftest.missing_xcb_packages() == ["libxcb-cursor0"]


def test_a_library_is_present_when_the_loader_finds_it() -> None:
    from planner import startup as app

    assert app.library_present("libc.so.6")
    assert not app.library_present("libplanner-no-such-library.so.1")


def test_an_unreadable_icon_fails_the_self_test(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: Any) -> None:
    from PySide6.QtGui import QIcon

    from planner import startup as planner_app

    broken = tmp_path / "icon.png"
    broken.write_bytes(b"not a PNG")

    def unreadable_icon() -> QIcon:
        icon = QIcon()
        icon.addFile(str(broken))
        return icon

    monkeypatch.setattr(planner_app, "app_icon", unreadable_icon)
    errors: list[str] = []
    try:
        assert selftest.run(print, errors.append) == selftest.EXIT_MISSING
    finally:
        qapp.setWindowIcon(planner_app.app_icon())
    assert "window icon could not be loaded" in errors[0]
