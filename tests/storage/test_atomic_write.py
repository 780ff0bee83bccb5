"""Replacing a file whole or not at all: what a user sees when the disk refuses, and what is left on disk."""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSaveFile

from planner.storage.atomic import write_atomic

OLD = b'{"old": true}\n'
NEW = b'{"new": true, "longer": "than the old one"}\n'


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "profile.json"
    path.write_bytes(OLD)
    return path


def only_the_target_is_left(path: Path) -> None:
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_write_replaces_the_whole_file_and_leaves_nothing_else(target: Path) -> None:
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    write_atomic(target, b"")  # shorter than before: nothing of the old bytes survives
    assert target.read_bytes() == b""
    only_the_target_is_left(target)


def test_a_folder_that_does_not_exist_is_named_with_qts_reason(tmp_path: Path) -> None:
    reason = re.escape(os.strerror(errno.ENOENT))  # "No such file or directory"
    with pytest.raises(OSError, match=rf"^cannot write profile\.json: {reason}$"):
        write_atomic(tmp_path / "gone" / "profile.json", NEW)
    assert not (tmp_path / "gone").exists()


def test_without_a_reason_from_qt_the_message_still_says_what_is_wrong(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QSaveFile, "open", lambda self, mode: False)  # Qt then says "Unknown error"
    with pytest.raises(OSError, match=r"^cannot write profile\.json: the folder cannot be written$"):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD


def test_a_short_write_says_the_disk_may_be_full_and_keeps_the_old_file(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = QSaveFile.write
    monkeypatch.setattr(QSaveFile, "write", lambda self, data: real_write(self, data[:-1]))
    with pytest.raises(OSError, match=r"^cannot write profile\.json: the disk may be full$"):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    only_the_target_is_left(target)


def test_a_refused_commit_keeps_the_old_file_and_removes_the_temporary_one(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_commit = QSaveFile.commit
    calls: list[int] = []

    def refuse_first(self: QSaveFile) -> bool:
        calls.append(1)
        return False if len(calls) == 1 else real_commit(self)

    monkeypatch.setattr(QSaveFile, "commit", refuse_first)
    with pytest.raises(OSError, match=r"^cannot save profile\.json: the disk may be full$"):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    only_the_target_is_left(target)


def test_an_interrupted_write_removes_the_temporary_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: QSaveFile, data: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(QSaveFile, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    only_the_target_is_left(target)


def fsync_spy(monkeypatch: pytest.MonkeyPatch, fail: bool = False) -> list[os.stat_result]:
    synced: list[os.stat_result] = []
    real_fsync: Callable[[int], None] = os.fsync

    def spy(fd: int) -> None:
        synced.append(os.fstat(fd))
        if fail:
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    return synced


@pytest.mark.skipif(sys.platform == "win32", reason="Windows cannot open a folder to sync it")
def test_the_folder_is_synced_after_the_rename_so_a_power_cut_keeps_it(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced = fsync_spy(monkeypatch)
    write_atomic(target, NEW)
    folder = target.parent.stat()
    assert any((s.st_dev, s.st_ino) == (folder.st_dev, folder.st_ino) for s in synced)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows cannot open a folder to sync it")
def test_a_folder_that_cannot_be_synced_still_gets_the_new_file_and_no_descriptor_leaks(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsync_spy(monkeypatch, fail=True)
    closed: list[int] = []
    real_close = os.close
    monkeypatch.setattr(os, "close", lambda fd: (closed.append(fd), real_close(fd))[1])
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert len(closed) == 1


def test_a_folder_that_cannot_be_opened_for_sync_still_gets_the_new_file(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: Any) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
