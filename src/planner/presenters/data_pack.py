"""File > Import salary data... and File > Revert to built-in data.

An imported file is validated completely; when it fails, every problem is listed with its field path and the data
in use stays. When it passes, the user sees every change (figures up or down, names, sources, quotes, titles,
entries added or removed) and decides; a file that only corrects text is offered like any other. Dialogs go
through the ``DataDialogs`` protocol, so tests hand in a fake that never blocks.

Reading, validating and comparing a file run on a worker thread (``pack_check``; a 5 MB pack takes about a
second) behind a progress dialog with Cancel; the review and the install happen back on the GUI thread. Files
are reached through what the composition root injects (a ``PackStore`` and two callables), never by importing
storage.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from planner.domain.dataset import Dataset, Origin
from planner.domain.errors import DatasetError
from planner.domain.provenance import date_text
from planner.presenters.pack_check import STEPS, CheckedPack, CheckRelay, PackCheck, ParseDataset, ReadFile

if TYPE_CHECKING:
    from planner.domain.dataset_diff import Change

NOT_IMPORTED = "Salary data not imported"


class Progress(Protocol):
    """A progress dialog while a file is checked; its Cancel calls the ``cancel`` given to ``show_progress``."""

    def step(self, done: int, text: str) -> None: ...
    def close(self) -> None: ...  # the check ended: close without calling ``cancel``


class DataDialogs(Protocol):
    def choose_dataset_file(self) -> Path | None: ...
    def show_progress(self, title: str, text: str, steps: int, cancel: Callable[[], None]) -> Progress: ...
    def show_problems(self, title: str, intro: str, problems: Sequence[tuple[str, str]]) -> None: ...
    def review_changes(self, title: str, intro: str, changes: Sequence[Change]) -> bool: ...
    def confirm(self, title: str, question: str) -> bool: ...
    def inform(self, title: str, text: str) -> None: ...


class PackStore(Protocol):
    """The data folder's pack, as the presenter needs it (``storage.data_pack.DataPackStore`` in the app)."""

    @property
    def path(self) -> Path: ...
    @property
    def data_dir(self) -> Path: ...
    @property
    def installed(self) -> bool: ...
    def install(self, raw: bytes) -> None: ...  # raises OSError, leaving any earlier pack intact
    def remove(self) -> Path: ...  # moves the pack aside; its new name; raises OSError


