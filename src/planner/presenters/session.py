"""The user's profile while the app runs: one QObject every tab shares, announcing each change.

Presenters change the profile only through this session, so every tab (and the autosave) hears of it.
``edit`` is the undoable way: the change goes on the window's undo stack (Edit > Undo), which puts back exactly
the fields it changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.domain.profile import Assumptions, Profile, TickedSkill

# Fields whose change the Skills tab redraws for (ticks and the learning plan).
SKILL_FIELDS = frozenset({"skills", "plan"})


class ProfileEdit(QUndoCommand):
    """Some profile fields changed: redo sets the new values, undo the old ones (other fields are left alone)."""

    def __init__(self, session: ProfileSession, before: dict[str, Any], after: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self._session = session
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._session.update(**self._after)

    def undo(self) -> None:
        self._session.update(**self._before)


class ProfileSession(QObject):
    changed = Signal()
    skills_changed = Signal()

    def __init__(self, profile: Profile | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile = profile if profile is not None else Profile()
        self.undo_stack: QUndoStack | None = None  # the window's (set with the data scope); None: edits not undoable

    @property
    def profile(self) -> Profile:
        return self._profile

    def replace(self, profile: Profile) -> None:
        self._profile = profile
        self.skills_changed.emit()
        self.changed.emit()

    def update(self, **fields: Any) -> None:
        """Set profile fields; raises pydantic.ValidationError and keeps the last valid state on bad input."""
        candidate = self._profile.model_copy(update=fields)
        validated = Profile.model_validate(candidate.model_dump())
        if validated == self._profile:
            return
        skills = any(getattr(validated, k) != getattr(self._profile, k) for k in SKILL_FIELDS)
        self._profile = validated
        if skills:
            self.skills_changed.emit()
        self.changed.emit()

    def edit(self, text: str, **fields: Any) -> None:
        """Set profile fields as one undoable step called ``text`` (raises pydantic.ValidationError, changing
        nothing, on bad input; a change to nothing is not a step)."""
        candidate = self._profile.model_copy(update=fields)
        validated = Profile.model_validate(candidate.model_dump())
        after = {k: getattr(validated, k) for k in fields}
        before = {k: getattr(self._profile, k) for k in fields}
        if after == before:
            return
        if self.undo_stack is None:
            self.update(**after)
        else:
            self.undo_stack.push(ProfileEdit(self, before, after, text))

    def update_assumptions(self, **fields: Any) -> None:
        # Validated here (raises ValidationError); a dict in model_copy(update=...) would skip validation.
        assumptions = Assumptions.model_validate({**self._profile.assumptions.model_dump(), **fields})
        self.update(assumptions=assumptions)

    def set_skill(self, skill_id: str, ticked: bool, on: dt.date | None = None) -> None:
        skills = dict(self._profile.skills)
        if ticked:
            if skill_id in skills and on is None:
                return
            skills[skill_id] = TickedSkill(ticked_on=on or dt.date.today())
        else:
            if skill_id not in skills:
                return
            del skills[skill_id]
        self._profile = self._profile.model_copy(update={"skills": skills})
        self.skills_changed.emit()
        self.changed.emit()
