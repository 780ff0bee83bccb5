"""Composition root: parses the command line, creates the QApplication, loads data, wires the tabs.

Only this module knows every layer. Qt is imported after the command line is parsed, so --help and
--version answer at once and without a display.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner import APP_ID, APP_NAME, DESKTOP_FILE_ID, __version__

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QWidget

    from planner.commands import WindowCommands
    from planner.domain.dataset import Dataset
    from planner.domain.profile import Profile
    from planner.presenters.autosave import ProfileAutosaver
    from planner.presenters.data_pack import DataPackPresenter
    from planner.presenters.first_run import WelcomeAnswers, WelcomeQuestions
    from planner.presenters.industries import IndustriesPresenter
    from planner.presenters.levels import LevelsPresenter
    from planner.presenters.market import MarketPresenter
    from planner.presenters.offers import OffersPresenter
    from planner.presenters.pay_history import PayHistoryPresenter
    from planner.presenters.projection import ProjectionPresenter
    from planner.presenters.scenarios import ScenariosPresenter
    from planner.presenters.session import ProfileSession
    from planner.presenters.skills import SkillsPresenter
    from planner.storage.data_pack import DataPackStore, Origin
    from planner.storage.instance_lock import DataDirLock
    from planner.storage.profile_store import ProfileStore
    from planner.storage.settings import AppSettings
    from planner.views.dialogs import Dialogs
    from planner.views.main_window import MainWindow
    from planner.views.projection_view import ProjectionTab

    # The first-run welcome: shown over the window, returns the answers or None when skipped.
    Welcome = Callable[[QWidget, WelcomeQuestions], WelcomeAnswers | None]

# Libraries Qt's xcb platform plugin loads on Linux (by soname), with the Debian/Ubuntu package that provides each.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-shape.so.0": "libxcb-shape0",
}


def library_present(soname: str) -> bool:
    """Whether the dynamic loader finds a library, as Qt's plugin will look for it. Loading it is a fraction of a
    millisecond; ctypes.util.find_library would run `ldconfig -p` once per name (some 30 ms for the eight)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


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
    return [pkg for soname, pkg in XCB_LIBRARIES.items() if not library_present(soname)]


def display_problem() -> str | None:
    missing = missing_display_libraries()
    if missing:
        return (
            f"{APP_NAME} needs some X11 libraries that are not installed, so Qt cannot open a window.\n"
            f"Install them with:\n\n    sudo apt-get install {' '.join(missing)}\n\n"
            "then start the app again."
        )
    return None


EXIT_ALREADY_RUNNING = 4


@dataclass
class Context:
    """Everything the running app is made of; tests build one with build_window()."""

    app: QApplication
    window: MainWindow
    dataset: Dataset
    data_dir: Path
    session: ProfileSession
    settings: AppSettings
    # Owns what belongs to one dataset (the skills presenter, connections of tabs built on it); replaced, with
    # every tab, when new salary data is applied.
    scope: QObject
    skills: SkillsPresenter
    dialogs: Dialogs  # every question to the user (tests hand in one that answers at once)
    levels: LevelsPresenter | None = None  # built with the first tab, at once
    industries: IndustriesPresenter | None = None  # built the first time its tab is shown
    market: MarketPresenter | None = None  # built when the Market tab is first shown
    projection: ProjectionPresenter | None = None  # built when the Projection tab is first shown
    offers: OffersPresenter | None = None  # built when the Offers tab is first shown
    # Set by open_window(), which reads and saves profile.json; build_window() alone touches no file.
    store: ProfileStore | None = None
    autosave: ProfileAutosaver | None = None
    pay_history: PayHistoryPresenter | None = None  # built with the Projection tab
    data_pack: DataPackPresenter | None = None  # File > Import salary data...; set by open_window()
    commands: WindowCommands | None = None  # File and Help menu commands (exports, import, help page)
    first_run: bool = False  # no profile.json existed when the window opened


def configure_application(app: QApplication) -> None:
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_ID)
    app.setWindowIcon(app_icon())


