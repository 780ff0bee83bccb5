"""The "Industries" tab, driven as a user would: choosing, clicking bars, comparing, sorting the table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QWidget

from planner.domain.dataset import Dataset
from planner.domain.profile import Profile
from planner.storage.dataset_file import load_dataset
from planner.tabs.industries.presenter import KEY_ROLE, IndustriesPresenter, IndustriesTableModel
from planner.tabs.industries.view import IndustriesTab
from planner.views.theme import you_color

TITLE = "Industries"


def open_tab(ctx: Any) -> IndustriesTab:
    window = ctx.window
    window.tabs.setCurrentIndex(window.tab_titles().index(TITLE))
    tab = window.tabs.currentWidget()
    assert isinstance(tab, IndustriesTab)
    return tab


@pytest.fixture
def tab(main_context: Any) -> IndustriesTab:
    return open_tab(main_context)


@pytest.fixture
def build(qtbot: Any, qapp: Any, data_dir: Path) -> Iterator[Callable[..., Any]]:
    """Build the real window for another dataset or a given profile."""
    from planner.app import build_window
    from planner.startup import configure_application

    contexts: list[Any] = []

    def make(dataset: Dataset, profile: Profile | None = None) -> Any:
        configure_application(qapp)
        ctx = build_window(qapp, dataset, data_dir, profile)
        qtbot.addWidget(ctx.window)
        ctx.window.show()
        qtbot.waitExposed(ctx.window)
        contexts.append(ctx)
        return ctx

    yield make
    for ctx in contexts:
        ctx.window.close()


def industry_amounts(dataset: Dataset) -> dict[str, int]:
    return {f"industry:{i.id}": i.average.amount for i in dataset.industries}


def employer_amounts(dataset: Dataset) -> dict[str, int]:
    return {f"employer:{e.id}": e.pay.amount for e in dataset.employers}


def choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def click_bar(qtbot: Any, tab: IndustriesTab, key: str) -> None:
    """A real left click in the middle of a bar, through the plot's viewport."""
    y, length = tab.chart.bar_geometry(key)
    vb = tab.plot.getPlotItem().getViewBox()
    scene_point = vb.mapViewToScene(QPointF(length / 2, y))
    pos = tab.plot.mapFromScene(scene_point)
    qtbot.mouseClick(tab.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def bar_fill(tab: IndustriesTab, key: str) -> str:
    for bars in (tab.chart.industry_bars, tab.chart.employer_bars):
        if bars is not None and key in bars.keys:
            return str(bars.opts["brushes"][bars.keys.index(key)].color().name())
    raise KeyError(key)


def highlighted(tab: IndustriesTab) -> set[str]:
    """Bars filled with the one colour that means "you" on every tab."""
    you = you_color().name()
    result = set()
    for bars in (tab.chart.industry_bars, tab.chart.employer_bars):
        if bars is None:
            continue
        fills = [b.color().name() for b in bars.opts["brushes"]]
        result |= {k for k, f in zip(bars.keys, fills, strict=True) if f == you}
    return result


def table_keys(tab: IndustriesTab) -> list[str]:
    model = tab.table.model()
    return [model.index(r, 0).data(KEY_ROLE) for r in range(model.rowCount())]


def column(name: str) -> int:
    return IndustriesTableModel.HEADERS.index(name)


# --- the tab itself ----------------------------------------------------------------------------------------


def test_tab_is_built_only_when_first_shown(main_context: Any) -> None:
    window = main_context.window
    assert TITLE in window.tab_titles()
    assert "&" not in window.tabs.tabText(window.tab_titles().index(TITLE)), "no Alt letter: Ctrl+2 reaches it"
    assert not window.is_built("industries")
    open_tab(main_context)
    assert window.is_built("industries")
    assert main_context.presenter("industries", IndustriesPresenter) is not None


def test_ctrl_tab_reaches_the_tab(main_context: Any, qtbot: Any) -> None:
    window = main_context.window
    window.tabs.setCurrentIndex(0)
    window.tabs.currentWidget().setFocus()
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tab_titles()[window.tabs.currentIndex()] == TITLE


# --- the chart -------------------------------------------------------------------------------------------


def test_bar_lengths_equal_the_dataset_values(tab: IndustriesTab, dataset: Dataset) -> None:
    expected = industry_amounts(dataset)
    assert set(tab.chart.bar_keys()) == set(expected)
    for key, amount in expected.items():
        assert tab.chart.bar_geometry(key)[1] == amount
    tab.employers_check.setChecked(True)
    expected |= employer_amounts(dataset)
    assert set(tab.chart.bar_keys()) == set(expected)
    for key, amount in expected.items():
        assert tab.chart.bar_geometry(key)[1] == amount


def test_bars_are_ordered_by_pay_with_employers_as_a_separate_group(tab: IndustriesTab, dataset: Dataset) -> None:
    tab.employers_check.setChecked(True)
    keys = tab.chart.bar_keys()
    industries, employers = industry_amounts(dataset), employer_amounts(dataset)
    names = {f"industry:{i.id}": i.name for i in dataset.industries} | {
        f"employer:{e.id}": e.name for e in dataset.employers
    }
    # Industries first, best paid at the top (equal pay by name); then the employers, best paid at their top.
    assert keys[: len(industries)] == sorted(industries, key=lambda k: (-industries[k], names[k]))
    assert keys[len(industries) :] == sorted(employers, key=lambda k: (-employers[k], names[k]))
    assert [tab.chart.bar_geometry(k)[1] for k in keys[: len(industries)]] == sorted(industries.values(), reverse=True)
    # A visible gap separates the groups, on one shared value axis.
    last_industry = tab.chart.bar_geometry(keys[len(industries) - 1])[0]
    first_employer = tab.chart.bar_geometry(keys[len(industries)])[0]
    assert first_employer - last_industry >= 2
    assert tab.chart.industry_bars is not None
    assert tab.chart.employer_bars is not None
    assert tab.chart.industry_bars.getViewBox() is tab.chart.employer_bars.getViewBox()
    # The top of the chart is the top of the list: the y axis runs downwards.
    assert tab.plot.getPlotItem().getViewBox().yInverted()


def test_overall_range_is_a_band_behind_the_bars(tab: IndustriesTab, dataset: Dataset) -> None:
    import pyqtgraph as pg

    bands = [i for i in tab.plot.getPlotItem().items if isinstance(i, pg.LinearRegionItem)]
    assert len(bands) == 1
    base = dataset.overall.base_range
    assert tuple(bands[0].getRegion()) == (base.min, base.max)
    assert tab.chart.industry_bars is not None
    assert bands[0].zValue() < tab.chart.industry_bars.zValue()
    assert f"${base.min:,}–${base.max:,}" in tab.chart.key_label.text()


def test_hovering_a_bar_shows_figure_qualifier_source_and_quote(
    tab: IndustriesTab, dataset: Dataset, qtbot: Any
) -> None:
    industry = next(i for i in dataset.industries if i.average.qualifier)
    y, length = tab.chart.bar_geometry(f"industry:{industry.id}")
    vb = tab.plot.getPlotItem().getViewBox()
    tab.plot.scene().sigMouseMoved.emit(vb.mapViewToScene(QPointF(length / 2, y)))
    text = tab.chart.hover_text()
    assert f"${industry.average.amount:,}" in text
    assert industry.average.qualifier is not None
    assert industry.average.qualifier in text
    assert dataset.source_names(industry.average.sources) in text
    assert industry.average.quote in text
    # Away from the bars the hover text goes.
    tab.plot.scene().sigMouseMoved.emit(vb.mapViewToScene(QPointF(length * 1.2, y)))
    assert tab.chart.hover_text() == ""


# --- choosing your industry and employer ---------------------------------------------------------------------


def test_choosing_an_industry_in_the_combo_reaches_the_profile_and_the_highlight(
    main_context: Any, tab: IndustriesTab
) -> None:
    assert highlighted(tab) == set()
    choose(tab.industry_combo, "finance")
    assert main_context.session.profile.industry == "finance"
    assert highlighted(tab) == {"industry:finance"}
    assert "your industry" in tab.table.model().index(tab.row_of("industry:finance"), 0).data()
    choose(tab.industry_combo, "education")
    assert main_context.session.profile.industry == "education"
    assert highlighted(tab) == {"industry:education"}
    choose(tab.industry_combo, "")
    assert main_context.session.profile.industry is None
    assert highlighted(tab) == set()


def test_the_industry_combo_works_from_the_keyboard(main_context: Any, tab: IndustriesTab, qtbot: Any) -> None:
    tab.industry_combo.setFocus()
    qtbot.keyClick(tab.industry_combo, Qt.Key.Key_Down)
    chosen = tab.industry_combo.currentData()
    assert chosen
    assert main_context.session.profile.industry == chosen
    assert highlighted(tab) == {f"industry:{chosen}"}


def test_choosing_an_employer_shows_the_employers_and_highlights_it(
    main_context: Any, tab: IndustriesTab, dataset: Dataset
) -> None:
    assert not tab.employers_check.isChecked()
    employer = dataset.employers[0]
    choose(tab.employer_combo, employer.id)
    assert main_context.session.profile.employer == employer.id
    assert tab.employers_check.isChecked()
    assert bar_fill(tab, f"employer:{employer.id}") != bar_fill(tab, f"employer:{dataset.employers[1].id}")
    choose(tab.industry_combo, "healthcare")
    assert highlighted(tab) == {f"employer:{employer.id}", "industry:healthcare"}


def test_clicking_a_bar_chooses_it(main_context: Any, tab: IndustriesTab, qtbot: Any, dataset: Dataset) -> None:
    click_bar(qtbot, tab, "industry:education")
    assert main_context.session.profile.industry == "education"
    assert tab.industry_combo.currentData() == "education"
    assert highlighted(tab) == {"industry:education"}
    assert tab.selected_key() == "industry:education"

    tab.employers_check.setChecked(True)
    amazon = max(dataset.employers, key=lambda e: e.pay.amount)
    click_bar(qtbot, tab, f"employer:{amazon.id}")
    assert main_context.session.profile.employer == amazon.id
    assert main_context.session.profile.industry == "education"
    assert tab.employer_combo.currentData() == amazon.id
    assert highlighted(tab) == {"industry:education", f"employer:{amazon.id}"}


def test_clicking_beside_a_bar_chooses_nothing(main_context: Any, tab: IndustriesTab, qtbot: Any) -> None:
    y, length = tab.chart.bar_geometry("industry:manufacturing")
    tab.chart.click_at(QPointF(length * 1.1, y))
    tab.chart.click_at(QPointF(length / 2, y + 0.5))
    assert main_context.session.profile.industry is None


def test_highlight_follows_changes_made_elsewhere(main_context: Any, tab: IndustriesTab) -> None:
    main_context.session.edit(industry="healthcare", employer="google")
    assert tab.industry_combo.currentData() == "healthcare"
    assert tab.employer_combo.currentData() == "google"
    assert highlighted(tab) == {"industry:healthcare"}  # the employers are hidden until shown
    tab.employers_check.setChecked(True)
    assert highlighted(tab) == {"industry:healthcare", "employer:google"}


def test_a_saved_choice_is_highlighted_at_start(build: Callable[..., Any], dataset: Dataset) -> None:
    ctx = build(dataset, Profile(industry="finance", employer="facebook"))
    tab = open_tab(ctx)
    assert tab.employers_check.isChecked()
    assert highlighted(tab) == {"industry:finance", "employer:facebook"}
    assert tab.first_combo.currentData() == "industry:finance"


def test_an_industry_the_data_no_longer_knows_is_kept(build: Callable[..., Any], dataset: Dataset) -> None:
    ctx = build(dataset, Profile(industry="space-mining"))
    tab = open_tab(ctx)
    assert tab.industry_combo.currentData() == "space-mining"
    assert "not in the current data" in tab.industry_combo.currentText()
    assert ctx.session.profile.industry == "space-mining"
    assert highlighted(tab) == set()


# --- the comparison ----------------------------------------------------------------------------------------


def pair_text(dataset: Dataset, first: str, second: str) -> str:
    amounts = industry_amounts(dataset) | employer_amounts(dataset)
    names = {f"industry:{i.id}": i.name for i in dataset.industries} | {
        f"employer:{e.id}": e.name for e in dataset.employers
    }
    words = {f"industry:{i.id}": i.average.qualifier for i in dataset.industries} | {
        f"employer:{e.id}": e.pay.qualifier for e in dataset.employers
    }
    a, b = amounts[first], amounts[second]
    one, two = (f"{names[k]} ({words[k]} ${amounts[k]:,})" if words[k] else names[k] for k in (first, second))
    if a == b:
        return f"{one} and {two} pay the same (${a:,})"
    word = "more" if a > b else "less"
    return f"{one} pays ${abs(a - b):,} ({abs(a - b) / b * 100:.1f}%) {word} than {two}"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("industry:finance", "industry:education"),
        ("industry:education", "industry:finance"),
        ("industry:education", "industry:manufacturing"),
        ("employer:amazon", "industry:software-it"),
        ("industry:consumer-goods", "employer:google"),
    ],
)
def test_comparison_reads_the_difference(tab: IndustriesTab, dataset: Dataset, first: str, second: str) -> None:
    choose(tab.first_combo, first)
    choose(tab.second_combo, second)
    assert tab.comparison_headline.text().startswith(pair_text(dataset, first, second))


