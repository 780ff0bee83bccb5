"""Take-home pay beyond the Projection tab (issue 25, item 4): the Market wages tab's "after tax in Texas" beside
where your salary sits, and the CSV export's take-home column, each to the dollar of planner.domain.taxes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.commands.reports import projection_csv_file
from planner.domain.money import usd
from planner.domain.profile import TaxInputs
from planner.domain.taxes import take_home
from planner.storage.tax_file import load_tax_data
from planner.tabs.market.presenter import MarketPresenter
from planner.tabs.projection.presenter import ProjectionPresenter

AUSTIN = "0012420"
SEATTLE = "0042660"


def test_the_market_tab_says_what_your_salary_leaves_after_tax_in_the_areas_state(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=150_000, market_area=AUSTIN)
    tab = ctx.window.tab_widget("market")
    presenter = ctx.presenter("market", MarketPresenter)
    presenter.tax_year = lambda: 2026
    presenter.refresh(force=True)
    assert "After tax in Texas: $113,791 a year (2026, single;" in tab.position.text()
    ctx.session.edit(taxes=TaxInputs(state="CA", filing_status="married_joint"))  # a state chosen: that one's
    expected = take_home(load_tax_data(), 2026, 150_000, "married_joint", "CA").take_home
    assert f"After tax in California: {usd(expected)} a year" in tab.position.text()
    ctx.session.edit(market_area="0000000", taxes=TaxInputs())  # the nation: no state to tax you in
    assert "Your pay after tax needs the state whose taxes apply" in tab.position.text()


def test_the_csv_has_take_home_pay_per_year_and_says_what_it_is(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=150_000, market_area=SEATTLE)
    presenter = ctx.presenter("projection", ProjectionPresenter)
    presenter.current_year = 2026
    presenter.recompute()
    about, table, *_rest = projection_csv_file(presenter, ctx.session.profile, dt.date(2026, 12, 6))
    header = table[0]
    assert header[-1] == "Take-home pay (USD a year, nominal dollars)"
    assert table[1][-1] == round(take_home(load_tax_data(), 2026, 150_000, "single", "WA").take_home)
    assert len({row[-1] for row in table[1:]}) > 1  # every year its own
    what = dict((row[0], row[1]) for row in about if len(row) == 2)["Take-home pay"]
    assert "Washington (from the market area Seattle-Tacoma-Bellevue, WA), single" in what


def test_without_a_state_the_csv_says_why_there_is_no_take_home_column(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=150_000)
    presenter = ctx.presenter("projection", ProjectionPresenter)
    about, table, *_rest = projection_csv_file(presenter, ctx.session.profile, dt.date(2026, 12, 6))
    assert not any("Take-home" in str(cell) for cell in table[0])
    what = dict((row[0], row[1]) for row in about if len(row) == 2)["Take-home pay"]
    assert what.startswith("Take-home pay needs the state whose taxes apply")


def test_the_career_report_has_take_home_pay_per_year_beside_the_pay_shown(main_context: Any) -> None:
    from planner.commands.reports import career_report
    from planner.domain.plans import Scenario
    from planner.tabs.skills.presenter import SkillsPresenter
    from planner.views.report_render import report_blocks

    ctx = main_context
    ctx.session.edit(
        years_of_experience=6.0,
        current_salary=150_000,
        market_area=SEATTLE,
        scenarios=[Scenario(id="scenario-1", name="San Francisco", market_area="0041860")],
    )
    projection = ctx.presenter("projection", ProjectionPresenter)
    projection.current_year = 2026
    projection.recompute()
    skills = ctx.presenter("skills", SkillsPresenter)
    report = career_report(ctx.dataset, ctx.session.profile, skills.progress(), projection, dt.date(2026, 12, 6))
    column = report.year_table.header.index("Take-home")
    washington = take_home(load_tax_data(), 2026, 150_000, "single", "WA").take_home
    assert report.year_table.rows[0][column] == usd(washington)
    assert "Take-home pay: total compensation less federal income tax" in report.year_note
    projection.comp_chosen("take_home")  # the whole report after tax: no second column, the scenarios after tax
    report = career_report(ctx.dataset, ctx.session.profile, skills.progress(), projection, dt.date(2026, 12, 6))
    assert "take-home pay" in report.projection_title
    assert "Take-home" not in report.year_table.header
    assert report.year_table.rows[0][report.year_table.header.index("Projected")] == usd(washington)
    assert report.scenarios is not None
    today_row, moved_row = report.scenarios.rows
    money = [int(cell.replace("$", "").replace(",", "")) for cell in (today_row[1], moved_row[1])]
    assert money[1] < money[0] - 5_000  # the same pay before tax; California's income tax after it
    html = "".join(block.html for block in report_blocks(report, None, 500))
    assert "take-home pay" in html