def app_icon() -> QIcon:
    """The app's icon at every size it ships (resources/icons/hicolor); null if none is there. Each size is read
    when something first draws it (X11 at the first show; Wayland takes the icon from the .desktop file)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from planner.storage.dataset_file import resource_root

    icon = QIcon()
    for size in (48, 128, 256):
        png = resource_root() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_FILE_ID}.png"
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon


def default_data_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


def build_window(
    app: QApplication,
    dataset: Dataset,
    data_dir: Path,
    profile: Profile | None = None,
    dialogs: Dialogs | None = None,
) -> Context:
    from planner.presenters.session import ProfileSession
    from planner.storage.settings import AppSettings
    from planner.views.dialogs import QtDialogs
    from planner.views.main_window import MainWindow
    from planner.views.theme import apply_theme

    settings = AppSettings(data_dir)
    apply_theme(app, settings.theme)  # type: ignore[arg-type]  # before any widget exists: no repolish later
    window = MainWindow(__version__)
    session = ProfileSession(profile, parent=window)
    scope, skills = _data_scope(window, dataset, session)
    ctx = Context(
        app=app,
        window=window,
        dataset=dataset,
        data_dir=data_dir,
        session=session,
        settings=settings,
        scope=scope,
        skills=skills,
        dialogs=dialogs if dialogs is not None else QtDialogs(window),  # before the tabs: they ask through it
    )
    add_tabs(ctx)
    _wire_window_state(ctx)  # after every tab exists, so the last open tab can come back
    window.data_sources_action.triggered.connect(lambda: show_data_sources(ctx))
    # Data packs need the data folder: open_window() switches these on.
    window.import_data_action.setEnabled(False)
    window.revert_data_action.setEnabled(False)
    _wire_commands(ctx)
    return ctx


def _wire_commands(ctx: Context) -> None:
    from planner.commands import WindowCommands

    def projection() -> tuple[ProjectionPresenter, QWidget]:
        tab = ctx.window.tab_widget("projection")  # built on first use
        assert ctx.projection is not None
        return ctx.projection, tab

    ctx.commands = WindowCommands(
        ctx.window,
        ctx.dataset,
        ctx.session,
        ctx.skills,
        projection,
        ctx.dialogs,
    )


def _data_scope(window: MainWindow, dataset: Dataset, session: ProfileSession) -> tuple[QObject, SkillsPresenter]:
    """A new owner for one dataset's objects, with the skills presenter (needed before its tab: Edit > Undo)."""
    from PySide6.QtCore import QObject

    from planner.presenters.skills import SkillsPresenter

    scope = QObject(window)
    skills = SkillsPresenter(dataset, session, parent=scope)  # its session connections go with it
    window.set_undo_stack(skills.undo_stack)  # Edit > Undo / Redo
    session.undo_stack = skills.undo_stack  # every undoable edit of the profile goes there
    return scope, skills


def add_tabs(ctx: Context) -> None:
    """Every tab of TABS, in order, with its View menu entry and shortcut."""
    for spec in TABS:
        ctx.window.add_tab(spec.id, spec.title, functools.partial(spec.build, ctx), spec.shortcut, lazy=spec.lazy)


def build_levels_tab(ctx: Context) -> QWidget:
    from planner.presenters.connections import leave_with
    from planner.presenters.levels import LevelsPresenter
    from planner.views.levels_view import LevelsTab

    tab = LevelsTab()
    levels = LevelsPresenter(ctx.dataset, tab, ctx.session)
    leave_with(tab, ctx.session.changed, levels.profile_changed)  # "you" follows the profile while the tab lives
    tab.set_hover_text_provider(levels.hover_text)
    tab.level_selected.connect(levels.level_selected)
    tab.set_table_model(levels.table)
    levels.start()
    ctx.levels = levels
    return tab


def build_skills_tab(ctx: Context) -> QWidget:
    from planner.views.skills_view import SkillsTab

    skills = ctx.skills
    tab = SkillsTab()
    tab.set_model(skills.proxy)
    window = ctx.window
    assert window.undo_action is not None
    assert window.redo_action is not None
    tab.set_undo_actions(window.undo_action, window.redo_action)  # Edit > Undo / Redo own Ctrl+Z, Ctrl+Shift+Z
    tab.filter_changed.connect(skills.set_filter)
    tab.clear_level_requested.connect(skills.clear_level)
    tab.plan_requested.connect(skills.plan_skill)
    tab.unplan_requested.connect(skills.unplan)
    skills.attach_view(tab)
    return tab


