"""The career report laid out for paper (issue 27, item 1), produced as File > Save career report as PDF does, for
the issue's profile (six years in, $145,000 in Seattle, pay history, a learning plan, scenarios and two offers), in
the dark and the light theme, on Letter and A4. The pages are read back as a reader's tools read them: the text
layer with ``pdftotext``, the pages as pictures with ``pdftoppm`` (poppler-utils: ``make pytest`` installs it)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from fake_dialogs import FakeDialogs
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from planner.app import Context, build_window
from planner.domain.dataset import Dataset
from planner.domain.profile import Profile
from planner.startup import configure_application
from planner.views.report_render import paginate, parts
from planner.views.theme import apply_theme
from report_profile import report_profile

TODAY = dt.date.today()
POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (make pytest installs it)")
LIGATURES = re.compile("[\ufb00-\ufb06]")


def make_report(
    qtbot: Any,
    qapp: QApplication,
    dataset: Dataset,
    data_dir: Path,
    out: Path,
    theme: str,
    paper: str,
    profile: Profile | None = None,
    **kw: int,
) -> Path:
    country = QLocale.Country.UnitedStates if paper == "letter" else QLocale.Country.UnitedKingdom
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, country))
    configure_application(qapp)
    dialogs = FakeDialogs()
    ctx: Context = build_window(
        qapp, dataset, data_dir, profile=profile or report_profile(TODAY, **kw), dialogs=dialogs
    )
    qtbot.addWidget(ctx.window)
    try:
        apply_theme(qapp, theme)  # type: ignore[arg-type]
        ctx.window.show()
        qtbot.waitExposed(ctx.window)
        dialogs.save_to = out / f"report-{theme}-{paper}.pdf"
        ctx.window.export_pdf_action.trigger()
        assert dialogs.errors == []
        assert dialogs.save_to.is_file()
        return dialogs.save_to
    finally:
        ctx.window.close()
        apply_theme(qapp, "light")
        QLocale.setDefault(before)


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]  # every page ends in a form feed


@pytest.fixture(params=[("dark", "letter"), ("light", "a4"), ("dark", "a4")], ids=lambda p: "-".join(p))
def issue_report(
    request: pytest.FixtureRequest, qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, tmp_path: Path
) -> Path:
    theme, paper = request.param
    return make_report(qtbot, qapp, dataset, data_dir, tmp_path, theme, paper)


@needs_poppler
def test_the_issue_profiles_report_has_four_pages_each_numbered(issue_report: Path) -> None:
    pages = page_texts(issue_report)
    assert 3 <= len(pages) <= 5  # README: three to five pages (with offers side by side and by component)
    for n, page in enumerate(pages, start=1):
        assert f"page {n} of {len(pages)}" in page
        assert "ML Career Planner" in page


@needs_poppler
def test_the_text_layer_reads_as_written_and_holds_every_section(issue_report: Path) -> None:
    text = "\n".join(page_texts(issue_report))
    assert not LIGATURES.search(text), "ligature characters in the text layer"
    for words in (
        "You and your assumptions",
        "Your projection",
        "Year by year",
        "Your learning plan",
        "Pay history against the projection",
        "Scenarios side by side",
        "Job offers",
        "Job offers side by side",
        "Example Analytics",
        "Rainier Robotics",
        "Where you sit among official wages",
        "Where the figures come from",
        "Technical details",
        "offer",
        "profile",
        "Distributed computing",
        "Senior at Amazön",
        "Filing status",
        "State for taxes",  # the inputs of the take-home column, beside the others
    ):
        assert words in text, words


@needs_poppler
def test_tables_are_whole_on_one_page_and_numbers_unbroken(issue_report: Path) -> None:
    pages = page_texts(issue_report)
    page = next(p for p in pages if "Year by year" in p)
    projection = page[page.index("Year by year") : page.index("Derived: every fifth")]
    years = [TODAY.year + t for t in (0, 4, 9, 14, 19, 24, 29)]
    rows = [line for line in projection.splitlines() if re.match(rf"\s*({'|'.join(map(str, years))}) ", line)]
    assert [int(r.split()[0]) for r in rows] == years  # every row of the compact table, on one line each
    for row in rows:
        assert re.search(r"\$\d{1,3}(,\d{3})+\s*$|above\s*$|\$\d{1,3}(,\d{3})+\s+above", row), row
    page = next(p for p in pages if "Each job by component and year" in p)  # the offers' years, whole on a page
    after = page[page.index("Each job by component and year") :]
    assert all(f"Year {k}" in after for k in range(1, 5))
    for name in ("Current job (baseline)", "Example Analytics", "Rainier Robotics"):
        assert name in after
    scenarios = next(p for p in pages if "Scenarios side by side" in p)
    for name in ("Today's path", "Take the offer", "Consumer goods", "Senior at Amazön"):
        assert name in scenarios
    broken = re.compile(r"\$\d{1,3}(,\d{3})*,\d{0,2}$|\$,?$", re.MULTILINE)  # "$1,025,00" / "5" in the issue
    assert not broken.search("\n".join(line.rstrip() for line in "\n".join(pages).splitlines()))


@needs_poppler
def test_no_page_is_dark_in_either_theme(issue_report: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(issue_report), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert images
    for path in images:
        image = QImage(str(path))
        dark = sum(
            1
            for x in range(0, image.width(), 3)
            for y in range(0, image.height(), 3)
            if image.pixelColor(x, y).lightness() < 80
        )
        total = len(range(0, image.width(), 3)) * len(range(0, image.height(), 3))
        assert dark / total < 0.04, f"{path.name}: {dark / total:.0%} dark"


@needs_poppler
def test_a_profile_with_neither_scenarios_nor_offers(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, tmp_path: Path
) -> None:
    pdf = make_report(qtbot, qapp, dataset, data_dir, tmp_path, "dark", "letter", scenarios=0, offers=0)
    pages = page_texts(pdf)
    assert len(pages) <= 3
    text = "\n".join(pages)
    assert "Job offers" not in text
    assert "Scenarios side by side" not in text
    assert "Your learning plan" in text


@needs_poppler
def test_a_new_graduates_report_says_where_the_first_years_pay_comes_from(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, tmp_path: Path
) -> None:
    """No salary entered: the report said "Current base salary: not given" and then "$70,000 this year" with
    nothing between to say the $70,000 is the bottom of the entry level's range in the article."""
    pdf = make_report(qtbot, qapp, dataset, data_dir, tmp_path, "light", "letter", profile=Profile())
    text = " ".join("\n".join(page_texts(pdf)).split())
    assert "Current base salary not given: the" in text  # the table's two columns of pairs: the cell in lines
    assert "projection starts from the bottom of today's range (the article's)" in text
    assert re.search(rf"{TODAY.year} Entry \$([\d,]+) \$\1", text), "the first year's projection is the range's bottom"


