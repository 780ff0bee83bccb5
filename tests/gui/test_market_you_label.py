"""The "You: $…" label of the Market wages chart is read whole: beside the dashed line of your salary, on the side
of it that has room (a salary at the top of the chart, $250,000 or $400,000, had its label cut off by the top edge)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize("salary", [60_000, 145_000, 250_000, 400_000])
def test_your_salary_label_is_inside_the_chart(main_context: Any, qtbot: Any, salary: int) -> None:
    ctx = main_context
    ctx.window.resize(1024, 640)
    ctx.session.edit(years_of_experience=10.0, current_salary=salary)
    tab = ctx.window.tab_widget("market")
    ctx.window.tabs.setCurrentWidget(tab)
    label = tab.salary_line.label
    qtbot.waitUntil(lambda: label.isVisible() and f"${salary:,}" in label.toPlainText())
    qtbot.waitExposed(tab)
    qtbot.wait(100)  # the layout settles (the chart takes its height), as before a person looks
    view = tab.plot.getPlotItem().vb
    label.updatePosition()  # as the next paint does
    area = view.sceneBoundingRect()
    text = label.mapRectToScene(label.boundingRect())
    assert area.height() > 50
    assert text.top() >= area.top() - 1, (text, area)  # not cut off by the top edge
    assert text.bottom() <= area.bottom() + 1, (text, area)  # nor by the bottom
