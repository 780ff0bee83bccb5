"""`ml-career-planner --self-test`: proves an installed copy or a built bundle has everything it needs.

It runs offscreen (app.main sets QT_QPA_PLATFORM before Qt is imported), checks the shipped resources, the
Python libraries and the Qt plugins first, then loads the data and a profile from a temporary folder, builds
every tab, draws each once and prints one line. Anything missing is named, and the exit status is non-zero.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from planner import APP_NAME, DESKTOP_FILE_ID

if TYPE_CHECKING:
    from planner.app import Context

EXIT_OK = 0
EXIT_MISSING = 1
EXIT_FAILED = 2

ICON_SIZES = (48, 128, 256)
# What Qt's offscreen platform says on every run; it says nothing about the installation.
OFFSCREEN_NOISE = {"This plugin does not support propagateSizeHints()"}

# Paths below the resources package (planner.resources) that the app reads.
REQUIRED_RESOURCES: tuple[str, ...] = (
    "data/ml-engineer-salaries-us.json",
    "data/bls-oews-2025.json",
    "data/us-tax-2025-2027.json",
    "docs/how-projections-work.md",
    f"icons/{DESKTOP_FILE_ID}.svg",
    *(f"icons/hicolor/{n}x{n}/apps/{DESKTOP_FILE_ID}.png" for n in ICON_SIZES),
)

# Python modules the app imports at run time (some only when a tab is built).
REQUIRED_MODULES: tuple[str, ...] = (
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "shiboken6",
    "pyqtgraph",
    "numpy",
    "pydantic",
    "pydantic_core",
)


def required_plugins(platform: str = sys.platform, wayland: bool | None = None) -> tuple[tuple[str, str], ...]:
    """(plugin type, plugin name) pairs: offscreen runs the self-test, the native one opens the real window
    (on Linux, Wayland's in a Wayland session and X11's elsewhere)."""
    if wayland is None:
        wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    native = {"win32": "windows", "darwin": "cocoa"}.get(platform, "wayland" if wayland else "xcb")
    return (("platforms", "offscreen"), ("platforms", native))


class Report:
    """Collects what is missing; every line names one thing."""

    def __init__(self) -> None:
        self.missing: list[str] = []

    def add(self, items: Iterable[str]) -> None:
        self.missing.extend(items)


def missing_resources(root: Traversable, required: Iterable[str]) -> list[str]:
    missing = []
    for relative in required:
        node = root
        for part in relative.split("/"):
            node = node / part
        if not node.is_file():
            missing.append(f"resource {relative}")
    return missing


def missing_modules(names: Iterable[str]) -> list[str]:
    missing = []
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            missing.append(f"Python library {name} ({exc})")
    return missing


def plugin_file(directories: Iterable[str], plugin_type: str, name: str) -> Path | None:
    """The plugin's file in the first Qt plugin folder that has it (libqxcb.so, qwindows.dll, libqcocoa.dylib)."""
    for directory in directories:
        folder = Path(directory) / plugin_type
        if not folder.is_dir():
            continue
        for candidate in sorted(folder.iterdir()):
            stem = candidate.name.split(".")[0].removeprefix("lib")
            if stem == f"q{name}" and candidate.suffix in {".so", ".dll", ".dylib"}:
                return candidate
    return None


def missing_plugins(directories: list[str], required: Iterable[tuple[str, str]]) -> list[str]:
    """Qt plugins that are absent, or present but unloadable (a library they link to is missing)."""
    from PySide6.QtCore import QPluginLoader

    missing = []
    for plugin_type, name in required:
        found = plugin_file(directories, plugin_type, name)
        if found is None:
            where = ", ".join(directories) or "no plugin folder"
            missing.append(f"Qt plugin {plugin_type}/{name} (looked in {where})")
            continue
        loader = QPluginLoader(str(found))
        if not loader.load():
            problem = f"Qt plugin {plugin_type}/{name} cannot be loaded: {loader.errorString()}"
            packages = missing_xcb_packages() if name == "xcb" else []
            if packages:
                problem += f" (install the X11 libraries it needs: sudo apt-get install {' '.join(packages)})"
            missing.append(problem)
    return missing


def missing_xcb_packages() -> list[str]:
    """Debian packages of the X11 libraries Qt's xcb plugin links to that this machine lacks."""
    from planner import startup

    return [package for soname, package in startup.XCB_LIBRARIES.items() if not startup.library_present(soname)]


def check_installation(report: Report) -> None:
    """Everything that can be checked before a QApplication exists."""
    from planner.storage.dataset_file import resource_root

    report.add(missing_resources(resource_root(), REQUIRED_RESOURCES))
    report.add(missing_modules(REQUIRED_MODULES))
    if report.missing:
        return  # without Qt's modules there are no plugins to look for
    from PySide6.QtCore import QCoreApplication

    report.add(missing_plugins(QCoreApplication.libraryPaths(), required_plugins()))


def print_error(text: str) -> None:
    print(text, file=sys.stderr)


