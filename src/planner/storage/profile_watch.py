"""Notices when ``profile.json`` disappears while the app runs (deleted by hand, a sync tool, a cleaner).

Watches the data folder rather than the file: an atomic save replaces the file (a new inode), which a watch on the
file itself would lose. ``removed`` is emitted once each time the file goes from present to missing; the app then
writes the profile again from memory.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal


class ProfileFileWatcher(QObject):
    removed = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._present = path.exists()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self.check)
        self._watch()

    def _watch(self) -> None:
        if self.path.parent.is_dir():  # adding a folder already watched changes nothing
            self._watcher.addPath(str(self.path.parent))

    def check(self, *_folder: object) -> None:
        """Compare with the last look; also called after a save (the file is then known to be there)."""
        was_present, self._present = self._present, self.path.exists()
        self._watch()  # the folder may have been made again
        if was_present and not self._present:
            self.removed.emit()  # its slot may save and call check() again: the state is already set
