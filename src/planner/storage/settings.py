"""Window state and preferences, kept with QSettings in an INI file inside the data folder.

Keeping it in the data folder (not the system's settings store) means --data-dir isolates it too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

VALID_THEMES = ("system", "light", "dark")


class AppSettings:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "settings.ini"
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

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
    def last_tab(self) -> int:
        value = self._qs.value("window/last_tab", 0)
        try:
            return max(0, int(value))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return 0

    @property
    def theme(self) -> str:
        value = self._qs.value("view/theme", "system")
        return value if value in VALID_THEMES else "system"

    def set_theme(self, theme: str) -> None:
        if theme in VALID_THEMES:
            self._qs.setValue("view/theme", theme)
            self._qs.sync()

    def save_window(
        self, geometry: QByteArray, state: QByteArray, last_tab: int, splitters: dict[str, QByteArray]
    ) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)
        self._qs.setValue("window/last_tab", last_tab)
        self._qs.beginGroup("splitters")
        for name, value in splitters.items():
            self._qs.setValue(name, value)
        self._qs.endGroup()
        self._qs.sync()