def exercise_app(out: Callable[[str], None], err: Callable[[str], None] = print_error) -> int:
    """Load the data and a profile from a temporary folder, build every tab and draw each once."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def forward(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if message not in OFFSCREEN_NOISE:
            err(f"Qt: {message}")

    previous = qInstallMessageHandler(forward)
    try:
        return _exercise(out, err)
    finally:
        qInstallMessageHandler(previous)


def _exercise(out: Callable[[str], None], err: Callable[[str], None]) -> int:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication

    from planner.app import open_window
    from planner.domain.profile import Profile
    from planner.startup import configure_application
    from planner.storage.dataset_file import DatasetError, load_dataset
    from planner.storage.profile_store import ProfileStore
    from planner.tabs import TABS

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    icon = app.windowIcon()  # its files are read when drawn: draw the smallest and largest size now
    if icon.isNull() or any(icon.pixmap(size, size).isNull() for size in (48, 256)):
        err(f"self-test FAILED: the window icon could not be loaded ({DESKTOP_FILE_ID})")
        return EXIT_MISSING
    try:
        dataset = load_dataset()
    except DatasetError as exc:
        err(f"self-test FAILED: {exc}")
        return EXIT_MISSING
    with tempfile.TemporaryDirectory(prefix="ml-career-planner-selftest-") as tmp:
        data_dir = Path(tmp)
        # A profile as the user would have one: a ticked skill, some experience, a salary.
        first_skill = dataset.levels[0].skills[0].id if dataset.levels[0].skills else None
        profile = Profile.model_validate(
            {
                "years_of_experience": 3,
                "current_salary": 150_000,
                "skills": {first_skill: {"ticked_on": "2024-01-02"}} if first_skill else {},
            }
        )
        ProfileStore(data_dir).save(profile)  # the app's own atomic save, then its own load
        ctx = open_window(app, dataset, data_dir)
        if ctx.session.profile != profile:
            err("self-test FAILED: the profile read back differs from the one saved")
            return EXIT_FAILED
        window = ctx.window
        window.show()
        titles = window.tab_titles()
        blank = [f"the {spec.id} tab (not in the window)" for spec in TABS if spec.title not in titles]
        for spec in TABS:  # every tab of the registry, built and drawn
            if spec.title not in titles:
                continue
            widget = window.tab_widget(spec.id)  # builds a lazy tab
            window.tabs.setCurrentWidget(widget)
            app.processEvents()
            if widget.grab().isNull():
                blank.append(spec.title)
        blank += _exports_missing(ctx)
        window.close()
        window.deleteLater()
        app.processEvents()
    if not titles or blank:
        err(f"self-test FAILED: {'no tabs' if not titles else 'could not draw ' + ', '.join(blank)}")
        return EXIT_FAILED
    skills = len(dataset.all_skills())
    tabs = f"{len(titles)} tab" + ("s" if len(titles) != 1 else "")
    out(
        f"self-test ok: {tabs}, {len(dataset.levels)} levels, {len(dataset.industries)} industries, "
        f"{skills} skills, Qt {qVersion()} (PySide6 {pyside_version}), platform {app.platformName()}"
    )
    return EXIT_OK


def _exports_missing(ctx: Context) -> list[str]:
    """Draw the exports in memory (PNG, SVG, PDF): pyqtgraph's exporters and QPdfWriter work in this build."""
    import datetime as dt

    from planner.commands.reports import career_report
    from planner.presenters.career_report import skill_progress
    from planner.tabs.projection.presenter import ProjectionPresenter
    from planner.views.charts import chart_of
    from planner.views.export_render import chart_image, chart_svg, png_bytes
    from planner.views.report_render import report_pdf

    plot = chart_of(ctx.window.tab_widget("projection"))
    if plot is None:
        return ["the projection chart"]
    image = chart_image(plot, 600)
    profile = ctx.session.profile
    projection = ctx.presenter("projection", ProjectionPresenter)
    report = career_report(ctx.dataset, profile, skill_progress(ctx.dataset, profile), projection, dt.date.today())
    broken = []
    if not png_bytes(image).startswith(b"\x89PNG"):
        broken.append("a PNG export")
    if b"<svg" not in chart_svg(plot, 600):
        broken.append("an SVG export")
    if not report_pdf(report, image).startswith(b"%PDF"):
        broken.append("the PDF report")
    return broken


def run(out: Callable[[str], None] = print, err: Callable[[str], None] = print_error) -> int:
    """The whole self-test; app.main calls it after forcing the offscreen platform. Exit status for main."""
    report = Report()
    check_installation(report)
    if report.missing:
        err(f"self-test FAILED: {APP_NAME} is missing " + "; ".join(report.missing))
        return EXIT_MISSING
    try:
        return exercise_app(out, err)
    except Exception as exc:  # any failure ends in one line naming it, after the traceback for whoever debugs
        traceback.print_exc()
        err(f"self-test FAILED: {type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}")
        return EXIT_FAILED


def force_offscreen() -> None:
    """Must run before the first Qt import: the platform plugin is chosen when QGuiApplication starts."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
