"""Commands for tests that run the app's code in a child process (to kill it, or to hold a lock in another process)."""

from __future__ import annotations

import sys
from pathlib import Path

import planner

# The child runs isolated (-I: no user site-packages, no PYTHON* variables), then puts the folder this test run
# imported `planner` from first on its path, so it runs the code under test: under `make mutation` that is mutmut's
# mutated copy in mutants/src, not the installed package.
_BOOT = "import runpy, sys; root = sys.argv[1]; sys.argv = sys.argv[2:]; sys.path.insert(0, root); " + (
    "runpy.run_path(sys.argv[0], run_name='__main__')"
)


def python_running(script: Path, *args: str) -> list[str]:
    """The command line that runs ``script`` with ``args`` on the same ``planner`` package as this test."""
    root = Path(planner.__file__).resolve().parents[1]
    return [sys.executable, "-I", "-c", _BOOT, str(root), str(script), *args]
