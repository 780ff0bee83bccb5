"""The user's profile on disk: ``profile.json`` in the data folder.

* Saving is atomic (``write_in_folder``: a temporary file renamed over the old), pretty-printed JSON, so a crash
  leaves the old or the new file.
* A file that cannot be used is never deleted and never silently overwritten:
  - not JSON, not a profile, too large or failing validation: moved aside as ``profile.json.corrupt-<timestamp>``,
    the app starts with a fresh profile and says so;
  - written by a newer version (``schema_version`` above ``PROFILE_SCHEMA_VERSION``): left untouched, the app
    runs without saving and says why;
  - an older version: a backup copy (``profile.json.v<N>-backup``) is written first, then it is migrated;
  - cannot be opened at all (permissions, a folder in its place): left alone, the app runs without saving;
  - a named pipe, device or socket in its place: never opened for reading (it could block), moved aside;
  - a newer version is recognised even when the file is too large to read or gives its version as ``4.0``.
* Writes never follow a symbolic link out of the data folder (``write_in_folder``).
* ``guard`` (the folder's lock) is asked before every save; when the folder is no longer ours, saving stops.
* Before every save the file is compared with what this window last read or wrote: a version someone else saved
  (a hand edit, another program, another copy after the lock file was deleted) is kept beside it as
  ``profile.json.changed-outside-<timestamp>``, never saved over unseen; with nothing unsaved in the window,
  ``reload_if_changed`` gives their version to show instead.
* Ticked skills the dataset does not know are kept (``Profile.skills`` is a plain mapping).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planner import APP_NAME
from planner.domain.errors import FolderLostError, ProfileReadOnlyError, UnsavableProfileError
from planner.domain.profile import PROFILE_SCHEMA_VERSION, Profile
from planner.storage.profile_migrations import migrate
from planner.storage.safe_files import NotRegularFileError, free_name, read_regular, stamp, write_in_folder

PROFILE_FILE = "profile.json"
# One size rule for load, import and save: the file's bytes, as saved (indented). The largest profile the model
# allows (MAX_TICKED ticks, 20 scenarios and the profile each with MAX_PLANNED planned skills, every id and name at
# its longest) is about 6 MB, and save() refuses to write what would not load again.
MAX_PROFILE_BYTES = 8 * 1024 * 1024


# Saving's errors live in the domain (the autosave presenter catches them without importing storage).
__all__ = ["FolderLostError", "ProfileReadOnlyError", "UnsavableProfileError"]


class LoadStatus(enum.Enum):
    NEW = "new"  # no profile yet
    LOADED = "loaded"
    MIGRATED = "migrated"  # an older format, backed up and brought up to date
    QUARANTINED = "quarantined"  # unusable, moved aside; a fresh profile
    NEWER_VERSION = "newer-version"  # left untouched; read-only run
    UNREADABLE = "unreadable"  # could not be opened or moved aside; read-only run


@dataclass(frozen=True)
class LoadResult:
    profile: Profile
    status: LoadStatus
    message: str | None = None  # for the user; None when there is nothing to say
    moved_to: Path | None = None
    backup: Path | None = None

    @property
    def read_only(self) -> bool:
        return self.status in (LoadStatus.NEWER_VERSION, LoadStatus.UNREADABLE)


class _UnusableError(Exception):
    """The file's bytes are not a profile this version can use; the message is the reason, for the user."""


def encode_profile(profile: Profile) -> bytes:
    return (profile.model_dump_json(indent=2) + "\n").encode()


def _first_errors(exc: ValidationError, limit: int = 3) -> str:
    parts = []
    for err in exc.errors(include_url=False)[:limit]:
        # A key from the file is data: one with a line break or other control character is shown quoted. Never
        # empty: the profile is always an object.
        where = ".".join(str(p) if str(p).isprintable() else repr(p) for p in err["loc"])
        parts.append(f"{where}: {err['msg'].removeprefix('Value error, ')}")
    more = exc.error_count() - limit
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict; a key given twice is refused (json would silently keep the last one)."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKeyError(key)
        data[key] = value
    return data


