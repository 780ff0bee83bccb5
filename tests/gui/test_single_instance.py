"""One writer per data folder: a second copy of the app is told so, exits non-zero and writes nothing."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from child_process import python_running
from planner import main as main_module
from planner import startup as app_module
from planner.storage.instance_lock import DataDirLock

HOLDER = Path(__file__).parent.parent / "storage" / "lock_holder_child.py"


@pytest.fixture
def other_instance(data_dir: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Another process holding the data folder's lock, as a running copy of the app does."""
    child = subprocess.Popen(python_running(HOLDER, str(data_dir)), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stdin is not None
    try:
        assert child.stdout.readline() == b"locked\n"
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
        child.stdin.close()
        child.stdout.close()


def test_second_instance_is_refused_and_writes_nothing(
    qapp: Any, data_dir: Path, other_instance: subprocess.Popen[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = data_dir / "profile.json"
    profile.write_bytes(b'{"schema_version": 1, "ticked": ["entry.python"]}')  # would be migrated if opened
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    told: list[str] = []
    monkeypatch.setattr(app_module, "refuse_second_instance", told.append)

    code = main_module.main(["--data-dir", str(data_dir)])

    assert code == app_module.EXIT_ALREADY_RUNNING != 0
    assert len(told) == 1
    assert "already open with this data folder" in told[0]
    assert f"process {other_instance.pid}" in told[0]
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before


def test_lock_of_a_killed_instance_is_taken_over(data_dir: Path, other_instance: subprocess.Popen[bytes]) -> None:
    lock = DataDirLock(data_dir)
    assert not lock.try_lock()
    os.kill(other_instance.pid, signal.SIGKILL)
    other_instance.wait(timeout=30)
    assert lock.try_lock()  # the holder is gone, so its lock is stale
    lock.unlock()


def test_two_locks_in_one_process(data_dir: Path) -> None:
    first, second = DataDirLock(data_dir), DataDirLock(data_dir)
    assert first.try_lock()
    assert not second.try_lock()
    assert "already open" in second.refusal_message()
    first.unlock()
    assert second.try_lock()
    second.unlock()


def test_a_folder_where_no_lock_can_be_made_is_refused(tmp_path: Path) -> None:
    lock = DataDirLock(tmp_path / "does-not-exist")
    assert not lock.try_lock()
    assert "cannot create its lock file" in lock.refusal_message()
