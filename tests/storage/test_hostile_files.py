"""Attacks on the data folder (issue 12): broken locks, lost folders, special files, links, newer profiles."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from planner.domain.profile import PROFILE_SCHEMA_VERSION, Profile
from planner.storage.data_pack import DataPackStore, read_dataset_file
from planner.storage.dataset_file import DatasetError, load_dataset
from planner.storage.exports import ExportError, read_profile_import
from planner.storage.instance_lock import DataDirLock
from planner.storage.profile_store import FolderLostError, LoadStatus, ProfileStore
from planner.storage.safe_files import clean_stale_temp_files, temp_name, write_in_folder
from planner.storage.settings import AppSettings

T = TypeVar("T")


def finishes(call: Callable[[], T], seconds: float = 10) -> T:
    """``call()``'s result; fails (instead of hanging the suite) if it blocks, as reading a FIFO would."""
    out: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            out.append(call())
        except BaseException as exc:  # handed to the test below
            errors.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "blocked: the app would hang here"
    if errors:
        raise errors[0]
    return out[0]


# --- 2. a lock file a power cut left empty or garbled ---------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\x00\x00\x00\x00", b"garbage\n\xff\xfe not a lock", b"0\n\n\n"])
def test_an_empty_or_garbled_lock_file_does_not_lock_the_user_out(data_dir: Path, content: bytes) -> None:
    (data_dir / "profile.lock").write_bytes(content)
    lock = DataDirLock(data_dir)
    assert lock.try_lock()
    assert lock.took_over_unreadable
    assert lock.lost_reason() is None
    lock.unlock()
    assert not (data_dir / "profile.lock").exists()


def test_a_folder_where_the_lock_belongs_gets_an_accurate_message(data_dir: Path) -> None:
    (data_dir / "profile.lock").mkdir()
    lock = DataDirLock(data_dir)
    assert not lock.try_lock()
    message = lock.refusal_message()
    assert "a folder named profile.lock" in message
    assert "already open" not in message
    assert (data_dir / "profile.lock").is_dir()


# --- 3. the lock or the folder disappears while the app runs ---------------------------------------------------


def test_a_lock_taken_over_by_a_second_copy_stops_the_first_from_saving(data_dir: Path) -> None:
    first = DataDirLock(data_dir)
    assert first.try_lock()
    first_store = ProfileStore(data_dir, guard=first.lost_reason)
    first_store.save(Profile(years_of_experience=1))

    (data_dir / "profile.lock").unlink()  # a cleaner removed it...
    second = DataDirLock(data_dir)
    assert second.try_lock()  # ...and a second copy started
    second_store = ProfileStore(data_dir, guard=second.lost_reason)
    second_store.save(Profile(years_of_experience=7))

    with pytest.raises(FolderLostError, match="removed or taken over"):
        first_store.save(Profile(years_of_experience=1))
    assert json.loads((data_dir / "profile.json").read_bytes())["years_of_experience"] == 7
    assert first_store.read_only_reason is not None  # and it stays stopped
    first.unlock()  # must not remove the second copy's lock
    assert second.lost_reason() is None
    second.unlock()


def test_a_lock_file_deleted_with_no_other_copy_is_taken_again(data_dir: Path) -> None:
    lock = DataDirLock(data_dir)
    assert lock.try_lock()
    (data_dir / "profile.lock").unlink()
    store = ProfileStore(data_dir, guard=lock.lost_reason)
    store.save(Profile(years_of_experience=3))
    assert (data_dir / "profile.lock").is_file()
    assert DataDirLock(data_dir).try_lock() is False  # ours again: a second copy is refused
    lock.unlock()


def test_a_data_folder_replaced_while_running_stops_saving(data_dir: Path, tmp_path: Path) -> None:
    lock = DataDirLock(data_dir)
    assert lock.try_lock()
    store = ProfileStore(data_dir, guard=lock.lost_reason)
    shutil.move(data_dir, tmp_path / "moved-away")
    data_dir.mkdir()  # a new, empty folder of the same name
    with pytest.raises(FolderLostError, match="removed or replaced"):
        store.save(Profile(years_of_experience=2))
    assert list(data_dir.iterdir()) == []


# --- 4. a FIFO or other special file where a file should be ---------------------------------------------------


def test_a_fifo_in_place_of_the_profile_is_moved_aside_without_being_opened(data_dir: Path) -> None:
    os.mkfifo(data_dir / "profile.json")
    result = finishes(ProfileStore(data_dir).load)
    assert result.status is LoadStatus.QUARANTINED
    assert result.message is not None
    assert "named pipe" in result.message
    assert result.moved_to is not None
    assert result.moved_to.is_fifo()
    assert not (data_dir / "profile.json").exists()


def test_a_fifo_in_place_of_the_salary_data_is_reported_and_left(data_dir: Path, dataset: Any) -> None:
    os.mkfifo(data_dir / "salary-data.json")
    active = finishes(lambda: DataPackStore(data_dir).load(dataset))
    assert active.origin == "built-in"
    assert active.message is not None
    assert "named pipe" in active.message


def test_a_fifo_in_place_of_settings_is_moved_aside(qapp: Any, data_dir: Path) -> None:
    os.mkfifo(data_dir / "settings.ini")
    settings = finishes(lambda: AppSettings(data_dir))
    assert settings.moved_aside is not None
    assert settings.moved_aside.is_fifo()
    assert settings.theme == "system"


