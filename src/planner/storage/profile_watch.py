"""Notices when ``profile.json`` disappears or changes while the app runs (deleted or edited by hand, a sync tool,
a cleaner, another copy of the app).

Watches the data folder, and the file itself for a change made in place: an atomic save replaces the file (a new
inode), which a watch on the file alone would lose, so the file's watch is renewed after every look. ``removed`` is
emitted once each time the file goes from present to missing (the app then writes the profile again from memory);
``touched`` whenever the folder or the file changed and the file is there (the app then compares it with what it
last read or wrote).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal


class ProfileFileWatcher(QObject):
    removed = Signal()
    touched = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._present = path.exists()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self.check)
        self._watcher.fileChanged.connect(self.check)
        self._watch()

    def _watch(self) -> None:
        if self.path.parent.is_dir():  # adding a folder already watched changes nothing
            self._watcher.addPath(str(self.path.parent))
        if self.path.is_file() and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))

    def check(self, *_folder: object) -> None:
        """Compare with the last look; also called after a save (the file is then known to be there)."""
        was_present, self._present = self._present, self.path.exists()
        self._watch()  # the folder may have been made again
        if was_present and not self._present:
            self.removed.emit()  # its slot may save and call check() again: the state is already set
        elif self._present:
            self.touched.emit()
