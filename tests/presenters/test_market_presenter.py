"""The Market presenter with a fake view: what the user is told, and how a choice is kept in the profile."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtCore import Qt

from planner.domain.dataset import Dataset
from planner.domain.market import NATIONAL, MarketData
from planner.presenters.choices import Choice
from planner.presenters.session import ProfileSession
from planner.storage.market_file import load_market_data
from planner.tabs.market.presenter import IndustryPair, MarketPresenter, MetroRanking, PercentileChart

SEATTLE = "0042660"
WASHINGTON = "5300000"


class FakeView:
    def __init__(self) -> None:
        self.occupations: list[Choice] = []
        self.areas: list[Choice] = []
        self.current_area = ""
        self.chart: PercentileChart | None = None
        self.position = ""
        self.ranking: MetroRanking | None = None
        self.pairs: list[IndustryPair] = []
        self.source = ""
        self.problem = ""
        self.area_fills = 0

    def set_occupations(self, choices: Sequence[Choice], current: str) -> None:
        self.occupations = list(choices)

    def set_areas(self, choices: Sequence[Choice], current: str) -> None:
        self.areas, self.current_area = list(choices), current
        self.area_fills += 1

    def select_area(self, code: str) -> None:
        self.current_area = code

    def show_percentiles(self, chart: PercentileChart) -> None:
        self.chart = chart

    def show_position(self, text: str) -> None:
        self.position = text

    def show_metros(self, ranking: MetroRanking) -> None:
        self.ranking = ranking

    def show_industries(self, pairs: Sequence[IndustryPair], occupation: str) -> None:
        self.pairs = list(pairs)

    def show_source(self, text: str) -> None:
        self.source = text

    def show_problem(self, text: str) -> None:
        self.problem = text


@pytest.fixture
def market() -> MarketData:
    return load_market_data()


@pytest.fixture
def setup(qapp: Any, dataset: Dataset, market: MarketData) -> tuple[ProfileSession, FakeView, MarketPresenter]:
    session = ProfileSession()
    view = FakeView()
    presenter = MarketPresenter(market, dataset, session, view, parent=session)  # owned, as a tab owns it
    presenter.start()
    return session, view, presenter


def test_starts_on_software_developers_in_the_nation(setup: Any) -> None:
    _session, view, _presenter = setup
    assert next(c.label for c in view.occupations) == "Software Developers (15-1252)"
    assert view.current_area == NATIONAL
    assert view.chart.title.startswith("Software Developers in the United States")  # not BLS's "National"
    assert [f.label for f in view.chart.percentiles] == [
        "10th percentile", "25th percentile", "Median", "75th percentile", "90th percentile",
    ]  # fmt: skip
    assert "cannot vouch" in view.source
    assert "May 2025" in view.source
    assert "15 May 2026" in view.source


def test_every_state_and_metro_is_offered(setup: Any, market: MarketData) -> None:
    _session, view, _presenter = setup
    labels = [c.label for c in view.areas]
    assert "Washington (state)" in labels
    assert "Seattle-Tacoma-Bellevue, WA (metro area)" in labels
    assert len(labels) > 400


def test_choosing_an_area_is_saved_and_redraws(setup: Any, market: MarketData) -> None:
    session, view, _presenter = setup
    _session, _view, presenter = setup
    presenter.area_chosen(SEATTLE)
    assert session.profile.market_area == SEATTLE
    assert "Seattle-Tacoma-Bellevue" in view.chart.title
    median = market.cell(SEATTLE, "151252").get("p50")
    assert next(f for f in view.chart.percentiles if f.label == "Median").value == median
    assert view.ranking is not None
    assert view.ranking.bars[view.ranking.mine].name == "Seattle-Tacoma-Bellevue, WA"
    assert view.current_area == SEATTLE
    assert "of " in view.ranking.note
    assert "metro and nonmetropolitan areas by median" in view.ranking.note


def test_a_state_is_not_on_the_metro_chart_and_the_note_says_so(setup: Any) -> None:
    _session, view, presenter = setup
    presenter.area_chosen(WASHINGTON)
    assert view.ranking.mine is None
    assert "Choose a metro or nonmetropolitan area" in view.ranking.note


def test_a_nonmetropolitan_area_is_not_called_a_metro_area(setup: Any, market: MarketData) -> None:
    # Issue 24 item 2: BLS area type M holds the nonmetropolitan areas too.
    _session, view, presenter = setup
    labels = [c.label for c in view.areas]
    assert "Alaska nonmetropolitan area" in labels
    assert not [label for label in labels if "nonmetropolitan area (metro area)" in label]
    code = next(a.code for a in market.areas if a.name == "North Arkansas nonmetropolitan area")
    presenter.area_chosen(code)
    bars = view.ranking.bars
    assert view.ranking.note.endswith(f" of {len(bars)} metro and nonmetropolitan areas by median.")
    assert "by area (metro and nonmetropolitan areas)" in view.ranking.title
    assert sum("nonmetropolitan" in bar.name for bar in bars) == 123


def test_where_the_salary_sits_states_the_interpolation(setup: Any, market: MarketData) -> None:
    session, view, presenter = setup
    assert "Enter your current base salary" in view.position
    cell = market.cell(SEATTLE, "151252")
    p25, p50 = cell.get("p25"), cell.get("p50")
    session.edit(current_salary=round((p25 + p50) / 2))
    presenter.area_chosen(SEATTLE)
    assert "about the 38th percentile for software developers in Seattle-Tacoma-Bellevue, WA" in view.position
    assert "straight-line interpolation" in view.position
    session.edit(current_salary=9_000_000)
    assert "above the 90th percentile" in view.position


def test_the_pay_history_stands_in_for_an_empty_salary(setup: Any) -> None:
    session, view, _presenter = setup
    session.edit(pay_history={2024: 120_000})
    assert view.chart.salary == 120_000
    assert "Your 2024 salary, $120,000 (the latest of your pay history" in view.position


def test_missing_estimates_say_not_published_never_zero(setup: Any, market: MarketData) -> None:
    session, view, presenter = setup
    session.edit(current_salary=100_000)
    cell = next(c for c in market.cells if c.i == "000000" and c.get("p90") is None)
    presenter.occupation_chosen(cell.o)
    presenter.area_chosen(cell.a)
    p90 = next(f for f in view.chart.percentiles if f.label == "90th percentile")
    assert p90.value is None
    assert p90.text == "not published"
    assert p90.note == market.footnotes["8"]
    assert p90.series_id.endswith("15")
    assert "too few percentiles" in view.position


def test_changing_occupation_refills_the_areas_only_then(setup: Any) -> None:
    session, view, presenter = setup
    fills = view.area_fills
    session.edit(current_salary=100_000)
    assert view.area_fills == fills
    presenter.occupation_chosen("152051")
    assert view.area_fills == fills + 1
    assert view.chart.title.startswith("Data Scientists")
    assert session.profile.market_occupation == "152051"


def test_an_unknown_code_changes_nothing_and_says_so(setup: Any) -> None:
    session, view, presenter = setup
    presenter.area_chosen("Seattle")
    assert session.profile.market_area is None
    assert "nothing was changed" in view.problem


def test_industries_pair_the_article_with_bls_where_the_app_can(setup: Any, dataset: Dataset) -> None:
    _session, view, _presenter = setup
    assert [p.article_name for p in view.pairs] == [i.name for i in dataset.industries]
    consumer = next(p for p in view.pairs if p.article_name == "Consumer goods")
    assert consumer.bls_median is None
    finance = next(p for p in view.pairs if p.article_name == "Finance")
    assert finance.article_average == 120_000
    assert finance.bls_name.endswith("Finance and Insurance")
    assert finance.bls_median is not None
    assert finance.bls_median.series_id == "OEUN000000052--5315125213"


def test_the_table_lists_every_figure_with_its_series_id(setup: Any) -> None:
    _session, _view, presenter = setup
    model = presenter.table
    assert model.rowCount() == 9
    assert model.index(2, 0).data() == "Median"
    assert model.index(2, 2).data() == "OEUN000000000000015125213"


def test_the_metro_ranking_names_each_rank_in_english(setup: Any, market: MarketData) -> None:
    _session, view, presenter = setup
    presenter.area_chosen(SEATTLE)
    bars = view.ranking.bars
    assert len(bars) > 113
    metro = {a.name: a.code for a in market.areas if a.type == "M"}
    expected = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 10: "10th", 11: "11th", 12: "12th", 13: "13th", 21: "21st",
                22: "22nd", 23: "23rd", 101: "101st", 102: "102nd", 103: "103rd", 111: "111th", 112: "112th",
                113: "113th"}  # fmt: skip
    for rank, words in expected.items():
        presenter.area_chosen(metro[bars[rank - 1].name])
        assert view.ranking.mine == rank - 1
        assert f", {words} of {len(bars)} metro and nonmetropolitan areas by median." in view.ranking.note


def test_a_salary_at_a_wage_several_percentiles_share_reads_as_the_lowest(setup: Any) -> None:
    session, view, presenter = setup
    presenter.occupation_chosen("152051")
    presenter.area_chosen("0013740")  # Billings, MT: the 10th and 25th percentiles of data scientists are $70,990
    session.edit(current_salary=70_990)
    assert view.position.startswith("Your $70,990 is about the 10th percentile for data scientists in Billings, MT.")
    session.edit(current_salary=70_989)
    assert view.position.startswith("Your $70,989 is below the 10th percentile")


def test_a_top_coded_percentile_reads_at_least_and_bounds_the_placing(qapp: Any, dataset: Dataset) -> None:
    """BLS gives no figure for a wage at or above its ceiling ($239,200 a year): the table says "at least", and a
    salary above the highest published percentile is placed above that one, not above the 90th."""
    raw = load_market_data().model_dump(mode="json")
    cell = next(c for c in raw["cells"] if (c["a"], c["i"], c["o"]) == (SEATTLE, "000000", "151252"))
    cell["v"][8] = None  # the 90th, $257,960 in the release
    cell["f"]["15"] = "5"
    market = MarketData.model_validate(raw)
    session, view = ProfileSession(), FakeView()
    presenter = MarketPresenter(market, dataset, session, view, parent=session)  # owned, as a tab owns it
    presenter.start()
    session.edit(current_salary=240_000)
    presenter.area_chosen(SEATTLE)
    p90 = next(f for f in view.chart.percentiles if f.label == "90th percentile")
    assert (p90.value, p90.text) == (None, "at least $239,200")
    assert p90.note == "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
    assert view.position.startswith("Your $240,000 is above the 75th percentile for software developers in Seattle")


def test_a_figures_hover_text_gives_its_series_and_bls_reason_only_when_missing(setup: Any, market: MarketData) -> None:
    _session, _view, presenter = setup
    model = presenter.table
    median = model.index(2, 0)
    assert model.data(median, Qt.ItemDataRole.ToolTipRole) == "BLS series OEUN000000000000015125213"
    cell = next(c for c in market.cells if c.i == "000000" and c.get("p50") is None)
    presenter.occupation_chosen(cell.o)
    presenter.area_chosen(cell.a)
    assert model.data(median, Qt.ItemDataRole.ToolTipRole) == (
        f"BLS series {market.series_id(cell, 'p50')}\nEstimate not released."
    )


def test_the_area_list_starts_with_the_nation_then_states_then_metro_areas(setup: Any) -> None:
    _session, view, _presenter = setup
    labels = [c.label for c in view.areas]
    assert view.areas[0].value == "0000000"
    states = [i for i, label in enumerate(labels) if label.endswith("(state)")]
    metros = [i for i, label in enumerate(labels) if label.endswith("(metro area)") or "nonmetropolitan area" in label]
    assert states
    assert metros
    assert max(states) < min(metros)
    assert len(states) + len(metros) + 1 == len(labels)


def test_a_salary_from_the_pay_history_says_its_year_against_blss_later_wages(setup: Any) -> None:
    # Issue 24 item 10: pay_history={2012: 90000} and no current salary read as "Your $90,000 is …".
    session, view, _presenter = setup
    session.edit(pay_history={2012: 90_000})
    assert view.position.startswith(
        "Your 2012 salary, $90,000 (the latest of your pay history: the current salary is empty), is about the "
    )
    assert "BLS's wages are of May 2025: your 2012 pay is compared with them as it was" in view.position
    session.edit(current_salary=90_000)
    assert view.position.startswith("Your $90,000 is about the ")
    assert "2012" not in view.position


def test_below_the_lowest_published_percentile_names_that_one(qapp: Any, dataset: Dataset) -> None:
    # Issue 24 item 11: "below the 10th percentile" when BLS published only from the 25th.
    raw = load_market_data().model_dump(mode="json")
    cell = next(c for c in raw["cells"] if (c["a"], c["i"], c["o"]) == (SEATTLE, "000000", "151252"))
    cell["v"][4] = None  # the 10th percentile
    cell["f"]["11"] = "8"  # "Estimate not released."
    market = MarketData.model_validate(raw)
    session, view = ProfileSession(), FakeView()
    presenter = MarketPresenter(market, dataset, session, view, parent=session)  # owned, as a tab owns it
    presenter.start()
    session.edit(current_salary=50_000, market_area=SEATTLE)
    assert view.position.startswith("Your $50,000 is below the 25th percentile for software developers in Seattle")
    from planner.presenters.market_text import market_summary

    summary = market_summary(market, "151252", SEATTLE, (50_000, "current", None))
    assert "Your $50,000 is below the 25th percentile (interpolated between published percentiles)." in summary


def test_the_report_line_calls_the_nation_the_united_states(market: MarketData) -> None:
    # Issue 24 item 11: the PDF said "Software Developers in National" (BLS's name for the nation).
    from planner.presenters.market_text import market_summary

    text = market_summary(market, "151252", NATIONAL, (90_000, "history", 2012))
    assert text.startswith("Software Developers in the United States: median ")
    assert "Your 2012 salary, $90,000 (the latest of your pay history" in text
