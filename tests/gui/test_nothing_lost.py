"""Issue 23, "Nothing lost": a start, a save and a close never delete, overwrite or make again what someone else
owns (a backup they named, a hand edit, another copy's work, a folder they removed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.app import Context
from planner.domain.profile import Profile
from planner.storage.profile_store import encode_profile
from planner.storage.safe_files import temp_name

Opener = Callable[..., Context]

# Names a person gives a copy of a file by hand, or another program gives its own: none is the app's.
PEOPLES_NAMES = (
    "profile.json.Backup",
    "profile.json.BACKUP",
    "profile.json.copy01",
    "profile.json.2024v5",
    "profile.json.OLD001",
    "profile.json.backup",
    "profile.json.Kept01",
    "salary-data.json.OLD001",
    "salary-data.json.Before",
    "settings.ini.Backup",
    "settings.ini.MyOwn1",
    "settings.ini.bak123",
)


def run_main(qapp: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Context:
    """The app's real start (main()) on ``data_dir``, returning as soon as the window is open."""
    from planner import app as app_module

    opened: list[Context] = []
    real_open = app_module.open_window

    def open_window(*args: Any, **kwargs: Any) -> Context:
        kwargs["welcome"] = None  # no first-run dialog
        opened.append(real_open(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(app_module, "open_window", open_window)
    monkeypatch.setattr(type(qapp), "exec", lambda *_args: 0)  # return at once instead of running the loop
    assert app_module.main(["--data-dir", str(data_dir)]) == 0
    (ctx,) = opened
    return ctx


def test_a_start_keeps_every_file_a_person_named_and_removes_only_the_apps_own_leftovers(
    qapp: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_dir / "profile.json").write_bytes(encode_profile(Profile(years_of_experience=3)))
    for name in PEOPLES_NAMES:
        (data_dir / name).write_bytes(b'{"mine": true}')
    leftovers = [temp_name("profile.json"), temp_name("settings.ini"), temp_name("salary-data.json")]
    for name in leftovers:
        (data_dir / name).write_bytes(b'{"half a sa')
    ctx = run_main(qapp, data_dir, monkeypatch)
    try:
        assert ctx.session.profile.years_of_experience == 3
    finally:
        ctx.window.close()
        ctx.window.deleteLater()
    for name in PEOPLES_NAMES:
        assert (data_dir / name).read_bytes() == b'{"mine": true}', name
    assert not any((data_dir / name).exists() for name in leftovers)
