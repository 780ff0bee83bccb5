"""The skills presenter with a fake view: ticks, dates, progress, undo, clearing a level, the filter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtCore import Qt

from planner.domain.dataset import Dataset
from planner.domain.profile import Profile, TickedSkill
from planner.presenters.session import ProfileSession
from planner.tabs.skills.presenter import Progress, SkillsPresenter
from planner.tabs.skills.tree_model import COL_DATE, COL_EXTRA
from profile_edits import tick

TODAY = dt.date(2025, 3, 14)


class FakeView:
    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.questions: list[str] = []
        self.levels: list[Progress] = []
        self.overall: Progress | None = None
        self.filter_status = ""
        self.plan_error = ""
        self.plan_plain = ""

    def show_progress(self, levels: Sequence[Progress], overall: Progress) -> None:
        self.levels, self.overall = list(levels), overall

    def show_filter_status(self, text: str) -> None:
        self.filter_status = text

    def confirm(self, question: str) -> bool:
        self.questions.append(question)
        return self.answer

    def show_next_skills(self, html: str, plain: str) -> None:
        self.next_html, self.next_plain = html, plain

    def show_plan(self, html: str, plain: str) -> None:
        self.plan_html, self.plan_plain = html, plain

    def show_plan_error(self, text: str) -> None:
        self.plan_error = text


@pytest.fixture
def session(qapp: Any) -> ProfileSession:
    return ProfileSession(Profile())


@pytest.fixture
def presenter(dataset: Dataset, session: ProfileSession) -> SkillsPresenter:
    p = SkillsPresenter(dataset, session, today=lambda: TODAY)
    p.attach_view(FakeView())
    return p


def level_named(dataset: Dataset, name: str) -> Any:
    return next(lv for lv in dataset.levels if lv.name == name)


def test_tree_has_every_skill_of_the_dataset_under_its_level(dataset: Dataset, presenter: SkillsPresenter) -> None:
    model = presenter.model
    groups = dataset.skill_groups()
    assert model.rowCount() == len(dataset.levels) + 1  # the general skills first, then one row a level
    assert model.index(0, 0).data().startswith("General skills (every level)")
    general = model.index(0, 0)
    assert [model.index(r, 0, general).data() for r in range(6)] == [sk.name for sk in dataset.general_skills]
    for row, lv in enumerate(groups):
        level_index = model.index(row, 0)
        assert model.rowCount(level_index) == len(lv.skills)
        names = [model.index(r, 0, level_index).data() for r in range(len(lv.skills))]
        assert names == [sk.name for sk in lv.skills]
        first = model.index(0, 0, level_index)
        assert first.flags() & Qt.ItemFlag.ItemIsUserCheckable
        tooltip = first.data(Qt.ItemDataRole.ToolTipRole)
        assert lv.skills[0].description in tooltip
        assert lv.skills[0].quote.replace("'", "&#x27;") in tooltip
        assert dataset.source_names(lv.skills[0].sources) in tooltip


def test_checking_a_box_ticks_the_skill_with_todays_date(
    dataset: Dataset, presenter: SkillsPresenter, session: ProfileSession
) -> None:
    index = presenter.skill_index("entry.python")
    assert presenter.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert session.profile.skills == {"entry.python": TickedSkill(ticked_on=TODAY)}
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value
    assert presenter.skill_index("entry.python", COL_DATE).data() == "14 March 2025"
    date_tip = presenter.skill_index("entry.python", COL_DATE).data(Qt.ItemDataRole.ToolTipRole)
    assert date_tip == "Ticked on 14 March 2025"


def test_progress_counts_ticks_per_level_and_overall(dataset: Dataset, session: ProfileSession) -> None:
    view = FakeView()
    p = SkillsPresenter(dataset, session, today=lambda: TODAY)
    p.attach_view(view)
    mid = level_named(dataset, "Mid level")
    for sk in mid.skills[:4]:
        p.set_checked(sk.id, True)
    p.set_checked(dataset.levels[0].skills[0].id, True)
    texts = {pr.level_id: pr.text for pr in view.levels}
    assert texts[mid.id] == f"Mid level: 4 of {len(mid.skills)}"
    assert texts[dataset.levels[0].id] == f"{dataset.levels[0].name}: 1 of {len(dataset.levels[0].skills)}"
    assert view.overall is not None
    assert (view.overall.done, view.overall.total) == (5, len(dataset.skill_ids()))


def test_unknown_skill_ids_are_kept_but_not_counted(dataset: Dataset) -> None:
    session = ProfileSession(Profile(skills={"gone.cobol": TickedSkill(ticked_on=TODAY)}))
    p = SkillsPresenter(dataset, session)
    _levels, overall = p.progress()
    assert overall.done == 0
    p.set_checked(dataset.levels[0].skills[0].id, True)
    assert "gone.cobol" in session.profile.skills


def test_undo_and_redo_restore_ticks_and_their_dates(dataset: Dataset, session: ProfileSession) -> None:
    tick(session, "entry.python", True, on=dt.date(2020, 2, 2))
    p = SkillsPresenter(dataset, session, today=lambda: TODAY)
    p.set_checked("entry.python", False)
    p.set_checked("mid.deep-learning", True)
    assert set(session.profile.skills) == {"mid.deep-learning"}

    session.undo_stack.undo()
    assert session.profile.skills == {}
    session.undo_stack.undo()
    assert session.profile.skills == {"entry.python": TickedSkill(ticked_on=dt.date(2020, 2, 2))}
    assert p.skill_index("entry.python", COL_DATE).data() == "2 February 2020"
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert session.profile.skills == {"mid.deep-learning": TickedSkill(ticked_on=TODAY)}
    assert session.undo_stack.undoText() == "tick “Deep learning”"


def test_clear_level_asks_first_and_does_nothing_when_declined(
    dataset: Dataset, presenter: SkillsPresenter, session: ProfileSession
) -> None:
    mid = level_named(dataset, "Mid level")
    for sk in mid.skills[:2]:
        presenter.set_checked(sk.id, True)
    presenter.set_checked("entry.python", True)
    view = FakeView(answer=False)
    presenter.attach_view(view)

    assert not presenter.clear_level(mid.id)
    assert view.questions == ["Clear all 2 ticks of Mid level?\n\nYou can bring them back with Undo (Ctrl+Z)."]
    assert len(session.profile.skills) == 3

    view.answer = True
    assert presenter.clear_level(mid.id)
    assert set(session.profile.skills) == {"entry.python"}
    session.undo_stack.undo()
    assert set(session.profile.skills) == {"entry.python", *(sk.id for sk in mid.skills[:2])}


def test_clearing_a_level_without_ticks_asks_nothing(dataset: Dataset, presenter: SkillsPresenter) -> None:
    view = FakeView()
    presenter.attach_view(view)
    assert not presenter.clear_level(dataset.levels[-1].id)
    assert view.questions == []


def test_filter_matches_names_descriptions_and_level_names(dataset: Dataset, presenter: SkillsPresenter) -> None:
    view = FakeView()
    presenter.attach_view(view)
    presenter.set_filter("pytorch")
    assert presenter.visible_skill_ids() == ["mid.keras-pytorch"]
    assert view.filter_status == "1 skill match “pytorch”."

    senior = level_named(dataset, "Senior level")
    presenter.set_filter("SENIOR")  # a level name shows its whole level
    assert set(presenter.visible_skill_ids()) >= {sk.id for sk in senior.skills}

    presenter.set_filter("no such skill")
    assert presenter.visible_skill_ids() == []
    assert view.filter_status == "No skill matches “no such skill”."

    presenter.set_filter("")
    assert len(presenter.visible_skill_ids()) == len(dataset.skill_ids())
    assert view.filter_status == ""


@pytest.mark.parametrize("typed", ["İMAGE", "ımage", "IMAGE PROCESSİNG", "ｉｍａｇｅ"])
def test_the_filter_matches_case_insensitively_in_every_locale(
    dataset: Dataset, presenter: SkillsPresenter, typed: str
) -> None:
    image = {sk.id for sk in dataset.all_skills() if "image processing" in f"{sk.name} {sk.description}".lower()}
    assert image
    presenter.set_filter(typed)  # "image" in capitals on a Turkish keyboard is İMAGE
    assert image <= set(presenter.visible_skill_ids())


def test_extra_column_shows_text_per_skill(presenter: SkillsPresenter) -> None:
    presenter.set_extra_column("In 5 years", {"entry.python": "+$1,000"}, {"entry.python": "because"})
    assert presenter.model.headerData(COL_EXTRA, Qt.Orientation.Horizontal) == "In 5 years"
    assert presenter.skill_index("entry.python", COL_EXTRA).data() == "+$1,000"
    assert presenter.skill_index("entry.python", COL_EXTRA).data(Qt.ItemDataRole.ToolTipRole) == "because"
    assert presenter.skill_index("mid.deep-learning", COL_EXTRA).data() == ""
    presenter.set_extra_column("In 5 years", {})
    assert presenter.skill_index("entry.python", COL_EXTRA).data() == ""
    presenter.clear_extra_column()
    assert presenter.model.columnCount() == COL_EXTRA


def test_each_unticked_skill_shows_what_it_adds_in_five_years(
    qtbot: Any, dataset: Dataset, session: ProfileSession, presenter: SkillsPresenter
) -> None:
    from planner.domain.money import usd
    from planner.domain.skill_effects import skill_effects

    model = presenter.model
    assert model.headerData(COL_EXTRA, Qt.Orientation.Horizontal) == "Adds: 5 yrs · 30 yrs"
    session.edit(years_of_experience=3.0)  # in five years this engineer is mid level
    # In the Projection tab's dollars and pay (nominal dollars, base salary, until the user chooses others).
    effects = skill_effects(dataset, session.profile, TODAY.year, 5, "nominal", "base")
    deep = effects["mid.deep-learning"]
    shown = f"+{usd(deep.ahead)} · +{usd(deep.total)}"
    qtbot.waitUntil(lambda: presenter.skill_index("mid.deep-learning", COL_EXTRA).data() == shown)
    assert effects["mid.deep-learning"].ahead > 0, "a mid-level skill brings mid level sooner and pays there"
    assert effects["entry.python"].ahead > 0, "an entry-level skill still counts at mid level"
    assert effects["senior.compliance"].total > effects["senior.compliance"].ahead == 0  # senior is years away
    for skill_id, e in effects.items():
        index = presenter.skill_index(skill_id, COL_EXTRA)
        assert index.data() == f"+{usd(e.ahead)} · +{usd(e.total)}"
    tip = presenter.skill_index("mid.neural-networks", COL_EXTRA).data(Qt.ItemDataRole.ToolTipRole)
    assert "base salary, nominal dollars, as on the Projection tab" in tip
    assert "over 30 years" in tip

    presenter.set_checked("mid.deep-learning", True)
    qtbot.waitUntil(lambda: presenter.skill_index("mid.deep-learning", COL_EXTRA).data() == "")
    assert "mid.deep-learning" not in [e.skill.id for tie in presenter.next_skills for e in tie.effects]


def test_next_skills_are_ranked_by_effect_and_follow_the_profile(
    qtbot: Any, dataset: Dataset, session: ProfileSession, presenter: SkillsPresenter
) -> None:
    from planner.domain.skill_effects import rank_skills, skill_effects

    view = presenter._view
    assert isinstance(view, FakeView)
    ranked = presenter.next_skills
    assert 0 < len(ranked) <= 5
    assert [t.total for t in ranked] == sorted((t.total for t in ranked), reverse=True)
    assert ranked[0].effects[0].skill.name in view.next_plain
    session.edit(years_of_experience=7.0, current_salary=150_000, industry="consumer-goods")
    expected = rank_skills(skill_effects(dataset, session.profile, TODAY.year, 5, "nominal", "base").values(), 5)
    assert expected != ranked, "a salaried mid-level engineer in another industry has other next skills"
    qtbot.waitUntil(lambda: presenter.next_skills == expected)
    first = expected[0]
    assert len(first.effects) > 1  # the skills expected at mid level are all worth the same here: one entry
    assert f"Any one of {len(first.effects)} skills worth the same" in view.next_plain
    senior = next(t for t in expected if t.effects[0].skill.id.startswith("senior."))
    assert {e.skill.id for e in senior.effects} == {sk.id for sk in dataset.level("senior").skills}


def test_what_skills_add_is_worked_out_again_only_when_the_projection_can_change(
    qtbot: Any, dataset: Dataset, session: ProfileSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.domain import skill_effects as effects
    from planner.domain.plans import Scenario

    p = SkillsPresenter(dataset, session, today=lambda: TODAY)
    qtbot.waitUntil(lambda: bool(p.next_skills))  # the figures worked out after start-up
    calls: list[int] = []
    real = effects.skill_effects
    monkeypatch.setattr(effects, "skill_effects", lambda *a, **k: calls.append(1) or real(*a, **k))
    session.edit(scenarios=[Scenario(id="scenario-1", name="Elsewhere", industry="finance")])
    session.edit(market_area="0042660")
    qtbot.wait(300)  # longer than EFFECTS_DELAY_MS
    assert calls == []  # neither a scenario nor the Market tab's area changes today's projection
    session.edit(current_salary=120_000)
    qtbot.waitUntil(lambda: calls == [1])
    session.edit(years_of_experience=session.profile.years_of_experience)  # the same value: nothing changes
    qtbot.wait(300)
    assert calls == [1]