def apply_dataset(ctx: Context, dataset: Dataset) -> None:
    """Use new salary data at once: every tab is built again on it, on the same profile (ticks, pay history,
    assumptions stay; skill ids the new data lacks are kept in the profile), and the same tab stays open.
    The old tabs and the old scope go, and with them every connection their presenters made (track())."""
    window = ctx.window
    index = window.tabs.currentIndex()
    window.clear_tabs()
    ctx.scope.deleteLater()
    ctx.dataset = dataset
    ctx.levels = ctx.industries = ctx.projection = ctx.pay_history = ctx.market = ctx.offers = None
    ctx.scope, ctx.skills = _data_scope(window, dataset, ctx.session)
    if ctx.commands is not None:  # the menus' exports and imports work on the new data from now on
        ctx.commands.dataset, ctx.commands.skills = dataset, ctx.skills
    add_tabs(ctx)
    window.tabs.setCurrentIndex(max(index, 0))


def show_data_sources(ctx: Context) -> QWidget:
    """Help > Data sources: a window (not modal) listing every sourced figure of the data in use."""
    from PySide6.QtCore import Qt

    from planner.presenters.data_sources import DataSourcesModel, sources_html
    from planner.storage.market_file import market_or_none
    from planner.views.data_dialogs import DataSourcesDialog

    model = DataSourcesModel(ctx.dataset, ctx.session.profile.assumptions)
    # A broken installation: without the BLS file the article's sources are still listed.
    dialog = DataSourcesDialog(sources_html(ctx.dataset, market_or_none()), model, ctx.window)
    model.setParent(dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _wire_window_state(ctx: Context) -> None:
    """Theme, geometry, splitters and the last tab: restored now, saved when the window closes."""
    from planner.views.theme import apply_theme

    app, window, settings = ctx.app, ctx.window, ctx.settings

    def choose_theme(theme: str) -> None:
        settings.set_theme(theme)
        apply_theme(app, settings.theme)  # type: ignore[arg-type]
        window.set_theme_checked(settings.theme)

    def system_scheme_changed() -> None:
        if settings.theme == "system":
            apply_theme(app, "system")

    window.set_theme_checked(settings.theme)
    window.theme_chosen.connect(choose_theme)
    app.styleHints().colorSchemeChanged.connect(system_scheme_changed)
    window.destroyed.connect(lambda: _disconnect(app.styleHints().colorSchemeChanged, system_scheme_changed))

    if settings.geometry is not None:
        window.restore_geometry_on_screen(settings.geometry)
    if settings.window_state is not None:
        window.restoreState(settings.window_state)
    splitters = settings.splitters()
    window.restore_splitters(splitters)
    window.tab_built.connect(lambda widget: window.restore_splitters(splitters, widget))
    if 0 < settings.last_tab < window.tabs.count():
        window.tabs.setCurrentIndex(settings.last_tab)

    def save() -> None:
        splitters.update(window.splitter_states())
        settings.save_window(window.saveGeometry(), window.saveState(), window.tabs.currentIndex(), splitters)

    window.closing.connect(save)


def _disconnect(signal: object, slot: object) -> None:
    with contextlib.suppress(RuntimeError, TypeError):
        signal.disconnect(slot)  # type: ignore[attr-defined]


def build_industries_tab(ctx: Context) -> QWidget:
    from planner.presenters.industries import IndustriesPresenter
    from planner.views.industries_view import IndustriesTab

    tab = IndustriesTab()
    presenter = IndustriesPresenter(ctx.dataset, ctx.session, tab, parent=tab)
    tab.set_table_model(presenter.proxy)
    tab.set_hover_text_provider(presenter.hover_text)
    tab.industry_chosen.connect(presenter.industry_chosen)
    tab.employer_chosen.connect(presenter.employer_chosen)
    tab.bar_clicked.connect(presenter.bar_clicked)
    tab.entry_selected.connect(presenter.entry_selected)
    tab.employers_toggled.connect(presenter.employers_toggled)
    tab.comparison_changed.connect(presenter.comparison_changed)
    presenter.start()  # a child of its tab: its connection to the session goes with the tab
    ctx.industries = presenter
    return tab


def build_projection_tab(ctx: Context) -> QWidget:
    import datetime as dt

    from planner.presenters.connections import leave_with
    from planner.presenters.pay_history import PayHistoryPresenter
    from planner.presenters.projection import ProjectionPresenter
    from planner.presenters.scenarios import ScenariosPresenter
    from planner.storage.market_file import market_or_none
    from planner.views.projection_view import ProjectionTab

    tab = ProjectionTab()
    year = dt.date.today().year
    presenter = ProjectionPresenter(ctx.dataset, ctx.session, tab, current_year=year)
    history = PayHistoryPresenter(ctx.session, tab, current_year=year, parent=tab)  # leaves with its tab
    tab.set_pay_history_model(history.model)
    tab.pay_added.connect(history.add)
    tab.pay_removed.connect(history.remove)
    tab.set_table_model(presenter.table)
    tab.field_edited.connect(presenter.field_edited)
    tab.field_committed.connect(presenter.field_committed)
    tab.industry_chosen.connect(presenter.industry_chosen)
    tab.employer_chosen.connect(presenter.employer_chosen)
    tab.level_chosen.connect(presenter.level_chosen)
    tab.dollars_chosen.connect(presenter.dollars_chosen)
    tab.comp_chosen.connect(presenter.comp_chosen)
    tab.compare_industry_chosen.connect(presenter.compare_industry_chosen)
    tab.compare_employer_chosen.connect(presenter.compare_employer_chosen)
    tab.compare_next_skills_toggled.connect(presenter.compare_next_skills_toggled)
    tab.year_selected.connect(presenter.year_selected)
    scenarios = ScenariosPresenter(
        ctx.dataset, ctx.session, ctx.dialogs.confirm, market=market_or_none, parent=tab
    )  # leaves with its tab
    presenter.market = market_or_none
    scenarios.attach_view(tab)
    tab.set_scenario_model(scenarios.model)
    tab.set_differences_model(presenter.differences)
    connect_scenario_dialogs(tab, scenarios)
    presenter.start()
    ctx.projection, ctx.pay_history = presenter, history
    # The projection presenter is a plain object that connects itself to the session: it leaves with its tab.
    leave_with(tab, ctx.session.changed, presenter.refresh)
    return tab


def connect_scenario_dialogs(tab: ProjectionTab, scenarios: ScenariosPresenter) -> None:
    """New, Edit, Duplicate and Delete on the Projection tab: the dialog (views) asks, the presenter decides."""
    from PySide6.QtCore import Qt

    from planner.views.scenario_dialog import ScenarioDialog

    def open_dialog(scenario_id: str | None) -> ScenarioDialog:
        dialog = ScenarioDialog(scenarios.form(scenario_id), tab)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda values: dialog.show_errors(scenarios.save(scenario_id, values)))
        tab.scenario_dialog = dialog  # tests reach the open dialog here
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def duplicate(scenario_id: str) -> None:
        new = scenarios.duplicate(scenario_id)
        if new is not None:
            tab.select_scenario(new)

    tab.scenario_new_requested.connect(lambda: open_dialog(None))
    tab.scenario_edit_requested.connect(open_dialog)
    tab.scenario_duplicate_requested.connect(duplicate)
    tab.scenario_delete_requested.connect(scenarios.delete)


