"""A stand-in for views.dialogs.QtDialogs: answers every question from what the test set up, records the rest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planner.views.dialogs import FileFilter, SaveChoice


@dataclass
class FakeDialogs:
    save_to: Path | None = None  # None: the user cancels the file dialog
    save_suffix: str | None = None  # the filter picked; default: the first offered
    dialog_confirmed_replace: bool = False  # True: as QFileDialog, which asks before returning an existing file
    open_path: Path | None = None
    replace: bool = False  # the answer to "Replace file?"
    confirm_answer: bool = True
    width: int | None = 1000
    asked_replace: list[Path] = field(default_factory=list)
    asked_save: list[tuple[str, Path, list[str]]] = field(default_factory=list)
    asked_width: list[tuple[int, float]] = field(default_factory=list)
    confirms: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    pages: list[tuple[str, str]] = field(default_factory=list)

    def save_file(self, title: str, suggested: Path, filters: Sequence[FileFilter]) -> SaveChoice | None:
        self.asked_save.append((title, suggested, [f.suffix for f in filters]))
        if self.save_to is None:
            return None
        return SaveChoice(self.save_to, self.save_suffix or filters[0].suffix, self.dialog_confirmed_replace)

    def open_file(self, title: str, folder: Path, filters: Sequence[FileFilter]) -> Path | None:
        return self.open_path

    def confirm_replace(self, path: Path) -> bool:
        self.asked_replace.append(path)
        return self.replace

    def confirm(self, title: str, question: str, yes: str) -> bool:
        self.confirms.append(question)
        return self.confirm_answer

    def chart_width(self, title: str, width: int, aspect: float) -> int | None:
        self.asked_width.append((width, aspect))
        return self.width

    def error(self, title: str, text: str) -> None:
        self.errors.append(text)

    def show_markdown(self, title: str, markdown: str) -> None:
        self.pages.append((title, markdown))
