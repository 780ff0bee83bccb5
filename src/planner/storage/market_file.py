"""Reading the bundled BLS wage estimates (resources/data/bls-oews-2025.json, built by ``make data``).

Read once, when the Market tab (or the report, or Help > Data sources) first needs it. No Qt here.
"""

from __future__ import annotations

import functools

from pydantic import ValidationError

from planner.domain.market import MarketData
from planner.storage.dataset_file import resource_root

BUNDLED_MARKET_DATA = "bls-oews-2025.json"


class MarketDataError(Exception):
    """The bundled BLS file could not be used (a broken installation); the message says why."""


def bundled_market_file():  # type: ignore[no-untyped-def]  # a Traversable
    return resource_root() / "data" / BUNDLED_MARKET_DATA


@functools.cache
def load_market_data() -> MarketData:
    try:
        return MarketData.model_validate_json(bundled_market_file().read_bytes())
    except (OSError, ValidationError, ValueError) as exc:
        raise MarketDataError(f"{BUNDLED_MARKET_DATA}: {exc}") from None


@functools.cache
def market_or_none() -> MarketData | None:
    """The bundled wages, or None when they cannot be read (a broken installation: the Market tab says why, the
    report and the other tabs go on without them). A failure is remembered, so the file is not read again."""
    try:
        return load_market_data()
    except MarketDataError:
        return None
