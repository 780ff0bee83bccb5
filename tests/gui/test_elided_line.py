"""ElidedLine (the Projection tab's readout): shortened with "…" to the width it has, whatever width it was given
first; whole in its tooltip (as written, never as markup) and for a screen reader; a new text lays nothing out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

from planner.domain.text import plain_tooltip
from planner.views.elided_line import ElidedLine

TEXT = "2031 · 11 years of experience · Senior level · Projected $201,344 · Take the offer: $230,120 · <b>Acme</b>"


def test_it_shows_what_fits_and_more_when_it_gets_wider(qtbot: Any) -> None:
    line = ElidedLine("readout", "Selected year")
    qtbot.addWidget(line)
    line.resize(200, line.sizeHint().height())
    line.show()
    line.setText(TEXT)
    short = line.text()
    assert short.endswith("…")
    assert line.fontMetrics().horizontalAdvance(short) <= 200
    line.resize(2000, line.height())  # the window made wider after the text was set
    assert line.text() == TEXT
    line.resize(300, line.height())
    assert line.text().endswith("…")
    assert len(line.text()) > len(short)
    assert line.full_text() == TEXT


def test_the_whole_text_is_its_tooltip_as_written_and_a_screen_readers_description(qtbot: Any) -> None:
    line = ElidedLine("readout", "Selected year")
    qtbot.addWidget(line)
    line.setText(TEXT)
    assert line.toolTip() == plain_tooltip(TEXT)
    assert "&lt;b&gt;Acme" in line.toolTip()  # a name with markup is not made bold
    assert line.accessibleName() == "Selected year"
    assert line.accessibleDescription() == TEXT


class _LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_a_new_text_repaints_the_line_and_lays_nothing_out_again(qtbot: Any) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    line = ElidedLine("readout", "Selected year")
    layout.addWidget(line)
    box.resize(400, 100)
    box.show()
    qtbot.waitExposed(box)
    qtbot.wait(50)  # (the layout's own requests on showing are done)
    height = line.height()
    requests = _LayoutRequests()
    box.installEventFilter(requests)
    for text in ("short", TEXT, "2026 · today"):
        line.setText(text)
        qtbot.wait(10)
    assert requests.count == 0
    assert line.height() == height == line.fontMetrics().height()
    assert line.text() == "2026 · today"


def test_a_disabled_line_is_painted_in_the_disabled_colour(qtbot: Any) -> None:
    line = ElidedLine("readout", "Selected year")
    qtbot.addWidget(line)
    line.resize(300, 20)
    line.setText("█████")  # (the pixel read below is inside the first block, at the left edge)
    line.show()
    enabled = line.grab().toImage().pixelColor(3, 10)
    line.setEnabled(False)
    disabled = line.grab().toImage().pixelColor(3, 10)
    assert enabled != disabled
    assert line.palette().color(line.palette().ColorGroup.Disabled, line.foregroundRole()).name() == disabled.name()
