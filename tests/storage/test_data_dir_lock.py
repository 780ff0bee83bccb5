"""The data folder's lock in one process (a second DataDirLock opens the file again, which the system treats as
another holder): who is told what, when the folder stops being ours, and which lock file is removed."""

from __future__ import annotations

import errno
import os
import socket
import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject

from planner import APP_NAME
from planner.storage import instance_lock
from planner.storage.instance_lock import LOCK_FILE, DataDirLock
from planner.storage.profile_watch import ProfileFileWatcher


@pytest.fixture
def held(data_dir: Path) -> DataDirLock:
    lock = DataDirLock(data_dir)
    assert lock.try_lock()
    return lock


def test_the_lock_file_names_this_process_and_computer(held: DataDirLock) -> None:
    text = held.path.read_text(encoding="utf-8")
    assert text == f"{os.getpid()}\n{APP_NAME}\n{socket.gethostname()}\n"
    assert held.is_locked()
    assert held.try_lock()  # asking again while holding it is fine
    assert held.lost_reason() is None


def test_a_second_copy_is_told_who_holds_the_folder(held: DataDirLock, data_dir: Path) -> None:
    second = DataDirLock(data_dir)
    assert not second.try_lock()
    assert not second.is_locked()
    message = second.refusal_message()
    assert message.startswith(
        f"{APP_NAME} is already open with this data folder (process {os.getpid()} on {socket.gethostname()}):\n"
        f"{data_dir}\n\n"
    )
    assert second.lost_reason() == "this window does not hold the data folder's lock"


def test_a_holder_file_without_a_host_or_process_reads_plainly(held: DataDirLock, data_dir: Path) -> None:
    second = DataDirLock(data_dir)
    assert not second.try_lock()
    held.path.write_text("4242\n", encoding="utf-8")
    assert "(process 4242 on this computer)" in second.refusal_message()
    held.path.write_text("garbage\n", encoding="utf-8")
    assert second.refusal_message().startswith(f"{APP_NAME} is already open with this data folder:\n")


@pytest.mark.parametrize(
    ("content", "unreadable"),
    [
        (b"", True),
        (b"\x00\xff garbage", True),
        (b"0\n", True),
        (b"1\n", False),
        (b"31337\nML Career Planner\nlaptop\n", False),
    ],
)
def test_a_lock_file_left_behind_is_taken_over_whatever_it_holds(
    data_dir: Path, content: bytes, unreadable: bool
) -> None:
    (data_dir / LOCK_FILE).write_bytes(content + b"x" * 200)  # longer than what replaces it
    lock = DataDirLock(data_dir)
    assert lock.try_lock()
    assert lock.took_over_unreadable is unreadable
    assert lock.path.read_text(encoding="utf-8") == f"{os.getpid()}\n{APP_NAME}\n{socket.gethostname()}\n"


def test_a_whole_holder_file_is_recognised(data_dir: Path) -> None:
    (data_dir / LOCK_FILE).write_bytes(b"31337\nML Career Planner\nlaptop\n")
    lock = DataDirLock(data_dir)
    assert lock.try_lock()
    assert lock.took_over_unreadable is False
    fresh = DataDirLock(data_dir / "sub")
    (data_dir / "sub").mkdir()
    assert fresh.try_lock()
    assert fresh.took_over_unreadable is True  # a new, empty file names nobody


def test_a_folder_where_the_lock_file_belongs_is_named(data_dir: Path) -> None:
    (data_dir / LOCK_FILE).mkdir()
    lock = DataDirLock(data_dir)
    assert not lock.try_lock()
    assert lock.refusal_message().startswith(
        f"{APP_NAME} cannot lock its data folder because a folder named {LOCK_FILE} is where its lock file belongs"
    )


def test_a_missing_data_folder_gives_the_systems_reason(tmp_path: Path) -> None:
    lock = DataDirLock(tmp_path / "missing")
    assert not lock.try_lock()
    assert lock.refusal_message().startswith(
        f"{APP_NAME} cannot create its lock file in the data folder (No such file or directory):\n"
    )
    assert (
        DataDirLock(tmp_path)
        .refusal_message()
        .startswith(f"{APP_NAME} cannot create its lock file in the data folder (unknown reason):")
    )


def test_a_fifo_where_the_lock_file_belongs_is_refused(data_dir: Path) -> None:
    os.mkfifo(data_dir / LOCK_FILE)
    lock = DataDirLock(data_dir)
    assert not lock.try_lock()
    assert "(not a regular file)" in lock.refusal_message()