def test_a_comparison_keeps_the_articles_words_for_its_figures(tab: IndustriesTab) -> None:
    # Issue 24 item 8: "Amazon pays $106,000 (71.6%) more than Google" dropped "highest" and "almost".
    choose(tab.first_combo, "employer:amazon")
    choose(tab.second_combo, "employer:google")
    assert tab.comparison_headline.text() == (
        "Amazon (highest $254,000) pays $106,000 (71.6%) more than Google (almost $148,000) (the article says "
        "Amazon “leads the pack with highest salary”: $254,000 may be its highest salary or the pay of the employer "
        "that pays most, not an average like the others; “almost” makes the difference approximate)"
    )
    choose(tab.first_combo, "industry:consumer-goods")
    choose(tab.second_combo, "industry:software-it")
    assert tab.comparison_headline.text() == (
        "Consumer goods (almost $150,000) pays $15,000 (11.1%) more than Software and IT services (around $135,000) "
        "(“almost” and “around” make the difference approximate)"
    )
    choose(tab.first_combo, "industry:finance")
    choose(tab.second_combo, "industry:education")
    assert tab.comparison_headline.text() == "Finance pays $17,000 (16.5%) more than Education"


def test_comparison_examples_from_the_issue(tab: IndustriesTab, dataset: Dataset) -> None:
    finance, education = dataset.industry("finance").average, dataset.industry("education").average
    choose(tab.first_combo, "industry:finance")
    choose(tab.second_combo, "industry:education")
    diff = finance.amount - education.amount
    assert tab.comparison_headline.text() == (
        f"Finance pays ${diff:,} ({diff / education.amount:.1%}) more than Education"
    )
    choose(tab.second_combo, "industry:manufacturing")
    choose(tab.first_combo, "industry:education")
    assert tab.comparison_headline.text() == (
        f"Education and Manufacturing pay the same (${dataset.industry('manufacturing').average.amount:,})"
    )