@needs_poppler
def test_take_home_pay_in_the_report_names_the_tax_figures_it_comes_from(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, tmp_path: Path
) -> None:
    """The year table's Take-home column and the offers' "After tax" rows had no source in "Where the figures
    come from" (the article, the BLS and yours only): the tax figures are now one of the sources."""
    pdf = make_report(qtbot, qapp, dataset, data_dir, tmp_path, "light", "letter")
    pages = page_texts(pdf)
    page = next(p for p in pages if "Where the figures come from" in p)
    sources = " ".join(page[page.index("Where the figures come from") :].split())
    assert "Taxes Take-home and after-tax pay: derived from Tax-Calculator" in sources
    assert "policy_current_law.json for" in sources  # the file and the years it gives
    assert "PolicyEngine-US" in sources  # the states'
    assert sources.index("Official wages") < sources.index("Taxes") < sources.index("Yours")
    graduate = make_report(qtbot, qapp, dataset, data_dir, tmp_path, "light", "a4", profile=Profile())
    assert "policy_current_law.json" not in "\n".join(page_texts(graduate))  # no take-home pay: no tax source


def test_the_example_profile_ticks_skills_the_dataset_knows(dataset: Dataset) -> None:
    profile = report_profile(TODAY)
    known = {sk.id for sk in dataset.all_skills()}
    assert set(profile.skills) <= known
    assert set(profile.plan) <= known


