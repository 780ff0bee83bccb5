"""SteadyText: as high as its text needs, never cut off; a text that surely fits its lines skips the label's own
layout (a tick's cost), and that shortcut never says "fits" when the label would need more room."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest

from planner.views.steady_text import SteadyText

WORDS = ["Tick", "“Cloud platforms”:", "+$136,728", "over", "30", "years", "·", "Senior", "level", "2032", "(+11.1%)"]


def texts(rich: bool) -> list[str]:
    rng = random.Random(5)
    out = []
    for n in (1, 3, 8, 14, 22, 40):
        for _ in range(6):
            words = [rng.choice(WORDS) for _ in range(n)]
            if rich:
                words[0] = f"<b>{words[0]}</b>"
                if n > 4 and rng.random() < 0.5:
                    words.insert(n // 2, "<br>")
                if rng.random() < 0.3:
                    words.append("R&amp;D &lt;team&gt;")
            elif n > 4 and rng.random() < 0.3:
                words.insert(n // 2, "\n")
            out.append(" ".join(words))
    out.append("x" * 300)  # one long word: wrapped anywhere or not at all, never certain
    return out


@pytest.mark.parametrize("rich", [False, True])
@pytest.mark.parametrize("lines", [1, 2])
def test_a_text_said_to_fit_fits_as_the_label_lays_it_out(qtbot: Any, rich: bool, lines: int) -> None:
    steady = SteadyText(lines, "steady", "Steady", rich=rich)
    qtbot.addWidget(steady)
    said_to_fit = 0
    for width, text in itertools.product((240, 480, 960), texts(rich)):
        steady.resize(width, steady.height())
        if steady._fits_least(text):
            said_to_fit += 1
            steady.label.setText(text)
            assert steady.label.heightForWidth(width) <= steady.least, (width, text)
    assert said_to_fit > 10  # the shortcut is taken for short texts


def test_the_shortcut_is_not_taken_for_markup_it_does_not_know_or_too_many_lines(qtbot: Any) -> None:
    rich = SteadyText(2, "rich", "Rich", rich=True)
    plain = SteadyText(1, "plain", "Plain")
    for widget in (rich, plain):
        qtbot.addWidget(widget)
        widget.resize(900, widget.height())
    assert rich._fits_least("<b>$120,000</b> · Next: Mid level<br>$7,839,636 over 30 years")
    assert not rich._fits_least("<b>$120,000</b><br>two<br>three")  # three lines in a two-line box
    assert not rich._fits_least("<span style='font-size:40pt'>big</span>")
    assert plain._fits_least("Ticked “Deep learning”: +$71,295 over 30 years")
    assert not plain._fits_least("one\ntwo")


def test_a_long_text_makes_it_taller_and_a_short_one_gives_the_room_back(qtbot: Any) -> None:
    steady = SteadyText(1, "steady", "Steady")
    qtbot.addWidget(steady)
    steady.resize(300, steady.height())
    steady.show()
    steady.setText("short")
    assert steady.maximumHeight() == steady.least
    steady.setText(" ".join(WORDS * 4))
    assert steady.maximumHeight() > steady.least
    assert steady.maximumHeight() >= steady.label.heightForWidth(steady.width())
    steady.setText("short again")
    assert steady.maximumHeight() == steady.least


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
    qtbot.waitUntil(lambda: steady.maximumHeight() > before)
    assert steady.maximumHeight() >= steady.label.heightForWidth(steady.width())


def test_characters_from_another_font_or_other_line_breaks_go_to_the_label(qtbot: Any) -> None:
    plain = SteadyText(1, "plain", "Plain")
    rich = SteadyText(2, "rich", "Rich", rich=True)
    for widget in (plain, rich):
        qtbot.addWidget(widget)
        widget.resize(900, widget.height())
    missing = next(chr(c) for c in range(0x4E00, 0x9FFF) if not plain.fontMetrics().inFontUcs4(c))
    assert plain._fits_least("Scenario “Tokyo”")
    assert not plain._fits_least(f"Scenario “Tokyo {missing}”")  # a fallback font may make the line taller
    assert not plain._fits_least("one\u2028two")
    assert not rich._fits_least("<b>one</b>\ntwo")
