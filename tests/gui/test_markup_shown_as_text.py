"""Text from files is data, never markup (issue 12): random names full of markup, put into every place a name is
shown (levels, industries, skills, sources, the Data sources page, chart legends, tooltips, the PDF report), show
exactly as typed.

The names bypass the dataset's own refusal of ``<`` and ``>`` (``model_copy`` skips validation): this tests the
first line of defence, the escaping, as if the second one were not there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from planner.app import build_window
from planner.commands.reports import career_report
from planner.domain.dataset import Dataset
from planner.tabs.industries.presenter import IndustriesPresenter
from planner.tabs.levels.presenter import LevelsPresenter
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.skills.presenter import SkillsPresenter
from planner.views.report_render import report_blocks

TOKENS = [
    "<b>",
    "</b>",
    "<h1>",
    "<img src='/any/local/file.png' width=20000 height=20000>",
    "<a href='file:///etc'>",
    "<!--",
    "-->",
    "<br>",
    "<script>",
    "&amp;",
    "&lt;",
    "&",
    "<",
    ">",
    '"',
    "'",
    "{0}",
    "{value}",
    "x",
    "Glassdoor",
    "é",
    " ",
]

names = (
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8)
    .map(lambda parts: " ".join("".join(parts).split()))  # shown in flowing text: no runs of spaces
    .filter(bool)
)

SETTINGS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def visible(rich: str) -> str:
    """What a user sees of a piece of rich text (a tooltip, a label, a page)."""
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def with_names(ds: Dataset, text: str) -> Dataset:
    level = ds.levels[0]
    skill = level.skills[0].model_copy(update={"name": f"{text} skill"})
    level = level.model_copy(update={"name": f"{text} level", "skills": [skill, *level.skills[1:]]})
    industry = ds.industries[0].model_copy(update={"name": f"{text} industry"})
    sources = [s.model_copy(update={"name": f"{text} source"}) for s in ds.sources]
    document = ds.document.model_copy(update={"title": f"{text} article"})
    return ds.model_copy(
        update={
            "title": f"{text} data",
            "document": document,
            "sources": sources,
            "levels": [level, *ds.levels[1:]],
            "industries": [industry, *ds.industries[1:]],
        }
    )


def legend_texts(legend: Any) -> list[str]:
    """What a legend row shows and says on hover (plain text: it draws names as they are)."""
    return [text for entry in legend.entries() for text in (entry.name, entry.tip)]


def tooltips(model: Any, parent: QModelIndex | None = None) -> list[str]:
    """Every cell's tooltip as the user would see it."""
    parent = parent or QModelIndex()
    seen = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if tip:
                seen.append(visible(tip))
            if column == 0:
                seen.extend(tooltips(model, index))
    return seen


@SETTINGS
@given(text=names)
def test_every_name_shows_exactly_as_typed(qapp: Any, qtbot: Any, dataset: Dataset, tmp_path: Path, text: str) -> None:
    ds = with_names(dataset, text)
    ctx = build_window(qapp, ds, tmp_path)
    qtbot.addWidget(ctx.window)
    ctx.session.edit(industry=ds.industries[0].id, years_of_experience=1)
    window = ctx.window
    level_name, skill_name, industry_name, source_name = (
        f"{text} level",
        f"{text} skill",
        f"{text} industry",
        f"{text} source",
    )

    # Salary by level: summary, details, table tooltips, the chart's legend and hover text.
    levels = ctx.presenter("levels", LevelsPresenter)
    assert source_name in visible(levels.summary_html())
    assert f"{text} article" in visible(levels.summary_html())
    details = visible(levels.details_html(0)).splitlines()
    assert details[0] == level_name
    assert skill_name in details
    level_tips = tooltips(levels.table)
    assert any(tip.startswith(level_name + " (") for tip in level_tips)
    assert any(skill_name in tip.splitlines() for tip in level_tips)
    levels_tab = window.tabs.widget(0)
    key = visible(levels_tab.key_label.text())  # the chart's key, under the chart
    assert source_name in key
    assert levels.chart().overall_label in key
    assert levels.hover_text(0).startswith(level_name)

    # Industries: the table's tooltips, the hover text and its tooltip, the chart key.
    industries_tab = window.tab_widget("industries")
    assert ctx.presenter("industries", IndustriesPresenter) is not None
    industry_tips = tooltips(ctx.presenter("industries", IndustriesPresenter).proxy)
    assert any(tip.startswith(source_name) or source_name in tip for tip in industry_tips)
    key = next(
        k
        for k in industries_tab.chart.bar_keys()
        if industry_name in ctx.presenter("industries", IndustriesPresenter).hover_text(k)
    )
    industries_tab.chart._set_hover(key, industries_tab.plot.getPlotItem().getViewBox().viewRect().center())
    assert visible(industries_tab.plot.toolTip()) == ctx.presenter("industries", IndustriesPresenter).hover_text(key)
    assert industry_name in industries_tab.chart.hover_label.toPlainText()

    # Skills: the level's and the skill's tooltips.
    window.tab_widget("skills")
    skill_tips = tooltips(ctx.presenter("skills", SkillsPresenter).model)
    assert any(level_name.lower() in tip for tip in skill_tips)
    assert any(tip.splitlines()[0] == f"{skill_name} ({level_name})" for tip in skill_tips)

    # Projection: the legend and the crosshair's tooltip name the industry and the level.
    projection_tab: QWidget = window.tab_widget("projection")
    assert ctx.presenter("projection", ProjectionPresenter) is not None
    assert any(industry_name in entry for entry in legend_texts(projection_tab.legend))  # type: ignore[attr-defined]
    assert level_name in visible(projection_tab.plot.toolTip())  # type: ignore[attr-defined]

    # Help > Data sources: the page's text and the table's tooltips.
    page = ctx.commands.show_data_sources()
    qtbot.addWidget(page)
    intro = visible(page.findChild(QWidget, "dataSourcesIntro").toHtml())  # type: ignore[union-attr]
    assert f"{text} data" in intro.splitlines()[0]
    assert any(line.startswith(source_name + " (") for line in intro.splitlines())
    assert any(source_name in tip for tip in tooltips(page.proxy))

    # The PDF report: built from the same HTML the PDF is printed from.
    report = career_report(
        ds,
        ctx.session.profile,
        ctx.presenter("skills", SkillsPresenter).progress(),
        ctx.presenter("projection", ProjectionPresenter),
        dt.date(2026, 1, 1),
    )
    shown = visible("".join(block.html for block in report_blocks(report, None, 560))).splitlines()
    assert any(line.startswith(level_name) for line in shown)
    assert any(source_name + " (" in line for line in shown)
    assert any(line == f"Industry{industry_name}" or industry_name in line for line in shown)
    window.close()