def build_market_tab(ctx: Context) -> QWidget:
    from planner.presenters.market import MarketPresenter
    from planner.storage.market_file import load_market_data
    from planner.views.market_view import MarketTab

    tab = MarketTab()
    presenter = MarketPresenter(load_market_data(), ctx.dataset, ctx.session, tab, parent=tab)
    tab.occupation_chosen.connect(presenter.occupation_chosen)
    tab.area_chosen.connect(presenter.area_chosen)
    tab.set_table_model(presenter.table)
    presenter.start()
    ctx.market = presenter
    return tab


def build_offers_tab(ctx: Context) -> QWidget:
    from planner.presenters.offers import OffersPresenter
    from planner.views.offers_view import OffersTab

    tab = OffersTab()
    presenter = OffersPresenter(ctx.dataset, ctx.session, tab, ctx.dialogs.confirm, parent=tab)  # leaves with its tab
    tab.set_list_model(presenter.offers)
    tab.set_table_model(presenter.table)
    tab.selection_changed.connect(presenter.selection_changed)
    tab.add_requested.connect(presenter.add)
    tab.duplicate_requested.connect(presenter.duplicate)
    tab.delete_requested.connect(presenter.delete)
    tab.scenario_requested.connect(presenter.start_scenario)
    tab.field_edited.connect(presenter.field_edited)
    tab.field_committed.connect(presenter.field_committed)
    tab.vesting_chosen.connect(presenter.vesting_chosen)
    tab.match_chosen.connect(presenter.match_chosen)
    presenter.message.connect(lambda text: ctx.window.statusBar().showMessage(text, 10_000))
    presenter.start()
    ctx.offers = presenter
    return tab