def test_comparison_places_each_entry_against_the_overall_range(tab: IndustriesTab, dataset: Dataset) -> None:
    base = dataset.overall.base_range
    mid = (base.min + base.max) / 2
    amazon = dataset.employer("amazon").pay.amount
    finance = dataset.industry("finance").average.amount
    choose(tab.first_combo, "employer:amazon")
    choose(tab.second_combo, "industry:finance")
    details = tab.comparison_details.text()
    assert f"${base.min:,}–${base.max:,}" in details
    assert f"midpoint ${mid:,.0f}, derived" in details
    assert f"Amazon ${amazon:,} (highest): ${amazon - base.max:,} above the range" in details
    side = "above" if finance > mid else "below"
    assert f"Finance ${finance:,}: within the range, ${abs(finance - mid):,.0f} {side} its midpoint" in details


def test_comparing_an_entry_with_itself_asks_for_a_second(tab: IndustriesTab) -> None:
    choose(tab.first_combo, "industry:finance")
    choose(tab.second_combo, "industry:finance")
    assert tab.comparison_headline.text() == "Pick a second entry to compare with Finance."


# --- the table ---------------------------------------------------------------------------------------------


def test_table_lists_the_chart_entries(tab: IndustriesTab, dataset: Dataset) -> None:
    assert sorted(table_keys(tab)) == sorted(tab.chart.bar_keys())
    tab.employers_check.setChecked(True)
    assert sorted(table_keys(tab)) == sorted(tab.chart.bar_keys())
    assert len(table_keys(tab)) == len(dataset.industries) + len(dataset.employers)
    tab.employers_check.setChecked(False)
    assert sorted(table_keys(tab)) == sorted(industry_amounts(dataset))


