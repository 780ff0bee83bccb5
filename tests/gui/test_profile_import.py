"""File > Import profile: a good file replaces the profile (and is saved), a broken one changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from fake_dialogs import FakeDialogs

from planner.app import Context
from planner.domain.profile import PROFILE_SCHEMA_VERSION, Profile, TickedSkill
from planner.storage.profile_store import ProfileStore, encode_profile
from planner.tabs.skills.presenter import SkillsPresenter

Opener = Callable[[], Context]


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def open_app(open_app: Callable[..., Context], dialogs: FakeDialogs) -> Opener:
    """The shared opener (tests/conftest.py), with this module's stand-in dialogs."""
    return lambda: open_app(dialogs=dialogs)


def other_profile() -> Profile:
    return Profile(
        skills={"mid.deep-learning": TickedSkill(ticked_on=dt.date(2024, 2, 3))},
        years_of_experience=7.0,
        current_salary=150_000,
    )


def test_import_replaces_saves_and_keeps_the_previous_profile(
    open_app: Opener, dialogs: FakeDialogs, data_dir: Path, tmp_path: Path
) -> None:
    ctx = open_app()
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    before = ctx.session.profile
    source = tmp_path / "exported.json"
    source.write_bytes(encode_profile(other_profile()))
    dialogs.open_path = source

    ctx.window.import_profile_action.trigger()

    assert ctx.session.profile == other_profile()
    assert "1 ticked skill, 7 years" in dialogs.confirms[0]
    assert ctx.presenter("skills", SkillsPresenter).is_ticked("mid.deep-learning")
    assert not ctx.presenter("skills", SkillsPresenter).is_ticked("entry.python")
    assert ctx.window.undo_action is not None
    assert ctx.window.undo_action.text() == "&Undo import the profile exported.json"
    assert ctx.autosave is not None
    assert ctx.autosave.flush()
    assert ProfileStore(data_dir).load().profile == other_profile()
    kept = [p for p in data_dir.iterdir() if p.name.startswith("profile.json.before-import-")]
    assert len(kept) == 1
    assert Profile.model_validate_json(kept[0].read_bytes()) == before
    assert kept[0].name in ctx.window.statusBar().currentMessage()

    ctx.window.undo_action.trigger()  # Edit > Undo: the profile you had before the import, tick included
    assert ctx.session.profile == before
    assert ctx.presenter("skills", SkillsPresenter).is_ticked("entry.python")


def test_an_older_format_is_migrated_on_import(open_app: Opener, dialogs: FakeDialogs, tmp_path: Path) -> None:
    ctx = open_app()
    source = tmp_path / "old.json"
    source.write_text(json.dumps({"schema_version": 1, "ticked": ["entry.python"], "years": 2.0}), encoding="utf-8")
    dialogs.open_path = source
    ctx.window.import_profile_action.trigger()
    assert ctx.session.profile.has_skill("entry.python")
    assert ctx.session.profile.years_of_experience == 2.0


BROKEN = {
    "not json": b"{ this is not json",
    "not a profile": b'{"schema_version": 2, "skills": ["entry.python"], "years_of_experience": "ten"}',
    "from a newer app": json.dumps({"schema_version": PROFILE_SCHEMA_VERSION + 1}).encode(),
    "empty": b"",
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_import_says_why_and_changes_nothing(
    open_app: Opener, dialogs: FakeDialogs, data_dir: Path, tmp_path: Path, content: bytes
) -> None:
    ctx = open_app()
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    assert ctx.autosave is not None
    assert ctx.autosave.flush()
    saved = (data_dir / "profile.json").read_bytes()
    profile = ctx.session.profile
    source = tmp_path / "broken.json"
    source.write_bytes(content)
    dialogs.open_path = source

    ctx.window.import_profile_action.trigger()

    assert len(dialogs.errors) == 1
    assert "broken.json" in dialogs.errors[0]
    assert "unchanged" in dialogs.errors[0]
    assert dialogs.confirms == []
    assert ctx.session.profile == profile
    assert ctx.session.undo_stack.canUndo()
    assert ctx.autosave.flush()
    assert (data_dir / "profile.json").read_bytes() == saved
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith("profile")) == ["profile.json"]


def test_declining_the_replace_question_changes_nothing(
    open_app: Opener, dialogs: FakeDialogs, data_dir: Path, tmp_path: Path
) -> None:
    ctx = open_app()
    source = tmp_path / "exported.json"
    source.write_bytes(encode_profile(other_profile()))
    dialogs.open_path, dialogs.confirm_answer = source, False
    ctx.window.import_profile_action.trigger()
    assert ctx.session.profile == Profile()
    assert not any(p.name.startswith("profile.json.before-import") for p in data_dir.iterdir())


def test_a_missing_file_is_reported(open_app: Opener, dialogs: FakeDialogs, tmp_path: Path) -> None:
    ctx = open_app()
    dialogs.open_path = tmp_path / "gone.json"
    ctx.window.import_profile_action.trigger()
    assert "gone.json could not be read" in dialogs.errors[0]
    assert ctx.session.profile == Profile()
