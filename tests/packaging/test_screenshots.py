"""`make screenshots`: every tab, light and dark, offscreen; the README and the AppStream metainfo show them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QImage

from planner.domain.dataset import Dataset
from planner.domain.profile import Profile

ROOT = Path(__file__).resolve().parents[2]
METAINFO = ROOT / "packaging" / "linux" / "io.github.ml_career_planner.MLCareerPlanner.metainfo.xml"
TABS = ("levels", "industries", "skills", "projection", "market", "offers")


def test_the_script_writes_every_tab_in_light_and_dark(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "screenshots.py"), "--out", str(tmp_path), "--size", "1024x640"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for tab in TABS:
        for theme in ("light", "dark"):
            image = QImage(str(tmp_path / f"{tab}-{theme}.png"))
            assert (image.width(), image.height()) == (1024, 640), f"{tab}-{theme}"
            corner = image.pixelColor(image.width() // 2, image.height() - 4).lightness()
            assert corner > 128 if theme == "light" else corner < 128, f"{tab}-{theme} is not in its theme"


def test_readme_and_metainfo_show_screenshots_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"\((docs/screenshots/[\w-]+\.png)\)", readme)
    assert {f"docs/screenshots/{tab}-light.png" for tab in TABS} <= set(shown)
    for path in shown:
        assert (ROOT / path).is_file(), path
    images = [e.text or "" for e in ET.parse(METAINFO).getroot().iter("image")]
    assert len(images) >= len(TABS)
    for url in images:
        assert url.startswith("https://"), "AppStream wants screenshots from the web"
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[-1]).is_file(), url


def test_the_example_profile_ticks_and_plans_skills_the_dataset_knows(dataset: Dataset) -> None:
    """The screenshots show what the example means to tick (skill ids moved in format 4 would silently count as
    nothing): every ticked or planned id is one of the dataset's skills."""
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from screenshots import example_profile
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    profile = example_profile()
    assert isinstance(profile, Profile)
    known = {sk.id for sk in dataset.all_skills()}
    assert set(profile.skills) <= known, set(profile.skills) - known
    assert set(profile.plan) <= known, set(profile.plan) - known
    assert len(profile.skills) == 11
