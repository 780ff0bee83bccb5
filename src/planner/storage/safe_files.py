"""Reading and writing files in the data folder without being led astray by what is there instead of a file.

* ``read_regular``: opens with ``O_NONBLOCK`` and checks ``fstat`` before reading a byte, so a named pipe, a
  device or a socket where a file should be is refused at once (``NotRegularFileError``) instead of hanging the
  app; a folder in its place raises ``IsADirectoryError``.
* ``write_in_folder``: an atomic save (``write_atomic``) that never follows a symbolic link out of the data folder:
  a link that points elsewhere (or nowhere) is moved aside (renamed; the link's target is never touched) and a
  plain file is written in its place.
* ``clean_stale_temp_files``: temporary files a save left behind when the app was killed half-way.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path


class NotRegularFileError(OSError):
    """Something other than a regular file (a named pipe, a device, a socket) is where a file should be."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the regular file at ``path`` (the caller checks the size).

    Raises FileNotFoundError, IsADirectoryError, NotRegularFileError (never blocks on a pipe) or OSError."""
    # Never waits on a pipe; a terminal never becomes ours (Python's descriptors are never passed on anyway).
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "it is a folder, not a file", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(f"{path.name} is {kind_of(mode)}, not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def leads_outside(path: Path, folder: Path) -> bool:
    """True when ``path`` is a symbolic link whose target is missing or lies outside ``folder``."""
    if not path.is_symlink():
        return False
    try:
        target = path.resolve(strict=True)  # the link exists, so the folder it is in does too
        return not target.is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # dangling, a loop, the folder gone
        return True


def free_name(path: Path, suffix: str) -> Path:
    """``<name>.<suffix>`` beside ``path``, or with -2, -3... appended: never the name of an existing file (or link)."""
    candidate, n = path.with_name(f"{path.name}.{suffix}"), 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.name}.{suffix}-{n}")
    return candidate


def stamp(now: dt.datetime | None = None) -> str:
    """The timestamp in the names of files moved aside: 20261130-221913."""
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")


def detach_outside_link(path: Path, folder: Path, now: dt.datetime | None = None) -> Path | None:
    """If ``path`` is a link leading out of ``folder``, rename the link (never its target) to
    ``<name>.link-<timestamp>`` and return the new name; None when there was nothing to do. Raises OSError."""
    if not leads_outside(path, folder):
        return None
    target = free_name(path, f"link-{stamp(now)}")
    os.rename(path, target)
    return target


def write_in_folder(path: Path, data: bytes) -> None:
    """``write_atomic`` for a file of the data folder (``path.parent``): never writes through a link that leads out
    of it. Raises OSError."""
    from planner.storage.atomic import write_atomic  # QtCore: imported only to write (reading needs no Qt)

    detach_outside_link(path, path.parent)
    write_atomic(path, data)


# QSaveFile's temporary file, where the system offers no unnamed one: "<name>.XXXXXX" (six letters and digits).
_TEMP_SUFFIX = re.compile(r"[A-Za-z0-9]{6}")


def clean_stale_temp_files(folder: Path, names: tuple[str, ...]) -> list[Path]:
    """Remove what an interrupted save of one of ``names`` left in ``folder``; the files removed.

    Call only while holding the folder's lock (no save of ours is running then). A name is taken for a temporary
    file only if it is ``<name>.`` plus six letters and digits with at least one capital or digit (Qt's random
    part), and it is a regular file: ``profile.json.backup`` or any other word a person would choose is kept."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        base, dot, suffix = entry.name.rpartition(".")
        if not dot or base not in names or not _TEMP_SUFFIX.fullmatch(suffix):
            continue
        if suffix.islower() and suffix.isalpha():
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
