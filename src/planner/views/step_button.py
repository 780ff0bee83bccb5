"""A tool button for Edit > Undo or Redo that names the step ("Undo tick “Deep learning”") at a fixed size.

QToolButton with a default action grows and shrinks with the step's name; every tick then changed the size of the
button's row, and a layout change that reaches the window's tab widget repaints the whole tab (about 5 ms a tick
at 1280×800). This button keeps one size: the name is elided to fit and given in full in its tooltip and to
screen readers. A widget of fixed size stops Qt's geometry updates from travelling up the layouts.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionEvent, QShowEvent
from PySide6.QtWidgets import QToolButton, QWidget


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class StepButton(QToolButton):
    def __init__(self, name: str, chars: int = 30, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chars = chars
        self._stale = False  # the step changed while the button was hidden
        self.setAccessibleName(name)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        height = super().sizeHint().height()
        self.setFixedSize(metrics.horizontalAdvance("x") * self._chars + metrics.height(), height)

    def _room(self) -> int:
        return self.width() - self.fontMetrics().height()

    def show_step(self, action: QAction) -> None:
        full = _plain(action.text())
        shown = self.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, self._room())
        text = action.text() if shown == full else shown.replace("&", "&&")
        if self.text() != text:
            self.setText(text)
        self.setToolTip(full)
        self.setAccessibleDescription(full)

    def actionEvent(self, event: QActionEvent) -> None:
        super().actionEvent(event)  # for its own default action, QToolButton copies the text and tooltip again
        action = self.defaultAction()
        if action is not None and event.type() == QEvent.Type.ActionChanged:
            if self.isVisibleTo(self.window()):
                self.show_step(action)
            else:  # on a tab behind another (Undo on the Projection tab): named when shown
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        action = self.defaultAction()
        if self._stale and action is not None:
            self.show_step(action)
        self._stale = False
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
            action = self.defaultAction()
            if action is not None:
                self.show_step(action)
