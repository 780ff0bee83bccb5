"""A screen reader hears what each chart shows: the chart's accessible description gives its figures in words (the
Salary by level ranges and where you stand; the Projection's curves, promotions and scenarios), and follows a
change."""

from __future__ import annotations

from typing import Any

from planner.domain.money import usd
from planner.tabs.levels.view import LevelsTab
from planner.tabs.projection.view import ProjectionTab


def test_the_levels_chart_reads_every_range_and_where_you_stand(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=6, current_salary=145_000)
    tab = ctx.window.tab_widget("levels")
    assert isinstance(tab, LevelsTab)
    text = tab.plot.accessibleDescription()
    for level in ctx.dataset.levels:
        assert f"{level.name} {usd(level.range.min)} – {usd(level.range.max)}" in text
    assert "$145,000" in text
    assert "$280,000" in text  # the ceiling the article gives


def test_the_projection_chart_reads_its_curves_and_follows_a_change(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=3, current_salary=120_000)
    tab = ctx.window.tab_widget("projection")
    assert isinstance(tab, ProjectionTab)
    ctx.window.select_tab("projection")
    before = tab.plot.accessibleDescription()
    assert before.startswith("Your projection")
    assert "$120,000 in " in before  # this year's pay, the salary entered
    assert "over 30 years" in before
    assert "Promotions: Mid level from " in before
    ctx.session.edit(years_of_experience=3, current_salary=150_000)
    after = tab.plot.accessibleDescription()
    assert "$150,000 in " in after
    assert "$120,000 in " not in after


def test_the_market_chart_reads_the_percentiles_and_your_salary(main_context: Any) -> None:
    from planner.tabs.market.view import MarketTab

    ctx = main_context
    ctx.session.edit(years_of_experience=6, current_salary=145_000, market_area="0042660")
    ctx.window.select_tab("market")
    tab = ctx.window.tab_widget("market")
    assert isinstance(tab, MarketTab)
    text = tab.plot.accessibleDescription()
    assert "Median $" in text
    assert "Entry level $70,000 – $132,000" in text
    assert "Your salary: $145,000." in text
    assert "Seattle" in tab.metro_plot.accessibleDescription()


def test_the_offers_chart_reads_each_jobs_yearly_totals(main_context: Any) -> None:
    import datetime as dt

    from planner.domain.plans import Offer

    ctx = main_context
    ctx.session.edit(years_of_experience=6, current_salary=145_000)
    offer = Offer(id="offer-1", employer_name="Example Analytics", base=158_000, added_on=dt.date(2026, 1, 1))
    ctx.session.edit("add", offers=[offer])
    ctx.window.select_tab("offers")
    text = ctx.window.tab_widget("offers").plot.accessibleDescription()
    assert "year 1 $145,000" in text  # the current job
    assert "Example Analytics: year 1 $158,000" in text


def test_the_industries_chart_reads_each_industrys_pay(main_context: Any) -> None:
    ctx = main_context
    ctx.window.select_tab("industries")
    text = ctx.window.tab_widget("industries").chart.plot.accessibleDescription()
    for industry in ctx.dataset.industries:
        assert industry.name in text
    assert "$150,000" in text  # consumer goods, "almost $150,000"


def test_the_vesting_chart_reads_what_vests_by_the_month_you_leave(main_context: Any) -> None:
    import datetime as dt

    from planner.domain.plans import Offer

    ctx = main_context
    offer = Offer(id="offer-1", employer_name="Example Analytics", base=158_000, equity_grant=120_000,
                  added_on=dt.date(2026, 1, 1))  # fmt: skip
    ctx.session.edit("add", offers=[offer])
    ctx.window.select_tab("offers")
    tab = ctx.window.tab_widget("offers")
    tab.views.setCurrentWidget(tab.leave)  # "Vesting and leaving early"
    text = tab.leave.plot.accessibleDescription()
    assert text.startswith("Example Analytics: $")
    assert "vested by month 12" in text