@dataclass(frozen=True)
class TabSpec:
    """One tab: the registry below is the only place a tab is named, ordered and given its shortcut.

    ``build`` makes the tab's widget and its presenter(s); a presenter joins the session itself and leaves with
    its tab (a QObject child of the tab, or ``track(tab, signal, slot)``)."""

    id: str
    title: str  # with its Alt mnemonic
    build: Callable[[Context], QWidget]
    shortcut: str
    lazy: bool = True  # built the first time it is shown


TABS: tuple[TabSpec, ...] = (
    TabSpec("levels", "Salary by &level", build_levels_tab, "Ctrl+1", lazy=False),
    TabSpec("industries", "&Industries", build_industries_tab, "Ctrl+2"),
    TabSpec("skills", "&Skills", build_skills_tab, "Ctrl+3"),
    TabSpec("projection", "&Projection", build_projection_tab, "Ctrl+4"),
    TabSpec("market", "Market wa&ges", build_market_tab, "Ctrl+5"),  # Alt+G: the Projection tab uses K
    # Alt+6: every letter is taken by the tabs, the menus and the Projection tab's fields.
    TabSpec("offers", "Offers (&6)", build_offers_tab, "Ctrl+6"),
)


def open_window(
    app: QApplication,
    dataset: Dataset,
    data_dir: Path,
    welcome: Welcome | None = None,
    dialogs: Dialogs | None = None,
    lock: DataDirLock | None = None,
    read_only: str | None = None,
) -> Context:
    """Read the profile from data_dir, build the window on it, tell the user what happened to an unusable file
    and keep saving every change. The caller holds the data folder's lock.

    On the first run (no profile.json yet) ``welcome`` is called over the shown window once it has been painted;
    main() passes the real dialog, tests a function that answers at once.

    ``lock`` (the folder's DataDirLock) is asked before every write; ``read_only`` (why the folder cannot be
    written: a read-only or full disk) opens the window without ever saving, saying so."""
    from planner.presenters.autosave import ProfileAutosaver
    from planner.storage.data_pack import DataPackStore
    from planner.storage.profile_store import LoadStatus, ProfileStore
    from planner.views.first_paint import after_first_paint

    guard: Callable[[], str | None] = lock.lost_reason if lock is not None else (lambda: read_only)
    store = ProfileStore(data_dir, guard=guard, read_only=read_only)
    loaded = store.load()
    packs = DataPackStore(data_dir)
    packs.guard = guard
    active = packs.load(dataset)  # an imported data pack, when there is a usable one
    ctx = build_window(app, active.dataset, data_dir, profile=loaded.profile, dialogs=dialogs)
    ctx.settings.guard = guard
    if read_only is not None:
        ctx.window.show_message(
            f"The data folder {data_dir} cannot be written ({read_only}), so nothing you change now is saved. "
            "Your changes stay in this window; use File > Export profile... to save them elsewhere."
        )
    if ctx.settings.moved_aside is not None:
        ctx.window.show_message(
            f"settings.ini in {data_dir} was not a plain file of the data folder; it was moved aside as "
            f"{ctx.settings.moved_aside.name} (nothing was deleted) and the window starts with its default layout."
        )
    if loaded.message:
        ctx.window.show_message(loaded.message)
    if active.message:
        ctx.window.show_message(active.message)
    _wire_data_packs(ctx, packs, dataset, active.origin)
    autosave = ProfileAutosaver(
        ctx.session,
        store.save,
        reload=store.reload_if_changed,
        read_only_reason=store.read_only_reason,
        parent=ctx.window,
    )
    autosave.message.connect(lambda text: ctx.window.show_save_status(text, autosave.detail))
    autosave.stopped.connect(ctx.window.show_message)
    autosave.notice.connect(ctx.window.show_message)
    ctx.window.close_guard = lambda: _may_close(ctx)
    _watch_profile_file(store, autosave, ctx.window)
    ctx.store, ctx.autosave = store, autosave
    if ctx.commands is not None and store.read_only_reason is None:
        ctx.commands.keep_copy = store.keep_copy
    ctx.first_run = loaded.status is LoadStatus.NEW
    if ctx.first_run and welcome is not None:
        after_first_paint(ctx.window, lambda: first_run(ctx, welcome))  # the window first, then the welcome
    return ctx


