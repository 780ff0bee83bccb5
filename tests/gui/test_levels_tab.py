"""The "Salary by level" tab in the real window: chart, hover, table and details match the dataset."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication

from planner.domain.dataset import Dataset
from planner.tabs.levels.view import LevelsTab
from planner.views.charts import CurrencyAxis
from planner.views.theme import YOU_SYMBOL, you_color


@pytest.fixture
def tab(main_context: Any) -> LevelsTab:
    widget = main_context.window.tab_widget("levels")
    assert isinstance(widget, LevelsTab)
    return widget


def test_chart_has_one_bar_per_level_with_the_dataset_range(tab: LevelsTab, dataset: Dataset) -> None:
    bars = tab.bars
    assert bars is not None
    opts = bars.opts
    assert list(opts["x"]) == list(range(len(dataset.levels)))
    assert list(np.asarray(opts["y0"])) == [lv.range.min for lv in dataset.levels]
    tops = np.asarray(opts["y0"]) + np.asarray(opts["height"])
    assert list(tops) == [lv.range.max for lv in dataset.levels]


def test_averages_are_marked_only_where_the_article_gives_one(tab: LevelsTab, dataset: Dataset) -> None:
    assert tab.averages is not None
    xs, ys = tab.averages.getData()
    expected = [(i, lv.average.amount) for i, lv in enumerate(dataset.levels) if lv.average is not None]
    assert list(zip(xs.tolist(), ys.tolist(), strict=True)) == expected
    assert len(expected) == 2, "entry level has no average in the article"


def test_each_figure_is_labelled_at_its_place_on_the_chart(tab: LevelsTab, dataset: Dataset) -> None:
    labels = tab.value_labels
    assert labels is not None
    placed = {(label.x, label.y, label.text) for label in labels.labels}
    for i, level in enumerate(dataset.levels):
        assert (i, level.range.min, f"${level.range.min / 1000:g}k") in placed
        assert (i, level.range.max, f"${level.range.max / 1000:g}k") in placed
        if level.average is not None:
            assert (i + 0.25, level.average.amount, f"avg ${level.average.amount / 1000:g}k") in placed
    assert len(placed) == 2 * len(dataset.levels) + sum(lv.average is not None for lv in dataset.levels)


def test_value_labels_cover_their_text_on_screen_at_any_zoom(tab: LevelsTab) -> None:
    """The labels keep their pixel size: their extent in data units follows the view, so they are repainted whole."""
    labels = tab.value_labels
    assert labels is not None
    tab.resize(900, 600)
    tab.show()
    item = tab.plot.getPlotItem()
    before = labels.boundingRect()
    item.setYRange(0, 2 * item.viewRange()[1][1], padding=0)
    QApplication.processEvents()
    after = labels.boundingRect()
    assert after.height() > before.height()
    for label in labels.labels:
        assert after.contains(QPointF(label.x, label.y))


def test_reference_lines_show_overall_range_and_ceiling(tab: LevelsTab, dataset: Dataset) -> None:
    items = tab.plot.getPlotItem().items
    bands = [i for i in items if isinstance(i, pg.LinearRegionItem)]
    assert [tuple(b.getRegion()) for b in bands] == [(dataset.overall.base_range.min, dataset.overall.base_range.max)]
    lines = [i for i in items if isinstance(i, pg.InfiniteLine) and i.angle == 0 and not i.movable]
    assert dataset.overall.experienced_ceiling.amount in [line.value() for line in lines]


def test_conflicting_entry_ceiling_is_drawn(tab: LevelsTab) -> None:
    texts = [i.toPlainText() for i in tab.plot.getPlotItem().items if isinstance(i, pg.TextItem)]
    assert any("$150,000" in t and "Conclusion" in t for t in texts)


def test_the_articles_words_are_kept_and_never_doubled(main_context: Any, tab: LevelsTab) -> None:
    summary = tab.summary.text()
    assert "the global ML market might cross $36 billion by 2028" in summary  # never "reaches might cross"
    # Issue 24 item 7: "base salary" only where the article says it
    assert "per year, base salary" not in summary
    assert "The article says “base salary” only of the overall $78,000 – $154,000 range" in summary
    assert "by almost 40%" in summary
    texts = [i.toPlainText() for i in tab.plot.getPlotItem().items if isinstance(i, pg.TextItem)]
    # Issue 24 item 8: the article's words, never "highest" twice, and that they can be read two ways (it was
    # "Amazon's highest salary: $254,000", one reading as fact).
    assert "Amazon, “highest salary”: $254,000 (ambiguous)" in texts
    tab.table.selectRow(2)  # the senior level: its details list the conflict with both readings
    assert (
        "Amazon, “highest salary”: $254,000 (the article is ambiguous here: its highest salary, or the pay of the "
        "employer that pays most)"
    ) in " ".join(tab.details.toPlainText().split())
    assert "With more experience: up to $280,000" in texts


def test_currency_axis_without_si_prefix(tab: LevelsTab) -> None:
    axis = tab.plot.getPlotItem().getAxis("left")
    assert isinstance(axis, CurrencyAxis)
    assert axis.tickStrings([70_000, 150_000, 1_200_000], 1.0, 10_000) == ["$70k", "$150k", "$1.2M"]
    assert axis.labelUnitPrefix == ""
    bottom = tab.plot.getPlotItem().getAxis("bottom")
    assert [name for _pos, name in bottom._tickLevels[0]] == ["Entry level", "Mid level", "Senior level"]


def _move_to(tab: LevelsTab, x: float, y: float) -> None:
    """Move the mouse over a data point of the chart. The event is sent straight to the chart's viewport, as
    the platform would deliver it, so the test does not depend on where an earlier test left the cursor."""
    vb = tab.plot.getPlotItem().getViewBox()
    local = QPointF(tab.plot.mapFromScene(vb.mapViewToScene(QPointF(x, y))))
    viewport = tab.plot.viewport()
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        local,
        QPointF(viewport.mapToGlobal(local.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def _hover(qtbot: Any, tab: LevelsTab, x: float, y: float, shown: Callable[[str], bool]) -> None:
    """Keep moving over the point until the chart reacts: pyqtgraph drops moves that come within 10 ms of
    the previous one (its mouseRateLimit), as a real mouse sends a stream of them."""

    def moved_and_shown() -> bool:
        _move_to(tab, x, y)
        return shown(tab.hover_text())

    qtbot.waitUntil(moved_and_shown)


def test_hovering_a_level_shows_its_figures_and_sources(qtbot: Any, tab: LevelsTab) -> None:
    _hover(qtbot, tab, 1.0, 140_000, lambda text: text != "")
    text = tab.hover_text()
    assert "Mid level" in text
    assert "$99,000 – $180,000" in text
    assert "Average: $144,000 — PayScale" in text
    assert tab.plot.accessibleDescription() == text

    _hover(qtbot, tab, 0.0, 100_000, lambda text: "Entry level" in text)
    assert "The article itself" in tab.hover_text()
    assert "$150,000" in tab.hover_text(), "the conflicting figure is shown"

    _hover(qtbot, tab, 1.5, 100_000, lambda text: text == "")  # between two bars


def test_table_matches_the_dataset(tab: LevelsTab, dataset: Dataset) -> None:
    model = tab.table.model()
    assert model.rowCount() == len(dataset.levels)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Level", "Experience", "Salary range", "Average", "Sources", "Skills expected"]
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert rows[1][:4] == ["Mid level", "around 5–10 years", "$99,000 – $180,000", "$144,000"]
    assert rows[2][3] == "around $150,000"
    assert rows[0][1] == "0–5 years (inferred)"
    assert rows[0][3] == "not given by the article"
    assert "PayScale" in rows[1][4]
    for r, lv in enumerate(dataset.levels):
        assert rows[r][5] == ", ".join(sk.name for sk in lv.skills)


def test_selecting_a_row_shows_the_level_skills(qtbot: Any, tab: LevelsTab, dataset: Dataset) -> None:
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    html = tab.details.toPlainText()
    assert "Mid level" in html
    for skill in dataset.level("mid").skills:
        assert skill.name in html
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    text = tab.details.toPlainText()
    assert "Senior level" in text
    assert "contradicts itself" in text


def test_summary_shows_overall_figures_and_outlook(tab: LevelsTab) -> None:
    text = tab.summary.text()
    for fragment in (
        "$78,000 – $154,000",
        "Glassdoor and PayScale",
        "$280,000",
        "40%",
        "Forbes",
        "$36 billion",
        "2028",
    ):
        assert fragment in text


def test_selected_level_is_marked_in_the_selection_colour(qtbot: Any, tab: LevelsTab) -> None:
    selection = QApplication.palette().color(QPalette.ColorRole.Highlight).name()

    def selected() -> int:
        band = tab.selection_band
        assert band is not None
        assert band.brush().color().name() == selection
        return round(band.rect().center().x())

    assert selected() == 0
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert tab.selected_level() == 2
    assert selected() == 2


def you_outlined(tab: LevelsTab) -> list[int]:
    assert tab.bars is not None
    you = you_color().name()
    return [i for i, pen in enumerate(tab.bars.opts["pens"]) if pen.color().name() == you]


def test_your_level_and_salary_are_marked_in_the_you_colour(main_context: Any, tab: LevelsTab) -> None:
    session = main_context.session
    assert you_outlined(tab) == [0]  # a new profile: 0 years, entry level, no salary yet
    assert tab.you_marks is None
    assert "enter your base salary" in tab.key_label.text()

    session.edit(years_of_experience=7, current_salary=131000)
    assert you_outlined(tab) == [1]
    assert tab.you_marks is not None
    xs, ys = tab.you_marks.getData()
    assert round(xs[0]) == 1
    assert ys.tolist() == [131000]
    assert tab.you_marks.opts["symbol"] == YOU_SYMBOL
    assert "$131,000 (your current base salary)" in tab.key_label.text()
    assert "Mid level" in tab.key_label.text()
    model = tab.table.model()
    assert [model.index(r, 0).data() for r in range(3)] == ["Entry level", "Mid level ★ you", "Senior level"]

    session.edit(years_of_experience=12, current_salary=None, pay_history={2024: 150000})
    assert you_outlined(tab) == [2]
    assert tab.you_marks is not None
    assert tab.you_marks.getData()[1].tolist() == [150000]
    assert "your pay recorded for 2024" in tab.key_label.text()


def test_the_header_gives_the_day_read_in_the_same_form_as_the_table(tab: LevelsTab) -> None:
    # Issue 24 item 12: the header said "on 2026-11-28", the table "read on 28 November 2026".
    summary = tab.summary.text()
    assert "2026-11-28" not in summary
    assert "on 28 November 2026." in summary


def test_a_salary_above_every_article_figure_is_marked_inside_the_chart(main_context: Any, tab: LevelsTab) -> None:
    main_context.session.edit(years_of_experience=10, current_salary=400_000)  # the article's largest: $280,000
    assert tab.you_marks is not None
    assert tab.you_marks.getData()[1].tolist() == [400000]
    _x_range, (bottom, top) = tab.plot.getPlotItem().viewRange()
    assert bottom <= 400_000 < top  # the star is on the chart, not above its top edge
    assert "$400,000 (your current base salary)" in tab.key_label.text()
