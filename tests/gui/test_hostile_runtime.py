"""Attacks while the window is open (issue 12): the folder's lock taken over, an unwritable folder, SIGTERM and
SIGHUP, markup in the names of files and in a broken profile."""

from __future__ import annotations

import functools
import json
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_dialogs import FakeDialogs
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QListView

from planner.app import Context
from planner.domain.profile import PROFILE_SCHEMA_VERSION
from planner.presenters import autosave as autosave_module
from planner.startup import save_on_signals
from planner.storage.instance_lock import DataDirLock
from planner.views.data_dialogs import CheckProgress, ProblemsDialog

Opener = Callable[..., Context]


def visible(rich: str) -> str:
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def lock(data_dir: Path) -> Iterator[DataDirLock]:
    held = DataDirLock(data_dir)
    assert held.try_lock()
    yield held
    held.unlock()


def years_on_disk(data_dir: Path) -> float:
    value: float = json.loads((data_dir / "profile.json").read_bytes())["years_of_experience"]
    return value


def test_a_window_that_lost_its_folder_stops_saving_keeps_the_changes_and_can_export(
    open_app: Opener, dialogs: FakeDialogs, lock: DataDirLock, data_dir: Path, tmp_path: Path
) -> None:
    ctx = open_app(lock=lock, dialogs=dialogs)
    assert ctx.autosave is not None
    ctx.session.edit(years_of_experience=2)
    assert ctx.autosave.flush()

    (data_dir / "profile.lock").unlink()
    second = DataDirLock(data_dir)  # a second copy starts and saves its own profile
    assert second.try_lock()
    (data_dir / "profile.json").write_text(json.dumps({"schema_version": 3, "years_of_experience": 9}))

    ctx.session.edit(years_of_experience=5)
    assert not ctx.autosave.flush()
    assert years_on_disk(data_dir) == 9  # the second copy's file is not overwritten
    assert "Not saving" in ctx.window.save_status.text()
    banner = ctx.window.banner.text()
    assert "Saving stopped" in banner
    assert "Export profile" in banner
    assert ctx.session.profile.years_of_experience == 5  # kept in the window

    ctx.session.edit(years_of_experience=6)  # later changes are not written either
    assert not ctx.autosave.flush()
    assert years_on_disk(data_dir) == 9

    dialogs.save_to = tmp_path / "elsewhere.json"
    ctx.window.export_profile_action.trigger()
    assert json.loads(dialogs.save_to.read_bytes())["years_of_experience"] == 6

    dialogs.confirm_answer = False
    assert not ctx.window.close()  # closing asks first: the changes exist only in this window
    # Saving stopped for good: the question says how to keep the changes, never that saving is retried.
    assert "File > Export profile..." in dialogs.confirms[-1]
    assert "retried" not in dialogs.confirms[-1]
    dialogs.confirm_answer = True
    second.unlock()


def test_an_unwritable_folder_opens_read_only_and_says_so(open_app: Opener, data_dir: Path) -> None:
    ctx = open_app(read_only="the disk is read-only", dialogs=FakeDialogs())
    assert "cannot be written (the disk is read-only)" in ctx.window.banner.text()
    ctx.session.edit(years_of_experience=4)
    assert ctx.session.profile.years_of_experience == 4
    assert "not being saved" in ctx.window.save_status.text()
    ctx.window.close()
    assert list(data_dir.iterdir()) == []  # neither the profile nor the window's settings were written


