"""One writer per data folder: ``profile.lock`` next to the profile, held with an advisory lock of the system.

The lock is the system's (``flock``, ``msvcrt.locking`` on Windows) on that file, not the file's content, so:
* a copy that crashed, was killed or lost power holds nothing: the system released its lock, and the file it
  left (whatever it holds: a process id, nothing, garbage from a power cut) is simply taken over;
* a second copy on the same folder finds the lock held and must not write; the file names the holder's process
  for the message (Qt's QLockFile takes the same ``flock`` on its lock file, so older versions of the app are
  recognised as holders too);
* a folder where the lock file belongs is reported as what it is.

The holder asks ``lost_reason()`` before every save: the lock file must still be the one it locked, and the
data folder the one it opened. When the lock file is gone (deleted by hand or by a cleaner) it is taken again if
nobody else has; when another copy holds a new one, or the folder was removed or replaced, the folder is no
longer this window's and saving stops. ``unlock()`` removes the lock file only while it is still ours.

Not QLockFile: it removes its lock file by name when destroyed, which after a takeover is the other copy's.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
from pathlib import Path

from planner import APP_NAME

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = "profile.lock"


def _identity(st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)


def _path_identity(path: Path) -> tuple[int, int] | None:
    try:
        return _identity(os.lstat(path))
    except OSError:
        return None


def _lock_fd(fd: int) -> bool:
    """Take the system's exclusive lock on ``fd`` without waiting; False when another process holds it."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
            return False
        raise
    return True


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILE
        self._fd: int | None = None
        self._folder: tuple[int, int] | None = None
        self._error: str = ""  # "held", "folder" or the system's reason, for refusal_message()
        self.took_over_unreadable = False  # the file we locked held no valid holder (empty, garbled)

    # --- taking and giving back -------------------------------------------------------------------------------

    def try_lock(self) -> bool:
        if self._fd is not None:
            return True
        for _attempt in range(5):
            try:
                fd = os.open(
                    self.path,
                    os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0),  # Python's descriptors are never inherited
                    0o644,
                )
            except IsADirectoryError:
                self._error = "folder"
                return False
            except OSError as exc:  # a folder in its place raised IsADirectoryError above
                self._error = exc.strerror or str(exc)
                return False
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    self._error = "not a regular file"
                    os.close(fd)
                    return False
                if not _lock_fd(fd):
                    self._error = "held"
                    os.close(fd)
                    return False
                # The file may have been removed by its last holder between our open and our lock: lock the one
                # that is there now.
                if _path_identity(self.path) != _identity(os.fstat(fd)):
                    os.close(fd)
                    continue
                self.took_over_unreadable = not self._names_a_process(fd)
                self._write_holder(fd)
            except OSError as exc:
                os.close(fd)
                self._error = exc.strerror or str(exc)
                return False
            self._fd = fd
            try:
                self._folder = _identity(os.stat(self.data_dir))
            except OSError:
                self._folder = None
            return True
        self._error = "held"
        return False

    @staticmethod
    def _names_a_process(fd: int) -> bool:
        try:  # just opened: read from the start
            first = os.read(fd, 64).split(b"\n", 1)[0].strip()
        except OSError:
            return False
        return first.isdigit() and int(first) > 0

    @staticmethod
    def _write_holder(fd: int) -> None:
        """Who holds the lock, for another copy's message (QLockFile's layout: pid, app name, host)."""
        text = f"{os.getpid()}\n{APP_NAME}\n{socket.gethostname()}\n".encode()
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text)
        os.ftruncate(fd, len(text))  # nothing of a longer earlier holder is left

    def is_locked(self) -> bool:
        return self._fd is not None

    def unlock(self) -> None:
        if self._fd is None:
            return
        try:
            if _path_identity(self.path) == _identity(os.fstat(self._fd)):
                os.unlink(self.path)  # only ours: never a lock file another copy made after ours was lost
        except OSError:
            pass
        os.close(self._fd)  # releases the system's lock
        self._fd = None

    # --- still ours? ------------------------------------------------------------------------------------------

    def lost_reason(self) -> str | None:
        """None while this window still owns the data folder; otherwise why it does not (for the user)."""
        if self._fd is None:
            return "this window does not hold the data folder's lock"
        try:
            folder = _identity(os.stat(self.data_dir))
        except OSError:
            folder = None
        if folder is None or folder != self._folder:
            return f"the data folder {self.data_dir} was removed or replaced while the app was running"
        ours = _identity(os.fstat(self._fd))
        now = _path_identity(self.path)
        if now == ours:
            return None
        if now is None:  # deleted: take it again, unless another copy got there first
            old = self._fd
            self._fd = None
            if self.try_lock():
                os.close(old)
                return None
            self._fd = old
        return (
            f"the data folder's lock ({self.path.name}) was removed or taken over while the app was running, "
            "so another copy of the app may now be using the folder"
        )

    # --- for the user -------------------------------------------------------------------------------------------

    def _holder(self) -> str:
        try:
            lines = self.path.read_bytes()[:512].decode("utf-8", "replace").splitlines()
        except OSError:
            return ""
        if lines and lines[0].strip().isdigit():
            host = lines[2].strip() if len(lines) > 2 else ""
            return f" (process {lines[0].strip()} on {host or 'this computer'})"
        return ""

    def refusal_message(self) -> str:
        """Why try_lock() failed, for the user."""
        if self._error == "folder":
            return (
                f"{APP_NAME} cannot lock its data folder because a folder named {LOCK_FILE} is where its lock "
                f"file belongs:\n{self.path}\n\nNo other copy of the app is using it. Move or rename that folder, "
                "then start the app again. Nothing was changed."
            )
        if self._error == "held":
            return (
                f"{APP_NAME} is already open with this data folder{self._holder()}:\n{self.data_dir}\n\n"
                "Only one window at a time may change your profile, so this one will close. "
                "Switch to the window that is already open."
            )
        return (
            f"{APP_NAME} cannot create its lock file in the data folder ({self._error or 'unknown reason'}):\n"
            f"{self.data_dir}\n\nCheck that the folder exists and that you may write to it. "
            "The app will close without changing anything."
        )
