"""What a tab declares about itself (its ``SPEC``) and what the window hands it when it is built (``TabContext``).

Each tab is one package under ``planner.tabs``: its ``__init__`` holds the spec and the ``build`` function that
makes its view and presenter(s) and connects them; the rest of its code sits beside it. The registry
(``planner.tabs.TABS``) is a list of those specs; nothing else names a tab.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.domain.dataset import Dataset
    from planner.presenters.display import DisplayChoice
    from planner.presenters.session import ProfileSession
    from planner.views.dialogs import Dialogs
    from planner.views.main_window import MainWindow

T = TypeVar("T")


@dataclass
class TabContext:
    """What a tab's ``build`` may use: the data, the profile, questions to the user and the window (its status
    bar, its Edit > Undo actions). A tab's presenters are QObject children of its widget: they join the session
    with ``session.subscribe(presenter, parts, slot)`` and leave with the tab, with no call from outside."""

    dataset: Dataset
    session: ProfileSession
    dialogs: Dialogs
    window: MainWindow
    display: DisplayChoice  # how pay is shown (dollars, pay): one choice for every tab

    def say(self, text: str) -> None:
        """A message in the status bar."""
        self.window.statusBar().showMessage(text, 10_000)


@dataclass(frozen=True)
class TabSpec:
    """One tab: its id (saved as the last open tab, used by tests), its title (no Alt letter: Ctrl+1…9 and the View
    menu reach every tab, and the letters stay free for fields), its shortcut and how to build it."""

    id: str
    title: str
    build: Callable[[TabContext], QWidget]
    shortcut: str = ""
    lazy: bool = True  # built the first time it is shown; only the first tab is built at start-up
    # Built as soon as the tab with this id is (behind it, before either is painted): a tab that tells what each
    # change did needs to exist before the first change made on that other tab.
    built_with: str = ""


def presenter_of(tab: QWidget, kind: type[T]) -> T:
    """The presenter of type ``kind`` that a tab owns (it is a QObject child of the tab)."""
    for child in tab.findChildren(QObject):
        if isinstance(child, kind):
            return child
    raise LookupError(f"{tab.objectName() or type(tab).__name__} has no {kind.__name__}")