def _watch_profile_file(store: ProfileStore, autosave: ProfileAutosaver, window: MainWindow) -> None:
    """profile.json deleted while the app runs: written again from memory at once (retried if that fails); changed
    by someone else: their version shown when nothing is unsaved (else the next save keeps both)."""
    from planner.storage.profile_watch import ProfileFileWatcher

    if store.read_only_reason is not None:
        return
    watcher = ProfileFileWatcher(store.path, parent=window)
    autosave.saved.connect(watcher.check)
    watcher.removed.connect(
        lambda: autosave.save_again(f"Your profile file {store.path.name} was removed from {store.data_dir}.")
    )
    watcher.touched.connect(autosave.check_outside)  # changed by someone else: shown, or kept beside ours


def _wire_data_packs(ctx: Context, packs: DataPackStore, builtin: Dataset, origin: Origin) -> None:
    """File > Import salary data... and Revert to built-in data (dialogs: ctx.data_pack.dialogs, replaceable)."""
    from planner.presenters.data_pack import DataPackPresenter
    from planner.views.data_dialogs import QtDataDialogs

    window = ctx.window
    presenter = DataPackPresenter(packs, lambda: builtin, QtDataDialogs(window), ctx.dataset, origin, parent=window)

    def update_actions() -> None:
        window.import_data_action.setEnabled(True)
        window.revert_data_action.setEnabled(packs.installed)

    window.import_data_action.triggered.connect(presenter.import_requested)
    window.revert_data_action.triggered.connect(presenter.revert_requested)
    presenter.dataset_changed.connect(lambda ds: apply_dataset(ctx, ds))
    presenter.message.connect(lambda _text: update_actions())  # after every import or revert, any outcome
    presenter.message.connect(window.statusBar().showMessage)
    update_actions()
    ctx.data_pack = presenter


def first_run(ctx: Context, welcome: Welcome) -> None:
    """Ask the welcome's questions, save the profile whatever the answer (so it is asked only once) and, when
    answered, open the Projection tab."""
    from planner.presenters.first_run import apply_welcome, welcome_questions

    answers = welcome(ctx.window, welcome_questions(ctx.dataset))
    if answers is not None:
        problem = apply_welcome(ctx.session, answers)
        if problem:
            ctx.window.show_message(problem)
    if ctx.autosave is not None:
        ctx.autosave.request_save()
        ctx.autosave.flush()
    if answers is not None:
        tab = ctx.window.tab_widget("projection")
        ctx.window.tabs.setCurrentWidget(tab)
        tab.setFocus()


def ask_welcome(parent: QWidget, questions: WelcomeQuestions) -> WelcomeAnswers | None:
    """The real first-run welcome dialog (tests pass their own ``welcome`` to open_window)."""
    from planner.views.welcome_dialog import ask_welcome as dialog

    return dialog(parent, questions)


