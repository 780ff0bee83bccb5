"""Industries: average ML-engineer pay by industry and at three employers; yours starred, any two compared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.tabs.spec import TabContext, TabSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def build(ctx: TabContext) -> QWidget:
    from planner.tabs.industries.presenter import IndustriesPresenter
    from planner.tabs.industries.view import IndustriesTab

    tab = IndustriesTab()
    presenter = IndustriesPresenter(ctx.dataset, ctx.session, tab, parent=tab)  # leaves with its tab
    tab.set_table_model(presenter.proxy)
    tab.set_hover_text_provider(presenter.hover_text)
    tab.industry_chosen.connect(presenter.industry_chosen)
    tab.employer_chosen.connect(presenter.employer_chosen)
    tab.bar_clicked.connect(presenter.bar_clicked)
    tab.entry_selected.connect(presenter.entry_selected)
    tab.employers_toggled.connect(presenter.employers_toggled)
    tab.comparison_changed.connect(presenter.comparison_changed)
    presenter.start()
    return tab


SPEC = TabSpec("industries", "Industries", build, "Ctrl+2")
