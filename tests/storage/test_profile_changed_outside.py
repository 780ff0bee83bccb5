"""profile.json changed outside this window (by hand, another program, another copy): never saved over unseen.

Before every save the file is compared with what this window last read or wrote; someone else's version is kept
beside it as ``profile.json.changed-outside-<timestamp>``, and with nothing unsaved ``reload_if_changed`` shows it."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from pathlib import Path

import pytest

from planner.domain.profile import Profile
from planner.storage import profile_store
from planner.storage.profile_store import (
    FolderLostError,
    LoadStatus,
    ProfileReadOnlyError,
    ProfileStore,
    encode_profile,
)

NOW = dt.datetime(2025, 3, 14, 9, 26, 53)
KEPT = "profile.json.changed-outside-20250314-092653"


def store_at(folder: Path, **kwargs: object) -> ProfileStore:
    return ProfileStore(folder, now=lambda: NOW, **kwargs)  # type: ignore[arg-type]


def loaded(folder: Path, years: float = 1) -> ProfileStore:
    """A store that read a profile saved earlier with ``years`` of experience."""
    (folder / "profile.json").write_bytes(encode_profile(Profile(years_of_experience=years)))
    store = store_at(folder)
    assert store.load().status is LoadStatus.LOADED
    return store


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_an_unchanged_file_is_saved_over_without_a_word(data_dir: Path) -> None:
    store = loaded(data_dir)
    assert store.changed_outside() is None
    assert store.save(Profile(years_of_experience=2)) is None
    assert store.save(Profile(years_of_experience=3)) is None  # its own save is what it last wrote
    assert names(data_dir) == ["profile.json"]
    assert store_at(data_dir).load().profile.years_of_experience == 3


def test_a_first_save_in_an_empty_folder_keeps_nothing_aside(data_dir: Path) -> None:
    store = store_at(data_dir)
    assert store.load().status is LoadStatus.NEW
    assert store.changed_outside() is None
    assert store.save(Profile(years_of_experience=2)) is None
    assert names(data_dir) == ["profile.json"]


def test_someone_elses_version_is_kept_beside_this_windows(data_dir: Path) -> None:
    store = loaded(data_dir)
    theirs = encode_profile(Profile(years_of_experience=9))
    (data_dir / "profile.json").write_bytes(theirs)
    assert store.changed_outside() == theirs
    note = store.save(Profile(years_of_experience=2))
    assert note is not None
    assert KEPT in note
    assert str(data_dir) in note
    assert names(data_dir) == sorted(["profile.json", KEPT])
    assert (data_dir / KEPT).read_bytes() == theirs
    assert store_at(data_dir).load().profile.years_of_experience == 2
    assert store.changed_outside() is None
    assert store.save(Profile(years_of_experience=4)) is None  # theirs is kept once, not at every save
    assert names(data_dir) == sorted(["profile.json", KEPT])


def test_a_file_that_became_unreadable_is_kept_too(data_dir: Path) -> None:
    store = loaded(data_dir)
    (data_dir / "profile.json").write_bytes(b"{half a hand edit")
    assert store.save(Profile(years_of_experience=2)) is not None
    assert (data_dir / KEPT).read_bytes() == b"{half a hand edit"


def test_a_deleted_file_is_written_again_with_nothing_kept(data_dir: Path) -> None:
    store = loaded(data_dir)
    (data_dir / "profile.json").unlink()
    assert store.changed_outside() is None
    assert store.save(Profile(years_of_experience=2)) is None
    assert names(data_dir) == ["profile.json"]


def test_changes_kept_in_the_same_second_get_numbered_names(data_dir: Path) -> None:
    store = loaded(data_dir)
    for years in (7, 8):
        (data_dir / "profile.json").write_bytes(encode_profile(Profile(years_of_experience=years)))
        assert store.save(Profile(years_of_experience=2)) is not None
    assert names(data_dir) == sorted(["profile.json", KEPT, KEPT + "-2"])
    assert Profile.model_validate_json((data_dir / KEPT).read_bytes()).years_of_experience == 7
    assert Profile.model_validate_json((data_dir / (KEPT + "-2")).read_bytes()).years_of_experience == 8


def test_a_name_taken_between_the_look_and_the_link_is_skipped(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = loaded(data_dir)
    (data_dir / "profile.json").write_bytes(b"theirs")
    real_link = os.link

    def racing(src: object, dst: object) -> None:
        if Path(str(dst)).name == KEPT:  # another program takes the name first
            Path(str(dst)).write_bytes(b"someone else's file")
            raise FileExistsError(errno.EEXIST, "File exists")
        real_link(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "link", racing)
    assert KEPT + "-2" in (store.save(Profile(years_of_experience=2)) or "")
    assert (data_dir / KEPT).read_bytes() == b"someone else's file"
    assert (data_dir / (KEPT + "-2")).read_bytes() == b"theirs"


def test_without_hard_links_their_version_is_copied(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = loaded(data_dir)
    (data_dir / "profile.json").write_bytes(b"theirs")

    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    assert store.save(Profile(years_of_experience=2)) is not None
    assert (data_dir / KEPT).read_bytes() == b"theirs"
    assert store_at(data_dir).load().profile.years_of_experience == 2


def test_with_no_free_name_nothing_is_saved_over_theirs(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = loaded(data_dir)
    (data_dir / "profile.json").write_bytes(b"theirs")

    def always_taken(src: object, dst: object) -> None:
        raise FileExistsError(errno.EEXIST, "File exists")

    monkeypatch.setattr(os, "link", always_taken)
    with pytest.raises(OSError, match="no free name") as raised:
        store.save(Profile(years_of_experience=2))
    assert str(raised.value) == "no free name to keep the file under"
    assert (data_dir / "profile.json").read_bytes() == b"theirs"


def test_an_unchanged_file_is_not_reloaded(data_dir: Path) -> None:
    store = loaded(data_dir)
    assert store.reload_if_changed() is None


def test_their_version_is_shown_when_nothing_is_unsaved(data_dir: Path) -> None:
    store = loaded(data_dir)
    (data_dir / "profile.json").write_bytes(encode_profile(Profile(years_of_experience=9)))
    reloaded = store.reload_if_changed()
    assert reloaded is not None
    profile, sentence = reloaded
    assert profile.years_of_experience == 9
    assert "profile.json" in sentence
    assert store.reload_if_changed() is None  # now what this window last read
    assert store.save(Profile(years_of_experience=10)) is None  # and saved over without keeping a copy
    assert names(data_dir) == ["profile.json"]


@pytest.mark.parametrize(
    "theirs",
    [
        b"{not json",
        json.dumps({"schema_version": 1, "ticked": ["entry.python"]}).encode(),  # older: wants a backup first
        json.dumps({"schema_version": 999}).encode(),  # newer
    ],
)
def test_a_version_this_window_cannot_show_is_left_for_a_save_to_keep(data_dir: Path, theirs: bytes) -> None:
    store = loaded(data_dir)
    (data_dir / "profile.json").write_bytes(theirs)
    assert store.reload_if_changed() is None
    assert (data_dir / "profile.json").read_bytes() == theirs
    assert store.save(Profile(years_of_experience=2)) is not None
    assert (data_dir / KEPT).read_bytes() == theirs


def test_a_read_only_run_neither_reloads_nor_saves(data_dir: Path) -> None:
    (data_dir / "profile.json").write_bytes(json.dumps({"schema_version": 999}).encode())
    store = store_at(data_dir)
    assert store.load().read_only
    (data_dir / "profile.json").write_bytes(encode_profile(Profile(years_of_experience=9)))
    assert store.reload_if_changed() is None
    with pytest.raises(ProfileReadOnlyError):
        store.save(Profile(years_of_experience=2))
    assert names(data_dir) == ["profile.json"]


def test_a_folder_no_longer_ours_stops_saving_and_keeps_nothing(data_dir: Path) -> None:
    (data_dir / "profile.json").write_bytes(encode_profile(Profile(years_of_experience=1)))
    store = store_at(data_dir, guard=lambda: "another copy took the folder")
    store.load()
    (data_dir / "profile.json").write_bytes(b"theirs")
    with pytest.raises(FolderLostError, match="another copy took the folder"):
        store.save(Profile(years_of_experience=2))
    assert store.read_only_reason == "another copy took the folder"
    assert names(data_dir) == ["profile.json"]
    assert (data_dir / "profile.json").read_bytes() == b"theirs"
    with pytest.raises(ProfileReadOnlyError):
        store.save(Profile(years_of_experience=2))


def test_an_older_profile_is_migrated_without_being_taken_for_an_outside_change(data_dir: Path) -> None:
    (data_dir / "profile.json").write_text(
        json.dumps({"schema_version": 1, "ticked": ["entry.python"]}), encoding="utf-8"
    )
    result = store_at(data_dir).load()
    assert result.status is LoadStatus.MIGRATED
    assert result.backup == data_dir / "profile.json.v1-backup"
    assert names(data_dir) == ["profile.json", "profile.json.v1-backup"]
    assert store_at(data_dir).load().status is LoadStatus.LOADED


def test_a_profile_as_large_as_the_size_rule_allows_is_saved_and_one_byte_more_is_not(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = Profile(years_of_experience=2)
    size = len(encode_profile(profile))
    monkeypatch.setattr(profile_store, "MAX_PROFILE_BYTES", size)
    store = store_at(data_dir)
    assert store.save(profile) is None
    assert store_at(data_dir).load().profile == profile
    monkeypatch.setattr(profile_store, "MAX_PROFILE_BYTES", size - 1)
    with pytest.raises(profile_store.UnsavableProfileError, match="could not be read back"):
        store.save(profile)
    assert store_at(data_dir).load().status is LoadStatus.QUARANTINED


@pytest.mark.parametrize(("extra", "kept"), [(0, True), (1, False)])
def test_without_hard_links_a_copy_is_kept_only_up_to_four_times_the_size_rule(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, extra: int, kept: bool
) -> None:
    store = loaded(data_dir)
    monkeypatch.setattr(profile_store, "MAX_PROFILE_BYTES", 1000)
    theirs = b"x" * (4000 + extra)
    (data_dir / "profile.json").write_bytes(theirs)

    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    if kept:
        assert store.save(Profile(years_of_experience=2)) is not None
        assert (data_dir / KEPT).read_bytes() == theirs
    else:
        with pytest.raises(OSError, match="too large to keep a copy of"):
            store.save(Profile(years_of_experience=2))
        assert names(data_dir) == ["profile.json"]
        assert (data_dir / "profile.json").read_bytes() == theirs


def test_without_hard_links_a_name_taken_during_a_move_aside_is_skipped(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_dir / "profile.json").write_bytes(b"{not a profile")
    first = data_dir / "profile.json.corrupt-20250314-092653"

    def no_links(src: object, dst: object) -> None:
        if Path(str(dst)) == first:  # another program takes the name between the look and the move
            first.write_bytes(b"another program's file")
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    result = store_at(data_dir).load()
    assert result.status is LoadStatus.QUARANTINED
    assert result.moved_to == data_dir / "profile.json.corrupt-20250314-092653-2"
    assert result.moved_to.read_bytes() == b"{not a profile"
    assert first.read_bytes() == b"another program's file"
    assert not (data_dir / "profile.json").exists()