def _may_close(ctx: Context) -> bool:
    """Save before the window closes; if that fails, ask before the unsaved changes are lost."""
    autosave, store = ctx.autosave, ctx.store
    if autosave is None or autosave.flush():
        return True
    if store is not None and store.read_only_reason is not None and not autosave.lost:
        return True  # nothing is saved in this session, and the banner said why when it started
    return ctx.dialogs.confirm(
        "Quit without saving?",
        f"Your latest changes could not be saved: {autosave.detail or 'the disk refused them.'}\n\n"
        "They are still in this window. Keep it open to try again (saving is retried by itself), "
        "or quit and lose them.",
        "Quit without saving",
    )


def unwritable_reason(data_dir: Path) -> str | None:
    """Why nothing can be written in ``data_dir`` (a read-only or full disk, no permission), or None when a file can
    be created there (then a failed lock means another copy holds it)."""
    import errno
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=data_dir):
            return None
    except OSError as exc:
        if exc.errno == errno.EROFS:
            return "the disk is read-only"
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return "the disk is full"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "you may not write to it"
        return exc.strerror or str(exc)


def save_on_signals(
    app: QApplication, flush: Callable[[], object], quit_app: Callable[[], None] | None = None
) -> Callable[[], None]:
    """SIGTERM and SIGHUP (a logout, ``kill``, a closed terminal) save like quitting does, then quit.

    Python runs signal handlers only between bytecodes, which Qt's event loop never reaches on its own: the
    signal wakes a socket that Qt watches (``signal.set_wakeup_fd``), and the handler runs from there.
    Returns a function that puts the previous handlers back (tests)."""
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    if not hasattr(signal, "SIGHUP"):
        return lambda: None
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_wakeup() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    def on_signal(_signum: int, _frame: object) -> None:
        flush()
        (quit_app or app.quit)()

    notifier.activated.connect(on_wakeup)
    previous = {signum: signal.signal(signum, on_signal) for signum in (signal.SIGTERM, signal.SIGHUP)}

    def restore() -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        reader.close()
        writer.close()

    return restore


def refuse_second_instance(message: str) -> None:
    """Tell the user another copy already uses the data folder (tests replace this)."""
    from PySide6.QtWidgets import QMessageBox

    from planner.views.plain import tell

    tell(None, QMessageBox.Icon.Warning, APP_NAME, message)


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

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from planner.storage.data_pack import PACK_FILE
    from planner.storage.dataset_file import DatasetError, load_dataset
    from planner.storage.instance_lock import DataDirLock
    from planner.storage.profile_store import PROFILE_FILE
    from planner.storage.safe_files import clean_stale_temp_files
    from planner.storage.settings import SETTINGS_FILE
    from planner.views.plain import tell

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    data_dir: Path = args.data_dir if args.data_dir is not None else default_data_dir()
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
        read_only = unwritable_reason(data_dir) if not lock.path.is_dir() else None
        if read_only is None:
            refuse_second_instance(lock.refusal_message())
            return EXIT_ALREADY_RUNNING
    else:
        clean_stale_temp_files(data_dir, (PROFILE_FILE, PACK_FILE, SETTINGS_FILE))
    # From now on SIGTERM/SIGHUP save and quit; the quit is queued, so one that arrives while the window is being
    # built ends the event loop as soon as it starts.
    flushes: list[Callable[[], object]] = []
    restore_signals = save_on_signals(
        app, lambda: [flush() for flush in flushes], quit_app=lambda: QTimer.singleShot(0, app.quit)
    )
    try:
        ctx = open_window(
            app, dataset, data_dir, welcome=ask_welcome, lock=lock if read_only is None else None, read_only=read_only
        )
        assert ctx.autosave is not None
        app.aboutToQuit.connect(ctx.autosave.flush)
        flushes.append(ctx.autosave.flush)
        ctx.window.show()
        ctx.window.tabs.currentWidget().setFocus()
        return app.exec()
    finally:
        restore_signals()
        lock.unlock()
