"""File > Import salary data... and File > Revert to built-in data.

An imported file is validated completely; when it fails, every problem is listed with its field path and the data
in use stays. When it passes, the user sees every change (figures up or down, names, sources, quotes, titles,
entries added or removed) and decides; a file that only corrects text is offered like any other. Dialogs go
through the ``DataDialogs`` protocol, so tests hand in a fake that never blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from planner.domain.dataset import Dataset
from planner.storage.data_pack import DataPackStore, Origin, read_dataset_file
from planner.storage.dataset_file import DatasetError

if TYPE_CHECKING:
    from planner.domain.dataset_diff import Change


class DataDialogs(Protocol):
    def choose_dataset_file(self) -> Path | None: ...
    def show_problems(self, title: str, intro: str, problems: Sequence[tuple[str, str]]) -> None: ...
    def review_changes(self, title: str, intro: str, changes: Sequence[Change]) -> bool: ...
    def confirm(self, title: str, question: str) -> bool: ...
    def inform(self, title: str, text: str) -> None: ...


class DataPackPresenter(QObject):
    dataset_changed = Signal(object)  # the Dataset now in use
    message = Signal(str)  # a sentence for the status bar

    def __init__(
        self,
        store: DataPackStore,
        builtin: Callable[[], Dataset],
        dialogs: DataDialogs,
        current: Dataset,
        origin: Origin,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._builtin = builtin
        self.dialogs = dialogs
        self.current = current
        self.origin: Origin = origin

    def import_requested(self) -> bool:
        """Ask for a file, check it, show what changes; True when the new data is in use (and kept)."""
        path = self.dialogs.choose_dataset_file()
        if path is None:
            return False
        try:
            dataset, raw = read_dataset_file(path)
        except DatasetError as err:
            count = len(err.problems)
            self.dialogs.show_problems(
                "Salary data not imported",
                f"{path.name} cannot be used: {count} problem{'s' if count != 1 else ''} "
                "(field path: reason). Nothing was changed; the app keeps the data it uses now.",
                err.problems,
            )
            self.message.emit(f"Salary data not imported: {path.name} has problems.")
            return False
        from planner.domain.dataset_diff import diff_datasets  # loaded with the first import of salary data

        diff = diff_datasets(self.current, dataset)
        if diff.empty:
            self.dialogs.inform(
                "Salary data",
                f"{path.name} holds exactly the same data as the data in use. Nothing to change.",
            )
            return False
        intro = (
            f"{path.name}: “{dataset.title}”, figures read on {dataset.document.read_on.isoformat()}.\n"
            f"Compared with the data in use: {diff.summary()}\n"
            "Use this data from now on? Your ticked skills and settings stay."
        )
        if not self.dialogs.review_changes("Import salary data", intro, diff.changes):
            self.message.emit("Import cancelled; the data in use stays.")
            return False
        try:
            self._store.install(raw)
        except OSError as exc:
            self.dialogs.show_problems(
                "Salary data not imported",
                "The file is valid but could not be kept in the data folder, so nothing was changed.",
                [(str(self._store.path), str(exc.strerror or exc))],
            )
            return False
        self._use(dataset, "pack")
        self.message.emit(
            f"Salary data imported from {path.name} ({diff.summary().rstrip('.')}). "
            "It will be used at the next start too."
        )
        return True

    def revert_requested(self) -> bool:
        """Go back to the built-in data after asking; the imported file is moved aside, never deleted."""
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