@pytest.mark.parametrize("kind", ["newer profile", "unwritable folder"])
def test_quitting_a_run_that_saves_nothing_asks_only_when_something_was_changed(
    open_app: Opener, dialogs: FakeDialogs, data_dir: Path, kind: str
) -> None:
    # Found by hand: a change made while the profile was a newer version's (or the disk read-only) was lost at Quit
    # without a word, though the banner had said it stays in the window.
    if kind == "newer profile":
        (data_dir / "profile.json").write_text(json.dumps({"schema_version": 99, "years_of_experience": 3}))
        ctx = open_app(dialogs=dialogs)
    else:
        ctx = open_app(read_only="the disk is read-only", dialogs=dialogs)
    assert ctx.window.banner.text().count("use File > Export profile... to save them elsewhere") == 1  # said once
    ctx.session.edit(years_of_experience=4)
    dialogs.confirm_answer = False
    assert not ctx.window.close()  # kept open: the change exists only in this window
    (question,) = dialogs.confirms
    assert question.startswith("Your changes in this window are not saved: ")
    assert "File > Export profile..." in question
    assert "retried" not in question

    ctx.window.undo_action.trigger()  # back to the profile as it opened: nothing to lose
    assert ctx.window.close()
    assert len(dialogs.confirms) == 1


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_change_is_saved_on_sigterm_and_sighup(
    open_app: Opener, lock: DataDirLock, data_dir: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    monkeypatch.setattr(  # a long delay: only the signal can have written the change
        autosave_module, "ProfileAutosaver", functools.partial(autosave_module.ProfileAutosaver, delay_ms=600_000)
    )
    ctx = open_app(lock=lock, dialogs=FakeDialogs())
    assert ctx.autosave is not None
    quits: list[bool] = []
    restore = save_on_signals(ctx.app, ctx.autosave.flush, quit_app=lambda: quits.append(True))
    try:
        ctx.session.edit(years_of_experience=8)
        assert not (data_dir / "profile.json").exists()
        os.kill(os.getpid(), signum)
        qtbot.waitUntil(lambda: bool(quits), timeout=5000)
    finally:
        restore()
    assert years_on_disk(data_dir) == 8


def test_markup_in_a_broken_profile_is_shown_as_text_in_the_banner(open_app: Opener, data_dir: Path) -> None:
    key = '<img src="/any/file.png" width=20000><h1>x</h1>'
    (data_dir / "profile.json").write_text(json.dumps({"schema_version": PROFILE_SCHEMA_VERSION, key: 1}))
    ctx = open_app(dialogs=FakeDialogs())
    label = ctx.window.banner.label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert key in label.text()  # the key, character for character, in a label that shows no markup


def test_a_direction_control_in_a_profile_name_never_turns_the_app_s_own_text_around(
    open_app: Opener, data_dir: Path
) -> None:
    # Found by hand: an offer named "abc<U+202E>def" was listed as "abcesab 000,811$ — fed" (its figure reversed).
    name = "abc\u202edef \u2067x"
    offer = {"id": "offer-1", "employer_name": name, "base": 118000, "added_on": "2026-01-01"}
    scenario = {"id": "scenario-1", "name": name, "offer": "offer-1"}
    profile = {"schema_version": PROFILE_SCHEMA_VERSION, "offers": [offer], "scenarios": [scenario]}
    (data_dir / "profile.json").write_text(json.dumps(profile))
    ctx = open_app(dialogs=FakeDialogs())
    assert ctx.window.banner.text() == ""  # the profile is used, not moved aside
    assert [o.employer_name for o in ctx.session.profile.offers] == ["abcdef x"]
    assert [s.name for s in ctx.session.profile.scenarios] == ["abcdef x"]
    ctx.window.select_tab("offers")
    listed = ctx.window.tabs.currentWidget().findChild(QListView, "offersList").model().index(0, 0).data()
    assert listed.startswith("abcdef x — $118,000")


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (bytes(range(128, 256)) * 4, "it is not text"),
        (b"[window]\nx=" + b"a" * (256 * 1024), "it is larger than 256 KB, more than the window's settings ever are"),
    ],
    ids=["random bytes", "a huge file"],
)
def test_a_settings_file_the_app_cannot_read_is_kept_aside_never_replaced_unread(
    open_app: Opener, data_dir: Path, content: bytes, why: str
) -> None:
    # Found by hand: a settings.ini full of junk was read as nothing and silently replaced when the window closed.
    (data_dir / "settings.ini").write_bytes(content)
    ctx = open_app(dialogs=FakeDialogs())
    (kept,) = data_dir.glob("settings.ini.corrupt-*")
    assert kept.read_bytes() == content
    assert f"settings.ini in {data_dir} could not be read ({why}); it was moved aside as {kept.name}" in (
        ctx.window.banner.text()
    )
    ctx.window.close()  # the window's layout is saved in a new settings.ini, beside the kept one
    assert (data_dir / "settings.ini").read_bytes() != content
    assert kept.read_bytes() == content


