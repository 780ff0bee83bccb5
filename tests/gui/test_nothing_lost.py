"""Issue 23, "Nothing lost": a start, a save and a close never delete, overwrite or make again what someone else
owns (a backup they named, a hand edit, another copy's work, a folder they removed)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fake_dialogs import FakeDialogs

from planner.app import Context
from planner.domain.profile import Profile
from planner.storage.profile_store import encode_profile
from planner.storage.safe_files import temp_name
from planner.tabs.projection.change_text import signed_usd
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.skills.presenter import SkillsPresenter

Opener = Callable[..., Context]

# Names a person gives a copy of a file by hand, or another program gives its own: none is the app's.
PEOPLES_NAMES = (
    "profile.json.Backup",
    "profile.json.BACKUP",
    "profile.json.copy01",
    "profile.json.2024v5",
    "profile.json.OLD001",
    "profile.json.backup",
    "profile.json.Kept01",
    "salary-data.json.OLD001",
    "salary-data.json.Before",
    "settings.ini.Backup",
    "settings.ini.MyOwn1",
    "settings.ini.bak123",
)


def run_main(qapp: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Context:
    """The app's real start (main()) on ``data_dir``, returning as soon as the window is open."""
    from planner import app as app_module

    opened: list[Context] = []
    real_open = app_module.open_window

    def open_window(*args: Any, **kwargs: Any) -> Context:
        kwargs["welcome"] = None  # no first-run dialog
        opened.append(real_open(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(app_module, "open_window", open_window)
    monkeypatch.setattr(type(qapp), "exec", lambda *_args: 0)  # return at once instead of running the loop
    from planner.main import main

    assert main(["--data-dir", str(data_dir)]) == 0
    (ctx,) = opened
    return ctx


def test_a_start_keeps_every_file_a_person_named_and_removes_only_the_apps_own_leftovers(
    qapp: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_dir / "profile.json").write_bytes(encode_profile(Profile(years_of_experience=3)))
    for name in PEOPLES_NAMES:
        (data_dir / name).write_bytes(b'{"mine": true}')
    leftovers = [temp_name("profile.json"), temp_name("settings.ini"), temp_name("salary-data.json")]
    for name in leftovers:
        (data_dir / name).write_bytes(b'{"half a sa')
    ctx = run_main(qapp, data_dir, monkeypatch)
    try:
        assert ctx.session.profile.years_of_experience == 3
    finally:
        ctx.window.close()
        ctx.window.deleteLater()
    for name in PEOPLES_NAMES:
        assert (data_dir / name).read_bytes() == b'{"mine": true}', name
    assert not any((data_dir / name).exists() for name in leftovers)


@pytest.fixture
def quick_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries after 50 ms instead of five seconds, so a test sees one without waiting."""
    import functools

    from planner.presenters import autosave as autosave_module

    monkeypatch.setattr(
        autosave_module, "ProfileAutosaver", functools.partial(autosave_module.ProfileAutosaver, retry_ms=50)
    )


def with_unsavable_name(ctx: Context) -> None:
    """A scenario name no file can hold, as an older version let in from a file (the model refuses it now, so it
    is put there past validation)."""
    from planner.domain.plans import Scenario

    odd = Scenario.model_construct(id="scenario-1", name="Nice\udc80", shown=True)
    # Past ProfileSession.edit, which would refuse it: straight into the session, as a loaded profile once was.
    ctx.session._apply({"scenarios": [odd]}, "a profile an older version let in", None, "edit")


def status(ctx: Context) -> str:
    assert ctx.autosave is not None
    return f"{ctx.window.save_status.text()} {ctx.autosave.detail}"


def test_any_failure_to_save_is_said_retried_and_makes_quit_ask(
    qtbot: Any, open_app: Opener, data_dir: Path, quick_retry: None
) -> None:
    dialogs = FakeDialogs(confirm_answer=False)
    ctx = open_app(dialogs=dialogs)
    assert ctx.autosave is not None
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    assert ctx.autosave.flush()
    before = (data_dir / "profile.json").read_bytes()

    with_unsavable_name(ctx)  # a change: the autosave tries to save it
    assert not ctx.autosave.flush()
    assert ctx.window.save_status.text() == "Could not save: the profile would not load again as it is. Retrying."
    assert "Could not save your profile (it could not be written as JSON" in ctx.autosave.detail
    assert "kept in this window" in ctx.autosave.detail
    assert (data_dir / "profile.json").read_bytes() == before  # the last good file is kept whole
    assert ctx.autosave.dirty
    assert ctx.autosave.next_save_in_ms >= 0  # retried like a disk error

    ctx.window.close()  # Quit asks, and the answer "keep it open" keeps it open
    assert len(dialogs.confirms) == 1
    assert "could not be saved" in dialogs.confirms[0]
    assert ctx.window.isVisible()

    ctx.session.edit("Delete scenario", scenarios=[])  # the user removes the odd name: the next retry saves
    qtbot.waitUntil(lambda: ctx.window.save_status.text().startswith("Saved at "), timeout=5_000)
    saved = Profile.model_validate_json((data_dir / "profile.json").read_bytes())
    assert set(saved.skills) == {"entry.python"}
    assert saved.scenarios == []


def test_an_unexpected_error_of_a_save_is_said_too(open_app: Opener, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.storage import profile_store

    ctx = open_app()
    assert ctx.autosave is not None

    def broken(path: Path, data: bytes) -> None:
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(profile_store, "write_in_folder", broken)
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    assert not ctx.autosave.flush()
    assert ctx.window.save_status.text() == "Could not save: an unexpected error. Retrying."
    assert "something nobody foresaw" in ctx.autosave.detail
    monkeypatch.undo()
    assert ctx.autosave.flush()


@pytest.mark.parametrize("action", ["export_profile_action", "export_csv_action"])
def test_an_export_that_cannot_be_made_is_a_message_never_an_exception(
    open_app: Opener, tmp_path: Path, action: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialogs = FakeDialogs(save_to=out / ("me.json" if action == "export_profile_action" else "me.csv"))
    ctx = open_app(dialogs=dialogs)
    ctx.session.edit(years_of_experience=2.0, current_salary=90_000)
    with_unsavable_name(ctx)
    if action == "export_csv_action":
        ctx.window.tab_widget("projection")
        ctx.presenter("projection", ProjectionPresenter).refresh()
    getattr(ctx.window, action).trigger()  # an exception here would fail the test
    assert len(dialogs.errors) == 1
    assert dialogs.errors[0].startswith("The file could not be made: ")
    assert "nothing saved" in ctx.window.statusBar().currentMessage()
    assert list(out.iterdir()) == []


def hand_edit(data_dir: Path, **fields: Any) -> bytes:
    """Change profile.json as a person would in an editor (in place), returning the bytes written."""
    path = data_dir / "profile.json"
    data = json.loads(path.read_bytes())
    data.update(fields)
    raw = json.dumps(data, indent=4).encode()
    path.write_bytes(raw)
    return raw


def kept_copies(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("profile.json.changed-outside-*"))


def test_a_hand_edit_shown_on_the_projection_tab_says_what_it_did(qtbot: Any, open_app: Opener, data_dir: Path) -> None:
    """The headline gives the difference, as for any change, with the curve before it drawn faint."""
    ctx = open_app()
    assert ctx.autosave is not None
    ctx.session.edit(years_of_experience=6.0, current_salary=145_000)
    assert ctx.autosave.flush()
    ctx.window.select_tab("projection")
    tab = ctx.window.tab_widget("projection")
    total_before = ctx.presenter("projection", ProjectionPresenter).chart.main.total

    hand_edit(data_dir, current_salary=160_000)
    qtbot.waitUntil(lambda: ctx.session.profile.current_salary == 160_000, timeout=5_000)
    total_after = ctx.presenter("projection", ProjectionPresenter).chart.main.total
    assert total_after > total_before
    line = tab.change.text()
    assert line.startswith(f"Changes made outside the app: {signed_usd(total_after - total_before)} over 30 years")
    assert "this year +$15,000" in line
    assert tab.plot.previous_curve.isVisible()


def test_a_hand_edit_then_a_tick_keeps_both_and_says_so(open_app: Opener, data_dir: Path) -> None:
    ctx = open_app()
    assert ctx.autosave is not None
    ctx.session.edit(years_of_experience=3.0)
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    assert ctx.autosave.flush()

    theirs = hand_edit(data_dir, years_of_experience=12)
    ctx.presenter("skills", SkillsPresenter).set_checked(
        "entry.mathematics", True
    )  # before the window had a chance to look: unsaved changes
    assert ctx.autosave.flush()

    (copy,) = kept_copies(data_dir)
    assert copy.read_bytes() == theirs  # the hand edit, whole
    ours = Profile.model_validate_json((data_dir / "profile.json").read_bytes())
    assert set(ours.skills) == {"entry.python", "entry.mathematics"}
    assert ours.years_of_experience == 3
    banner = ctx.window.banner.text()
    assert "was changed outside this window" in banner
    assert copy.name in banner

    ctx.presenter("skills", SkillsPresenter).set_checked(
        "mid.deep-learning", True
    )  # from now on the file is the window's again: no more copies
    assert ctx.autosave.flush()
    assert len(kept_copies(data_dir)) == 1


def test_a_hand_edit_with_nothing_unsaved_is_shown_and_said(qtbot: Any, open_app: Opener, data_dir: Path) -> None:
    ctx = open_app()
    assert ctx.autosave is not None
    ctx.session.edit(years_of_experience=3.0)
    assert ctx.autosave.flush()

    theirs = hand_edit(data_dir, years_of_experience=12)
    qtbot.waitUntil(lambda: ctx.session.profile.years_of_experience == 12, timeout=5_000)  # noticed by itself
    assert "the window now shows that version" in ctx.window.banner.text()
    assert not ctx.autosave.dirty
    assert (data_dir / "profile.json").read_bytes() == theirs  # not saved over, not even rewritten
    assert kept_copies(data_dir) == []

    ctx.presenter("skills", SkillsPresenter).set_checked(
        "entry.python", True
    )  # a change on top of theirs is saved as usual
    assert ctx.autosave.flush()
    ours = Profile.model_validate_json((data_dir / "profile.json").read_bytes())
    assert (ours.years_of_experience, set(ours.skills)) == (12, {"entry.python"})
    assert kept_copies(data_dir) == []


def test_a_second_copys_work_after_the_lock_was_deleted_is_never_overwritten_silently(
    open_app: Opener, data_dir: Path
) -> None:
    from planner.storage.instance_lock import DataDirLock
    from planner.storage.profile_store import ProfileStore

    first_lock = DataDirLock(data_dir)
    assert first_lock.try_lock()
    try:
        first = open_app(lock=first_lock)
        assert first.autosave is not None
        first.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
        assert first.autosave.flush()

        (data_dir / "profile.lock").unlink()  # a cleaner removes the lock file
        second_lock = DataDirLock(data_dir)  # a second copy starts, finds no lock, saves its work and quits
        assert second_lock.try_lock()
        second = ProfileStore(data_dir, guard=second_lock.lost_reason)
        mine = second.load().profile.model_copy(update={"years_of_experience": 9.0})
        second.save(mine)
        seconds_file = (data_dir / "profile.json").read_bytes()
        second_lock.unlock()

        first.presenter("skills", SkillsPresenter).set_checked(
            "entry.mathematics", True
        )  # the first copy takes the lock again and saves
        assert first.autosave.flush()
    finally:
        first_lock.unlock()
    (copy,) = kept_copies(data_dir)
    assert copy.read_bytes() == seconds_file
    assert "was changed outside this window" in first.window.banner.text()
    firsts = Profile.model_validate_json((data_dir / "profile.json").read_bytes())
    assert set(firsts.skills) == {"entry.python", "entry.mathematics"}


def test_closing_after_the_data_folder_was_deleted_makes_nothing_again(
    open_app: Opener, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc
    import shutil

    from planner.storage.instance_lock import DataDirLock

    lock = DataDirLock(data_dir)
    assert lock.try_lock()
    try:
        ctx = open_app(lock=lock, dialogs=FakeDialogs(confirm_answer=True))
        assert ctx.autosave is not None
        ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
        assert ctx.autosave.flush()
        ctx.window.theme_chosen.emit("dark")  # settings.ini written while the folder is the window's
        assert (data_dir / "settings.ini").is_file()

        shutil.rmtree(data_dir)  # the user deletes the data folder while the app runs
        ctx.window.theme_chosen.emit("light")
        ctx.window.close()  # saves the window's layout as it closes
        del ctx
        gc.collect()
    finally:
        lock.unlock()
    assert not data_dir.exists()
