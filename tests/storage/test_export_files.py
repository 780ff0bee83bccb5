"""What planner.storage.exports writes and reads, beyond tests/storage/test_exports_and_packs.py: empty cells,
refusals before anything is written, and the sentences for an import that cannot be read."""

from __future__ import annotations

import csv
import errno
import io
import os
from pathlib import Path

import pytest

from planner.storage import exports
from planner.storage.exports import (
    ExportError,
    csv_cell,
    encode_csv,
    encode_csv_blocks,
    read_profile_import,
    write_export,
)


def test_an_empty_cell_stays_empty() -> None:
    data = encode_csv(["Year", None], [[2026, None], ["", "x"]])
    assert data == b"Year,\r\n2026,\r\n,x\r\n"
    assert csv_cell(None) == ""


def test_a_yes_no_value_is_text_not_a_number() -> None:
    assert csv_cell(True) == "True"
    assert csv_cell(False) == "False"
    assert csv_cell(3) == 3
    assert csv_cell(-2.5) == -2.5


def test_text_that_starts_safely_is_left_alone() -> None:
    for text in ("Entry level", "1200", "a=b", " =x", "'quoted"):
        assert csv_cell(text) == text


def test_one_block_has_no_empty_line_and_several_have_one_between_each() -> None:
    one = encode_csv_blocks([[["a", 1]]]).decode("utf-8-sig")
    assert one == "a,1\r\n"
    three = encode_csv_blocks([[["a"]], [["b"]], [["c"]]]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(three, newline=""))) == [["a"], [], ["b"], [], ["c"]]


def test_no_blocks_is_only_the_byte_order_mark() -> None:
    assert encode_csv_blocks([]) == "\ufeff".encode()


def test_a_folder_is_an_existing_file_unless_replacing_is_agreed(tmp_path: Path) -> None:
    folder = tmp_path / "out.csv"
    folder.mkdir()
    with pytest.raises(FileExistsError):
        write_export(folder, b"x", replace=False)
    with pytest.raises(ExportError, match="is a folder"):
        write_export(folder, b"x", replace=True)
    assert folder.is_dir()


def test_a_new_file_in_the_data_folder_with_an_own_name_is_never_written(data_dir: Path) -> None:
    target = data_dir / "settings.ini"
    with pytest.raises(ExportError, match="one of the app's own files"):
        write_export(target, b"x", replace=False, data_dir=data_dir)
    assert not target.exists()


def test_a_read_only_file_is_left_as_it_is_even_when_replacing(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes(b"old")
    path.chmod(0o444)
    with pytest.raises(ExportError, match="read-only"):
        write_export(path, b"new", replace=True)
    assert path.read_bytes() == b"old"


def test_a_write_failure_without_a_system_reason_is_still_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_path: Path, _data: bytes) -> None:
        raise OSError("the disk said no")

    monkeypatch.setattr(exports, "write_atomic", refuse)
    target = tmp_path / "x.csv"
    with pytest.raises(ExportError) as err:
        write_export(target, b"x", replace=False)
    assert str(err.value) == f"Could not write {target}: the disk said no"


def test_a_write_failure_gives_the_systems_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_path: Path, _data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "x.csv")

    monkeypatch.setattr(exports, "write_atomic", full)
    target = tmp_path / "x.csv"
    with pytest.raises(ExportError) as err:
        write_export(target, b"x", replace=False)
    assert str(err.value) == f"Could not write {target}: {os.strerror(errno.ENOSPC)}"


def test_importing_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "profile.json"
    os.mkfifo(fifo)
    with pytest.raises(ExportError) as err:
        read_profile_import(fifo)
    assert str(err.value) == "profile.json is a named pipe (FIFO), not a regular file, so it was not read."


def test_importing_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "backup.json"
    folder.mkdir()
    with pytest.raises(ExportError) as err:
        read_profile_import(folder)
    assert str(err.value).startswith("backup.json could not be read: ")
    assert "folder" in str(err.value)


def test_a_file_name_the_system_cannot_take_is_explained(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as err:
        read_profile_import(tmp_path / "bad\x00name.json")
    assert str(err.value) == "bad\x00name.json could not be read: embedded null byte."
