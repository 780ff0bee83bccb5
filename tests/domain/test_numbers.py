"""The one number reader: the locale's separators, never a silent misreading (issue 23, item 7)."""

from __future__ import annotations

import pytest

from planner.domain.numbers import NumberError, read_localized

DE = (",", ".")
EN = (".", ",")


@pytest.mark.parametrize(
    ("text", "seps", "money", "value"),
    [
        ("145.000,50", DE, True, 145000.5),
        ("145,000.50", EN, True, 145000.5),
        ("145,000", EN, True, 145000.0),
        ("1.000.000", DE, True, 1_000_000.0),
        ("2,5", DE, False, 2.5),
        ("0,5m", DE, True, 500_000.0),
        ("$120k", EN, True, 120_000.0),
        ("12 %", EN, False, 12.0),
        ("-0", EN, False, 0.0),
        ("1\u202f000,5", (",", "\u202f"), False, 1000.5),
        ("", EN, False, None),
    ],
)
def test_a_number_is_read_in_the_locale(text: str, seps: tuple[str, str], money: bool, value: float | None) -> None:
    assert read_localized(text, *seps, money=money) == value


@pytest.mark.parametrize(
    ("text", "seps", "money", "readings"),
    [
        ("2,5", EN, False, ("2.5", "25")),
        ("145.000", DE, True, ("145000", "145")),
        ("2.5", DE, False, ("2,5", "25")),
        ("0,5m", EN, True, ("0.5m", "5m")),
    ],
)
def test_text_that_could_mean_two_things_is_refused_with_both_readings(
    text: str, seps: tuple[str, str], money: bool, readings: tuple[str, str]
) -> None:
    with pytest.raises(NumberError) as err:
        read_localized(text, *seps, money=money)
    message = str(err.value)
    assert f"could be {readings[0]} or {readings[1]}" in message


@pytest.mark.parametrize("text", ["abc", "1e400", "nan", "1,2,3", "12.34.56", "1 000", "5,00,000"])
def test_anything_else_is_not_a_number(text: str) -> None:
    with pytest.raises(NumberError):
        read_localized(text, *EN)
