"""The first run: a skippable welcome fills in the profile, saves it and opens the projection; never asked twice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from planner.app import Context, open_window
from planner.domain.dataset import Dataset
from planner.presenters.choices import Choice
from planner.presenters.first_run import FIRST_STEP, WelcomeAnswers, WelcomeQuestions, welcome_questions
from planner.tabs.projection.change_text import NEXT_STEP
from planner.tabs.skills.presenter import SkillsPresenter
from planner.views.welcome_dialog import WelcomeDialog
from profile_edits import tick


class Welcome:
    """Answers the welcome at once (or skips it) and counts how often it was asked."""

    def __init__(self, answers: WelcomeAnswers | None) -> None:
        self.answers = answers
        self.calls = 0
        self.offered: list[Choice] = []

    def __call__(self, parent: QWidget, questions: WelcomeQuestions) -> WelcomeAnswers | None:
        self.calls += 1
        self.offered = list(questions.industries)
        return self.answers


def start(qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, welcome: Welcome) -> Context:
    ctx = open_window(qapp, dataset, data_dir, welcome=welcome)
    qtbot.addWidget(ctx.window)
    ctx.window.show()
    qtbot.waitExposed(ctx.window)
    return ctx


def welcomed(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, answers: WelcomeAnswers | None
) -> Context:
    """The window of a first run, once the welcome was answered with ``answers`` (None: skipped)."""
    welcome = Welcome(answers)
    ctx = start(qtbot, qapp, dataset, data_dir, welcome)
    qtbot.waitUntil(lambda: welcome.calls == 1)
    return ctx


def test_answers_are_saved_and_the_projection_opens(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path
) -> None:
    industry = dataset.industries[1]
    welcome = Welcome(WelcomeAnswers(4.5, 118_000, industry.id))
    ctx = start(qtbot, qapp, dataset, data_dir, welcome)
    assert ctx.first_run
    qtbot.waitUntil(lambda: (data_dir / "profile.json").exists())

    saved = json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))
    assert (saved["years_of_experience"], saved["current_salary"], saved["industry"]) == (4.5, 118_000, industry.id)
    assert ctx.window.tabs.tabText(ctx.window.tabs.currentIndex()).replace("&", "") == "Projection"
    tab = ctx.window.tabs.currentWidget()
    assert tab.fields["years_of_experience"].edit.text() == "4.5"
    assert tab.industry.currentData() == industry.id
    assert industry.name in [c.label for c in welcome.offered]
    assert "Saved at" in ctx.window.save_status.text()
    ctx.window.close()

    again = Welcome(None)
    second = start(qtbot, qapp, dataset, data_dir, again)
    qtbot.wait(50)  # the event loop runs: a welcome would have been called by now
    assert not second.first_run
    assert again.calls == 0
    assert second.session.profile.years_of_experience == 4.5
    second.window.close()


def test_skipping_keeps_the_defaults_and_is_not_asked_again(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path
) -> None:
    ctx = welcomed(qtbot, qapp, dataset, data_dir, None)
    assert (data_dir / "profile.json").exists()  # saved although nothing changed
    assert ctx.session.profile.years_of_experience == 0
    assert ctx.window.tabs.currentIndex() == 0  # skipped: the user stays where the app opened
    assert ctx.window.banner.text() == FIRST_STEP  # one short prompt says what to do next
    # By keyboard and screen reader: Shift+Tab from the section tabs reaches the banner's Dismiss button, which
    # reads the prompt out; the prompt's own label is named by the prompt (not by a fixed name read instead).
    banner = ctx.window.banner
    assert banner.label.accessibleName() == FIRST_STEP
    ctx.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ctx.window)
    ctx.window.tabs.tabBar().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ctx.window.tabs.tabBar())
    qtbot.keyClick(ctx.window.tabs.tabBar(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is banner.close_button
    assert banner.close_button.accessibleDescription() == FIRST_STEP
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    assert ctx.window.banner.text() == ""  # gone once done
    ctx.window.close()

    again = Welcome(None)
    start(qtbot, qapp, dataset, data_dir, again).window.close()
    qtbot.wait(50)
    assert again.calls == 0


def test_the_first_step_leaves_other_messages_in_the_banner(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path
) -> None:
    ctx = welcomed(qtbot, qapp, dataset, data_dir, None)
    ctx.window.show_message("Something else to read.")
    tick(ctx.session, "entry.python")
    assert ctx.window.banner.text() == "Something else to read."
    ctx.window.close()


def test_a_profile_on_disk_means_no_welcome(qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path) -> None:
    (data_dir / "profile.json").write_text('{"schema_version": 2}', encoding="utf-8")
    welcome = Welcome(None)
    ctx = start(qtbot, qapp, dataset, data_dir, welcome)
    qtbot.wait(50)
    assert welcome.calls == 0
    ctx.window.close()


# --- the real dialog (built, never exec()'d) -----------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot: Any, dataset: Dataset) -> WelcomeDialog:
    d = WelcomeDialog(welcome_questions(dataset))
    qtbot.addWidget(d)
    return d


def test_the_dialog_returns_what_was_entered(qtbot: Any, dialog: WelcomeDialog, dataset: Dataset) -> None:
    dialog.years.setValue(3)
    qtbot.keyClicks(dialog.salary, "95k")
    dialog.industry.setCurrentIndex(dialog.industry.findData(dataset.industries[0].id))
    dialog.start_button.click()
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted
    assert dialog.answers() == WelcomeAnswers(3.0, 95_000, dataset.industries[0].id, None, ())


def test_the_salary_is_optional(dialog: WelcomeDialog) -> None:
    dialog.start_button.click()
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted
    assert dialog.answers() == WelcomeAnswers(0.0, None, None)


@pytest.mark.parametrize("typed", ["lots", "-5", "0", "99999999"])
def test_a_bad_salary_is_explained_and_the_dialog_stays(qtbot: Any, dialog: WelcomeDialog, typed: str) -> None:
    dialog.show()
    qtbot.keyClicks(dialog.salary, typed)
    dialog.start_button.click()
    assert dialog.isVisible()
    assert dialog.salary_error.isVisibleTo(dialog)
    assert "salary" in dialog.salary_error.text() or "number" in dialog.salary_error.text()
    dialog.salary.clear()
    dialog.start_button.click()
    assert not dialog.isVisible()


def test_a_long_refusal_is_shown_whole(qtbot: Any, dialog: WelcomeDialog) -> None:
    """A message of three lines (what was typed is quoted) is never cut off by the row under it: the dialog grows."""
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.salary, "145000 a year before bonus, roughly")
    dialog.start_button.click()
    message = dialog.salary_error
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()))
    assert message.heightForWidth(message.width()) > 2 * message.fontMetrics().lineSpacing()  # three lines or more
    assert dialog.skills.height() >= dialog.skills.minimumHeight()


def test_skip_rejects(dialog: WelcomeDialog) -> None:
    dialog.show()
    dialog.skip_button.click()
    assert dialog.result() == WelcomeDialog.DialogCode.Rejected


def test_the_level_follows_the_years_until_the_user_picks_one(dialog: WelcomeDialog) -> None:
    assert dialog.level.currentData() == "entry"
    dialog.years.setValue(6)
    assert dialog.level.currentData() == "mid"  # the article's 5–10 years
    dialog.years.setValue(12)
    assert dialog.level.currentData() == "senior"
    assert dialog.answers().current_level is None  # left as the years give it: follows later changes of years
    dialog.level.setCurrentIndex(dialog.level.findData("mid"))
    dialog.level.activated.emit(dialog.level.currentIndex())
    dialog.years.setValue(20)
    assert dialog.level.currentData() == "mid"  # the user's choice is kept
    assert dialog.answers().current_level == "mid"


def test_skills_can_be_ticked_in_the_welcome(qtbot: Any, dialog: WelcomeDialog, dataset: Dataset) -> None:
    groups = [dialog.skills.topLevelItem(i) for i in range(dialog.skills.topLevelItemCount())]
    assert [g.text(0) for g in groups] == [g.name for g in dataset.skill_groups()]
    groups[2].child(0).setCheckState(0, Qt.CheckState.Checked)  # the first mid-level skill
    groups[0].child(1).setCheckState(0, Qt.CheckState.Checked)  # a general skill
    assert set(dialog.answers().skills) == {dataset.levels[1].skills[0].id, dataset.general_skills[1].id}


def test_welcome_skills_and_level_reach_the_first_projection(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path
) -> None:
    ctx = welcomed(
        qtbot,
        qapp,
        dataset,
        data_dir,
        WelcomeAnswers(6, 145_000, "finance", None, ("mid.deep-learning", "general.collaboration")),
    )
    assert set(ctx.session.profile.skills) == {"mid.deep-learning", "general.collaboration"}
    tab = ctx.window.tabs.currentWidget()
    assert "Today: Mid level" in tab.plot.top_label_texts()
    assert ctx.presenter("skills", SkillsPresenter).progress()[1].done == 2
    ctx.window.close()


def test_every_control_has_a_name_and_a_key(dialog: WelcomeDialog) -> None:
    for widget in (dialog.years, dialog.salary, dialog.industry, dialog.level, dialog.skills):
        assert widget.accessibleName()
    assert "&" in dialog.start_button.text()
    assert "&" in dialog.skip_button.text()


@pytest.mark.parametrize("answers", [WelcomeAnswers(6, 145_000, None), None], ids=["answered", "skipped"])
def test_the_first_step_is_said_once_and_the_headline_says_it_when_the_banner_is_gone(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, answers: WelcomeAnswers | None
) -> None:
    """After the welcome, the banner gives the first step; the Projection headline does not say it a second time
    under it. Without a banner (a later start with no skill ticked), the headline's line is the prompt."""
    ctx = welcomed(qtbot, qapp, dataset, data_dir, answers)
    assert ctx.window.banner.text() == FIRST_STEP
    ctx.window.select_tab("projection")  # built after the banner (skipped) or before it (answered: opened for you)
    tab = ctx.window.tab_widget("projection")
    assert tab.change.text() == ""  # one prompt: the banner's
    assert not tab.change.isVisible()
    assert ctx.autosave is not None
    ctx.autosave.flush()
    ctx.window.close()

    later = start(qtbot, qapp, dataset, data_dir, Welcome(None))
    later.window.select_tab("projection")
    assert later.window.banner.text() == ""
    assert later.window.tab_widget("projection").change.text() == NEXT_STEP
    later.window.close()


def test_a_welcome_answered_on_an_open_projection_tab_still_says_what_it_did(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path
) -> None:
    """The Projection tab was left open last time (profile.json deleted to start over): the welcome's answers are a
    change like any other, told in the headline with the curve before them; only the prompt makes way."""
    (data_dir / "settings.ini").write_text("[window]\nlast_tab_id=projection\n", encoding="utf-8")
    ctx = welcomed(qtbot, qapp, dataset, data_dir, WelcomeAnswers(6, 145_000, None))
    tab = ctx.window.tab_widget("projection")
    assert ctx.window.banner.text() == FIRST_STEP
    assert tab.change.text().startswith("Answer the welcome: +$")
    assert tab.plot.previous_curve.isVisible()
    ctx.window.close()


def test_once_the_banner_is_dismissed_the_projection_headline_gives_the_first_step(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path
) -> None:
    ctx = welcomed(qtbot, qapp, dataset, data_dir, None)
    ctx.window.banner.close_button.click()
    ctx.window.select_tab("projection")  # first opened now
    assert ctx.window.tab_widget("projection").change.text() == NEXT_STEP
    ctx.window.close()
