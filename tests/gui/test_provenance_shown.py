"""Every tab says where its figures come from (source and as-of date) and labels the app's assumptions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from planner.domain.dataset import Dataset
from planner.domain.provenance import date_text
from planner.tabs.industries.presenter import IndustriesPresenter
from planner.tabs.levels.presenter import LevelsPresenter
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.projection.view import ProjectionTab
from planner.tabs.skills.presenter import SkillsPresenter


def as_of(dataset: Dataset) -> str:
    return f"read on {date_text(dataset.document.read_on)} (the article is undated)"


def test_levels_hover_and_table_name_sources_and_date(main_context: Any, dataset: Dataset) -> None:
    levels = main_context.presenter("levels", LevelsPresenter)
    for i, lv in enumerate(dataset.levels):
        text = levels.hover_text(i)
        assert dataset.source_names(lv.range.sources) in text
        assert as_of(dataset) in text
        tip = levels.table.index(i, 2).data(Qt.ItemDataRole.ToolTipRole)
        assert as_of(dataset) in tip
    entry = next(i for i, lv in enumerate(dataset.levels) if lv.experience.basis == "inferred")
    assert "inferred" in levels.hover_text(entry).lower()


def test_industries_hover_and_table_name_sources_and_date(main_context: Any, dataset: Dataset) -> None:
    main_context.window.tab_widget("industries")
    presenter = main_context.presenter("industries", IndustriesPresenter)
    for entry in presenter.entries():
        text = presenter.hover_text(entry.key)
        assert f"Source: {dataset.source_names(entry.figure.sources)}, {as_of(dataset)}" in text
    table = presenter.table
    assert as_of(dataset) in table.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "derived by the app" in presenter.chart().midpoint_label


def test_skill_tooltips_name_source_and_date(main_context: Any, dataset: Dataset) -> None:
    skill = dataset.levels[1].skills[0]
    tip = main_context.presenter("skills", SkillsPresenter).skill_index(skill.id).data(Qt.ItemDataRole.ToolTipRole)
    assert as_of(dataset) in tip


def test_projection_labels_data_and_assumptions(main_context: Any, dataset: Dataset) -> None:
    tab = main_context.window.tab_widget("projection")
    assert isinstance(tab, ProjectionTab)
    presenter = main_context.presenter("projection", ProjectionPresenter)
    presenter.comp_chosen("total")
    tab.details_button.click()  # "Why this number?" opens under the chart
    presenter.year_selected(5)
    text = tab.breakdown.toPlainText()
    assert f"Source: {dataset.source_names(dataset.levels[0].range.sources)}, {as_of(dataset)}" in text
    for line in ("Raises beyond inflation", "Inflation to", "Bonus", "Equity"):
        assert line in text
    # One "assumption" label for each of those four lines, none for the data or your own inputs.
    assert text.count("Assumption, not data") == 4
    notes = tab.breakdown.toPlainText()  # the notes under "Why this number?"
    assert "are assumptions, yours to change" in notes
    assert as_of(dataset) in notes
    header = tab.table.model().headerData
    assert "assumptions" in header(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    low_tip = header(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "the article's figure, times the pay factor" in low_tip
