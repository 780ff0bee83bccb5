"""The Offers tab in the real window: keyboard editing with messages next to the fields, Edit > Undo, the stacked
chart against its table, the current job, a scenario started from an offer and names shown as typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from tests.gui.fake_dialogs import FakeDialogs

from planner.app import build_window
from planner.domain.dataset import Dataset
from planner.domain.offers import OFFER_YEARS
from planner.domain.plans import Offer, Scenario
from planner.domain.profile import Assumptions, Profile
from planner.startup import configure_application
from planner.tabs import TABS
from planner.tabs.offers.models import COMPONENTS, EXPLAIN_ROLE
from planner.tabs.offers.presenter import OffersPresenter
from planner.tabs.offers.view import component_colors
from planner.views.theme import apply_theme

DAY = dt.date(2026, 11, 30)
MARKUP = "<b>Acme</b> & Co"


def offers() -> list[Offer]:
    return [
        Offer(
            id="offer-1", employer_name=MARKUP, base=180_000, bonus_percent=15, sign_on=30_000, equity_grant=200_000,
            refresher_percent=10, employer="google", added_on=DAY,
        ),
        Offer(
            id="offer-2", employer_name="Beta", base=170_000, equity_grant=300_000, vesting="custom",
            custom_vesting=[5, 15, 40, 40], industry="finance", added_on=DAY,
        ),
    ]  # fmt: skip


@pytest.fixture
def ctx(qtbot: Any, qapp: Any, dataset: Dataset, data_dir: Path) -> Iterator[Any]:
    configure_application(qapp)
    profile = Profile(
        current_salary=150_000, assumptions=Assumptions(bonus_percent=10, yearly_equity=20_000), offers=offers()
    )
    context = build_window(qapp, dataset, data_dir, profile=profile, dialogs=FakeDialogs())
    qtbot.addWidget(context.window)
    context.window.resize(1400, 900)
    context.window.show()
    qtbot.waitExposed(context.window)
    yield context
    context.window.close()


@pytest.fixture
def tab(ctx: Any) -> Any:
    widget = ctx.window.tab_widget("offers")
    ctx.window.tabs.setCurrentWidget(widget)
    return widget


def test_the_tab_is_in_the_registry_built_when_first_shown(ctx: Any) -> None:
    spec = next(s for s in TABS if s.id == "offers")
    assert spec.lazy
    assert spec.shortcut == "Ctrl+6"
    assert not ctx.window.is_built("offers")
    ctx.window.tab_widget("offers")
    assert ctx.window.is_built("offers")
    assert ctx.presenter("offers", OffersPresenter) is not None


def rows_of(model: Any) -> dict[tuple[str, str], int]:
    return {model.row_key(r): r for r in range(model.rowCount())}


def test_the_stacked_chart_draws_the_tables_figures(ctx: Any, tab: Any) -> None:
    tab.list.selectAll()  # both offers compared, with the current job
    model = tab.table.model()
    headings = [model.index(r, 0).data() for r in range(model.rowCount()) if not model.row_key(r)[1]]
    assert headings == ["Current job (baseline)", MARKUP, "Beta"]
    positions = tab.bar_positions()
    assert len(positions) == 3 * OFFER_YEARS
    rows = rows_of(model)
    keys = [c.key for c in tab._comparison.columns]
    tops = [0.0] * len(positions)
    for comp in COMPONENTS:
        opts = tab.bars[comp].opts
        for n, (column, year, x) in enumerate(positions):
            assert opts["x"][n] == x
            assert opts["y0"][n] == pytest.approx(tops[n])  # stacked on the components below
            row = rows.get((keys[column], comp))
            assert opts["height"][n] == pytest.approx(model.value(row, year) if row is not None else 0.0)
            tops[n] += opts["height"][n]
    for n, (column, year, _x) in enumerate(positions):
        assert tops[n] == pytest.approx(model.value(rows[(keys[column], "total")], year))
    first_bar = positions[0][2]
    assert tab.text_at(first_bar, 1_000).startswith("Current job, year 1, base salary: $150,000")
    assert "Your entry" in tab.text_at(first_bar, 1_000)
    # By hand: Acme's year 2 = 180,000 + 27,000 bonus + 50,000 equity + 5,000 refreshers (a 20,000 refresher,
    # 10 % of the grant, vesting 25 % in its first year).
    assert model.value(rows[("offer-1", "total")], 2) == pytest.approx(262_000)
    # The stock price range (−50 % to +50 % by default) is a whisker on each offer's bar: Acme's year 1 equity is
    # 50,000, so 25,000 either side of its total.
    error = tab.chart.range.opts
    assert error["top"][0] == pytest.approx(25_000)
    assert error["bottom"][0] == pytest.approx(25_000)


def test_the_current_job_column_says_what_rests_on_assumptions(ctx: Any, tab: Any) -> None:
    model = tab.table.model()
    rows = rows_of(model)
    assert model.index(rows[("current", "base")], 1).data() == "$150,000"
    assert model.index(rows[("current", "bonus")], 1).data() == "$15,000 †"
    assert model.index(rows[("current", "equity")], 1).data() == "$20,000 †"
    assert model.index(rows[("current", "total")], 1).data() == "$185,000"
    assert model.index(rows[("current", "total")], 5).data() == "$185,000"  # the four-year average
    # By hand: Acme's years 287,000, 262,000, 267,000, 272,000 average 272,000; − 185,000 = +87,000.
    assert model.index(rows[("offer-1", "total")], 6).data() == "+$87,000"
    tab.table.setCurrentIndex(model.index(rows[("current", "bonus")], 1))
    assert "Assumption (yours to change)" in tab.explain.text()
    assert "bonus 10 %" in tab.explain.text()
    tab.table.setCurrentIndex(model.index(rows[("offer-1", "equity")], 1))
    assert "Derived: grant $200,000 × 25 %" in tab.explain.text()
    assert model.index(rows[("offer-1", "equity")], 1).data(EXPLAIN_ROLE) == tab.explain.text()
    ctx.presenter("offers", OffersPresenter).field_committed(
        "equity_grant", "400,000"
    )  # an edit: the same cell, its new figure explained
    assert tab.table.currentIndex().row() == rows[("offer-1", "equity")]
    assert "Derived: grant $400,000 × 25 %" in tab.explain.text()


def test_keyboard_edit_refused_next_to_the_field_then_corrected_and_undone(qtbot: Any, ctx: Any, tab: Any) -> None:
    sign_on = tab.fields["sign_on"]
    sign_on.edit.setFocus()
    sign_on.edit.selectAll()
    qtbot.keyClicks(sign_on.edit, "-500")
    assert sign_on.error.isVisibleTo(tab)
    assert "negative number is not allowed" in sign_on.error.text()
    qtbot.keyClick(sign_on.edit, Qt.Key.Key_Return)
    assert ctx.session.profile.offers[0].sign_on == 30_000  # nothing stored
    assert sign_on.edit.text() == "-500"  # nothing lost
    sign_on.edit.selectAll()
    qtbot.keyClicks(sign_on.edit, "45k")
    assert not sign_on.error.isVisibleTo(tab)
    qtbot.keyClick(sign_on.edit, Qt.Key.Key_Return)
    assert ctx.session.profile.offers[0].sign_on == 45_000
    assert sign_on.edit.text() == "45,000"
    ctx.window.undo_action.trigger()  # Edit > Undo
    assert ctx.session.profile.offers[0].sign_on == 30_000
    assert sign_on.edit.text() == "30,000"
    ctx.window.redo_action.trigger()
    assert ctx.session.profile.offers[0].sign_on == 45_000


def test_a_schedule_that_does_not_add_up_is_refused_with_its_sum(qtbot: Any, ctx: Any, tab: Any) -> None:
    tab.list.setCurrentIndex(tab.list.model().index(1, 0))  # Beta, custom vesting
    schedule = tab.fields["custom_vesting"]
    assert schedule.edit.isEnabled()
    schedule.edit.selectAll()
    qtbot.keyClicks(schedule.edit, "10, 20, 30")
    qtbot.keyClick(schedule.edit, Qt.Key.Key_Return)
    assert "add up to 60 %, not 100 %" in schedule.error.text()
    assert ctx.session.profile.offers[1].custom_vesting == [5, 15, 40, 40]
    assert schedule.edit.text() == "10, 20, 30"


def test_add_duplicate_and_delete_with_the_buttons_and_undo(qtbot: Any, ctx: Any, tab: Any) -> None:
    dialogs = ctx.commands.dialogs
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.form_title.text() == "New offer"
    for key, text in (("employer_name", "Gamma"), ("base", "200000")):
        tab.fields[key].edit.setText(text)
        tab.fields[key].edit.editingFinished.emit()
    assert [o.employer_name for o in ctx.session.profile.offers] == [MARKUP, "Beta", "Gamma"]
    assert "Added the offer from Gamma" in ctx.window.statusBar().currentMessage()
    qtbot.mouseClick(tab.duplicate_button, Qt.MouseButton.LeftButton)
    assert ctx.session.profile.offers[-1].employer_name == "Gamma (copy)"
    assert tab.list.model().rowCount() == 4
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert "Delete the offer from Gamma (copy)?" in dialogs.confirms[-1]
    assert tab.list.model().rowCount() == 3
    ctx.window.undo_action.trigger()
    assert tab.list.model().rowCount() == 4
    assert tab.list.currentIndex().data(Qt.ItemDataRole.UserRole) == ctx.session.profile.offers[-1].id


def test_a_scenario_started_from_an_offer(ctx: Any, tab: Any) -> None:
    ctx.session.edit(scenarios=[Scenario(id="scenario-1", name=f"Offer: {MARKUP}")])
    tab.scenario_button.click()
    added = ctx.session.profile.scenarios[-1]
    assert added.offer == "offer-1"
    assert added.name == f"Offer: {MARKUP} 2"
    assert f"Scenario “Offer: {MARKUP} 2” added" in ctx.window.statusBar().currentMessage()


def test_names_from_the_profile_are_shown_as_typed(ctx: Any, tab: Any) -> None:
    assert tab.list.model().index(0, 0).data().startswith(MARKUP)
    assert tab.form_title.text() == f"Offer from {MARKUP}"
    assert tab.form_title.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in tab.article.toPlainText()  # a plain-text box: shown as typed, never as markup
    ticks = tab.plot.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert MARKUP in [label for _x, label in ticks]
    for label in tab.findChildren(QLabel):
        if MARKUP in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText


def mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if i >= 0 else None


def test_every_alt_key_on_the_tab_is_unique_and_free_in_the_window(ctx: Any, tab: Any) -> None:
    letters = [mnemonic(label.text()) for label in tab.findChildren(QLabel) if label.buddy() is not None]
    letters += [mnemonic(button.text()) for button in tab.findChildren(QAbstractButton)]
    letters = [letter for letter in letters if letter is not None]
    assert len(letters) >= 13  # the list, 3 buttons, the fields, vesting, the match and the scenario button
    assert len(letters) == len(set(letters)), sorted(letters)
    tabs = ctx.window.tabs
    window = {mnemonic(tabs.tabText(i)) for i in range(tabs.count())}
    window |= {mnemonic(a.text()) for a in ctx.window.menuBar().actions()}
    assert not set(letters) & window


def test_tab_moves_through_the_list_buttons_and_form_in_order(qtbot: Any, ctx: Any, tab: Any) -> None:
    ctx.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ctx.window)
    order = [
        tab.list,
        tab.add_button,
        tab.duplicate_button,
        tab.delete_button,
        tab.fields["employer_name"].edit,
        tab.fields["base"].edit,
        tab.location,
        *(tab.fields[k].edit for k in ("bonus_percent", "sign_on", "sign_on_repay_months", "equity_grant")),
        tab.vesting,
        tab.vest_every,
        *(tab.fields[k].edit for k in ("refresher_percent", "price_low", "price_high")),
        tab.match,
        tab.scenario_button,
        tab.baseline,
        tab.views.tabBar(),
        tab.table,
    ]  # fmt: skip  (the cliff and the custom schedule are disabled for a 4-year even offer)
    tab.list.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.list)
    visited = [tab.list]
    for _ in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == order
    assert all(w.accessibleName() or w in {lab.buddy() for lab in tab.findChildren(QLabel)} for w in order)


def test_choosing_an_offer_in_the_list_leaves_a_new_offer_being_typed(qtbot: Any, ctx: Any, tab: Any) -> None:
    tab.add_button.click()
    assert tab.form_title.text() == "New offer"
    assert not tab.scenario_button.isEnabled()  # nothing to start a scenario from yet
    tab.list.setFocus()
    qtbot.keyClick(tab.list, Qt.Key.Key_Down)
    assert tab.form_title.text().startswith("Offer from ")
    assert tab.scenario_button.isEnabled()


def test_the_chart_keeps_its_figures_in_the_dark_theme(qapp: Any, ctx: Any, tab: Any) -> None:
    before = list(tab.bars["base"].opts["height"])
    assert before  # drawn, not empty
    apply_theme(qapp, "dark")
    try:
        ctx.window.restyle()
        assert pg.mkBrush(tab.bars["base"].opts["brush"]).color() == component_colors(dark=True)["base"]
        assert list(tab.bars["base"].opts["height"]) == before
    finally:
        apply_theme(qapp, "light")


def test_the_delete_key_in_the_list_asks_before_deleting(qtbot: Any, ctx: Any, tab: Any) -> None:
    ctx.commands.dialogs.confirm_answer = False
    tab.list.setFocus()
    qtbot.waitUntil(lambda: tab.list.hasFocus())
    qtbot.keyClick(tab.list, Qt.Key.Key_Delete)
    assert "Delete the offer from" in ctx.commands.dialogs.confirms[-1]
    assert len(ctx.session.profile.offers) == 2  # the answer was no


def test_the_leave_slider_moves_a_month_with_each_arrow_key(qtbot: Any, ctx: Any, tab: Any) -> None:
    tab.views.setCurrentWidget(tab.leave)
    slider = tab.leave.slider
    assert slider.accessibleName()
    assert tab.leave.month.accessibleName()
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    start = slider.value()
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert slider.value() == start - 1
    assert tab.leave.month.text() == str(start - 1)
    assert tab.leave.table.model().headerData(0, Qt.Orientation.Horizontal) == f"Leaving at month {start - 1}"
    tab.leave.month.setFocus()
    tab.leave.month.selectAll()
    qtbot.keyClicks(tab.leave.month, "99")
    assert tab.leave.error.isVisibleTo(tab)
    assert "past the end" in tab.leave.error.text()
    assert tab.leave.month.text() == "99"  # nothing typed is lost


def test_with_no_offer_a_sentence_and_an_add_button(qtbot: Any, qapp: Any, dataset: Dataset, data_dir: Path) -> None:
    configure_application(qapp)
    context = build_window(qapp, dataset, data_dir, profile=Profile(current_salary=145_000), dialogs=FakeDialogs())
    qtbot.addWidget(context.window)
    context.window.resize(1024, 640)
    context.window.show()
    tab = context.window.tab_widget("offers")
    context.window.tabs.setCurrentWidget(tab)
    assert tab.pages.currentWidget() is tab.empty  # no axis with $1 ticks, no empty rows
    assert tab.empty_add.isVisibleTo(tab)
    assert tab.empty_add.accessibleName()
    tab.empty_add.click()
    assert tab.pages.currentWidget() is tab.splitter
    assert tab.form_title.text() == "New offer"
    context.window.close()


def test_an_offer_placed_in_a_state_by_its_code_shows_that_state(ctx: Any, tab: Any) -> None:
    """A location written as a state's postal code (chosen without the BLS file, or from a file) reads as that state
    in the Location box, not as "Where you work now", while its figures use that state's taxes."""
    placed = [o.model_copy(update={"location": "CA"}) if o.id == "offer-1" else o for o in ctx.session.profile.offers]
    ctx.session.edit(offers=placed)
    tab.list.setCurrentIndex(tab.list.model().index(0, 0))
    assert tab.location.currentText() == "California (the state)"
    assert tab.location.currentData() == "CA"
