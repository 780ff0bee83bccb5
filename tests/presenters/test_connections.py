"""A presenter's connections to the session end when its owner (its tab) goes: no teardown list needed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from planner.presenters.connections import leave_with, track
from planner.presenters.session import ProfileSession


def test_track_connects_until_the_owner_is_destroyed(qapp: Any, qtbot: Any) -> None:
    session = ProfileSession()
    owner = QObject()
    heard: list[int] = []
    track(owner, session.changed, lambda: heard.append(1))
    session.edit(years_of_experience=1.0)
    assert heard == [1]
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    session.edit(years_of_experience=2.0)
    assert heard == [1], "the connection ended with its owner"


def test_leave_with_ends_a_connection_someone_else_made(qapp: Any, qtbot: Any) -> None:
    session = ProfileSession()
    owner = QObject()
    heard: list[float] = []

    def slot() -> None:
        heard.append(session.profile.years_of_experience)

    session.changed.connect(slot)
    leave_with(owner, session.changed, slot)
    session.edit(years_of_experience=3.0)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    session.edit(years_of_experience=4.0)
    assert heard == [3.0]


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
