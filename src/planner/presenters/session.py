"""The user's profile while the app runs: one QObject every tab shares, announcing each change.

Presenters change the profile only through this session, so every tab (and the autosave) hears of it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Signal

from planner.domain.profile import Assumptions, Profile, TickedSkill


class ProfileSession(QObject):
    changed = Signal()
    skills_changed = Signal()

    def __init__(self, profile: Profile | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile = profile if profile is not None else Profile()

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
        self._profile = validated
        self.changed.emit()

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
