"""The user's profile while the app runs: one QObject every tab shares, announcing each change and what it touched.

There is one way to change the profile: ``edit``. It validates the new values (raising pydantic.ValidationError and
changing nothing on bad input), puts the change on the window's undo stack as one named step (Edit > Undo shows its
name) and announces a ``ProfileChange``: which parts of the profile changed, who started it and the profile before.

A presenter states what it cares about with ``subscribe(owner, parts, slot)`` (after Anki's ``OpChanges`` and
qutebrowser's ``change_filter``): the slot hears only changes that touch those parts, and only while ``owner`` (the
presenter itself, a QObject child of its tab) lives, so nothing outside has to disconnect it.
"""

from __future__ import annotations

import enum
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.domain.profile import Profile


class Part(enum.Flag):
    """The parts of the profile a change can touch."""

    NONE = 0
    SKILLS = enum.auto()  # the ticks
    PLAN = enum.auto()  # the learning plan
    STANDING = enum.auto()  # years of experience, today's level, the salary
    WORKPLACE = enum.auto()  # industry and employer
    ASSUMPTIONS = enum.auto()
    PAY_HISTORY = enum.auto()
    SCENARIOS = enum.auto()
    OFFERS = enum.auto()
    MARKET = enum.auto()  # the Market tab's occupation and area
    TAXES = enum.auto()  # filing status, the state for taxes, pre-tax retirement contributions
    ALL = SKILLS | PLAN | STANDING | WORKPLACE | ASSUMPTIONS | PAY_HISTORY | SCENARIOS | OFFERS | MARKET | TAXES


# What today's path is projected from (Profile.projection_inputs, and the tax inputs for take-home pay): a change to
# anything else leaves it as it is (the Market tab's area too, unless it gives take-home pay its state).
PROJECTION_INPUTS = (
    Part.SKILLS | Part.PLAN | Part.STANDING | Part.WORKPLACE | Part.ASSUMPTIONS | Part.PAY_HISTORY | Part.TAXES
)

FIELD_PARTS: dict[str, Part] = {
    "schema_version": Part.NONE,
    "skills": Part.SKILLS,
    "plan": Part.PLAN,
    "years_of_experience": Part.STANDING,
    "current_level": Part.STANDING,
    "current_salary": Part.STANDING,
    "industry": Part.WORKPLACE,
    "employer": Part.WORKPLACE,
    "assumptions": Part.ASSUMPTIONS,
    "pay_history": Part.PAY_HISTORY,
    "scenarios": Part.SCENARIOS,
    "offers": Part.OFFERS,
    "market_area": Part.MARKET,
    "market_occupation": Part.MARKET,
    "taxes": Part.TAXES,
}

# The name of an edit whose caller gave none (Edit > Undo reads "Undo change the salary").
_PART_NAMES = {
    Part.SKILLS: "the ticks",
    Part.PLAN: "the learning plan",
    Part.STANDING: "where you stand",
    Part.WORKPLACE: "the industry or employer",
    Part.ASSUMPTIONS: "the assumptions",
    Part.PAY_HISTORY: "the pay history",
    Part.SCENARIOS: "the scenarios",
    Part.OFFERS: "the offers",
    Part.MARKET: "the market area",
    Part.TAXES: "the tax inputs",
}


def parts_of(fields: object) -> Part:
    """The parts that the named profile fields belong to."""
    parts = Part.NONE
    for name in fields:  # type: ignore[attr-defined]
        parts |= FIELD_PARTS[name]
    return parts


def step_name(parts: Part) -> str:
    names = [text for part, text in _PART_NAMES.items() if part in parts]
    return "change " + (" and ".join(names) if len(names) <= 2 else "the profile")


@dataclass(frozen=True)
class ProfileChange:
    """What one change did: the parts it touched, who started it, and the profile before it."""

    parts: Part
    before: Profile
    text: str  # the undo step's name
    initiator: object | None = None  # the object that asked for the edit; None for an undo or a redo
    kind: str = "edit"  # "edit", "undo" or "redo"

    def touches(self, parts: Part) -> bool:
        return bool(self.parts & parts)


class ProfileEdit(QUndoCommand):
    """Some profile fields changed: redo sets the new values, undo the old ones (other fields are left alone)."""

    def __init__(
        self, session: ProfileSession, before: dict[str, Any], after: dict[str, Any], text: str, initiator: object
    ) -> None:
        super().__init__(text)
        # A weak reference: the command is owned by the session's undo stack (a child of the session), and a strong
        # one would make a cycle through C++ that the garbage collector takes apart in any order (a crash at exit).
        self._session = weakref.ref(session)
        self._before = before
        self._after = after
        self._initiator: object | None = initiator
        self._done = False

    def redo(self) -> None:
        session = self._session()
        if session is None:
            return
        kind = "redo" if self._done else "edit"
        initiator, self._initiator = self._initiator, None  # told once, with the edit itself: not kept (no cycle)
        session._apply(self._after, self.text(), initiator, kind)
        self._done = True

    def undo(self) -> None:
        session = self._session()
        if session is not None:
            session._apply(self._before, self.text(), None, "undo")


