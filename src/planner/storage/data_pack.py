"""An imported salary dataset ("data pack"), kept as ``salary-data.json`` in the data folder and used at start-up.

* Importing validates the whole file first (``parse_dataset``: size limit before parsing, JSON, the model's
  rules); only the exact bytes that passed are written, atomically (``write_in_folder``).
* At start-up a pack that can no longer be read (damaged, edited, written by a newer version) is never deleted
  or overwritten: the app falls back to its built-in data and says so.
* "Revert to built-in data" moves the pack aside as ``salary-data.json.removed-<timestamp>`` (never deletes it),
  so a revert can itself be undone by importing that file again.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planner.domain.dataset import Dataset, Origin
from planner.storage.dataset_file import MAX_DATASET_BYTES, DatasetError, parse_dataset
from planner.storage.safe_files import NotRegularFileError, free_name, read_regular, stamp, write_in_folder

PACK_FILE = "salary-data.json"


@dataclass(frozen=True)
class ActiveData:
    dataset: Dataset
    origin: Origin
    message: str | None = None  # for the banner when the stored pack could not be used


def read_pack_bytes(path: Path) -> bytes:
    """The bytes of the file at ``path`` (a regular file within the size limit), or DatasetError."""
    name = str(path)
    try:
        raw = read_regular(path, MAX_DATASET_BYTES)  # a named pipe or device is refused, never waited on
    except NotRegularFileError as exc:
        raise DatasetError(name, [("", f"{exc}; it was not read")]) from None
    except OSError as exc:
        raise DatasetError(name, [("", f"cannot be read ({exc.strerror or exc})")]) from None
    if len(raw) > MAX_DATASET_BYTES:  # grew while being read, or a device without a size
        raise DatasetError(name, [("", f"the file is larger than {MAX_DATASET_BYTES // (1024 * 1024)} MB")])
    return raw


def read_dataset_file(path: Path) -> tuple[Dataset, bytes]:
    """Validate the file at ``path`` completely; the dataset and the exact bytes that passed, or DatasetError."""
    raw = read_pack_bytes(path)
    return parse_dataset(raw, str(path)), raw


def problems_text(err: DatasetError, limit: int = 3) -> str:
    parts = [f"{path}: {reason}" if path else reason for path, reason in err.problems[:limit]]
    more = len(err.problems) - limit
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


class DataPackStore:
    """The data pack of one data folder. Hold the folder's DataDirLock while using it."""

    def __init__(self, data_dir: Path, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.data_dir = data_dir
        self.path = data_dir / PACK_FILE
        self._now = now
        self.guard: Callable[[], str | None] = lambda: None  # the folder's lock: None while the folder is ours

    @property
    def installed(self) -> bool:
        return self.path.exists() or self.path.is_symlink()

    def load(self, builtin: Dataset) -> ActiveData:
        """The pack when there is one and it is valid; else the built-in data (with a message when a pack exists
        but cannot be used). Never raises, never touches the file."""
        if not self.installed:
            return ActiveData(builtin, "built-in")
        try:
            dataset, _raw = read_dataset_file(self.path)
        except DatasetError as err:
            return ActiveData(
                builtin,
                "built-in",
                f"The salary data you imported ({self.path}) could not be used ({problems_text(err)}). "
                "The app uses its built-in data; the file was left as it is. Use File > Import salary data... "
                "to bring in a corrected file, or File > Revert to built-in data to set it aside.",
            )
        return ActiveData(dataset, "pack")

    def install(self, raw: bytes) -> None:
        """Keep ``raw`` (already validated) as the pack; raises OSError, leaving any earlier pack intact."""
        lost = self.guard()
        if lost is not None:
            raise OSError(lost)
        write_in_folder(self.path, raw)

    def remove(self) -> Path:
        """Move the pack aside (never deleting it); the new name. Raises OSError."""
        lost = self.guard()
        if lost is not None:
            raise OSError(lost)
        target = free_name(self.path, f"removed-{stamp(self._now())}")
        os.replace(self.path, target)
        return target