class DataPackPresenter(QObject):
    dataset_changed = Signal(object)  # the Dataset now in use
    message = Signal(str)  # a sentence for the status bar
    import_finished = Signal(bool)  # a started import ended: True when the new data is in use (and kept)

    def __init__(
        self,
        store: PackStore,
        builtin: Callable[[], Dataset],
        dialogs: DataDialogs,
        current: Dataset,
        origin: Origin,
        *,
        read: ReadFile,
        parse: ParseDataset,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._builtin = builtin
        self._read, self._parse = read, parse
        self.dialogs = dialogs
        self.current = current
        self.origin: Origin = origin
        # The pool first: as the presenter's first child it is deleted first, waiting for a running check while
        # the relay it reports to still exists.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = CheckRelay(self)
        self._relay.step.connect(self._on_step)
        self._relay.checked.connect(self._on_checked)
        self._relay.failed.connect(self._on_failed)
        self._check: PackCheck | None = None
        self._progress: Progress | None = None

    @property
    def checking(self) -> bool:
        """A file is being checked (the progress dialog is open)."""
        return self._check is not None

    def wait_for_checks(self, msecs: int = -1) -> bool:
        """Block until no check runs any more, cancelled ones included (tests; closing). False on time-out."""
        return self._pool.waitForDone(msecs)

    def import_requested(self) -> bool:
        """Ask for a file and start checking it off the GUI thread; True when a check started. Its outcome comes
        as ``import_finished``, after the problems or the changes were shown (and the data kept when accepted)."""
        if self._check is not None:
            return False
        path = self.dialogs.choose_dataset_file()
        if path is None:
            return False
        check = PackCheck(path, self.current, self._read, self._parse, self._relay)
        self._check = check
        self._progress = self.dialogs.show_progress(
            "Import salary data", f"Reading {path.name}…", STEPS, self._cancel_check
        )
        if self._check is check:  # not cancelled while the dialog opened
            self._pool.start(check.run)
        return True

    def _cancel_check(self) -> None:
        check = self._check
        if check is None:
            return
        check.cancel()
        self._end_check()
        self.message.emit(
            f"Import of {check.path.name} cancelled; the salary data in use and any imported data stay as they were."
        )
        self.import_finished.emit(False)

    def _end_check(self) -> None:
        self._check = None
        progress, self._progress = self._progress, None
        if progress is not None:
            progress.close()

    @Slot(object, int, str)
    def _on_step(self, check: PackCheck, done: int, text: str) -> None:
        if check is self._check and self._progress is not None:
            self._progress.step(done, text)

    @Slot(object, object)
    def _on_failed(self, check: PackCheck, error: Exception) -> None:
        if check is not self._check:
            return  # a cancelled check
        self._end_check()
        name = check.path.name
        if isinstance(error, DatasetError):
            count = len(error.problems)
            intro = (
                f"{name} cannot be used: {count} problem{'s' if count != 1 else ''} "
                "(field path: reason). Nothing was changed; the app keeps the data it uses now."
            )
            problems = error.problems
        else:  # a bug or no memory left: said, never a dialog that stays open
            intro = f"{name} could not be checked. Nothing was changed; the app keeps the data it uses now."
            problems = [("", f"{type(error).__name__}: {error}")]
        self.dialogs.show_problems(NOT_IMPORTED, intro, problems)
        self.message.emit(f"{NOT_IMPORTED}: {name} has problems.")
        self.import_finished.emit(False)

    @Slot(object, object)
    def _on_checked(self, check: PackCheck, result: CheckedPack) -> None:
        if check is not self._check:
            return  # a cancelled check
        self._end_check()
        self.import_finished.emit(self._offer(result))

    def _offer(self, result: CheckedPack) -> bool:
        """Show what the checked file changes; install and use it when accepted. True when it is in use."""
        name, dataset, diff = result.path.name, result.dataset, result.diff
        if diff.empty:
            self.dialogs.inform(
                "Salary data",
                f"{name} holds exactly the same data as the data in use. Nothing to change.",
            )
            return False
        intro = (
            f"{name}: “{dataset.title}”, figures read on {date_text(dataset.document.read_on)}.\n"
            f"Compared with the data in use: {diff.summary()}\n"
            "Use this data from now on? Your ticked skills and settings stay."
        )
        if not self.dialogs.review_changes("Import salary data", intro, diff.changes):
            self.message.emit("Import cancelled; the data in use stays.")
            return False
        try:
            self._store.install(result.raw)
        except OSError as exc:
            self.dialogs.show_problems(
                NOT_IMPORTED,
                "The file is valid but could not be kept in the data folder, so nothing was changed.",
                [(str(self._store.path), str(exc.strerror or exc))],
            )
            return False
        self._use(dataset, "pack")
        self.message.emit(
            f"Salary data imported from {name} ({diff.summary().rstrip('.')}). It will be used at the next start too."
        )
        return True

    def revert_requested(self) -> bool:
        """Go back to the built-in data after asking; the imported file is moved aside, never deleted."""
        if self._check is not None:
            return False  # the progress dialog is modal: only a script gets here
        if not self._store.installed:
            self.dialogs.inform("Salary data", "The app already uses its built-in data.")
            return False
        builtin = self._builtin()
        from planner.domain.dataset_diff import diff_datasets

        diff = diff_datasets(self.current, builtin)
        question = (
            f"Go back to the built-in salary data ({diff.summary().rstrip('.')})?\n\n"
            f"The imported file will be moved aside as {self._store.path.name}.removed-<date> in "
            f"{self._store.data_dir} (not deleted). Your ticked skills and settings stay."
        )
        if not self.dialogs.confirm("Revert to built-in data", question):
            return False
        try:
            moved = self._store.remove()
        except OSError as exc:
            self.dialogs.show_problems(
                "Could not revert",
                "The imported data could not be moved aside, so it stays in use.",
                [(str(self._store.path), str(exc.strerror or exc))],
            )
            return False
        self._use(builtin, "built-in")
        self.message.emit(f"Using the built-in salary data; the imported file was kept as {moved.name}.")
        return True

    def _use(self, dataset: Dataset, origin: Origin) -> None:
        changed = dataset is not self.current
        self.current, self.origin = dataset, origin
        if changed:
            self.dataset_changed.emit(dataset)
