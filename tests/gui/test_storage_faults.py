"""Storage faults while the app runs: a read-only data folder, a full disk, the profile deleted, the folder
replaced. The app keeps the ticks in memory, says so in the status bar, retries, and once the fault clears the
file holds every tick."""

from __future__ import annotations

import errno
import functools
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.app import Context
from planner.presenters import autosave as autosave_module
from planner.storage import safe_files
from planner.storage.profile_store import ProfileStore
from planner.tabs.skills.presenter import SkillsPresenter

Opener = Callable[[], Context]
RETRY_MS = 50
TICKS = ("entry.python", "entry.mathematics", "mid.deep-learning")


class FaultyDisk:
    """The data folder's writer as the OS would make it fail: ``fault`` is None (works), "read-only" or "full"."""

    fault: str | None = None

    def __init__(self) -> None:
        self.real_open, self.real_write = safe_files._open_new, safe_files._write_all

    def open_new(self, path: Path) -> int:
        if self.fault == "read-only":
            raise OSError(errno.EROFS, "Read-only file system")
        return self.real_open(path)

    def write_all(self, fd: int, data: bytes) -> None:
        if self.fault == "full":
            self.real_write(fd, data[:10])  # the disk filled up after 10 bytes
            raise OSError(errno.ENOSPC, "No space left on device")
        self.real_write(fd, data)


@pytest.fixture
def faulty_disk(monkeypatch: pytest.MonkeyPatch) -> FaultyDisk:
    disk = FaultyDisk()
    monkeypatch.setattr(safe_files, "_open_new", disk.open_new)
    monkeypatch.setattr(safe_files, "_write_all", disk.write_all)
    return disk


@pytest.fixture
def open_app(open_app: Callable[..., Context], monkeypatch: pytest.MonkeyPatch) -> Opener:
    """The shared opener (tests/conftest.py), with a short retry delay so the test need not wait five seconds."""
    monkeypatch.setattr(
        autosave_module,
        "ProfileAutosaver",
        functools.partial(autosave_module.ProfileAutosaver, retry_ms=RETRY_MS),
    )
    return open_app


def saved_ticks(data_dir: Path) -> set[str]:
    return set(ProfileStore(data_dir).load().profile.skills)


def tick_all(ctx: Context) -> None:
    for skill_id in TICKS:
        ctx.presenter("skills", SkillsPresenter).set_checked(skill_id, True)


def status(ctx: Context) -> str:
    """What the status bar's save label says, and its tooltip with the full reason of a failure."""
    assert ctx.autosave is not None
    return f"{ctx.window.save_status.text()} {ctx.autosave.detail}".strip()


@pytest.mark.parametrize(("fault", "reason"), [("read-only", "Read-only file system"), ("full", "No space left")])
def test_a_fault_is_reported_the_ticks_stay_and_are_saved_once_it_clears(
    qtbot: Any, open_app: Opener, data_dir: Path, faulty_disk: FaultyDisk, fault: str, reason: str
) -> None:
    ctx = open_app()
    ctx.presenter("skills", SkillsPresenter).set_checked("general.deployment", True)
    assert ctx.autosave is not None
    assert ctx.autosave.flush()
    faulty_disk.fault = fault

    tick_all(ctx)
    assert not ctx.autosave.flush()
    assert reason in status(ctx)
    assert "kept in this window" in status(ctx)
    assert all(ctx.presenter("skills", SkillsPresenter).is_ticked(s) for s in TICKS), (
        "the window still shows every tick"
    )
    assert saved_ticks(data_dir) == {"general.deployment"}, "the old file is intact"
    leftovers = [p.name for p in data_dir.iterdir() if p.name.startswith("profile.json") and p.name != "profile.json"]
    assert leftovers == [], "no temporary file left behind"

    # It keeps retrying on its own; more ticks while failing are kept too.
    ctx.presenter("skills", SkillsPresenter).set_checked("general.deployment", False)
    qtbot.wait(RETRY_MS * 3)
    assert saved_ticks(data_dir) == {"general.deployment"}

    faulty_disk.fault = None
    qtbot.waitUntil(lambda: status(ctx).startswith("Saved at "), timeout=5_000)
    assert saved_ticks(data_dir) == set(TICKS)
    assert not ctx.autosave.dirty


def test_profile_deleted_while_running_is_written_again(qtbot: Any, open_app: Opener, data_dir: Path) -> None:
    ctx = open_app()
    tick_all(ctx)
    assert ctx.autosave is not None
    assert ctx.autosave.flush()
    profile = data_dir / "profile.json"

    profile.unlink()
    qtbot.waitUntil(profile.exists, timeout=5_000)  # no new tick needed: the app notices by itself
    assert saved_ticks(data_dir) == set(TICKS)
    assert "was removed" in status(ctx)
    assert "nothing was lost" in status(ctx)

    profile.unlink()  # again: it is noticed every time
    qtbot.waitUntil(profile.exists, timeout=5_000)
    assert saved_ticks(data_dir) == set(TICKS)


def test_data_folder_replaced_by_a_file_then_restored(qtbot: Any, open_app: Opener, data_dir: Path) -> None:
    """A path that cannot be written even as root: a file where the data folder should be."""
    ctx = open_app()
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    assert ctx.autosave is not None
    assert ctx.autosave.flush()
    moved = data_dir.with_name("moved-away")
    shutil.move(data_dir, moved)
    data_dir.write_text("not a folder")

    ctx.presenter("skills", SkillsPresenter).set_checked("entry.mathematics", True)
    qtbot.waitUntil(lambda: "Could not save your profile" in status(ctx), timeout=5_000)
    assert ctx.presenter("skills", SkillsPresenter).is_ticked("entry.mathematics")

    data_dir.unlink()
    shutil.move(moved, data_dir)
    qtbot.waitUntil(lambda: status(ctx).startswith("Saved at "), timeout=5_000)
    assert saved_ticks(data_dir) == {"entry.python", "entry.mathematics"}


@pytest.mark.parametrize("quit_anyway", [False, True])
def test_closing_while_saves_fail_asks_before_changes_are_lost(
    qtbot: Any, open_app: Opener, data_dir: Path, faulty_disk: FaultyDisk, quit_anyway: bool
) -> None:
    ctx = open_app()
    assert ctx.commands is not None
    asked: list[str] = []

    def answer(title: str, question: str, yes: str) -> bool:
        asked.append(question)
        return quit_anyway

    ctx.commands.dialogs.confirm = answer  # type: ignore[method-assign]
    faulty_disk.fault = "full"
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    ctx.window.close()
    assert len(asked) == 1
    assert "could not be saved" in asked[0]
    assert "No space left" in asked[0] or "disk" in asked[0]
    assert ctx.window.isVisible() is not quit_anyway
    assert ctx.presenter("skills", SkillsPresenter).is_ticked("entry.python")
    if not quit_anyway:
        faulty_disk.fault = None  # the disk recovers; closing now saves and asks nothing
        ctx.window.close()
        assert not ctx.window.isVisible()
        assert len(asked) == 1
        assert saved_ticks(data_dir) == {"entry.python"}


def test_closing_with_everything_saved_asks_nothing(open_app: Opener) -> None:
    ctx = open_app()
    assert ctx.commands is not None
    ctx.commands.dialogs.confirm = lambda *_a: pytest.fail("nothing to ask")  # type: ignore[method-assign]
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    ctx.window.close()
    assert not ctx.window.isVisible()
