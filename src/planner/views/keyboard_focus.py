"""Two things Qt leaves to the application for a keyboard user of a window of tabs and scrolled panes.

- Tab from the section tabs enters the page at its first control (top left), as the eye reads it. A page's focus
  proxy is where Ctrl+N puts the focus (the skills tree, the first input); Qt's Tab, on reaching the page, would go
  to that proxy too and never visit the controls before it (the skills filter, the Projection tab's bar).
- A control that takes the focus while scrolled out of sight is scrolled into view. QScrollArea does this only when
  the focus moves from inside it; Tab from outside (the section tabs, the bar above a pane) or an Alt letter left
  the focus on an input nobody could see.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QTabWidget, QWidget


def first_control(page: QWidget) -> QWidget | None:
    """The first widget of page's focus chain that Tab can give the focus to (shown, enabled, no proxy of its own)."""
    widget: QWidget | None = page.nextInFocusChain()
    for _ in range(5000):
        if widget is None or widget is page or not page.isAncestorOf(widget):
            return None
        if (
            widget.isVisibleTo(page)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


class KeyboardFocus(QObject):
    """Installed once on the window's tab widget (a child of it)."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        tabs.tabBar().installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._into_view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            page = self._tabs.currentWidget()
            first = first_control(page) if page is not None else None
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _into_view(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Only a control wholly out of sight: a click never lands there, so the mouse never scrolls a pane.
        if new is None or not self._tabs.isAncestorOf(new) or not new.visibleRegion().isEmpty():
            return
        parent = new.parentWidget()
        while parent is not None and parent is not self._tabs:
            if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget().isAncestorOf(new):
                parent.ensureWidgetVisible(new)
            parent = parent.parentWidget()
