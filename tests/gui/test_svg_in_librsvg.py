"""Chart exports as SVG draw alike in Qt and in librsvg, the renderer of GNOME's image viewers (issue 27, item 2).

Each tab's chart is exported as File > Export chart does, then drawn twice: by ``rsvg-convert`` (Debian package
librsvg2-bin; ``make report-tools``, run by ``make pytest``, installs it) and by Qt's own SVG renderer. The bars are
found in both pictures by their colour, row by row: the same bars, as many as the chart has, in the same places.
Before, librsvg drew the Offers bars as two blocks (a 1-pixel edge scaled to 86 pixels) and the Salary by level
selection band over the Mid-level bar."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import numpy as np
import pytest
from fake_dialogs import FakeDialogs
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from planner.app import Context, build_window
from planner.domain.dataset import Dataset
from planner.startup import configure_application
from planner.views.theme import chart_colors
from report_profile import report_profile

RSVG = shutil.which("rsvg-convert")
pytestmark = pytest.mark.skipif(
    RSVG is None,
    reason="rsvg-convert is not installed and could not be: `make report-tools` installs it (librsvg2-bin)",
)
WIDTH = 1000
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def ctx(qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path) -> Iterator[tuple[Context, FakeDialogs]]:
    """The window on issue 27's profile ($145,000, two offers, scenarios), as the app builds it."""
    import datetime as dt

    configure_application(qapp)
    dialogs = FakeDialogs()
    context = build_window(qapp, dataset, data_dir, profile=report_profile(dt.date.today()), dialogs=dialogs)
    qtbot.addWidget(context.window)
    context.window.resize(1366, 768)
    context.window.show()
    qtbot.waitExposed(context.window)
    yield context, dialogs
    context.window.close()


def export_svg(ctx: Context, dialogs: FakeDialogs, tab_id: str, out: Path) -> Path:
    window = ctx.window
    window.tabs.setCurrentIndex(window.tab_ids().index(tab_id))
    QApplication.processEvents()
    dialogs.save_to, dialogs.save_suffix, dialogs.width = out / f"{tab_id}.svg", "svg", WIDTH
    window.export_chart_action.trigger()
    assert dialogs.errors == []
    assert dialogs.save_to.is_file()
    return dialogs.save_to


def pixels(image: QImage) -> np.ndarray:
    """Height × width × RGB of the picture, on white."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    data = np.frombuffer(flat.constBits(), np.uint8).reshape(flat.height(), flat.bytesPerLine() // 4, 4)
    return data[:, : flat.width(), 2::-1].astype(int)  # BGRA in memory (little endian): RGB


def drawn_by_librsvg(svg: Path) -> np.ndarray:
    png = svg.with_suffix(".rsvg.png")
    assert RSVG is not None
    subprocess.run([RSVG, "--width", str(WIDTH), "-o", str(png), str(svg)], check=True, capture_output=True)
    image = QImage(str(png))
    assert not image.isNull()
    return pixels(image)


def drawn_by_qt(svg: Path, height: int) -> np.ndarray:
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid()
    image = QImage(QSize(WIDTH, height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return pixels(image)


def plot_area(svg: Path) -> tuple[slice, slice]:
    """Rows and columns of the chart's plot (inside its axes): the rectangle its curves are clipped to."""
    root = ET.parse(svg).getroot()
    clip = next(e for e in root.iter(f"{SVG}clipPath") if e.get("id", "").startswith("ViewBox"))
    shape = next(iter(clip))
    xy = [tuple(float(v) for v in point.split(",")) for point in re.findall(r"-?[\d.]+,-?[\d.]+", shape.get("d", ""))]
    xs, ys = [x for x, _ in xy], [y for _, y in xy]
    return slice(round(min(ys)) + 1, round(max(ys)) - 1), slice(round(min(xs)) + 1, round(max(xs)) - 1)


