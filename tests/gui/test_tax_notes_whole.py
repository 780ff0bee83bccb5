"""The taxes section of the Projection tab's inputs shows every note whole (issue 25, item 3): at 1366x768 on X11
the last line of the retirement note ("Lowers income taxes, not payroll taxes.") was cut off under "Compare with",
because a QFormLayout gave the notes nested under a field the wrong heights. Offscreen, the default font hides
that, so the section is laid out in a few fonts and panel widths, as desktops differ."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSplitter

from planner.domain.profile import TaxInputs
from planner.tabs.projection.tax_box import TaxBox


def test_every_note_of_the_taxes_section_is_whole(main_context: Any, qtbot: Any) -> None:
    ctx = main_context
    ctx.session.edit(current_salary=150_000, taxes=TaxInputs(state="TX"))
    ctx.window.resize(1366, 768)
    ctx.window.show_tab(3)
    tab = ctx.window.tab_widget("projection")
    box = tab.findChild(TaxBox)
    box.toggle.click()  # opened as a user does
    splitter = tab.findChild(QSplitter, "projectionSplitter")
    cut = []
    for family in ("DejaVu Sans", "Noto Sans"):
        for points in (8, 9, 10, 11):
            box.setFont(QFont(family, points))
            for width in range(260, 420, 20):
                splitter.setSizes([width, 1366 - width])
                qtbot.wait(10)
                for label in box.body.findChildren(QLabel):
                    needed = label.heightForWidth(label.width())
                    if label.isVisible() and label.wordWrap() and label.height() < needed:
                        cut.append(
                            f"{family} {points} pt, panel {width} px: {label.text()!r} {label.height()}/{needed}"
                        )
    assert box.retirement_note.text().endswith("Lowers income taxes, not payroll taxes.")
    assert not cut, cut[:3]
