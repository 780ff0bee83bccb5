"""Errors the domain names, so any layer can raise or catch them without importing where they come from.

``DatasetError``: a dataset file could not be used. Storage raises it (reading, parsing, validating a file);
presenters catch it without importing storage. ``ProfileReadOnlyError``, ``FolderLostError`` and
``UnsavableProfileError``: why a save of the profile was not made (the autosave presenter says so).
``TaxDataError``: the bundled tax file could not be used (take-home pay is then not shown; the rest works).
"""

from __future__ import annotations

MAX_LISTED = 12  # problems named in the message; every one is kept in ``problems``


class DatasetError(Exception):
    """A dataset file could not be used; the message says which file, where and why."""

    def __init__(self, file: str, problems: list[tuple[str, str]]) -> None:
        self.file = file
        self.problems = problems
        lines = [f"{path}: {reason}" if path else reason for path, reason in problems[:MAX_LISTED]]
        if len(problems) > MAX_LISTED:
            lines.append(f"and {len(problems) - MAX_LISTED} more problems")
        super().__init__(f"{file}: " + "; ".join(lines))


class ProfileReadOnlyError(OSError):
    """Saving is switched off for this run; the message says why."""


class UnsavableProfileError(ValueError):
    """The profile would not load again from the bytes a save would write (too large, refused by the model): it is
    not written, and the message says why."""


class FolderLostError(ProfileReadOnlyError):
    """The data folder is no longer this window's (its lock was taken or removed, or the folder went away)."""


class TaxDataError(Exception):
    """The bundled tax file could not be used (a broken installation); the message names the file and says why."""
