"""The Projection chart's faint strokes (the curve before your last change, the years beyond the article's figures)
are drawn in one opaque colour each that looks as the translucent stroke would on the chart's background, in light
and dark alike: as faint, and as cheap to repaint on every tick as the solid curves."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor

from planner.views.charts import faint, palette_colors
from planner.views.theme import apply_theme


@pytest.mark.parametrize(
    ("alpha", "expected"),
    [(255, (200, 100, 0)), (0, (0, 50, 250)), (90, (71, 68, 162)), (70, (55, 64, 181))],
)
def test_a_faint_colour_is_the_colour_over_the_background_at_that_opacity(
    alpha: int, expected: tuple[int, int, int]
) -> None:
    color = faint(QColor(200, 100, 0), QColor(0, 50, 250), alpha)
    assert color.getRgb() == (*expected, 255)  # opaque


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_curve_before_a_change_and_the_beyond_marks_are_faint_on_the_theme_s_background(
    main_context: Any, qtbot: Any, theme: str
) -> None:
    ctx = main_context
    ctx.window.select_tab("projection")
    plot = ctx.window.tab_widget("projection").plot
    ctx.window.theme_chosen.emit(theme)  # View > Theme
    try:
        # Qt tells the widgets of the new palette when the event loop runs next.
        qtbot.waitUntil(lambda: (plot.backgroundBrush().color().lightness() < 128) == (theme == "dark"))
        drawn_faint(plot, palette_colors())
    finally:
        apply_theme(ctx.app, "light")


def drawn_faint(plot: Any, colors: dict[str, QColor]) -> None:
    assert plot.previous_curve.opts["pen"].color() == faint(colors["you"], colors["background"], 90)
    for halo in plot.outside_halos.values():
        assert halo.opts["pen"].color() == faint(colors["conflict"], colors["background"], 70)
    # Under the level band and every curve: the band shades a mark as it shades the background.
    assert max(h.zValue() for h in plot.outside_halos.values()) < plot.band.zValue()
    assert plot.previous_curve.zValue() < min(c.zValue() for c in plot.comparison_curves.values())