def _shown_key(key: str) -> str:
    """A key from a file, for a message: as it is when printable, else escaped."""
    return f'"{key}"' if key.isprintable() and len(key) <= 60 else ascii(key)[:62]


def _version_of(data: dict[str, Any]) -> int:
    """The format version a profile names: a whole number (5 or 5.0), or above ours in any form (a newer format,
    never a broken file); _UnusableError when there is none."""
    version = data.get("schema_version")
    if type(version) is float and version.is_integer() and version <= PROFILE_SCHEMA_VERSION:
        version = int(version)  # 5.0 is 5: read, written back as 5
    elif type(version) is float and version > PROFILE_SCHEMA_VERSION:
        return PROFILE_SCHEMA_VERSION + 1  # 6.0 or 4.5e9 from a newer app, like 6
    if type(version) is not int or version < 1:
        raise _UnusableError("it has no valid format version (schema_version)")
    return version


def _decode(raw: bytes) -> tuple[dict[str, Any], int]:
    """The JSON object and its format version, or _UnusableError."""
    if not raw.strip():
        raise _UnusableError("the file is empty")
    try:
        data = json.loads(raw, object_pairs_hook=_no_duplicate_keys)
    except UnicodeDecodeError:
        raise _UnusableError("it is not text") from None
    except json.JSONDecodeError as exc:
        msg = exc.msg.lower()  # "unterminated string starting at" reads on into the line, others end there
        where = f" line {exc.lineno}" if msg.endswith(" at") else f", line {exc.lineno}"
        raise _UnusableError(f"it is not valid JSON: {msg}{where}") from None
    except _DuplicateKeyError as exc:
        raise _UnusableError(f"it gives {_shown_key(exc.key)} twice, so it is not clear which one is meant") from None
    except (ValueError, RecursionError):
        raise _UnusableError("it is not valid JSON") from None
    if not isinstance(data, dict):
        raise _UnusableError("it does not contain a profile")
    version = _version_of(data)
    if version <= PROFILE_SCHEMA_VERSION:
        data["schema_version"] = version
    return data, version


_VERSION_FIELD = re.compile(rb'"schema_version"\s*:\s*(-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)')


def _looks_newer(raw: bytes) -> bool:
    """A file too large to parse whose first ``schema_version`` is above ours: left untouched, like any newer
    profile (a wrong guess only means a read-only run, never a moved or lost file)."""
    found = _VERSION_FIELD.search(raw)  # the pattern only matches numbers float() reads
    return found is not None and float(found.group(1)) > PROFILE_SCHEMA_VERSION


class ProfileFormatError(ValueError):
    """Bytes that are not a profile this version can use; the message is the reason, for the user."""


class NewerProfileError(ProfileFormatError):
    """A profile written by a newer version of the app."""


def decode_profile(raw: bytes, known_on: dt.date) -> tuple[Profile, int]:
    """The profile in ``raw`` and the format version it was written in (older formats are migrated, with
    ``known_on`` as the date of ticks that had none). Raises ProfileFormatError, never anything else.

    The one path every profile takes on its way in: ``ProfileStore.load`` and File > Import profile.
    """
    if len(raw) > MAX_PROFILE_BYTES:
        if _looks_newer(raw):
            raise NewerProfileError(f"it was saved by a newer version of {APP_NAME}")
        raise ProfileFormatError(ProfileStore._too_large())
    try:
        data, version = _decode(raw)
    except _UnusableError as exc:
        raise ProfileFormatError(str(exc)) from None
    if version > PROFILE_SCHEMA_VERSION:
        raise NewerProfileError(
            f"it was saved by a newer version of {APP_NAME} (profile format {_newer_version(raw)}; this version reads "
            f"formats up to {PROFILE_SCHEMA_VERSION})"
        )
    older = f"it is an older format (version {version}) with errors" if version < PROFILE_SCHEMA_VERSION else ""
    try:
        if older:
            return Profile.model_validate(migrate(data, version, known_on)), version
        return Profile.model_validate(data), version
    except ValidationError as exc:
        raise ProfileFormatError(
            f"{older}: {_first_errors(exc)}" if older else f"it does not fit the profile format: {_first_errors(exc)}"
        ) from None
    except (ValueError, TypeError, KeyError, RecursionError):
        raise ProfileFormatError(older or "it does not fit the profile format") from None


