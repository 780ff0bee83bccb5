"""The ``ml-career-planner`` command: parses the command line, runs the self-test or opens the window.

Qt is imported after the command line is parsed, so --help and --version answer at once and without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from planner import APP_ID, APP_NAME, __version__, startup

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.presenters.first_run import WelcomeAnswers, WelcomeQuestions


def _data_dir_path(text: str) -> Path:
    from planner.storage.data_folder import data_dir_argument

    try:
        return Path(data_dir_argument(text))
    except ValueError as exc:  # argparse prints it and exits with status 2: nothing is created
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description=f"{APP_NAME}: what ML engineers earn by level and industry, your skills, your projection.",
    )
    parser.add_argument(
        "--data-dir",
        type=_data_dir_path,
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


def ask_welcome_dialog(parent: QWidget, questions: WelcomeQuestions) -> WelcomeAnswers | None:
    """The real first-run welcome dialog (tests pass their own ``welcome`` to open_window)."""
    from planner.views.welcome_dialog import ask_welcome

    return ask_welcome(parent, questions)


def main(argv: list[str] | None = None) -> int:
    resume_collector = startup.pause_garbage_collection()
    try:
        return _main(argv, resume_collector)
    finally:
        resume_collector()


def _main(argv: list[str] | None, resume_collector: Callable[[], None]) -> int:
    startup.no_session_bus_autolaunch(os.environ)
    startup.no_pydantic_plugin_search(os.environ)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from planner import selftest

        selftest.force_offscreen()
        return selftest.run()
    problem = startup.display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 3

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from planner.app import open_window
    from planner.storage.data_pack import PACK_FILE
    from planner.storage.dataset_file import DatasetError, load_dataset
    from planner.storage.instance_lock import DataDirLock
    from planner.storage.profile_store import PROFILE_FILE
    from planner.storage.safe_files import clean_stale_temp_files
    from planner.storage.settings import SETTINGS_FILE
    from planner.views.first_paint import after_first_paint
    from planner.views.plain import tell

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    startup.configure_application(app)
    from planner.storage.data_folder import home_problem

    no_home = home_problem(os.environ, sys.platform) if args.data_dir is None else None
    if no_home is not None:  # the default would be /.local/share/...: nothing is created
        print(no_home, file=sys.stderr)
        tell(None, QMessageBox.Icon.Critical, APP_NAME, no_home)
        return 2
    data_dir: Path = args.data_dir if args.data_dir is not None else startup.default_data_dir()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        tell(
            None, QMessageBox.Icon.Critical, APP_NAME, f"Cannot use the data folder {data_dir}:\n{exc.strerror or exc}"
        )
        return 2
    try:
        dataset = load_dataset()
    except DatasetError as exc:
        tell(None, QMessageBox.Icon.Critical, APP_NAME, f"The salary data could not be loaded:\n{exc}")
        return 2
    lock = DataDirLock(data_dir)  # one writer per data folder
    read_only = None
    if not lock.try_lock():
        read_only = startup.unwritable_reason(data_dir) if not lock.path.is_dir() else None
        if read_only is None:
            startup.refuse_second_instance(lock.refusal_message())
            return startup.EXIT_ALREADY_RUNNING
    else:
        clean_stale_temp_files(data_dir, (PROFILE_FILE, PACK_FILE, SETTINGS_FILE))
    # From now on SIGTERM/SIGHUP save and quit; the quit is queued, so one that arrives while the window is being
    # built ends the event loop as soon as it starts.
    flushes: list[Callable[[], object]] = []
    restore_signals = startup.save_on_signals(
        app, lambda: [flush() for flush in flushes], quit_app=lambda: QTimer.singleShot(0, app.quit)
    )
    try:
        ctx = open_window(
            app,
            dataset,
            data_dir,
            welcome=ask_welcome_dialog,
            lock=lock if read_only is None else None,
            read_only=read_only,
        )
        assert ctx.autosave is not None
        app.aboutToQuit.connect(ctx.autosave.flush)
        flushes.append(ctx.autosave.flush)
        after_first_paint(ctx.window, resume_collector)
        ctx.window.show()
        ctx.window.tabs.currentWidget().setFocus()
        return app.exec()
    finally:
        restore_signals()
        lock.unlock()
