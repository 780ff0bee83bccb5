"""Shared fixtures. The offscreen platform is forced before any Qt import; no test touches real user folders."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, settings

from planner.domain.dataset import Dataset
from planner.storage.dataset_file import bundled_dataset_file, load_dataset

# `make mutation` runs the tests with this profile: the same examples for every mutant (so a score does not move
# between runs), no deadline and no health check (mutmut's trampolines make every call slower).
settings.register_profile(
    "mutation", derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck)
)
# `make test` (and CI, which runs it on a clean clone): the same examples on every run, so a landing never depends
# on the draw. To explore new examples, run with HYPOTHESIS_PROFILE=explore (random, failures kept in .hypothesis/).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# The projection's mutants are run against its example tests only: its hypothesis properties take about 20 s per
# mutant under mutmut (1,500 mutants: hours on two cores), the worked examples and figures a fraction of a second.
# The projection is four modules: the engine, what it stands on (basis), what a skill is worth, its sentences.
# mutmut names the mutant it runs in MUTANT_UNDER_TEST; outside `make mutation` nothing is left out.
_EXAMPLES_ONLY = (
    "planner.domain.projection.",
    "planner.domain.projection_basis.",
    "planner.domain.skill_effects.",
    "planner.domain.projection_text.",
)


@pytest.hookimpl(trylast=True)  # after hypothesis's plugin has marked its tests
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not os.environ.get("MUTANT_UNDER_TEST", "").startswith(_EXAMPLES_ONLY):
        return
    properties = [item for item in items if item.get_closest_marker("hypothesis") is not None]
    if properties:
        config.hook.pytest_deselected(items=properties)
        items[:] = [item for item in items if item.get_closest_marker("hypothesis") is None]


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every per-user folder Qt or Python might use at a temporary one."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(path))


@pytest.fixture(autouse=True)
def _fresh_kept_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test works out the figures the domain keeps for the next tick itself (the offers' years, the article's
    smallest and largest salary): none kept from an earlier test, so a test sees what its own code makes."""
    from planner.domain import offers, projection_basis

    monkeypatch.setattr(offers, "_RECENT", [])
    monkeypatch.setattr(projection_basis, "_extremes", None)


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog would wait for a click that never comes: any test that opens one without answering it
    fails at once instead of hanging. Tests that expect a dialog replace it themselves."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("a modal dialog was opened in a test without being answered")

    monkeypatch.setattr(QDialog, "exec", refuse)
    for name in ("exec", "question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def raw_dataset() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_dataset_file().read_text(encoding="utf-8"))
    return data


@pytest.fixture
def data_copy(raw_dataset: dict[str, Any], tmp_path: Path) -> Callable[[Callable[[dict[str, Any]], None]], Path]:
    """Write a modified copy of the bundled data: data_copy(lambda d: d["levels"].pop())."""

    def make(change: Callable[[dict[str, Any]], None]) -> Path:
        data = json.loads(json.dumps(raw_dataset))
        change(data)
        path = tmp_path / "dataset.json"
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")
        return path

    return make


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "user-data"
    path.mkdir()
    return path


@pytest.fixture
def main_context(qtbot: Any, qapp: Any, dataset: Dataset, data_dir: Path) -> Iterator[Any]:
    """The real main window, built as the app builds it, on a temporary data folder."""
    from planner.app import build_window
    from planner.startup import configure_application

    configure_application(qapp)
    ctx = build_window(qapp, dataset, data_dir)
    qtbot.addWidget(ctx.window)
    ctx.window.show()
    qtbot.waitExposed(ctx.window)
    yield ctx
    ctx.window.close()


@pytest.fixture
def open_app(qtbot: Any, qapp: Any, dataset: Dataset, data_dir: Path) -> Iterator[Callable[..., Any]]:
    """Open the window as the app does (profile read from data_dir, autosave on); may be called again after a
    close. Keyword arguments go to open_window (dialogs=..., welcome=...)."""
    from planner.app import open_window

    opened: list[Any] = []

    def opener(**kwargs: Any) -> Any:
        ctx = open_window(qapp, dataset, data_dir, **kwargs)
        qtbot.addWidget(ctx.window)
        ctx.window.show()
        qtbot.waitExposed(ctx.window)
        opened.append(ctx)
        return ctx

    yield opener
    for ctx in opened:
        ctx.window.close()
