"""Files the user takes out of the app (charts, the projection as CSV, the profile, the PDF report) and the
profile they bring back in.

Every export is written atomically (``write_atomic``) and never replaces an existing file unless the caller says
the user agreed to it. Rendering happens in the views and the figures come from the presenters: this module only
turns bytes into files and files into a validated profile.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from planner.domain.profile import Profile
from planner.storage.atomic import write_atomic
from planner.storage.dataset_file import resource_root
from planner.storage.export_target import export_refusal
from planner.storage.profile_store import (
    MAX_PROFILE_BYTES,
    ProfileFormatError,
    decode_profile,
    encode_profile,
    file_date,
)
from planner.storage.safe_files import NotRegularFileError, read_regular


class ExportError(OSError):
    """A file could not be written or read; the message says which file and why, for the user."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def write_export(path: Path, data: bytes, *, replace: bool, data_dir: Path | None = None) -> Path:
    """Write ``data`` to ``path`` atomically. An existing file is replaced only when ``replace`` is True
    (the user agreed); otherwise FileExistsError. A target ``export_refusal`` refuses (a file of ``data_dir``, a
    link, a pipe or device, a read-only file) and other failures raise ExportError."""
    if not replace and (path.exists() or path.is_symlink()):
        raise FileExistsError(f"{path} already exists")
    if path.is_dir():
        raise ExportError(f"{path} is a folder")
    refusal = export_refusal(path, data_dir)
    if refusal is not None:
        raise ExportError(refusal)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise ExportError(f"Could not write {path}: {_reason(exc)}") from None
    return path


# A spreadsheet takes a cell that starts with one of these for a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell as it may go into a CSV file: numbers stay numbers (-1200 is a number, not a formula); any text that a
    spreadsheet would take for a formula (``=HYPERLINK(...)``, ``-1200 foo``, ``@SUM``, a leading tab) gets a leading
    apostrophe, so it is shown as the text it is, whatever its source (a data pack, a scenario's name, an employer)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def encode_csv(header: Sequence[object], rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8 CSV with a header row, as spreadsheets read it (RFC 4180: lines end in CR LF, so a cell holding a
    carriage return is quoted too); every cell passes through ``csv_cell``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_cell(cell) for cell in header])
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8")


# Excel opens a CSV file as UTF-8 only when it starts with a byte-order mark (otherwise in the system's code page:
# "Zürich" becomes "ZÃ¼rich"); LibreOffice and Python's "utf-8-sig" read the mark and drop it.
BOM = "\ufeff"


def encode_csv_blocks(blocks: Iterable[Sequence[Sequence[object]]]) -> bytes:
    """A CSV file of several blocks (each a list of rows; one empty line between blocks), UTF-8 with a byte-order
    mark, lines ending in CR LF, every cell through ``csv_cell`` (the blocks before and after the table too)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for n, block in enumerate(blocks):
        if n:
            writer.writerow([])
        writer.writerows([csv_cell(cell) for cell in row] for row in block)
    return (BOM + out.getvalue()).encode("utf-8")


def encode_profile_export(profile: Profile) -> bytes:
    """The profile exactly as ``profile.json`` holds it, so an export can be imported again (or copied in place)."""
    return encode_profile(profile)


def read_profile_import(path: Path) -> Profile:
    """Read and validate a profile file through the same path ``profile.json`` takes on start-up.

    Raises ExportError with a sentence for the user when the file cannot be read or is not a usable profile.
    """
    try:
        raw = read_regular(path, MAX_PROFILE_BYTES)  # a named pipe or device is refused, never waited on
        if len(raw) > MAX_PROFILE_BYTES:
            raise ExportError(f"{path.name} is not a profile: it is larger than any profile could be.")
        known_on = file_date(path)
    except ExportError:
        raise
    except NotRegularFileError as exc:
        raise ExportError(f"{exc}, so it was not read.") from None
    except (OSError, ValueError, OverflowError) as exc:
        reason = _reason(exc) if isinstance(exc, OSError) else str(exc)
        raise ExportError(f"{path.name} could not be read: {reason}.") from None
    try:
        profile, _version = decode_profile(raw, known_on)
    except ProfileFormatError as exc:
        raise ExportError(f"{path.name} is not a profile this app can use: {exc}.") from None
    return profile


def help_document(name: str) -> str:
    """A Markdown help page shipped with the app (resources/docs/<name>.md)."""
    return (resource_root() / "docs" / f"{name}.md").read_text(encoding="utf-8")
