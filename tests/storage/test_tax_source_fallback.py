"""What the tabs ask for their take-home figures (``tax_source``): the shipped figures and no complaint, or, in a
broken installation, no figures and the reason in words (the figures before tax go on without them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.storage import tax_file
from planner.storage.tax_file import BUNDLED_TAX_DATA, load_tax_data, tax_source


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    """The tax file is read once per run: read it again in the test, and again afterwards for other tests."""
    load_tax_data.cache_clear()
    yield
    load_tax_data.cache_clear()


def test_the_shipped_figures_come_without_a_complaint(fresh_cache: None) -> None:
    data, why = tax_source()
    assert why == ""
    assert data is not None
    assert data.states.year == 2026


def test_a_broken_installation_gives_no_figures_and_says_why(
    fresh_cache: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tax_file, "bundled_tax_file", lambda: tmp_path / BUNDLED_TAX_DATA)  # not there
    data, why = tax_source()
    assert data is None
    assert why == "us-tax-2025-2027.json is missing: the installation is incomplete (take-home pay cannot be shown)"
