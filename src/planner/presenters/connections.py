"""Connections that clean themselves up (after Vorta's ``BaseTab.track_signal``).

A presenter that listens to something longer-lived than itself (the profile session) connects through
``track(owner, signal, slot)``: the connection is undone when ``owner`` (its tab, or the data scope it was built
in) is destroyed, so the composition root keeps no teardown list and never reaches into a presenter.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, SignalInstance


def track(owner: QObject, signal: SignalInstance, slot: Callable[..., Any]) -> None:
    """Connect ``slot`` to ``signal`` for as long as ``owner`` lives."""
    signal.connect(slot)
    leave_with(owner, signal, slot)


def leave_with(owner: QObject, signal: SignalInstance, slot: Callable[..., Any]) -> None:
    """A connection someone else made (a presenter that connects itself) is undone when ``owner`` goes."""

    def leave() -> None:
        with contextlib.suppress(RuntimeError, TypeError):  # already gone, or never connected
            signal.disconnect(slot)

    owner.destroyed.connect(leave)
