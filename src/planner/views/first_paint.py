"""Run something once a window has been painted: what the user waits for first is the window itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# If the desktop never paints the window (started minimised, say), the callback still runs after this long.
FALLBACK_MS = 1500


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback: Callable[[], None] | None = callback
        window.installEventFilter(self)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._fire)
        self._fallback.start(FALLBACK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._fire)  # after this paint has reached the screen
        return False

    def _fire(self) -> None:
        """Run the callback once; this object then stays inert, a child of the window, gone with it."""
        callback, self._callback = self._callback, None
        if callback is None:
            return
        self._fallback.stop()
        self._window.removeEventFilter(self)
        callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once the event loop runs and ``window`` has been painted; at once (from the event loop)
    when the window is not shown, as in tests that build it hidden."""

    def start() -> None:
        if window.isVisible():
            _FirstPaint(window, callback)
        else:
            callback()

    QTimer.singleShot(0, window, start)
