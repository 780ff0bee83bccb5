"""What the banner says about a profile the app cannot use, word for word where the user reads it, and the copies
kept beside profile.json."""

from __future__ import annotations

import datetime as dt
import errno
import json
from pathlib import Path
from typing import Any

import pytest

from planner import APP_NAME
from planner.domain.profile import PROFILE_SCHEMA_VERSION, Profile
from planner.storage import profile_store
from planner.storage.profile_store import (
    FolderLostError,
    LoadStatus,
    ProfileFormatError,
    ProfileStore,
    decode_profile,
    encode_profile,
)

NOW = dt.datetime(2025, 3, 14, 9, 26, 53)
DAY = dt.date(2025, 1, 1)


def reason(data: Any) -> str:
    with pytest.raises(ProfileFormatError) as err:
        decode_profile(json.dumps(data).encode(), DAY)
    return str(err.value)


def current(**fields: Any) -> dict[str, Any]:
    return {"schema_version": PROFILE_SCHEMA_VERSION, **fields}


def test_a_wrong_field_is_named_by_its_path_without_pydantics_prefix() -> None:
    assert reason(current(years_of_experience=-3)) == (
        "it does not fit the profile format: years_of_experience: Input should be greater than or equal to 0"
    )
    text = reason(current(skills={"entry.python": {"ticked_on": "someday"}}))
    assert text.startswith("it does not fit the profile format: skills.entry.python.ticked_on: ")


def test_at_most_three_problems_are_spelled_out_and_the_rest_counted() -> None:
    three = reason(current(years_of_experience=-1, current_salary=-1, industry=5))
    assert three.count("; ") == 2
    assert "more)" not in three
    five = reason(current(years_of_experience=-1, current_salary=-1, industry=5, employer=6, current_level=7))
    assert five.count("; ") == 2
    assert five.endswith(" (and 2 more)")
    assert "years_of_experience: " in five


def test_problems_read_as_plain_sentences() -> None:
    assert reason(current(unexpected_field=1)) == (
        "it does not fit the profile format: unexpected_field: Extra inputs are not permitted"
    )
    with pytest.raises(ProfileFormatError) as err:
        decode_profile(b'{"schema_version": %d, "years_of_experience": Infinity}' % PROFILE_SCHEMA_VERSION, DAY)
    assert str(err.value) == (
        "it does not fit the profile format: years_of_experience: Input should be a finite number"
    )


@pytest.mark.parametrize(
    ("version", "shown"),
    [(7, "profile format 7"), (7.0, "profile format 7"), (6.5, "profile format 6.5")],
)
def test_a_newer_profile_names_its_format_as_written(data_dir: Path, version: object, shown: str) -> None:
    (data_dir / "profile.json").write_text(json.dumps({"schema_version": version}), encoding="utf-8")
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.NEWER_VERSION
    assert result.message is not None
    assert result.message.startswith(f"Your profile was saved by a newer version of {APP_NAME} ({shown}; ")
    assert f"this version reads formats up to {PROFILE_SCHEMA_VERSION})" in result.message


def test_a_newer_profile_whose_version_field_is_written_oddly_says_unknown(data_dir: Path) -> None:
    (data_dir / "profile.json").write_bytes(b'{"schema\\u005fversion": 9}')  # JSON for "schema_version"
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.NEWER_VERSION
    assert result.message is not None
    assert "(profile format unknown; " in result.message


def test_a_huge_file_with_a_newer_version_is_left_and_one_with_an_older_version_moved_aside(data_dir: Path) -> None:
    padding = " " * (profile_store.MAX_PROFILE_BYTES + 10)
    path = data_dir / "profile.json"
    path.write_text('{"schema_version": 9,' + padding + "}", encoding="utf-8")
    assert ProfileStore(data_dir).load().status is LoadStatus.NEWER_VERSION
    path.write_text('{"schema_version": 2,' + padding + "}", encoding="utf-8")
    result = ProfileStore(data_dir, now=lambda: NOW).load()
    assert result.status is LoadStatus.QUARANTINED
    assert result.message is not None
    assert "(it is larger than 8 MB, more than any profile can be)" in result.message


def test_the_saved_file_is_indented_by_two_spaces() -> None:
    text = encode_profile(Profile(years_of_experience=2)).decode()
    assert text.startswith('{\n  "schema_version": ')
    assert text.endswith("}\n")


def test_a_copy_kept_before_an_import_gets_a_new_name_each_time(data_dir: Path) -> None:
    store = ProfileStore(data_dir, now=lambda: NOW)
    first = store.keep_copy(Profile(years_of_experience=1), "before-import")
    second = store.keep_copy(Profile(years_of_experience=2), "before-import")
    assert first.name == "profile.json.before-import-20250314-092653"
    assert second.name == "profile.json.before-import-20250314-092653-2"
    assert decode_profile(first.read_bytes(), DAY)[0].years_of_experience == 1
    assert decode_profile(second.read_bytes(), DAY)[0].years_of_experience == 2


