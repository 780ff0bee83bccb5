"""When the disk refuses part of what load() needs: the file is never lost, the user is told, and nothing is saved
over a file that could not be handled."""

from __future__ import annotations

import datetime as dt
import errno
import json
from pathlib import Path
from typing import Any

import pytest

from planner.domain.profile import PROFILE_SCHEMA_VERSION, Profile
from planner.storage import profile_store
from planner.storage.profile_store import LoadStatus, ProfileReadOnlyError, ProfileStore

NOW = dt.datetime(2025, 3, 14, 9, 26, 53)
CORRUPT = b'{"schema_version": 4, "skills": [broken'
OLD = json.dumps({"schema_version": 1, "ticked": ["entry.python"], "years": 3.0, "salary": 95000}).encode()


def store_at(folder: Path, read_only: str | None = None) -> ProfileStore:
    return ProfileStore(folder, now=lambda: NOW, read_only=read_only)


def with_file(folder: Path, content: bytes) -> Path:
    path = folder / "profile.json"
    path.write_bytes(content)
    return path


def refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise PermissionError(errno.EACCES, "Permission denied")


def test_a_corrupt_file_that_cannot_be_moved_aside_is_left_and_nothing_is_saved(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = with_file(data_dir, CORRUPT)
    monkeypatch.setattr(profile_store.os, "link", refuse)
    monkeypatch.setattr(profile_store.os, "rename", refuse)
    store = store_at(data_dir)
    result = store.load()
    assert result.status is LoadStatus.UNREADABLE
    assert result.read_only
    assert result.profile == Profile()
    assert result.message is not None
    assert "could not be moved aside (Permission denied)" in result.message
    assert str(data_dir) in result.message
    assert "will not be saved" in result.message
    with pytest.raises(ProfileReadOnlyError, match="could not be moved aside"):
        store.save(Profile(years_of_experience=2))
    assert path.read_bytes() == CORRUPT
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]


def test_without_hard_links_a_corrupt_file_is_renamed_aside_whole(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_file(data_dir, CORRUPT)
    monkeypatch.setattr(profile_store.os, "link", lambda *_a: refuse())  # e.g. FAT or some network shares
    store = store_at(data_dir)
    result = store.load()
    assert result.status is LoadStatus.QUARANTINED
    assert result.moved_to == data_dir / "profile.json.corrupt-20250314-092653"
    assert result.moved_to.read_bytes() == CORRUPT
    assert not (data_dir / "profile.json").exists()
    assert result.message is not None
    assert "moved aside as profile.json.corrupt-20250314-092653" in result.message
    store.save(Profile(years_of_experience=2))  # the fresh profile saves normally
    assert store.load().profile.years_of_experience == 2


def test_without_hard_links_an_existing_corrupt_copy_is_never_replaced(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = data_dir / "profile.json.corrupt-20250314-092653"
    earlier.write_bytes(b"an earlier corrupt file")
    with_file(data_dir, CORRUPT)
    monkeypatch.setattr(profile_store.os, "link", lambda *_a: refuse())
    result = store_at(data_dir).load()
    assert earlier.read_bytes() == b"an earlier corrupt file"
    assert result.moved_to == data_dir / "profile.json.corrupt-20250314-092653-2"
    assert result.moved_to.read_bytes() == CORRUPT


def test_in_a_folder_that_cannot_be_written_a_corrupt_file_is_only_reported(data_dir: Path) -> None:
    path = with_file(data_dir, CORRUPT)
    store = store_at(data_dir, read_only="the disk is read-only")
    result = store.load()
    assert result.status is LoadStatus.UNREADABLE
    assert result.message is not None
    assert result.message.startswith("Your profile could not be read (")
    assert f"It was left as it is in {data_dir}." in result.message
    assert store.read_only_reason == "the disk is read-only"
    assert path.read_bytes() == CORRUPT
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]


def test_an_old_file_whose_backup_cannot_be_written_is_shown_but_left_untouched(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = with_file(data_dir, OLD)

    def disk_full(*_args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(profile_store, "write_in_folder", disk_full)
    store = store_at(data_dir)
    result = store.load()
    assert result.status is LoadStatus.UNREADABLE
    assert result.read_only
    assert "entry.python" in result.profile.skills  # the user still sees their progress
    assert result.profile.current_salary == 95000
    assert result.message is not None
    assert "older format (version 1) and no backup copy of it could be written" in result.message
    assert "No space left on device" in result.message
    assert store.read_only_reason == "no backup copy of the older profile could be written"
    assert path.read_bytes() == OLD
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]


def test_in_a_folder_that_cannot_be_written_an_old_file_is_read_but_not_converted(data_dir: Path) -> None:
    path = with_file(data_dir, OLD)
    store = store_at(data_dir, read_only="the disk is full")
    result = store.load()
    assert result.status is LoadStatus.MIGRATED
    assert result.profile.current_salary == 95000
    assert result.backup is None
    assert store.read_only_reason == "the disk is full"
    assert path.read_bytes() == OLD
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]


def test_an_old_file_converted_but_not_yet_saved_says_it_will_be_saved_later(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = with_file(data_dir, OLD)
    store = store_at(data_dir)

    def save_fails(profile: Profile) -> None:
        raise OSError("cannot save profile.json: the disk may be full")

    monkeypatch.setattr(store, "save", save_fails)
    result = store.load()
    assert result.status is LoadStatus.MIGRATED
    assert result.backup == data_dir / "profile.json.v1-backup"
    assert result.backup.read_bytes() == OLD
    assert result.message is not None
    assert f"from format 1 to format {PROFILE_SCHEMA_VERSION}; the old file was kept as profile.json.v1-backup" in (
        result.message
    )
    assert "could not be saved yet (cannot save profile.json: the disk may be full)" in result.message
    assert path.read_bytes() == OLD
    assert not result.read_only


def test_a_file_that_cannot_be_opened_is_named_with_the_systems_reason(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = with_file(data_dir, CORRUPT)
    monkeypatch.setattr(profile_store, "read_regular", refuse)
    store = store_at(data_dir)
    result = store.load()
    assert result.status is LoadStatus.UNREADABLE
    assert result.message == (
        f"Your profile {path} could not be opened (Permission denied). "
        "It was left as it is, and changes you make now will not be saved."
    )
    assert store.read_only_reason == "the profile file could not be opened"
    assert path.read_bytes() == CORRUPT
