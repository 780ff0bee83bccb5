"""SteadyText: its text laid out once and painted, as high as its lines need, never cut off; rich text reads
bold and line breaks only (names arrive escaped and are shown as written); a screen reader and the clipboard get
the text as read."""

from __future__ import annotations

import random
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QContextMenuEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QMenu

from planner.domain.text import plain_tooltip
from planner.views.steady_text import SteadyText, paragraphs

WORDS = ["Tick", "“Cloud platforms”:", "+$136,728", "over", "30", "years", "·", "Senior", "level", "2032", "(+11.1%)"]


def texts(rich: bool) -> list[str]:
    rng = random.Random(5)
    out = []
    for n in (1, 3, 8, 14, 22, 40):
        for _ in range(4):
            words = [rng.choice(WORDS) for _ in range(n)]
            if rich:
                words[0] = f"<b>{words[0]}</b>"
                if n > 4:
                    words.insert(n // 2, "<br>")
            elif n > 4:
                words.insert(n // 2, "\n")
            out.append(" ".join(words))
    out.append("x" * 300)  # one long word: wrapped inside the word
    return out


def test_rich_text_reads_bold_breaks_and_entities_and_shows_escaped_markup_as_written() -> None:
    assert paragraphs("<b>$145,000 this year</b> · Next<br>R&amp;D &lt;b&gt;team&lt;/b&gt;", True) == [
        ("$145,000 this year · Next", [(0, 18)]),
        ("R&D <b>team</b>", []),
    ]
    assert paragraphs("a <b>bold<br>on</b> end", True) == [("a bold", [(2, 4)]), ("on end", [(0, 2)])]
    assert paragraphs("<span style='color:red'>not obeyed</span> <i>nor</i> this", True) == [
        ("not obeyed nor this", [])
    ]
    assert paragraphs("<b>x</b> &amp;amp;", True) == [("x &amp;", [(0, 1)])]  # unescaped once
    assert paragraphs("plain <b>stays</b> &amp; as\nwritten\u2028too", False) == [
        ("plain <b>stays</b> &amp; as", []),
        ("written", []),
        ("too", []),
    ]


@pytest.mark.parametrize("rich", [False, True])
@pytest.mark.parametrize("lines", [1, 2])
def test_every_line_fits_the_width_and_the_widget_is_as_high_as_its_lines(qtbot: Any, rich: bool, lines: int) -> None:
    steady = SteadyText(lines, "steady", "Steady", rich=rich)
    qtbot.addWidget(steady)
    steady.show()
    wrapped = 0
    for width in (120, 240, 480, 960):
        steady.resize(width, steady.height())
        for text in texts(rich):
            steady.setText(text)
            widths = steady.line_widths()
            assert max(widths) <= width, (width, text)
            least = steady.fontMetrics().lineSpacing() * len(widths)
            assert steady.needed_height() >= least, (width, text)
            assert steady.maximumHeight() == max(steady.least, steady.needed_height()), (width, text)
            wrapped += len(widths) > len(paragraphs(text, rich))
    assert wrapped > 10  # long texts were wrapped, not cut


def test_a_long_text_makes_it_taller_and_a_short_one_gives_the_room_back(qtbot: Any) -> None:
    steady = SteadyText(1, "steady", "Steady")
    qtbot.addWidget(steady)
    steady.resize(300, steady.height())
    steady.show()
    steady.setText("short")
    assert steady.maximumHeight() == steady.least
    steady.setText(" ".join(WORDS * 4))
    assert steady.maximumHeight() > steady.least
    assert steady.maximumHeight() >= steady.needed_height()
    steady.setText("short again")
    assert steady.maximumHeight() == steady.least
    steady.resize(40, steady.height())  # narrower: the same words take more lines
    assert steady.maximumHeight() > steady.least


def test_a_bigger_font_while_the_app_runs_makes_the_text_taller(qtbot: Any) -> None:
    steady = SteadyText(2, "steady", "Steady", rich=True)
    qtbot.addWidget(steady)
    steady.resize(900, steady.height())
    steady.show()
    steady.setText("<b>$145,000 this year</b> · Next: Senior level in 2032<br>$8,770,402 over 30 years")
    before = steady.maximumHeight()
    font = steady.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)  # the desktop's font made bigger
    steady.setFont(font)
    assert steady.maximumHeight() > before
    assert steady.maximumHeight() >= steady.needed_height()


def painted(steady: SteadyText) -> QImage:
    return steady.grab().toImage()


def ink(image: QImage, background: QColor) -> int:
    return sum(image.pixelColor(x, y) != background for x in range(0, image.width(), 2) for y in range(image.height()))


def test_the_text_is_painted_and_bold_is_bolder(qtbot: Any) -> None:
    steady = SteadyText(1, "steady", "Steady", rich=True)
    qtbot.addWidget(steady)
    steady.resize(400, steady.height())
    steady.show()
    background = painted(steady).pixelColor(0, 0)
    steady.setText("$145,000 this year")
    plain = ink(painted(steady), background)
    steady.setText("<b>$145,000 this year</b>")
    bold = ink(painted(steady), background)
    assert plain > 50
    assert bold > plain * 1.1


def test_a_screen_reader_and_the_clipboard_get_the_text_as_read(qtbot: Any, monkeypatch: Any) -> None:
    steady = SteadyText(2, "projectionSummary", "Your projection", rich=True)
    qtbot.addWidget(steady)
    steady.show()
    steady.setText("<b>$145,000</b> · R&amp;D<br>next")
    assert steady.accessibleName() == "Your projection"
    assert steady.accessibleDescription() == "$145,000 · R&D\nnext"
    shown: list[list[str]] = []

    def menu(actions: Any, *_args: Any) -> Any:
        shown.append([a.text() for a in actions])
        actions[0].trigger()
        return actions[0]

    monkeypatch.setattr(QMenu, "exec", menu)
    steady.contextMenuEvent(_context_event(steady))
    assert shown == [["&Copy text"]]
    assert QGuiApplication.clipboard().text() == "$145,000 · R&D\nnext"


def _context_event(widget: SteadyText) -> QContextMenuEvent:
    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), widget.mapToGlobal(QPoint(5, 5)))


def test_a_plain_text_is_its_own_tooltip_shown_as_written_and_a_rich_one_has_none(qtbot: Any) -> None:
    plain = SteadyText(1, "plain", "Plain")
    rich = SteadyText(2, "rich", "Rich", rich=True)
    for widget in (plain, rich):
        qtbot.addWidget(widget)
    plain.setText("<b>Acme</b> & Co\nline two")
    rich.setText("<b>x</b>")
    assert plain.toolTip() == plain_tooltip("<b>Acme</b> & Co\nline two")
    assert "&lt;b&gt;Acme" in plain.toolTip()  # not bold: the name as written
    assert rich.toolTip() == ""