# --- pages (no PDF needed) ---------------------------------------------------------------------------------------


def test_a_block_that_does_not_fit_the_rest_of_a_page_starts_the_next() -> None:
    assert paginate([30, 50, 40], page_height=100, gap=5) == [(0, 0.0), (0, 35.0), (1, 0.0)]


def test_a_block_taller_than_a_page_starts_a_page_and_the_next_follows_it() -> None:
    placed = paginate([20, 250, 10], page_height=100, gap=5)
    assert placed[:2] == [(0, 0.0), (1, 0.0)]
    assert parts(250, 100) == 3
    assert placed[2] == (3, 55.0)  # below the tall block's last part, on its third page


def test_the_compact_year_table_has_every_fifth_year_the_first_and_the_last() -> None:
    from planner.commands.reports import report_years

    assert report_years(30) == [0, 4, 9, 14, 19, 24, 29]
    assert report_years(7) == [0, 4, 6]
    assert report_years(1) == [0]
    assert report_years(0) == []


@needs_poppler
def test_the_offers_are_side_by_side_and_by_component_with_differences(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, tmp_path: Path
) -> None:
    pdf = make_report(qtbot, qapp, dataset, data_dir, tmp_path, "light", "letter")
    text = "\n".join(page_texts(pdf))
    assert "Job offers side by side" in text
    assert "Each job by component and year" in text
    assert "Leaving after 11 months" in text
    assert "Difference" in text
    assert "Current job (baseline)" in text


@needs_poppler
def test_the_year_table_breaks_no_word(issue_report: Path) -> None:
    """Nine columns on a portrait page broke words ("Experien|ce", "Senior lev|el"): the table keeps what fits,
    every heading and level whole on its line, and says the years of experience in its note."""
    pages = page_texts(issue_report)
    page = next(p for p in pages if "Year by year" in p)
    section = page[page.index("Year by year") : page.index("Derived: every fifth")]
    assert re.search(r"Year\s+Level\s+Low\s+Projected\s+High\s+Cumulative\s+Take-home", section), section
    levels = [line.split()[1] for line in section.splitlines() if re.match(r"\s*20\d\d ", line)]
    assert levels
    assert set(levels) <= {"Entry", "Mid", "Senior"}, levels
    note = page[page.index("Derived: every fifth") :]
    assert "Experience: 6 years in" in " ".join(note.split())


@needs_poppler
def test_a_job_named_in_a_heading_wraps_at_its_space_not_inside_a_word(issue_report: Path) -> None:
    pages = page_texts(issue_report)
    page = next(p for p in pages if "Job offers side by side" in p)
    words = re.findall(r"[A-Za-z]+", page[page.index("Job offers side by side") :])
    assert "Analytics" in words  # "Example Analytics" heads its column; held on one line it broke as "Analytic|s"
    assert "Analytic" not in words


