"""Window state and preferences, kept with QSettings in an INI file inside the data folder.

Keeping it in the data folder (not the system's settings store) means --data-dir isolates it too.
Before QSettings reads or writes the file: a named pipe, device or socket in its place is moved aside (QSettings
would block reading it), and a symbolic link leading out of the data folder is moved aside (QSettings would
replace the link's target).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from planner.storage.safe_files import detach_outside_link, free_name, stamp

VALID_THEMES = ("system", "light", "dark")
SETTINGS_FILE = "settings.ini"


def _regular_or_folder(mode: int) -> bool:
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


class AppSettings:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_FILE
        self.moved_aside: Path | None = None  # a special file or an outside link found in the file's place
        self._make_safe()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.guard: Callable[[], str | None] = lambda: None  # the folder's lock: None while the folder is ours

    def _make_safe(self) -> None:
        try:
            moved = detach_outside_link(self.path, self.path.parent)
            if moved is None and not _regular_or_folder(os.stat(self.path).st_mode):
                moved = free_name(self.path, f"not-a-file-{stamp()}")
                os.rename(self.path, moved)
        except OSError:
            return  # missing (the usual first run), or cannot be moved: QSettings copes with a missing file
        self.moved_aside = moved

    def _sync(self) -> None:
        if self.guard() is not None:
            return  # the data folder is no longer ours: window state is not worth overwriting another copy's
        self._make_safe()
        self._qs.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitters(self) -> dict[str, QByteArray]:
        self._qs.beginGroup("splitters")
        try:
            states = {key: self._qs.value(key) for key in self._qs.childKeys()}
        finally:
            self._qs.endGroup()
        return {k: v for k, v in states.items() if isinstance(v, QByteArray)}

    @property
    def last_tab(self) -> str:
        """The id of the tab open when the window last closed ("" if none): an id, so a tab added before it does
        not move it. (An index saved under window/last_tab by earlier versions is ignored.)"""
        value = self._qs.value("window/last_tab_id", "")
        return value if isinstance(value, str) else ""

    @property
    def theme(self) -> str:
        value = self._qs.value("view/theme", "system")
        return value if value in VALID_THEMES else "system"

    def set_theme(self, theme: str) -> None:
        if theme in VALID_THEMES:
            self._qs.setValue("view/theme", theme)
            self._sync()

    def save_window(
        self, geometry: QByteArray, state: QByteArray, last_tab: str, splitters: dict[str, QByteArray]
    ) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)
        self._qs.setValue("window/last_tab_id", last_tab)
        self._qs.beginGroup("splitters")
        for name, value in splitters.items():
            self._qs.setValue(name, value)
        self._qs.endGroup()
        self._sync()
