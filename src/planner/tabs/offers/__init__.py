"""Offers: job offers against the current job (or another offer): a headline each, years 1–4 by component, vesting
by month and "If I leave at month N", the stock price range, take-home pay where each job is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.tabs.spec import TabContext, TabSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def build(ctx: TabContext) -> QWidget:
    from planner.storage.market_file import market_or_none
    from planner.storage.tax_file import tax_source
    from planner.tabs.offers.presenter import OffersPresenter
    from planner.tabs.offers.view import OffersTab

    tab = OffersTab()
    presenter = OffersPresenter(
        ctx.dataset, ctx.session, tab, ctx.dialogs.confirm, parent=tab, market=market_or_none, taxes=tax_source
    )  # leaves with its tab
    tab.set_list_model(presenter.offers)
    tab.set_table_model(presenter.table)
    tab.set_leave_model(presenter.leaving)
    tab.selection_changed.connect(presenter.selection_changed)
    tab.add_requested.connect(presenter.add)
    tab.duplicate_requested.connect(presenter.duplicate)
    tab.delete_requested.connect(presenter.delete)
    tab.scenario_requested.connect(presenter.start_scenario)
    tab.field_edited.connect(presenter.field_edited)
    tab.field_committed.connect(presenter.field_committed)
    tab.vesting_chosen.connect(presenter.vesting_chosen)
    tab.vest_every_chosen.connect(presenter.vest_every_chosen)
    tab.location_chosen.connect(presenter.location_chosen)
    tab.match_chosen.connect(presenter.match_chosen)
    tab.suggestion_accepted.connect(presenter.suggestion_accepted)
    tab.suggestion_declined.connect(presenter.suggestion_declined)
    tab.baseline_chosen.connect(presenter.baseline_chosen)
    tab.leave_edited.connect(presenter.leave_edited)
    tab.leave_moved.connect(presenter.leave_moved)
    presenter.message.connect(ctx.say)
    presenter.start()
    return tab


SPEC = TabSpec("offers", "Offers", build, "Ctrl+6")
