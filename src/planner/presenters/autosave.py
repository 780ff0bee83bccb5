"""Saves the profile shortly after each change and when the window closes; a failed save is retried, never dropped.

The save itself is injected (``ProfileStore.save`` in the app), so this knows nothing about files.
What happened is said in one short line for the status bar: "Saved at 15:42", "Could not save: disk full.
Retrying." (never a modal dialog); ``detail`` holds the full reason for a tooltip.
"""

from __future__ import annotations

import datetime as dt
import errno
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from planner.domain.errors import FolderLostError, UnsavableProfileError
from planner.domain.profile import Profile
from planner.presenters.session import Part, ProfileChange, ProfileSession

SAVE_DELAY_MS = 400  # a burst of ticks becomes one write, and no change waits more than this
RETRY_DELAY_MS = 5000


def short_reason(exc: Exception) -> str:
    """Why a save failed, in a few words: "disk full", "permission denied"... or the system's own words."""
    if isinstance(exc, UnsavableProfileError):
        return "the profile would not load again as it is"
    if not isinstance(exc, OSError):
        return "an unexpected error"
    text = str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left" in text or "disk may be full" in text:
        return "disk full"
    if exc.errno in (errno.EACCES, errno.EPERM) or "Permission denied" in text:
        return "permission denied"
    if exc.errno == errno.EROFS or "Read-only file system" in text:
        return "the disk is read-only"
    return exc.strerror or text


class ProfileAutosaver(QObject):
    # One line for the status bar after every save and every failure, or why nothing is saved.
    message = Signal(str)
    saved = Signal()
    # Saving stopped for the rest of the session (the data folder is no longer this window's): a sentence for the
    # banner. The changes stay in the window; File > Export profile... saves them elsewhere.
    stopped = Signal(str)
    # Something the user must know that is no failure (profile.json changed outside the window: reloaded, or kept
    # beside this window's): a sentence for the banner.
    notice = Signal(str)

    def __init__(
        self,
        session: ProfileSession,
        save: Callable[[Profile], str | None],
        *,
        reload: Callable[[], tuple[Profile, str] | None] = lambda: None,
        read_only_reason: str | None = None,
        delay_ms: int = SAVE_DELAY_MS,
        retry_ms: int = RETRY_DELAY_MS,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self.detail = ""  # the full reason of the last failure (for a tooltip); empty after a good save
        self._session = session
        self._save = save  # returns a sentence for the banner, or None
        self._reload = reload  # someone else's newer profile.json and a sentence, or None
        self._reloading = False
        self._read_only_reason = read_only_reason
        self._retry_ms = retry_ms
        self._delay_ms = delay_ms
        self._dirty = False
        self.lost = False  # saving stopped because the data folder is no longer ours (changes only in the window)
        # A run that never saves (read-only from the start): the profile as it opened, so quitting can tell whether
        # anything typed since exists only in the window.
        self._opened_as = session.profile
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        session.subscribe(self, Part.ALL, self._on_changed)

    @property
    def delay_ms(self) -> int:
        """The longest a change waits before it is written."""
        return self._delay_ms

    @property
    def next_save_in_ms(self) -> int:
        """Milliseconds until the pending save is written, or -1 when none is pending."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    @property
    def dirty(self) -> bool:
        """True while a change has not reached the disk."""
        return self._dirty

    @property
    def not_saving_reason(self) -> str | None:
        """Why nothing is saved any more (a read-only run, or the data folder lost); None while saving works."""
        return self._read_only_reason

    @property
    def unsaved(self) -> bool:
        """True while the window holds a change that is on no disk: not yet written, refused, or made in a run
        that never saves (then compared with the profile as it opened, so a change undone again counts as none)."""
        if self._dirty:
            return True
        return self._read_only_reason is not None and self._session.profile != self._opened_as

    def _on_changed(self, _change: ProfileChange) -> None:
        if not self._reloading:  # the profile just read from the file needs no save
            self.request_save()

    def check_outside(self) -> None:
        """profile.json may have changed outside the window: with nothing unsaved, show that version and say so.
        With unsaved changes nothing happens now: the next save keeps both."""
        if self._dirty or self._read_only_reason is not None:
            return
        found = self._reload()
        if found is None:
            return
        profile, sentence = found
        self._reloading = True
        try:
            # The step's name starts the Projection tab's headline: "Changes made outside the app: +$…". (Edit > Undo
            # never names it: the stack is cleared below.)
            self._session.load(profile, "changes made outside the app")
        finally:
            self._reloading = False
        self._session.undo_stack.clear()  # its steps were about the version that is gone
        self.message.emit("Your profile was changed outside the app; showing that version.")
        self.notice.emit(sentence)

    def request_save(self) -> None:
        """Save the current profile soon even if it did not change (a first run that keeps the defaults)."""
        if self._read_only_reason is not None:
            self.detail = self._read_only_reason
            self.message.emit(f"Changes are not being saved: {self._read_only_reason}.")
            return
        self._dirty = True
        if not self._timer.isActive():  # do not push a pending save further away: at most delay_ms after a change
            self._timer.start(self._delay_ms)

    def flush(self) -> bool:
        """Save now if anything is unsaved; True when the disk holds the current profile."""
        self._timer.stop()
        if not self._dirty or self._read_only_reason is not None:
            return not self._dirty
        profile = self._session.profile
        try:
            note = self._save(profile)
        except FolderLostError as exc:
            self._read_only_reason = str(exc)
            self.lost = True
            self.detail = (
                f"Saving stopped: {exc}. Your changes are kept in this window; use File > Export profile... to "
                "save them elsewhere."
            )
            self.message.emit("Not saving: the data folder is no longer this window's.")
            self.stopped.emit(self.detail)
            return False
        except Exception as exc:  # any failure, not only the disk's: said, retried, and Quit asks
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
            self.detail = (
                f"Could not save your profile ({reason}). Your changes are kept in this window and "
                f"saving will be tried again every {max(self._retry_ms // 1000, 1)} seconds."
            )
            self.message.emit(f"Could not save: {short_reason(exc)}. Retrying.")
            self._timer.start(self._retry_ms)
            return False
        # A change made during the save (not possible today: saves are synchronous) would have set dirty again.
        self._dirty = self._session.profile is not profile
        self.detail = ""
        self.message.emit(f"Saved at {self._now():%H:%M}")
        if note:
            self.notice.emit(note)
        self.saved.emit()
        return not self._dirty

    def save_again(self, reason: str) -> None:
        """The file on disk was lost (deleted while the app runs): write the profile again from memory now; a
        failure is reported and retried like any failed save. ``reason`` starts the status bar message."""
        if self._read_only_reason is not None:
            return
        self._dirty = True
        if self.flush():
            self.message.emit(f"{reason} It was written again from this window; nothing was lost.")
