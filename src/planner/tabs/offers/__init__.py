"""Offers: job offers year by year, stacked by component, beside the current job."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.tabs.spec import TabContext, TabSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def build(ctx: TabContext) -> QWidget:
    from planner.tabs.offers.presenter import OffersPresenter
    from planner.tabs.offers.view import OffersTab

    tab = OffersTab()
    presenter = OffersPresenter(ctx.dataset, ctx.session, tab, ctx.dialogs.confirm, parent=tab)  # leaves with its tab
    tab.set_list_model(presenter.offers)
    tab.set_table_model(presenter.table)
    tab.selection_changed.connect(presenter.selection_changed)
    tab.add_requested.connect(presenter.add)
    tab.duplicate_requested.connect(presenter.duplicate)
    tab.delete_requested.connect(presenter.delete)
    tab.scenario_requested.connect(presenter.start_scenario)
    tab.field_edited.connect(presenter.field_edited)
    tab.field_committed.connect(presenter.field_committed)
    tab.vesting_chosen.connect(presenter.vesting_chosen)
    tab.match_chosen.connect(presenter.match_chosen)
    presenter.message.connect(ctx.say)
    presenter.start()
    return tab


SPEC = TabSpec("offers", "Offers", build, "Ctrl+6")