def test_table_sorts_numerically(tab: IndustriesTab, dataset: Dataset) -> None:
    tab.employers_check.setChecked(True)
    amounts = industry_amounts(dataset) | employer_amounts(dataset)
    base = dataset.overall.base_range
    mid = (base.min + base.max) / 2

    col = column("Vs overall midpoint")
    tab.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    keys = table_keys(tab)
    numbers = [amounts[k] - mid for k in keys]
    assert numbers == sorted(numbers)
    # The displayed text ("-$13,000", "+$4,000", "+$138,000") would sort differently as plain strings.
    model = tab.table.model()
    texts = [model.index(r, col).data() for r in range(model.rowCount())]
    assert texts != sorted(texts)

    tab.table.sortByColumn(column("Pay (USD a year)"), Qt.SortOrder.DescendingOrder)
    assert [amounts[k] for k in table_keys(tab)] == sorted(amounts.values(), reverse=True)

    tab.table.sortByColumn(column("Name"), Qt.SortOrder.AscendingOrder)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == sorted(names, key=str.casefold)


def test_equal_pay_is_listed_in_the_same_order_in_chart_and_table(tab: IndustriesTab, dataset: Dataset) -> None:
    amounts = industry_amounts(dataset)
    assert amounts["industry:education"] == amounts["industry:manufacturing"], "the article's tie"
    assert amounts["industry:finance"] == amounts["industry:healthcare"], "and another"
    tab.table.sortByColumn(column("Pay (USD a year)"), Qt.SortOrder.DescendingOrder)
    assert table_keys(tab) == tab.chart.bar_keys()
    order = table_keys(tab)
    assert order.index("industry:education") < order.index("industry:manufacturing")
    assert order.index("industry:finance") < order.index("industry:healthcare")
    tab.table.sortByColumn(column("Pay (USD a year)"), Qt.SortOrder.AscendingOrder)
    order = table_keys(tab)
    assert order.index("industry:education") < order.index("industry:manufacturing"), "A to Z either way"


