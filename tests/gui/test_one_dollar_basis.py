"""The Skills tab and the Projection tab agree to the dollar: what a skill "adds" over the horizon is exactly what
ticking it adds to the Projection tab's total, in the dollars and pay that tab shows, and both say which; and the
headline says what each tick did."""

from __future__ import annotations

from typing import Any

import pytest
from tests.profile_edits import tick_on_skills_tab

from planner.domain.profile import TaxInputs
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.skills.presenter import SkillsPresenter


@pytest.mark.parametrize(
    ("dollars", "comp"), [("nominal", "base"), ("today", "total"), ("nominal", "take_home"), ("today", "take_home")]
)
def test_ticking_any_skill_moves_the_total_by_what_the_skills_tab_said(
    main_context: Any, dollars: str, comp: str
) -> None:
    ctx = main_context
    # Take-home pay: after California's taxes, a 6 % pre-tax retirement share (the limit binds in later years).
    taxes = TaxInputs(state="CA", retirement_share=0.06)
    ctx.session.edit(years_of_experience=6.0, current_salary=145_000, industry="finance", taxes=taxes)
    projection = ctx.presenter("projection", ProjectionPresenter)
    skills = ctx.presenter("skills", SkillsPresenter)
    projection.dollars_chosen(dollars)
    projection.comp_chosen(comp)
    assert ctx.display.comp == comp
    skills.refresh_effects()  # the app runs it just after the frame
    words = ctx.display.words()
    assert words in skills.skill_index("mid.deep-learning", 3).data(3)  # the tooltip says which dollars
    assert projection.chart is not None
    checked = 0
    for group in ctx.dataset.skill_groups():
        for skill in group.skills:
            if skills.is_ticked(skill.id):
                continue
            said = next(e.total for e in _effects(skills) if e.skill.id == skill.id)
            before = projection.chart.main.total
            tick_on_skills_tab(ctx, skill.id)
            moved = projection.chart.main.total - before
            assert round(moved) == round(said), skill.id
            ctx.window.undo_action.trigger()
            assert round(projection.chart.main.total) == round(before)
            checked += 1
    assert checked >= 20


def _effects(skills: SkillsPresenter) -> list[Any]:
    from planner.domain.skill_effects import skill_effects

    d, c = skills.display.dollars, skills.display.comp
    profile = skills._session.profile
    taxes = skills.display.tax_setting(profile)
    return list(skill_effects(skills._dataset, profile, skills._today().year, 5, d, c, taxes).values())


def test_a_tick_says_what_it_did_and_the_curve_before_stays_faint_until_the_next_change(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=145_000, industry="finance")
    tab = ctx.window.tab_widget("projection")
    projection = ctx.presenter("projection", ProjectionPresenter)
    assert projection.chart is not None
    before = projection.chart.main.total
    tick_on_skills_tab(ctx, "senior.ai-techniques")
    after = projection.chart.main.total
    text = tab.change.text()
    assert text.startswith("Tick “")
    assert f"+${round(after - before):,} over 30 years" in text
    assert "(base salary, nominal dollars)" in text
    assert projection.chart.previous is not None  # the curve before the tick, drawn faint
    assert tab.plot.previous_curve.isVisible()

    ctx.window.undo_action.trigger()  # Undo brings both back: the total, and a line that says so
    assert round(projection.chart.main.total) == round(before)
    assert tab.change.text().startswith("Undone: tick “")
    assert f"−${round(after - before):,} over 30 years" in tab.change.text()

    projection.dollars_chosen("today")  # other dollars: no "before" in them
    assert projection.chart.previous is None
    assert not tab.plot.previous_curve.isVisible()
    assert tab.change.text() == ""


def test_the_entered_salary_is_said_once_when_this_year_cannot_move(main_context: Any) -> None:
    ctx = main_context
    ctx.session.edit(years_of_experience=2.0, current_salary=90_000)
    tab = ctx.window.tab_widget("projection")
    tick_on_skills_tab(ctx, "entry.python")
    assert "this year's figure stays the salary you entered" in tab.change.text()
    tick_on_skills_tab(ctx, "entry.mathematics")
    assert "salary you entered" not in tab.change.text()  # said once


def test_a_tab_behind_another_catches_up_when_shown_and_says_what_changed_meanwhile(main_context: Any) -> None:
    """A tick redraws the tab it is made on; the Projection tab behind it waits (no work a person cannot see) and,
    shown, moves once by everything that changed meanwhile, and says so."""
    ctx = main_context
    ctx.session.edit(years_of_experience=6.0, current_salary=145_000, industry="finance")
    tab = ctx.window.tab_widget("projection")
    projection = ctx.presenter("projection", ProjectionPresenter)
    skills = ctx.presenter("skills", SkillsPresenter)
    assert projection.chart is not None
    start = projection.chart.main.total
    ctx.window.select_tab("skills")
    skills.set_checked("senior.ai-techniques", True)
    skills.set_checked("mid.deep-learning", True)
    assert projection.chart.main.total == start  # behind the Skills tab: not drawn again yet
    assert skills.is_ticked("mid.deep-learning")  # the Skills tab itself is up to date
    ctx.window.select_tab("projection")
    moved = projection.chart.main.total - start
    assert moved > 1
    text = tab.change.text()
    assert text.startswith("2 changes (the last: tick “")
    assert f"+${round(moved):,} over 30 years" in text
    ctx.window.undo_action.trigger()  # shown: an undo redraws at once
    assert tab.change.text().startswith("Undone: tick “")
