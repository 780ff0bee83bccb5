"""Typed employer names matched to the article's employers and industries, as suggestions."""

from __future__ import annotations

import pytest

from planner.domain.dataset import Dataset
from planner.domain.offer_match import normalise, suggest_match


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("Amazon", "employer:amazon"),
        ("amazon", "employer:amazon"),
        ("AMAZON.COM, Inc.", "employer:amazon"),
        ("AWS", "employer:amazon"),
        ("Amazon Web Services", "employer:amazon"),
        ("Meta", "employer:facebook"),
        ("Meta Platforms, Inc.", "employer:facebook"),
        ("Google LLC", "employer:google"),
        ("Alphabet", "employer:google"),
        ("Goldman Sachs Bank", "industry:finance"),
        ("Stanford University", "industry:education"),
        ("Acme Health", "industry:healthcare"),
    ],
)
def test_names_people_type_are_matched(dataset: Dataset, typed: str, value: str) -> None:
    match = suggest_match(dataset, typed)
    assert match is not None
    assert match.value == value
    assert typed in match.why


@pytest.mark.parametrize("typed", ["Acme", "Amazonia Bakeries", "Metalworks", "", "   "])
def test_no_match_is_made_up(dataset: Dataset, typed: str) -> None:
    match = suggest_match(dataset, typed)
    assert match is None or match.kind == "industry"  # "Bakeries" is not an employer of the article
    if typed in ("Acme", "", "   ", "Metalworks"):
        assert match is None


def test_normalise_drops_case_punctuation_and_suffixes() -> None:
    assert normalise("The Amazon.com, Inc.") == "amazon"
    assert normalise("Procter & Gamble Co.") == "procter and gamble"
