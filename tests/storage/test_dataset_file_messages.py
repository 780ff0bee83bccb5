"""What the import dialog and the banner say about a salary data file that cannot be used."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from planner.domain.profile import Profile
from planner.storage.dataset_file import MAX_DATASET_BYTES, MAX_LISTED, DatasetError, load_dataset, parse_dataset


def problems_of(raw: bytes) -> list[tuple[str, str]]:
    with pytest.raises(DatasetError) as err:
        parse_dataset(raw, "pack.json")
    assert err.value.file == "pack.json"
    return err.value.problems


def test_a_long_list_of_problems_is_cut_at_twelve_with_a_count() -> None:
    many = [(f"levels.{n}", "bad") for n in range(MAX_LISTED + 2)]
    assert str(DatasetError("f.json", many)).endswith("; levels.11: bad; and 2 more problems")
    exact = str(DatasetError("f.json", many[:MAX_LISTED]))
    assert exact == "f.json: " + "; ".join(f"levels.{n}: bad" for n in range(MAX_LISTED))
    assert str(DatasetError("f.json", [("", "not valid JSON")])) == "f.json: not valid JSON"


def test_a_file_of_exactly_the_limit_is_parsed_not_refused_for_its_size() -> None:
    assert problems_of(b" " * MAX_DATASET_BYTES)[0][1].startswith("not valid JSON (")
    assert problems_of(b" " * (MAX_DATASET_BYTES + 1)) == [("", "the file is larger than 5 MB")]


def test_deeply_nested_json_is_refused_in_words() -> None:
    assert problems_of(b"[" * 100_000 + b"]" * 100_000) == [("", "not valid JSON (nested too deeply)")]


def test_odd_keys_in_a_field_path_are_quoted_and_shortened(raw_dataset: dict[str, Any]) -> None:
    data = json.loads(json.dumps(raw_dataset))
    data["overall"]["two words"] = 1
    data["overall"]["k" * 70] = 1
    data["overall"][""] = 1
    paths = [path for path, _ in problems_of(json.dumps(data).encode())]
    assert "overall.'two words'" in paths
    assert f"overall.'{'k' * 60}'" in paths
    assert "overall.''" in paths
    data = json.loads(json.dumps(raw_dataset))
    data["overall"]["k" * 60] = 1
    assert f"overall.{'k' * 60}" in [path for path, _ in problems_of(json.dumps(data).encode())]


def test_every_problem_is_listed_even_after_the_whole_dataset_checks(raw_dataset: dict[str, Any]) -> None:
    data = json.loads(json.dumps(raw_dataset))
    data["levels"][0]["id"] = data["levels"][1]["id"]  # a whole-dataset problem (duplicate id)...
    data["levels"][2]["range"]["min"] = -5  # ...and a field problem after it
    problems = problems_of(json.dumps(data).encode())
    assert problems[0] == ("levels.2.range.min", "Input should be greater than 0")
    assert ("levels", "id 'mid' is used more than once") in problems
    data["levels"][2]["range"]["min"] = raw_dataset["levels"][2]["range"]["min"]
    assert problems_of(json.dumps(data).encode())[0] == ("levels", "id 'mid' is used more than once")


def test_a_missing_data_file_names_itself_and_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "gone.json"
    with pytest.raises(DatasetError) as err:
        load_dataset(path)
    assert err.value.file == str(path)
    assert err.value.problems == [("", f"cannot be read ({os.strerror(errno.ENOENT)})")]
    assert load_dataset().title  # the built-in data always loads


def test_the_salary_the_projection_starts_from_says_where_it_comes_from() -> None:
    assert Profile(current_salary=90_000, pay_history={2024: 80_000}).salary_today() == (90_000, "current", None)
    assert Profile(pay_history={2023: 70_000, 2024: 80_000}).salary_today() == (80_000, "history", 2024)
    assert Profile().salary_today() is None
    assert Profile(skills={}).has_skill("entry.python") is False


def test_a_field_nested_as_deep_as_json_allows_is_a_wrong_type_not_a_crash(raw_dataset: dict[str, Any]) -> None:
    data = json.loads(json.dumps(raw_dataset))
    raw = json.dumps(data).encode().replace(b'"title": ', b'"title": ' + b"[" * 900 + b"]" * 900 + b', "x": ', 1)
    problems = problems_of(raw)
    assert ("title", "Input should be a valid string") in problems


@pytest.mark.parametrize("raw", [b"[1]", b'"salary data"', b"42", b"null", b"true"])
def test_json_that_is_not_an_object_names_its_problem(raw: bytes) -> None:
    # Found by hand: "pack.json cannot be used: 0 problems" and a banner saying "could not be used ()".
    problems = problems_of(raw)
    assert problems == [("", "it does not contain salary data: the file must be one JSON object")]


@pytest.mark.parametrize("version", [2, 99, 2.0])
def test_a_file_of_a_newer_data_format_says_so(raw_dataset: dict[str, Any], version: float) -> None:
    raw = json.dumps({**raw_dataset, "schema_version": version}).encode()
    assert problems_of(raw) == [
        (
            "schema_version",
            f"it was written for a newer version of the app (data format {version}; this version reads format 1)",
        )
    ]


def test_bytes_that_are_not_text_are_said_in_words() -> None:
    assert problems_of(b'{"title": "\xb4"}') == [("", "not text (UTF-8): byte 12 cannot be read")]
