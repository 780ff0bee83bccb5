"""The mouse wheel scrolls a panel, not the field that scrolls under the pointer.

In a scrolling panel (the Projection tab's inputs, the Offers form) a wheel turned to scroll would, once a combo
box or a number box slid under the pointer, change its value: a state for taxes became Wyoming on its way past.
A combo or number box inside a scroll area takes the wheel only when it has the keyboard focus (clicked or tabbed
into); otherwise the wheel scrolls the panel, as the person meant.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget


def _field(obj: QObject) -> QWidget | None:
    """The combo or number box ``obj`` is, or is part of (a spin box's line edit)."""
    for candidate in (obj, obj.parent()):
        if isinstance(candidate, QComboBox | QAbstractSpinBox):
            return candidate
    return None


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QComboBox):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """Watches the combo and number boxes of a scrolling panel (installed on each: an application-wide filter would
    cost a Python call for every event of the app)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel:
            return False
        field = _field(watched)
        if field is None or field.hasFocus():
            return False
        area = _scroll_area(field)
        if area is None:  # not in a scrolling panel: the wheel sets the value, as Qt does
            return False
        QApplication.sendEvent(area.viewport(), event)
        return True


def guard_wheel(root: QWidget) -> None:
    """Every combo and number box in a scrolling panel under ``root`` (a tab, when it is built) gets the guard."""
    guard = root.findChild(WheelGuard, "wheelGuard")
    if guard is None:
        guard = WheelGuard(root)
        guard.setObjectName("wheelGuard")
    for field in [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]:
        if _scroll_area(field) is not None:
            field.installEventFilter(guard)  # installing twice is harmless: Qt keeps one