def test_a_lock_file_linked_elsewhere_is_never_followed(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("theirs", encoding="utf-8")
    (data_dir / LOCK_FILE).symlink_to(target)
    lock = DataDirLock(data_dir)
    assert not lock.try_lock()
    assert target.read_text(encoding="utf-8") == "theirs"


def test_a_deleted_lock_file_is_taken_again(held: DataDirLock) -> None:
    held.path.unlink()
    assert held.lost_reason() is None
    assert held.path.read_text(encoding="utf-8").startswith(f"{os.getpid()}\n")
    assert held.lost_reason() is None


def test_a_lock_taken_over_by_another_copy_stops_this_one(held: DataDirLock, data_dir: Path) -> None:
    held.path.unlink()
    other = DataDirLock(data_dir)
    assert other.try_lock()
    reason = held.lost_reason()
    assert reason == (
        f"the data folder's lock ({LOCK_FILE}) was removed or taken over while the app was running, "
        "so another copy of the app may now be using the folder"
    )
    held.unlock()  # gives back its own lock and leaves the other copy's file
    assert other.path.exists()
    assert other.lost_reason() is None
    other.unlock()
    assert not other.path.exists()
    assert not other.is_locked()
    other.unlock()  # twice is harmless


def test_a_data_folder_removed_or_replaced_stops_saving(held: DataDirLock, data_dir: Path, tmp_path: Path) -> None:
    data_dir.rename(tmp_path / "moved")
    data_dir.mkdir()
    assert held.lost_reason() == f"the data folder {data_dir} was removed or replaced while the app was running"
    data_dir.rmdir()
    assert held.lost_reason() == f"the data folder {data_dir} was removed or replaced while the app was running"


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


needs_proc = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files through /proc")


@needs_proc
def test_refused_and_given_back_locks_leave_no_file_open(held: DataDirLock, data_dir: Path) -> None:
    before = open_descriptors()
    for _ in range(3):
        assert not DataDirLock(data_dir).try_lock()
    fifo_dir = data_dir / "fifo"
    fifo_dir.mkdir()
    os.mkfifo(fifo_dir / LOCK_FILE)
    assert not DataDirLock(fifo_dir).try_lock()
    assert open_descriptors() == before
    held.path.unlink()
    other = DataDirLock(data_dir)
    assert other.try_lock()
    assert held.lost_reason() is not None
    held.unlock()
    other.unlock()
    assert open_descriptors() == before - 1  # the held lock's own descriptor is closed too


def test_a_lock_file_that_is_a_link_gets_the_systems_reason_not_already_open(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("theirs", encoding="utf-8")
    (data_dir / LOCK_FILE).symlink_to(target)
    lock = DataDirLock(data_dir)
    assert not lock.try_lock()
    assert f"({os.strerror(errno.ELOOP)})" in lock.refusal_message()


def test_a_new_lock_file_is_readable_by_others_and_writable_by_the_owner(data_dir: Path) -> None:
    old = os.umask(0o022)
    try:
        lock = DataDirLock(data_dir)
        assert lock.try_lock()
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(lock.path).st_mode) == 0o644


def test_a_holder_file_of_two_lines_and_a_vanished_one_read_plainly(held: DataDirLock, data_dir: Path) -> None:
    second = DataDirLock(data_dir)
    assert not second.try_lock()
    held.path.write_text("4242\nML Career Planner\n", encoding="utf-8")
    assert "(process 4242 on this computer)" in second.refusal_message()
    held.path.unlink()
    assert second.refusal_message().startswith(f"{APP_NAME} is already open with this data folder:\n")


def test_the_profile_watch_reports_a_file_deleted_before_any_check(qapp: Any, data_dir: Path) -> None:
    parent = QObject()
    path = data_dir / "profile.json"
    path.write_text("{}", encoding="utf-8")
    watcher = ProfileFileWatcher(path, parent)
    assert watcher.parent() is parent
    seen: list[int] = []
    watcher.removed.connect(lambda: seen.append(1))
    path.unlink()
    watcher.check()
    assert seen == [1]


def test_a_lock_file_replaced_between_open_and_lock_is_opened_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = instance_lock._path_identity
    calls: list[int] = []

    def replaced_once(path: Path) -> tuple[int, int] | None:
        calls.append(1)
        return (-1, -1) if len(calls) == 1 else real(path)

    monkeypatch.setattr(instance_lock, "_path_identity", replaced_once)
    lock = DataDirLock(data_dir)
    assert lock.try_lock()
    assert lock.lost_reason() is None


@needs_proc
def test_a_lock_file_replaced_every_time_counts_as_held_and_leaves_nothing_open(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(instance_lock, "_path_identity", lambda path: (-1, -1))
    before = open_descriptors()
    lock = DataDirLock(data_dir)
    assert not lock.try_lock()
    assert lock.refusal_message().startswith(f"{APP_NAME} is already open with this data folder")
    assert open_descriptors() == before


@needs_proc
def test_a_lock_file_that_cannot_be_written_gives_the_reason_and_leaves_nothing_open(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(DataDirLock, "_write_holder", staticmethod(disk_full))
    before = open_descriptors()
    lock = DataDirLock(data_dir)
    assert not lock.try_lock()
    assert not lock.is_locked()
    assert "(No space left on device)" in lock.refusal_message()
    assert open_descriptors() == before


def test_a_holder_file_that_is_not_text_is_read_without_a_crash(held: DataDirLock, data_dir: Path) -> None:
    second = DataDirLock(data_dir)
    assert not second.try_lock()
    held.path.write_bytes(b"\xff\xfe\x00garbage\n\xc3")
    assert second.refusal_message().startswith(f"{APP_NAME} is already open with this data folder:\n")


def test_a_reason_without_an_error_number_is_still_shown(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def odd(_fd: int) -> None:
        raise OSError("the disk went away")

    monkeypatch.setattr(DataDirLock, "_write_holder", staticmethod(odd))
    lock = DataDirLock(data_dir)
    assert not lock.try_lock()
    assert "(the disk went away)" in lock.refusal_message()
    monkeypatch.setattr(instance_lock.os, "open", lambda *_a: (_ for _ in ()).throw(OSError("no handle left")))
    assert not lock.try_lock()
    assert "(no handle left)" in lock.refusal_message()


@needs_proc
def test_a_deleted_lock_that_cannot_be_taken_again_keeps_the_old_one_until_unlock(held: DataDirLock) -> None:
    before = open_descriptors()
    held.path.unlink()
    held.try_lock = lambda: False  # type: ignore[method-assign]  # e.g. the folder became read-only
    assert held.lost_reason() is not None
    assert held.is_locked()
    held.unlock()
    assert open_descriptors() == before - 1