def test_a_file_named_like_markup_is_named_as_text_in_the_problems_dialog(qtbot: Any) -> None:
    name = "<h1>x.json"
    dialog = ProblemsDialog("Salary data not imported", f"{name} cannot be used", [("levels", f"bad {name}")])
    qtbot.addWidget(dialog)
    (intro,) = dialog.findChildren(QLabel)
    assert intro.textFormat() == Qt.TextFormat.PlainText
    assert intro.text() == f"{name} cannot be used"
    assert visible(dialog.table.model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole)) == f"bad {name}"


def test_a_file_named_like_markup_is_named_as_text_while_it_is_checked(qtbot: Any) -> None:
    # Found by hand: File > Import salary data on "<h1>big.json" showed "Checking " and a heading.
    parent = QLabel()
    qtbot.addWidget(parent)
    progress = CheckProgress(parent, "Import salary data", "Reading <h1>big.json…", 3, lambda: None)
    progress.step(1, "Checking <h1>big.json: its format…")
    labels = [label for label in progress.dialog.findChildren(QLabel) if label.text()]
    assert [(label.textFormat(), label.text()) for label in labels] == [
        (Qt.TextFormat.PlainText, "Checking <h1>big.json: its format…")
    ]
    progress.close()


def test_every_start_up_message_stays_in_the_banner(open_app: Opener, data_dir: Path) -> None:
    (data_dir / "profile.json").write_text("{not json")
    ctx = open_app(read_only="the disk is full", dialogs=FakeDialogs())
    banner = ctx.window.banner.text()
    assert "cannot be written (the disk is full)" in banner
    assert "could not be read" in banner  # the second message did not replace the first
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]  # nothing moved aside on an unwritable disk


def test_main_opens_read_only_when_the_folder_cannot_be_written(
    qapp: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner import app as app_module
    from planner import main as main_module
    from planner import startup
    from planner.domain.profile import Profile
    from planner.storage.profile_store import encode_profile

    (data_dir / "profile.json").write_bytes(encode_profile(Profile(years_of_experience=3)))
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    monkeypatch.setattr(DataDirLock, "try_lock", lambda self: False)  # as on a read-only or full disk
    monkeypatch.setattr(startup, "unwritable_reason", lambda _folder: "the disk is read-only")
    opened: list[Context] = []
    real_open = app_module.open_window

    def open_window(*args: Any, **kwargs: Any) -> Context:
        opened.append(real_open(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(app_module, "open_window", open_window)
    monkeypatch.setattr(type(qapp), "exec", lambda *_args: 0)  # return at once instead of running the loop

    assert main_module.main(["--data-dir", str(data_dir)]) == 0
    (ctx,) = opened
    assert ctx.store is not None
    assert ctx.store.read_only_reason == "the disk is read-only"
    assert "cannot be written (the disk is read-only)" in ctx.window.banner.text()
    assert ctx.session.profile.years_of_experience == 3  # the saved profile is shown
    ctx.window.close()
    ctx.window.deleteLater()
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before


def test_the_running_app_saves_and_quits_on_sigterm(data_dir: Path) -> None:
    import subprocess
    import sys
    import time

    from planner.domain.profile import Profile
    from planner.storage.profile_store import encode_profile

    (data_dir / "profile.json").write_bytes(encode_profile(Profile(years_of_experience=3)))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-m", "planner", "--data-dir", str(data_dir)], env=env)
    try:
        deadline = time.monotonic() + 60
        while not (data_dir / "profile.lock").exists():  # signals are handled from just after the lock is taken
            assert time.monotonic() < deadline, "the app did not start"
            assert child.poll() is None, "the app ended by itself"
            time.sleep(0.05)
        time.sleep(0.5)
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=30) == 0  # quit as from the menu, not killed
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    assert not (data_dir / "profile.lock").exists()  # the lock was given back
    assert years_on_disk(data_dir) == 3
