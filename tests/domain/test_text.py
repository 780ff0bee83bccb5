"""Text from files shown as text (never markup), and the search key a filter compares: planner.domain.text."""

from __future__ import annotations

import pytest

from planner.domain.text import escape, format_safe, plain_tooltip, search_key


def test_markup_in_a_name_is_shown_as_its_characters() -> None:
    assert escape("<script>") == "&lt;script&gt;"
    assert escape("R&D") == "R&amp;D"
    assert escape("plain name") == "plain name"


def test_quotes_stay_quotes_in_element_text() -> None:
    assert escape('O\'Brien "Lead"') == 'O\'Brien "Lead"'


def test_a_number_or_other_value_is_written_as_text() -> None:
    assert escape(12.5) == "12.5"
    assert escape(None) == "None"


def test_a_tooltip_keeps_every_line_in_order() -> None:
    tip = plain_tooltip("first\nsecond line\n<third>")
    body = tip.removeprefix("<qt style='white-space:pre-wrap'>").removesuffix("</qt>")
    assert tip.startswith("<qt style='white-space:pre-wrap'>")
    assert tip.endswith("</qt>")
    assert body.split("<br>") == ["first", "second line", "&lt;third&gt;"]


def test_a_one_line_tooltip_has_no_line_break_and_spaces_stay() -> None:
    assert plain_tooltip("a  b") == "<qt style='white-space:pre-wrap'>a  b</qt>"


def test_no_text_means_no_tooltip() -> None:
    assert plain_tooltip("") == ""


@pytest.mark.parametrize("label", ["{0}", "}", "{", "a {b} c", "{{x}}", "no braces"])
def test_a_label_with_braces_comes_back_unchanged_from_format(label: str) -> None:
    assert format_safe(label).format() == label


def test_braces_are_doubled_and_nothing_else_changes() -> None:
    assert format_safe("x{y}z") == "x{{y}}z"
    assert format_safe("plain") == "plain"


def test_search_ignores_case() -> None:
    assert search_key("PyTorch") == search_key("pytorch") == "pytorch"


def test_search_folds_german_sharp_s_and_ligatures() -> None:
    assert search_key("Straße") == search_key("STRASSE")
    assert search_key("ﬁne-tuning") == "fine-tuning"


def test_search_reads_full_width_letters_as_plain_ones() -> None:
    assert search_key("ＭＬ Ｏｐｓ") == "ml ops"


def test_turkish_dotted_and_dotless_i_find_plain_i() -> None:
    assert search_key("İMAGE") == "image"
    assert search_key("ımage") == "image"
    assert search_key("Vİsİon") == search_key("vision")


def test_search_key_keeps_other_text() -> None:
    assert search_key("data 2024") == "data 2024"


def test_direction_controls_are_dropped_and_other_text_kept() -> None:
    from planner.domain.text import without_bidi_controls

    assert without_bidi_controls("abc\u202edef\u2066 \u2069x") == "abcdef x"
    assert without_bidi_controls("שלום \u200f Zürich") == "שלום \u200f Zürich"  # letters and marks stay
