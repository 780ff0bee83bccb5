"""A seventh tab that lives in the test suite, to prove README's "Adding a tab" checklist: a spec and a build in one
module, added to the registry and nothing else (tests/gui/test_adding_a_tab.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.tabs.spec import TabContext, TabSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def build(ctx: TabContext) -> QWidget:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

    from planner.presenters.session import Part, ProfileChange, ProfileSession

    class NotesPresenter(QObject):
        """Shows the years of experience and sets them, through the one path every tab uses."""

        def __init__(self, session: ProfileSession, label: QLabel, parent: QObject) -> None:
            super().__init__(parent)
            self._session, self._label = session, label
            session.subscribe(self, Part.STANDING, self.refresh)
            self.refresh()

        def refresh(self, _change: ProfileChange | None = None) -> None:
            self._label.setText(f"{self._session.profile.years_of_experience:g} years of experience")

        def set_years(self, text: str) -> None:
            self._session.edit("set the years from the notes tab", years_of_experience=float(text))

    tab = QWidget()
    tab.setObjectName("notesTab")
    label = QLabel()
    years = QLineEdit()
    years.setAccessibleName("Years of experience")
    button = QPushButton("Set")
    layout = QVBoxLayout(tab)
    for widget in (label, years, button):
        layout.addWidget(widget)
    presenter = NotesPresenter(ctx.session, label, parent=tab)
    button.clicked.connect(lambda: presenter.set_years(years.text()))
    tab.setFocusProxy(years)
    return tab


SPEC = TabSpec("notes", "Notes", build, "Ctrl+7")


def register() -> None:
    """For a child process: the registry with this tab at its end, as an edit of planner/tabs/__init__.py would."""
    import planner.tabs

    planner.tabs.TABS.append(SPEC)
