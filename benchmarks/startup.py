"""Start-up benchmark: process start to main window shown and painted, the app against a floor.

The floor is a bare PySide6 + pyqtgraph + pydantic window with one plot in a tab, the least any app of this
stack can do. Runs alternate (floor, app, floor, app, ...) in one invocation so both see the same machine;
the report gives medians, peak memory and the ratio. Target: app / floor <= 1.15.

    .venv/bin/python benchmarks/startup.py [--runs 15] [--first-run]

The app starts on a saved profile, as every start after the first does. --first-run measures the very first start
instead (no profile yet: the welcome dialog opens over the window and is what gets painted first).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

# Both children stop the clock the same way: on the first Paint event of the top-level window.
PAINT_PROBE = textwrap.dedent(
    """
    import os, time
    from PySide6.QtCore import QEvent, QObject
    class _Probe(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj.isWindow():
                print(f"PAINTED {time.time():.6f}", flush=True)
                os._exit(0)
            return False
    """
)

FLOOR = PAINT_PROBE + textwrap.dedent(
    """
    import sys
    import pydantic
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget
    class Row(pydantic.BaseModel):
        name: str
        low: int
        high: int
    rows = [Row(name=n, low=lo, high=hi) for n, lo, hi in (("a", 1, 2), ("b", 2, 3), ("c", 3, 4))]
    app = QApplication(sys.argv[:1])
    probe = _Probe(); app.installEventFilter(probe)
    win = QMainWindow(); win.setWindowTitle("floor")
    tabs = QTabWidget(); plot = pg.PlotWidget()
    plot.addItem(pg.BarGraphItem(x=[0, 1, 2], y0=[r.low for r in rows], height=[1, 1, 1], width=0.5))
    tabs.addTab(plot, "Plot"); win.setCentralWidget(tabs); win.resize(1180, 780); win.show()
    sys.exit(app.exec())
    """
)

APP = PAINT_PROBE + textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication
    _exec = QApplication.exec
    def _exec_with_probe(*_args):
        probe = _Probe(); QApplication.instance().installEventFilter(probe)
        for w in QApplication.topLevelWidgets():
            if w.isWindow() and w.isVisible():
                w.update()
        return _exec()
    QApplication.exec = _exec_with_probe
    from planner.main import main
    sys.exit(main(["--data-dir", sys.argv[1]]))
    """
)


def one_run(code: str, *args: str) -> tuple[float, float, float]:
    """Seconds from spawning the process to its first paint, its peak memory in MiB and the CPU seconds it used
    (user and system, all threads; less disturbed than the wall time when other work shares the machine)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("BENCH_QT_PLATFORM", "offscreen")}
    # Bytecode as an installed app has it (pip and PyInstaller compile every module): a shell that sets
    # PYTHONDONTWRITEBYTECODE would make every start of the editable source compile ~60 modules (some 60 ms) that
    # the floor, all in site-packages, never compiles. The warm-up run writes the __pycache__ files.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=out, stderr=err, text=True, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        painted = [line for line in out.read().splitlines() if line.startswith("PAINTED ")]
        if not painted:
            raise RuntimeError(f"child never painted (exit {proc.returncode}):\n{err.read()}")
    return float(painted[0].split()[1]) - start, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def write_profile(data_dir: str) -> None:
    """A saved profile, as after any first start: every measured start is a regular one, not the first-run welcome
    (whose dialog would be what gets painted first, and whose answers a killed child never saves)."""
    code = "import sys; from pathlib import Path; from planner.domain.profile import Profile; "
    code += "from planner.storage.profile_store import ProfileStore; ProfileStore(Path(sys.argv[1])).save(Profile())"
    subprocess.run([sys.executable, "-c", code, data_dir], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--first-run", action="store_true", help="no saved profile: the welcome dialog opens")
    args = parser.parse_args()
    floor: list[float] = []
    app: list[float] = []
    floor_mem: list[float] = []
    app_mem: list[float] = []
    floor_cpu: list[float] = []
    app_cpu: list[float] = []
    with tempfile.TemporaryDirectory() as data_dir:
        if not args.first_run:
            write_profile(data_dir)
        one_run(FLOOR)
        one_run(APP, data_dir)  # warm the file cache for both, not counted
        for _ in range(args.runs):
            for code, times, mems, cpus, extra in (
                (FLOOR, floor, floor_mem, floor_cpu, ()),
                (APP, app, app_mem, app_cpu, (data_dir,)),
            ):
                seconds, mib, cpu = one_run(code, *extra)
                times.append(seconds)
                mems.append(mib)
                cpus.append(cpu)
    f, a = statistics.median(floor), statistics.median(app)
    label_app = "first run, welcome dialog" if args.first_run else "saved profile, first tab"
    for label, median, mem, n in (
        ("floor (bare PySide6 + pyqtgraph + pydantic window, one plot)", f, max(floor_mem), len(floor)),
        (f"app   (ML Career Planner, {label_app}, first paint)", a, max(app_mem), len(app)),
    ):
        print(f"startup {label}: median {median * 1000:.0f} ms, peak {mem:.0f} MiB, {n} runs")
    verdict = "OK" if a / f <= 1.15 else "OVER TARGET"
    print(f"startup ratio app/floor: {a / f:.2f} (target <= 1.15) {verdict}")
    print(f"memory ratio app/floor: {max(app_mem) / max(floor_mem):.2f} (target <= 1.20)")
    fc, ac = statistics.median(floor_cpu), statistics.median(app_cpu)
    print(f"cpu time until first paint, median: floor {fc * 1000:.0f} ms, app {ac * 1000:.0f} ms, ratio {ac / fc:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
