"""The CSV's offers block and the career report compare the offers against what the Offers tab compares them with:
the current job until another offer is chosen there ("Compare against"), then that offer, said in the file."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from tests.gui.fake_dialogs import FakeDialogs
from tests.report_profile import report_profile

from planner.app import Context, build_window
from planner.domain.dataset import Dataset
from planner.startup import configure_application

TODAY = dt.date.today()


@pytest.fixture
def ctx(qtbot: Any, qapp: QApplication, dataset: Dataset, data_dir: Path) -> Iterator[tuple[Context, FakeDialogs]]:
    configure_application(qapp)
    dialogs = FakeDialogs()
    context = build_window(qapp, dataset, data_dir, profile=report_profile(TODAY), dialogs=dialogs)
    qtbot.addWidget(context.window)
    context.window.show()
    qtbot.waitExposed(context.window)
    yield context, dialogs
    context.window.close()


def offers_block(path: Path) -> list[list[str]]:
    text = path.read_bytes().removeprefix(codecs.BOM_UTF8).decode("utf-8")
    blocks: list[list[list[str]]] = [[]]
    for row in csv.reader(io.StringIO(text, newline="")):
        if row:
            blocks[-1].append(row)
        else:
            blocks.append([])
    return next(b for b in blocks if b and b[0][0].startswith("Job offers"))


def choose_baseline(context: Context, label: str) -> None:
    """As the user does: Ctrl+6, then an item of "Compare against"."""
    tab = context.window.tab_widget("offers")
    context.window.tabs.setCurrentWidget(tab)
    combo = tab.baseline
    index = combo.findText(label)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def export_csv(context: Context, dialogs: FakeDialogs, path: Path) -> list[list[str]]:
    dialogs.save_to = path
    context.window.export_csv_action.trigger()
    assert dialogs.errors == []
    return offers_block(path)


def test_the_csv_follows_the_tabs_baseline(ctx: tuple[Context, FakeDialogs], tmp_path: Path) -> None:
    context, dialogs = ctx
    before = export_csv(context, dialogs, tmp_path / "before.csv")  # the tab never opened: the current job
    assert "less that of the current job" in before[0][0]
    assert before[1][-1] == "Difference (average, against Current job)"
    assert [r[0] for r in before if r[0].endswith("(baseline)")] == ["Current job (baseline)"]

    choose_baseline(context, "The offer from Rainier Robotics")
    after = export_csv(context, dialogs, tmp_path / "after.csv")
    assert "less that of the offer from Rainier Robotics (the baseline chosen on the Offers tab)" in after[0][0]
    assert after[1][-1] == "Difference (average, against Rainier Robotics)"
    assert [r[0] for r in after if r[0].endswith("(baseline)")] == ["Rainier Robotics (baseline)"]
    rows = {(job, r[0].strip()): r for job, r in _by_job(after)}
    # By hand: Example Analytics' four-year total average $219,050; Rainier's $150,000 + $7,500 + $15,000 = $172,500.
    assert rows[("Example Analytics", "Total")][-1] == "46550"
    assert rows[("Current job", "Total")][-1] == "-27500"  # $145,000 against $172,500
    assert rows[("Rainier Robotics (baseline)", "Total")][-1] == ""


def _by_job(block: list[list[str]]) -> Iterator[tuple[str, list[str]]]:
    job = ""
    for row in block[2:]:
        if not row[0].startswith(" "):
            job = row[0]
        else:
            yield job, row


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make pytest installs it)")
def test_the_report_follows_the_tabs_baseline(ctx: tuple[Context, FakeDialogs], tmp_path: Path) -> None:
    context, dialogs = ctx
    choose_baseline(context, "The offer from Rainier Robotics")
    dialogs.save_to = tmp_path / "report.pdf"
    context.window.export_pdf_action.trigger()
    assert dialogs.errors == []
    text = subprocess.run(
        ["pdftotext", "-layout", str(dialogs.save_to), "-"], capture_output=True, text=True, check=True
    ).stdout
    squeezed = " ".join(text.split())
    assert "Rainier Robotics (baseline)" in squeezed
    assert "Current job (baseline)" not in squeezed
    assert "Year one against Rainier" in squeezed  # (its name wraps in the narrow first column)
    assert "less that of the offer from Rainier Robotics" in squeezed
