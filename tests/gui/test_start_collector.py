"""A start does not spend its time in Python's cycle collector: main() pauses it while the window is built and
runs it again once the window is painted, and on every way out of main()."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner import startup
from planner.app import Context


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_the_collector_waits_for_the_first_paint_and_then_runs_again(
    qapp: Any, qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner import app as app_module

    opened: list[Context] = []
    real_open = app_module.open_window
    seen: dict[str, bool] = {}

    def open_window(*args: Any, **kwargs: Any) -> Context:
        kwargs["welcome"] = None
        seen["while building"] = gc.isenabled()
        opened.append(real_open(*args, **kwargs))
        return opened[-1]

    def run_until_painted(*_args: Any) -> int:
        seen["when the loop starts"] = gc.isenabled()
        qtbot.waitUntil(gc.isenabled, timeout=5000)  # the window's first paint (or the fallback timer)
        return 0

    monkeypatch.setattr(app_module, "open_window", open_window)
    monkeypatch.setattr(type(qapp), "exec", run_until_painted)
    from planner.main import main

    try:
        assert main(["--data-dir", str(data_dir)]) == 0
    finally:
        for ctx in opened:
            ctx.window.close()
            ctx.window.deleteLater()
    assert seen == {"while building": False, "when the loop starts": False}
    assert gc.isenabled()


def test_a_start_that_stops_early_leaves_the_collector_running(capsys: pytest.CaptureFixture[str]) -> None:
    from planner.main import main

    with pytest.raises(SystemExit):  # --version answers and leaves: no window, no first paint
        main(["--version"])
    assert "ml-career-planner" in capsys.readouterr().out
    assert gc.isenabled()


def test_a_collector_the_caller_switched_off_stays_off() -> None:
    gc.disable()
    resume = startup.pause_garbage_collection()
    resume()
    assert not gc.isenabled()
    gc.enable()
    resume = startup.pause_garbage_collection()
    assert not gc.isenabled()
    resume()
    resume()
    assert gc.isenabled()
