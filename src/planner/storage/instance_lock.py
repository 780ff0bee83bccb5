"""One writer per data folder: a QLockFile next to the profile.

A second copy of the app on the same folder gets no lock and must not write; a lock left by a crashed copy is
recognised as stale (its process is gone) and taken over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from planner import APP_NAME

LOCK_FILE = "profile.lock"


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILE
        self._lock = QLockFile(str(self.path))
        # The default (30 s) would let a second copy take the lock of a first one that has simply run for a while.
        # With 0 a lock is stale only when the process that holds it is gone.
        self._lock.setStaleLockTime(0)

    def try_lock(self) -> bool:
        return self._lock.tryLock(0)

    def is_locked(self) -> bool:
        return self._lock.isLocked()

    def unlock(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    def refusal_message(self) -> str:
        """Why try_lock() failed, for the user."""
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            holder = ""
            info = self._lock.getLockInfo()
            if isinstance(info, tuple) and len(info) == 3 and info[0]:
                holder = f" (process {info[0]} on {info[1] or 'this computer'})"
            return (
                f"{APP_NAME} is already open with this data folder{holder}:\n{self.data_dir}\n\n"
                "Only one window at a time may change your profile, so this one will close. "
                "Switch to the window that is already open."
            )
        return (
            f"{APP_NAME} cannot create its lock file in the data folder:\n{self.data_dir}\n\n"
            "Check that the folder exists and that you may write to it. "
            "The app will close without changing anything."
        )
