"""The packaged app: its size on disk and how fast it starts, next to starting from the virtual environment.

    .venv/bin/python benchmarks/bundle_bench.py [--runs N] [--bundle DIR] [--check]

Needs a built bundle (`make bundle`). Both launches run `--self-test` (offscreen: load the data, build and draw
every tab, exit), alternating bundle and venv so that both see the same machine state; medians and their ratio
are reported. Targets (issue 6): at most 120 MB unpacked, and a launch no slower than from the venv.
--check exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE_TARGET_MB = 120.0
RATIO_TARGET = 1.0


def size_on_disk(folder: Path) -> tuple[float, float, int]:
    """(MB of file contents, MB of disk blocks used, number of files); links are not followed."""
    apparent = blocks = files = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            st = os.lstat(os.path.join(dirpath, name))
            apparent += st.st_size
            blocks += st.st_blocks * 512
            files += 1
    return apparent / 1e6, blocks / 1e6, files


def launch(cmd: list[str]) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="launches of each kind (default 7)")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "ml-career-planner")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    exe = args.bundle / ("ml-career-planner.exe" if sys.platform == "win32" else "ml-career-planner")
    if not exe.exists():
        print(f"no bundle at {args.bundle}: run `make bundle` first", file=sys.stderr)
        return 2
    venv_cmd = [sys.executable, "-m", "planner", "--self-test"]
    bundle_cmd = [str(exe), "--self-test"]

    apparent, on_disk, files = size_on_disk(args.bundle)
    print(
        f"bundle size: {apparent:.1f} MB in {files} files ({on_disk:.1f} MB of disk blocks); "
        f"target <= {SIZE_TARGET_MB:.0f} MB"
    )

    # One untimed launch each: the first reads everything from disk, later ones measure the start-up itself.
    launch(bundle_cmd)
    launch(venv_cmd)
    bundle_times, venv_times = [], []
    for _ in range(args.runs):
        bundle_times.append(launch(bundle_cmd))
        venv_times.append(launch(venv_cmd))
    bundle_median = statistics.median(bundle_times)
    venv_median = statistics.median(venv_times)
    ratio = bundle_median / venv_median
    print(
        f"launch --self-test, median of {args.runs}: bundle {bundle_median:.3f} s, venv {venv_median:.3f} s, "
        f"ratio bundle/venv {ratio:.2f} (target <= {RATIO_TARGET:.2f})"
    )
    print(f"  bundle runs: {', '.join(f'{t:.3f}' for t in bundle_times)}")
    print(f"  venv runs:   {', '.join(f'{t:.3f}' for t in venv_times)}")
    missed = [
        *(["size"] if apparent > SIZE_TARGET_MB else []),
        *(["launch time"] if ratio > RATIO_TARGET else []),
    ]
    if missed:
        print(f"targets missed: {', '.join(missed)}")
    return 1 if missed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
