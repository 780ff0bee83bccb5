"""One writer per data folder: a QLockFile next to the profile.

A second copy of the app on the same folder gets no lock and must not write; a lock left by a crashed copy is
recognised as stale (its process is gone) and taken over. So is a lock file a power cut left empty or garbled
(it names no process, so no running copy can own it). A folder in the lock file's place is reported as what it is.

The holder asks ``lost_reason()`` before every save: the lock file must still be the one it created, and the data
folder the one it opened. When the lock file is simply gone (deleted by hand or by a cleaner), it is taken again
if nobody else has; otherwise the folder is no longer this window's and saving stops.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from PySide6.QtCore import QLockFile

from planner import APP_NAME

LOCK_FILE = "profile.lock"
# A lock file is written within microseconds of being created; one still unreadable after this long is garbage.
UNREADABLE_GRACE_S = 0.3


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILE
        self._lock = self._new_lock()
        self._held: tuple[tuple[int, int] | None, tuple[int, int] | None] | None = None
        self.took_over_unreadable = False  # a garbled or empty lock file was replaced

    def _new_lock(self) -> QLockFile:
        lock = QLockFile(str(self.path))
        # The default (30 s) would let a second copy take the lock of a first one that has simply run for a while.
        # With 0 a lock is stale only when the process that holds it is gone.
        lock.setStaleLockTime(0)
        return lock

    def try_lock(self) -> bool:
        if self.path.is_dir() and not self.path.is_symlink():
            return False  # refusal_message() says a folder is in the way
        if not self._lock.tryLock(0) and not self._take_unreadable():
            return False
        self._remember()
        return True

    def _names_a_process(self) -> bool:
        info = self._lock.getLockInfo()
        return isinstance(info, tuple) and len(info) == 3 and bool(info[0])

    def _take_unreadable(self) -> bool:
        """A lock file that names no process (empty, garbled by a power cut): nobody can hold it; replace it."""
        if self._lock.error() != QLockFile.LockError.LockFailedError or self._names_a_process():
            return False
        try:
            if not stat.S_ISREG(os.lstat(self.path).st_mode):
                return False
        except OSError:
            return self._lock.tryLock(0)  # gone meanwhile
        time.sleep(UNREADABLE_GRACE_S)  # another copy may be between creating its lock file and writing it
        if self._names_a_process():
            return False
        self._lock.removeStaleLockFile()
        if not self._lock.tryLock(0):
            return False
        self.took_over_unreadable = True
        return True

    def _remember(self) -> None:
        self._held = (_identity(self.path), _identity(self.data_dir))

    def is_locked(self) -> bool:
        return self._lock.isLocked()

    def lost_reason(self) -> str | None:
        """None while this window still owns the data folder; otherwise why it does not (for the user)."""
        if self._held is None:
            return "this window does not hold the data folder's lock"
        lock_id, folder_id = self._held
        if _identity(self.data_dir) != folder_id:
            return f"the data folder {self.data_dir} was removed or replaced while the app was running"
        now = _identity(self.path)
        if now == lock_id:
            return None
        if now is None:  # deleted: take it again, unless another copy got there first
            self._lock = self._new_lock()
            if self._lock.tryLock(0):
                self._remember()
                return None
        self._held = (None, folder_id)
        return (
            f"the data folder's lock ({self.path.name}) was removed or taken over while the app was running, "
            "so another copy of the app may now be using the folder"
        )

    def unlock(self) -> None:
        if self._lock.isLocked() and self.lost_reason() is None:
            self._lock.unlock()  # never removes a lock file that is now another copy's

    def refusal_message(self) -> str:
        """Why try_lock() failed, for the user."""
        if self.path.is_dir() and not self.path.is_symlink():
            return (
                f"{APP_NAME} cannot lock its data folder because a folder named {LOCK_FILE} is where its lock "
                f"file belongs:\n{self.path}\n\nNo other copy of the app is using it. Move or rename that folder, "
                "then start the app again. Nothing was changed."
            )
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
