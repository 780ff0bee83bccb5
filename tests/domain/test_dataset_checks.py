"""The checks across a whole data file, as the import dialog lists them: every broken reference at the field that
holds it, every id used twice, levels whose years overlap or are out of order. Each test breaks a copy of the
built-in data and expects exactly the problems a user would read, no more."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from planner.domain.dataset_checks import cross_problems

Raw = dict[str, Any]


def problems_after(raw: Raw, change: Callable[[Raw], None]) -> list[tuple[str, str]]:
    data = copy.deepcopy(raw)
    change(data)
    return cross_problems(data)


def level(d: Raw, level_id: str) -> Raw:
    found: Raw = next(lv for lv in d["levels"] if lv["id"] == level_id)
    return found


def conflict(d: Raw, conflict_id: str) -> Raw:
    found: Raw = next(c for c in d["conflicts"] if c["id"] == conflict_id)
    return found


def test_the_built_in_data_has_no_problem(raw_dataset: Raw) -> None:
    assert cross_problems(raw_dataset) == []


# Every part of the file that names its sources and a unit, with the path the problem is reported at.
SOURCED: list[tuple[str, Callable[[Raw], Raw]]] = [
    ("overall.base_range", lambda d: d["overall"]["base_range"]),
    ("overall.experienced_ceiling", lambda d: d["overall"]["experienced_ceiling"]),
    ("levels.mid.range", lambda d: level(d, "mid")["range"]),
    ("levels.senior.average", lambda d: level(d, "senior")["average"]),
    ("industries.education.average", lambda d: d["industries"][2]["average"]),
    ("employers.amazon.pay", lambda d: d["employers"][2]["pay"]),
    ("outlook.job_growth", lambda d: d["outlook"]["job_growth"]),
    ("outlook.market_size", lambda d: d["outlook"]["market_size"]),
    ("conflicts.entry-ceiling.figures.1", lambda d: conflict(d, "entry-ceiling")["figures"][1]),
]

# Skills and outcomes name sources but have no unit.
UNITLESS: list[tuple[str, Callable[[Raw], Raw]]] = [
    ("general_skills.general.deployment", lambda d: d["general_skills"][3]),
    ("levels.mid.skills.mid.keras-pytorch", lambda d: level(d, "mid")["skills"][2]),
    ("levels.senior.outcomes.senior.leadership", lambda d: level(d, "senior")["outcomes"][0]),
]


@pytest.mark.parametrize(("path", "part"), SOURCED, ids=[path for path, _ in SOURCED])
def test_an_unknown_source_and_unit_are_reported_at_the_figure(
    raw_dataset: Raw, path: str, part: Callable[[Raw], Raw]
) -> None:
    def change(d: Raw) -> None:
        part(d).update(sources=["article", "linkedin"], unit="eur-per-month")

    assert problems_after(raw_dataset, change) == [
        (f"{path}.sources", "unknown source 'linkedin'"),
        (f"{path}.unit", "unknown unit 'eur-per-month'"),
    ]


@pytest.mark.parametrize(("path", "part"), UNITLESS, ids=[path for path, _ in UNITLESS])
def test_an_unknown_source_of_a_skill_or_outcome_is_reported_at_it(
    raw_dataset: Raw, path: str, part: Callable[[Raw], Raw]
) -> None:
    assert problems_after(raw_dataset, lambda d: part(d).update(sources=["linkedin"])) == [
        (f"{path}.sources", "unknown source 'linkedin'")
    ]


# An entry whose id is broken (a number) is named by its place in its list, so the problem can still be found:
# (path, the entry, the part of it that names the unknown source).
NO_ID: list[tuple[str, Callable[[Raw], Raw], Callable[[Raw], Raw]]] = [
    ("general_skills.1", lambda d: d["general_skills"][1], lambda e: e),
    ("levels.senior.skills.2", lambda d: level(d, "senior")["skills"][2], lambda e: e),
    ("levels.senior.outcomes.0", lambda d: level(d, "senior")["outcomes"][0], lambda e: e),
    ("industries.4.average", lambda d: d["industries"][4], lambda e: e["average"]),
    ("employers.1.pay", lambda d: d["employers"][1], lambda e: e["pay"]),
    ("conflicts.2.figures.0", lambda d: d["conflicts"][2], lambda e: e["figures"][0]),
]


@pytest.mark.parametrize(("path", "entry", "part"), NO_ID, ids=[path for path, _, _ in NO_ID])
def test_an_entry_without_a_usable_id_is_named_by_its_place(
    raw_dataset: Raw, path: str, entry: Callable[[Raw], Raw], part: Callable[[Raw], Raw]
) -> None:
    def change(d: Raw) -> None:
        entry(d)["id"] = 42
        part(entry(d))["sources"] = ["linkedin"]

    assert problems_after(raw_dataset, change) == [(f"{path}.sources", "unknown source 'linkedin'")]


def test_a_level_without_a_usable_id_is_named_by_its_place(raw_dataset: Raw) -> None:
    def change(d: Raw) -> None:
        level(d, "mid").update(id=42)
        d["levels"][1]["average"]["sources"] = ["linkedin"]
        d["levels"][1]["experience"]["max_years"] = 12

    assert problems_after(raw_dataset, change) == [
        ("levels", "experience of 'senior' (10+ years) overlaps '1' (5–12 years)"),
        ("levels.1.average.sources", "unknown source 'linkedin'"),
        ("conflicts.senior-average.level_ids", "unknown level 'mid'"),
    ]


def test_a_conflict_without_a_usable_id_is_named_by_its_place(raw_dataset: Raw) -> None:
    def change(d: Raw) -> None:
        d["conflicts"][2].update(id=None, level_ids=["entry", "principal"])

    assert problems_after(raw_dataset, change) == [("conflicts.2.level_ids", "unknown level 'principal'")]


DUPLICATES: list[tuple[str, str, Callable[[Raw], None]]] = [
    ("units", "percent-decade", lambda d: d["units"].append(copy.deepcopy(d["units"][2]))),
    ("sources", "forbes", lambda d: d["sources"].append(copy.deepcopy(d["sources"][2]))),
    ("skills", "entry.python", lambda d: d["general_skills"][0].update(id="entry.python")),
    ("outcomes", "senior.leadership", lambda d: level(d, "senior")["outcomes"].append({"id": "senior.leadership"})),
    ("industries", "finance", lambda d: d["industries"].append(copy.deepcopy(d["industries"][-1]))),
    ("employers", "google", lambda d: d["employers"][1].update(id="google", pay=d["employers"][0]["pay"])),
    ("conflicts", "senior-average", lambda d: d["conflicts"].append(copy.deepcopy(d["conflicts"][-1]))),
]  # fmt: skip


@pytest.mark.parametrize(("section", "item_id", "change"), DUPLICATES, ids=[s for s, _, _ in DUPLICATES])
def test_an_id_used_twice_is_reported_once_for_its_section(
    raw_dataset: Raw, section: str, item_id: str, change: Callable[[Raw], None]
) -> None:
    assert problems_after(raw_dataset, change) == [(section, f"id {item_id!r} is used more than once")]


def test_an_id_used_three_times_is_still_one_problem(raw_dataset: Raw) -> None:
    def change(d: Raw) -> None:
        d["industries"][1]["id"] = d["industries"][2]["id"] = d["industries"][0]["id"]

    assert problems_after(raw_dataset, change) == [("industries", "id 'software-it' is used more than once")]


def test_a_level_id_used_twice(raw_dataset: Raw) -> None:
    problems = problems_after(raw_dataset, lambda d: d["levels"][0].update(id="mid"))
    assert problems.count(("levels", "id 'mid' is used more than once")) == 1


def test_an_open_ended_level_must_be_the_last(raw_dataset: Raw) -> None:
    assert problems_after(raw_dataset, lambda d: level(d, "mid")["experience"].update(max_years=None)) == [
        ("levels", "'mid' is open-ended but 'senior' follows it")
    ]


def test_levels_out_of_order_are_reported_as_such_even_when_their_years_do_not_overlap(raw_dataset: Raw) -> None:
    def change(d: Raw) -> None:
        d["levels"][0], d["levels"][1] = d["levels"][1], d["levels"][0]  # mid (5–10) then entry (0–5)

    assert problems_after(raw_dataset, change) == [("levels", "'entry' starts before 'mid'; list levels in order")]


def test_two_levels_starting_the_same_year_overlap(raw_dataset: Raw) -> None:
    assert problems_after(raw_dataset, lambda d: level(d, "mid")["experience"].update(min_years=0)) == [
        ("levels", "experience of 'mid' (0–10 years) overlaps 'entry' (0–5 years)")
    ]


def test_an_open_ended_level_starting_inside_the_one_before_overlaps_it(raw_dataset: Raw) -> None:
    assert problems_after(raw_dataset, lambda d: level(d, "senior")["experience"].update(min_years=8)) == [
        ("levels", "experience of 'senior' (8+ years) overlaps 'mid' (5–10 years)")
    ]


@pytest.mark.parametrize(
    "experience",
    [{"min_years": "5"}, {"min_years": 5.0}, {"min_years": None}, {"max_years": "ten"}, {"min_years": True}],
    ids=["min text", "min float", "min missing", "max text", "min true"],
)
def test_years_that_are_not_whole_numbers_are_left_to_the_field_errors(raw_dataset: Raw, experience: Raw) -> None:
    """The field check already says what is wrong with them; comparing them would say nonsense (or fail)."""
    assert problems_after(raw_dataset, lambda d: level(d, "mid")["experience"].update(experience)) == []
