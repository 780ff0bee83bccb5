"""settings.ini and the watch on profile.json, without a window: what is kept between runs, what a bad value
turns into, and that nothing is written once the folder is another copy's."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray

from planner.storage.profile_watch import ProfileFileWatcher
from planner.storage.settings import AppSettings


def test_the_window_is_restored_as_it_was_left(data_dir: Path) -> None:
    AppSettings(data_dir).save_window(
        QByteArray(b"geometry"),
        QByteArray(b"state"),
        "projection",
        {"levels": QByteArray(b"a"), "skills": QByteArray(b"b")},
    )
    again = AppSettings(data_dir)
    assert again.geometry == QByteArray(b"geometry")
    assert again.window_state == QByteArray(b"state")
    assert again.last_tab == "projection"  # saved by id: a tab added before it does not move it
    assert again.splitters() == {"levels": QByteArray(b"a"), "skills": QByteArray(b"b")}
    text = (data_dir / "settings.ini").read_text(encoding="utf-8")
    assert "[window]" in text
    assert "[splitters]" in text


def test_a_first_run_has_no_window_state_and_the_first_tab(data_dir: Path) -> None:
    fresh = AppSettings(data_dir)
    assert fresh.geometry is None
    assert fresh.window_state is None
    assert fresh.splitters() == {}
    assert fresh.last_tab == ""
    assert fresh.theme == "system"
    assert fresh.moved_aside is None


@pytest.mark.parametrize(
    ("written", "tab"),
    [("last_tab_id=offers", "offers"), ("last_tab_id=a, b", ""), ("last_tab=2", ""), ("last_tab_id=", "")],
)
def test_a_hand_edited_last_tab_falls_back_to_the_first_tab(data_dir: Path, written: str, tab: str) -> None:
    """An id no tab has opens the first tab (MainWindow.select_tab ignores it); an index saved by an older version
    is not read as an id."""
    (data_dir / "settings.ini").write_text(f"[window]\n{written}\ngeometry=\n", encoding="utf-8")
    settings = AppSettings(data_dir)
    assert settings.last_tab == tab
    assert settings.geometry is None  # an empty value is no geometry


def test_only_known_themes_are_kept(data_dir: Path, tmp_path: Path) -> None:
    settings = AppSettings(data_dir)
    settings.set_theme("dark")
    settings.set_theme("neon")
    assert AppSettings(data_dir).theme == "dark"
    edited = tmp_path / "edited"
    edited.mkdir()
    (edited / "settings.ini").write_text("[view]\ntheme=neon\n", encoding="utf-8")
    assert AppSettings(edited).theme == "system"


def test_nothing_is_written_once_the_folder_is_another_copys(data_dir: Path) -> None:
    settings = AppSettings(data_dir)
    settings.set_theme("light")
    before = (data_dir / "settings.ini").read_bytes()
    settings.guard = lambda: "another copy took the folder"
    settings.set_theme("dark")
    settings.save_window(QByteArray(b"g"), QByteArray(b"s"), 1, {})
    assert (data_dir / "settings.ini").read_bytes() == before


def test_a_fifo_found_before_a_save_is_moved_aside_then_the_save_goes_ahead(data_dir: Path) -> None:
    settings = AppSettings(data_dir)
    os.mkfifo(data_dir / "settings.ini")
    settings.set_theme("dark")
    moved = settings.moved_aside
    assert moved is not None
    assert moved.name.startswith("settings.ini.not-a-file-")
    assert (data_dir / "settings.ini").is_file()
    assert AppSettings(data_dir).theme == "dark"


def test_a_special_file_moved_aside_never_replaces_one_moved_before(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("planner.storage.settings.stamp", lambda: "20261130-120000")  # two in the same second
    earlier = data_dir / "settings.ini.not-a-file-20261130-120000"
    earlier.write_text("moved aside before", encoding="utf-8")
    settings = AppSettings(data_dir)
    os.mkfifo(data_dir / "settings.ini")
    settings.set_theme("dark")
    assert settings.moved_aside == data_dir / "settings.ini.not-a-file-20261130-120000-2"
    assert earlier.read_text(encoding="utf-8") == "moved aside before"


def test_a_folder_in_place_of_settings_is_left_where_it_is(data_dir: Path) -> None:
    (data_dir / "settings.ini").mkdir()
    settings = AppSettings(data_dir)
    assert settings.moved_aside is None
    assert (data_dir / "settings.ini").is_dir()


def test_the_watch_reports_a_deleted_profile_once_and_again_after_it_is_back(qapp: Any, data_dir: Path) -> None:
    path = data_dir / "profile.json"
    path.write_text("{}", encoding="utf-8")
    watcher = ProfileFileWatcher(path)
    assert str(data_dir) in watcher._watcher.directories()
    seen: list[int] = []
    watcher.removed.connect(lambda: seen.append(1))
    watcher.check()
    assert seen == []
    path.unlink()
    watcher.check()
    watcher.check()
    assert seen == [1]
    path.write_text("{}", encoding="utf-8")
    watcher.check()
    path.unlink()
    watcher.check()
    assert seen == [1, 1]


def test_a_profile_that_was_never_there_is_not_reported_missing(qapp: Any, tmp_path: Path) -> None:
    folder = tmp_path / "later"
    watcher = ProfileFileWatcher(folder / "profile.json")
    seen: list[int] = []
    watcher.removed.connect(lambda: seen.append(1))
    watcher.check()
    assert seen == []
    assert watcher._watcher.directories() == []
    folder.mkdir()
    watcher.check()  # the folder made again: watched from then on
    assert watcher._watcher.directories() == [str(folder)]


def test_a_profile_written_again_from_the_removed_signal_is_watched_again(qapp: Any, data_dir: Path) -> None:
    path = data_dir / "profile.json"
    path.write_text("{}", encoding="utf-8")
    watcher = ProfileFileWatcher(path)
    seen: list[int] = []

    def write_again() -> None:  # what the app does: save at once, then tell the watch the file is there
        seen.append(1)
        path.write_text("{}", encoding="utf-8")
        watcher.check()

    watcher.removed.connect(write_again)
    path.unlink()
    watcher.check()
    path.unlink()
    watcher.check()
    assert seen == [1, 1]
    # The watch outlives the test (the slot and the watcher refer to each other): a later test's event loop would
    # call write_again into a folder pytest may have removed by then.
    watcher.removed.disconnect(write_again)
