"""The imported data pack on disk: exact bytes kept, used at start-up, never deleted, moved aside on revert."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.domain.dataset import Dataset
from planner.storage import data_pack
from planner.storage.data_pack import PACK_FILE, DataPackStore, read_dataset_file
from planner.storage.dataset_file import MAX_DATASET_BYTES, DatasetError

MakeData = Callable[[Callable[[dict[str, Any]], None]], Path]


def raise_first_range(d: dict[str, Any]) -> None:
    d["levels"][0]["range"]["max"] += 1_000


def test_no_pack_means_the_built_in_data_and_no_message(dataset: Dataset, data_dir: Path) -> None:
    active = DataPackStore(data_dir).load(dataset)
    assert active.dataset is dataset
    assert (active.origin, active.message) == ("built-in", None)


def test_an_installed_pack_is_the_exact_file_and_is_used_next_time(
    dataset: Dataset, data_dir: Path, data_copy: MakeData
) -> None:
    source = data_copy(raise_first_range)
    new, raw = read_dataset_file(source)
    store = DataPackStore(data_dir)
    store.install(raw)
    assert (data_dir / PACK_FILE).read_bytes() == source.read_bytes()
    active = DataPackStore(data_dir).load(dataset)
    assert active.origin == "pack"
    assert active.dataset.levels[0].range.max == dataset.levels[0].range.max + 1_000
    assert active.dataset == new


def test_a_damaged_pack_falls_back_to_built_in_says_why_and_is_left_alone(dataset: Dataset, data_dir: Path) -> None:
    damaged = b'{"schema_version": 1, "title": "half a file'
    (data_dir / PACK_FILE).write_bytes(damaged)
    active = DataPackStore(data_dir).load(dataset)
    assert active.dataset is dataset
    assert active.origin == "built-in"
    assert active.message is not None
    assert "not valid JSON" in active.message
    assert "built-in" in active.message
    assert (data_dir / PACK_FILE).read_bytes() == damaged


def test_a_pack_breaking_a_rule_names_the_field(dataset: Dataset, data_dir: Path, data_copy: MakeData) -> None:
    source = data_copy(lambda d: d["levels"][0]["range"].update(min=-5))
    (data_dir / PACK_FILE).write_bytes(source.read_bytes())
    active = DataPackStore(data_dir).load(dataset)
    assert active.message is not None
    assert "levels.0.range.min" in active.message


def test_remove_moves_the_pack_aside_and_never_overwrites(dataset: Dataset, data_dir: Path) -> None:
    store = DataPackStore(data_dir)
    (data_dir / PACK_FILE).write_bytes(b"first")
    first = store.remove()
    (data_dir / PACK_FILE).write_bytes(b"second")
    second = store.remove()
    assert first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")
    assert not store.installed
    assert store.load(dataset).origin == "built-in"


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(MAX_DATASET_BYTES + 1)  # sparse: no data to read, only a size
    parsed: list[bytes] = []
    monkeypatch.setattr(data_pack, "parse_dataset", lambda raw, name: parsed.append(raw))
    with pytest.raises(DatasetError, match="larger than"):
        read_dataset_file(big)
    assert parsed == []


def test_every_problem_of_a_file_is_kept_with_its_path(data_copy: MakeData) -> None:
    def break_three(d: dict[str, Any]) -> None:
        d["levels"][0]["range"]["min"] = 0
        d["industries"][0]["average"]["amount"] = "lots"
        d["employers"][0]["pay"]["sources"] = []

    with pytest.raises(DatasetError) as err:
        read_dataset_file(data_copy(break_three))
    paths = [path for path, _reason in err.value.problems]
    assert "levels.0.range.min" in paths
    assert "industries.0.average.amount" in paths
    assert "employers.0.pay.sources" in paths
    assert all(reason for _path, reason in err.value.problems)


def test_the_built_in_file_round_trips_through_the_pack(raw_dataset: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "same.json"
    path.write_text(json.dumps(raw_dataset), encoding="utf-8")
    new, raw = read_dataset_file(path)
    assert raw == path.read_bytes()
    assert new.title == raw_dataset["title"]
