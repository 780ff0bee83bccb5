"""Reading and writing files in the data folder without being led astray by what is there instead of a file.

* ``read_regular``: opens with ``O_NONBLOCK`` and checks ``fstat`` before reading a byte, so a named pipe, a
  device or a socket where a file should be is refused at once (``NotRegularFileError``) instead of hanging the
  app; a folder in its place raises ``IsADirectoryError``.
* ``write_in_folder``: an atomic save (``replace_file``) that never follows a symbolic link out of the data folder:
  a link that points elsewhere (or nowhere) is moved aside (renamed; the link's target is never touched) and a
  plain file is written in its place.
* ``replace_file``: the data folder's atomic writer (a new file under a name of the app's own, flushed to disk,
  then renamed over the old one). Its temporary name, ``<name>.ml-career-planner-save-<16 hex digits>.tmp``, is one
  no person would type, so:
* ``clean_stale_temp_files`` removes exactly what a save left behind when the app was killed half-way, and never a
  file someone named (``profile.json.Backup``, ``settings.ini.OLD001``...).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
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
    """``replace_file`` for a file of the data folder (``path.parent``): never writes through a link that leads out
    of it. Raises OSError."""
    detach_outside_link(path, path.parent)
    replace_file(path, data)


# The temporary file of a save of ours. Nobody types "ml-career-planner-save-" and 16 hex digits: what the start
# removes is exactly what the app itself made.
_TEMP_MARK = ".ml-career-planner-save-"
_TEMP_NAME = re.compile(r"(?P<name>.+)\.ml-career-planner-save-[0-9a-f]{16}\.tmp")


def random_hex() -> str:
    """16 random hex digits from the system's source, as ``secrets.token_hex(8)`` makes them (without importing
    ``secrets``, which loads the OpenSSL hash library at start-up)."""
    return os.urandom(8).hex()


def temp_name(name: str) -> str:
    """A new temporary name for a save of ``name``: ``<name>.ml-career-planner-save-<16 hex digits>.tmp``."""
    return f"{name}{_TEMP_MARK}{random_hex()}.tmp"


def _open_new(path: Path) -> int:
    """A new file at ``path`` (never an existing one, never through a link), for writing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, 0o666)  # less the umask, as any new file


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # pragma: no cover - the system raises ENOSPC rather than writing nothing
            raise OSError(errno.ENOSPC, "No space left on device")
        view = view[written:]


def replace_file(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: a new file under ``temp_name`` is written, flushed to disk and renamed over
    ``path``, so after a crash, a power cut or ``kill -9`` at any moment ``path`` holds the old or the new bytes
    (a kill before the rename can leave the temporary file, which the next start removes). An existing file's
    permissions are kept; a symbolic link is followed (its target is replaced, the link stays), as QSaveFile does.

    Raises OSError naming the file and the reason; on any error the temporary file is removed and ``path`` is
    untouched."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = None
    temp = path.with_name(temp_name(path.name))
    try:
        fd = _open_new(temp)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write {path.name}: {exc.strerror or exc}") from None
    try:
        try:
            _write_all(fd, data)
            if mode is not None and hasattr(os, "fchmod"):  # Windows keeps no such permissions
                os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise OSError(exc.errno, f"cannot save {path.name}: {exc.strerror or exc}") from None
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (matters after a power cut, not after a kill); best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder (and needs no folder sync)
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clean_stale_temp_files(folder: Path, names: tuple[str, ...]) -> list[Path]:
    """Remove what an interrupted save of one of ``names`` left in ``folder``; the files removed.

    Call only while holding the folder's lock (no save of ours is running then). Only a regular file named exactly
    as ``temp_name`` names them is removed: every other name stays, whatever it looks like (``profile.json.Backup``,
    ``profile.json.copy01``, a temporary file of another program)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = _TEMP_NAME.fullmatch(entry.name)
        if found is None or found.group("name") not in names:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
