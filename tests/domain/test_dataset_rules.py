"""The dataset's rules, one test each, every one with a broken copy of the real data. No Qt needed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.domain.dataset import Dataset
from planner.storage.dataset_file import DatasetError, load_dataset

Change = Callable[[dict[str, Any]], None]


def level(d: dict[str, Any], level_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(lv for lv in d["levels"] if lv["id"] == level_id)
    return found


def fails(data_copy: Callable[[Change], Path], change: Change) -> DatasetError:
    path = data_copy(change)
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    err = info.value
    assert str(path) in str(err), "the message names the file"
    return err


def test_the_unchanged_copy_loads(data_copy: Callable[[Change], Path]) -> None:
    assert isinstance(load_dataset(data_copy(lambda d: None)), Dataset)


def test_unknown_field_is_refused(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: level(d, "mid")["range"].update(median=120000))
    assert "levels.1.range.median" in str(err)
    assert "Extra inputs are not permitted" in str(err)


@pytest.mark.parametrize("amount", [0, -5000])
def test_amounts_must_be_positive(data_copy: Callable[[Change], Path], amount: int) -> None:
    err = fails(data_copy, lambda d: d["industries"][2]["average"].update(amount=amount))
    assert "industries.2.average.amount" in str(err)
    assert "greater than 0" in str(err)


def test_range_min_not_above_max(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: level(d, "senior")["range"].update(min=210000))
    assert "levels.2.range" in str(err)
    assert "min (210000) is greater than max (204000)" in str(err)


def test_average_inside_its_range(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: level(d, "mid")["average"].update(amount=190000))
    assert "levels.1" in str(err)
    assert "average (190000) lies outside the range 99000–180000" in str(err)


def test_experience_years_ordered_within_a_level(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: level(d, "mid")["experience"].update(min_years=10, max_years=5))
    assert "levels.1.experience" in str(err)
    assert "must be greater than min_years" in str(err)


def test_experience_ranges_do_not_overlap(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: level(d, "mid")["experience"].update(max_years=12))
    assert "overlaps 'mid'" in str(err)


def test_levels_listed_in_order(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: d["levels"].reverse())
    assert "open-ended" in str(err) or "overlaps" in str(err) or "starts before" in str(err)


def test_every_figure_has_a_source(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: d["employers"][0]["pay"].update(sources=[]))
    assert "employers.0.pay.sources" in str(err)
    assert "at least 1 item" in str(err)


def test_missing_source_field_is_refused(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: d["overall"]["base_range"].pop("sources"))
    assert "overall.base_range.sources: Field required" in str(err)


def test_ids_unique(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: d["industries"].append(dict(d["industries"][0])))
    assert "industries: id 'software-it' is used more than once" in str(err)


def test_skill_ids_unique_across_levels(data_copy: Callable[[Change], Path]) -> None:
    def change(d: dict[str, Any]) -> None:
        level(d, "senior")["skills"].append(dict(level(d, "entry")["skills"][0]))

    err = fails(data_copy, change)
    assert "skills: id 'entry.python' is used more than once" in str(err)


def test_source_references_resolve(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: level(d, "mid")["average"].update(sources=["payscale", "linkedin"]))
    assert "levels.mid.average.sources: unknown source 'linkedin'" in str(err)


def test_unit_references_resolve(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: d["industries"][0]["average"].update(unit="eur-per-month"))
    assert "industries.software-it.average.unit: unknown unit 'eur-per-month'" in str(err)


def test_conflict_level_references_resolve(data_copy: Callable[[Change], Path]) -> None:
    err = fails(
        data_copy,
        lambda d: next(c for c in d["conflicts"] if c["id"] == "entry-ceiling").update(level_ids=["principal"]),
    )
    assert "conflicts.entry-ceiling.level_ids: unknown level 'principal'" in str(err)


def test_a_conflict_needs_figures_or_the_articles_words(data_copy: Callable[[Change], Path]) -> None:
    err = fails(
        data_copy, lambda d: next(c for c in d["conflicts"] if c["id"] == "per-month-wording").update(quotes=[])
    )
    assert "at least two figures" in str(err)


def test_not_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"schema_version": 1, "levels": [')
    with pytest.raises(DatasetError, match=r"broken\.json: not valid JSON"):
        load_dataset(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="cannot be read"):
        load_dataset(tmp_path / "nowhere.json")


def test_one_message_per_failure(data_copy: Callable[[Change], Path]) -> None:
    err = fails(data_copy, lambda d: d["industries"][0]["average"].update(amount=-1))
    assert len(str(err).splitlines()) == 1
    assert err.problems == [("industries.0.average.amount", "Input should be greater than 0")]


def test_every_problem_is_listed_at_once(data_copy: Callable[[Change], Path]) -> None:
    """A field error does not hide the checks across the file, and those do not stop at the first."""

    def change(d: dict[str, Any]) -> None:
        d["industries"][0]["average"]["amount"] = -1  # a field error
        d["industries"].append(dict(d["industries"][1]))  # a duplicate id
        d["employers"].append(dict(d["employers"][0]))  # another duplicate id
        level(d, "mid")["average"]["sources"] = ["payscale", "linkedin"]  # an unknown source
        d["employers"][0]["pay"]["unit"] = "eur-per-month"  # an unknown unit
        level(d, "senior")["range"].update(min=210000)  # min > max

    problems = dict(fails(data_copy, change).problems)
    assert problems["industries.0.average.amount"] == "Input should be greater than 0"
    assert problems["levels.2.range"] == "min (210000) is greater than max (204000)"
    assert problems["levels.mid.average.sources"] == "unknown source 'linkedin'"
    assert problems["employers.google.pay.unit"] == "unknown unit 'eur-per-month'"
    duplicates = [reason for path, reason in fails(data_copy, change).problems if "more than once" in reason]
    assert len(duplicates) == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [("min", True), ("max", False), ("min", 99000.0), ("min", "99000")],
)
def test_numbers_must_be_numbers(data_copy: Callable[[Change], Path], field: str, value: object) -> None:
    err = fails(data_copy, lambda d: level(d, "mid")["range"].update({field: value}))
    assert f"levels.1.range.{field}" in dict(err.problems)


def test_a_boolean_is_not_a_percentage_or_a_version(data_copy: Callable[[Change], Path]) -> None:
    def change(d: dict[str, Any]) -> None:
        d["outlook"]["job_growth"]["percent"] = True
        d["schema_version"] = True

    problems = dict(fails(data_copy, change).problems)
    assert "outlook.job_growth.percent" in problems
    assert "schema_version" in problems


@pytest.mark.parametrize("name", ["Glassdoor<img src='/x.png' width=300>", "<h1>Big</h1>", "two\nlines"])
def test_names_refuse_markup_and_line_breaks(data_copy: Callable[[Change], Path], name: str) -> None:
    problems = dict(fails(data_copy, lambda d: d["sources"][0].update(name=name)).problems)
    assert "sources.0.name" in problems


def test_names_may_hold_an_ampersand_and_quotes(data_copy: Callable[[Change], Path]) -> None:
    dataset = load_dataset(data_copy(lambda d: d["industries"][0].update(name='R&D "labs" & co')))
    assert dataset.industries[0].name == 'R&D "labs" & co'
