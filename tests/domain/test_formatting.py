"""How amounts and file text are written on screen: dollar figures, axis ticks, percentages, and text from files
that must show as typed, never as markup."""

from __future__ import annotations

import math

import pytest

from planner.domain.money import percent, usd, usd_short
from planner.domain.text import escape, format_safe, plain_tooltip


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (144_000, "$144,000"),
        (1_234_567.6, "$1,234,568"),
        (999.4, "$999"),
        (0, "$0"),
        (-17_000, "-$17,000"),
        (-0.4, "$0"),  # rounds to nothing: no sign
        (math.inf, "—"),
        (-math.inf, "—"),
        (math.nan, "—"),
    ],
)
def test_dollar_amounts_are_whole_dollars_with_separators(amount: float, shown: str) -> None:
    assert usd(amount) == shown


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (70_000, "$70k"),
        (132_500, "$132.5k"),
        (999, "$999"),
        (1_000, "$1k"),
        (999_999, "$1000k"),
        (1_000_000, "$1M"),
        (1_250_000, "$1.25M"),
        (36_000_000_000, "$36000M"),
        (-70_000, "-$70k"),
        (-1_500_000, "-$1.5M"),
        (0, "$0"),
        (-12, "-$12"),
        (math.nan, "—"),
        (math.inf, "—"),
    ],
)
def test_axis_ticks_are_short_without_si_prefixes(amount: float, shown: str) -> None:
    assert usd_short(amount) == shown


def test_percentages_have_one_decimal_unless_asked() -> None:
    assert percent(0.165) == "16.5%"
    assert percent(0.4) == "40.0%"
    assert percent(-0.0312, digits=2) == "-3.12%"
    assert percent(1.5, digits=0) == "150%"


def test_text_from_a_file_is_escaped_once_and_quotes_are_left() -> None:
    assert escape("<b>Glassdoor</b> & \"PayScale\" 'x'") == "&lt;b&gt;Glassdoor&lt;/b&gt; &amp; \"PayScale\" 'x'"
    assert escape(144000) == "144000"


def test_a_tooltip_shows_markup_as_text_and_keeps_line_breaks() -> None:
    tip = plain_tooltip("<i>Finance</i>\nline & two")
    assert tip == "<qt style='white-space:pre-wrap'>&lt;i&gt;Finance&lt;/i&gt;<br>line &amp; two</qt>"
    assert plain_tooltip("") == ""


def test_braces_in_a_label_survive_str_format() -> None:
    label = "Company {A} } {"
    assert format_safe(label).format() == label
