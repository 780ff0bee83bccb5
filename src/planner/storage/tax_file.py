"""Reading the bundled tax figures (resources/data/us-tax-2025-2027.json, built by ``make tax-data``).

Read once, the first time a take-home figure is needed, never at start-up. No Qt here.
"""

from __future__ import annotations

import functools

from pydantic import ValidationError

from planner.domain.errors import TaxDataError
from planner.domain.tax_data import TaxData
from planner.storage.dataset_file import resource_root

BUNDLED_TAX_DATA = "us-tax-2025-2027.json"
__all__ = ["BUNDLED_TAX_DATA", "TaxDataError", "load_tax_data", "read_tax_data"]


def bundled_tax_file():  # type: ignore[no-untyped-def]  # a Traversable
    return resource_root() / "data" / BUNDLED_TAX_DATA


def read_tax_data(source) -> TaxData:  # type: ignore[no-untyped-def]  # a Traversable or a Path
    """Read and validate one tax file; any failure is a TaxDataError naming the file and the reason."""
    name = getattr(source, "name", BUNDLED_TAX_DATA)
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise TaxDataError(
            f"{name} is missing: the installation is incomplete (take-home pay cannot be shown)"
        ) from None
    except OSError as exc:
        raise TaxDataError(f"{name} could not be read: {exc.strerror or exc}") from None
    try:
        return TaxData.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the file"
        raise TaxDataError(
            f"{name} is damaged: {where}: {first['msg']} ({exc.error_count()} problem(s) in all)"
        ) from None
    except ValueError as exc:
        raise TaxDataError(f"{name} is damaged: {exc}") from None


@functools.cache
def load_tax_data() -> TaxData:
    return read_tax_data(bundled_tax_file())


def tax_source() -> tuple[TaxData | None, str]:
    """The tax figures, or None and why not (a broken installation: the figures before tax go on without them)."""
    try:
        return load_tax_data(), ""
    except TaxDataError as exc:
        return None, str(exc)
