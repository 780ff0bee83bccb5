"""The one number reader: the locale's separators, never a silent misreading (issue 23, item 7)."""

from __future__ import annotations

import math

import pytest

from planner.domain.numbers import NumberError, cleaned_suffix, read_localized

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


SWISS = (".", "'")


@pytest.mark.parametrize(
    ("text", "seps", "money", "value"),
    [
        ("-5", EN, False, -5.0),
        ("+5", EN, False, 5.0),
        ("- 1,200.5", EN, False, -1200.5),
        ("1_000", EN, False, 1000.0),
        ("50%", EN, False, 50.0),
        ("$1,200", EN, True, 1200.0),
        (".5", EN, False, 0.5),
        (",25", DE, False, 0.25),
        ("1,000,000.25", EN, False, 1_000_000.25),
        ("999,999", EN, False, 999_999.0),
        ("120 k", EN, True, 120_000.0),
        ("2K", EN, True, 2000.0),
        ("1.5m", EN, True, 1_500_000.0),
        ("2M", EN, True, 2_000_000.0),
        ("-3k", EN, True, -3000.0),
        ("1 000,5", (",", " "), False, 1000.5),
        ("1\u00a0000,5", (",", "\u00a0"), False, 1000.5),
        ("1 000,5", (",", "\u202f"), False, 1000.5),
        ("1 000.5", (".", ""), False, 1000.5),
        ("1'000.50", SWISS, False, 1000.5),
        ("  42  ", EN, False, 42.0),
        ("   ", EN, False, None),
        ("$", EN, True, None),
    ],
)
def test_more_ways_of_typing_a_number(text: str, seps: tuple[str, str], money: bool, value: float | None) -> None:
    assert read_localized(text, *seps, money=money) == value


@pytest.mark.parametrize("text", ["-0", "-0.0", "-0k"])
def test_minus_zero_is_plain_zero(text: str) -> None:
    value = read_localized(text, *EN, money=True)
    assert value == 0.0
    assert math.copysign(1.0, value) == 1.0


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("120k", False),
        ("k", True),
        ("-", False),
        ("+", False),
        ("--5", False),
        ("-k", True),
        ("1.", False),
        ("\u0665\u0660", False),  # Arabic-Indic digits: Python's float would read them, the app does not
        ("\u00b2", False),
        ("1\u00a0000", False),
        ("1,,000", False),
    ],
)
def test_these_are_not_numbers_in_en_us(text: str, money: bool) -> None:
    with pytest.raises(NumberError, match="is not a number"):
        read_localized(text, *EN, money=money)


def test_a_number_too_large_for_a_float_is_refused() -> None:
    with pytest.raises(NumberError) as err:
        read_localized("9" * 400, *EN)
    assert str(err.value) == "Enter a finite number."


def test_a_separator_only_other_locales_use_says_which_is_the_decimal_here() -> None:
    with pytest.raises(NumberError) as err:
        read_localized("0,0", *EN)
    message = str(err.value)
    assert "could be" not in message
    assert "not a number here" in message
    assert "“.”" in message


def test_the_decimal_separator_named_in_a_two_way_message_is_the_locales() -> None:
    with pytest.raises(NumberError) as err:
        read_localized("2.5", *DE)
    assert "the decimal separator is “,”" in str(err.value)


def test_the_money_suffix_is_kept_as_typed_in_both_readings() -> None:
    with pytest.raises(NumberError) as err:
        read_localized("0,5K", *EN, money=True)
    assert "could be 0.5K or 5K" in str(err.value)


def test_a_suffix_is_only_a_suffix_for_money() -> None:
    with pytest.raises(NumberError) as err:
        read_localized("2,5", *EN, money=False)
    assert "could be 2.5 or 25." in str(err.value)


def test_two_readings_with_decimals_are_written_without_trailing_zeros() -> None:
    with pytest.raises(NumberError) as err:
        read_localized("12,34", *EN)
    assert "could be 12.34 or 1234" in str(err.value)


def test_grouping_a_million_in_de_de_is_not_read_as_a_decimal_point() -> None:
    assert read_localized("1.000.000", *DE) == 1_000_000.0
    assert read_localized("2,5", *DE) == 2.5


@pytest.mark.parametrize("text", ["2'5", "1'00.5"])
def test_a_locale_whose_group_is_not_a_point_or_comma_has_one_reading(text: str) -> None:
    with pytest.raises(NumberError) as err:
        read_localized(text, *SWISS)
    assert "could be" not in str(err.value)
    assert "not a number." in str(err.value)


def test_a_locale_whose_decimal_is_not_a_point_or_comma_has_one_reading() -> None:
    with pytest.raises(NumberError) as err:
        read_localized("2,5", "'", ",")
    assert "could be" not in str(err.value)


@pytest.mark.parametrize(
    ("typed", "suffix"), [("120k", "k"), ("120K", "K"), ("2m", "m"), ("2M", "M"), ("120", ""), ("12x", "")]
)
def test_the_money_suffix_as_typed(typed: str, suffix: str) -> None:
    assert cleaned_suffix(typed) == suffix


@pytest.mark.parametrize("text", ["1234,567", "1,00", "1,0000"])
def test_a_comma_not_between_groups_of_three_is_not_a_thousands_separator(text: str) -> None:
    with pytest.raises(NumberError, match="could be"):
        read_localized(text, *EN)


@pytest.mark.parametrize("text", ["120k", "2m", "1K"])
def test_a_field_that_is_not_money_takes_no_suffix_unless_told(text: str) -> None:
    with pytest.raises(NumberError, match="is not a number"):
        read_localized(text, *EN)


@pytest.mark.parametrize("text", ["120X", "5x", "X5", "x5", "3 X"])
def test_only_k_and_m_are_suffixes_and_only_plus_and_minus_are_signs(text: str) -> None:
    with pytest.raises(NumberError, match="is not a number"):
        read_localized(text, *EN, money=True)
