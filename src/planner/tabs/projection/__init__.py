"""Projection: your projected pay for every year of your career, with scenarios beside today's path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.tabs.spec import TabContext, TabSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.tabs.projection.scenarios import ScenariosPresenter
    from planner.tabs.projection.view import ProjectionTab


def build(ctx: TabContext) -> QWidget:
    import datetime as dt

    from planner.storage.market_file import market_or_none
    from planner.tabs.projection.pay_history import PayHistoryPresenter
    from planner.tabs.projection.presenter import ProjectionPresenter
    from planner.tabs.projection.scenarios import ScenariosPresenter
    from planner.tabs.projection.tax_inputs import TaxInputsPresenter
    from planner.tabs.projection.view import ProjectionTab

    tab = ProjectionTab()
    year = dt.date.today().year
    # Every presenter is a child of the tab: each leaves the session with it.
    presenter = ProjectionPresenter(ctx.dataset, ctx.session, tab, current_year=year, parent=tab, display=ctx.display)
    history = PayHistoryPresenter(ctx.session, tab, current_year=year, parent=tab)
    tab.set_pay_history_model(history.model)
    tab.pay_added.connect(history.add)
    tab.pay_removed.connect(history.remove)
    tab.set_table_model(presenter.table)
    tab.field_edited.connect(presenter.field_edited)
    tab.field_committed.connect(presenter.field_committed)
    tab.industry_chosen.connect(presenter.industry_chosen)
    tab.employer_chosen.connect(presenter.employer_chosen)
    tab.level_chosen.connect(presenter.level_chosen)
    tab.dollars_chosen.connect(presenter.dollars_chosen)
    tab.comp_chosen.connect(presenter.comp_chosen)
    tab.compare_industry_chosen.connect(presenter.compare_industry_chosen)
    tab.compare_employer_chosen.connect(presenter.compare_employer_chosen)
    tab.compare_next_skills_toggled.connect(presenter.compare_next_skills_toggled)
    tab.year_selected.connect(presenter.year_selected)
    scenarios = ScenariosPresenter(ctx.dataset, ctx.session, ctx.dialogs.confirm, market=market_or_none, parent=tab)
    presenter.market = market_or_none
    scenarios.attach_view(tab)
    tab.set_scenario_model(scenarios.model)
    tab.set_differences_model(presenter.differences)
    connect_scenario_dialogs(tab, scenarios)

    def pay_now() -> float | None:  # this year's total compensation: the gross pay the taxes are on
        proj = presenter.projection
        return float(proj.projected("nominal", "total")[0]) if proj is not None else None

    taxes = TaxInputsPresenter(ctx.session, ctx.display, tab.tax_view, current_year=year, pay_now=pay_now, parent=tab)
    box = tab.form.taxes
    box.opened.connect(taxes.opened)
    box.status_chosen.connect(taxes.status_chosen)
    box.state_chosen.connect(taxes.state_chosen)
    box.retirement_edited.connect(taxes.retirement_edited)
    box.retirement_committed.connect(taxes.retirement_committed)
    presenter.start()
    taxes.start()
    return tab


def connect_scenario_dialogs(tab: ProjectionTab, scenarios: ScenariosPresenter) -> None:
    """New, Edit, Duplicate and Delete on the Projection tab: the dialog (a view) asks, the presenter decides."""
    from PySide6.QtCore import Qt

    from planner.tabs.projection.scenario_dialog import ScenarioDialog

    def open_dialog(scenario_id: str | None) -> ScenarioDialog:
        dialog = ScenarioDialog(scenarios.form(scenario_id), tab)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda values: dialog.show_errors(scenarios.save(scenario_id, values)))
        tab.scenario_dialog = dialog  # tests reach the open dialog here
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def duplicate(scenario_id: str) -> None:
        new = scenarios.duplicate(scenario_id)
        if new is not None:
            tab.select_scenario(new)

    tab.scenario_new_requested.connect(lambda: open_dialog(None))
    tab.scenario_edit_requested.connect(open_dialog)
    tab.scenario_duplicate_requested.connect(duplicate)
    tab.scenario_delete_requested.connect(scenarios.delete)


# Built with the Skills tab: a tick made before this tab was ever opened is told in its headline, with the curve
# before it drawn faint, as every later tick is (a tab built after the tick would have no "before").
SPEC = TabSpec("projection", "Projection", build, "Ctrl+4", built_with="skills")
