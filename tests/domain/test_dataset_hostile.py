"""Whatever bytes a dataset file holds, loading it gives a Dataset or one clear DatasetError, never a crash."""

from __future__ import annotations

import json
import math
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.dataset import Dataset
from planner.storage.dataset_file import MAX_DATASET_BYTES, DatasetError, load_dataset, parse_dataset

# A deadline guards against hangs (a parse takes about a millisecond); it is not a speed measurement.
HOSTILE = settings(max_examples=150, deadline=timedelta(seconds=1), suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=40,
)
absurd = st.sampled_from(
    [-1, 0, 10**30, -(10**30), math.nan, math.inf, "", "x" * 5000, None, [], {}, True, "70000", 1.5, [[[]]], {"a": 1}]
)


def load_or_refuse(raw: bytes) -> Dataset | None:
    try:
        return parse_dataset(raw, "hostile.json")
    except DatasetError as err:
        message = str(err)
        assert message.startswith("hostile.json: ")
        assert "\n" not in message
        return None


@HOSTILE
@given(st.binary(max_size=2000))
def test_random_bytes(raw: bytes) -> None:
    assert load_or_refuse(raw) is None


@HOSTILE
@given(json_values)
def test_random_json(value: Any) -> None:
    assert load_or_refuse(json.dumps(value).encode()) is None


def leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in leaves(v, (*path, k))] or [path]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in leaves(v, (*path, i))] or [path]
    return [path]


@HOSTILE
@given(data=st.data())
def test_schema_shaped_data_with_absurd_values(raw_dataset: dict[str, Any], data: st.DataObject) -> None:
    doc = json.loads(json.dumps(raw_dataset))
    paths = leaves(doc)
    for path in data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=4)):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = data.draw(absurd)
    result = load_or_refuse(json.dumps(doc).encode())
    if result is not None:  # a change that kept every rule (a quote replaced by other text, say)
        assert all(lv.range.min <= lv.range.max for lv in result.levels)


def test_deep_nesting_is_refused() -> None:
    assert load_or_refuse(b"[" * 100_000 + b"]" * 100_000) is None


def test_an_integer_with_thousands_of_digits_is_refused() -> None:
    with pytest.raises(DatasetError, match="not valid JSON"):
        parse_dataset(b'{"schema_version": ' + b"9" * 5000 + b"}", "hostile.json")


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(MAX_DATASET_BYTES + 1)
    with pytest.raises(DatasetError, match="larger than 5 MB"):
        load_dataset(big)
