"""The marks of the years beyond the article's figures cover those years only: they end where the curve's data
ends (not half a pen's width before the first year or after the last), and their legend sample keeps the gap to its
name that every other sample has."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.views.legend_row import GAP, SAMPLE


def test_beyond_the_article_marks_end_with_their_years_and_their_sample_leaves_room_for_its_name(
    main_context: Any, qtbot: Any
) -> None:
    ctx = main_context
    ctx.window.resize(1024, 640)
    ctx.session.edit(years_of_experience=10.0, current_salary=400_000)  # above the article's $280,000 every year
    ctx.window.select_tab("projection")
    tab = ctx.window.tab_widget("projection")
    halo = tab.plot.outside_halos["main"]
    qtbot.waitUntil(halo.isVisible)
    assert halo.opts["pen"].capStyle() == Qt.PenCapStyle.FlatCap  # a round cap reaches 4.5 px past each end

    legend = tab.legend
    qtbot.waitUntil(lambda: "Beyond the article" in legend.shown_names())
    box = next(b for b, entry, _text in legend._boxes if entry.key == "outside")
    image = legend.grab().toImage()
    ratio = image.devicePixelRatio()
    middle = round((box.center().y() + 0.5) * ratio)
    background = legend.palette().color(legend.backgroundRole())
    gap = range(round((box.left() + SAMPLE + 1) * ratio), round((box.left() + SAMPLE + GAP - 1) * ratio))
    seen = np.array([[QColor(image.pixel(x, middle)).getRgb()[:3] for x in gap]])
    assert (abs(seen - np.array(background.getRgb()[:3])).max(axis=2) <= 8).all(), "the sample runs into its name"
