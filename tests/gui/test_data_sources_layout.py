"""Help > Data sources leads with what a person needs (issue 27 item 5): what each source is, when it was published
or read and what it covers, in plain words, on the first tab and without scrolling; every figure in a table whose
columns all fit the dialog at 1024×640 and 1366×768 with nothing cut off; file names, sizes and SHA-256 sums on a
tab of their own. Before, the sources were a 190-pixel pane that led with sums and byte counts, over a table whose
last columns lay off to the right and whose cells ended in "…"."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from planner.storage.market_file import load_market_data
from planner.views.data_dialogs import DataSourcesDialog

SHA256 = re.compile(r"\b[0-9a-f]{64}\b")
# What the dialog has on a screen of each size: the screen less its panels (about 40 pixels).
SCREENS = {"1024x640": QSize(1024, 600), "1366x768": QSize(1366, 728)}


@pytest.fixture
def dialog(main_context: Any) -> Any:
    page = main_context.commands.show_data_sources()
    assert isinstance(page, DataSourcesDialog)
    yield page
    page.close()


def shown_at(dialog: DataSourcesDialog, screen: str) -> None:
    dialog.fit_within(SCREENS[screen])
    QApplication.processEvents()
    assert dialog.width() <= SCREENS[screen].width()
    assert dialog.height() <= SCREENS[screen].height()


def test_the_first_tab_says_what_each_source_is_when_and_what_it_covers(dialog: DataSourcesDialog) -> None:
    assert dialog.tabs.currentWidget() is dialog.intro  # what opens first
    text = " ".join(dialog.intro.toPlainText().split())
    market = load_market_data()
    # The article: what it is, when it was read (undated), what it covers, and the "base salary" it names once.
    assert "The article “ML engineer salary in US (article)”" in text
    assert "Undated; its figures were read on 28 November 2026." in text
    assert "pay ranges for 3 career levels (Entry level, Mid level and Senior level)" in text
    assert "an average for 7 industries, a figure for Google, Facebook and Amazon" in text
    assert "It says “base salary” only of its overall $78,000 – $154,000 range" in text
    # The official wages: who, when published and fetched, what they cover (nonmetropolitan areas too).
    assert "U.S. Bureau of Labor Statistics" in text
    assert "Published 15 May 2026; the app's copy of its files was retrieved on 26 September 2026." in text
    assert "3 occupations" in text
    assert "each state and metro and nonmetropolitan areas" in text
    assert market.disclaimer in text
    # The user's own entries, and whom the article credits.
    assert "what you entered" in text
    assert "PayScale (job portal)" in text
    # No technical detail up front: those are on their own tab.
    assert not SHA256.search(text)
    assert "bytes" not in text
    assert "oe.data.0.Current" not in text
    details = dialog.details.toPlainText()
    assert "oe.data.0.Current" in details
    assert all(f.sha256 in details and f"{f.bytes:,} bytes" in details for f in market.release.files)
    assert "read on 28 November 2026" in details  # one form for dates (issue 24 item 12)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", details)


@pytest.mark.parametrize("screen", SCREENS)
def test_the_sources_are_read_without_scrolling(dialog: DataSourcesDialog, screen: str) -> None:
    shown_at(dialog, screen)
    assert dialog.intro.height() > 400  # the whole dialog, not a 190-pixel pane
    assert dialog.intro.verticalScrollBar().maximum() == 0  # all of it in view


@pytest.mark.parametrize("screen", SCREENS)
def test_every_column_of_the_figures_fits_and_no_text_is_cut_off(dialog: DataSourcesDialog, screen: str) -> None:
    dialog.tabs.setCurrentIndex(1)
    shown_at(dialog, screen)
    table = dialog.table
    header = table.horizontalHeader()
    model = table.model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Figure",
        "Value",
        "Unit",
        "Sources",
        "Kind",
        "Quote or how it is made",
    ]
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
    assert header.length() <= table.viewport().width()  # every column in view: no sideways scrolling
    assert table.horizontalScrollBar().maximum() == 0
    for c in range(header.count()):  # each header's text whole
        title = str(model.headerData(c, Qt.Orientation.Horizontal))
        assert header.fontMetrics().horizontalAdvance(title) + 8 <= header.sectionSize(c), title
    # Every cell's whole text fits its cell, wrapped at its column's width (never shortened with "…").
    metrics = QFontMetrics(table.font())
    flags = int(Qt.TextFlag.TextWordWrap)
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            text = str(model.index(r, c).data())
            width = header.sectionSize(c) - 8  # the cell's margins
            needed = metrics.boundingRect(QRect(0, 0, width, 10_000), flags, text)
            assert needed.width() <= width, (r, c, text)
            assert needed.height() <= table.rowHeight(r), (r, c, text)
