"""Every sourced figure can name its source and as-of date; the app's own figures are labelled as such."""

from __future__ import annotations

from planner.domain.dataset import Dataset
from planner.domain.profile import Assumptions, Profile
from planner.domain.projection import project
from planner.domain.projection_text import breakdown
from planner.domain.provenance import assumption_rows, source_line, source_rows


def test_every_sourced_item_is_a_row_with_its_sources_and_date(dataset: Dataset) -> None:
    rows = source_rows(dataset)
    items = list(dataset.sourced_items())
    assert [r.path for r in rows] == [path for path, _item in items]
    for row, (_path, item) in zip(rows, items, strict=True):
        assert row.kind == "data"
        assert row.sources == dataset.source_names(item.sources)
        assert row.quote == item.quote
        assert row.as_of == dataset.document.read_on.isoformat()
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
