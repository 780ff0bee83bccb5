"""Market wages: official BLS wage percentiles for an occupation in an area, beside the article's figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.tabs.spec import TabContext, TabSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def build(ctx: TabContext) -> QWidget:
    from planner.storage.market_file import MarketDataError, load_market_data
    from planner.tabs.market.presenter import MarketPresenter
    from planner.tabs.market.view import MarketTab
    from planner.views.plain import unavailable_page

    try:
        market = load_market_data()
    except MarketDataError as exc:  # a damaged installation: this tab says so, every other tab works
        return unavailable_page(
            "marketTab",
            "The official wage figures (BLS OEWS) could not be read",
            f"{exc}\n\nThe rest of the app works without them. Reinstalling the app brings the file back.",
        )
    tab = MarketTab()
    # A child of its tab: leaves with it. The window's tax source says what your salary leaves after tax.
    presenter = MarketPresenter(market, ctx.dataset, ctx.session, tab, parent=tab, taxes=ctx.display.taxes)
    tab.occupation_chosen.connect(presenter.occupation_chosen)
    tab.area_chosen.connect(presenter.area_chosen)
    tab.set_table_model(presenter.table)
    presenter.start()
    return tab


SPEC = TabSpec("market", "Market wages", build, "Ctrl+5")
