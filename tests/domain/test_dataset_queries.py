"""What the app reads from a loaded dataset: which level a number of years falls in, rules at their edges, and the
lookups the tabs use. Edge cases are built from the bundled data with one field changed, as a data file would be."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from planner.domain.dataset import Dataset, Experience


def changed(raw: dict[str, Any], edit: Any) -> Dataset:
    data = _copy(raw)
    edit(data)
    return Dataset.model_validate(data)


def _copy(raw: dict[str, Any]) -> dict[str, Any]:
    copied: dict[str, Any] = json.loads(json.dumps(raw))
    return copied


def by_id(items: list[dict[str, Any]], item_id: str) -> dict[str, Any]:
    return next(x for x in items if x["id"] == item_id)


@pytest.mark.parametrize(
    ("years", "level"),
    [(0, "entry"), (4.99, "entry"), (5, "mid"), (9.5, "mid"), (10, "senior"), (25, "senior"), (79, "senior")],
)
def test_years_of_experience_put_you_in_the_articles_level(dataset: Dataset, years: float, level: str) -> None:
    assert dataset.level_for_years(years).id == level


def test_a_year_in_a_gap_between_levels_belongs_to_the_level_below(raw_dataset: dict[str, Any]) -> None:
    def gap(d: dict[str, Any]) -> None:
        by_id(d["levels"], "entry")["experience"]["max_years"] = 3  # entry 0–3, mid from 5: years 3–5 in no band

    data = changed(raw_dataset, gap)
    assert data.level_for_years(4).id == "entry"
    assert data.level_for_years(5).id == "mid"


def test_years_before_the_first_level_count_as_the_first(raw_dataset: dict[str, Any]) -> None:
    def late_start(d: dict[str, Any]) -> None:
        by_id(d["levels"], "entry")["experience"]["min_years"] = 2

    data = changed(raw_dataset, late_start)
    assert data.level_for_years(0).id == "entry"
    assert data.level_for_years(1.5).id == "entry"


def test_experience_bands_are_half_open_and_an_open_end_never_ends(dataset: Dataset) -> None:
    mid = dataset.level("mid").experience
    assert mid.contains(5)
    assert mid.contains(9.99)
    assert not mid.contains(10)
    assert not mid.contains(4.99)
    senior = dataset.level("senior").experience
    assert senior.contains(10)
    assert senior.contains(60)
    assert not senior.contains(9.99)


def test_experience_labels_read_as_the_article_words_them(dataset: Dataset) -> None:
    assert dataset.level("entry").experience.label == "0–5 years"
    assert dataset.level("mid").experience.label == "around 5–10 years"
    assert dataset.level("senior").experience.label == "10+ years"


def test_a_band_of_no_years_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"max_years \(5\) must be greater than min_years \(5\)"):
        Experience(min_years=5, max_years=5, basis="article", note="n")
    assert Experience(min_years=5, max_years=6, basis="article", note="n").contains(5)


@pytest.mark.parametrize("where", ["min", "max"])
def test_an_average_at_either_end_of_its_range_is_accepted(raw_dataset: dict[str, Any], where: str) -> None:
    def edge(d: dict[str, Any]) -> None:
        mid = by_id(d["levels"], "mid")
        mid["average"]["amount"] = mid["range"][where]

    data = changed(raw_dataset, edge)
    assert data.level("mid").average is not None
    assert data.level("mid").average.amount == getattr(data.level("mid").range, where)


def test_an_average_one_dollar_outside_its_range_is_refused(raw_dataset: dict[str, Any]) -> None:
    for amount in (98_999, 180_001):

        def outside(d: dict[str, Any], amount: int = amount) -> None:
            by_id(d["levels"], "mid")["average"]["amount"] = amount

        with pytest.raises(ValidationError, match="lies outside the range 99000–180000"):
            changed(raw_dataset, outside)


def test_a_range_of_one_amount_is_accepted(raw_dataset: dict[str, Any]) -> None:
    def single(d: dict[str, Any]) -> None:
        entry = by_id(d["levels"], "entry")
        entry["range"]["max"] = entry["range"]["min"]

    data = changed(raw_dataset, single)
    assert data.level("entry").range.min == data.level("entry").range.max == 70_000


@pytest.mark.parametrize("name", ["tab\there", "bell\x07", "delete\x7f", "line\nbreak"])
def test_control_characters_in_a_name_are_refused(raw_dataset: dict[str, Any], name: str) -> None:
    with pytest.raises(ValidationError, match=r"Value error, must be one line without control characters \["):
        changed(raw_dataset, lambda d: d.update(title=name))


@pytest.mark.parametrize("name", ["a < b", "b > a", "<", ">"])
def test_a_name_with_either_angle_bracket_is_refused(raw_dataset: dict[str, Any], name: str) -> None:
    message = r"Value error, must not contain < or > \(names are shown as plain text\) \["
    with pytest.raises(ValidationError, match=message):
        changed(raw_dataset, lambda d: d.update(title=name))


def test_a_name_with_ordinary_punctuation_and_accents_is_kept(raw_dataset: dict[str, Any]) -> None:
    title = "Salaires ~ café & co. (2024) — “quoted” ~ 100%"
    assert changed(raw_dataset, lambda d: d.update(title=title)).title == title


def test_lookups_by_id_find_the_named_entry_and_refuse_unknown_ones(dataset: Dataset) -> None:
    assert dataset.level("senior").name == dataset.levels[2].name
    assert dataset.industry("education").id == "education"
    assert dataset.employer("amazon").id == "amazon"
    assert dataset.source(dataset.sources[-1].id) == dataset.sources[-1]
    for lookup in (dataset.level, dataset.industry, dataset.employer, dataset.source, dataset.skill_group):
        with pytest.raises(KeyError) as err:
            lookup("no-such-id")
        assert err.value.args == ("no-such-id",)  # the error names what was missing


def test_source_names_are_joined_with_and(dataset: Dataset) -> None:
    first, second = dataset.sources[0], dataset.sources[1]
    assert dataset.source_names([first.id]) == first.name
    assert dataset.source_names([first.id, second.id]) == f"{first.name} and {second.name}"


def test_skills_are_grouped_general_first_then_by_level(dataset: Dataset) -> None:
    groups = dataset.skill_groups()
    assert [g.id for g in groups] == ["general", "entry", "mid", "senior"]
    assert [g.name for g in groups] == ["General skills (every level)", *(lv.name for lv in dataset.levels)]
    assert groups[0].level is None
    assert groups[0].skills == dataset.general_skills
    assert [g.level for g in groups[1:]] == dataset.levels
    assert dataset.skill_group("mid").skills == dataset.level("mid").skills
    assert [s.id for s in dataset.all_skills()] == [s.id for g in groups for s in g.skills]
    assert dataset.skill_ids() == {s.id for s in dataset.all_skills()}


def test_without_general_skills_there_is_no_general_group(raw_dataset: dict[str, Any]) -> None:
    data = changed(raw_dataset, lambda d: d.update(general_skills=[]))
    assert [g.id for g in data.skill_groups()] == ["entry", "mid", "senior"]


def test_a_skill_belongs_to_its_level_and_a_general_or_unknown_one_to_none(dataset: Dataset) -> None:
    for i, lv in enumerate(dataset.levels):
        assert {dataset.level_index_of_skill(s.id) for s in lv.skills} == {i}
    assert dataset.level_index_of_skill(dataset.general_skills[0].id) is None
    assert dataset.level_index_of_skill("no-such-skill") is None


def test_each_level_lists_the_conflicts_that_concern_it(dataset: Dataset) -> None:
    assert [c.id for c in dataset.conflicts_for_level("entry")] == ["entry-ceiling"]
    assert [c.id for c in dataset.conflicts_for_level("senior")] == ["above-every-range", "senior-average"]
    assert dataset.conflicts_for_level("no-such-level") == []


def test_every_sourced_figure_is_listed_once_with_a_readable_path(dataset: Dataset) -> None:
    paths = [path for path, _ in dataset.sourced_items()]
    assert len(paths) == len(set(paths))
    assert paths[:2] == ["overall.base_range", "overall.experienced_ceiling"]
    assert "levels.entry.average" not in paths  # the article gives no entry average
    assert "levels.mid.average" in paths
    assert f"general_skills.{dataset.general_skills[0].id}" in paths
    assert f"levels.senior.outcomes.{dataset.levels[2].outcomes[0].id}" in paths
    assert "employers.google.pay" in paths
    assert "industries.education.average" in paths
    assert paths[-1].startswith("conflicts.")
    assert paths.index("outlook.job_growth") == paths.index("outlook.market_size") - 1
    items = dict(dataset.sourced_items())
    assert items["levels.mid.range"] == dataset.level("mid").range


@pytest.mark.parametrize("name", ["Finance\u202e", "\u2066Finance\u2069", "a\u202ab\u202c"])
def test_a_name_with_a_direction_control_is_refused(raw_dataset: dict[str, Any], name: str) -> None:
    # One such character in "Finance pays $17,000 more than Education" would show the rest of the line reversed.
    with pytest.raises(ValidationError, match=r"Value error, must not contain Unicode direction controls"):
        changed(raw_dataset, lambda d: d.update(title=name))


def test_a_right_to_left_name_without_direction_controls_is_accepted(raw_dataset: dict[str, Any]) -> None:
    assert changed(raw_dataset, lambda d: d.update(title="שכר מהנדסי למידת מכונה")).title == "שכר מהנדסי למידת מכונה"
