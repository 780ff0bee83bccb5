"""Window state and preferences, kept in ``settings.ini`` inside the data folder.

Keeping it in the data folder (not the system's settings store) means --data-dir isolates it too.

The file follows the profile's ownership rules: it is read once (through QSettings, which reads the files older
versions wrote) and written only by the app, explicitly, through the data folder's atomic writer
(``write_in_folder``), and only while the folder is this window's (``guard``). QSettings never writes it: no sync
behind the app's back (after another copy took the folder over), and a data folder that was deleted is never made
again on close. Before the file is read or written: a named pipe, device or socket in its place is moved aside
(QSettings would block reading it), a symbolic link leading out of the data folder is moved aside (a save would
replace the link's target), and so is a file that is not text or far larger than any the app writes
(``settings.ini.corrupt-<stamp>``: QSettings reads anything as some keys, and it would be replaced unread).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from planner.storage.safe_files import detach_outside_link, free_name, read_regular, stamp, write_in_folder

VALID_THEMES = ("system", "light", "dark")
SETTINGS_FILE = "settings.ini"
MAX_SETTINGS_BYTES = 256 * 1024  # the app writes a few KB: window state, a splitter per tab, the theme
_BYTES = "base64:"  # how a binary value (a window's geometry) is written: QSettings reads it back as this text
_NAME = re.compile(r"[A-Za-z0-9_.-]{1,100}")  # a key written as it is (a splitter's object name)


def _regular_or_folder(mode: int) -> bool:
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


def _as_bytes(value: object) -> QByteArray | None:
    """A binary value as an older version wrote it (QSettings' @ByteArray) or as this one does (base64:...)."""
    if isinstance(value, QByteArray):
        return value if not value.isEmpty() else None
    if isinstance(value, str) and value.startswith(_BYTES):
        try:
            raw = base64.b64decode(value.removeprefix(_BYTES), validate=True)
        except (binascii.Error, ValueError):
            return None
        return QByteArray(raw) if raw else None
    return None


class AppSettings:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_FILE
        self.moved_aside: Path | None = None  # a special file, an outside link or junk found in the file's place
        self.moved_because = ""  # why, for the banner: "was not a plain file of the data folder", ...
        self._make_safe()
        self._window: dict[str, object] = {}
        self._splitters: dict[str, QByteArray] = {}
        self._theme: object = "system"
        self._read()
        self.guard: Callable[[], str | None] = lambda: None  # the folder's lock: None while the folder is ours

    def _make_safe(self) -> None:
        because = "was not a plain file of the data folder"
        try:
            moved = detach_outside_link(self.path, self.path.parent)
            if moved is None and not _regular_or_folder(os.stat(self.path).st_mode):
                moved = free_name(self.path, f"not-a-file-{stamp()}")
                os.rename(self.path, moved)
            elif moved is None and (junk := self._junk()) is not None:  # never replaced unread
                because = f"could not be read ({junk})"
                moved = free_name(self.path, f"corrupt-{stamp()}")
                os.rename(self.path, moved)
        except OSError:
            return  # missing (the usual first run), or cannot be moved: read as empty, replaced at the next save
        self.moved_aside, self.moved_because = moved, because

    def _junk(self) -> str | None:
        """Why the plain file in the settings' place is none the app wrote (far too large, or not text); None when
        it may be (or is not a plain file). Raises OSError."""
        if not self.path.is_file():
            return None
        raw = read_regular(self.path, MAX_SETTINGS_BYTES)
        if len(raw) > MAX_SETTINGS_BYTES:
            return f"it is larger than {MAX_SETTINGS_BYTES // 1024} KB, more than the window's settings ever are"
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return "it is not text"
        return None

    def _read(self) -> None:
        """Everything the file holds, read once; the QSettings object that read it is gone before any write."""
        if not self.path.is_file():
            return
        qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        for key in ("geometry", "state", "last_tab_id"):
            value = qs.value(f"window/{key}")
            if value is not None:
                self._window[key] = value
        self._theme = qs.value("view/theme", "system")
        qs.beginGroup("splitters")
        for key in qs.childKeys():
            value = _as_bytes(qs.value(key))
            if value is not None:
                self._splitters[key] = value
        qs.endGroup()
        del qs  # nothing was set: it has nothing to write

    def _text(self) -> str:
        lines: list[str] = []
        splitters = {k: v for k, v in self._splitters.items() if _NAME.fullmatch(k)}
        if splitters:
            lines += ["[splitters]", *(f"{k}={self._bytes_text(v)}" for k, v in sorted(splitters.items())), ""]
        if self.theme != "system":
            lines += ["[view]", f"theme={self.theme}", ""]
        window = []
        for key in ("geometry", "state"):
            value = _as_bytes(self._window.get(key))
            if value is not None:
                window.append(f"{key}={self._bytes_text(value)}")
        if self.last_tab and _NAME.fullmatch(self.last_tab):
            window.append(f"last_tab_id={self.last_tab}")
        if window:
            lines += ["[window]", *window, ""]
        return "\n".join(lines)

    @staticmethod
    def _bytes_text(value: QByteArray) -> str:
        return _BYTES + base64.b64encode(value.data()).decode("ascii")

    def _sync(self) -> None:
        """Write the file now, whole, if the data folder is still this window's; otherwise nothing is written (window
        state is not worth overwriting another copy's file, or making a deleted folder again)."""
        if self.guard() is not None:
            return
        self._make_safe()
        with contextlib.suppress(OSError):  # a folder gone or full: the window's layout is not worth an error
            write_in_folder(self.path, self._text().encode("utf-8"))

    @property
    def geometry(self) -> QByteArray | None:
        return _as_bytes(self._window.get("geometry"))

    @property
    def window_state(self) -> QByteArray | None:
        return _as_bytes(self._window.get("state"))

    def splitters(self) -> dict[str, QByteArray]:
        return dict(self._splitters)

    @property
    def last_tab(self) -> str:
        """The id of the tab open when the window last closed ("" if none): an id, so a tab added before it does
        not move it. (An index saved under window/last_tab by earlier versions is ignored.)"""
        value = self._window.get("last_tab_id", "")
        return value if isinstance(value, str) else ""

    @property
    def theme(self) -> str:
        return self._theme if isinstance(self._theme, str) and self._theme in VALID_THEMES else "system"

    def set_theme(self, theme: str) -> None:
        if theme in VALID_THEMES:
            self._theme = theme
            self._sync()

    def save_window(
        self, geometry: QByteArray, state: QByteArray, last_tab: str, splitters: dict[str, QByteArray]
    ) -> None:
        self._window.update(geometry=geometry, state=state, last_tab_id=last_tab)
        self._splitters.update(splitters)
        self._sync()
