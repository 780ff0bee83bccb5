"""Take-home pay on the Projection tab (issue 25, items 3 and 4): chosen in the Pay menu as a user does, in the
headline, the chart, the table and "Why this number?", to the dollar of planner.domain.taxes; a scenario moved to
another market area pays that area's state's taxes; the tax inputs are undoable edits with their messages."""

from __future__ import annotations

from typing import Any

import pytest

from planner.domain.money import usd
from planner.domain.plans import Scenario
from planner.domain.profile import TaxInputs
from planner.domain.taxes import take_home
from planner.storage.tax_file import load_tax_data
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.projection.tax_inputs import TaxInputsPresenter

SEATTLE = "0042660"
SAN_FRANCISCO = "0041860"
NATION = "0000000"
YEAR = 2026  # the year of the worked examples (the tab's "this year" is set to it)


def projection_tab(ctx: Any, year: int = YEAR) -> tuple[Any, ProjectionPresenter, TaxInputsPresenter]:
    tab = ctx.window.tab_widget("projection")
    presenter = ctx.presenter("projection", ProjectionPresenter)
    taxes = ctx.presenter("projection", TaxInputsPresenter)
    presenter.current_year = taxes.current_year = year
    presenter.recompute()
    return tab, presenter, taxes


def choose_pay(tab: Any, comp: str) -> None:
    """As a user does: pick the item of the Pay menu."""
    tab.comp.setCurrentIndex(tab.comp.findData(comp))


def breakdown_text(presenter: ProjectionPresenter, t: int = 0) -> str:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(presenter.breakdown_html(t))
    return doc.toPlainText()


@pytest.mark.parametrize(
    ("salary", "kept", "federal"),
    [(150_000, 113_791, 24_734), (250_000, 183_182, 51_304)],  # the Texas examples, worked by hand
)
def test_the_texas_examples_show_on_the_projection_tab_to_the_dollar(
    main_context: Any, salary: int, kept: int, federal: int
) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=salary, taxes=TaxInputs(state="TX"))
    tab, presenter, _taxes = projection_tab(ctx)
    choose_pay(tab, "take_home")
    assert ctx.display.comp == "take_home"
    assert round(take_home(load_tax_data(), YEAR, salary, "single", "TX").take_home) == kept
    assert presenter.chart is not None
    assert round(presenter.chart.main.y[0]) == kept  # drawn
    assert f"{usd(kept)} take-home this year" in tab.summary.text()  # the headline
    assert "Texas taxes" in tab.summary.text()
    table = presenter.table
    assert table.data(table.index(0, 4)) == usd(kept)  # the year-by-year table's Projected column
    why = breakdown_text(presenter)
    assert f"Why {usd(kept)} in {YEAR}?" in why
    assert f"-{usd(federal)}" in why.replace("−", "-") or f"−{usd(federal)}" in why  # the federal income tax line
    assert "Standard deduction" in why
    assert "policy_current_law.json, tax year 2026" in why  # the law's figure with its source and tax year
    assert "take-home pay, nominal dollars" in why


@pytest.mark.parametrize(("area", "state"), [(None, "CA"), (None, "NY"), (SEATTLE, None)])
def test_policyengine_states_show_to_the_dollar(main_context: Any, area: str | None, state: str | None) -> None:
    """California and New York chosen as the state for taxes; Washington from the Market area (Seattle)."""
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=150_000, market_area=area, taxes=TaxInputs(state=state))
    tab, presenter, _taxes = projection_tab(ctx)
    choose_pay(tab, "take_home")
    expected = take_home(load_tax_data(), YEAR, 150_000, "single", state or "WA")
    assert presenter.chart is not None
    assert round(presenter.chart.main.y[0]) == round(expected.take_home)
    why = breakdown_text(presenter).replace("−", "-")
    for key in ("state_income_tax", "state_payroll_tax"):
        line = expected.line(key)
        if line.amount:
            assert f"{line.label}\n" in why or line.label in why
            assert f"-{usd(line.amount)}" in why, key
    assert "PolicyEngine-US's 2026 rules" in why
    if state is None:
        assert "Washington (from the market area Seattle-Tacoma-Bellevue, WA)" in why
    if state == "NY":
        assert "New York City" not in why or "not included" in why


