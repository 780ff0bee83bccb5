"""Import and revert of salary data, with dialogs replaced by a recorder that answers as told."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fake_data_dialogs import FakeDialogs
from planner.domain.dataset import Dataset
from planner.presenters.data_pack import DataPackPresenter
from planner.storage.data_pack import PACK_FILE, DataPackStore

MakeData = Callable[[Callable[[dict[str, Any]], None]], Path]


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def presenter(dataset: Dataset, data_dir: Path, dialogs: FakeDialogs) -> DataPackPresenter:
    return DataPackPresenter(DataPackStore(data_dir), lambda: dataset, dialogs, dataset, "built-in")


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
        assert not presenter.import_requested()
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
        assert presenter.import_requested()
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
        assert not presenter.import_requested()
    assert dialogs.reviewed
    assert not (data_dir / PACK_FILE).exists()


def test_the_same_data_again_is_reported_not_installed(
    presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData, data_dir: Path
) -> None:
    dialogs.file = data_copy(lambda d: None)
    assert not presenter.import_requested()
    assert "exactly the same data" in dialogs.infos[-1]
    assert not (data_dir / PACK_FILE).exists()


def test_a_pack_that_cannot_be_written_is_reported_and_not_used(
    presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_path: Path, _data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("planner.storage.data_pack.write_in_folder", disk_full)
    dialogs.file = data_copy(raise_mid)
    before = presenter.current
    assert not presenter.import_requested()
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
    assert presenter.import_requested()
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
    presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData, data_dir: Path
) -> None:
    dialogs.file = data_copy(raise_mid)
    assert presenter.import_requested()
    dialogs.accept = False
    assert not presenter.revert_requested()
    assert (data_dir / PACK_FILE).exists()
    assert presenter.origin == "pack"


def test_revert_without_a_pack_says_so(presenter: DataPackPresenter, dialogs: FakeDialogs) -> None:
    assert not presenter.revert_requested()
    assert "already uses its built-in data" in dialogs.infos[-1]


def test_a_file_that_only_corrects_text_is_offered_and_used(
    presenter: DataPackPresenter, dialogs: FakeDialogs, data_copy: MakeData
) -> None:
    dialogs.file = data_copy(lambda d: d["levels"][0]["skills"][0].update(quote="The corrected sentence."))
    assert presenter.import_requested()
    assert not dialogs.infos  # not refused as "the same data"
    assert any(c.new == "The corrected sentence." for c in dialogs.reviewed[-1][1])
    assert presenter.current.levels[0].skills[0].quote == "The corrected sentence."
