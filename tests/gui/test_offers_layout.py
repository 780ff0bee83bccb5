"""The Offers tab as the window opens it on a 1366×768 and a 1024×640 screen, with issue 27's profile (two offers)
and a third: the headline first (one line per offer), then the comparison table with nothing to scroll sideways for
its main columns (all of them at 1366×768), then the chart, which keeps its room with three offers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from tests.gui.fake_dialogs import FakeDialogs
from tests.report_profile import report_profile

from planner.app import build_window
from planner.domain.dataset import Dataset
from planner.domain.plans import Offer
from planner.startup import configure_application
from planner.tabs.offers.models import EXPLAIN_ROLE
from planner.views.main_window import initial_geometry
from planner.views.table_columns import TableColumns

TODAY = dt.date.today()
SCREENS = {"1366x768": QRect(0, 0, 1366, 738), "1024x640": QRect(0, 0, 1024, 610)}  # less a panel
MAIN = ("job", "year-1", "average", "difference")
AMAZON = Offer(id="offer-3", employer_name="Amazon", base=185_000, bonus_percent=15, equity_grant=400_000,
               vesting="cliff", location="WA", added_on=TODAY)  # fmt: skip


@pytest.fixture
def window(qtbot: Any, qapp: Any, dataset: Dataset, data_dir: Any) -> Iterator[Any]:
    configure_application(qapp)
    profile = report_profile(TODAY)
    profile = profile.model_copy(update={"offers": [*profile.offers, AMAZON]})
    ctx = build_window(qapp, dataset, data_dir, profile=profile, dialogs=FakeDialogs())
    qtbot.addWidget(ctx.window)
    ctx.window.show()
    qtbot.waitExposed(ctx.window)
    yield ctx.window
    ctx.window.close()


def open_tab(qtbot: Any, window: Any, screen: str, offers: int = 1) -> Any:
    size = initial_geometry(SCREENS[screen]).size()
    window.resize(size)
    tab = window.tab_widget("offers")
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.table.isVisible() and window.size() == size)
    if offers > 1:
        tab.list.selectAll()
    QApplication.processEvents()
    return tab


def fitter(tab: Any) -> TableColumns:
    found = tab.table.findChild(TableColumns)
    assert found is not None
    return found


def assert_whole(tab: Any, keys: tuple[str, ...]) -> None:
    table = tab.table
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways
    header, columns = table.horizontalHeader(), fitter(tab)
    for key in keys:
        section = columns.column_keys().index(key)
        assert not header.isSectionHidden(section), key
        left = header.sectionViewportPosition(section)
        assert left >= 0, key
        assert left + header.sectionSize(section) <= table.viewport().width(), key


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("offers", [1, 3])
def test_the_headline_then_the_table_then_the_chart(qtbot: Any, window: Any, screen: str, offers: int) -> None:
    tab = open_tab(qtbot, window, screen, offers)
    assert_whole(tab, MAIN)
    if screen == "1366x768":  # every year too
        assert_whole(tab, tuple(fitter(tab).column_keys()))

    def top(widget: Any) -> int:
        return widget.mapTo(tab, widget.rect().topLeft()).y()

    lines = tab.headline.lines[:offers]
    assert [line.isVisible() for line in lines] == [True] * offers
    assert top(lines[-1]) < top(tab.table) < top(tab.plot)  # what the eye meets first, in that order
    spacing = lines[0].fontMetrics().lineSpacing()
    if screen == "1366x768":
        assert all(line.height() < 2 * spacing for line in lines)  # one line per offer
    # The chart keeps its room under the table (almost a third of the years' pane), whatever the number of offers.
    assert tab.plot.height() >= 130
    assert tab.plot.height() + tab.key.height() >= 0.3 * tab.years_split.height()
    if offers == 1 and screen == "1366x768":  # two jobs: every row of the table shown without scrolling
        assert tab.table.verticalScrollBar().maximum() == 0


def test_each_headline_line_keeps_its_details_on_hover_and_in_the_table(qtbot: Any, window: Any) -> None:
    tab = open_tab(qtbot, window, "1366x768", offers=3)
    texts = tab.headline.texts()
    assert len(texts) == 3
    assert texts[2] == "Amazon: +$167,750 a year in year one (+115.7 %), $40,000 of it guaranteed"
    amazon = tab.headline.lines[2]
    assert "Four-year average" in amazon.toolTip()
    assert "If its stock moves −50 % to +50 %" in amazon.accessibleDescription()
    model = tab.table.model()
    heading = next(r for r in range(model.rowCount()) if model.row_key(r) == ("offer-3", ""))
    tab.table.setCurrentIndex(model.index(heading, 0))  # the keyboard's way to the same details
    assert "Against Current job: +$167,750 a year in year one" in tab.explain.text()
    assert "Four-year average" in model.index(heading, 0).data(EXPLAIN_ROLE)


def test_years_two_to_four_give_way_first_and_come_back_from_the_header_menu(qtbot: Any, window: Any) -> None:
    tab = open_tab(qtbot, window, "1024x640", offers=3)
    columns = fitter(tab)
    tab.splitter.setSizes([450, 530])  # a wider editor: less room for the table
    QApplication.processEvents()
    shown = columns.shown_keys()
    assert set(MAIN) <= set(shown)
    assert "year-4" not in shown  # the last year gives way first
    assert_whole(tab, MAIN)
    columns.set_shown("year-4", True)  # asked for in the header's menu: shown, scrolled to if need be
    assert "year-4" in columns.shown_keys()
    menu = columns.build_menu()
    main = [a for a in menu.actions() if a.data() in MAIN]
    assert len(main) == len(MAIN)
    assert all(a.isChecked() and not a.isEnabled() for a in main)  # always shown


@pytest.mark.parametrize(("width", "first"), [(700, "Y1"), (400, "1"), (250, None)])
def test_narrower_bars_keep_a_shorter_year_label(qtbot: Any, window: Any, width: int, first: str | None) -> None:
    """Four jobs, 20 bar slots: "Y1" on bars 22 px wide or more, "1" down to 11 px, none below (the key says the
    bars are years 1–4)."""
    tab = open_tab(qtbot, window, "1366x768", offers=3)
    tab.plot.resize(width, 200)
    tab.chart.draw(tab._comparison)
    labels = [label.text for label in tab.year_labels.labels]
    assert (labels[0] if labels else None) == first
    if first:
        assert len(labels) == 4 * 4


@pytest.mark.parametrize("screen", SCREENS)
def test_leaving_early_shows_every_job_whole_with_its_stock_range(qtbot: Any, window: Any, screen: str) -> None:
    tab = open_tab(qtbot, window, screen, offers=3)
    tab.views.setCurrentWidget(tab.leave)
    QApplication.processEvents()
    table = tab.leave.table
    assert table.horizontalScrollBar().maximum() == 0  # the current job and three offers side by side
    assert table.verticalScrollBar().maximum() == 0  # every row, the stock range's last
    model = table.model()
    last = model.rowCount() - 1
    assert model.index(last, 0).data() == "Total if the stock moves †"
    assert model.index(last, 4).data() == "$262,750–$362,750"  # Amazon at month 12: −50 % to +50 % of $100,000
    assert tab.leave.plot.height() >= 110
    assert table.mapTo(tab, table.rect().topLeft()).y() < tab.leave.plot.mapTo(tab, tab.leave.plot.rect().topLeft()).y()


def test_the_list_of_offers_is_as_high_as_its_offers_so_the_editor_starts_under_it(qtbot: Any, window: Any) -> None:
    """Three offers: three rows high, not a fixed 190 px box that pushed the employer's fields out of a 1024×640
    window; it grows with more offers, up to eight rows (then it scrolls)."""
    tab = open_tab(qtbot, window, "1024x640")
    row = tab.list.sizeHintForRow(0)
    assert tab.list.model().rowCount() == 3
    assert 3 * row <= tab.list.viewport().height() < 4 * row  # all three shown whole, and no more room
    for _ in range(6):  # nine offers, made as a person makes them (Duplicate copies the selected offer)
        tab.duplicate_button.click()
    assert tab.list.model().rowCount() == 9
    assert 8 * row <= tab.list.viewport().height() < 9 * row  # eight rows shown, the ninth scrolls
