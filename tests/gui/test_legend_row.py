"""The chart legend under the plot: whole names on one row, or two when one is too narrow, shortened only when
two rows are too narrow; every entry drawn is clickable where it is drawn."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from planner.views.legend_row import LegendEntry, LegendRow

NAMES = ["Today's path", "Level range", "Take the offer", "Consumer goods, faster raises", "Senior at Amazon"]


def legend(qtbot: Any, width: int) -> LegendRow:
    row = LegendRow()
    qtbot.addWidget(row)
    row.set_entries([LegendEntry(f"k{i}", n, pen=QPen(QColor("red")), toggleable=True) for i, n in enumerate(NAMES)])
    row.resize(width, row.sizeHint().height())
    row.show()
    qtbot.waitExposed(row)
    row.resize(width, row.sizeHint().height())  # the height it asks for once laid out at this width
    return row


def test_a_wide_legend_is_one_row_of_whole_names(qtbot: Any) -> None:
    row = legend(qtbot, 1600)
    assert row.shown_names() == NAMES
    assert row.sizeHint().height() == row.fontMetrics().height() + 6


def test_a_narrow_legend_takes_a_second_row_before_shortening_a_name(qtbot: Any) -> None:
    one_row = legend(qtbot, 1600)._boxes[-1][0].right()  # the width the whole names take on one row
    row = legend(qtbot, one_row * 2 // 3)
    assert row.shown_names() == NAMES  # every name whole
    assert row.sizeHint().height() == 2 * (row.fontMetrics().height() + 6)
    rows = {box.top() for box, _entry, _text in row._boxes}
    assert len(rows) == 2
    box, entry, _text = row._boxes[-1]  # on the second row: a click there toggles it, not the entry above
    with qtbot.waitSignal(row.toggled) as toggled:
        qtbot.mouseClick(row, Qt.MouseButton.LeftButton, pos=box.center())
    assert toggled.args == [entry.key]


def test_a_very_narrow_legend_shortens_names_on_two_rows(qtbot: Any) -> None:
    row = legend(qtbot, 260)
    shown = row.shown_names()
    assert len(shown) == len(NAMES)
    assert any(text.endswith("…") for text in shown)
    assert len({box.top() for box, _entry, _text in row._boxes}) == 2
