"""settings.ini's values: binary ones written as base64 text, names and values a hand edit broke are dropped, and
what is left at its default is not written at all."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from planner.storage.settings import AppSettings


def sections(data_dir: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # names as written
    parser.read_string((data_dir / "settings.ini").read_text(encoding="utf-8"))
    return parser


def test_a_theme_left_as_the_system_s_writes_an_empty_file(data_dir: Path) -> None:
    settings = AppSettings(data_dir)
    settings.set_theme("system")
    assert (data_dir / "settings.ini").read_bytes() == b""
    settings.set_theme("light")
    assert sections(data_dir)["view"]["theme"] == "light"
    assert AppSettings(data_dir).theme == "light"


def test_binary_values_are_written_as_base64_text(data_dir: Path) -> None:
    settings = AppSettings(data_dir)
    settings.save_window(QByteArray(b"\x00geo"), QByteArray(b"\xffst"), "skills", {"levels": QByteArray(b"\x01")})
    written = sections(data_dir)
    assert set(written.sections()) == {"window", "splitters"}
    assert written["window"]["geometry"] == "base64:AGdlbw=="
    assert written["window"]["state"] == "base64:/3N0"
    assert written["window"]["last_tab_id"] == "skills"
    assert written["splitters"]["levels"] == "base64:AQ=="


@pytest.mark.parametrize("value", ["base64:not*base64", "base64:", "AQ==", "base64:QQ", "base64:AQ*I="])
def test_a_splitter_value_a_hand_edit_broke_is_dropped_and_the_others_kept(data_dir: Path, value: str) -> None:
    (data_dir / "settings.ini").write_text(
        f"[splitters]\nbroken={value}\nfine=base64:AQI=\n[window]\ngeometry={value}\nstate=base64:AQI=\n",
        encoding="utf-8",
    )
    settings = AppSettings(data_dir)
    assert settings.splitters() == {"fine": QByteArray(b"\x01\x02")}
    assert settings.geometry is None
    assert settings.window_state == QByteArray(b"\x01\x02")


def test_names_that_are_not_plain_are_not_written(data_dir: Path) -> None:
    longest = "s" * 100
    settings = AppSettings(data_dir)
    splitters = {longest: QByteArray(b"a"), "s" * 101: QByteArray(b"b"), "a b": QByteArray(b"c"), "x=y": QByteArray()}
    settings.save_window(QByteArray(), QByteArray(), "a tab", splitters)
    again = AppSettings(data_dir)
    assert again.splitters() == {longest: QByteArray(b"a")}
    assert again.last_tab == ""
    assert again.geometry is None
    assert again.window_state is None
    assert "window" not in sections(data_dir).sections()


def test_an_empty_binary_value_from_an_older_version_is_no_value(data_dir: Path) -> None:
    (data_dir / "settings.ini").write_text(
        '[window]\ngeometry="@ByteArray()"\nstate="@ByteArray(s)"\n[splitters]\nempty="@ByteArray()"\n',
        encoding="utf-8",
    )
    settings = AppSettings(data_dir)
    assert settings.geometry is None
    assert settings.window_state == QByteArray(b"s")
    assert settings.splitters() == {}


def test_a_link_out_of_the_folder_is_moved_aside_and_its_target_kept(data_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "someone-elses.ini"
    outside.write_text("[view]\ntheme=dark\n", encoding="utf-8")
    (data_dir / "settings.ini").symlink_to(outside)
    settings = AppSettings(data_dir)
    moved = settings.moved_aside
    assert moved is not None
    assert moved.name.startswith("settings.ini.link-")
    assert moved.is_symlink()
    assert settings.theme == "system"  # what lies outside the folder is not read
    settings.set_theme("light")
    assert not (data_dir / "settings.ini").is_symlink()
    assert outside.read_text(encoding="utf-8") == "[view]\ntheme=dark\n"
    assert AppSettings(data_dir).theme == "light"
