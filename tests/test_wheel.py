"""The wheel carries its own data: built, installed into a fresh virtual environment, used from another folder."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def sh(*cmd: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=600, env=env, check=False
    )
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.slow
def test_wheel_installs_and_finds_its_data_from_anywhere(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    sh(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        wheels,
        ROOT,
        cwd=tmp_path,
    )
    (wheel,) = wheels.glob("ml_career_planner-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "planner/resources/data/ml-engineer-salaries-us.json" in names
    assert "planner/resources/docs/how-projections-work.md" in names  # Help > How projections work
    assert not any(n.startswith(("tests/", "resources/")) for n in names), "only the package is shipped"
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "Requires-Dist: PySide6-Essentials==" in metadata
    assert "Requires-Dist: pyqtgraph==" in metadata
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "[gui_scripts]\nml-career-planner = planner.main:main" in entry_points

    env_dir = tmp_path / "fresh-venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    sh(
        python,
        "-m",
        "pip",
        "install",
        "-q",
        "--disable-pip-version-check",
        "-c",
        ROOT / "requirements.lock",
        wheel,
        cwd=tmp_path,
    )

    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    out = sh(
        python,
        "-c",
        "import planner.storage.dataset_file as f; d = f.load_dataset(); "
        "print(f.bundled_dataset_file()); print(len(d.levels), len(d.industries), len(d.employers))",
        cwd=elsewhere,
        env=env,
    )
    location, counts = out.strip().splitlines()
    assert str(env_dir) in location, "the data comes from the installed package, not the checkout"
    assert str(ROOT) not in location
    assert counts == "3 7 3"
    script = env_dir / ("Scripts/ml-career-planner.exe" if os.name == "nt" else "bin/ml-career-planner")
    assert sh(script, "--version", cwd=elsewhere, env=env).strip() == "ml-career-planner 0.1.0"
