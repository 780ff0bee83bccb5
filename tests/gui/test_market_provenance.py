"""Help > Data sources and the career report name the BLS release, its files and BLS's disclaimer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QTextBrowser

from planner.commands.reports import career_report
from planner.domain.dataset import Dataset
from planner.storage.market_file import load_market_data
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.skills.presenter import SkillsPresenter
from planner.views.report_render import report_blocks


def test_data_sources_name_the_release_every_file_and_the_disclaimer(main_context: Any) -> None:
    dialog = main_context.commands.show_data_sources()
    text = dialog.findChild(QTextBrowser, "dataSourcesDetails").toPlainText()  # Technical details
    market = load_market_data()
    assert "May 2025 (code 2025A01), published 15 May 2026" in text
    for file in market.release.files:
        assert file.url in text
        assert file.sha256 in text
    assert "cannot vouch" in text
    assert "15-1252 Software Developers" in text
    dialog.close()


def report_html(report: Any) -> str:
    return "".join(block.html for block in report_blocks(report, None, 500))


def test_the_report_names_the_release_and_where_the_salary_sits(main_context: Any, dataset: Dataset) -> None:
    ctx = main_context
    ctx.window.tab_widget("projection")
    ctx.session.edit(current_salary=145_000, market_area="0042660", market_occupation="151252")
    market = load_market_data()
    report = career_report(
        dataset,
        ctx.session.profile,
        ctx.presenter("skills", SkillsPresenter).progress(),
        ctx.presenter("projection", ProjectionPresenter),
        dt.date(2026, 6, 1),
        market,
    )
    html = report_html(report)
    assert "Software Developers in Seattle-Tacoma-Bellevue, WA: median $167,280" in html
    assert "OEUM0042660000000151252" in html
    assert "Your $145,000 is about the 34th percentile" in html
    assert "oe.data.0.Current" in html
    assert "cannot vouch" in html


def test_without_a_market_choice_the_report_lists_only_the_release(main_context: Any, dataset: Dataset) -> None:
    ctx = main_context
    ctx.window.tab_widget("projection")
    report = career_report(
        dataset,
        ctx.session.profile,
        ctx.presenter("skills", SkillsPresenter).progress(),
        ctx.presenter("projection", ProjectionPresenter),
        dt.date(2026, 6, 1),
        load_market_data(),
    )
    assert report.market_summary == ""
    html = report_html(report)
    assert "Where you sit among official wages" not in html
    assert "Official wages" in html  # the release in plain words, and its files with the technical details
    assert "oe.data.0.Current" in html