def bars(picture: np.ndarray, colour: QColor) -> list[tuple[int, int]]:
    """(first, last) x of each upright bar of ``colour``: the stretches of columns holding that colour on at least
    30 rows (a mark's outline is shorter). Bars that merge, or a band drawn over a bar (its colour tinted), leave
    fewer stretches."""
    target = np.array([colour.red(), colour.green(), colour.blue()])
    hit = np.abs(picture - target).sum(axis=2) <= 24
    columns = (hit.sum(axis=0) >= 30).astype(int)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], columns, [0]))))
    return [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def assert_bars_alike(svg: Path, colour: QColor, expected: int) -> None:
    """Qt's picture has ``expected`` bars of ``colour``, and librsvg's the same bars in the same places."""
    librsvg = drawn_by_librsvg(svg)
    qt = drawn_by_qt(svg, librsvg.shape[0])
    rows, columns = plot_area(svg)
    by_qt, by_librsvg = bars(qt[rows, columns], colour), bars(librsvg[rows, columns], colour)
    assert len(by_qt) == expected, f"Qt draws {by_qt}"
    assert len(by_librsvg) == expected, f"librsvg draws {by_librsvg} where Qt draws {by_qt}"
    for (a0, a1), (b0, b1) in zip(by_qt, by_librsvg, strict=True):
        assert abs(a0 - b0) <= 2, (by_qt, by_librsvg)
        assert abs(a1 - b1) <= 2, (by_qt, by_librsvg)
    assert min(b - a for a, b in by_qt) >= 10  # bars, not slivers


def test_the_offers_bars_stay_apart_in_librsvg(ctx: tuple[Context, FakeDialogs], tmp_path: Path) -> None:
    context, dialogs = ctx
    tab = context.window.tab_widget("offers")
    svg = export_svg(context, dialogs, "offers", tmp_path)
    base = tab.bars["base"].opts["brush"].color()  # the base salary: the bottom of every bar
    # The current job and the selected offer, four years each: eight bars, as Qt draws them.
    assert_bars_alike(svg, QColor(base), 8)


def test_no_selection_band_covers_a_level_bar_in_librsvg(ctx: tuple[Context, FakeDialogs], tmp_path: Path) -> None:
    context, dialogs = ctx
    tab = context.window.tab_widget("levels")
    tab.table.selectRow(1)  # the Mid level, selected in the table: a band behind its bar on screen
    QApplication.processEvents()
    assert tab.selection_band is not None
    assert tab.selection_band.isVisible()
    svg = export_svg(context, dialogs, "levels", tmp_path)
    assert tab.selection_band.isVisible()  # back on screen after the export
    # Three levels, three bars in the article's colour: none hidden or tinted by a band, in either renderer.
    assert_bars_alike(svg, chart_colors(False)["bar"], 3)


@pytest.mark.parametrize("tab_id", ["levels", "industries", "projection", "market", "offers"])
def test_every_chart_draws_alike_in_qt_and_librsvg(
    ctx: tuple[Context, FakeDialogs], tmp_path: Path, tab_id: str
) -> None:
    """Every chart export: what is drawn in colour (bars, bands, curves, marks) is where Qt draws it. Text is
    left out (two font engines never space letters alike): black and grey are not colours here."""
    context, dialogs = ctx
    svg = export_svg(context, dialogs, tab_id, tmp_path)
    librsvg = drawn_by_librsvg(svg)
    qt = drawn_by_qt(svg, librsvg.shape[0])
    # Compared in 4 × 4 blocks, so an edge a pixel to the side does not count as a difference.
    h, w = (librsvg.shape[0] // 4) * 4, (WIDTH // 4) * 4

    def blocks(p: np.ndarray) -> np.ndarray:
        return p[:h, :w].reshape(h // 4, 4, w // 4, 4, 3).mean(axis=(1, 3))

    a, b = blocks(librsvg), blocks(qt)
    coloured = ((a.max(axis=2) - a.min(axis=2)) > 40) | ((b.max(axis=2) - b.min(axis=2)) > 40)
    assert coloured.mean() > 0.01  # a chart was drawn, not a blank page
    differ = (np.abs(a - b).sum(axis=2) > 60)[coloured].mean()
    assert differ < 0.05, f"{differ:.1%} of what the {tab_id} chart draws in colour differs between librsvg and Qt"


def text_sizes(svg: Path) -> dict[str, float]:
    """Each text of the SVG with its size as drawn: its font size times the scale of the groups around it."""
    sizes: dict[str, float] = {}

    def walk(element: ET.Element, scale: float) -> None:
        found = re.match(r"matrix\(([-\d.e]+),([-\d.e]+),", element.get("transform", ""))
        if found:
            scale *= float(np.hypot(float(found[1]), float(found[2])))
        if element.tag == f"{SVG}text" and element.text:
            sizes[element.text.strip()] = float(element.get("font-size", "0")) * scale
        for child in element:
            walk(child, scale)

    walk(ET.parse(svg).getroot(), 1.0)
    return sizes


def test_the_offers_year_labels_grow_with_the_svg_as_its_axis_text_does(
    ctx: tuple[Context, FakeDialogs], tmp_path: Path
) -> None:
    """Y1-Y4 above the bars are as large as the axis' figures in the file, as on screen (they were 12 px in a
    picture whose other text had grown threefold)."""
    context, dialogs = ctx
    # A chart narrower than the file (its text grows), with room on screen for a label above each bar.
    context.window.resize(1024, 640)
    sizes = text_sizes(export_svg(context, dialogs, "offers", tmp_path))
    axis = sizes["$100k"]
    assert axis > 15  # the file is wider than the chart on screen (about 12 px text there): its text grew with it
    for label in ("Y1", "Y2", "Y3", "Y4"):
        assert sizes[label] == pytest.approx(axis, rel=0.1)
