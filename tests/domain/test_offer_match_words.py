"""What the Offers tab's match hint says for a typed employer name: "Compare it with the article's {name} ({kind})?
{why}." Each way a name is matched, word for word; and names a data pack's own employers and industries bring."""

from __future__ import annotations

import pytest

from planner.domain.dataset import Dataset
from planner.domain.offer_match import MatchSuggestion, suggest_match


def suggestion(dataset: Dataset, typed: str) -> tuple[str, str, str, str]:
    match = suggest_match(dataset, typed)
    assert match is not None, typed
    return match.kind, match.id, match.name, match.why


def test_the_articles_own_name_is_the_article_employer(dataset: Dataset) -> None:
    assert suggestion(dataset, "Google LLC") == ("employer", "google", "Google", "“Google LLC” is the article's Google")


def test_a_common_name_says_it_is_one(dataset: Dataset) -> None:
    assert suggestion(dataset, "AWS") == ("employer", "amazon", "Amazon", "“AWS” is a common name for Amazon")
    # A name starting with the employer's own (a division) is a common name too, not the article's own.
    assert suggestion(dataset, "Google Brain") == (
        "employer",
        "google",
        "Google",
        "“Google Brain” is a common name for Google",
    )


def test_an_industry_typed_by_its_name(dataset: Dataset) -> None:
    assert suggestion(dataset, "healthcare") == (
        "industry",
        "healthcare",
        "Healthcare",
        "“healthcare” names this industry",
    )
    match = suggest_match(dataset, "Consumer Goods")
    assert match == MatchSuggestion(
        "industry", "consumer-goods", "Consumer goods", "“Consumer Goods” names this industry"
    )
    assert match.value == "industry:consumer-goods"


def test_an_industry_suggested_by_a_word_names_the_word(dataset: Dataset) -> None:
    # "Capital" and "Bank" both point to finance: the hint names one of them, the first in alphabetical order.
    assert suggestion(dataset, "Capital One Bank") == (
        "industry",
        "finance",
        "Finance",
        "the word “bank” in “Capital One Bank” suggests Finance",
    )


def pack(dataset: Dataset, employers: dict[str, str], industries: dict[str, str] | None = None) -> Dataset:
    """A data pack with these employers (and industries), by id: name; the figures are the built-in first one's."""
    employer, industry = dataset.employers[0], dataset.industries[0]
    update: dict[str, object] = {
        "employers": [employer.model_copy(update={"id": i, "name": n}) for i, n in employers.items()]
    }
    if industries is not None:
        update["industries"] = [industry.model_copy(update={"id": i, "name": n}) for i, n in industries.items()]
    return dataset.model_copy(update=update)


def test_a_data_pack_employer_without_common_names_is_matched_by_its_own(dataset: Dataset) -> None:
    data = pack(dataset, {"microsoft": "Microsoft", "google": "Google"})
    assert suggestion(data, "Microsoft Corporation") == (
        "employer",
        "microsoft",
        "Microsoft",
        "“Microsoft Corporation” is the article's Microsoft",
    )
    assert suggestion(data, "Alphabet") == ("employer", "google", "Google", "“Alphabet” is a common name for Google")


def test_an_employer_named_only_with_company_words_is_still_matched(dataset: Dataset) -> None:
    """ "The Limited" (a real retailer) is made of words dropped elsewhere ("The Home Depot" is "home depot"):
    what is left ("the") is still its name, so typing it suggests it."""
    data = pack(dataset, {"limited": "The Limited", "depot": "The Home Depot, Inc."})
    assert suggestion(data, "The Limited") == (
        "employer",
        "limited",
        "The Limited",
        "“The Limited” is the article's The Limited",
    )
    assert suggestion(data, "the home depot")[1] == "depot"


def test_a_data_pack_industry_without_telling_words_is_matched_by_name_only(dataset: Dataset) -> None:
    data = pack(dataset, {"google": "Google"}, {"government": "Government", "finance": "Finance"})
    assert suggest_match(data, "Acme") is None
    assert suggestion(data, "Government") == (
        "industry",
        "government",
        "Government",
        "“Government” names this industry",
    )
    assert suggestion(data, "Acme Bank")[:2] == ("industry", "finance")


@pytest.mark.parametrize("typed", ["Inc.", "The", "The Co."])
def test_company_words_alone_suggest_nothing(dataset: Dataset, typed: str) -> None:
    assert suggest_match(dataset, typed) is None
