"""A key given twice in profile.json is named in the message: as written when it is short and printable, escaped
and cut short otherwise, so a message never carries a line break or a page of text from the file."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from planner.storage.profile_store import ProfileFormatError, decode_profile

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
