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
    # One form for dates everywhere (issue 24 item 12): the data-pack review said "2026-11-28".
    assert (read_on.old, read_on.new) == ("28 November 2026", "31 January 2030")


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


# --- the lines of the import preview, as a user reads them: (kind, what, was, now, by how much) ------------------


def lines(old: Dataset, raw: dict[str, Any], edit: Callable[[dict[str, Any]], None]) -> list[tuple[str, ...]]:
    diff = diff_datasets(old, changed(raw, edit))
    return [(c.kind, c.path, c.what, c.old, c.new, c.delta_text) for c in diff.changes]


def level(d: dict[str, Any], level_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(lv for lv in d["levels"] if lv["id"] == level_id)
    return found


def conflict(d: dict[str, Any], conflict_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in d["conflicts"] if c["id"] == conflict_id)
    return found


def test_every_kind_of_figure_that_moves_shows_its_name_both_values_and_the_difference(
    dataset: Dataset, raw_dataset: dict[str, Any]
) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["overall"]["base_range"].update(min=80_000, max=150_000)
        d["overall"]["experienced_ceiling"]["amount"] = 290_000
        level(d, "entry")["range"]["min"] = 72_000
        level(d, "senior")["range"]["max"] = 210_000
        level(d, "entry")["experience"]["min_years"] = 1
        level(d, "mid")["experience"]["max_years"] = 12
        level(d, "senior")["experience"]["min_years"] = 12
        d["employers"][0]["pay"]["amount"] = 150_000
        d["outlook"]["job_growth"]["percent"] = 35
        d["outlook"]["market_size"]["amount"] = 40_000_000_000
        conflict(d, "entry-ceiling")["figures"][1]["amount"] = 155_000

    assert lines(dataset, raw_dataset, edit) == [
        ("up", "overall.base_range.min", "Overall average base salary: low end", "$78,000", "$80,000", "+$2,000"),
        ("down", "overall.base_range.max", "Overall average base salary: high end", "$154,000", "$150,000", "-$4,000"),
        ("up", "overall.experienced_ceiling", "With more experience", "up to $280,000", "up to $290,000", "+$10,000"),
        ("up", "levels.entry.range.min", "Entry level: lowest salary", "$70,000", "$72,000", "+$2,000"),
        ("up", "levels.entry.experience.min_years", "Entry level: starts at", "0 years", "1 year", "+1 year"),
        ("up", "levels.mid.experience.max_years", "Mid level: ends at", "10 years", "12 years", "+2 years"),
        ("up", "levels.senior.range.max", "Senior level: highest salary", "$204,000", "$210,000", "+$6,000"),
        ("up", "levels.senior.experience.min_years", "Senior level: starts at", "10 years", "12 years", "+2 years"),
        ("up", "employers.google.pay", "Google (employer): pay", "almost $148,000", "almost $150,000", "+$2,000"),
        ("down", "outlook.job_growth", "Job growth (next decade)", "almost 40%", "almost 35%", "-5 points"),
        (
            "up",
            "outlook.market_size",
            "Global ML market by 2028",
            "might cross $36,000,000,000",
            "might cross $40,000,000,000",
            "+$4,000,000,000",
        ),
        (
            "up",
            "conflicts.entry-ceiling.figures.1",
            "Entry-level ceiling: $132,000 or $150,000?: Conclusion",
            "up to $150,000",
            "up to $155,000",
            "+$5,000",
        ),
    ]
    assert diff_datasets(dataset, changed(raw_dataset, edit)).summary() == "10 figures up, 2 figures down."


def test_a_year_less_is_one_year_and_a_point_more_is_a_point(dataset: Dataset, raw_dataset: dict[str, Any]) -> None:
    def edit(d: dict[str, Any]) -> None:
        level(d, "mid")["experience"]["max_years"] = 9
        level(d, "senior")["experience"]["min_years"] = 9
        d["outlook"]["job_growth"]["percent"] = 41

    assert [(c[3], c[4], c[5]) for c in lines(dataset, raw_dataset, edit)] == [
        ("10 years", "9 years", "-1 year"),
        ("10 years", "9 years", "-1 year"),
        ("almost 40%", "almost 41%", "+1 point"),
    ]


def test_a_new_word_before_the_same_figure_is_a_change_without_a_difference(
    dataset: Dataset, raw_dataset: dict[str, Any]
) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["overall"]["experienced_ceiling"]["qualifier"] = "as much as"
        d["employers"][0]["pay"]["qualifier"] = None

    diff = diff_datasets(dataset, changed(raw_dataset, edit))
    assert [(c.kind, c.path, c.what, c.old, c.new, c.delta_text) for c in diff.changes] == [
        ("changed", "overall.experienced_ceiling", "With more experience", "up to $280,000", "as much as $280,000", ""),
        ("changed", "employers.google.pay", "Google (employer): pay", "almost $148,000", "$148,000", ""),
    ]
    assert diff.summary() == "2 other changes."


def test_a_figure_that_comes_or_goes_is_one_line_without_its_quote_unit_and_sources(
    dataset: Dataset, raw_dataset: dict[str, Any]
) -> None:
    def edit(d: dict[str, Any]) -> None:
        level(d, "entry")["average"] = {**level(d, "mid")["average"], "amount": 100_000}
        level(d, "senior")["average"] = None
        conflict(d, "above-every-range")["figures"].pop()

    diff = diff_datasets(dataset, changed(raw_dataset, edit))
    assert [(c.kind, c.path, c.what, c.old, c.new, c.delta_text) for c in diff.changes] == [
        ("added", "levels.entry.average", "Entry level: average", "", "$100,000", ""),
        ("removed", "levels.senior.average", "Senior level: average", "around $150,000", "", ""),
        (
            "removed",
            "conflicts.above-every-range.figures.2",
            "Two figures above every level's range: Amazon, “highest salary”",
            "highest $254,000",
            "",
            "",
        ),
    ]
    assert diff.summary() == "1 added, 2 removed."


def test_entries_that_come_or_go_are_named_and_what_follows_them_is_still_compared(
    dataset: Dataset, raw_dataset: dict[str, Any]
) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["general_skills"].pop(1)
        level(d, "mid")["skills"].pop()
        d["employers"].pop(0)
        d["conflicts"].pop(3)
        level(d, "senior")["experience"]["max_years"] = 20
        principal = copy.deepcopy(level(d, "senior"))
        principal.update(id="principal", name="Principal", outcomes=[])
        principal["experience"].update(min_years=20, max_years=None)
        for skill in principal["skills"]:
            skill["id"] = skill["id"].replace("senior.", "principal.")
        d["levels"].append(principal)
        d["industries"][0]["average"]["amount"] += 1_000
        d["sources"].append({**d["sources"][0], "id": "linkedin", "name": "LinkedIn"})

    diff = diff_datasets(dataset, changed(raw_dataset, edit))
    assert [(c.kind, c.path, c.what, c.old, c.new, c.delta_text) for c in diff.changes] == [
        ("added", "levels.principal", "Level: Principal", "", "new", ""),
        ("added", "sources.linkedin", "Source: LinkedIn", "", "new", ""),
        (
            "removed",
            "general_skills.general.feature-engineering",
            "Skill (general): Feature engineering",
            "was there",
            "",
            "",
        ),
        (
            "removed",
            "levels.mid.skills.mid.distributed-computing",
            "Skill (Mid level): Distributed computing",
            "was there",
            "",
            "",
        ),
        ("removed", "employers.google", "Employer: Google", "was there", "", ""),
        ("removed", "conflicts.senior-average", "Conflict: Senior average barely above mid level", "was there", "", ""),
        ("added", "levels.senior.experience.max_years", "Senior level: ends at", "", "20 years", ""),
        (
            "up",
            "industries.software-it.average",
            "Software and IT services (industry): average",
            "around $135,000",
            "around $136,000",
            "+$1,000",
        ),
    ]
    assert diff.summary() == "1 figure up, 3 added, 4 removed."


def test_a_new_document_title_and_reading_date_are_listed_once_each(
    dataset: Dataset, raw_dataset: dict[str, Any]
) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["document"].update(title="ML engineer salary in US (2030 edition)", read_on="2030-01-31")

    assert lines(dataset, raw_dataset, edit) == [
        (
            "changed",
            "document.title",
            "Document",
            dataset.document.title,
            "ML engineer salary in US (2030 edition)",
            "",
        ),
        ("changed", "document.read_on", "Figures read on", "28 November 2026", "31 January 2030", ""),
    ]


def test_other_changes_name_the_entry_they_belong_to_or_their_field(
    dataset: Dataset, raw_dataset: dict[str, Any]
) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["title"] = "New title"
        d["overall"]["base_range"]["quote"] = "A new sentence."
        level(d, "mid")["experience"]["qualifier"] = None
        level(d, "mid")["skills"][0]["name"] = "Deep learning (renamed)"
        d["industries"][1]["average"]["quote"] = "Quote changed."
        conflict(d, "above-every-range")["level_ids"] = ["mid", "senior"]
        conflict(d, "above-every-range")["figures"][0]["label"] = "Top of senior"

    range_quote = dataset.overall.base_range.quote
    industry_quote = dataset.industries[1].average.quote
    title = "Conflict: Two figures above every level's range"
    assert lines(dataset, raw_dataset, edit) == [
        ("changed", "title", "title", dataset.title, "New title", ""),
        ("changed", "overall.base_range.quote", "overall.base_range.quote", range_quote, "A new sentence.", ""),
        (
            "changed",
            "levels.mid.experience.qualifier",
            "Level: Mid level: experience.qualifier",
            "around",
            "(none)",
            "",
        ),
        (
            "changed",
            "levels.mid.skills.mid.deep-learning.name",
            "Skill (Mid level): Deep learning: name",  # the skill, not only its level
            "Deep learning",
            "Deep learning (renamed)",
            "",
        ),
        (
            "changed",
            "industries.consumer-goods.average.quote",
            "Industry: Consumer goods: average.quote",
            industry_quote,
            "Quote changed.",
            "",
        ),
        ("changed", "conflicts.above-every-range.level_ids", f"{title}: level_ids", "senior", "mid, senior", ""),
        (
            "changed",
            "conflicts.above-every-range.figures.0.label",
            f"{title}: figures.0.label",
            "Top of the senior range",
            "Top of senior",
            "",
        ),
    ]


def test_a_large_pack_lists_exactly_what_changed(dataset: Dataset, raw_dataset: dict[str, Any]) -> None:
    """6,000 skills added beside a renamed, a removed skill and a changed quote under an id with dots: each is one
    line, nothing under an added entry is listed again (this took 40 s when every path was compared with every
    entry that came or went; now it is linear)."""
    raw = copy.deepcopy(raw_dataset)
    levels = raw["levels"]
    first, last = levels[0]["skills"], levels[-1]["skills"]
    renamed, removed, requoted = first[0]["id"], first[1]["id"], last[0]["id"]
    first[0]["name"] = "Renamed skill"
    del first[1]
    last[0]["quote"] = "A changed quote."
    for lv in levels:
        lv["skills"].extend(
            {
                "id": f"{lv['id']}.extra.{n}",
                "name": f"Extra {n}",
                "description": "d",
                "sources": ["article"],
                "quote": "q",
            }
            for n in range(6000 // len(levels))
        )
    diff = diff_datasets(dataset, Dataset.model_validate(raw))
    added = [c for c in diff.changes if c.kind == "added"]
    assert len(added) == 6000 // len(levels) * len(levels)
    assert all(".extra." in c.path and c.path.count(".extra.") == 1 for c in added)
    assert [c.path for c in diff.changes if c.kind == "removed"] == [f"levels.{levels[0]['id']}.skills.{removed}"]
    others = sorted((c.path, c.new) for c in diff.changes if c.kind == "changed")
    assert others == sorted(
        [
            (f"levels.{levels[0]['id']}.skills.{renamed}.name", "Renamed skill"),
            (f"levels.{levels[-1]['id']}.skills.{requoted}.quote", "A changed quote."),
        ]
    )
    requote = next(c for c in diff.changes if c.path.endswith(".quote"))
    assert requote.what.startswith(f"Skill ({levels[-1]['name']}): ")  # the innermost entry owns the field
    assert diff.summary() == f"{len(added)} added, 1 removed, 2 other changes."
