"""Pay history on the Projection tab: recorded by keyboard and mouse, checked, drawn against the curve, and the
latest year used as today's salary when no current salary is typed."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt

from planner.domain.money import usd
from planner.domain.profile import MAX_SALARY
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.projection.view import ProjectionTab
from profile_edits import set_assumptions


@pytest.fixture
def tab(main_context: Any) -> ProjectionTab:
    main_context.session.edit(years_of_experience=4)
    widget = main_context.window.tab_widget("projection")
    assert isinstance(widget, ProjectionTab)
    return widget


def this_year(ctx: Any) -> int:
    return int(ctx.presenter("projection", ProjectionPresenter).current_year)


def record(qtbot: Any, tab: ProjectionTab, year: str, salary: str, by_enter: bool = False) -> None:
    tab.pay_year.clear()
    tab.pay_salary.clear()
    qtbot.keyClicks(tab.pay_year, year)
    qtbot.keyClicks(tab.pay_salary, salary)
    if by_enter:
        qtbot.keyClick(tab.pay_salary, Qt.Key.Key_Return)
    else:
        qtbot.mouseClick(tab.pay_add, Qt.MouseButton.LeftButton)


def table_rows(tab: ProjectionTab) -> list[tuple[str, str]]:
    model = tab.pay_table.model()
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def test_recorded_years_are_listed_newest_first_and_kept_in_the_profile(
    qtbot: Any, main_context: Any, tab: ProjectionTab
) -> None:
    year = this_year(main_context)
    record(qtbot, tab, str(year - 3), "91,000")
    record(qtbot, tab, str(year - 1), "104k", by_enter=True)
    assert table_rows(tab) == [(str(year - 1), "$104,000"), (str(year - 3), "$91,000")]
    assert main_context.session.profile.pay_history == {year - 1: 104_000, year - 3: 91_000}
    assert tab.pay_year.text() == ""
    assert tab.pay_salary.text() == ""
    assert not tab.pay_error.isVisible()

    record(qtbot, tab, str(year - 1), "106000")  # the same year again replaces it
    assert main_context.session.profile.pay_history[year - 1] == 106_000
    assert len(table_rows(tab)) == 2


@pytest.mark.parametrize(
    ("year_offset", "salary", "message"),
    [
        (1, "90000", "in the future"),
        (None, "90000", "from 1950"),
        (-1, "0", "between $1 and"),
        (-1, str(MAX_SALARY + 1), "between $1 and"),
        (-1, "lots", "between $1 and"),
    ],
)
def test_bad_entries_are_refused_with_a_message_and_change_nothing(
    qtbot: Any, main_context: Any, tab: ProjectionTab, year_offset: int | None, salary: str, message: str
) -> None:
    year = "1949" if year_offset is None else str(this_year(main_context) + year_offset)
    record(qtbot, tab, year, salary)
    assert tab.pay_error.isVisible()
    assert message in tab.pay_error.text()
    assert main_context.session.profile.pay_history == {}
    assert tab.pay_salary.text() == salary, "what the user typed stays to be corrected"


def test_remove_selected_year(qtbot: Any, main_context: Any, tab: ProjectionTab) -> None:
    year = this_year(main_context)
    main_context.session.edit(pay_history={year - 2: 80_000, year - 1: 85_000})
    tab.pay_table.setCurrentIndex(tab.pay_table.model().index(1, 0))
    qtbot.mouseClick(tab.pay_remove, Qt.MouseButton.LeftButton)
    assert main_context.session.profile.pay_history == {year - 1: 85_000}


def test_points_are_drawn_at_the_recorded_years_left_of_today(main_context: Any, tab: ProjectionTab) -> None:
    year = this_year(main_context)
    history = {year - 4: 82_000, year - 2: 90_000, year - 1: 97_000}
    main_context.session.edit(pay_history=history)
    xs, ys = tab.plot.history_points.getData()
    assert list(zip(xs.tolist(), ys.tolist(), strict=True)) == sorted(history.items())
    left, _right = tab.plot.getPlotItem().getViewBox().viewRange()[0]
    assert left < year - 4, "the earliest point is inside the chart"
    assert "Your recorded base salary" in [entry.tip for entry in tab.legend.entries()]
    tips = [p.data() for p in tab.plot.history_points.points()]
    assert any(usd(97_000) in t and "pay history" in t for t in tips)


def test_in_todays_dollars_the_points_are_adjusted_by_the_inflation_assumption(
    main_context: Any, tab: ProjectionTab
) -> None:
    year = this_year(main_context)
    main_context.session.edit(pay_history={year - 2: 100_000})
    set_assumptions(main_context.session, inflation=0.05)
    tab.dollars.setCurrentIndex(tab.dollars.findData("today"))
    _xs, ys = tab.plot.history_points.getData()
    assert ys.tolist() == pytest.approx([100_000 * 1.05**2])
    tip = tab.plot.history_points.points()[0].data()
    assert "inflation assumption" in tip


def test_the_latest_year_is_todays_salary_unless_one_is_typed(
    main_context: Any, tab: ProjectionTab, qtbot: Any
) -> None:
    year = this_year(main_context)
    ctx = main_context
    ctx.session.edit(pay_history={year - 3: 75_000, year - 1: 101_000})
    assert (
        ctx.presenter("projection", ProjectionPresenter).projection.salary_origin
        == f"your {year - 1} salary (pay history)"
    )
    assert np.asarray(tab.plot.main_curve.getData()[1])[0] == pytest.approx(101_000)
    # "Why this number?" follows the chart by a moment (its layout is kept out of the tick's frame), once open.
    tab.details_button.click()
    qtbot.waitUntil(lambda: "pay history" in tab.breakdown.toPlainText())
    notes = tab.breakdown.toPlainText()
    assert f"your {year - 1} salary from your pay history" in notes
    assert "takes precedence" in notes
    assert f"your {year - 1} salary (pay history)" in tab.breakdown.toPlainText()

    ctx.session.edit(current_salary=120_000)
    assert ctx.presenter("projection", ProjectionPresenter).projection.salary_origin == "your current salary"
    assert np.asarray(tab.plot.main_curve.getData()[1])[0] == pytest.approx(120_000)
    assert "pay history" not in tab.summary.text()


def test_the_editor_is_reachable_by_keyboard_and_named(tab: ProjectionTab) -> None:
    for widget in (tab.pay_table, tab.pay_year, tab.pay_salary, tab.pay_add, tab.pay_remove):
        assert widget.accessibleName()
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
