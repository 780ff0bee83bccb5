"""Reading a number as the user typed it, in the user's locale: the one reader of every number field.

Pure (no Qt): the decimal and group separators are parameters (the presenters pass the system locale's, from
QLocale). "145.000,50" with "," and "." (de_DE) is 145000.5; "145,000.50" with "." and "," (en_US) is 145000.5.
Text that could mean two things is refused with both readings, never read silently as one of them:
"2,5" in en_US (2.5 with a decimal comma, or 25), "2.500" in de_DE (2500, or 2.5 with a decimal point). A group
separator must sit between groups of three digits. For money, a ``k`` or ``m`` suffix counts thousands or millions
("0,5m" in de_DE is 500,000). ``$``, ``%`` and ``_`` are ignored; spaces are group separators only in a locale
whose group separator is a space.
"""

from __future__ import annotations

import math
import re


class NumberError(ValueError):
    """The text is not one number in this locale; the message says why (and, when it could be two, both)."""


_SPACES = re.compile(r"[\s\u00a0\u202f]")


def cleaned_suffix(typed: str) -> str:
    """The money suffix typed (k, m), as typed."""
    return typed[-1] if typed[-1:] in ("k", "K", "m", "M") else ""


def _grouped(digits: str, group: str) -> bool:
    """``digits`` is 1–3 digits, then groups of exactly three, each after ``group``."""
    parts = digits.split(group)
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]) and all(p.isdigit() for p in parts)


def _read(body: str, decimal: str, group: str) -> float | None:
    """``body`` (digits and separators only) in this locale; None when it is not a number here."""
    whole, point, fraction = body.partition(decimal)
    if point and (not fraction.isdigit() or decimal in fraction):
        return None
    if not whole:
        return float("0." + fraction) if point else None
    if group in whole and not _grouped(whole, group):
        return None
    if not whole.replace(group, "").isdigit():
        return None
    return float(whole.replace(group, "") + ("." + fraction if point else ""))


def read_localized(text: str, decimal: str, group: str, *, money: bool = False) -> float | None:
    """The number typed in ``text`` under these separators; None for empty text; NumberError when it is not a number
    here or could be read two ways (the message gives both readings and how to type each)."""
    typed = text.strip()
    cleaned = typed.replace("_", "").replace("$", "").replace("%", "").strip()
    if _SPACES.fullmatch(group) or not group:
        cleaned = _SPACES.sub("", cleaned)
        group = group or "\u00a0"
    if not cleaned:
        return None
    multiplier = 1.0
    if money and cleaned[-1] in "kKmM":
        cleaned, multiplier = cleaned[:-1].strip(), 1000.0 if cleaned[-1] in "kK" else 1_000_000.0
    sign = 1.0
    if cleaned[:1] in "+-" and cleaned:
        sign, cleaned = (-1.0 if cleaned[0] == "-" else 1.0), cleaned[1:].strip()
    if not cleaned or any(not (c.isdigit() and c.isascii()) and c not in (decimal, group) for c in cleaned):
        raise NumberError(f"“{typed}” is not a number.")
    here = _read(cleaned, decimal, group)
    # The other reading, with the separators swapped, counts where a person may well have meant it: a decimal point
    # typed where the locale groups with dots ("2.500" in de_DE), or a separator that cannot group here ("2,5" in
    # en_US). "145,000" in en_US is 145000: nobody there types a decimal comma before three digits.
    other = None
    if group in (".", ",") and decimal in (".", ",") and (here is None or group == "."):
        other = _read(cleaned, group, decimal)
    readings = [r for r in (here, other) if r is not None]
    if here is None and other is not None:
        plain = _read(cleaned.replace(group, ""), decimal, group)  # the separator ignored: "2,5" as 25
        if plain is not None:
            readings.append(plain)
    if len(set(readings)) > 1:
        suffix = cleaned_suffix(typed) if money else ""
        a, b = (_example(r, decimal) + suffix for r in readings[:2])
        raise NumberError(
            f"“{typed}” could be {a} or {b}. Type {a} or {b} (without a thousands separator), so that it means one "
            f"thing; here the decimal separator is “{decimal}”."
        )
    if here is None and other is not None:
        raise NumberError(f"“{typed}” is not a number here: the decimal separator is “{decimal}”.")
    if here is None:
        raise NumberError(f"“{typed}” is not a number.")
    number = sign * here * multiplier
    if not math.isfinite(number):
        raise NumberError("Enter a finite number.")
    return number + 0.0  # "-0" is 0, never -0.0


def _example(value: float | None, decimal: str) -> str:
    """``value`` as it is typed here, without group separators (never ambiguous)."""
    if value is None:
        return ""
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text.replace(".", decimal)
