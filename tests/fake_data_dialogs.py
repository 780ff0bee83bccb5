"""A stand-in for views.data_dialogs.QtDataDialogs, shared by the presenter and window tests of data packs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planner.domain.dataset_diff import Change


@dataclass
class FakeDialogs:
    """Answers the presenter's questions; records what it was shown."""

    file: Path | None = None
    accept: bool = True
    problems: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)
    reviewed: list[tuple[str, list[Change]]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)

    def choose_dataset_file(self) -> Path | None:
        return self.file

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
