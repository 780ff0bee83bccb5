"""Market wages tab benchmark (a report, not a test): what the tab adds to start-up, and how fast a change of area
or occupation redraws.

1. Start-up: the window built as the app builds it (build_window + first paint, offscreen), with the full tab
   registry and with the Market tab left out, alternately in one process. The tab is lazy, so the difference is
   its placeholder and its View menu entry. Target: <= 15 ms.
2. Switching: the presenter told of a new area (or occupation) and the window's repaint (the event loop's), against
   a floor measured in the same run: one pyqtgraph plot of the same size whose bars move, repainted. Also the
   upper bound: the whole tab painted again into a pixmap. Target: <= 16 ms.

    .venv/bin/python benchmarks/market_bench.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def startup(app: QApplication, runs: int) -> tuple[float, float, float]:
    import planner.app as planner_app
    import planner.tabs as planner_tabs
    from planner.storage.dataset_file import load_dataset

    dataset = load_dataset()
    full = list(planner_tabs.TABS)
    without = [spec for spec in full if spec.id != "market"]
    times: dict[str, list[float]] = {"with": [], "without": []}
    first_build: list[float] = []
    for _ in range(runs):
        for label, tabs in (("without", without), ("with", full)):
            planner_tabs.TABS = tabs
            with tempfile.TemporaryDirectory() as tmp:
                start = time.perf_counter()
                ctx = planner_app.build_window(app, dataset, Path(tmp))
                ctx.window.show()
                ctx.window.grab()
                app.processEvents()
                times[label].append(time.perf_counter() - start)
                if label == "with":
                    start = time.perf_counter()
                    tab = ctx.window.tab_widget("market")
                    ctx.window.tabs.setCurrentWidget(tab)
                    tab.grab()
                    first_build.append(time.perf_counter() - start)
                ctx.window.close()
                ctx.window.deleteLater()
                app.processEvents()
    planner_tabs.TABS = full
    return statistics.median(times["without"]), statistics.median(times["with"]), statistics.median(first_build)


Timing = tuple[float, float]  # wall-clock and this process's CPU seconds (CPU time is what other programs on a
# shared machine disturb least)


def timed(action: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def medians(samples: list[Timing]) -> Timing:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def switching(app: QApplication, runs: int) -> dict[str, Timing]:
    import pyqtgraph as pg

    from planner.app import build_window
    from planner.storage.dataset_file import load_dataset
    from planner.tabs.market.presenter import MarketPresenter

    results: dict[str, list[Timing]] = {"area": [], "occupation": [], "whole tab": [], "floor": []}
    with tempfile.TemporaryDirectory() as tmp:
        ctx = build_window(app, load_dataset(), Path(tmp))
        ctx.session.edit(current_salary=145_000)
        ctx.window.show()
        tab = ctx.window.tab_widget("market")
        ctx.window.tabs.setCurrentWidget(tab)
        presenter = ctx.presenter("market", MarketPresenter)
        assert presenter is not None
        metros = [a.code for a in presenter.market.areas if a.type == "M"]
        occupations = [o.code for o in presenter.market.occupations]
        tab.grab()
        app.processEvents()
        for i in range(runs):  # the change, then the window's own repaint of what changed (the event loop's)
            area = metros[(i * 37) % len(metros)]
            results["area"].append(timed(lambda a=area: (presenter.area_chosen(a), app.processEvents())))
            occupation = occupations[i % len(occupations)]
            results["occupation"].append(
                timed(lambda o=occupation: (presenter.occupation_chosen(o), app.processEvents()))
            )
            area = metros[(i * 53) % len(metros)]
            # Upper bound: every widget of the tab painted again into a new pixmap.
            results["whole tab"].append(timed(lambda a=area: (presenter.area_chosen(a), tab.grab())))

        floor_plot = pg.PlotWidget()
        floor_plot.resize(tab.plot.size())
        floor_plot.show()
        bars = pg.BarGraphItem(x=[0, 1, 2, 3], y0=[1, 2, 3, 0], height=[1, 1, 1, 1], width=0.5)
        floor_plot.addItem(bars)
        app.processEvents()
        for i in range(runs):
            results["floor"].append(timed(lambda i=i: (bars.setOpts(y0=[1, 2, 3, i % 4]), app.processEvents())))
        ctx.window.close()
    return {name: medians(samples) for name, samples in results.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    without, with_market, first = startup(app, args.runs)
    print(
        f"start-up (build_window + first paint, median of {args.runs}): without the Market tab {ms(without)}, "
        f"with it {ms(with_market)}: adds {ms(with_market - without)} (ratio {with_market / without:.3f}; "
        "target <= 15 ms)"
    )
    print(f"first showing of the Market tab (built then, data file read): {ms(first)}")
    results = switching(app, args.runs)
    floor_wall, floor_cpu = results["floor"]
    print(f"floor (one plot's bars moved and repainted): {ms(floor_wall)} wall, {ms(floor_cpu)} CPU")
    for name in ("area", "occupation", "whole tab"):
        wall, cpu = results[name]
        label = {"area": "switch area + repaint", "occupation": "switch occupation + repaint",
                 "whole tab": "switch area + whole tab painted (upper bound)"}[name]  # fmt: skip
        ratio_wall, ratio_cpu = wall / floor_wall, cpu / max(floor_cpu, 1e-6)
        print(
            f"{label}: {ms(wall)} wall ({ratio_wall:.1f}x floor), {ms(cpu)} CPU ({ratio_cpu:.1f}x floor); "
            "target <= 16 ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