def test_no_copy_is_kept_in_a_folder_that_is_no_longer_ours(data_dir: Path) -> None:
    store = ProfileStore(data_dir, now=lambda: NOW, guard=lambda: "another copy took the folder")
    with pytest.raises(FolderLostError, match="another copy took the folder"):
        store.keep_copy(Profile(), "before-import")
    assert list(data_dir.iterdir()) == []
    assert store.read_only_reason == "another copy took the folder"


def test_a_name_taken_by_another_program_at_the_last_moment_is_skipped(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_dir / "profile.json").write_bytes(b"junk")
    real_link = profile_store.os.link
    tries: list[str] = []

    def raced(src: Any, dst: Any) -> None:
        tries.append(Path(dst).name)
        if len(tries) == 1:
            Path(dst).write_bytes(b"another program's file")
            raise FileExistsError(errno.EEXIST, "File exists")
        real_link(src, dst)

    monkeypatch.setattr(profile_store.os, "link", raced)
    result = ProfileStore(data_dir, now=lambda: NOW).load()
    assert result.status is LoadStatus.QUARANTINED
    assert result.moved_to is not None
    assert result.moved_to.name == "profile.json.corrupt-20250314-092653-2"
    assert result.moved_to.read_bytes() == b"junk"
    assert (data_dir / "profile.json.corrupt-20250314-092653").read_bytes() == b"another program's file"


def test_when_every_name_is_taken_the_file_is_left_and_nothing_is_saved(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_dir / "profile.json").write_bytes(b"junk")

    def always_taken(*_args: Any) -> None:
        raise FileExistsError(errno.EEXIST, "File exists")

    monkeypatch.setattr(profile_store.os, "link", always_taken)
    result = ProfileStore(data_dir, now=lambda: NOW).load()
    assert result.status is LoadStatus.UNREADABLE
    assert result.message is not None
    assert "could not be moved aside (no free name to move the file to)" in result.message
    assert (data_dir / "profile.json").read_bytes() == b"junk"


def test_an_old_profile_whose_moved_skill_is_ticked_twice_in_a_broken_way_is_refused_not_a_crash() -> None:
    raw = {
        "schema_version": 3,
        "skills": {"entry.deployment": "yes", "general.deployment": {"ticked_on": "2024-01-02"}},
        "pay_history": {},
    }
    with pytest.raises(ProfileFormatError, match=r"^it is an older format \(version 3\) with errors"):
        decode_profile(json.dumps(raw).encode(), DAY)


def test_an_old_profile_without_skills_migrates_to_no_ticks(data_dir: Path) -> None:
    (data_dir / "profile.json").write_text(
        json.dumps({"schema_version": 3, "years_of_experience": 4, "pay_history": {}}), encoding="utf-8"
    )
    result = ProfileStore(data_dir, now=lambda: NOW).load()
    assert result.status is LoadStatus.MIGRATED
    assert result.profile.skills == {}
    assert result.profile.years_of_experience == 4


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (b'{"a": "\xff\xfe"}', "it is not text"),
        (b'{"schema_version": 4,', "it is not valid JSON: expecting property name enclosed in double quotes, line 1"),
        (b"{\n\n  oops", "it is not valid JSON: expecting property name enclosed in double quotes, line 3"),
        (b'{\n"schema_version": 6,\n"industry": "fin', "it is not valid JSON: unterminated string starting at line 3"),
        (b'{"n": ' + b"9" * 5000 + b"}", "it is not valid JSON"),
        (b"[1, 2]", "it does not contain a profile"),
        (b'{"skills": {}}', "it has no valid format version (schema_version)"),
        (b'{"schema_version": 0}', "it has no valid format version (schema_version)"),
    ],
    ids=[
        "empty",
        "blank",
        "not text",
        "cut off",
        "line 3",
        "cut in a text",
        "huge number",
        "a list",
        "no version",
        "version 0",
    ],
)
def test_a_file_that_is_no_profile_is_explained_in_words(content: bytes, words: str) -> None:
    with pytest.raises(ProfileFormatError) as err:
        decode_profile(content, DAY)
    assert str(err.value) == words


def test_a_file_over_the_size_limit_says_so(data_dir: Path) -> None:
    with pytest.raises(ProfileFormatError) as err:
        decode_profile(b"{" + b" " * profile_store.MAX_PROFILE_BYTES + b"}", DAY)
    assert str(err.value) == "it is larger than 8 MB, more than any profile can be"
    with pytest.raises(ProfileFormatError) as newer:
        decode_profile(b'{"schema_version": 9' + b" " * profile_store.MAX_PROFILE_BYTES + b"}", DAY)
    assert str(newer.value) == f"it was saved by a newer version of {APP_NAME}"
