"""The learning plan on the Skills tab's presenter, with a fake view: plan, move, remove, refuse a past month,
tick from the plan, undo and redo of each, the Plan column and the plan list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtCore import Qt

from planner.domain.dataset import Dataset
from planner.domain.plans import PlannedSkill
from planner.domain.profile import Profile, TickedSkill
from planner.domain.projection import project
from planner.presenters.session import ProfileSession
from planner.tabs.skills.presenter import Progress, SkillsPresenter
from planner.tabs.skills.tree_model import COL_DATE, COL_PLAN, PLAN_ROLE

TODAY = dt.date(2026, 3, 14)
SKILL = "mid.deep-learning"


class FakeView:
    def __init__(self) -> None:
        self.plan_error = ""
        self.plan_plain = ""
        self.plan_html = ""
        self.errors: list[str] = []

    def show_progress(self, levels: Sequence[Progress], overall: Progress) -> None:
        pass

    def show_filter_status(self, text: str) -> None:
        pass

    def confirm(self, question: str) -> bool:
        return True

    def show_next_skills(self, html: str, plain: str) -> None:
        pass

    def show_plan(self, html: str, plain: str) -> None:
        self.plan_html, self.plan_plain = html, plain

    def show_plan_error(self, text: str) -> None:
        self.plan_error = text
        self.errors.append(text)


@pytest.fixture
def session(qapp: Any) -> ProfileSession:
    return ProfileSession(Profile(years_of_experience=3))


@pytest.fixture
def view() -> FakeView:
    return FakeView()


@pytest.fixture
def presenter(dataset: Dataset, session: ProfileSession, view: FakeView) -> SkillsPresenter:
    p = SkillsPresenter(dataset, session, today=lambda: TODAY)
    p.attach_view(view)
    return p


def cell(presenter: SkillsPresenter, skill_id: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return presenter.skill_index(skill_id, column).data(role)


def test_planning_a_skill_for_a_month_shows_it_in_the_plan_column(
    presenter: SkillsPresenter, session: ProfileSession, view: FakeView
) -> None:
    assert presenter.plan_skill(SKILL, 2027, 6)
    assert session.profile.plan == {SKILL: PlannedSkill(by=dt.date(2027, 6, 1), planned_on=TODAY)}
    assert cell(presenter, SKILL, COL_PLAN) == "Jun 2027"
    assert "learn by June 2027" in cell(presenter, SKILL, COL_PLAN, Qt.ItemDataRole.ToolTipRole)
    assert "counts it from 2027" in cell(presenter, SKILL, COL_PLAN, Qt.ItemDataRole.ToolTipRole)
    assert cell(presenter, SKILL, 0, PLAN_ROLE) == "2027-06-01"
    assert view.plan_error == ""
    assert session.undo_stack.undoText() == "plan “Deep learning” for June 2027"


def test_this_month_is_fine_a_past_month_is_refused_and_nothing_changes(
    presenter: SkillsPresenter, session: ProfileSession, view: FakeView
) -> None:
    assert presenter.plan_skill(SKILL, 2027, 6)
    before = session.profile
    steps = session.undo_stack.count()

    assert not presenter.plan_skill(SKILL, 2026, 2)
    assert view.plan_error == "February 2026 has passed: plan “Deep learning” for March 2026 or a later month."
    assert session.profile == before  # the plan for June 2027 is still there
    assert session.undo_stack.count() == steps
    assert not presenter.plan_skill("mid.neural-networks", 2019, 12)
    assert "December 2019 has passed" in view.plan_error
    assert "mid.neural-networks" not in session.profile.plan

    assert presenter.plan_skill("mid.neural-networks", 2026, 3)  # this month: not in the past
    assert view.plan_error == ""
    assert session.profile.plan["mid.neural-networks"].by == dt.date(2026, 3, 1)


def test_a_ticked_skill_cannot_be_planned(presenter: SkillsPresenter, session: ProfileSession, view: FakeView) -> None:
    presenter.set_checked(SKILL, True)
    assert not presenter.plan_skill(SKILL, 2027, 6)
    assert "ticked already" in view.plan_error
    assert session.profile.plan == {}


def test_plan_move_and_remove_are_undone_and_redone_one_step_at_a_time(
    presenter: SkillsPresenter, session: ProfileSession
) -> None:
    stack = session.undo_stack
    presenter.plan_skill(SKILL, 2027, 6)
    presenter.plan_skill(SKILL, 2028, 1)  # moved: planned_on stays the day it was first planned
    assert session.profile.plan[SKILL] == PlannedSkill(by=dt.date(2028, 1, 1), planned_on=TODAY)
    assert stack.undoText() == "move “Deep learning” to January 2028"
    presenter.unplan(SKILL)
    assert session.profile.plan == {}
    assert cell(presenter, SKILL, COL_PLAN) == ""
    assert stack.undoText() == "remove “Deep learning” from the plan"

    stack.undo()
    assert session.profile.plan[SKILL].by == dt.date(2028, 1, 1)
    assert cell(presenter, SKILL, COL_PLAN) == "Jan 2028"
    stack.undo()
    assert session.profile.plan[SKILL].by == dt.date(2027, 6, 1)
    stack.undo()
    assert session.profile.plan == {}
    assert cell(presenter, SKILL, COL_PLAN) == ""
    stack.redo()
    stack.redo()
    stack.redo()
    assert session.profile.plan == {}
    stack.undo()
    assert session.profile.plan[SKILL].by == dt.date(2028, 1, 1)


def test_ticking_a_planned_skill_keeps_its_month_and_undo_puts_the_plan_back(
    presenter: SkillsPresenter, session: ProfileSession
) -> None:
    entry = PlannedSkill(by=dt.date(2027, 6, 1), planned_on=dt.date(2025, 12, 3))
    session.edit(plan={SKILL: entry, "mid.neural-networks": PlannedSkill(by=dt.date(2028, 1, 1), planned_on=TODAY)})
    stack = session.undo_stack
    steps = stack.count()

    presenter.set_checked(SKILL, True)
    assert stack.count() == steps + 1  # one step
    assert session.profile.skills[SKILL] == TickedSkill(ticked_on=TODAY, planned_by=dt.date(2027, 6, 1))
    assert SKILL not in session.profile.plan
    assert "mid.neural-networks" in session.profile.plan  # the rest of the plan is left alone
    tip = cell(presenter, SKILL, COL_DATE, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Planned for June 2027, ticked 14 March 2026"
    assert cell(presenter, SKILL, COL_PLAN) == "Jun 2027"  # the month it was planned for, kept
    assert cell(presenter, SKILL, 0, PLAN_ROLE) == ""  # no longer planned

    stack.undo()
    assert SKILL not in session.profile.skills
    assert session.profile.plan[SKILL] == entry  # exactly, the day it was planned included
    assert cell(presenter, SKILL, 0, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked.value
    stack.redo()
    assert session.profile.skills[SKILL].planned_by == dt.date(2027, 6, 1)
    assert SKILL not in session.profile.plan


def test_unticking_and_undoing_keeps_the_planned_month_of_a_tick(
    presenter: SkillsPresenter, session: ProfileSession
) -> None:
    tick = TickedSkill(ticked_on=dt.date(2026, 1, 5), planned_by=dt.date(2026, 2, 1))
    session.edit(skills={SKILL: tick})
    presenter.set_checked(SKILL, False)
    assert SKILL not in session.profile.skills
    session.undo_stack.undo()
    assert session.profile.skills[SKILL] == tick


def test_the_plan_list_is_in_date_order_with_what_each_step_adds(
    dataset: Dataset, presenter: SkillsPresenter, session: ProfileSession, view: FakeView
) -> None:
    presenter.plan_skill("mid.neural-networks", 2029, 3)
    presenter.plan_skill(SKILL, 2027, 6)
    presenter.refresh_effects()  # the app runs it just after the frame (EFFECTS_DELAY_MS)
    plan = session.profile.plan
    profile = session.profile
    horizon = profile.assumptions.horizon_years

    def base(entries: dict[str, PlannedSkill]) -> Any:
        # In the dollars and pay the Projection tab shows (nominal dollars, base salary, until the user chooses).
        return project(dataset, profile.model_copy(update={"plan": entries}), TODAY.year).projected("nominal", "base")

    none, first, both = base({}), base({SKILL: plan[SKILL]}), base(dict(plan))
    ahead1, total1 = round(first[5] - none[5]), round(float((first - none).sum()))
    ahead2, total2 = round(both[5] - first[5]), round(float((both - first).sum()))
    assert total1 > 0
    assert total2 > 0
    lines = view.plan_plain.split("; ")
    assert lines[0] == f"June 2027 · Deep learning: +${ahead1:,} a year by 2031, +${total1:,} over {horizon} years"
    assert lines[1].startswith(f"March 2029 · Neural networks: +${ahead2:,} a year by 2031, +${total2:,} over")


def test_an_overdue_step_says_so(presenter: SkillsPresenter, session: ProfileSession, view: FakeView) -> None:
    session.edit(plan={SKILL: PlannedSkill(by=dt.date(2026, 1, 1), planned_on=dt.date(2025, 6, 1))})
    presenter.refresh_effects()
    assert view.plan_plain.startswith(
        "January 2026 · Deep learning (overdue: its month has passed and it is not ticked)"
    )
    assert cell(presenter, SKILL, COL_PLAN) == "Jan 2026 (overdue)"
    assert cell(presenter, SKILL, COL_PLAN, Qt.ItemDataRole.ToolTipRole).startswith("Overdue")


def test_an_empty_plan_says_how_to_plan(presenter: SkillsPresenter, view: FakeView) -> None:
    presenter.refresh_effects()
    assert view.plan_plain.startswith("Nothing planned yet.")


def test_names_from_the_data_are_escaped_in_the_plan_list(
    dataset: Dataset, session: ProfileSession, view: FakeView, qapp: Any
) -> None:
    sk = dataset.skill_groups()[1].skills[0]
    hostile = dataset.model_copy(deep=True)
    # the same dataset, one skill renamed to markup
    for group in hostile.skill_groups():
        for s in group.skills:
            if s.id == sk.id:
                object.__setattr__(s, "name", "<b>bold</b> & co")
    p = SkillsPresenter(hostile, session, today=lambda: TODAY)
    p.attach_view(view)
    session.edit(plan={sk.id: PlannedSkill(by=dt.date(2027, 1, 1), planned_on=TODAY)})
    p.refresh_effects()
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in view.plan_html
    assert "<b>bold</b> & co" in view.plan_plain