def leftmost_ink(image: QImage, rows: range) -> range:
    """The first run of columns from the left holding a dark pixel in ``rows``."""
    inked = [any(image.pixelColor(x, y).lightness() < 110 for y in rows) for x in range(image.width() // 4)]
    start = inked.index(True)
    end = inked.index(False, start)
    return range(start, end)


def printed_chart(
    qtbot: Any,
    qapp: QApplication,
    dataset: Dataset,
    data_dir: Path,
    out: Path,
    opened: bool,
    monkeypatch: Any,
    profile: Profile | None = None,
    pay: tuple[str, str] | None = None,
) -> QImage:
    """The chart File > Save career report as PDF puts on the page, from the Levels tab, the Projection tab
    ``opened`` (drawn on screen) before or not; ``pay``: the dollars and the pay chosen on it first."""
    import planner.views.report_render as report_render

    printed: list[QImage] = []
    draw = report_render.report_pdf

    def keep(report: Any, chart: QImage | None, *args: Any) -> bytes:
        assert chart is not None
        printed.append(chart.convertToFormat(QImage.Format.Format_RGB32))
        return draw(report, chart, *args)

    monkeypatch.setattr(report_render, "report_pdf", keep)
    configure_application(qapp)
    dialogs = FakeDialogs(save_to=out / f"report-{opened}.pdf")
    ctx = build_window(qapp, dataset, data_dir, profile=profile or report_profile(TODAY), dialogs=dialogs)
    qtbot.addWidget(ctx.window)
    ctx.window.resize(1366, 768)
    ctx.window.show()
    qtbot.waitExposed(ctx.window)
    if pay is not None:
        tab = ctx.window.tab_widget("projection")
        tab.dollars.setCurrentIndex(tab.dollars.findData(pay[0]))
        tab.comp.setCurrentIndex(tab.comp.findData(pay[1]))
        assert (ctx.display.dollars, ctx.display.comp) == pay
    if opened:
        ctx.window.tabs.setCurrentWidget(ctx.window.tab_widget("projection"))
        qtbot.waitUntil(lambda: ctx.window.current_tab_id() == "projection")
        ctx.window.tab_widget("projection").grab()  # drawn, as on screen
        ctx.window.tabs.setCurrentIndex(0)
    assert ctx.window.current_tab_id() != "projection"
    ctx.window.export_pdf_action.trigger()
    ctx.window.close()
    assert dialogs.errors == []
    return printed[0]


def test_printed_before_the_projection_tab_was_opened_the_axis_title_clears_the_amounts(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+P with the Projection tab never opened: its chart's axis had not yet measured its amounts and printed
    its title "Base salary (nominal $)" over "$200k", "$400k"... The title prints as it does once the tab was
    opened: a strip of its own at the left edge, as wide as a line of text, clear of the amounts."""
    images = [printed_chart(qtbot, qapp, dataset, data_dir, tmp_path, o, monkeypatch) for o in (True, False)]
    strips = []
    for image in images:
        rows = range(round(image.height() * 0.3), round(image.height() * 0.6))  # the middle rows, where the title is
        strips.append(leftmost_ink(image, rows))
    opened, never = strips
    assert len(never) <= len(opened) + 2, f"the axis title runs into the amounts: {never} against {opened}"


def test_a_long_key_under_the_printed_chart_leaves_the_plot_its_height_and_its_axis_title_whole(
    qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five scenarios with 60-character names, take-home pay in New York in today's dollars: the key, one entry
    to a line, took two thirds of the printed chart; the plot was an inch high and its axis title, "Take-home pay
    (today's $)", longer than the axis, was cut off at the top. The chart grows by what its key needs."""
    from planner.domain.plans import Scenario
    from planner.domain.profile import TaxInputs

    long_names = [f"Scenario {n}: a name of sixty characters, <b>x</b> &amp; more!" for n in range(1, 6)]
    assert {len(name) for name in long_names} == {60}
    base = report_profile(TODAY)
    profile = base.model_copy(
        update={
            "scenarios": [
                Scenario(id=f"scenario-{n}", name=name, industry=industry)
                for n, (name, industry) in enumerate(
                    zip(
                        long_names,
                        ("finance", "healthcare", "education", "consumer-goods", "manufacturing"),
                        strict=True,
                    ),
                    1,
                )
            ],
            "taxes": TaxInputs(state="NY"),
        }
    )
    image = printed_chart(
        qtbot, qapp, dataset, data_dir, tmp_path, True, monkeypatch, profile=profile, pay=("today", "take_home")
    )
    title = leftmost_ink(image, range(image.height() // 2))
    inked = [y for y in range(image.height()) if any(image.pixelColor(x, y).lightness() < 110 for x in title)]
    assert inked[0] > 2, "the axis title runs off the top of the chart"
    assert image.height() / image.width() > 0.6  # taller than the usual chart: its key needs it


def test_the_reports_salary_line_says_where_the_first_year_comes_from() -> None:
    """The salary entered; else the pay history's latest year, which the projection starts from; else the bottom of
    today's range (the same precedence as Profile.salary_today)."""
    from planner.commands.reports import _salary

    assert _salary(Profile(current_salary=145_000, pay_history={2025: 138_000})) == "$145,000"
    history = _salary(Profile(pay_history={2024: 126_500, 2025: 138_000}))
    assert history == "not given: the projection starts from your pay history's $138,000"
    assert "bottom of today's range" in _salary(Profile())
