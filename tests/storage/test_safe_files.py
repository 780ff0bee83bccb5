"""The data folder's files: what a non-file is called in messages, links that lead nowhere, the names links are
moved aside to, and which leftovers of an interrupted save are cleaned (and which are a person's files)."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from planner.storage.safe_files import (
    NotRegularFileError,
    clean_stale_temp_files,
    detach_outside_link,
    kind_of,
    leads_outside,
    read_regular,
    replace_file,
    temp_name,
)

NOW = dt.datetime(2025, 3, 14, 9, 26, 53)
NAMES = ("profile.json", "settings.ini")


@pytest.mark.parametrize(
    ("mode", "words"),
    [
        (stat.S_IFIFO, "a named pipe (FIFO)"),
        (stat.S_IFCHR, "a device"),
        (stat.S_IFBLK, "a device"),
        (stat.S_IFSOCK, "a socket"),
        (stat.S_IFDIR, "a folder"),
        (stat.S_IFLNK, "not a regular file"),
    ],
)
def test_what_stands_where_a_file_belongs_is_named_in_plain_words(mode: int, words: str) -> None:
    assert kind_of(mode | 0o644) == words


def test_a_link_to_a_missing_file_inside_the_folder_leads_nowhere(data_dir: Path) -> None:
    link = data_dir / "profile.json"
    link.symlink_to(data_dir / "not-there.json")
    assert leads_outside(link, data_dir)
    moved = detach_outside_link(link, data_dir, NOW)
    assert moved == data_dir / "profile.json.link-20250314-092653"
    assert moved.is_symlink()
    assert not link.exists()
    assert not link.is_symlink()


def test_a_link_to_a_file_inside_the_folder_and_a_plain_file_are_left(data_dir: Path) -> None:
    (data_dir / "real.json").write_text("{}", encoding="utf-8")
    link = data_dir / "profile.json"
    link.symlink_to(data_dir / "real.json")
    assert not leads_outside(link, data_dir)
    assert detach_outside_link(link, data_dir, NOW) is None
    assert not leads_outside(data_dir / "real.json", data_dir)
    assert not leads_outside(data_dir / "absent.json", data_dir)


def test_links_moved_aside_in_the_same_second_get_numbered_names(data_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.json"
    outside.write_text("theirs", encoding="utf-8")
    moved = []
    for _ in range(3):
        link = data_dir / "profile.json"
        link.symlink_to(outside)
        moved.append(detach_outside_link(link, data_dir, NOW))
    assert [p.name if p else None for p in moved] == [
        "profile.json.link-20250314-092653",
        "profile.json.link-20250314-092653-2",
        "profile.json.link-20250314-092653-3",
    ]
    assert outside.read_text(encoding="utf-8") == "theirs"


def test_a_dangling_link_already_holding_the_name_is_not_replaced(data_dir: Path, tmp_path: Path) -> None:
    (data_dir / "profile.json.link-20250314-092653").symlink_to(tmp_path / "gone")
    link = data_dir / "profile.json"
    link.symlink_to(tmp_path / "elsewhere")
    assert detach_outside_link(link, data_dir, NOW) == data_dir / "profile.json.link-20250314-092653-2"
    assert (data_dir / "profile.json.link-20250314-092653").is_symlink()


def stale(name: str, digits: str = "0123456789abcdef") -> str:
    """The name a save of ``name`` gives its temporary file (``temp_name``), with chosen digits."""
    return f"{name}.ml-career-planner-save-{digits}.tmp"


def test_only_the_apps_own_temporary_names_are_cleaned(data_dir: Path) -> None:
    ours = [stale("profile.json"), stale("settings.ini", "ffffffffffffffff"), stale("profile.json", "0" * 16)]
    kept = ["profile.json.backup", "profile.json.abcdef", "profile.json.Ab12C", "profile.json.Ab12Cde", "x.ABCDEF"]
    kept += ["profile.json.ab12cd", "profile.json.ABCDEF", "settings.ini.123456", "profile.json.aBcDeF"]  # Qt-like
    kept += [stale("notes.txt"), stale("profile.json", "0123456789ABCDEF"), stale("profile.json", "0" * 15)]
    kept += [stale("profile.json")[:-4], stale("profile.json") + ".1", "." + stale("profile.json")]
    kept += [f"notes-{n}.txt" for n in range(20)]  # many other files in the folder: every one is looked at
    for name in ours + kept:
        (data_dir / name).write_bytes(b"{")
    removed = clean_stale_temp_files(data_dir, NAMES)
    assert sorted(p.name for p in removed) == sorted(ours)
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(kept)


def test_the_writers_temporary_name_is_the_one_the_start_cleans(data_dir: Path) -> None:
    names = {temp_name("profile.json") for _ in range(20)}
    assert len(names) == 20  # a new one each time
    for name in names:
        (data_dir / name).write_bytes(b"{")
    assert sorted(p.name for p in clean_stale_temp_files(data_dir, NAMES)) == sorted(names)
    assert list(data_dir.iterdir()) == []


def test_a_link_or_folder_with_a_temporary_name_is_left_alone(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "someone-elses.json"
    target.write_text("keep", encoding="utf-8")
    (data_dir / stale("profile.json")).symlink_to(target)
    (data_dir / stale("profile.json", "f" * 16)).mkdir()
    ours = [stale("settings.ini", f"{n:016x}") for n in range(10)]
    for name in ours:
        (data_dir / name).write_bytes(b"")
    removed = clean_stale_temp_files(data_dir, NAMES)
    assert sorted(p.name for p in removed) == sorted(ours)
    assert (data_dir / stale("profile.json")).is_symlink()
    assert (data_dir / stale("profile.json", "f" * 16)).is_dir()
    assert target.read_text(encoding="utf-8") == "keep"


def test_a_folder_that_cannot_be_listed_cleans_nothing(tmp_path: Path) -> None:
    assert clean_stale_temp_files(tmp_path / "missing", NAMES) == []


def test_a_temporary_file_that_cannot_be_removed_is_not_reported_removed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (stale("profile.json"), stale("settings.ini")):
        (data_dir / name).write_bytes(b"")
    real_unlink = os.unlink

    def refuse_one(path: str) -> None:
        if "profile.json" in path:
            raise PermissionError(13, "Permission denied")
        real_unlink(path)

    monkeypatch.setattr(os, "unlink", refuse_one)
    removed = clean_stale_temp_files(data_dir, NAMES)
    assert [p.name for p in removed] == [stale("settings.ini")]
    assert (data_dir / stale("profile.json")).exists()


def test_a_save_replaces_the_file_keeps_its_permissions_and_leaves_no_temporary_file(data_dir: Path) -> None:
    target = data_dir / "profile.json"
    target.write_bytes(b"old and longer")
    target.chmod(0o600)
    replace_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]


def test_a_failed_save_leaves_the_old_file_and_no_temporary_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = data_dir / "profile.json"
    target.write_bytes(b"old")
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data)[:2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError, match=r"cannot save profile\.json: No space left") as raised:
        replace_file(target, b"new bytes")
    assert raised.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]


def test_a_folder_that_is_gone_is_not_made_again_by_a_save(tmp_path: Path) -> None:
    with pytest.raises(OSError, match=r"cannot write profile\.json"):
        replace_file(tmp_path / "gone" / "profile.json", b"new")
    assert not (tmp_path / "gone").exists()


def test_a_large_file_is_read_only_up_to_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(bytes(range(256)) * 12_000)  # about 3 MB: read in several pieces
    limit = 1_500_000
    data = read_regular(path, limit)
    assert len(data) == limit + 1
    assert data == path.read_bytes()[: limit + 1]
    assert read_regular(path, 10**9) == path.read_bytes()


def test_a_folder_is_refused_as_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "salary-data.json"
    folder.mkdir()
    with pytest.raises(IsADirectoryError) as err:
        read_regular(folder, 100)
    assert (err.value.errno, err.value.strerror, err.value.filename) == (
        errno.EISDIR,
        "it is a folder, not a file",
        str(folder),
    )


def test_a_named_pipe_without_a_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "profile.json"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: outcome.append(_refusal(fifo)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # stuck opening the pipe: free it before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=10)
        pytest.fail("reading a named pipe waited for a writer")
    assert isinstance(outcome[0], NotRegularFileError)
    assert str(outcome[0]) == "profile.json is a named pipe (FIFO), not a regular file"


def _refusal(path: Path) -> BaseException:
    try:
        read_regular(path, 100)
    except BaseException as exc:  # the test looks at what was raised
        return exc
    raise AssertionError("a named pipe was read")
