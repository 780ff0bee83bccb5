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


def test_an_empty_data_dir_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--data-dir", ""],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 2
    assert "--data-dir needs a folder name" in result.stderr
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SystemExit):
        main_module.parse_args(["--data-dir", "  "])


def test_without_a_home_folder_the_app_says_so_and_creates_nothing(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import planner.views.plain

    told: list[str] = []
    monkeypatch.setattr(planner.views.plain, "tell", lambda _parent, _icon, _title, text: told.append(text))
    monkeypatch.setattr(app, "display_problem", lambda: None)
    would_be = tmp_path.parent / f"{tmp_path.name}-root" / ".local" / "share" / "ml-career-planner"
    monkeypatch.setattr(app, "default_data_dir", lambda: would_be)  # where Qt puts it without a home: at /

    def no_window(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the window was opened")

    import planner.app

    monkeypatch.setattr(planner.app, "open_window", no_window)
    monkeypatch.delenv("HOME")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main_module.main([]) == 2
    assert "There is no home folder" in capsys.readouterr().err
    assert told
    assert "HOME" in told[0]
    assert list(tmp_path.iterdir()) == []
    assert not would_be.exists()
    assert not Path("/.local/share/ml-career-planner").exists()
    if sys.platform.startswith("linux"):  # Qt's D-Bus autolaunch would write ~/.dbus/: switched off
        assert os.environ["DBUS_SESSION_BUS_ADDRESS"] == "disabled:"


def test_a_session_bus_the_desktop_gave_is_kept() -> None:
    env = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
    app.no_session_bus_autolaunch(env)
    assert env == {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
    empty: dict[str, str] = {}
    app.no_session_bus_autolaunch(empty)
    assert empty == ({"DBUS_SESSION_BUS_ADDRESS": "disabled:"} if sys.platform.startswith("linux") else {})


def test_pydantic_looks_for_no_plugin_unless_the_user_asks_for_one() -> None:
    env: dict[str, str] = {}
    app.no_pydantic_plugin_search(env)
    assert env == {"PYDANTIC_DISABLE_PLUGINS": "__all__"}  # no scan of every installed package at start-up
    mine = {"PYDANTIC_DISABLE_PLUGINS": "some-plugin"}
    app.no_pydantic_plugin_search(mine)
    assert mine == {"PYDANTIC_DISABLE_PLUGINS": "some-plugin"}


def test_home_problem_rules() -> None:
    from planner.storage.data_folder import home_problem

    assert home_problem({}, "linux") is not None
    assert home_problem({"HOME": ""}, "linux") is not None
    assert home_problem({"HOME": "relative"}, "darwin") is not None
    assert home_problem({"XDG_DATA_HOME": "/data"}, "linux") is None
    assert home_problem({"HOME": "/home/me"}, "linux") is None
    assert home_problem({}, "win32") is None
