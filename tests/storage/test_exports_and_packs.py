"""Files the user asks for (exports, an imported profile or salary data file) and what they are told when one
cannot be written or read."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import errno
import io
import json
import os
import types
from pathlib import Path
from typing import Any

import pytest

from planner.domain.profile import Profile, TickedSkill
from planner.storage import data_pack, profile_store
from planner.storage.data_pack import PACK_FILE, DataPackStore, problems_text, read_dataset_file
from planner.storage.dataset_file import MAX_DATASET_BYTES, DatasetError
from planner.storage.export_target import export_refusal
from planner.storage.exports import (
    ExportError,
    encode_csv,
    encode_csv_blocks,
    encode_profile_export,
    help_document,
    read_profile_import,
    write_export,
)
from planner.storage.profile_store import MAX_PROFILE_BYTES, ProfileStore

NOW = dt.datetime(2025, 3, 14, 9, 26, 53)


def test_an_export_is_written_and_an_existing_file_only_replaced_when_agreed(tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    assert write_export(path, b"one", replace=False) == path
    assert path.read_bytes() == b"one"
    with pytest.raises(FileExistsError, match=r"chart\.png already exists"):
        write_export(path, b"two", replace=False)
    assert path.read_bytes() == b"one"
    write_export(path, b"two", replace=True)
    assert path.read_bytes() == b"two"


def test_a_dangling_link_counts_as_an_existing_file(tmp_path: Path) -> None:
    link = tmp_path / "report.pdf"
    link.symlink_to(tmp_path / "gone.pdf")
    with pytest.raises(FileExistsError):
        write_export(link, b"x", replace=False)


def test_an_export_onto_a_folder_or_into_a_missing_one_is_explained(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(ExportError, match=r"^.*out is a folder$"):
        write_export(tmp_path / "out", b"x", replace=True)
    missing = tmp_path / "nowhere" / "x.csv"
    with pytest.raises(ExportError) as err:
        write_export(missing, b"x", replace=False)
    assert str(err.value) == f"Could not write {missing}: cannot write x.csv: {os.strerror(errno.ENOENT)}"


def test_csv_has_a_header_and_one_line_a_row_in_utf8() -> None:
    data = encode_csv(["Year", "Level"], [[2026, "Entry level"], [2027, "Mid, “senior” & co"]])
    assert data == 'Year,Level\r\n2026,Entry level\r\n2027,"Mid, “senior” & co"\r\n'.encode()


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_a_spreadsheet_would_take_for_a_formula_gets_an_apostrophe(start: str) -> None:
    text = f'{start}HYPERLINK("http://evil.example/?x=1","Entry level")'
    data = encode_csv([f"{start}header", "Plain"], [[text, "Entry level"]])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows == [[f"'{start}header", "Plain"], ["'" + text, "Entry level"]]


def test_numbers_stay_numbers_and_text_that_looks_like_one_is_neutralised() -> None:
    data = encode_csv(
        ["Year", "Change"], [[2026, -1200], [2027, -0.5], [2028, "-1200 foo"], [2029, "-1200"], [2030, True]]
    )
    assert data.decode("utf-8").splitlines()[1:] == [
        "2026,-1200",
        "2027,-0.5",
        "2028,'-1200 foo",
        "2029,'-1200",
        "2030,True",
    ]


def test_csv_blocks_start_with_a_byte_order_mark_and_are_split_by_an_empty_line() -> None:
    name = "Zürich — 東京"
    data = encode_csv_blocks([[["Exported on", "2026-05-01"], ["=cmd|' /C calc'!A0", -3]], [["Year", name], [2026, 1]]])
    assert data.startswith(codecs.BOM_UTF8)
    assert codecs.BOM_UTF8 not in data[3:]  # once, at the start
    text = data.decode("utf-8-sig")  # as LibreOffice reads it
    assert text.split("\r\n")[2] == ""  # the empty line between the blocks
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [["Exported on", "2026-05-01"], ["'=cmd|' /C calc'!A0", "-3"], [], ["Year", name], ["2026", "1"]]


def test_an_exported_profile_imports_back_the_same(tmp_path: Path) -> None:
    profile = Profile(years_of_experience=4, skills={"entry.python": TickedSkill(ticked_on=dt.date(2024, 2, 3))})
    path = tmp_path / "mine.json"
    path.write_bytes(encode_profile_export(profile))
    assert read_profile_import(path) == profile
    store = ProfileStore(tmp_path / "data")
    (tmp_path / "data").mkdir()
    store.save(profile)
    assert store.path.read_bytes() == path.read_bytes()  # the same bytes as profile.json


def test_an_import_that_is_no_profile_says_which_file_and_why(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text("[1]", encoding="utf-8")
    with pytest.raises(ExportError) as err:
        read_profile_import(path)
    assert str(err.value) == "notes.json is not a profile this app can use: it does not contain a profile."


def test_an_import_of_an_old_profile_dates_its_ticks_by_the_files_time(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"schema_version": 1, "ticked": ["entry.python"]}), encoding="utf-8")
    stamp = dt.datetime(2023, 11, 5, 12, 0).timestamp()
    os.utime(path, (stamp, stamp))
    assert read_profile_import(path).skills["entry.python"].ticked_on == dt.date(2023, 11, 5)


def test_an_import_too_large_or_unreadable_is_refused_with_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_PROFILE_BYTES + 1))
    with pytest.raises(ExportError) as err:
        read_profile_import(big)
    assert str(err.value) == "big.json is not a profile: it is larger than any profile could be."
    exact = tmp_path / "exact.json"
    exact.write_bytes(b"[" + b" " * (MAX_PROFILE_BYTES - 2) + b"]")
    with pytest.raises(ExportError, match="does not contain a profile"):  # read whole, then judged
        read_profile_import(exact)
    with pytest.raises(ExportError) as missing:
        read_profile_import(tmp_path / "absent.json")
    assert str(missing.value) == f"absent.json could not be read: {os.strerror(errno.ENOENT)}."

    class BadTime(dt.date):
        @classmethod
        def fromtimestamp(cls, _stamp: float) -> BadTime:
            raise OverflowError("timestamp out of range for platform time_t")

    # A file time the calendar cannot hold is no reason to refuse a profile (issue 23): it is imported.
    monkeypatch.setattr(profile_store, "dt", types.SimpleNamespace(date=BadTime, datetime=dt.datetime))
    ok = tmp_path / "ok.json"
    ok.write_bytes(encode_profile_export(Profile(years_of_experience=2)))
    assert read_profile_import(ok) == Profile(years_of_experience=2)


def test_the_help_pages_ship_with_the_app() -> None:
    text = help_document("how-projections-work")
    assert text.startswith("# How your projection is worked out\n")
    assert "1.03 ÷ 1.025" in text  # read as UTF-8: the division sign of the worked example, not mojibake


def test_a_salary_data_file_that_cannot_be_read_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "salary.json"
    with pytest.raises(DatasetError) as err:
        read_dataset_file(missing)
    assert err.value.file == str(missing)
    assert err.value.problems == [("", f"cannot be read ({os.strerror(errno.ENOENT)})")]


def test_a_salary_data_file_of_exactly_the_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "pack.json"
    path.write_bytes(b" " * MAX_DATASET_BYTES)
    seen: list[Any] = []
    monkeypatch.setattr(data_pack, "parse_dataset", lambda raw, name: seen.append((len(raw), name)) or "parsed")
    assert read_dataset_file(path) == ("parsed", b" " * MAX_DATASET_BYTES)
    assert seen == [(MAX_DATASET_BYTES, str(path))]
    path.write_bytes(b" " * (MAX_DATASET_BYTES + 1))
    with pytest.raises(DatasetError) as err:
        read_dataset_file(path)
    assert err.value.problems == [("", f"the file is larger than {MAX_DATASET_BYTES // (1024 * 1024)} MB")]
    assert err.value.file == str(path)


def test_problems_are_listed_three_at_most_with_a_count_of_the_rest() -> None:
    err = DatasetError("f.json", [("levels.0", "bad"), ("", "no JSON"), ("a", "x"), ("b", "y"), ("c", "z")])
    assert problems_text(err) == "levels.0: bad; no JSON; a: x (and 2 more)"
    assert problems_text(DatasetError("f.json", [("a", "x"), ("b", "y"), ("c", "z")])) == "a: x; b: y; c: z"


def test_a_pack_is_neither_installed_nor_removed_in_a_folder_that_is_no_longer_ours(data_dir: Path) -> None:
    store = DataPackStore(data_dir, now=lambda: NOW)
    store.guard = lambda: "another copy took the folder"
    with pytest.raises(OSError, match=r"^another copy took the folder$"):
        store.install(b"{}")
    assert not store.installed
    (data_dir / PACK_FILE).write_bytes(b"kept")
    with pytest.raises(OSError, match=r"^another copy took the folder$"):
        store.remove()
    assert (data_dir / PACK_FILE).read_bytes() == b"kept"


def test_a_removed_pack_is_named_by_the_time_and_numbered_within_a_second(data_dir: Path) -> None:
    store = DataPackStore(data_dir, now=lambda: NOW)
    names = []
    for n in range(3):
        (data_dir / PACK_FILE).write_bytes(f"pack {n}".encode())
        names.append(store.remove().name)
    assert names == [
        "salary-data.json.removed-20250314-092653",
        "salary-data.json.removed-20250314-092653-2",
        "salary-data.json.removed-20250314-092653-3",
    ]
    assert store.data_dir == data_dir


def test_a_device_a_hard_link_to_the_profile_and_a_read_only_file_are_refused(tmp_path: Path, data_dir: Path) -> None:
    assert "a device" in str(export_refusal(Path(os.devnull), data_dir))
    (data_dir / "profile.json").write_bytes(b"{}")
    hard = tmp_path / "looks-harmless.json"
    os.link(data_dir / "profile.json", hard)
    assert "one of the app's own files" in str(export_refusal(hard, data_dir))
    with pytest.raises(ExportError, match="one of the app's own files"):
        write_export(hard, b"x", replace=True, data_dir=data_dir)
    assert (data_dir / "profile.json").read_bytes() == b"{}"
    new = tmp_path / "new.csv"
    assert export_refusal(new, data_dir) is None
    assert export_refusal(data_dir / "my-export.csv", data_dir) is None  # other names in the data folder are fine
    new.write_bytes(b"")
    new.chmod(0o400)
    assert "read-only" in str(export_refusal(new, data_dir))
