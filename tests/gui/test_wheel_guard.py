"""The mouse wheel over the Projection tab's inputs scrolls the panel; it changes a choice only in a field the
person has put the keyboard focus in (a state for taxes once became Wyoming on its way past the pointer)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication


def wheel(widget: Any, steps: int) -> None:
    """Turn the wheel over ``widget`` (negative: towards the user, down the list)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_inputs_and_leaves_an_unfocused_choice_alone(main_context: Any, qtbot: Any) -> None:
    ctx = main_context
    ctx.window.resize(1024, 640)
    ctx.window.select_tab("projection")
    tab = ctx.window.tab_widget("projection")
    tab.inputs_button.setChecked(True)
    qtbot.waitUntil(lambda: tab.form.industry.isVisible())
    combo = tab.form.industry
    start = combo.currentIndex()
    ctx.window.tabs.setFocus()
    wheel(combo, -1)
    assert combo.currentIndex() == start
    assert ctx.session.profile.industry is None
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo, -1)  # a field the person chose: the wheel changes it, as in every Qt app
    assert combo.currentIndex() == start + 1


def test_the_keyboard_never_types_into_closed_inputs(main_context: Any, qtbot: Any) -> None:
    """With the inputs pane closed (the curve first on a small screen), Ctrl+4 puts the focus on the Inputs button,
    not in a field nobody sees; a field reached by its Alt letter or by Tab opens the pane."""
    ctx = main_context
    ctx.window.select_tab("projection")
    tab = ctx.window.tab_widget("projection")
    tab.inputs_button.setChecked(False)
    qtbot.waitUntil(lambda: tab.split.sizes()[0] == 0)
    assert tab.focusProxy() is tab.inputs_button
    years = tab.fields["years_of_experience"].edit
    years.setFocus()  # what Alt+X (its buddy) or Tab does
    qtbot.waitUntil(lambda: tab.split.sizes()[0] > 0)
    assert tab.inputs_button.isChecked()
    assert tab.focusProxy() is years
