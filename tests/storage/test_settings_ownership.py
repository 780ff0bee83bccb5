"""settings.ini follows the profile's ownership rules (issue 23): written by the app only, explicitly, while the data
folder is its own; never synced behind its back, never over another copy's file, never into a folder made again."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication

from planner.storage.safe_files import temp_name
from planner.storage.settings import AppSettings

GEOMETRY = QByteArray(bytes(range(256)))


def change_everything(settings: AppSettings) -> None:
    settings.set_theme("dark")
    settings.save_window(GEOMETRY, QByteArray(b"state"), "skills", {"levelsSplitter": QByteArray(b"\x00\xff=+/")})


def forget(settings: AppSettings) -> None:
    """Run the event loop (QSettings syncs from it by itself) and drop the object as closing the app does:
    anything either would write is written now."""
    QCoreApplication.processEvents()
    del settings
    gc.collect()
    QCoreApplication.processEvents()


def test_a_deleted_data_folder_is_never_made_again(qapp: Any, data_dir: Path) -> None:
    settings = AppSettings(data_dir)
    settings.set_theme("light")
    shutil.rmtree(data_dir)
    change_everything(settings)  # the folder's lock would say so; even unasked, the write fails without a trace
    forget(settings)
    assert not data_dir.exists()


def test_another_copys_settings_are_never_overwritten_after_a_takeover(qapp: Any, data_dir: Path) -> None:
    settings = AppSettings(data_dir)
    settings.set_theme("light")
    theirs = b"[view]\ntheme=system\n[window]\nlast_tab_id=offers\n"
    (data_dir / "settings.ini").write_bytes(theirs)  # the copy that took the folder over saved its own
    settings.guard = lambda: "another copy took the folder over"
    change_everything(settings)
    forget(settings)
    assert (data_dir / "settings.ini").read_bytes() == theirs


def test_the_file_is_written_whole_by_the_apps_writer_and_read_back(data_dir: Path) -> None:
    (data_dir / "settings.ini").write_bytes(b"[window]\nlast_tab_id=levels\n")
    settings = AppSettings(data_dir)
    (data_dir / temp_name("settings.ini")).write_bytes(b"")  # what an interrupted save would leave
    change_everything(settings)
    again = AppSettings(data_dir)
    assert again.theme == "dark"
    assert again.geometry == GEOMETRY
    assert again.window_state == QByteArray(b"state")
    assert again.last_tab == "skills"
    assert again.splitters() == {"levelsSplitter": QByteArray(b"\x00\xff=+/")}


def test_a_file_an_older_version_wrote_through_qsettings_is_still_read(data_dir: Path) -> None:
    (data_dir / "settings.ini").write_text(
        '[window]\nlast_tab_id=projection\ngeometry="@ByteArray(\\x1\\x2\\x3)"\n[splitters]\nskillsSplitter="@ByteArray(ab)"\n'
        "[view]\ntheme=light\n",
        encoding="utf-8",
    )
    settings = AppSettings(data_dir)
    assert settings.last_tab == "projection"
    assert settings.geometry == QByteArray(b"\x01\x02\x03")
    assert settings.splitters() == {"skillsSplitter": QByteArray(b"ab")}
    assert settings.theme == "light"