def _newer_version(raw: bytes) -> str:
    """The format version a newer profile names, for the message."""
    found = _VERSION_FIELD.search(raw)
    if found is None:
        return "unknown"
    text = found.group(1).decode("ascii")
    whole = re.fullmatch(r"(-?[0-9]+)(?:\.0*)?", text)  # 6.0 is 6; every digit of a huge one as written
    return whole.group(1) if whole else text


def file_date(path: Path, today: Callable[[], dt.date] = dt.date.today) -> dt.date:
    """The day ``path`` was last written: the date ticks of a format without dates get. A time the calendar cannot
    hold (past year 9999, before year 1) or a file that cannot be looked at gives today: never a reason to refuse.
    Raises nothing."""
    try:
        return dt.date.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return today()


class ProfileStore:
    """Reads and writes ``profile.json`` in one data folder. Hold the folder's DataDirLock while using it."""

    def __init__(
        self,
        data_dir: Path,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        guard: Callable[[], str | None] = lambda: None,
        read_only: str | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.path = data_dir / PROFILE_FILE
        self._now = now
        # Asked before every write: None while the data folder is still ours, else why it is not (then saving stops).
        self._guard = guard
        # Why nothing may be written in this folder at all (a read-only or full disk): then load() moves, backs up
        # and migrates nothing either, and the run is read-only from the start.
        self._no_writes = read_only
        self.read_only_reason: str | None = read_only
        # profile.json's bytes as this window last read or wrote them, or None when there was no file: before every
        # save the file is compared with them, so a change made outside the app is never saved over unseen. (The
        # bytes, not a digest: exact, and no hash library to load at start-up.)
        self._seen: bytes | None = None

    # --- saving --------------------------------------------------------------------------------------------

    def save(self, profile: Profile) -> str | None:
        """Write the profile atomically; raises OSError (ProfileReadOnlyError when saving is switched off) or
        UnsavableProfileError (what would be written would not load again). When profile.json was changed outside
        this window since it was last read or written, that version is first kept beside it
        (``profile.json.changed-outside-<timestamp>``) and the sentence saying so is returned; otherwise None."""
        if self.read_only_reason is not None:
            raise ProfileReadOnlyError(self.read_only_reason)
        note = None
        data = self._loadable(profile)
        self._check_folder()
        if self.changed_outside() is not None:  # both are kept: theirs beside it, ours in its place
            kept = self._keep_aside(f"changed-outside-{self._timestamp()}")
            note = (
                f"Your profile file {PROFILE_FILE} was changed outside this window (by hand, by another program or "
                f"by another copy of the app) while this window had changes of its own. Both are kept: that version "
                f"as {kept.name} in {self.data_dir}, and this window's, with your latest changes, as {PROFILE_FILE}."
            )
        write_in_folder(self.path, data)
        self._seen = data
        return note

    def changed_outside(self) -> bytes | None:
        """profile.json's bytes when it is no longer what this window last read or wrote (edited by hand, by another
        program, by another copy of the app); None when it is the same, gone (a save writes it again) or cannot be
        read (a save then replaces it, as before)."""
        try:
            raw = read_regular(self.path, 4 * MAX_PROFILE_BYTES)
        except OSError:
            return None
        return None if raw == self._seen else raw

    def reload_if_changed(self) -> tuple[Profile, str] | None:
        """With nothing unsaved in the window: the profile someone else saved in profile.json, and a sentence saying
        so; None when the file is unchanged, or changed into something this version cannot use (then it is left,
        and a later save keeps it beside this window's)."""
        if self.read_only_reason is not None:
            return None
        raw = self.changed_outside()
        if raw is None:
            return None
        try:
            profile, version = decode_profile(raw, self._known_on())
        except ProfileFormatError:
            return None
        if version != PROFILE_SCHEMA_VERSION:
            return None  # an older format wants a backup first: left for a save to keep beside this window's
        self._seen = raw
        return profile, (
            f"Your profile file {PROFILE_FILE} was changed outside this window (by hand, by another program or by "
            "another copy of the app); the window now shows that version. Nothing was saved over it."
        )

    def _loadable(self, profile: Profile) -> bytes:
        """The bytes a save writes, once checked to load again through the same path as a start or an import."""
        try:
            data = encode_profile(profile)
            decode_profile(data, self._now().date())
        except ProfileFormatError as exc:
            raise UnsavableProfileError(f"it could not be read back ({exc}), so it was not written") from None
        except (ValueError, TypeError) as exc:  # a text the encoder refuses (pydantic's serialization error)
            raise UnsavableProfileError(f"it could not be written as JSON ({exc})") from None
        return data

    def _check_folder(self) -> None:
        lost = self._guard()
        if lost is not None:
            self.read_only_reason = lost
            raise FolderLostError(lost)

    def keep_copy(self, profile: Profile, label: str) -> Path:
        """Write ``profile`` beside profile.json as ``profile.json.<label>-<timestamp>`` (a new name, never an
        existing file's) and return where it went; raises OSError."""
        data = self._loadable(profile)
        self._check_folder()
        target = free_name(self.path, f"{label}-{self._timestamp()}")
        write_in_folder(target, data)
        return target

    # --- loading -------------------------------------------------------------------------------------------

    def load(self) -> LoadResult:
        """The saved profile, or a fresh one with a message saying what happened to the file. Never raises."""
        self.read_only_reason = self._no_writes
        try:
            raw = self._read()
        except FileNotFoundError:
            return LoadResult(Profile(), LoadStatus.NEW)
        except _UnusableError as exc:
            return self._quarantine(str(exc))
        except OSError as exc:
            return self._read_only(
                LoadStatus.UNREADABLE,
                f"Your profile {self.path} could not be opened ({exc.strerror or exc}). "
                "It was left as it is, and changes you make now will not be saved.",
                "the profile file could not be opened",
            )
        try:
            profile, version = decode_profile(raw, self._known_on())
        except NewerProfileError:
            newer = _newer_version(raw)
            return self._read_only(
                LoadStatus.NEWER_VERSION,
                f"Your profile was saved by a newer version of {APP_NAME} (profile format {newer}; this "
                f"version reads formats up to {PROFILE_SCHEMA_VERSION}). It was left untouched, and changes "
                "you make now will not be saved. Update the app to continue with your saved progress.",
                f"the profile was saved by a newer version of {APP_NAME}",
            )
        except ProfileFormatError as exc:
            return self._quarantine(str(exc))
        if version < PROFILE_SCHEMA_VERSION:
            return self._migrated(raw, profile, version)
        self._seen = raw
        return LoadResult(profile, LoadStatus.LOADED)

    def _known_on(self) -> dt.date:
        """The date a tick from a format without dates gets: the day the file was last written."""
        return file_date(self.path, lambda: self._now().date())

    def _read(self) -> bytes:
        try:
            # Up to 4 MB, so a newer version's large profile is still recognised (and left untouched).
            raw = read_regular(self.path, 4 * MAX_PROFILE_BYTES)
        except NotRegularFileError as exc:
            raise _UnusableError(f"{exc}; it was not opened") from None
        if len(raw) > MAX_PROFILE_BYTES and not _looks_newer(raw):
            raise _UnusableError(self._too_large())
        return raw

    @staticmethod
    def _too_large() -> str:
        return f"it is larger than {MAX_PROFILE_BYTES // 1024 // 1024} MB, more than any profile can be"

    def _read_only(
        self, status: LoadStatus, message: str | None, reason: str, profile: Profile | None = None
    ) -> LoadResult:
        self.read_only_reason = reason
        return LoadResult(profile if profile is not None else Profile(), status, message)

    def _timestamp(self) -> str:
        return stamp(self._now())

    def _keep_aside(self, label: str) -> Path:
        """Keep profile.json as it is now under a new name ``profile.json.<label>`` (a hard link: the file stays
        in place until a save replaces it), never replacing an existing file; raises OSError."""
        for _attempt in range(100):
            target = free_name(self.path, label)
            try:
                os.link(self.path, target)
            except FileExistsError:
                continue
            except OSError:  # a file system without hard links: a copy of its bytes
                raw = read_regular(self.path, 4 * MAX_PROFILE_BYTES)
                if len(raw) > 4 * MAX_PROFILE_BYTES:
                    raise OSError(f"{PROFILE_FILE} is too large to keep a copy of") from None
                write_in_folder(target, raw)
            return target
        raise OSError("no free name to keep the file under")

    def _move_aside(self) -> Path:
        """Rename profile.json to a new corrupt-<timestamp> name without ever replacing an existing file."""
        for _attempt in range(100):
            target = free_name(self.path, f"corrupt-{self._timestamp()}")
            try:
                os.link(self.path, target)  # fails if target exists: no overwrite, even in a race
            except FileExistsError:
                continue
            except OSError:
                # A file system without hard links: rename, having just checked the name is free.
                if target.exists():
                    continue
                os.rename(self.path, target)
                return target
            os.unlink(self.path)
            return target
        raise OSError("no free name to move the file to")

    def _quarantine(self, reason: str) -> LoadResult:
        if self._no_writes is not None:
            return self._read_only(
                LoadStatus.UNREADABLE,
                f"Your profile could not be read ({reason}). It was left as it is in {self.data_dir}.",
                self._no_writes,
            )
        try:
            target = self._move_aside()
        except OSError as exc:
            return self._read_only(
                LoadStatus.UNREADABLE,
                f"Your profile could not be read ({reason}) and could not be moved aside "
                f"({exc.strerror or exc}). It was left as it is in {self.data_dir}, and changes you make "
                "now will not be saved.",
                "the unreadable profile could not be moved aside",
            )
        return LoadResult(
            Profile(),
            LoadStatus.QUARANTINED,
            f"Your saved profile could not be read ({reason}). It was moved aside as {target.name} in "
            f"{self.data_dir} (nothing was deleted), and the app started with an empty profile.",
            moved_to=target,
        )

    def _migrated(self, raw: bytes, profile: Profile, version: int) -> LoadResult:
        self._seen = raw
        if self._no_writes is not None:  # shown as read, the file left in its older format
            return self._read_only(LoadStatus.MIGRATED, None, self._no_writes, profile)
        backup = free_name(self.path, f"v{version}-backup")
        try:
            write_in_folder(backup, raw)
        except OSError as exc:
            return self._read_only(
                LoadStatus.UNREADABLE,
                f"Your profile is in an older format (version {version}) and no backup copy of it could be "
                f"written ({exc}). It was left untouched, and changes you make now will not be saved.",
                "no backup copy of the older profile could be written",
                profile,
            )
        message = (
            f"Your profile was updated from format {version} to format {PROFILE_SCHEMA_VERSION}; the old file "
            f"was kept as {backup.name}."
        )
        try:
            self.save(profile)
        except OSError as exc:
            message += f" The updated profile could not be saved yet ({exc}); it will be saved with your next change."
        return LoadResult(profile, LoadStatus.MIGRATED, message, backup=backup)