def test_table_selection_and_chart_selection_follow_each_other(
    main_context: Any, tab: IndustriesTab, qtbot: Any
) -> None:
    presenter = main_context.presenter("industries", IndustriesPresenter)
    row = tab.row_of("industry:healthcare")
    tab.table.selectRow(row)
    assert presenter.selected == "industry:healthcare"
    selected_bars = [b.key for b in presenter.chart().industries if b.selected]
    assert selected_bars == ["industry:healthcare"]
    pens = tab.chart.industry_bars.opts["pens"]
    i = tab.chart.industry_bars.keys.index("industry:healthcare")
    assert pens[i].widthF() > max(p.widthF() for j, p in enumerate(pens) if j != i)
    # Selecting in the table does not change the profile; clicking a bar does, and the table follows.
    assert main_context.session.profile.industry is None
    click_bar(qtbot, tab, "industry:finance")
    assert tab.selected_key() == "industry:finance"
    # The keyboard moves the selection too.
    tab.table.setFocus()
    before = tab.selected_key()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.selected_key() != before
    assert presenter.selected == tab.selected_key()


# --- data, not code ----------------------------------------------------------------------------------------


def test_an_added_industry_and_employer_appear_without_code_changes(
    build: Callable[..., Any], data_copy: Callable[..., Path]
) -> None:
    def add(data: dict[str, Any]) -> None:
        data["industries"].append(
            {
                "id": "retail",
                "name": "Retail",
                "average": {"amount": 111000, "unit": "usd-base-year-us", "sources": ["article"], "quote": "x"},
            }
        )
        data["employers"].append(
            {
                "id": "acme",
                "name": "Acme Corp",
                "pay": {
                    "amount": 171000,
                    "qualifier": "about",
                    "unit": "usd-base-year-us",
                    "sources": ["article"],
                    "quote": "y",
                },
            }
        )

    modified = load_dataset(data_copy(add))
    ctx = build(modified)
    tab = open_tab(ctx)
    assert tab.chart.bar_geometry("industry:retail")[1] == 111000
    assert tab.row_of("industry:retail") >= 0
    assert tab.industry_combo.findData("retail") >= 0
    tab.employers_check.setChecked(True)
    assert tab.chart.bar_geometry("employer:acme")[1] == 171000
    assert tab.row_of("employer:acme") >= 0
    assert tab.employer_combo.findData("acme") >= 0
    # Placed by pay among the others.
    keys = tab.chart.bar_keys()
    amounts = industry_amounts(modified) | employer_amounts(modified)
    industries = [k for k in keys if k.startswith("industry:")]
    assert [amounts[k] for k in industries] == sorted((amounts[k] for k in industries), reverse=True)


