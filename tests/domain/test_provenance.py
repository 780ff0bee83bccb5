"""Every sourced figure can name its source and as-of date; the app's own figures are labelled as such."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from planner.domain.dataset import Dataset
from planner.domain.profile import Assumptions, Profile
from planner.domain.projection import project
from planner.domain.projection_text import breakdown
from planner.domain.provenance import as_of, assumption_rows, date_text, figure_name, source_line, source_rows


def test_every_sourced_item_is_a_row_with_its_sources_and_date(dataset: Dataset) -> None:
    rows = source_rows(dataset)
    items = list(dataset.sourced_items())
    assert [r.path for r in rows] == [path for path, _item in items]
    for row, (_path, item) in zip(rows, items, strict=True):
        assert row.kind == "data"
        assert row.sources == dataset.source_names(item.sources)
        assert row.quote == item.quote
        assert row.as_of == "28 November 2026"  # the form of every other date (issue 24 item 12)
        assert row.value


def test_source_line_names_the_source_and_the_as_of_date(dataset: Dataset) -> None:
    fig = dataset.industries[0].average
    line = source_line(dataset, fig)
    assert dataset.source_names(fig.sources) in line
    assert str(dataset.document.read_on.year) in line
    assert dataset.document.read_on.strftime("%B") in line


def test_assumptions_and_derived_figures_are_never_data(dataset: Dataset) -> None:
    a = Assumptions(inflation=0.04, yearly_raise=0.05, bonus_percent=10, yearly_equity=20_000)
    rows = {r.path: r for r in assumption_rows(dataset, a)}
    for name in ("inflation", "yearly_raise", "bonus_percent", "yearly_equity", "promotion_shift_years"):
        assert rows[f"assumptions.{name}"].kind == "assumption"
    assert rows["assumptions.inflation"].value == "4.0%"
    assert rows["assumptions.yearly_equity"].value == "$20,000"
    assert rows["overall.base_range (midpoint)"].kind == "derived"
    inferred = [lv for lv in dataset.levels if lv.experience.basis == "inferred"]
    assert inferred, "the built-in data infers entry-level years"
    for lv in inferred:
        assert rows[f"levels.{lv.id}.experience"].kind == "inferred"
    assert all(r.as_of == "" for r in rows.values())


def test_breakdown_lines_say_where_each_amount_comes_from(dataset: Dataset) -> None:
    industry = dataset.industries[0]
    profile = Profile(years_of_experience=3, industry=industry.id)
    b = breakdown(project(dataset, profile, 2030), 4, "nominal", "total")
    kinds = {line.label.split(" ")[0]: line for line in b.lines}
    assert kinds["Raises"].kind == "assumption"
    assert kinds["Inflation"].kind == "assumption"
    assert kinds["Bonus"].kind == "assumption"
    assert kinds["Equity"].kind == "assumption"
    assert kinds["Your"].kind == "derived"  # what the skills add is the app's, not the article's
    range_line = b.lines[0]
    assert range_line.kind == "derived"  # the article's range × the industry's pay factor
    assert f"{industry.name} pays" not in range_line.label
    assert str(dataset.document.read_on.year) in range_line.source
    assert "÷ $116,000" in range_line.detail


# --- the "Data sources" view: every row's name, value, unit and who made it, as a user reads them ---------------


def with_changes(raw: dict[str, Any], edit: Callable[[dict[str, Any]], None]) -> Dataset:
    data = copy.deepcopy(raw)
    edit(data)
    return Dataset.model_validate(data)


def test_the_app_s_own_figures_say_how_they_are_made_and_who_chose_them(dataset: Dataset) -> None:
    a = Assumptions(
        inflation=0.04, yearly_raise=0.05, bonus_percent=12.5, yearly_equity=20_000, promotion_shift_years=1.5
    )
    entry = dataset.levels[0]
    assert (entry.id, entry.average, entry.experience.basis) == ("entry", None, "inferred")
    app, mine, default = "the app", "you", "the app's default (yours to change)"
    assert [tuple(vars(row).values()) for row in assumption_rows(dataset, a)] == [
        (
            "overall.base_range (midpoint)",
            "derived",
            "$116,000",  # the middle of $78,000 – $154,000
            "USD per year",
            app,
            "The middle of the overall average range; industry and employer pay is compared with it.",
            "",
        ),
        ("levels.entry.experience", "inferred", "0–5 years", "years of experience", app, entry.experience.note, ""),
        (
            "levels.entry.range (middle)",
            "derived",
            "$101,000",  # the middle of $70,000 – $132,000
            "USD per year",
            app,
            "The source gives no average for this level; the projection uses the middle of its range.",
            "",
        ),
        ("assumptions.inflation", "assumption", "4.0%", "per year", mine, "Price growth.", ""),
        ("assumptions.yearly_raise", "assumption", "5.0%", "per year", mine, "Raise within a level.", ""),
        (
            "assumptions.bonus_percent",
            "assumption",
            "12.5%",
            "of base salary",
            mine,
            "Added in total compensation.",
            "",
        ),
        (
            "assumptions.yearly_equity",
            "assumption",
            "$20,000",
            "USD per year, today's dollars",
            mine,
            "Added in total compensation.",
            "",
        ),
        (
            "assumptions.promotion_shift_years",
            "assumption",
            "1.5 years",
            "years",
            mine,
            "How far a level's skills move the promotion into it.",
            "",
        ),
        (
            "assumptions.promotion_raise",
            "assumption",
            "10%",
            "at a promotion",
            default,
            "The pay jump a promotion brings.",
            "",
        ),
        (
            "assumptions.skill_pace",
            "assumption",
            "25%",
            "of the gap a year",
            default,
            "With a salary: how fast pay follows what your skills warrant.",
            "",
        ),
    ]


def test_every_level_without_an_average_gets_the_middle_of_its_range(
    dataset: Dataset, raw_dataset: dict[str, Any]
) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["levels"][2]["average"] = None
        d["conflicts"] = [c for c in d["conflicts"] if c["id"] != "senior-average"]

    rows = {row.path: row for row in assumption_rows(with_changes(raw_dataset, edit), Assumptions())}
    assert [path for path in rows if path.endswith("(middle)")] == [
        "levels.entry.range (middle)",
        "levels.senior.range (middle)",
    ]
    assert rows["levels.senior.range (middle)"].value == "$159,500"  # ($115,000 + $204,000) / 2


def test_a_sourced_figure_is_shown_as_the_source_states_it_with_its_unit(dataset: Dataset) -> None:
    rows = {row.path: (row.value, row.unit) for row in source_rows(dataset)}
    # Issue 24 item 7: the article says "base salary" of its overall range only; every other figure's unit says
    # that the app reads it as base salary (it said "USD per year, base salary" of every figure).
    base = "USD per year, base salary, United States"
    year = "USD per year, United States (read as base salary: the article does not say)"
    assert rows["overall.base_range"] == ("$78,000 – $154,000", base)
    assert rows["overall.experienced_ceiling"] == ("up to $280,000", year)
    assert rows["levels.senior.average"] == ("around $150,000", year)
    assert rows["levels.entry.range"] == ("$70,000 – $132,000", year)
    assert rows["industries.education.average"] == ("$103,000", year)
    assert rows["employers.amazon.pay"] == (
        "highest $254,000 (the article is ambiguous here: its highest salary, or the pay of the employer that pays "
        "most)",
        year,
    )
    assert rows["conflicts.above-every-range.figures.2"][0].endswith(
        "(the article is ambiguous here: its highest salary, or the pay of the employer that pays most)"
    )
    assert rows["outlook.job_growth"] == ("almost 40%", "percent growth over the next decade")
    assert rows["outlook.market_size"] == ("might cross $36,000,000,000", "USD, global market capitalisation")
    assert rows["general_skills.general.collaboration"] == ("Collaboration", "skill")
    assert rows["levels.mid.skills.mid.deep-learning"] == ("Deep learning", "skill")
    assert rows["levels.senior.outcomes.senior.leadership"] == (dataset.levels[2].outcomes[0].text, "outcome")


def test_a_growth_figure_without_a_qualifier_is_the_bare_percentage(raw_dataset: dict[str, Any]) -> None:
    ds = with_changes(raw_dataset, lambda d: d["outlook"]["job_growth"].update(qualifier=None))
    assert next(row.value for row in source_rows(ds) if row.path == "outlook.job_growth") == "40%"


def test_the_as_of_date_names_the_publication_day_when_the_article_has_one(raw_dataset: dict[str, Any]) -> None:
    ds = with_changes(raw_dataset, lambda d: d["document"].update(published="2025-03-07"))
    assert as_of(ds) == "read on 28 November 2026 (published 7 March 2025)"
    assert date_text(dt.date(2030, 1, 2)) == "2 January 2030"


def test_every_row_of_the_data_sources_view_has_a_name_a_person_would_use(dataset: Dataset) -> None:
    rows = source_rows(dataset) + assumption_rows(dataset, Assumptions())
    names = {row.path: figure_name(dataset, row.path) for row in rows}
    assert all(name != path for path, name in names.items()), "a row shown by its field path only"
    assert names == names | {
        "overall.base_range": "Overall average base salary",
        "overall.experienced_ceiling": "With more experience",
        "overall.base_range (midpoint)": "Overall average base salary: the middle of the range",
        "general_skills.general.deployment": "Every level: general skill “Deployment and maintenance”",
        "levels.entry.range": "Entry level: salary range",  # the article's word: "base" only of the overall range
        "levels.entry.range (middle)": "Entry level: the middle of the salary range",
        "levels.entry.experience": "Entry level: years of experience",
        "levels.mid.average": "Mid level: average salary",
        "levels.mid.skills.mid.keras-pytorch": "Mid level: skill “Keras or PyTorch”",
        "levels.senior.outcomes.senior.leadership": "Senior level: where it leads (not a skill)",
        "industries.consumer-goods.average": "Consumer goods: average pay (industry)",
        "employers.amazon.pay": "Amazon: pay (employer)",
        "outlook.job_growth": "Growth of AI and ML jobs",
        "outlook.market_size": "Size of the global ML market",
        "conflicts.entry-ceiling.figures.1": "Entry-level ceiling: $132,000 or $150,000? — Conclusion",
        "assumptions.inflation": "Inflation (your assumption)",
        "assumptions.yearly_raise": "Yearly raise within a level (your assumption)",
        "assumptions.bonus_percent": "Bonus (your assumption)",
        "assumptions.yearly_equity": "Yearly equity (your assumption)",
        "assumptions.promotion_shift_years": "Promotion moved by skills (your assumption)",
    }


@pytest.mark.parametrize(
    "path",
    [
        "overall",
        "overall.median",
        "overall.base_range.min",
        "outlook.unemployment",
        "outlook.job_growth.percent",
        "assumptions.horizon_years",
        "assumptions",
        "general_skills.general.juggling",
        "levels.principal.range",
        "levels.entry",
        "levels.entry.bonus",
        "levels.entry.skills.entry.juggling",
        "levels.entry.skills",
        "levels.entry.range.min",
        "levels.senior.notes.senior.leadership",
        "industries.software-it.name",
        "employers.google.name",
        "levels.senior.outcomes.senior.retirement",
        "levels.senior.outcomes",
        "industries.space.average",
        "industries.software-it",
        "employers.acme.pay",
        "employers.google",
        "conflicts.entry-ceiling.figures.2",
        "conflicts.entry-ceiling.figures.first",
        "conflicts.nowhere.figures.0",
        "conflicts.entry-ceiling.quotes.0",
        "units.percent-decade",
    ],
)
def test_a_path_the_view_does_not_know_is_shown_as_it_is(dataset: Dataset, path: str) -> None:
    assert figure_name(dataset, path) == path


def test_ids_without_a_dot_are_named_too(raw_dataset: dict[str, Any]) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["general_skills"][0]["id"] = "cleaning"
        d["levels"][1]["skills"][0]["id"] = "dl"
        d["levels"][2]["outcomes"][0]["id"] = "lead"

    ds = with_changes(raw_dataset, edit)
    assert figure_name(ds, "general_skills.cleaning") == "Every level: general skill “Data pre-processing”"
    assert figure_name(ds, "levels.mid.skills.dl") == "Mid level: skill “Deep learning”"
    assert figure_name(ds, "levels.senior.outcomes.lead") == "Senior level: where it leads (not a skill)"
