"""Whatever a profile file holds, ProfileStore.load gives a profile: the saved one, or a fresh one with a clear
message and the file moved aside intact. Never an exception, never a hang (hypothesis' deadline guards that; it
is not a speed measurement)."""

from __future__ import annotations

import json
import math
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.profile import PROFILE_SCHEMA_VERSION
from planner.storage.profile_store import PROFILE_FILE, LoadStatus, ProfileStore

HOSTILE = settings(max_examples=120, deadline=timedelta(seconds=1), suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=40,
)
absurd = st.sampled_from(
    [-1, 0, 10**30, -(10**30), math.nan, math.inf, -math.inf, "", "x" * 5000, None, [], {}, True, "70000", 1e308]
)
any_value = absurd | json_values
years = st.one_of(st.integers(-(10**6), 10**6).map(str), st.text(max_size=8), st.sampled_from(["1949", "2201", "1e3"]))
pay_history = st.dictionaries(years, any_value, max_size=8) | any_value
skills = st.dictionaries(st.text(max_size=30), st.fixed_dictionaries({"ticked_on": any_value}) | any_value, max_size=6)
assumptions = st.fixed_dictionaries(
    {},
    optional={
        "inflation": any_value,
        "yearly_raise": any_value,
        "bonus_percent": any_value,
        "yearly_equity": any_value,
        "horizon_years": any_value,
        "promotion_shift_years": any_value,
    },
)
profile_shaped = st.fixed_dictionaries(
    {"schema_version": st.sampled_from([1, 2, PROFILE_SCHEMA_VERSION, PROFILE_SCHEMA_VERSION + 1]) | any_value},
    optional={
        "skills": skills | any_value,
        "ticked": st.lists(st.text(max_size=20), max_size=5) | any_value,
        "years_of_experience": any_value | st.floats(),
        "years": any_value,
        "current_salary": any_value | st.integers(),
        "salary": any_value,
        "industry": any_value,
        "employer": any_value,
        "assumptions": assumptions | any_value,
        "pay_history": pay_history,
    },
)


def load_bytes(raw: bytes) -> None:
    """Load ``raw`` as profile.json in a fresh folder and check the outcome is one a user can live with."""
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        path = data_dir / PROFILE_FILE
        path.write_bytes(raw)
        store = ProfileStore(data_dir)
        result = store.load()  # must not raise
        if result.status in (LoadStatus.LOADED, LoadStatus.MIGRATED):
            # What loaded saves and reads back the same.
            store.save(result.profile)
            assert ProfileStore(data_dir).load().profile == result.profile
            if result.status is LoadStatus.MIGRATED:
                assert result.backup is not None
                assert result.backup.read_bytes() == raw
            return
        assert result.message
        assert "\n" not in result.message
        if result.status is LoadStatus.QUARANTINED:
            assert result.moved_to is not None
            assert result.moved_to.read_bytes() == raw  # nothing the user had is lost
            assert not path.exists()
        else:
            assert result.status is LoadStatus.NEWER_VERSION
            assert result.read_only
            assert path.read_bytes() == raw


@HOSTILE
@given(st.binary(max_size=2000))
def test_random_bytes(raw: bytes) -> None:
    load_bytes(raw)


@HOSTILE
@given(json_values)
def test_random_json(value: Any) -> None:
    load_bytes(json.dumps(value).encode())


@HOSTILE
@given(profile_shaped)
def test_profile_shaped_data_with_absurd_values(value: dict[str, Any]) -> None:
    load_bytes(json.dumps(value).encode())


@HOSTILE
@given(st.dictionaries(st.integers(1900, 2300).map(str), st.integers(-(10**12), 10**12), max_size=20))
def test_pay_history_within_or_outside_the_limits(history: dict[str, int]) -> None:
    load_bytes(json.dumps({"schema_version": PROFILE_SCHEMA_VERSION, "pay_history": history}).encode())


def test_a_skill_id_with_a_line_break_is_quoted_in_the_one_line_message() -> None:
    load_bytes(b'{"schema_version": 2, "skills": {"\\n": -1}}')  # found by the property test above
