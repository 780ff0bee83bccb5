"""A damaged official-wages file (a broken installation): the Market wages tab says so in words, and nothing else
stops working."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

import planner.storage.market_file as market_file


def test_the_market_tab_names_a_damaged_wage_file_and_the_rest_works(
    main_context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise market_file.MarketDataError("bls-oews-2025.json: not valid JSON")

    monkeypatch.setattr(market_file, "load_market_data", broken)
    window = main_context.window
    window.select_tab("market")  # built now, from the damaged file
    page = window.tab_widget("market")
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert "The official wage figures (BLS OEWS) could not be read" in texts
    assert any("bls-oews-2025.json: not valid JSON" in t and "The rest of the app works" in t for t in texts)
    window.select_tab("projection")  # every other tab as always
    main_context.session.edit(years_of_experience=5.0, current_salary=130_000)
    assert "$130,000 this year" in window.tab_widget("projection").summary.text()
