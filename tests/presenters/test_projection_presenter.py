"""The Projection presenter with a fake view: what it tells the view, and how it keeps what the user typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from planner.domain.dataset import Dataset
from planner.domain.money import usd
from planner.presenters.choices import Choice
from planner.presenters.session import ProfileSession
from planner.tabs.projection.chart_data import ProjectionChart
from planner.tabs.projection.presenter import ProjectionPresenter
from profile_edits import tick


class FakeView:
    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.errors: dict[str, str] = {}
        self.chart: ProjectionChart | None = None
        self.year: tuple[int, str, str] | None = None
        self.summary = ""
        self.next_option: tuple[str, bool] = ("", False)
        self.choice: tuple[str | None, str | None] = (None, None)
        self.text_writes = 0
        self.notes = ""
        self.levels: list[Choice] = []
        self.level: str | None = "unset"
        self.change = ""

    def show_change(self, text: str) -> None:
        self.change = text

    def show_field_text(self, key: str, text: str) -> None:
        self.texts[key] = text
        self.text_writes += 1

    def show_field_error(self, key: str, message: str) -> None:
        self.errors[key] = message

    def show_choices(self, industries: list[Choice], employers: list[Choice]) -> None:
        self.industries, self.employers = industries, employers

    def show_profile_choice(self, industry: str | None, employer: str | None) -> None:
        self.choice = (industry, employer)

    def show_next_skills_option(self, label: str, available: bool) -> None:
        self.next_option = (label, available)

    def show_chart(self, chart: ProjectionChart) -> None:
        self.chart = chart

    def show_year(self, t: int, crosshair: str, breakdown: Callable[[], str]) -> None:
        self.year = (t, crosshair, breakdown())

    def show_summary(self, html: str) -> None:
        self.summary = html

    def show_notes(self, notes: Callable[[], str]) -> None:
        self.notes = notes()

    def show_levels(self, levels: list[Choice]) -> None:
        self.levels = levels

    def show_level_choice(self, level: str | None) -> None:
        self.level = level


@pytest.fixture
def setup(qapp: Any, dataset: Dataset) -> tuple[ProfileSession, FakeView, ProjectionPresenter]:
    session = ProfileSession()
    view = FakeView()
    presenter = ProjectionPresenter(dataset, session, view, current_year=2026)
    presenter.start()
    return session, view, presenter


def test_start_shows_the_inputs_with_their_values(setup: Any) -> None:
    _session, view, _presenter = setup
    assert view.texts["years_of_experience"] == "0"
    assert view.texts["current_salary"] == ""
    assert view.texts["inflation"] == "2.5"
    assert view.texts["horizon_years"] == "30"
    assert view.industries[0] == Choice(None, "All industries")
    assert view.chart is not None
    assert len(view.chart.x) == 30
    assert view.chart.main.label == "Your projection (All industries)"  # the legend names whose pay it follows


def test_a_refused_value_stays_on_screen_when_the_profile_changes_elsewhere(setup: Any) -> None:
    session, view, presenter = setup
    presenter.field_edited("years_of_experience", "-2")
    presenter.field_committed("years_of_experience", "-2")
    assert "negative" in view.errors["years_of_experience"]
    tick(session, "mid.deep-learning", True)  # another tab ticks a skill
    assert "years_of_experience" not in view.texts or view.texts["years_of_experience"] == "0"
    assert view.errors["years_of_experience"]
    session.edit(current_salary=90_000)  # another input: shown, the refused one still untouched
    assert view.texts["current_salary"] == "90,000"
    assert presenter.errors == {"years_of_experience": view.errors["years_of_experience"]}


def test_what_the_user_types_is_not_rewritten_while_typing(setup: Any) -> None:
    session, view, presenter = setup
    writes = view.text_writes
    presenter.field_edited("years_of_experience", "4.50")
    assert session.profile.years_of_experience == 0  # checked, not stored while typing
    tick(session, "mid.deep-learning", True)  # meanwhile another tab changes the profile
    assert view.text_writes == writes  # what is being typed is left alone
    presenter.field_committed("years_of_experience", "4.50")
    assert session.profile.years_of_experience == 4.5
    assert view.text_writes == writes  # "4.50" is not replaced by "4.5"
    session.edit(years_of_experience=7)  # changed elsewhere: now the field follows
    assert view.texts["years_of_experience"] == "7"


def test_a_value_is_stored_only_when_editing_finishes_and_only_when_valid(setup: Any) -> None:
    session, view, presenter = setup
    stored: list[float] = []
    session.changed.connect(lambda _change: stored.append(session.profile.years_of_experience))
    for prefix in ("6", "61"):
        presenter.field_edited("years_of_experience", prefix)
    assert "between 0 and 60" in view.errors["years_of_experience"]
    presenter.field_committed("years_of_experience", "61")
    assert stored == []  # neither "6" on the way nor the refused "61"
    assert session.profile.years_of_experience == 0
    assert view.errors["years_of_experience"]
    presenter.field_edited("years_of_experience", "6")
    assert view.errors["years_of_experience"] == ""  # corrected: the message goes as soon as it is valid
    presenter.field_committed("years_of_experience", "6")
    assert stored == [6]


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("inflation", "21", "from 0 to 20"),
        ("yearly_raise", "20.5", "from 0 to 20"),
        ("bonus_percent", "201", "from 0 to 200"),
        ("current_salary", "10000001", "$10,000,000"),
        ("years_of_experience", "1" + "0" * 400, "finite"),
    ],
)
def test_values_beyond_the_limits_are_refused_while_typing(setup: Any, key: str, text: str, message: str) -> None:
    session, view, presenter = setup
    before = session.profile
    presenter.field_edited(key, text)
    assert message in view.errors[key]
    presenter.field_committed(key, text)
    assert session.profile == before


def test_twenty_percent_inflation_and_raise_are_accepted(setup: Any) -> None:
    session, _view, presenter = setup
    presenter.field_committed("inflation", "20")
    presenter.field_committed("yearly_raise", "20")
    assert session.profile.assumptions.inflation == pytest.approx(0.2)
    assert session.profile.assumptions.yearly_raise == pytest.approx(0.2)


@pytest.mark.parametrize("text", ["0", "-0", "-0.0"])
def test_no_promotion_shift_says_nothing_about_sooner(setup: Any, text: str) -> None:
    session, view, presenter = setup
    presenter.field_committed("promotion_shift_years", text)
    assert session.profile.assumptions.promotion_shift_years == 0
    assert str(session.profile.assumptions.promotion_shift_years) == "0.0"  # never -0.0
    assert "-0" not in view.summary
    assert "-0" not in view.notes
    assert "shift -0" not in view.year[2]


def test_horizon_changes_the_years_drawn_and_keeps_the_selection_inside(setup: Any) -> None:
    _session, view, presenter = setup
    presenter.year_selected(25)
    presenter.field_committed("horizon_years", "10")
    assert len(view.chart.x) == 10
    assert view.year[0] == 9
    assert view.year[1].startswith("2035 ·")


def test_salary_outside_the_range_is_said(setup: Any) -> None:
    session, view, _presenter = setup
    session.edit(current_salary=300_000)
    assert "Your $300,000 is above the Entry level range" in view.notes
    assert usd(132_000) in view.notes
    assert "starts from it as it is" in view.notes
    assert "⚠ 1 note" in view.summary or "notes in “Why this number?”" in view.summary
    assert view.chart.main.y[0] == pytest.approx(300_000)


def test_the_headline_is_short_and_the_method_is_one_click_away(setup: Any) -> None:
    session, view, _presenter = setup
    session.edit(years_of_experience=6, current_salary=145_000, industry="finance")
    first_line = "<b>$145,000 this year (Mid level)</b> · Next: Senior level in 2032<br>"
    assert view.summary.startswith(first_line + "$7,494,487 over 30")
    assert "over 30 years (2026–2055)" in view.summary
    assert view.summary.count("<br>") <= 1
    assert "Today's level: Mid level, from your 6 years of experience" in view.notes
    assert "Pay at Finance: Pay factor 1.0345 = Finance $120,000 ÷ $116,000" in view.notes


def test_the_pay_factor_and_extrapolations_are_in_the_notes(setup: Any) -> None:
    session, view, _presenter = setup
    assert "Pay factor" not in view.notes  # all industries: the article's ranges as they are
    session.edit(years_of_experience=3, current_salary=95_000, employer="amazon")
    assert "Pay factor 2.1897 = Amazon (“highest salary”) $254,000 ÷ $116,000" in view.notes
    assert "held at 1.3725 = $280,000 (the article's largest figure) ÷ $204,000" in view.notes
    # Issue 24 item 8: both readings of "leads the pack with highest salary", none stated as fact
    assert (
        "The article says Amazon “leads the pack with highest salary” of $254,000: that may be Amazon's highest "
        "salary or the pay of the employer that pays most; either way not an average like the other figures"
    ) in view.notes
    assert "above the article's largest figure, $280,000" in view.notes  # nominal dollars, decades out
    assert (view.chart.outside[-5:] == 1).all()
    assert "Amazon (highest salary $254,000)" in [c.label for c in view.employers]


def test_todays_level_is_offered_with_the_one_the_years_give(setup: Any) -> None:
    session, view, presenter = setup
    session.edit(years_of_experience=6)
    assert view.levels[0] == Choice(None, "From my experience (Mid level)")
    assert [c.value for c in view.levels[1:]] == ["entry", "mid", "senior"]
    assert view.level is None
    presenter.level_chosen("senior")
    assert session.profile.current_level == "senior"
    assert view.level == "senior"
    assert view.chart.today_label == "Today: Senior level"
    presenter.level_chosen(None)
    assert view.chart.today_label == "Today: Mid level"


def test_a_salaried_user_ticking_a_skill_moves_the_curve_the_table_and_the_earnings(setup: Any) -> None:
    session, view, presenter = setup
    session.edit(years_of_experience=6, current_salary=145_000, industry="finance")
    before_curve, before_summary = view.chart.main.y.copy(), view.summary
    before_cell = presenter.table.data(presenter.table.index(3, 4))
    tick(session, "mid.deep-learning", True)
    assert view.chart.main.y[0] == before_curve[0] == 145_000
    assert (view.chart.main.y[1:] > before_curve[1:]).all()
    assert view.summary != before_summary
    assert presenter.table.data(presenter.table.index(3, 4)) != before_cell


def test_why_this_number_shows_the_articles_contradiction(setup: Any) -> None:
    _session, view, presenter = setup
    presenter.year_selected(0)
    html = view.year[2]
    assert "The article disagrees: Entry-level ceiling: $132,000 or $150,000?" in html
    assert "The projection uses $132,000" in html


def test_next_level_option_is_off_at_the_top_level(setup: Any) -> None:
    session, view, presenter = setup
    assert view.next_option == ("With all Mid level skills", True)
    session.edit(years_of_experience=20)
    assert view.next_option[1] is False
    assert "Senior level is the top level the article describes" in view.summary
    assert "Next:" not in view.summary  # no next step to name
    presenter.compare_next_skills_toggled(True)
    assert view.chart.comparisons == ()


@pytest.fixture
def german_locale() -> Any:
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def test_numbers_are_read_in_the_system_locale_and_two_readings_are_refused(german_locale: Any) -> None:
    from planner.presenters import fields
    from planner.tabs.offers.form import parse_field as offer_field
    from planner.tabs.projection.pay_history import parse_salary

    salary = next(spec for spec in fields.FIELDS if spec.key == "current_salary")
    years = next(spec for spec in fields.FIELDS if spec.key == "years_of_experience")
    assert fields.parse_field(salary, "145.000,50") == 145000  # was read as $145
    assert fields.parse_field(years, "2,5") == 2.5  # was 25 years
    assert offer_field("base", "0,5m") == 500_000  # was $5,000,000
    with pytest.raises(fields.InputError, match="could be 145000 or 145"):
        fields.parse_field(salary, "145.000")
    with pytest.raises(ValueError, match="could be 2,5 or 25"):
        fields.parse_field(years, "2.5")
    assert parse_salary("98.500,00") == 98_500  # pay history: the same reader
    with pytest.raises(ValueError, match="could be"):
        parse_salary("98.500")
