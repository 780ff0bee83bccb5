"""Data pack benchmark (a report, not a test): a 54,000-skill salary data file, just under the 5 MB limit, checked
(read, parsed, validated, cross-checked) and compared with the built-in data, and its list of changes laid out in
the review dialog, as File > Import salary data does. Target: <= 2 s for all of it.

The floor, measured in the same run: ``json.loads`` of the same bytes (reading the file is the least any check
does). Before issue 23 the comparison was quadratic: 3,000 skills took 8.5 s and 54,000 had not finished in 590 s.

    .venv/bin/python benchmarks/data_pack_bench.py [--runs 5] [--skills 54000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication


def large_pack(skills: int) -> bytes:
    """The built-in data with ``skills`` more skills, spread over the levels, as compact JSON."""
    from planner.storage.dataset_file import bundled_dataset_file

    data = json.loads(bundled_dataset_file().read_text(encoding="utf-8"))
    per_level = skills // len(data["levels"])
    for lv in data["levels"]:
        lv["skills"].extend(
            {"id": f"{lv['id']}.x{n}", "name": f"S{n}", "description": "d", "sources": ["article"], "quote": "q"}
            for n in range(per_level)
        )
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skills", type=int, default=54_000)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from planner.domain.dataset_diff import diff_datasets
    from planner.storage.data_pack import read_dataset_file
    from planner.storage.dataset_file import MAX_DATASET_BYTES, load_dataset
    from planner.views.data_dialogs import ChangesDialog

    builtin = load_dataset()
    raw = large_pack(args.skills)
    assert len(raw) <= MAX_DATASET_BYTES, f"{len(raw)} bytes: over the limit"
    floor, check, diff_times, dialog_times, totals = [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "salary-data.json"
        path.write_bytes(raw)
        for _ in range(args.runs):
            start = time.perf_counter()
            json.loads(path.read_bytes())
            floor.append(time.perf_counter() - start)

            start = time.perf_counter()
            dataset, _bytes = read_dataset_file(path)
            checked = time.perf_counter()
            diff = diff_datasets(builtin, dataset)
            listed = time.perf_counter()
            dialog = ChangesDialog("Import salary data", diff.summary(), diff.changes)
            dialog.show()
            app.processEvents()
            shown = time.perf_counter()
            dialog.close()
            dialog.deleteLater()
            check.append(checked - start)
            diff_times.append(listed - checked)
            dialog_times.append(shown - listed)
            totals.append(shown - start)

    med = statistics.median
    print(
        f"Data pack of {args.skills:,} skills, {len(raw) / 1024 / 1024:.2f} MB, {len(diff.changes):,} changes "
        f"({args.runs} runs, medians)"
    )
    print(f"  floor  json.loads          {med(floor) * 1000:7.0f} ms")
    print(f"  check  read and validate   {med(check) * 1000:7.0f} ms   {med(check) / med(floor):5.1f}x the floor")
    print(f"  diff   list the changes    {med(diff_times) * 1000:7.0f} ms   {med(diff_times) / med(floor):5.1f}x")
    print(f"  dialog lay out the list    {med(dialog_times) * 1000:7.0f} ms   {med(dialog_times) / med(floor):5.1f}x")
    total = med(totals)
    print(
        f"  total                      {total * 1000:7.0f} ms   {total / med(floor):5.1f}x the floor"
        f"   target <= 2000 ms: {'met' if total <= 2.0 else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
