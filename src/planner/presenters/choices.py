"""One item of a combo box, shared by every tab that offers choices."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    """The value handed back to the presenter (None: no particular choice) and the text shown."""

    value: str | None
    label: str
