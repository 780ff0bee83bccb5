"""The Projection presenter with a fake view: what it tells the view, and how it keeps what the user typed."""

from __future__ import annotations

from typing import Any

import pytest

from planner.domain.dataset import Dataset
from planner.domain.money import usd
from planner.presenters.projection import Choice, ProjectionChart, ProjectionPresenter
from planner.presenters.session import ProfileSession


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

    def show_year(self, t: int, crosshair: str, breakdown_html: str) -> None:
        self.year = (t, crosshair, breakdown_html)

    def show_summary(self, html: str) -> None:
        self.summary = html


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


def test_a_refused_value_stays_on_screen_when_the_profile_changes_elsewhere(setup: Any) -> None:
    session, view, presenter = setup
    presenter.field_edited("years_of_experience", "-2")
    assert "negative" in view.errors["years_of_experience"]
    session.set_skill("mid.deep-learning", True)  # another tab ticks a skill
    assert "years_of_experience" not in view.texts or view.texts["years_of_experience"] == "0"
    assert view.errors["years_of_experience"]
    session.update(current_salary=90_000)  # another input: shown, the refused one still untouched
    assert view.texts["current_salary"] == "90,000"
    assert presenter.errors == {"years_of_experience": view.errors["years_of_experience"]}


def test_what_the_user_types_is_not_rewritten_while_typing(setup: Any) -> None:
    session, view, presenter = setup
    writes = view.text_writes
    presenter.field_edited("years_of_experience", "4.50")
    assert session.profile.years_of_experience == 4.5
    assert view.text_writes == writes  # "4.50" is not replaced by "4.5"
    session.update(years_of_experience=7)  # changed elsewhere: now the field follows
    assert view.texts["years_of_experience"] == "7"


def test_horizon_changes_the_years_drawn_and_keeps_the_selection_inside(setup: Any) -> None:
    _session, view, presenter = setup
    presenter.year_selected(25)
    presenter.field_edited("horizon_years", "10")
    assert len(view.chart.x) == 10
    assert view.year[0] == 9
    assert view.year[1].startswith("2035 ·")


def test_salary_outside_the_range_is_said(setup: Any) -> None:
    session, view, _presenter = setup
    session.update(current_salary=300_000)
    assert "lies above the Entry level range" in view.summary
    assert usd(132_000) in view.summary


def test_next_level_option_is_off_at_the_top_level(setup: Any) -> None:
    session, view, presenter = setup
    assert view.next_option == ("With all Mid level skills", True)
    session.update(years_of_experience=20)
    assert view.next_option[1] is False
    assert "top level the article describes" in view.summary
    presenter.compare_next_skills_toggled(True)
    assert view.chart.comparisons == ()
