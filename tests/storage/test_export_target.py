"""Where an export may go: planner.storage.export_target's refusals, each with a sentence for the user."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from planner.storage import export_target
from planner.storage.export_target import DATA_FOLDER_FILES, export_refusal

OWN = "one of the app's own files"


@pytest.mark.parametrize("name", DATA_FOLDER_FILES)
def test_each_data_folder_file_is_refused_whether_it_exists_or_not(name: str, data_dir: Path) -> None:
    target = data_dir / name
    refusal = export_refusal(target, data_dir)
    assert refusal is not None
    assert refusal.startswith(f"{name} is {OWN}")
    assert str(data_dir) in refusal
    target.write_bytes(b"{}")
    assert OWN in str(export_refusal(target, data_dir))


@pytest.mark.parametrize(
    "name", ["profile.json.v3-backup", "profile.json.before-import-2025", "settings.ini.corrupt-1"]
)
def test_the_copies_the_app_keeps_are_refused(name: str, data_dir: Path) -> None:
    assert OWN in str(export_refusal(data_dir / name, data_dir))


@pytest.mark.parametrize("name", ["profile.jsonl", "my-profile.json", "profile", "settings.ini2", "export.csv"])
def test_other_names_in_the_data_folder_may_be_written(name: str, data_dir: Path) -> None:
    assert export_refusal(data_dir / name, data_dir) is None


def test_the_same_names_elsewhere_may_be_written(tmp_path: Path, data_dir: Path) -> None:
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    for name in DATA_FOLDER_FILES:
        assert export_refusal(elsewhere / name, data_dir) is None
        assert export_refusal(data_dir / name, None) is None  # no data folder to protect


def test_a_data_folder_that_does_not_exist_protects_nothing(tmp_path: Path) -> None:
    assert export_refusal(tmp_path / "profile.json", tmp_path / "gone") is None


def test_the_data_folder_reached_through_a_link_is_still_protected(tmp_path: Path, data_dir: Path) -> None:
    alias = tmp_path / "alias"
    alias.symlink_to(data_dir, target_is_directory=True)
    assert OWN in str(export_refusal(alias / "profile.json", data_dir))


@pytest.mark.parametrize("name", DATA_FOLDER_FILES)
def test_a_hard_link_to_any_data_folder_file_is_refused(name: str, tmp_path: Path, data_dir: Path) -> None:
    (data_dir / name).write_bytes(b"x")
    hard = tmp_path / "harmless.txt"
    os.link(data_dir / name, hard)
    assert export_refusal(hard, data_dir) == (
        f"harmless.txt is {OWN} in its data folder ({data_dir}); an export never replaces it. "
        "Choose another name or folder."
    )


def test_a_hard_link_to_another_file_may_be_replaced(tmp_path: Path, data_dir: Path) -> None:
    (data_dir / "profile.json").write_bytes(b"{}")
    (data_dir / "notes.txt").write_bytes(b"mine")
    linked_to_notes = tmp_path / "notes-link.txt"
    os.link(data_dir / "notes.txt", linked_to_notes)
    assert export_refusal(linked_to_notes, data_dir) is None
    first = tmp_path / "a.csv"
    first.write_bytes(b"a")
    os.link(first, tmp_path / "b.csv")
    assert export_refusal(first, data_dir) is None


def test_a_symbolic_link_is_refused_dangling_or_not(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_bytes(b"")
    for link, to in ((tmp_path / "link.csv", real), (tmp_path / "dangling.csv", tmp_path / "gone.csv")):
        link.symlink_to(to)
        refusal = str(export_refusal(link, None))
        assert refusal.startswith(f"{link} is a symbolic link")
    assert real.read_bytes() == b""


def test_a_link_to_the_profile_is_refused_as_a_link(tmp_path: Path, data_dir: Path) -> None:
    (data_dir / "profile.json").write_bytes(b"{}")
    link = tmp_path / "p.json"
    link.symlink_to(data_dir / "profile.json")
    assert "symbolic link" in str(export_refusal(link, data_dir))


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert export_refusal(tmp_path, None) == f"{tmp_path} is a folder."


def test_a_named_pipe_and_a_socket_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert export_refusal(fifo, None) == (
        f"{fifo} is a named pipe (FIFO), not a regular file; an export never replaces it. Choose another name."
    )
    sock_path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        assert "is a socket, not a regular file" in str(export_refusal(sock_path, None))


@pytest.mark.parametrize("mode", [0o600, 0o644, 0o200, 0o666])
def test_a_writable_file_may_be_replaced(mode: int, tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes(b"")
    path.chmod(mode)
    assert export_refusal(path, None) is None


@pytest.mark.parametrize("mode", [0o400, 0o444, 0o000])
def test_a_read_only_file_is_refused_even_for_an_administrator(mode: int, tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes(b"")
    path.chmod(mode)
    assert export_refusal(path, None) == (
        f"{path} is read-only, so it was left as it is. Choose another name, or make the file writable first."
    )


def test_a_file_the_system_will_not_let_us_write_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "theirs.csv"
    path.write_bytes(b"")
    path.chmod(0o644)
    monkeypatch.setattr(export_target.os, "access", lambda _path, _mode: False)
    assert "read-only" in str(export_refusal(path, None))


def test_a_path_that_cannot_be_checked_says_why(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_bytes(b"")
    target = tmp_path / "file.txt" / "x.csv"
    assert export_refusal(target, None) == (f"{target} cannot be checked ({os.strerror(20)}), so nothing was written.")


def test_a_hard_linked_file_may_be_replaced_when_the_data_folder_is_gone(tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_bytes(b"a")
    os.link(first, tmp_path / "b.csv")
    assert export_refusal(first, tmp_path / "gone") is None


@pytest.mark.parametrize("mode", [0o464, 0o446])
def test_a_file_writable_by_group_or_others_that_the_system_lets_us_write_is_not_read_only(
    mode: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shared.csv"
    path.write_bytes(b"")
    path.chmod(mode)
    monkeypatch.setattr(export_target.os, "access", lambda _path, _mode: True)
    assert export_refusal(path, None) is None