# --- accessibility -----------------------------------------------------------------------------------------


def test_controls_are_named_and_reachable_by_keyboard(tab: IndustriesTab) -> None:
    controls: list[QWidget] = [
        tab.industry_combo,
        tab.employer_combo,
        tab.employers_check,
        tab.table,
        tab.first_combo,
        tab.second_combo,
    ]
    for w in controls:
        assert w.accessibleName(), w.objectName()
        assert w.focusPolicy() & Qt.FocusPolicy.TabFocus, w.objectName()
    assert tab.plot.accessibleName()
    # Tab moves through the controls in reading order.
    chain = []
    w = tab.industry_combo.nextInFocusChain()
    while w is not tab.industry_combo and len(chain) < 200:
        if w in controls:
            chain.append(w)
        w = w.nextInFocusChain()
    assert chain[:5] == controls[1:]
    assert isinstance(tab.employers_check, QCheckBox)
    # The chart's figures are in the table as well: one row per bar.
    assert sorted(table_keys(tab)) == sorted(tab.chart.bar_keys())


def test_the_selected_entry_is_marked_in_the_selection_colour_not_the_you_colour(
    main_context: Any, tab: IndustriesTab
) -> None:
    main_context.session.edit(industry="finance")
    tab.show_selection("industry:education")
    tab.entry_selected.emit("industry:education")
    band = tab.chart.selection_band
    assert band is not None
    assert band.brush().color().name() == QApplication.palette().color(QPalette.ColorRole.Highlight).name()
    assert round(band.rect().center().y()) == round(tab.chart.bar_geometry("industry:education")[0])
    assert highlighted(tab) == {"industry:finance"}  # yours keeps the "you" colour; selection does not take it
