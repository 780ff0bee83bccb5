"""Screenshots of every tab, light and dark, for the README and the AppStream metainfo (``make screenshots``).

Offscreen (no display needed) and on a throw-away data folder with an example profile, so they never show anyone's
data and never go stale: run again after a change to the window. Writes docs/screenshots/<tab>-<theme>.png.

    python packaging/screenshots.py [--out DIR] [--size 1280x800] [--scale 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THEMES = ("light", "dark")


def example_profile() -> object:
    """An engineer three years in, in finance, with most entry skills and half of the mid ones, no salary entered
    (so the Skills tab can show what each skill adds: with a salary the next five years often do not move), two
    skills planned, a job offer and two scenarios beside today's path."""
    from planner.domain.plans import AssumptionChanges, Offer, PlannedSkill, Scenario
    from planner.domain.profile import Profile, TickedSkill

    ticked = TickedSkill(ticked_on=dt.date(2026, 11, 1))
    skills = [
        "entry.python",
        "entry.mathematics",
        "entry.ml-frameworks",
        "entry.data-modelling",
        "general.data-preprocessing",  # general skills since format 4 (they were entry-level before)
        "general.feature-engineering",
        "general.model-selection",
        "entry.software-engineering",
        "mid.deep-learning",
        "mid.keras-pytorch",
        "mid.cloud-platforms",
    ]
    # Two skills in the learning plan, next year and the year after (dates from today, so never in the past).
    today = dt.date.today()
    plan = {
        "mid.distributed-computing": PlannedSkill(by=dt.date(today.year + 1, 6, 1), planned_on=today),
        "mid.neural-networks": PlannedSkill(by=dt.date(today.year + 2, 3, 1), planned_on=today),
    }
    offer = Offer(
        id="offer-1",
        employer_name="Example Analytics",
        base=118_000,
        bonus_percent=10,
        sign_on=15_000,
        equity_grant=80_000,
        refresher_percent=20,
        added_on=today,
    )
    scenarios = [
        Scenario(id="scenario-1", name="Take the offer", offer="offer-1"),
        Scenario(
            id="scenario-2",
            name="Consumer goods, faster raises",
            industry="consumer-goods",
            assumptions=AssumptionChanges(yearly_raise=0.04),
        ),
    ]
    return Profile(
        years_of_experience=3,
        industry="finance",
        skills=dict.fromkeys(skills, ticked),
        plan=plan,
        offers=[offer],
        scenarios=scenarios,
        market_area="0042660",  # Seattle-Tacoma-Bellevue, WA
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x800", help="window size in points, WIDTHxHEIGHT (default 1280x800)")
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR, e.g. 2 for a 200 %% screen")
    parser.add_argument("--suffix", default="", help="added to every file name, e.g. -1024x640")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    scale = float(args.scale)
    # An offscreen screen the window's size (in device pixels) and room for its frame, as a person's would be.
    room = 40
    screen = {
        "name": "shot",
        "x": 0,
        "y": 0,
        "width": round((width + room) * scale),
        "height": round((height + room) * scale),
    }
    config = Path(tempfile.mkdtemp(prefix="ml-career-planner-screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = args.scale

    from PySide6.QtWidgets import QApplication

    from planner.app import build_window
    from planner.startup import configure_application
    from planner.storage.dataset_file import load_dataset
    from planner.tabs import TABS
    from planner.views.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    dataset = load_dataset()
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="ml-career-planner-screenshots-") as data_dir:
        ctx = build_window(app, dataset, Path(data_dir), profile=example_profile())  # type: ignore[arg-type]
        window = ctx.window
        window.resize(width, height)
        window.show()
        for theme in THEMES:
            apply_theme(app, theme)  # type: ignore[arg-type]
            for slug in (spec.id for spec in TABS):  # every tab of the registry; its id names the file
                tab = window.tab_widget(slug)
                window.tabs.setCurrentWidget(tab)
                for _ in range(5):  # layouts, the palette change and deferred work (skill effects) settle
                    app.processEvents()
                    app.sendPostedEvents()
                app.processEvents()
                path = args.out / f"{slug}-{theme}{args.suffix}.png"
                if not window.grab().save(str(path)):
                    print(f"could not write {path}", file=sys.stderr)
                    return 1
                written.append(path)
        window.close()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
