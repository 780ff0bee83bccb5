"""The data folder's writer: a new file's permissions, writes the system takes in pieces, links followed or moved
aside, the folder synced after the rename, and what an interrupted save leaves."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from planner.storage import safe_files
from planner.storage.safe_files import free_name, replace_file, sync_folder, temp_name, write_in_folder


def test_a_new_file_gets_the_permissions_any_new_file_gets(data_dir: Path) -> None:
    old = os.umask(0o022)
    try:
        replace_file(data_dir / "profile.json", b"new")
    finally:
        os.umask(old)
    assert stat.S_IMODE((data_dir / "profile.json").stat().st_mode) == 0o644
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]


def test_a_write_the_system_takes_in_pieces_is_finished(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data)[:3]))
    data = bytes(range(256)) * 4
    replace_file(data_dir / "profile.json", data)
    assert (data_dir / "profile.json").read_bytes() == data


def test_a_link_inside_the_folder_is_followed_and_stays_a_link(data_dir: Path) -> None:
    real = data_dir / "real.json"
    real.write_bytes(b"old")
    real.chmod(0o600)
    link = data_dir / "profile.json"
    link.symlink_to(real)
    write_in_folder(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert sorted(p.name for p in data_dir.iterdir()) == ["profile.json", "real.json"]


def test_a_link_out_of_the_folder_is_moved_aside_and_a_plain_file_written(data_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.json"
    outside.write_bytes(b"theirs")
    link = data_dir / "profile.json"
    link.symlink_to(outside)
    write_in_folder(link, b"ours")
    assert not link.is_symlink()
    assert link.read_bytes() == b"ours"
    assert outside.read_bytes() == b"theirs"
    moved = [p for p in data_dir.iterdir() if p.name.startswith("profile.json.link-")]
    assert len(moved) == 1
    assert moved[0].is_symlink()


def test_a_refused_rename_names_the_file_and_the_reason_and_leaves_the_old_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = data_dir / "profile.json"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="cannot save") as raised:
        replace_file(target, b"new")
    assert str(raised.value) == f"[Errno {errno.EACCES}] cannot save profile.json: Permission denied"
    assert target.read_bytes() == b"old"
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]


def test_a_file_that_cannot_be_made_is_named_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="cannot write") as raised:
        replace_file(tmp_path / "gone" / "profile.json", b"new")
    assert raised.value.errno == errno.ENOENT
    assert str(raised.value) == f"[Errno {errno.ENOENT}] cannot write profile.json: No such file or directory"


def test_an_interruption_that_is_no_os_error_still_removes_the_temporary_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = data_dir / "profile.json"
    target.write_bytes(b"old")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        replace_file(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]


def test_the_folder_is_synced_after_the_rename(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[tuple[bool, bool]] = []  # (a folder, the new file already in place)
    real_fsync = os.fsync

    def record(fd: int) -> None:
        synced.append((stat.S_ISDIR(os.fstat(fd).st_mode), (data_dir / "profile.json").exists()))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", record)
    replace_file(data_dir / "profile.json", b"new")
    assert synced == [(False, False), (True, True)]


def test_a_folder_sync_the_system_refuses_is_ignored_and_closes_what_it_opened(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[int] = []
    closed: list[int] = []
    real_open, real_close = os.open, os.close

    def track_open(path: object, flags: int, *args: object) -> int:
        fd = real_open(path, flags, *args)  # type: ignore[arg-type]
        opened.append(fd)
        return fd

    def track_close(fd: int) -> None:
        closed.append(fd)
        real_close(fd)

    def refuse(fd: int) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(os, "open", track_open)
    monkeypatch.setattr(os, "close", track_close)
    monkeypatch.setattr(os, "fsync", refuse)
    sync_folder(data_dir)
    assert len(opened) == 1
    assert closed == opened
    sync_folder(data_dir / "gone")  # nothing to open: nothing to do
    assert len(opened) == 1


def test_a_free_name_skips_files_and_links_and_counts_from_two(data_dir: Path, tmp_path: Path) -> None:
    path = data_dir / "profile.json"
    assert free_name(path, "old") == data_dir / "profile.json.old"
    (data_dir / "profile.json.old").write_bytes(b"")
    assert free_name(path, "old") == data_dir / "profile.json.old-2"
    (data_dir / "profile.json.old-2").symlink_to(tmp_path / "nowhere")
    assert free_name(path, "old") == data_dir / "profile.json.old-3"


def test_a_disk_that_takes_nothing_is_reported_full(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = data_dir / "profile.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "write", lambda fd, data: 0)
    with pytest.raises(OSError, match="cannot save") as raised:
        replace_file(target, b"new")
    assert raised.value.errno == errno.ENOSPC
    assert str(raised.value) == f"[Errno {errno.ENOSPC}] cannot save profile.json: No space left on device"
    assert target.read_bytes() == b"old"
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]


def test_a_save_never_writes_into_a_file_already_under_its_temporary_name(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safe_files, "random_hex", lambda: "0" * 16)
    squatter = data_dir / temp_name("profile.json")
    squatter.write_bytes(b"someone else's file, longer than the save")
    with pytest.raises(OSError, match=r"cannot write profile\.json") as raised:
        replace_file(data_dir / "profile.json", b"new")
    assert raised.value.errno == errno.EEXIST
    assert squatter.read_bytes() == b"someone else's file, longer than the save"
    assert not (data_dir / "profile.json").exists()


def test_a_temporary_file_already_gone_does_not_hide_why_the_save_failed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = data_dir / "profile.json"
    target.write_bytes(b"old")

    def lost_on_the_way(src: str, dst: object) -> None:  # a cleaner removed it, then the rename found nothing
        os.unlink(src)
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", lost_on_the_way)
    with pytest.raises(OSError, match=r"cannot save profile\.json: Input/output error") as raised:
        replace_file(target, b"new")
    assert raised.value.errno == errno.EIO
    assert target.read_bytes() == b"old"
