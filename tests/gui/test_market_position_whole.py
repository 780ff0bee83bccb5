"""Where your salary sits, on the Market wages tab, is read whole (issue 25 item 4: "after tax in Texas: $113,791"
beside it). The line was two lines high whatever its text; with the after-tax sentence and the method it runs to
four or five, and the rest ("BLS publishes nothing below the 10th ...") was cut off at 1366x768 and 1024x640."""

from __future__ import annotations

from typing import Any

import pytest

from planner.domain.profile import TaxInputs

SEATTLE = "0042660"


@pytest.mark.parametrize("size", [(1366, 768), (1024, 640)])
def test_the_position_and_its_after_tax_pay_are_whole(main_context: Any, qtbot: Any, size: tuple[int, int]) -> None:
    ctx = main_context
    ctx.session.edit(current_salary=145_000, market_area=SEATTLE, taxes=TaxInputs(filing_status="married_joint"))
    ctx.window.resize(*size)
    tab = ctx.window.tab_widget("market")
    ctx.window.tabs.setCurrentWidget(tab)
    qtbot.wait(50)
    line = tab.position
    assert "After tax in Washington:" in line.text()
    assert line.text().endswith("BLS publishes nothing below the 10th or above the 90th percentile.")
    assert line.needed_height() > line.fontMetrics().lineSpacing() * 2  # more than the two lines it starts with
    assert line.height() >= line.needed_height()  # every line shown
    ctx.session.edit(current_salary=None)  # a shorter text: the line gives the chart its room back
    qtbot.wait(50)
    assert "Enter your current base salary" in line.text()
    assert line.height() <= line.fontMetrics().lineSpacing() * 2 + 4