def test_moving_a_scenario_from_seattle_to_san_francisco_compares_after_tax(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(
        years_of_experience=6.0,
        current_salary=150_000,
        market_area=SEATTLE,
        scenarios=[Scenario(id="scenario-1", name="San Francisco", market_area=SAN_FRANCISCO)],
    )
    tab, presenter, _taxes = projection_tab(ctx)
    assert presenter.chart is not None
    before_tax = {c.key: c.y[0] for c in presenter.chart.comparisons}
    assert before_tax["scenario-0"] == pytest.approx(presenter.chart.main.y[0])  # the same pay before tax
    choose_pay(tab, "take_home")
    data = load_tax_data()
    seattle = take_home(data, YEAR, 150_000, "single", "WA").take_home
    san_francisco = take_home(data, YEAR, 150_000, "single", "CA").take_home
    assert presenter.chart.main.y[0] == pytest.approx(seattle, abs=0.01)
    scenario = next(c for c in presenter.chart.comparisons if c.key == "scenario-0")
    assert scenario.y[0] == pytest.approx(san_francisco, abs=0.01)
    assert san_francisco < seattle - 5_000  # California's income tax
    differences = presenter.differences
    row = next(r for r in range(differences.rowCount()) if "San Francisco" in str(differences.index(r, 0).data()))
    assert usd(presenter.comparisons["scenario-0"].projected("nominal", "take_home")[1]) in [
        str(differences.index(row, c).data()) for c in range(differences.columnCount())
    ]


def test_the_tax_inputs_are_undoable_edits_with_names(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=150_000, market_area=SEATTLE)
    tab, _presenter, _taxes = projection_tab(ctx)
    box = tab.form.taxes
    box.toggle.setChecked(True)  # open the section (the tax file is read now)
    assert box.state.itemText(0) == "From your Market area: Washington"
    assert "no income tax" in box.state.itemText(box.state.findData("TX"))
    assert "Washington has no income tax on wages" in box.state_note.text()
    box.state.setCurrentIndex(box.state.findData("CA"))
    box.state.activated.emit(box.state.currentIndex())
    assert ctx.session.profile.taxes.state == "CA"
    assert ctx.window.undo_action.text() == "&Undo set the state for taxes to California"
    box.status.setCurrentIndex(box.status.findData("head_of_household"))
    box.status.activated.emit(box.status.currentIndex())
    assert ctx.session.profile.taxes.filing_status == "head_of_household"
    box.retirement.setText("10")
    box.retirement.editingFinished.emit()
    assert ctx.session.profile.taxes.retirement_share == pytest.approx(0.10)
    for _ in range(3):
        ctx.window.undo_action.trigger()
    assert ctx.session.profile.taxes == TaxInputs()
    assert box.state.currentIndex() == 0
    assert box.status.currentData() == "single"
    assert box.retirement.text() == "0"


def test_contributions_above_the_legal_limit_are_refused_next_to_the_field(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=150_000, taxes=TaxInputs(state="TX"))
    tab, _presenter, _taxes = projection_tab(ctx)
    box = tab.form.taxes
    box.toggle.setChecked(True)
    before = ctx.session.profile
    box.retirement.setText("20")
    box.retirement.textEdited.emit("20")
    box.retirement.editingFinished.emit()
    assert ctx.session.profile == before  # nothing changed
    message = box.retirement_error.text()
    assert not box.retirement_error.isHidden()
    assert "above the 2026 limit of $24,500" in message
    assert "at most 16.3%" in message
    assert box.retirement.text() == "20"  # what was typed stays to be corrected
    box.retirement.setText("15")
    box.retirement.editingFinished.emit()
    assert ctx.session.profile.taxes.retirement_share == pytest.approx(0.15)
    assert box.retirement_error.isHidden()


def test_without_a_state_take_home_pay_is_explained_and_the_pay_stays(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=150_000)  # no state, no Market area
    tab, _presenter, _taxes = projection_tab(ctx)
    choose_pay(tab, "total")
    choose_pay(tab, "take_home")
    assert ctx.display.comp == "total"
    assert tab.comp.currentData() == "total"
    assert not tab.tax_banner.isHidden()
    assert "needs the state whose taxes apply" in tab.tax_banner.text()
    ctx.session.edit(taxes=TaxInputs(state="WA"))  # a state chosen: the reason is gone
    assert tab.tax_banner.isHidden()
    choose_pay(tab, "take_home")
    assert ctx.display.comp == "take_home"


def test_an_area_without_a_state_goes_back_to_total_compensation_and_says_why(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=150_000, market_area=SEATTLE)
    tab, presenter, _taxes = projection_tab(ctx)
    choose_pay(tab, "take_home")
    assert ctx.display.comp == "take_home"
    ctx.session.edit(market_area=NATION)  # the nation gives no state
    assert ctx.display.comp == "total"
    assert tab.comp.currentData() == "total"
    assert "Showing total compensation instead" in tab.tax_banner.text()
    assert presenter.chart is not None
    assert presenter.chart.main.y[0] == pytest.approx(150_000)


def test_a_damaged_tax_file_leaves_every_before_tax_figure_and_says_so(
    main_context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.storage import tax_file

    def damaged() -> Any:
        raise tax_file.TaxDataError("us-tax-2025-2027.json is damaged: federal.0.year: Input should be an integer")

    monkeypatch.setattr(tax_file, "load_tax_data", damaged)
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=150_000, taxes=TaxInputs(state="TX"))
    tab, presenter, _taxes = projection_tab(ctx)
    assert presenter.chart is not None
    total = presenter.chart.main.total
    choose_pay(tab, "take_home")
    assert ctx.display.comp == "base"
    assert presenter.chart.main.total == total  # every before-tax figure as before
    assert not tab.tax_banner.isHidden()
    assert "us-tax-2025-2027.json is damaged" in tab.tax_banner.text()
    item = tab.comp.model().item(tab.comp.findData("take_home"))
    assert not item.isEnabled()  # disabled, with the reason
    assert "damaged" in item.toolTip()
    choose_pay(tab, "total")
    assert presenter.chart.main.y[0] == pytest.approx(150_000)
    box = tab.form.taxes
    box.toggle.setChecked(True)
    box.retirement.setText("5")
    box.retirement.editingFinished.emit()
    assert "damaged" in box.retirement_error.text()
    assert ctx.session.profile.taxes.retirement_share == 0


def test_the_tax_file_is_not_read_when_the_tab_is_built(main_context: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.storage import tax_file

    reads: list[int] = []
    real = tax_file.load_tax_data

    def counted() -> Any:
        reads.append(1)
        return real()

    monkeypatch.setattr(tax_file, "load_tax_data", counted)
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=150_000, market_area=SEATTLE)
    tab, _presenter, _taxes = projection_tab(ctx)
    assert reads == []
    choose_pay(tab, "take_home")
    assert reads == [1]


def test_start_up_never_reads_the_tax_file(
    qtbot: Any, qapp: Any, dataset: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    """Read on first use only: the window built and shown, every tab too, and no take-home figure asked for."""
    from planner.app import build_window
    from planner.storage import tax_file

    reads: list[int] = []
    monkeypatch.setattr(tax_file, "load_tax_data", lambda: reads.append(1))
    ctx = build_window(qapp, dataset, tmp_path)
    qtbot.addWidget(ctx.window)
    ctx.window.show()
    ctx.session.edit(years_of_experience=6.0, current_salary=150_000)  # no state: nothing to work out after tax
    for tab_id in ("levels", "industries", "skills", "projection", "market", "offers"):
        ctx.window.tab_widget(tab_id)
    assert reads == []
    ctx.window.close()
