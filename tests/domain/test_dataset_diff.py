"""The import preview: which figures went up or down and by how much, which entries came or went."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from planner.domain.dataset import Dataset
from planner.domain.dataset_diff import diff_datasets


def changed(raw: dict[str, Any], edit: Callable[[dict[str, Any]], None]) -> Dataset:
    data = copy.deepcopy(raw)
    edit(data)
    return Dataset.model_validate(data)


def test_the_same_data_has_no_changes(dataset: Dataset, raw_dataset: dict[str, Any]) -> None:
    diff = diff_datasets(dataset, changed(raw_dataset, lambda d: None))
    assert diff.empty
    assert diff.summary() == "No changes."


def test_a_raised_and_a_lowered_figure_show_direction_and_amount(dataset: Dataset, raw_dataset: dict[str, Any]) -> None:
    mid = next(lv for lv in dataset.levels if lv.average is not None)
    industry = dataset.industries[0]

    def edit(d: dict[str, Any]) -> None:
        level = next(lv for lv in d["levels"] if lv["id"] == mid.id)
        level["average"]["amount"] += 6_000
        d["industries"][0]["average"]["amount"] -= 2_500

    diff = diff_datasets(dataset, changed(raw_dataset, edit))
    by_path = {c.path: c for c in diff.changes}
    up = by_path[f"levels.{mid.id}.average"]
    assert up.kind == "up"
    assert up.delta == 6_000
    assert up.delta_text == "+$6,000"
    assert mid.name in up.what
    down = by_path[f"industries.{industry.id}.average"]
    assert down.kind == "down"
    assert down.delta_text == "-$2,500"
    assert len(diff.changes) == 2
    assert diff.summary() == "1 figure up, 1 figure down."


def test_added_and_removed_entries_are_listed_once(dataset: Dataset, raw_dataset: dict[str, Any]) -> None:
    gone = dataset.employers[-1]

    def edit(d: dict[str, Any]) -> None:
        d["employers"].pop()
        new = copy.deepcopy(d["industries"][0])
        new["id"], new["name"] = "space", "Space flight"
        d["industries"].append(new)

    diff = diff_datasets(dataset, changed(raw_dataset, edit))
    kinds = {(c.kind, c.path) for c in diff.changes}
    assert kinds == {("added", "industries.space"), ("removed", f"employers.{gone.id}")}
    assert "Space flight" in next(c.what for c in diff.changes if c.kind == "added")


def test_a_removed_skill_and_a_new_as_of_date(dataset: Dataset, raw_dataset: dict[str, Any]) -> None:
    level = dataset.levels[0]
    skill = level.skills[0]

    def edit(d: dict[str, Any]) -> None:
        d["levels"][0]["skills"].pop(0)
        d["document"]["read_on"] = "2030-01-31"

    diff = diff_datasets(dataset, changed(raw_dataset, edit))
    kinds = {(c.kind, c.path) for c in diff.changes}
    assert ("removed", f"levels.{level.id}.skills.{skill.id}") in kinds
    read_on = next(c for c in diff.changes if c.path == "document.read_on")
    assert (read_on.old, read_on.new) == (dataset.document.read_on.isoformat(), "2030-01-31")


def test_a_renamed_source_is_listed_beside_a_figure_change(dataset: Dataset, raw_dataset: dict[str, Any]) -> None:
    source = dataset.sources[0]

    def edit(d: dict[str, Any]) -> None:
        d["industries"][0]["average"]["amount"] += 1_000
        d["sources"][0]["name"] = "Totally Trustworthy Survey"

    diff = diff_datasets(dataset, changed(raw_dataset, edit))
    renamed = next(c for c in diff.changes if c.path == f"sources.{source.id}.name")
    assert (renamed.kind, renamed.old, renamed.new) == ("changed", source.name, "Totally Trustworthy Survey")
    assert source.name in renamed.what
    assert diff.summary() == "1 figure up, 1 other change."


def test_renamed_skills_and_industries_changed_quotes_and_titles_are_all_listed(
    dataset: Dataset, raw_dataset: dict[str, Any]
) -> None:
    level = dataset.levels[1]
    skill = level.skills[0]
    industry = dataset.industries[2]
    conflict = dataset.conflicts[0]

    def edit(d: dict[str, Any]) -> None:
        d["levels"][1]["skills"][0]["name"] = "Renamed skill"
        d["industries"][2]["name"] = "Renamed industry"
        d["industries"][2]["average"]["quote"] = "A different sentence."
        d["conflicts"][0]["title"] = "A new title"
        d["levels"][1]["range"]["sources"] = ["glassdoor", "payscale"]

    diff = diff_datasets(dataset, changed(raw_dataset, edit))
    by_path = {c.path: c for c in diff.changes}
    assert by_path[f"levels.{level.id}.skills.{skill.id}.name"].new == "Renamed skill"
    assert by_path[f"industries.{industry.id}.name"].old == industry.name
    assert by_path[f"industries.{industry.id}.average.quote"].new == "A different sentence."
    assert by_path[f"conflicts.{conflict.id}.title"].new == "A new title"
    assert by_path[f"levels.{level.id}.range.sources"].new == "Glassdoor, PayScale"
    assert {c.kind for c in diff.changes} == {"changed"}
    assert len(diff.changes) == 5


def test_a_text_only_correction_is_a_change(dataset: Dataset, raw_dataset: dict[str, Any]) -> None:
    diff = diff_datasets(dataset, changed(raw_dataset, lambda d: d["sources"][1].update(note="Corrected note.")))
    assert not diff.empty
    assert [c.new for c in diff.changes] == ["Corrected note."]
