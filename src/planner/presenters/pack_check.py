"""Checking a data pack off the GUI thread: read the file, validate it, compare it with the data in use.

``check_pack`` is the work itself, pure Python (no Qt, no widgets), reporting each step and stopping between
steps once cancelled. ``PackCheck`` runs it on a worker thread of a ``QThreadPool`` and hands every step, the
result or the error to a ``CheckRelay``, a QObject of the GUI thread: its signals reach the presenter queued, on
the GUI thread. A check cannot be stopped inside a step (json and pydantic hold the interpreter); a cancelled
check finishes its step in the background and its results are dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from planner.domain.dataset import Dataset

if TYPE_CHECKING:
    from planner.domain.dataset_diff import DatasetDiff

ReadFile = Callable[[Path], bytes]  # the file's bytes, or DatasetError
ParseDataset = Callable[[bytes, str], Dataset]  # the validated dataset (bytes, file name), or DatasetError
STEPS = 3  # reading, checking, comparing


@dataclass(frozen=True)
class CheckedPack:
    path: Path
    dataset: Dataset
    raw: bytes  # the exact bytes that passed, to be installed
    diff: DatasetDiff  # from the data in use when the check started


def check_pack(
    path: Path,
    current: Dataset,
    read: ReadFile,
    parse: ParseDataset,
    report: Callable[[int, str], None],
    cancelled: Callable[[], bool],
) -> CheckedPack | None:
    """Read, validate and compare the file at ``path``; None once ``cancelled()`` (checked between steps).
    ``report(done, text)``: steps done so far and the step now running. Raises DatasetError."""
    report(0, f"Reading {path.name}…")
    raw = read(path)
    if cancelled():
        return None
    report(1, f"Checking {path.name}: its format, every figure and every reference…")
    dataset = parse(raw, str(path))
    if cancelled():
        return None
    report(2, "Comparing it with the data in use…")
    from planner.domain.dataset_diff import diff_datasets  # loaded with the first import of salary data

    diff = diff_datasets(current, dataset)
    if cancelled():
        return None
    return CheckedPack(path, dataset, raw, diff)


class CheckRelay(QObject):
    """Lives on the GUI thread; a worker emits, the presenter's slots run queued on the GUI thread.
    Each signal's first argument is the PackCheck it comes from, so results of a cancelled check can be told apart."""

    step = Signal(object, int, str)  # check, steps done, the step now running
    checked = Signal(object, object)  # check, CheckedPack
    failed = Signal(object, object)  # check, the exception (DatasetError, or anything unexpected)


class PackCheck:
    """One check of one file; ``run`` on a worker thread (it touches no widget and no presenter state)."""

    def __init__(self, path: Path, current: Dataset, read: ReadFile, parse: ParseDataset, relay: CheckRelay) -> None:
        self.path = path
        self._current, self._read, self._parse, self._relay = current, read, parse, relay
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            result = check_pack(self.path, self._current, self._read, self._parse, self._report, self._cancelled.is_set)
        except Exception as exc:  # any failure reaches the user: never a progress dialog left open
            self._relay.failed.emit(self, exc)
        else:
            if result is not None:
                self._relay.checked.emit(self, result)

    def _report(self, done: int, text: str) -> None:
        self._relay.step.emit(self, done, text)