class _Subscription(QObject):
    """One subscriber's filter; a child of its owner, so its connection to the session ends with the owner.

    While the owner's tab is hidden behind another one in a shown window, the changes it would hear wait, merged
    into one, until the tab is shown: a tick on the Skills tab redraws the Skills tab only, and the Projection tab
    catches up, in one step, the moment it is shown (before its first paint)."""

    def __init__(self, owner: QObject, parts: Part, slot: Callable[[ProfileChange], object]) -> None:
        super().__init__(owner)
        self._parts = parts
        self._slot = slot
        self._waiting: list[ProfileChange] = []
        self._view = _widget_of(owner)
        if self._view is not None:
            self._view.installEventFilter(self)

    def hear(self, change: ProfileChange) -> None:
        if not change.parts & self._parts:
            return
        if self._waiting or _hidden_in_shown_window(self._view):
            self._waiting.append(change)
        else:
            self._slot(change)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.catch_up()
        return False

    def catch_up(self) -> None:
        if self._waiting:
            waiting, self._waiting = self._waiting, []
            self._slot(merged(waiting))


def catch_up(widget: QObject) -> None:
    """Give every presenter under ``widget`` (a hidden tab) the changes it was waiting for, as being shown would:
    what is read from a tab that is not on screen (an export, a report) is then up to date."""
    for subscription in widget.findChildren(_Subscription):
        subscription.catch_up()


def _widget_of(owner: QObject) -> QObject | None:
    """The owner itself if it is a widget, else its nearest widget ancestor (a presenter's tab), or None."""
    obj: QObject | None = owner
    while obj is not None and not obj.isWidgetType():
        obj = obj.parent()
    return obj


def _hidden_in_shown_window(view: QObject | None) -> bool:
    if view is None or view.property("visible"):
        return False
    top = view
    while top.parent() is not None:
        top = top.parent()
    return bool(top.property("visible"))  # a window not shown at all (tests, start-up) hears every change at once


def merged(changes: list[ProfileChange]) -> ProfileChange:
    """Changes heard one after another, as one: every part they touched, the profile before the first."""
    if len(changes) == 1:
        return changes[0]
    parts = Part.NONE
    for c in changes:
        parts |= c.parts
    last = changes[-1]
    said = {"undo": f"undone: {last.text}", "redo": f"redone: {last.text}"}.get(last.kind, last.text)
    text = f"{len(changes)} changes (the last: {said})"
    return ProfileChange(parts, changes[0].before, text, None, "edit")


class ProfileSession(QObject):
    changed = Signal(object)  # a ProfileChange

    def __init__(
        self, profile: Profile | None = None, undo_stack: QUndoStack | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._profile = profile if profile is not None else Profile()
        # The window's stack (Edit > Undo / Redo); a session made alone (tests) has one of its own.
        # No parent: a stack that is a C++ child of the session would be deleted, with its commands, in the middle of
        # the garbage collector taking the session apart (a crash at exit). Python owns it, as it owns the session.
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack()
        # The steps' Python objects live as long as the session, not only as long as the stack's C++ side: a step
        # the stack deleted while the garbage collector was taking a session apart crashed the interpreter.
        self._steps: list[ProfileEdit] = []

    @property
    def profile(self) -> Profile:
        return self._profile

    def subscribe(self, owner: QObject, parts: Part, slot: Callable[[ProfileChange], object]) -> None:
        """Call ``slot(change)`` after every change touching ``parts``, for as long as ``owner`` lives."""
        subscription = _Subscription(owner, parts, slot)
        self.changed.connect(subscription.hear)

    def edit(self, text: str = "", /, *, initiator: object | None = None, **fields: Any) -> None:
        """Set profile fields as one undoable step called ``text`` (a name made from the fields when empty).

        Raises pydantic.ValidationError, changing nothing, on bad input; a change to nothing is not a step."""
        unknown = set(fields) - set(FIELD_PARTS)
        if unknown:
            raise TypeError(f"not a profile field: {', '.join(sorted(unknown))}")
        validated = Profile.model_validate(self._profile.model_copy(update=fields).model_dump())
        after = {k: getattr(validated, k) for k in fields if getattr(validated, k) != getattr(self._profile, k)}
        if not after:
            return
        before = {k: getattr(self._profile, k) for k in after}
        step = ProfileEdit(self, before, after, text or step_name(parts_of(after)), initiator)
        self._steps.append(step)  # kept by Python too, for as long as the session: see __init__
        self.undo_stack.push(step)

    def load(self, profile: Profile, text: str, initiator: object | None = None) -> None:
        """Put a whole profile in place of this one (an import), as one undoable step."""
        self.edit(text, initiator=initiator, **{name: getattr(profile, name) for name in FIELD_PARTS})

    def _apply(self, values: dict[str, Any], text: str, initiator: object | None, kind: str) -> None:
        before = self._profile
        self._profile = before.model_copy(update=values)
        self.changed.emit(ProfileChange(parts_of(values), before, text, initiator, kind))
