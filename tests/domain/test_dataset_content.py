"""Every figure of the article is in the bundled data, with its source; contradictions are kept and marked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.domain.dataset import Dataset
from planner.domain.money import percent, usd, usd_short

# A copy of the team's article (shared/seed/ml-engineer-salaries-us.txt), so these checks run on any clone.
ARTICLE = Path(__file__).resolve().parents[1] / "data" / "ml-engineer-salaries-us.txt"


def all_amounts(ds: Dataset) -> set[int]:
    amounts: set[int] = {ds.overall.base_range.min, ds.overall.base_range.max, ds.overall.experienced_ceiling.amount}
    for lv in ds.levels:
        amounts |= {lv.range.min, lv.range.max}
        if lv.average:
            amounts.add(lv.average.amount)
    amounts |= {i.average.amount for i in ds.industries}
    amounts |= {e.pay.amount for e in ds.employers}
    for c in ds.conflicts:
        amounts |= {f.amount for f in c.figures}
    return amounts


def test_every_dollar_figure_of_the_article_is_in_the_data(dataset: Dataset) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    salaries = {int(m.replace(",", "")) for m in re.findall(r"\$(\d{1,3}(?:,\d{3})+)", text)}
    assert salaries, "the article's figures were found"
    assert salaries <= all_amounts(dataset)
    assert "$36 billion" in text
    assert dataset.outlook.market_size.amount == 36_000_000_000
    assert "40%" in text
    assert dataset.outlook.job_growth.percent == 40


def test_every_quote_is_from_the_article(dataset: Dataset) -> None:
    text = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    for path, item in dataset.sourced_items():
        assert " ".join(item.quote.split()) in text, path


def test_the_article_figures(dataset: Dataset) -> None:
    assert (dataset.overall.base_range.min, dataset.overall.base_range.max) == (78_000, 154_000)
    assert dataset.overall.experienced_ceiling.amount == 280_000
    ranges = {lv.id: (lv.range.min, lv.range.max, lv.average.amount if lv.average else None) for lv in dataset.levels}
    assert ranges == {
        "entry": (70_000, 132_000, None),
        "mid": (99_000, 180_000, 144_000),
        "senior": (115_000, 204_000, 150_000),
    }
    assert {i.name: i.average.amount for i in dataset.industries} == {
        "Software and IT services": 135_000,
        "Consumer goods": 150_000,
        "Education": 103_000,
        "Healthcare": 120_000,
        "Hardware and networking": 133_000,
        "Manufacturing": 103_000,
        "Finance": 120_000,
    }
    assert {e.name: e.pay.amount for e in dataset.employers} == {
        "Google": 148_000,
        "Facebook": 192_000,
        "Amazon": 254_000,
    }
    assert dataset.level("mid").average is not None
    assert dataset.source_names(dataset.level("mid").average.sources) == "PayScale"
    assert dataset.source_names(dataset.overall.base_range.sources) == "Glassdoor and PayScale"
    assert dataset.source_names(dataset.outlook.job_growth.sources) == "Forbes"


def test_contradictions_are_kept_and_marked(dataset: Dataset) -> None:
    entry = {f.amount for c in dataset.conflicts_for_level("entry") for f in c.figures}
    assert entry == {132_000, 150_000}
    senior = {f.amount for c in dataset.conflicts_for_level("senior") for f in c.figures}
    assert senior == {144_000, 150_000, 204_000, 254_000, 280_000}
    above = next(c for c in dataset.conflicts if c.id == "above-every-range")
    assert {f.amount for f in above.figures} >= {280_000, 254_000}
    assert all(
        f.amount > max(lv.range.max for lv in dataset.levels)
        for f in above.figures
        if f.label != "Top of the senior range"
    )
    per_month = next(c for c in dataset.conflicts if c.id == "per-month-wording")
    text = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    assert len(per_month.quotes) == text.count("salary per month") == 2
    assert all(" ".join(q.split()) in text for q in per_month.quotes)


def test_experience_bands_and_basis(dataset: Dataset) -> None:
    assert [lv.id for lv in dataset.levels] == ["entry", "mid", "senior"]
    assert dataset.level("entry").experience.basis == "inferred", "the article gives no entry-level years"
    assert dataset.level_for_years(0).id == "entry"
    assert dataset.level_for_years(4.9).id == "entry"
    assert dataset.level_for_years(5).id == "mid"
    assert dataset.level_for_years(10).id == "senior"
    assert dataset.level_for_years(45).id == "senior"
    assert dataset.level_for_years(-1).id == "entry"


def test_skills_grouped_by_level(dataset: Dataset) -> None:
    counts = {lv.id: len(lv.skills) for lv in dataset.levels}
    assert counts == {"entry": 9, "mid": 6, "senior": 4}
    assert all(sk.id.startswith(lv.id + ".") for lv in dataset.levels for sk in lv.skills)


def test_general_skills_belong_to_no_level(dataset: Dataset) -> None:
    # The article's "what ML engineers do" section: pre-processing, feature engineering, model selection and
    # evaluation, deployment and maintenance, the Python/TensorFlow example, collaboration.
    general = {sk.id for sk in dataset.general_skills}
    assert general == {
        "general.data-preprocessing",
        "general.feature-engineering",
        "general.model-selection",
        "general.deployment",
        "general.python-ml-libraries",
        "general.collaboration",
    }
    assert dataset.level_index_of_skill("general.collaboration") is None
    assert [g.id for g in dataset.skill_groups()] == ["general", "entry", "mid", "senior"]


def test_leadership_is_an_outcome_and_professional_training_a_skill(dataset: Dataset) -> None:
    assert "senior.leadership" not in dataset.skill_ids()
    senior = dataset.level("senior")
    assert [o.id for o in senior.outcomes] == ["senior.leadership"]
    assert "leadership roles" in senior.outcomes[0].quote
    assert "entry.professional-training" in dataset.skill_ids()


def test_the_articles_qualifiers_are_kept(dataset: Dataset) -> None:
    text = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    assert "might cross $36 billion" in text
    assert dataset.outlook.market_size.qualifier == "might cross"
    assert dataset.outlook.job_growth.qualifier == "almost"
    assert dataset.level("mid").experience.qualifier == "around"
    assert dataset.level("mid").experience.label == "around 5–10 years"
    for path, item in dataset.sourced_items():
        qualifier = getattr(item, "qualifier", None)
        quote = " ".join(item.quote.split())
        for word in ("around", "almost"):
            amount = getattr(item, "amount", None)
            if amount is not None and f"{word} ${amount:,}" in quote:
                assert qualifier == word, path


def test_the_article_is_undated_and_as_of_says_when_it_was_read(dataset: Dataset) -> None:
    from planner.domain.provenance import as_of

    assert dataset.document.published is None
    assert as_of(dataset) == "read on 28 November 2026 (the article is undated)"


@pytest.mark.parametrize(
    ("amount", "full", "short"),
    [
        (70_000, "$70,000", "$70k"),
        (144_000, "$144,000", "$144k"),
        (1_250_000, "$1,250,000", "$1.25M"),
        (500, "$500", "$500"),
        (-17_000, "-$17,000", "-$17k"),
        (92_500, "$92,500", "$92.5k"),
    ],
)
def test_money_formatting(amount: int, full: str, short: str) -> None:
    assert usd(amount) == full
    assert usd_short(amount) == short


def test_percent() -> None:
    assert percent(17_000 / 103_000) == "16.5%"


def test_the_copy_of_the_article_is_the_teams() -> None:
    shared = Path(__file__).resolve().parents[3] / "shared" / "seed" / "ml-engineer-salaries-us.txt"
    if not shared.exists():
        pytest.skip("the team's shared folder is not beside this checkout")
    assert ARTICLE.read_bytes() == shared.read_bytes()
