"""Import and revert of salary data, with dialogs replaced by a recorder that answers as told. The file is checked
on a worker thread: each test waits for ``import_finished`` (never for a time)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from fake_data_dialogs import FakeDialogs
from planner.domain.dataset import Dataset
from planner.presenters.data_pack import DataPackPresenter
from planner.storage.data_pack import PACK_FILE, DataPackStore, read_pack_bytes
from planner.storage.dataset_file import parse_dataset

MakeData = Callable[[Callable[[dict[str, Any]], None]], Path]


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def presenter(dataset: Dataset, data_dir: Path, dialogs: FakeDialogs) -> DataPackPresenter:
    return DataPackPresenter(
        DataPackStore(data_dir),
        lambda: dataset,
        dialogs,
        dataset,
        "built-in",
        read=read_pack_bytes,
        parse=parse_dataset,
    )


def run_import(qtbot: Any, presenter: DataPackPresenter) -> bool:
    """File > Import salary data..., waiting for the check on its worker thread; True when the data is in use."""
    with qtbot.waitSignal(presenter.import_finished, timeout=30_000) as finished:
        assert presenter.import_requested(), "a check started"
    assert not presenter.checking
    return bool(finished.args[0])


def raise_mid(d: dict[str, Any]) -> None:
    d["levels"][1]["range"]["max"] += 10_000


def test_cancelling_the_file_dialog_changes_nothing(presenter: DataPackPresenter, data_dir: Path) -> None:
    assert not presenter.import_requested()
    assert not (data_dir / PACK_FILE).exists()


def test_a_refused_file_lists_every_problem_and_the_data_stays(
    qtbot: Any, presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData, data_dir: Path
) -> None:
    def break_two(d: dict[str, Any]) -> None:
        d["levels"][0]["range"]["max"] = -1
        d["employers"][0]["pay"]["amount"] = "a lot"

    dialogs.file = data_copy(break_two)
    before = presenter.current
    with qtbot.assertNotEmitted(presenter.dataset_changed):
        assert not run_import(qtbot, presenter)
    (title, intro, problems) = dialogs.problems[-1]
    assert "not imported" in title
    assert "Nothing was changed" in intro
    paths = [p for p, _reason in problems]
    assert "levels.0.range.max" in paths
    assert "employers.0.pay.amount" in paths
    assert presenter.current is before
    assert not (data_dir / PACK_FILE).exists()
    assert dialogs.reviewed == []


def test_a_valid_file_shows_its_changes_and_is_kept_when_accepted(
    qtbot: Any, presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData, data_dir: Path
) -> None:
    dialogs.file = data_copy(raise_mid)
    mid = presenter.current.levels[1]
    with qtbot.waitSignal(presenter.dataset_changed) as emitted:
        assert run_import(qtbot, presenter)
    intro, changes = dialogs.reviewed[-1]
    assert "1 figure up" in intro
    assert [(c.kind, c.path, c.delta) for c in changes] == [("up", f"levels.{mid.id}.range.max", 10_000)]
    new = emitted.args[0]
    assert new.levels[1].range.max == mid.range.max + 10_000
    assert presenter.current is new
    assert presenter.origin == "pack"
    assert (data_dir / PACK_FILE).read_bytes() == dialogs.file.read_bytes()


def test_declining_the_changes_keeps_the_data_in_use(
    qtbot: Any, presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData, data_dir: Path
) -> None:
    dialogs.file, dialogs.accept = data_copy(raise_mid), False
    with qtbot.assertNotEmitted(presenter.dataset_changed):
        assert not run_import(qtbot, presenter)
    assert dialogs.reviewed
    assert not (data_dir / PACK_FILE).exists()


def test_the_same_data_again_is_reported_not_installed(
    qtbot: Any, presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData, data_dir: Path
) -> None:
    dialogs.file = data_copy(lambda d: None)
    assert not run_import(qtbot, presenter)
    assert "exactly the same data" in dialogs.infos[-1]
    assert not (data_dir / PACK_FILE).exists()


def test_a_pack_that_cannot_be_written_is_reported_and_not_used(
    qtbot: Any, presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_path: Path, _data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("planner.storage.data_pack.write_in_folder", disk_full)
    dialogs.file = data_copy(raise_mid)
    before = presenter.current
    assert not run_import(qtbot, presenter)
    assert "No space left on device" in dialogs.problems[-1][2][0][1]
    assert presenter.current is before


def test_revert_asks_then_moves_the_pack_aside(
    qtbot: Any,
    presenter: DataPackPresenter,
    dialogs: FakeDialogs,
    data_copy: MakeData,
    data_dir: Path,
    dataset: Dataset,
) -> None:
    dialogs.file = data_copy(raise_mid)
    assert run_import(qtbot, presenter)
    kept = (data_dir / PACK_FILE).read_bytes()
    with qtbot.waitSignal(presenter.dataset_changed) as emitted:
        assert presenter.revert_requested()
    assert "moved aside" in dialogs.questions[-1]
    assert emitted.args[0] is dataset
    assert presenter.origin == "built-in"
    assert not (data_dir / PACK_FILE).exists()
    aside = [p for p in data_dir.iterdir() if p.name.startswith(f"{PACK_FILE}.removed-")]
    assert [p.read_bytes() for p in aside] == [kept]


def test_revert_declined_keeps_the_pack(
    qtbot: Any, presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData, data_dir: Path
) -> None:
    dialogs.file = data_copy(raise_mid)
    assert run_import(qtbot, presenter)
    dialogs.accept = False
    assert not presenter.revert_requested()
    assert (data_dir / PACK_FILE).exists()
    assert presenter.origin == "pack"


def test_revert_without_a_pack_says_so(presenter: DataPackPresenter, dialogs: FakeDialogs) -> None:
    assert not presenter.revert_requested()
    assert "already uses its built-in data" in dialogs.infos[-1]


def test_a_file_that_only_corrects_text_is_offered_and_used(
    qtbot: Any, presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData
) -> None:
    dialogs.file = data_copy(lambda d: d["levels"][0]["skills"][0].update(quote="The corrected sentence."))
    assert run_import(qtbot, presenter)
    assert not dialogs.infos  # not refused as "the same data"
    assert any(c.new == "The corrected sentence." for c in dialogs.reviewed[-1][1])
    assert presenter.current.levels[0].skills[0].quote == "The corrected sentence."


def test_the_check_reports_reading_checking_and_comparing_then_closes_its_progress(
    qtbot: Any, presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData
) -> None:
    dialogs.file = data_copy(raise_mid)
    assert run_import(qtbot, presenter)
    (progress,) = dialogs.progress
    assert progress.title == "Import salary data"
    assert progress.steps == 3
    assert [done for done, _text in progress.shown] == [0, 0, 1, 2]  # the dialog's first text, then each step
    assert [text.split()[0] for _done, text in progress.shown[1:]] == ["Reading", "Checking", "Comparing"]
    assert progress.closed, "closed before the changes are shown"


@pytest.mark.parametrize("cancel_at", [None, 0, 1, 2], ids=["at-once", "reading", "checking", "comparing"])
def test_cancel_while_checking_leaves_the_installed_pack_and_the_data_in_use(
    qtbot: Any,
    presenter: DataPackPresenter,
    dialogs: FakeDialogs,
    data_copy: MakeData,
    data_dir: Path,
    cancel_at: int | None,
) -> None:
    dialogs.file = data_copy(raise_mid)
    assert run_import(qtbot, presenter)
    installed, in_use = (data_dir / PACK_FILE).read_bytes(), presenter.current
    reviews = len(dialogs.reviewed)

    def lower_entry(d: dict[str, Any]) -> None:
        d["levels"][0]["range"]["min"] -= 5_000

    dialogs.file, dialogs.cancel_at = data_copy(lower_entry), cancel_at
    messages: list[str] = []
    presenter.message.connect(messages.append)
    with qtbot.assertNotEmitted(presenter.dataset_changed):
        with qtbot.waitSignal(presenter.import_finished, timeout=30_000) as finished:
            assert presenter.import_requested()
            if cancel_at is None:
                dialogs.progress[-1].cancel()  # before the worker's first step reaches the GUI thread
        assert finished.args == [False]
        assert not presenter.checking
        assert presenter.wait_for_checks(30_000), "the cancelled check ends by itself"
        QCoreApplication.processEvents()  # deliver whatever the cancelled check still sent: it is dropped
    assert "cancelled" in messages[-1]
    assert "stay as they were" in messages[-1]
    assert dialogs.progress[-1].closed
    assert len(dialogs.reviewed) == reviews, "no changes offered after Cancel"
    assert not dialogs.problems
    assert (data_dir / PACK_FILE).read_bytes() == installed
    assert presenter.current is in_use
    assert presenter.origin == "pack"


def test_after_a_cancel_the_next_import_works(
    qtbot: Any, presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData, data_dir: Path
) -> None:
    dialogs.file, dialogs.cancel_at = data_copy(raise_mid), 1
    assert not run_import(qtbot, presenter)
    dialogs.cancel_at = None
    assert run_import(qtbot, presenter)
    assert (data_dir / PACK_FILE).read_bytes() == dialogs.file.read_bytes()


def test_a_second_import_while_one_is_checked_is_not_started(
    qtbot: Any, presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData
) -> None:
    dialogs.file = data_copy(raise_mid)
    with qtbot.waitSignal(presenter.import_finished, timeout=30_000):
        assert presenter.import_requested()
        assert presenter.checking
        assert not presenter.import_requested()
        assert not presenter.revert_requested()
    assert len(dialogs.progress) == 1
    assert len(dialogs.reviewed) == 1


def test_an_unexpected_failure_of_the_check_is_shown_and_nothing_changes(
    qtbot: Any, dataset: Dataset, data_dir: Path, dialogs: FakeDialogs, data_copy: MakeData
) -> None:
    def broken_parser(_raw: bytes, _name: str) -> Dataset:
        raise MemoryError("out of memory")

    presenter = DataPackPresenter(
        DataPackStore(data_dir),
        lambda: dataset,
        dialogs,
        dataset,
        "built-in",
        read=read_pack_bytes,
        parse=broken_parser,
    )
    dialogs.file = data_copy(raise_mid)
    assert not run_import(qtbot, presenter)
    (title, intro, problems) = dialogs.problems[-1]
    assert "not imported" in title
    assert "could not be checked" in intro
    assert problems == [("", "MemoryError: out of memory")]
    assert dialogs.progress[-1].closed
    assert presenter.current is dataset
    assert not (data_dir / PACK_FILE).exists()


def test_check_pack_stops_between_steps_once_cancelled(dataset: Dataset, data_copy: MakeData) -> None:
    from planner.presenters.pack_check import check_pack

    path = data_copy(raise_mid)
    steps: list[int] = []
    result = check_pack(
        path, dataset, read_pack_bytes, parse_dataset, lambda done, _text: steps.append(done), lambda: len(steps) >= 2
    )
    assert result is None
    assert steps == [0, 1], "stopped before comparing"
    done = check_pack(path, dataset, read_pack_bytes, parse_dataset, lambda _d, _t: None, lambda: False)
    assert done is not None
    assert done.raw == path.read_bytes()
    assert done.diff.count("up") == 1
