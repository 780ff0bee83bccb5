"""Pure comparisons behind the "Industries" tab: no Qt needed."""

from __future__ import annotations

import pytest

from planner.domain.dataset import Dataset, SalaryRange
from planner.domain.pay_compare import (
    difference,
    employer_entries,
    industry_entries,
    midpoint,
    position_in_range,
)

RANGE = SalaryRange(min=78_000, max=154_000, unit="u", sources=["s"], quote="q")


def test_entries_come_from_the_data_best_paid_first(dataset: Dataset) -> None:
    industries = industry_entries(dataset)
    assert sorted(e.entry_id for e in industries) == sorted(i.id for i in dataset.industries)
    assert [e.amount for e in industries] == sorted((i.average.amount for i in dataset.industries), reverse=True)
    employers = employer_entries(dataset)
    assert [e.amount for e in employers] == sorted((e.pay.amount for e in dataset.employers), reverse=True)
    assert len({e.key for e in (*industries, *employers)}) == len(industries) + len(employers)


def test_each_bar_is_named_and_grouped_as_in_the_article_ties_by_name(dataset: Dataset) -> None:
    """The industries chart from the top: the article's names and figures, and which list each bar is from (its
    label says "industry" or "employer"). Finance and Healthcare both average $120,000: by name, as in the table."""
    assert [(e.group, e.name, e.amount) for e in industry_entries(dataset)] == [
        ("industry", "Consumer goods", 150_000),
        ("industry", "Software and IT services", 135_000),
        ("industry", "Hardware and networking", 133_000),
        ("industry", "Finance", 120_000),
        ("industry", "Healthcare", 120_000),
        ("industry", "Education", 103_000),
        ("industry", "Manufacturing", 103_000),
    ]
    assert [(e.group, e.name, e.amount) for e in employer_entries(dataset)] == [
        ("employer", "Amazon", 254_000),
        ("employer", "Facebook", 192_000),
        ("employer", "Google", 148_000),
    ]


def test_difference_is_relative_to_the_second_figure() -> None:
    d = difference(120_000, 103_000)
    assert d.amount == 17_000
    assert d.fraction == pytest.approx(17_000 / 103_000)
    back = difference(103_000, 120_000)
    assert back.amount == -17_000
    assert back.fraction == pytest.approx(-17_000 / 120_000)
    assert difference(103_000, 103_000).same


@pytest.mark.parametrize(
    ("amount", "where", "outside_by"),
    [
        (77_999, "below", 1),
        (78_000, "within", 0),
        (116_000, "within", 0),
        (154_000, "within", 0),
        (254_000, "above", 100_000),
    ],
)
def test_position_in_range_includes_both_ends(amount: int, where: str, outside_by: int) -> None:
    pos = position_in_range(amount, RANGE)
    assert pos.where == where
    assert pos.outside_by == outside_by
    assert pos.from_midpoint == amount - (78_000 + 154_000) / 2
    assert midpoint(RANGE) == 116_000


def test_compared_figures_keep_the_articles_words(dataset: Dataset) -> None:
    # Issue 24 item 8: "highest", "almost" and "around" are said with the figures they qualify.
    from planner.domain.pay_compare import qualifier_caveat, worded

    entries = {e.entry_id: e for e in industry_entries(dataset) + employer_entries(dataset)}
    assert worded(entries["google"]) == "Google (almost $148,000)"
    assert worded(entries["finance"]) == "Finance"
    assert qualifier_caveat(entries["finance"], entries["education"]) == ""
    assert qualifier_caveat(entries["google"]) == " (“almost” makes the difference approximate)"
    assert qualifier_caveat(entries["consumer-goods"], entries["software-it"]) == (
        " (“almost” and “around” make the difference approximate)"
    )
    assert qualifier_caveat(entries["amazon"]).startswith(
        " (the article says Amazon “leads the pack with highest salary”: $254,000 may be its highest salary or"
    )