def test_importing_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "profile-export.json"
    os.mkfifo(pipe)
    with pytest.raises(ExportError, match="named pipe"):
        finishes(lambda: read_profile_import(pipe))
    with pytest.raises(DatasetError, match="named pipe"):
        finishes(lambda: read_dataset_file(pipe))
    with pytest.raises(DatasetError, match="named pipe"):
        finishes(lambda: load_dataset(pipe))


def test_a_device_is_not_read(tmp_path: Path) -> None:
    link = tmp_path / "salary.json"
    link.symlink_to("/dev/zero")  # endless: reading it "to the size limit" would still be wrong
    with pytest.raises(DatasetError, match="a device"):
        finishes(lambda: read_dataset_file(link))


# --- 5. links leading out of the data folder -------------------------------------------------------------------


def test_settings_linked_elsewhere_never_overwrite_the_target(qapp: Any, data_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "my-notes.txt"
    elsewhere.write_text("my own notes\n")
    (data_dir / "settings.ini").symlink_to(elsewhere)
    settings = AppSettings(data_dir)
    settings.set_theme("dark")
    assert elsewhere.read_text() == "my own notes\n"
    assert not (data_dir / "settings.ini").is_symlink()
    assert AppSettings(data_dir).theme == "dark"
    moved = [p for p in data_dir.iterdir() if p.name.startswith("settings.ini.link-")]
    assert len(moved) == 1
    assert moved[0].is_symlink()  # the link is kept (renamed), never deleted


def test_a_dangling_profile_link_does_not_create_a_file_at_its_target(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "somewhere" / "planted.json"
    target.parent.mkdir()
    (data_dir / "profile.json").symlink_to(target)
    ProfileStore(data_dir).save(Profile(years_of_experience=4))
    assert not target.exists()
    assert json.loads((data_dir / "profile.json").read_bytes())["years_of_experience"] == 4


def test_a_link_inside_the_data_folder_is_followed(data_dir: Path) -> None:
    (data_dir / "real.json").write_bytes(b"{}")
    (data_dir / "salary-data.json").symlink_to(data_dir / "real.json")
    write_in_folder(data_dir / "salary-data.json", b'{"new": 1}')
    assert (data_dir / "salary-data.json").is_symlink()
    assert (data_dir / "real.json").read_bytes() == b'{"new": 1}'


# --- 8. smaller ones ---------------------------------------------------------------------------------------------


def test_a_large_profile_from_a_newer_version_is_left_untouched(data_dir: Path) -> None:
    newer = PROFILE_SCHEMA_VERSION + 1
    raw = json.dumps({"schema_version": newer, "future": "x" * (2 * 1024 * 1024)}).encode()
    (data_dir / "profile.json").write_bytes(raw)
    store = ProfileStore(data_dir)
    result = store.load()
    assert result.status is LoadStatus.NEWER_VERSION
    assert f"profile format {newer}" in (result.message or "")
    assert (data_dir / "profile.json").read_bytes() == raw
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]
    assert store.read_only_reason is not None


@pytest.mark.parametrize("version", [float(PROFILE_SCHEMA_VERSION + 1), 99.0, PROFILE_SCHEMA_VERSION + 0.5])
def test_a_newer_version_written_as_a_float_is_left_untouched(data_dir: Path, version: float) -> None:
    raw = json.dumps({"schema_version": version, "skills": {}}).encode()
    (data_dir / "profile.json").write_bytes(raw)
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.NEWER_VERSION
    assert (data_dir / "profile.json").read_bytes() == raw


def test_a_large_profile_of_this_version_is_still_moved_aside(data_dir: Path) -> None:
    raw = json.dumps({"schema_version": PROFILE_SCHEMA_VERSION, "junk": "x" * (2 * 1024 * 1024)}).encode()
    (data_dir / "profile.json").write_bytes(raw)
    assert ProfileStore(data_dir).load().status is LoadStatus.QUARANTINED


def test_temporary_files_of_an_interrupted_save_are_cleaned(data_dir: Path) -> None:
    stale = [data_dir / temp_name(name) for name in ("profile.json", "settings.ini", "salary-data.json")]
    kept = [
        data_dir / "profile.json.backup",  # a word someone chose
        data_dir / "profile.json.aB3xYz",  # Qt's kind of temporary name, but also a name a person may choose
        data_dir / "profile.json.v1-backup",
        data_dir / "profile.json.corrupt-20260101-120000",
        data_dir / "notes.txt.aB3xYz",
    ]
    for path in stale + kept:
        path.write_bytes(b"{")
    removed = clean_stale_temp_files(data_dir, ("profile.json", "salary-data.json", "settings.ini"))
    assert sorted(removed) == sorted(stale)
    assert all(p.exists() for p in kept)
    assert not any(p.exists() for p in stale)


@pytest.mark.parametrize(
    "raw",
    [b'{"schema_version": 1, "ticked": ["entry.python"]}', b"{not json", b""],
    ids=["older format", "not json", "empty"],
)
def test_an_unwritable_folder_has_nothing_moved_backed_up_or_migrated(data_dir: Path, raw: bytes) -> None:
    (data_dir / "profile.json").write_bytes(raw)
    store = ProfileStore(data_dir, read_only="the disk is full")
    result = store.load()
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]
    assert (data_dir / "profile.json").read_bytes() == raw
    assert store.read_only_reason == "the disk is full"
    if raw.startswith(b'{"schema_version": 1'):
        assert "entry.python" in result.profile.skills  # shown as read, though not saved in the new format
