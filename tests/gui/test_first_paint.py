"""after_first_paint: the first-run welcome waits until the window itself is on screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from planner.views.first_paint import after_first_paint


class PaintSpy(QObject):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.log.append("paint")
        return False


def test_the_callback_runs_after_the_shown_window_is_painted(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    log: list[str] = []
    spy = PaintSpy(log)
    window.installEventFilter(spy)
    window.show()
    after_first_paint(window, lambda: log.append("callback"))
    assert "callback" not in log, "never before the event loop runs"
    qtbot.waitUntil(lambda: "callback" in log)
    assert "paint" in log
    assert log.index("paint") < log.index("callback")
    assert log.count("callback") == 1
    window.removeEventFilter(spy)


def test_a_hidden_window_gets_the_callback_once_the_event_loop_runs(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[int] = []
    after_first_paint(window, lambda: calls.append(1))
    assert calls == []
    qtbot.waitUntil(lambda: calls == [1])
    qtbot.wait(50)
    assert calls == [1]
