"""Tests that kill or lock from a child process must run the code under test, not some installed copy."""

from __future__ import annotations

import subprocess
from pathlib import Path

import planner
from child_process import python_running

CHILD = Path(__file__).with_name("print_planner_path_child.py")


def test_children_run_the_code_under_test() -> None:
    out = subprocess.run(python_running(CHILD), capture_output=True, text=True, timeout=60, check=True).stdout
    assert Path(out.strip()).resolve() == Path(planner.__file__).resolve()
