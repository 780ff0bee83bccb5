"""A stand-in for views.data_dialogs.QtDataDialogs, shared by the presenter and window tests of data packs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planner.domain.dataset_diff import Change


@dataclass
class FakeProgress:
    """Records the steps a check reported; ``cancel()`` is the user pressing Cancel."""

    title: str
    steps: int
    cancel: Callable[[], None]
    shown: list[tuple[int, str]] = field(default_factory=list)
    closed: bool = False
    cancel_at: int | None = None  # press Cancel when this many steps are done

    def step(self, done: int, text: str) -> None:
        assert not self.closed, "no step after the check ended"
        self.shown.append((done, text))
        if self.cancel_at is not None and done >= self.cancel_at:
            self.cancel()

    def close(self) -> None:
        self.closed = True


@dataclass
class FakeDialogs:
    """Answers the presenter's questions; records what it was shown."""

    file: Path | None = None
    accept: bool = True
    cancel_at: int | None = None  # passed to each progress dialog
    problems: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)
    reviewed: list[tuple[str, list[Change]]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    progress: list[FakeProgress] = field(default_factory=list)

    def choose_dataset_file(self) -> Path | None:
        return self.file

    def show_progress(self, title: str, text: str, steps: int, cancel: Callable[[], None]) -> FakeProgress:
        progress = FakeProgress(title, steps, cancel, [(0, text)], cancel_at=self.cancel_at)
        self.progress.append(progress)
        return progress

    def show_problems(self, title: str, intro: str, problems: Sequence[tuple[str, str]]) -> None:
        self.problems.append((title, intro, list(problems)))

    def review_changes(self, title: str, intro: str, changes: Sequence[Change]) -> bool:
        self.reviewed.append((intro, list(changes)))
        return self.accept

    def confirm(self, title: str, question: str) -> bool:
        self.questions.append(question)
        return self.accept

    def inform(self, title: str, text: str) -> None:
        self.infos.append(text)
