"""The bundled BLS file: a broken installation gives no wages (and says so once), never a crash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.storage import market_file


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    market_file.load_market_data.cache_clear()
    market_file.market_or_none.cache_clear()
    yield
    market_file.load_market_data.cache_clear()
    market_file.market_or_none.cache_clear()


def test_a_broken_file_gives_no_wages_and_is_not_read_again(
    fresh_cache: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "bls.json"
    broken.write_text('{"release": ', encoding="utf-8")
    reads: list[int] = []

    def bundled() -> Path:
        reads.append(1)
        return broken

    monkeypatch.setattr(market_file, "bundled_market_file", bundled)
    with pytest.raises(market_file.MarketDataError, match=r"bls-oews-2025\.json"):
        market_file.load_market_data()
    assert market_file.market_or_none() is None
    assert market_file.market_or_none() is None
    assert len(reads) == 2  # the failing load above, then once for market_or_none: the failure is remembered


def test_the_bundled_file_is_read(fresh_cache: None) -> None:
    market = market_file.market_or_none()
    assert market is not None
    assert market is market_file.load_market_data()
