"""Scenarios on the Projection tab, in the real main window: built in the dialog, drawn beside today's path,
tabled side by side, refused when wrong, undone and redone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QDate, Qt
from tests.gui.fake_dialogs import FakeDialogs
from tests.profile_edits import tick_on_skills_tab

from planner.app import build_window
from planner.commands.reports import career_report, projection_csv
from planner.domain.dataset import Dataset
from planner.domain.plans import MAX_SHOWN, Offer, Scenario
from planner.domain.scenarios import scenario_projection
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.projection.scenario_dialog import ScenarioDialog
from planner.tabs.projection.view import ProjectionTab
from planner.tabs.skills.presenter import SkillsPresenter


@pytest.fixture
def tab(main_context: Any) -> ProjectionTab:
    ctx = main_context
    ctx.session.edit(years_of_experience=6, current_salary=145_000, industry="finance")
    widget = ctx.window.tab_widget("projection")
    assert isinstance(widget, ProjectionTab)
    return widget


def curve_y(item: Any) -> np.ndarray:
    return np.asarray(item.getData()[1])


def open_new(qtbot: Any, tab: ProjectionTab) -> ScenarioDialog:
    qtbot.mouseClick(tab.scenario_new, Qt.MouseButton.LeftButton)
    dialog = tab.scenario_dialog
    assert isinstance(dialog, ScenarioDialog)
    assert dialog.isVisible()
    return dialog


def choose(combo: Any, label_part: str) -> None:
    index = next(i for i in range(combo.count()) if label_part in combo.itemText(i))
    combo.setCurrentIndex(index)


def save(qtbot: Any, dialog: ScenarioDialog) -> None:
    button = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_user_builds_a_scenario_and_sees_it_drawn_and_tabled(
    main_context: Any, qtbot: Any, tab: ProjectionTab
) -> None:
    ctx = main_context
    dialog = open_new(qtbot, tab)
    dialog.name.setText("Consumer goods")
    choose(dialog.industry, "Consumer goods")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    [scenario] = ctx.session.profile.scenarios
    assert (scenario.name, scenario.industry, scenario.shown) == ("Consumer goods", "consumer-goods", True)
    expected = scenario_projection(
        ctx.dataset, ctx.session.profile, scenario, ctx.presenter("projection", ProjectionPresenter).current_year
    )
    curve = tab.plot.comparison_curves["scenario-0"]
    assert curve.isVisible()
    assert np.allclose(curve_y(curve), expected.projected("nominal", "base"))
    model = tab.differences.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Today's path", "Consumer goods"]
    assert "in Consumer goods" in model.index(1, 1).data()
    assert model.index(1, 6).data() == f"${expected.projected('nominal', 'base').sum():,.0f}"
    assert model.index(1, 7).data() == "from the start"  # the article pays consumer goods more than finance
    assert "Consumer goods" in tab.scenario_message.text()


def test_an_empty_or_taken_name_is_refused_next_to_the_field(main_context: Any, qtbot: Any, tab: ProjectionTab) -> None:
    ctx = main_context
    ctx.session.edit("add", scenarios=[Scenario(id="scenario-1", name="Stay")])
    dialog = open_new(qtbot, tab)
    dialog.name.setText("   ")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["name"].isVisibleTo(dialog)
    assert "name" in dialog.errors["name"].text()
    dialog.name.setText("stay")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "already taken" in dialog.errors["name"].text()
    dialog.assumptions["yearly_raise"].setText("250")
    save(qtbot, dialog)
    assert "percentage from 0 to 20" in dialog.errors["yearly_raise"].text()
    assert [s.name for s in ctx.session.profile.scenarios] == ["Stay"]  # nothing stored
    assert dialog.name.text() == "stay"  # what the user typed stays
    dialog.reject()
    assert [s.name for s in ctx.session.profile.scenarios] == ["Stay"]  # Cancel stores nothing either


def test_a_plan_month_in_the_past_is_refused(main_context: Any, qtbot: Any, tab: ProjectionTab) -> None:
    dialog = open_new(qtbot, tab)
    dialog.plan_mode.setCurrentIndex(dialog.plan_mode.findData("own"))
    dialog.add_plan_row("mid.deep-learning", dt.date(2020, 1, 1))
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "has passed" in dialog.errors["plan"].text()
    assert main_context.session.profile.scenarios == []
    month = dialog.plan_table.cellWidget(0, 1)
    next_year = dt.date.today().year + 1
    month.setDate(QDate(next_year, 3, 1))
    save(qtbot, dialog)
    assert not dialog.isVisible()
    [scenario] = main_context.session.profile.scenarios
    assert scenario.plan is not None
    assert scenario.plan["mid.deep-learning"].by == dt.date(next_year, 3, 1)


def test_edit_duplicate_delete_and_undo(qtbot: Any, qapp: Any, dataset: Dataset, data_dir: Path) -> None:
    dialogs = FakeDialogs()
    ctx = build_window(qapp, dataset, data_dir, dialogs=dialogs)
    qtbot.addWidget(ctx.window)
    ctx.window.show()
    tab = ctx.window.tab_widget("projection")
    stack = ctx.session.undo_stack
    ctx.session.edit("add", scenarios=[Scenario(id="scenario-1", name="Stay")])
    tab.select_scenario("scenario-1")
    qtbot.mouseClick(tab.scenario_duplicate, Qt.MouseButton.LeftButton)
    assert [s.name for s in ctx.session.profile.scenarios] == ["Stay", "Stay (copy)"]
    assert tab.selected_scenario() == "scenario-2"
    qtbot.mouseClick(tab.scenario_edit, Qt.MouseButton.LeftButton)
    dialog = tab.scenario_dialog
    assert isinstance(dialog, ScenarioDialog)
    dialog.name.setText("Move")
    save(qtbot, dialog)
    assert [s.name for s in ctx.session.profile.scenarios] == ["Stay", "Move"]
    dialogs.confirm_answer = False
    qtbot.mouseClick(tab.scenario_delete, Qt.MouseButton.LeftButton)
    assert [s.name for s in ctx.session.profile.scenarios] == ["Stay", "Move"]  # asked, and the answer was no
    assert 'Delete the scenario "Move"?' in dialogs.confirms[-1]
    dialogs.confirm_answer = True
    qtbot.mouseClick(tab.scenario_delete, Qt.MouseButton.LeftButton)
    assert [s.name for s in ctx.session.profile.scenarios] == ["Stay"]
    assert tab.plot.comparison_curves["scenario-1"].isVisible() is False
    stack.undo()
    assert [s.name for s in ctx.session.profile.scenarios] == ["Stay", "Move"]
    stack.undo()
    assert [s.name for s in ctx.session.profile.scenarios] == ["Stay", "Stay (copy)"]
    stack.redo()
    stack.redo()
    assert [s.name for s in ctx.session.profile.scenarios] == ["Stay"]


def test_at_most_five_are_drawn(main_context: Any, qtbot: Any, tab: ProjectionTab) -> None:
    ctx = main_context
    many = [Scenario(id=f"scenario-{i}", name=f"S{i}", shown=i <= MAX_SHOWN) for i in range(1, 7)]
    ctx.session.edit("add", scenarios=many)
    assert all(tab.plot.comparison_curves[f"scenario-{i}"].isVisible() for i in range(MAX_SHOWN))
    model = tab.scenario_list.model()
    model.item(5).setCheckState(Qt.CheckState.Checked)  # the sixth
    assert "At most 5" in tab.scenario_message.text()
    assert not ctx.session.profile.scenarios[5].shown
    assert model.item(5).checkState() == Qt.CheckState.Unchecked
    model.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert not ctx.session.profile.scenarios[0].shown
    assert tab.differences.model().rowCount() == MAX_SHOWN  # today's path and four scenarios


def test_ticking_a_skill_moves_every_scenario_curve(main_context: Any, qtbot: Any, tab: ProjectionTab) -> None:
    ctx = main_context
    o = Offer(id="offer-1", employer_name="Acme", base=170_000, added_on=dt.date(2026, 1, 1))
    ctx.session.edit("add", offers=[o], scenarios=[Scenario(id="scenario-1", name="Take it", offer="offer-1")])
    before = curve_y(tab.plot.comparison_curves["scenario-0"]).copy()
    tick_on_skills_tab(ctx, "mid.deep-learning")
    after = curve_y(tab.plot.comparison_curves["scenario-0"])
    assert after[0] == before[0] == 170_000  # this year's pay is the offer's
    assert (after >= before - 1e-6).all()
    assert (after > before + 1).any()


def test_the_side_by_side_table_opened_after_ticks_shows_their_figures(
    main_context: Any, qtbot: Any, tab: ProjectionTab
) -> None:
    ctx = main_context
    ctx.session.edit("add", scenarios=[Scenario(id="scenario-1", name="Consumer goods", industry="consumer-goods")])
    tab.tables.setCurrentWidget(tab.table)  # "Year by year" in front: the side-by-side table is not read
    model = tab.differences.model()
    for skill_id in ("mid.deep-learning", "mid.cloud-platforms", "senior.scalable-systems"):
        tick_on_skills_tab(ctx, skill_id)
    tick_on_skills_tab(ctx, "mid.cloud-platforms", ticked=False)
    tab.tables.setCurrentWidget(tab.differences)
    presenter = ctx.presenter("projection", ProjectionPresenter)
    [(scenario, _drawn)] = presenter.scenarios
    today = presenter.projection
    assert today is not None
    expected = scenario_projection(ctx.dataset, ctx.session.profile, scenario, presenter.current_year)
    assert model.index(0, 6).data() == f"${today.projected('nominal', 'base').sum():,.0f}"
    assert model.index(1, 6).data() == f"${expected.projected('nominal', 'base').sum():,.0f}"
    assert model.index(1, 2).data() == f"${expected.projected('nominal', 'base')[1]:,.0f}"


def test_a_legend_click_hides_a_scenario_until_clicked_again(main_context: Any, tab: ProjectionTab, qtbot: Any) -> None:
    ctx = main_context
    ctx.session.edit("add", scenarios=[Scenario(id="scenario-1", name="Stay")])
    curve = tab.plot.comparison_curves["scenario-0"]
    assert curve.isVisible()
    click_legend(qtbot, tab, "Stay")
    assert not curve.isVisible()
    ctx.session.edit(years_of_experience=7)  # a redraw
    assert not curve.isVisible()
    assert next(e for e in tab.legend.entries() if e.name == "Stay").hidden  # drawn greyed
    click_legend(qtbot, tab, "Stay")
    ctx.session.edit(years_of_experience=8)
    assert curve.isVisible()


def click_legend(qtbot: Any, tab: ProjectionTab, name: str) -> None:
    box = next(rect for rect, entry, _text in tab.legend._boxes if entry.name == name)
    qtbot.mouseClick(tab.legend, Qt.MouseButton.LeftButton, pos=box.center())


def test_the_exports_carry_the_scenarios_shown(main_context: Any, tab: ProjectionTab) -> None:
    ctx = main_context
    ctx.session.edit("add", scenarios=[Scenario(id="scenario-1", name="<b>Move</b>", industry="consumer-goods")])
    header, rows = projection_csv(ctx.presenter("projection", ProjectionPresenter))
    assert header[-1].startswith("<b>Move</b> (scenario)")
    assert rows[0][-1] == round(float(curve_y(tab.plot.comparison_curves["scenario-0"])[0]))
    report = career_report(
        ctx.dataset,
        ctx.session.profile,
        ctx.presenter("skills", SkillsPresenter).progress(),
        ctx.presenter("projection", ProjectionPresenter),
        dt.date.today(),
    )
    assert report.scenarios is not None
    assert [row[0] for row in report.scenarios.rows] == ["Today's path", "<b>Move</b>"]
    assert report.scenarios.header[0] == "Scenario"
    from planner.views.report_render import report_blocks

    html = "".join(block.html for block in report_blocks(report, None, 500))
    assert "&lt;b&gt;Move&lt;/b&gt;" in html  # escaped once where the report makes it rich text
    assert "<b>Move</b>" not in html
    list_item = tab.scenario_list.model().index(0, 0)
    assert list_item.data() == "<b>Move</b>"  # a name is text, whatever it holds
    assert "&lt;b&gt;Move&lt;/b&gt;" in list_item.data(Qt.ItemDataRole.ToolTipRole)  # escaped where it is rich text
    row = tab.differences.model().index(1, 0)
    assert row.data() == "<b>Move</b>"
    assert "&lt;b&gt;" in row.data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>Move</b>" in tab.legend.names()  # the legend draws a name as plain text, as typed


def test_space_on_a_scenario_hides_and_shows_it(main_context: Any, qtbot: Any, tab: ProjectionTab) -> None:
    ctx = main_context
    ctx.session.edit("add", scenarios=[Scenario(id="scenario-1", name="Stay")])
    tab.scenario_list.setFocus()
    tab.select_scenario("scenario-1")
    qtbot.keyClick(tab.scenario_list, Qt.Key.Key_Space)
    assert not ctx.session.profile.scenarios[0].shown
    assert not tab.plot.comparison_curves["scenario-0"].isVisible()
    qtbot.keyClick(tab.scenario_list, Qt.Key.Key_Space)
    assert ctx.session.profile.scenarios[0].shown
    assert tab.plot.comparison_curves["scenario-0"].isVisible()


def test_a_scenario_elsewhere_shows_the_bls_median_there(main_context: Any, qtbot: Any, tab: ProjectionTab) -> None:
    ctx = main_context
    dialog = open_new(qtbot, tab)
    assert dialog.area.itemData(1) == "0000000"  # the nation first, then the states and metro areas
    dialog.name.setText("Seattle")
    choose(dialog.area, "Seattle-Tacoma-Bellevue, WA (metro area)")
    save(qtbot, dialog)
    [scenario] = ctx.session.profile.scenarios
    assert scenario.market_area == "0042660"
    model = tab.differences.model()
    column = model.columnCount() - 1
    assert " ".join(model.headerData(column, Qt.Orientation.Horizontal).split()) == "BLS median wage where you work"
    assert model.index(0, column).data().endswith("(the United States)")  # today's path: no area chosen
    assert model.index(1, column).data().endswith("(Seattle-Tacoma-Bellevue, WA)")
    assert "series OEUM004266" in model.index(1, column).data(Qt.ItemDataRole.ToolTipRole)
    assert "market area Seattle-Tacoma-Bellevue, WA" in model.index(1, 1).data()


def test_the_report_summary_has_the_warnings_not_the_tab_pointers(main_context: Any, tab: ProjectionTab) -> None:
    ctx = main_context
    ctx.session.edit("add", scenarios=[Scenario(id="scenario-1", name="Amazon", employer="amazon")])
    on_tab = ctx.presenter("projection", ProjectionPresenter).summary_html()
    assert "“Why this number?”" in on_tab  # the pointer to the ⚠ notes, on the tab
    assert "“Scenarios side by side”" in on_tab
    report = career_report(
        ctx.dataset,
        ctx.session.profile,
        ctx.presenter("skills", SkillsPresenter).progress(),
        ctx.presenter("projection", ProjectionPresenter),
        dt.date.today(),
    )
    summary = report.projection_summary_html
    assert "Why this number?" not in summary
    assert "Scenarios side by side" not in summary
    assert summary.startswith(ctx.presenter("projection", ProjectionPresenter).summary_html(in_report=True))
    assert ctx.presenter("projection", ProjectionPresenter).warnings_html()
    assert summary.endswith(
        ctx.presenter("projection", ProjectionPresenter).warnings_html()
    )  # the warnings themselves, in full


def test_a_scenario_with_a_long_name_can_be_duplicated(main_context: Any, qtbot: Any, tab: ProjectionTab) -> None:
    ctx = main_context
    long_name = "Move to consumer goods and learn every senior skill by 2030"  # 59 characters, the limit is 60
    ctx.session.edit("add", scenarios=[Scenario(id="scenario-1", name=long_name)])
    tab.select_scenario("scenario-1")
    qtbot.mouseClick(tab.scenario_duplicate, Qt.MouseButton.LeftButton)
    copy = ctx.session.profile.scenarios[1].name
    assert copy.endswith(" (copy)")
    assert len(copy) <= 60
    assert copy.startswith(long_name[:40])
