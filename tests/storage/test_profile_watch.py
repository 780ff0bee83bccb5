"""The watch on profile.json: what it reports when the folder or the file changes, and what it keeps watching."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject

from planner.storage.profile_watch import ProfileFileWatcher


def heard(watcher: ProfileFileWatcher) -> list[str]:
    seen: list[str] = []
    watcher.removed.connect(lambda: seen.append("removed"))
    watcher.touched.connect(lambda: seen.append("touched"))
    return seen


def test_a_change_to_a_file_that_is_there_is_reported_as_touched(qapp: Any, data_dir: Path) -> None:
    path = data_dir / "profile.json"
    path.write_text("{}", encoding="utf-8")
    watcher = ProfileFileWatcher(path)
    seen = heard(watcher)
    watcher.check()
    assert seen == ["touched"]
    path.unlink()
    watcher.check()
    watcher.check()  # still missing: nothing more to say
    assert seen == ["touched", "removed"]
    path.write_text("{}", encoding="utf-8")
    watcher.check()
    assert seen == ["touched", "removed", "touched"]


def test_the_file_itself_is_watched_also_after_an_atomic_save_or_a_late_start(qapp: Any, data_dir: Path) -> None:
    path = data_dir / "profile.json"
    watcher = ProfileFileWatcher(path)
    assert watcher._watcher.files() == []  # nothing to watch yet
    assert watcher._watcher.directories() == [str(data_dir)]
    path.write_text("{}", encoding="utf-8")
    watcher.check()
    assert watcher._watcher.files() == [str(path)]
    temp = data_dir / "profile.json.new"
    temp.write_text('{"new": 1}', encoding="utf-8")
    os.replace(temp, path)  # a new file (a new inode) under the same name
    watcher.check()
    assert watcher._watcher.files() == [str(path)]
    assert watcher._watcher.directories() == [str(data_dir)]


def test_the_watchers_own_signals_lead_to_a_look(qapp: Any, data_dir: Path) -> None:
    path = data_dir / "profile.json"
    path.write_text("{}", encoding="utf-8")
    watcher = ProfileFileWatcher(path)
    seen = heard(watcher)
    watcher._watcher.fileChanged.emit(str(path))
    path.unlink()
    watcher._watcher.directoryChanged.emit(str(data_dir))
    assert seen == ["touched", "removed"]


def test_the_watch_goes_with_its_owner(qapp: Any, data_dir: Path) -> None:
    """When the window that owns the watch is gone, nothing keeps watching the folder on its behalf."""
    path = data_dir / "profile.json"
    path.write_text("{}", encoding="utf-8")
    owner = QObject()
    watcher = ProfileFileWatcher(path, owner)
    inner = watcher._watcher
    shiboken6.delete(owner)
    assert not shiboken6.isValid(inner)
