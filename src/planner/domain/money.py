"""Pure formatting of amounts, shared by presenters (text) and views (axis ticks)."""

from __future__ import annotations

import math


def usd(amount: float) -> str:
    """$144,000 — whole dollars with thousands separators."""
    if not math.isfinite(amount):
        return "—"
    whole = round(amount)
    sign = "-" if whole < 0 else ""  # -0.4 is "$0", not "-$0"
    return f"{sign}${abs(whole):,}"


def usd_short(amount: float) -> str:
    """$70k, $1.2M — for axis ticks. Never an SI prefix such as 'k$' or '×1e3'."""
    if not math.isfinite(amount):
        return "—"
    sign = "-" if amount < 0 else ""
    a = abs(amount)
    if a >= 1_000_000:
        text = f"{a / 1_000_000:.2f}".rstrip("0").rstrip(".")
        return f"{sign}${text}M"
    if a >= 1_000:
        text = f"{a / 1_000:.1f}".rstrip("0").rstrip(".")
        return f"{sign}${text}k"
    return f"{sign}${a:.0f}"


def percent(fraction: float, digits: int = 1) -> str:
    return f"{fraction * 100:.{digits}f}%"
