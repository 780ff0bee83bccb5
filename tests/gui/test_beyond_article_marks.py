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


def test_with_take_home_pay_shown_the_readout_says_it_is_the_base_salary_that_is_beyond_the_article(
    main_context: Any, qtbot: Any
) -> None:
    from planner.domain.profile import TaxInputs

    ctx = main_context
    taxes = TaxInputs(state="CA", filing_status="married_joint")
    ctx.session.edit(years_of_experience=15.0, current_salary=250_000, employer="amazon", taxes=taxes)
    ctx.window.select_tab("projection")
    tab = ctx.window.tab_widget("projection")
    tab.comp.setCurrentIndex(tab.comp.findData("take_home"))
    assert ctx.display.comp == "take_home"
    tab.year_spin.setValue(tab.year_spin.minimum() + 5)  # the base salary has passed $280,000; take-home has not
    text = tab.crosshair_text()
    shown = int(text.split("Projected $")[1].split()[0].replace(",", ""))
    assert shown < 280_000
    assert "⚠ base salary above the article's largest figure" in text
    tab.comp.setCurrentIndex(tab.comp.findData("base"))  # base salary shown: the note needs no "base salary"
    assert "⚠ above the article's largest figure" in tab.crosshair_text()
