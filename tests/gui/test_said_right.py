"""Issue 24, third round: what the figures say, where the last round left it wrong.

Item 7 ("base salary" only where the article says it): the Industries chart's axis and its export, the Salary by
level export and the CSV. Item 12 (one form for dates): the Skills tab's tick dates, the report's technical
details and the CSV's export date. Item 2 (nonmetropolitan areas are not metro areas) in the report's sources."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from fake_dialogs import FakeDialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.app import Context, build_window
from planner.commands.reports import career_report
from planner.domain.dataset import Dataset
from planner.startup import configure_application
from planner.storage.market_file import load_market_data
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.skills.presenter import SkillsPresenter
from planner.tabs.skills.tree_model import COL_DATE
from planner.views.report_render import report_blocks
from profile_edits import tick

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def test_the_industries_axis_and_export_do_not_call_the_articles_figures_base_salary(main_context: Any) -> None:
    tab = main_context.window.tab_widget("industries")
    axis = tab.plot.getPlotItem().getAxis("bottom").labelText
    assert "base salary" not in axis.replace("read as base salary", "")  # it said "Average base salary"
    assert "read as base salary" in axis
    caption = tab.export_caption()
    assert "average base salary of ML engineers" not in caption.title
    assert "says “base salary” only of that range" in caption.caption


def test_the_levels_export_says_how_it_reads_the_ranges(main_context: Any) -> None:
    tab = main_context.window.tab_widget("levels")
    caption = tab.export_caption()
    assert "the base salary range of an ML engineer" not in caption.title
    assert "It says “base salary” only of its overall average range" in caption.caption
    assert "base salary" not in tab.plot.getPlotItem().getAxis("left").labelText.lower()


def test_a_tick_date_reads_as_every_other_date(main_context: Any) -> None:
    ctx: Context = main_context
    tick(ctx.session, "entry.python", on=dt.date(2026, 5, 3))
    presenter = ctx.presenter("skills", SkillsPresenter)
    cell = presenter.skill_index("entry.python", COL_DATE)
    assert cell.data() == "3 May 2026"  # was "3 May 2026" here but "03 May 2026" in the tooltip, "3 Nov" elsewhere
    tick(ctx.session, "entry.mathematics", on=dt.date(2026, 11, 28))
    math = presenter.skill_index("entry.mathematics", COL_DATE)
    assert math.data() == "28 November 2026"
    tips = " ".join(str(presenter.skill_index("entry.python", c).data(Qt.ItemDataRole.ToolTipRole)) for c in range(3))
    assert "Ticked on 3 May 2026" in tips  # it said "Ticked on 03 May 2026"


def test_the_report_says_its_dates_one_way_and_what_each_source_covers(main_context: Any, dataset: Dataset) -> None:
    ctx: Context = main_context
    ctx.window.tab_widget("projection")
    report = career_report(
        dataset,
        ctx.session.profile,
        ctx.presenter("skills", SkillsPresenter).progress(),
        ctx.presenter("projection", ProjectionPresenter),
        dt.date(2026, 6, 1),
        load_market_data(),
    )
    details = " ".join(v for _k, v in report.details)
    assert "read on 28 November 2026" in details  # was "read on 2026-11-28"
    assert "'read_on'" not in details
    assert not ISO_DATE.search(details)
    sources = " ".join(v for _k, v in report.sources)
    assert "each state and metro and nonmetropolitan areas" in sources  # was "each metro area"
    assert "It says “base salary” only of its overall $78,000 – $154,000 range" in sources
    html = "".join(block.html for block in report_blocks(report, None, 500))
    assert "PayScale (job portal)" in html


def test_the_csv_dates_its_export_and_says_how_it_reads_the_article(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, tmp_path: Path
) -> None:
    configure_application(qapp)
    dialogs = FakeDialogs()
    ctx = build_window(qapp, dataset, data_dir, dialogs=dialogs)
    qtbot.addWidget(ctx.window)
    ctx.commands.today = lambda: dt.date(2026, 5, 1)  # type: ignore[method-assign]
    ctx.session.edit(years_of_experience=6.0, current_salary=145_000)
    dialogs.save_to = tmp_path / "projection.csv"
    ctx.window.export_csv_action.trigger()
    rows = list(csv.reader(io.StringIO(dialogs.save_to.read_text(encoding="utf-8-sig"))))
    fields = {r[0]: r[1:] for r in rows if r}
    assert fields["Exported on"] == ["1 May 2026"]
    assert "says “base salary” only of its overall average range" in fields["Base salary"][0]
    table = rows.index(next(r for r in rows if r[:1] == ["Year"]))
    assert rows[table + 1][1] == "6"  # years of experience as a spreadsheet reads them, not "6.0"
    ctx.window.close()
