"""Composition root: parses the command line, creates the QApplication, loads data, wires the tabs.

Only this module knows every layer. Qt is imported after the command line is parsed, so --help and
--version answer at once and without a display.
"""

from __future__ import annotations

import argparse
import ctypes.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner import APP_ID, APP_NAME, DESKTOP_FILE_ID, __version__

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from planner.domain.dataset import Dataset
    from planner.domain.profile import Profile
    from planner.presenters.levels import LevelsPresenter
    from planner.presenters.session import ProfileSession
    from planner.views.main_window import MainWindow

# Libraries Qt's xcb platform plugin loads on Linux, with the Debian/Ubuntu package that provides each.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-shape": "libxcb-shape0",
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description=f"{APP_NAME}: what ML engineers earn by level and industry, your skills, your projection.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="where your profile and settings live (default: the system's application data folder, "
        "on Linux $XDG_DATA_HOME/ml-career-planner)",
    )
    parser.add_argument("--version", action="version", version=f"{APP_ID} {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen (data, libraries, Qt plugins, every tab), print one line and exit",
    )
    return parser.parse_args(argv)


def missing_display_libraries() -> list[str]:
    """Debian packages Qt's xcb plugin needs that this Linux machine lacks (empty elsewhere)."""
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return []
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]


def display_problem() -> str | None:
    missing = missing_display_libraries()
    if missing:
        return (
            f"{APP_NAME} needs some X11 libraries that are not installed, so Qt cannot open a window.\n"
            f"Install them with:\n\n    sudo apt-get install {' '.join(missing)}\n\n"
            "then start the app again."
        )
    return None


@dataclass
class Context:
    """Everything the running app is made of; tests build one with build_window()."""

    app: QApplication
    window: MainWindow
    dataset: Dataset
    data_dir: Path
    session: ProfileSession
    levels: LevelsPresenter


def configure_application(app: QApplication) -> None:
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_ID)
    app.setWindowIcon(app_icon())


def app_icon() -> QIcon:
    """The app's icon at every size it ships (resources/icons/hicolor); null if none could be read."""
    from PySide6.QtGui import QIcon, QPixmap

    from planner.storage.dataset_file import resource_root

    icon = QIcon()
    for size in (48, 128, 256):
        png = resource_root() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_FILE_ID}.png"
        pixmap = QPixmap()
        if png.is_file() and pixmap.loadFromData(png.read_bytes()):
            icon.addPixmap(pixmap)
    return icon


def default_data_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


def build_window(app: QApplication, dataset: Dataset, data_dir: Path, profile: Profile | None = None) -> Context:
    from planner.presenters.levels import LevelsPresenter
    from planner.presenters.session import ProfileSession
    from planner.views.levels_view import LevelsTab
    from planner.views.main_window import MainWindow

    window = MainWindow(__version__)
    session = ProfileSession(profile, parent=window)
    levels_tab = LevelsTab()
    levels = LevelsPresenter(dataset, levels_tab)
    levels_tab.set_hover_text_provider(levels.hover_text)
    levels_tab.level_selected.connect(levels.level_selected)
    levels_tab.set_table_model(levels.table)
    levels.start()
    window.add_tab(levels_tab, "Salary by &level")
    return Context(app=app, window=window, dataset=dataset, data_dir=data_dir, session=session, levels=levels)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from planner import selftest

        selftest.force_offscreen()
        return selftest.run()
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 3

    from PySide6.QtWidgets import QApplication, QMessageBox

    from planner.storage.dataset_file import DatasetError, load_dataset

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    data_dir: Path = args.data_dir if args.data_dir is not None else default_data_dir()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        QMessageBox.critical(None, APP_NAME, f"Cannot use the data folder {data_dir}:\n{exc.strerror or exc}")
        return 2
    try:
        dataset = load_dataset()
    except DatasetError as exc:
        QMessageBox.critical(None, APP_NAME, f"The salary data could not be loaded:\n{exc}")
        return 2
    ctx = build_window(app, dataset, data_dir)
    ctx.window.show()
    return app.exec()
