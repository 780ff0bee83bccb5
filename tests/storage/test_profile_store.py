"""profile.json: saved whole, read back as it was, and never lost when it cannot be used."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from planner.domain.profile import PROFILE_SCHEMA_VERSION, Assumptions, Profile, TickedSkill
from planner.storage.profile_store import (
    MAX_PROFILE_BYTES,
    LoadStatus,
    ProfileReadOnlyError,
    ProfileStore,
    encode_profile,
)

NOW = dt.datetime(2025, 3, 14, 9, 26, 53)


def store_at(folder: Path) -> ProfileStore:
    return ProfileStore(folder, now=lambda: NOW)


def a_profile() -> Profile:
    return Profile(
        skills={
            "entry.python": TickedSkill(ticked_on=dt.date(2024, 1, 2)),
            "retired.fortran": TickedSkill(ticked_on=dt.date(2023, 6, 7)),  # an id no dataset knows
        },
        years_of_experience=3.5,
        current_salary=98_000,
        industry="finance",
        assumptions=Assumptions(inflation=0.02),
        pay_history={2019: 71_000, 2023: 96_500},
    )


def test_saved_profile_loads_back_equal_including_unknown_skill_ids(data_dir: Path) -> None:
    store = store_at(data_dir)
    store.save(a_profile())
    result = store_at(data_dir).load()
    assert result.status is LoadStatus.LOADED
    assert result.message is None
    assert result.profile == a_profile()
    assert "retired.fortran" in result.profile.skills


def test_pay_history_is_saved_by_year_and_read_back(data_dir: Path) -> None:
    store = store_at(data_dir)
    store.save(a_profile())
    on_disk = json.loads(store.path.read_text(encoding="utf-8"))
    assert on_disk["pay_history"] == {"2019": 71_000, "2023": 96_500}
    assert store.load().profile.pay_history == {2019: 71_000, 2023: 96_500}


def test_saved_file_is_readable_pretty_json(data_dir: Path) -> None:
    store_at(data_dir).save(a_profile())
    text = (data_dir / "profile.json").read_text(encoding="utf-8")
    assert text.count("\n") > 10  # one field per line, for a person reading or diffing it
    assert json.loads(text)["schema_version"] == PROFILE_SCHEMA_VERSION


def test_no_file_gives_a_fresh_profile_and_no_message(data_dir: Path) -> None:
    result = store_at(data_dir).load()
    assert result.status is LoadStatus.NEW
    assert result.profile == Profile()
    assert result.message is None
    assert not result.read_only


def test_saving_into_a_missing_folder_raises_oserror_and_writes_nothing(tmp_path: Path) -> None:
    store = store_at(tmp_path / "missing")
    with pytest.raises(OSError, match=r"profile\.json"):
        store.save(a_profile())
    assert not (tmp_path / "missing").exists()


def valid_bytes() -> bytes:
    return encode_profile(a_profile())


BROKEN: dict[str, bytes] = {
    "empty": b"",
    "whitespace": b"  \n\t ",
    "truncated": valid_bytes()[: len(valid_bytes()) // 2],
    "binary junk": bytes((i * 37 + 11) % 256 for i in range(4096)),
    "utf-16 junk": "\ufeff{not json}".encode("utf-16"),
    "a list": b"[1, 2, 3]",
    "a string": b'"profile"',
    "null": b"null",
    "no version": b'{"skills": {}}',
    "version as text": b'{"schema_version": "2"}',
    "version as bool": b'{"schema_version": true}',
    "version zero": b'{"schema_version": 0}',
    "skills as a list": b'{"schema_version": 2, "skills": ["entry.python"]}',
    "years as text": b'{"schema_version": 2, "years_of_experience": "many"}',
    "years NaN": b'{"schema_version": 2, "years_of_experience": NaN}',
    "bad date": b'{"schema_version": 2, "skills": {"entry.python": {"ticked_on": "yesterday"}}}',
    "unknown field": b'{"schema_version": 2, "favourite_colour": "green"}',
    "huge number": b'{"schema_version": 2, "current_salary": ' + b"9" * 5000 + b"}",
    "deep nesting": b'{"schema_version": 2, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "broken v1": b'{"schema_version": 1, "ticked": "entry.python"}',
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_unusable_file_is_moved_aside_intact_and_a_fresh_profile_starts(data_dir: Path, content: bytes) -> None:
    path = data_dir / "profile.json"
    path.write_bytes(content)
    result = store_at(data_dir).load()
    assert result.status is LoadStatus.QUARANTINED
    assert result.profile == Profile()
    assert not result.read_only
    assert result.moved_to == data_dir / "profile.json.corrupt-20250314-092653"
    assert result.moved_to.read_bytes() == content
    assert not path.exists()
    assert result.message is not None
    assert "profile.json.corrupt-20250314-092653" in result.message
    assert "nothing was deleted" in result.message


def test_a_20_mb_file_is_refused_before_parsing_and_moved_aside(data_dir: Path) -> None:
    path = data_dir / "profile.json"
    with path.open("wb") as f:  # a valid-looking start, then 20 MB of padding
        f.write(b'{"schema_version": 2, "skills": {}, "x": "')
        f.write(b"a" * (20 * 1024 * 1024))
        f.write(b'"}')
    size = path.stat().st_size
    assert size > MAX_PROFILE_BYTES
    result = store_at(data_dir).load()
    assert result.status is LoadStatus.QUARANTINED
    assert result.message is not None
    assert "larger than 8 MB" in result.message
    assert result.moved_to is not None
    assert result.moved_to.stat().st_size == size


def test_moving_aside_never_overwrites_an_earlier_corrupt_file(data_dir: Path) -> None:
    earlier = data_dir / "profile.json.corrupt-20250314-092653"
    earlier.write_bytes(b"the first broken file")
    (data_dir / "profile.json").write_bytes(b"the second broken file")
    result = store_at(data_dir).load()
    assert earlier.read_bytes() == b"the first broken file"
    assert result.moved_to is not None
    assert result.moved_to != earlier
    assert result.moved_to.read_bytes() == b"the second broken file"
    assert result.moved_to.name.startswith("profile.json.corrupt-20250314-092653")


def test_after_moving_aside_the_fresh_profile_saves_normally(data_dir: Path) -> None:
    (data_dir / "profile.json").write_bytes(b"{oops")
    store = store_at(data_dir)
    store.load()
    store.save(a_profile())
    assert store_at(data_dir).load().profile == a_profile()
    assert (data_dir / "profile.json.corrupt-20250314-092653").read_bytes() == b"{oops"


def test_a_newer_format_is_left_untouched_and_nothing_is_saved(data_dir: Path) -> None:
    path = data_dir / "profile.json"
    content = json.dumps({"schema_version": PROFILE_SCHEMA_VERSION + 1, "skills": {"x": {"when": "soon"}}}).encode()
    path.write_bytes(content)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    store = store_at(data_dir)
    result = store.load()
    assert result.status is LoadStatus.NEWER_VERSION
    assert result.read_only
    assert result.profile == Profile()
    assert result.message is not None
    assert "newer version" in result.message
    assert "will not be saved" in result.message
    with pytest.raises(ProfileReadOnlyError):
        store.save(a_profile())
    assert path.read_bytes() == content
    assert path.stat().st_mtime == 1_600_000_000
    assert sorted(p.name for p in data_dir.iterdir()) == ["profile.json"]


def test_a_profile_that_cannot_be_opened_is_left_alone_and_nothing_is_saved(data_dir: Path) -> None:
    (data_dir / "profile.json").mkdir()  # something that is not a readable file
    store = store_at(data_dir)
    result = store.load()
    assert result.status is LoadStatus.UNREADABLE
    assert result.read_only
    assert result.message is not None
    assert "could not be opened" in result.message
    with pytest.raises(ProfileReadOnlyError):
        store.save(a_profile())
    assert (data_dir / "profile.json").is_dir()
