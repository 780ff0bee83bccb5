"""Autosave: every change reaches the disk soon, on close, and after a failed save; nothing is lost."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path
from typing import Any

import pytest

from planner.domain.profile import Profile
from planner.presenters.autosave import ProfileAutosaver
from planner.presenters.session import ProfileSession
from planner.storage.profile_store import ProfileStore
from profile_edits import tick


class FlakyDisk:
    """Fails with 'disk full' while full is True, otherwise saves through a real store."""

    def __init__(self, store: ProfileStore) -> None:
        self.store = store
        self.full = False
        self.calls = 0

    def save(self, profile: Profile) -> None:
        self.calls += 1
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.store.save(profile)


@pytest.fixture
def session(qapp: Any) -> ProfileSession:
    return ProfileSession()


def test_a_change_is_saved_by_the_timer_without_any_other_action(
    qtbot: Any, session: ProfileSession, data_dir: Path
) -> None:
    store = ProfileStore(data_dir)
    saver = ProfileAutosaver(session, store.save)
    assert saver.next_save_in_ms == -1, "nothing to save yet"
    with qtbot.waitSignal(saver.saved, timeout=10_000):
        tick(session, "entry.python", True)
        # The promise: saved at most one second after a change (a timer, not a measured time).
        assert 0 <= saver.next_save_in_ms <= 1000
    assert not saver.dirty
    assert store.load().profile == session.profile


def test_a_burst_of_changes_is_one_save(qtbot: Any, session: ProfileSession, data_dir: Path) -> None:
    disk = FlakyDisk(ProfileStore(data_dir))
    saver = ProfileAutosaver(session, disk.save)
    with qtbot.waitSignal(saver.saved, timeout=10_000):
        for skill in ("entry.python", "entry.mathematics", "mid.deep-learning"):
            tick(session, skill, True)
    assert disk.calls == 1
    assert set(disk.store.load().profile.skills) == {"entry.python", "entry.mathematics", "mid.deep-learning"}


def test_flush_saves_at_once_and_does_nothing_when_clean(session: ProfileSession, data_dir: Path) -> None:
    disk = FlakyDisk(ProfileStore(data_dir))
    saver = ProfileAutosaver(session, disk.save)
    assert saver.flush()
    assert disk.calls == 0
    session.edit(years_of_experience=4.0)
    assert saver.flush()
    assert disk.store.load().profile.years_of_experience == 4.0


def test_disk_full_is_reported_kept_in_memory_and_retried(qtbot: Any, session: ProfileSession, data_dir: Path) -> None:
    disk = FlakyDisk(ProfileStore(data_dir))
    disk.full = True
    saver = ProfileAutosaver(session, disk.save, retry_ms=50, now=lambda: dt.datetime(2025, 3, 14, 15, 42, 7))
    messages: list[str] = []
    saver.message.connect(messages.append)

    tick(session, "entry.python", True)
    assert not saver.flush()
    assert saver.dirty
    assert messages[-1] == "Could not save: disk full. Retrying."
    assert "No space left on device" in saver.detail
    assert session.profile.has_skill("entry.python")
    assert not disk.store.path.exists()

    disk.full = False
    with qtbot.waitSignal(saver.saved, timeout=10_000):
        pass  # the retry timer saves without any new change
    assert messages[-1] == "Saved at 15:42"
    assert saver.detail == ""
    assert disk.store.load().profile.has_skill("entry.python")


def test_read_only_run_never_saves_and_says_why(session: ProfileSession, data_dir: Path) -> None:
    disk = FlakyDisk(ProfileStore(data_dir))
    saver = ProfileAutosaver(session, disk.save, read_only_reason="the profile was saved by a newer version")
    messages: list[str] = []
    saver.message.connect(messages.append)
    tick(session, "entry.python", True)
    saver.flush()
    assert disk.calls == 0
    assert messages == ["Changes are not being saved: the profile was saved by a newer version."]


def test_every_save_says_when_it_happened(qtbot: Any, session: ProfileSession, data_dir: Path) -> None:
    clock = [dt.datetime(2025, 3, 14, 9, 5)]
    saver = ProfileAutosaver(session, ProfileStore(data_dir).save, now=lambda: clock[0])
    messages: list[str] = []
    saver.message.connect(messages.append)
    session.edit(years_of_experience=2.0)
    assert saver.flush()
    clock[0] = dt.datetime(2025, 3, 14, 17, 30)
    session.edit(years_of_experience=3.0)
    assert saver.flush()
    assert messages == ["Saved at 09:05", "Saved at 17:30"]


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "Could not save: disk full. Retrying."),
        (OSError("cannot save profile.json: the disk may be full"), "Could not save: disk full. Retrying."),
        (OSError(errno.EACCES, "Permission denied"), "Could not save: permission denied. Retrying."),
        (OSError(errno.EROFS, "Read-only file system"), "Could not save: the disk is read-only. Retrying."),
    ],
)
def test_a_failed_save_says_why_in_a_few_words(session: ProfileSession, error: OSError, said: str) -> None:
    def failing(_profile: Profile) -> None:
        raise error

    saver = ProfileAutosaver(session, failing, retry_ms=60_000)
    messages: list[str] = []
    saver.message.connect(messages.append)
    session.edit(years_of_experience=1.0)
    assert not saver.flush()
    assert messages == [said]
    assert saver.dirty


def test_request_save_writes_an_unchanged_profile(session: ProfileSession, data_dir: Path) -> None:
    store = ProfileStore(data_dir)
    saver = ProfileAutosaver(session, store.save)
    saver.request_save()
    assert saver.flush()
    assert store.path.exists()
    assert store.load().profile == Profile()
