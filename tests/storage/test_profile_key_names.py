"""profile.json's problems as a message names them: a key given twice (as written when short and printable, escaped
and cut short otherwise), at most three problems spelled out, and a read-only folder that refuses every save."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planner.domain.profile import Profile
from planner.storage.profile_store import (
    LoadStatus,
    ProfileFormatError,
    ProfileReadOnlyError,
    ProfileStore,
    decode_profile,
    encode_profile,
)

DAY = dt.date(2025, 3, 14)


def reason_for_twice(key: str) -> str:
    raw = '{"schema_version": 1, ' + f"{json.dumps(key)}: 1, {json.dumps(key)}: 2" + "}"
    with pytest.raises(ProfileFormatError) as raised:
        decode_profile(raw.encode(), DAY)
    message = str(raised.value)
    assert message.startswith("it gives ")
    assert message.endswith(" twice, so it is not clear which one is meant")
    return message.removeprefix("it gives ").removesuffix(" twice, so it is not clear which one is meant")


@pytest.mark.parametrize("key", ["skills", "k" * 60])
def test_a_short_printable_key_is_shown_as_written(key: str) -> None:
    assert reason_for_twice(key) == f'"{key}"'


@pytest.mark.parametrize("key", ["k" * 61, "x" * 5000, "line\\nbreak", "tab\\there", "\\u00e9t\\u00e9\\n"])
def test_a_long_or_unprintable_key_is_escaped_and_cut_short(key: str) -> None:
    key = json.loads(f'"{key}"')  # the key as the file gives it
    shown = reason_for_twice(key)
    assert shown.isprintable()
    assert shown.isascii()
    assert len(shown) <= 62
    assert shown.startswith(ascii(key)[:20])
    assert shown != f'"{key}"'


def current(**fields: object) -> bytes:
    data = json.loads(encode_profile(Profile()))
    data.update(fields)
    return json.dumps(data).encode()


def problems(raw: bytes) -> str:
    with pytest.raises(ProfileFormatError) as raised:
        decode_profile(raw, DAY)
    return str(raised.value).removeprefix("it does not fit the profile format: ")


def test_a_fourth_problem_is_counted_and_three_are_spelled_out_one_by_one() -> None:
    four = problems(current(years_of_experience=-1, current_salary=-1, industry=5, employer=6))
    assert four.endswith(" (and 1 more)")
    parts = four.removesuffix(" (and 1 more)").split("; ")
    assert [part.split(": ")[0] for part in parts] == ["years_of_experience", "current_salary", "industry"]


def test_a_field_path_from_the_file_with_a_line_break_is_shown_escaped() -> None:
    text = problems(current(skills={"bad\nid": {"ticked_on": "someday"}}))
    assert text.isprintable()
    assert "bad\\nid" in text
    assert text.startswith("skills.")


def test_a_folder_written_to_by_no_one_refuses_every_save(data_dir: Path) -> None:
    store = ProfileStore(data_dir, read_only="the disk is read-only")
    with pytest.raises(ProfileReadOnlyError, match="the disk is read-only"):
        store.save(Profile())
    assert store.load().status is LoadStatus.NEW
    with pytest.raises(ProfileReadOnlyError, match="the disk is read-only"):
        store.save(Profile())
    assert list(data_dir.iterdir()) == []
