"""The installed command and `python -m planner`, as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import planner
from planner import main as main_module
from planner import startup as app


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env or {**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ml-career-planner {planner.__version__}"
    assert planner.__version__ == "0.1.0"


def test_help_names_the_options() -> None:
    result = run("--help")
    assert result.returncode == 0
    for option in ("--data-dir DIR", "--version", "--help"):
        assert option in result.stdout


def test_unknown_option_is_refused() -> None:
    result = run("--colour=pink")
    assert result.returncode == 2
    assert "unrecognized arguments: --colour=pink" in result.stderr


def test_data_dir_is_parsed_as_a_path(tmp_path: Path) -> None:
    assert main_module.parse_args(["--data-dir", str(tmp_path)]).data_dir == tmp_path
    assert main_module.parse_args([]).data_dir is None


def test_missing_x11_libraries_print_the_install_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(app, "library_present", lambda soname: soname != "libxcb-cursor.so.0")
    assert main_module.main(["--data-dir", "/nonexistent"]) == 3
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-cursor0\n" in err
    assert "libxcb-shape0" not in err


def test_no_check_on_the_offscreen_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(app, "library_present", lambda _soname: False)
    assert app.missing_display_libraries() == []


def test_default_data_dir_follows_xdg(qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("XDG paths are a Linux convention")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    app.configure_application(qapp)  # type: ignore[arg-type]
    assert app.default_data_dir() == tmp_path / "ml-career-planner"
