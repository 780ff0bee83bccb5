"""Composition root: the window on a dataset and a profile, the tabs of the registry (``planner.tabs.TABS``) and
the window-wide services: saving, Edit > Undo, data packs, the File and Help menus. Nothing here names a tab.

``main`` (``planner.main``) parses the command line and calls ``open_window``; tests call ``build_window`` (no
file touched) or ``open_window`` on a throw-away folder.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from planner import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from planner.commands import WindowCommands
    from planner.domain.dataset import Dataset
    from planner.domain.market import MarketData
    from planner.domain.profile import Profile
    from planner.domain.tax_data import TaxData
    from planner.presenters.autosave import ProfileAutosaver
    from planner.presenters.data_pack import DataPackPresenter
    from planner.presenters.display import DisplayChoice
    from planner.presenters.first_run import WelcomeAnswers, WelcomeQuestions
    from planner.presenters.session import ProfileSession
    from planner.presenters.take_home import TaxSource
    from planner.storage.instance_lock import DataDirLock
    from planner.storage.profile_store import ProfileStore
    from planner.storage.settings import AppSettings
    from planner.views.dialogs import Dialogs
    from planner.views.main_window import MainWindow

    # The first-run welcome: shown over the window, returns the answers or None when skipped.
    Welcome = Callable[[QWidget, WelcomeQuestions], WelcomeAnswers | None]

T = TypeVar("T")


@dataclass
class Context:
    """Everything the running app is made of; tests build one with build_window()."""

    app: QApplication
    window: MainWindow
    dataset: Dataset
    data_dir: Path
    session: ProfileSession
    settings: AppSettings
    dialogs: Dialogs  # every question to the user (tests hand in one that answers at once)
    display: DisplayChoice  # how pay is shown on every tab (nominal or today's dollars, base or total pay)
    commands: WindowCommands | None = None  # File and Help menu commands (exports, import, help page)
    # Set by open_window(), which reads and saves profile.json; build_window() alone touches no file.
    store: ProfileStore | None = None
    autosave: ProfileAutosaver | None = None
    data_pack: DataPackPresenter | None = None  # File > Import salary data...; set by open_window()
    first_run: bool = False  # no profile.json existed when the window opened

    def presenter(self, tab_id: str, kind: type[T]) -> T:
        """The presenter of type ``kind`` that the tab ``tab_id`` owns (the tab is built if it was not yet)."""
        from planner.tabs.spec import presenter_of

        return presenter_of(self.window.tab_widget(tab_id), kind)


def build_window(
    app: QApplication,
    dataset: Dataset,
    data_dir: Path,
    profile: Profile | None = None,
    dialogs: Dialogs | None = None,
) -> Context:
    from PySide6.QtGui import QUndoStack

    from planner.commands import WindowCommands
    from planner.presenters.display import DisplayChoice
    from planner.presenters.session import ProfileSession
    from planner.storage.settings import AppSettings
    from planner.views.dialogs import QtDialogs
    from planner.views.main_window import MainWindow
    from planner.views.theme import apply_theme

    settings = AppSettings(data_dir)
    apply_theme(app, settings.theme)  # type: ignore[arg-type]  # before any widget exists: no repolish later
    window = MainWindow(__version__)
    undo_stack = QUndoStack(window)  # the window's: every edit of the profile, whichever tab made it
    window.set_undo_stack(undo_stack)
    session = ProfileSession(profile, undo_stack, parent=window)
    ctx = Context(
        app=app,
        window=window,
        dataset=dataset,
        data_dir=data_dir,
        session=session,
        settings=settings,
        dialogs=dialogs if dialogs is not None else QtDialogs(window),  # before the tabs: they ask through it
        display=DisplayChoice(window, taxes=_tax_source(), session=session),
    )
    add_tabs(ctx)
    window.tab_built.connect(functools.partial(build_companions, window))  # TabSpec.built_with
    _wire_window_state(ctx)  # after every tab exists, so the last open tab can come back
    # Data packs need the data folder: open_window() switches these on.
    window.import_data_action.setEnabled(False)
    window.revert_data_action.setEnabled(False)
    ctx.commands = WindowCommands(window, dataset, session, ctx.dialogs, data_dir=data_dir)
    return ctx


def _tax_source() -> TaxSource:
    """Take-home pay's data for every tab: the tax file and the wage data, each read when first needed."""
    from planner.presenters.take_home import TaxSource

    def tax_data() -> TaxData:
        from planner.storage import tax_file

        return tax_file.load_tax_data()

    def market() -> MarketData | None:
        from planner.storage import market_file

        return market_file.market_or_none()

    return TaxSource(tax_data, market)


def add_tabs(ctx: Context) -> None:
    """Every tab of the registry, in order, with its View menu entry and shortcut."""
    from planner import tabs

    tab_context = tabs.TabContext(ctx.dataset, ctx.session, ctx.dialogs, ctx.window, ctx.display)
    for spec in tabs.TABS:
        build = functools.partial(spec.build, tab_context)
        ctx.window.add_tab(spec.id, spec.title, build, spec.shortcut, lazy=spec.lazy)


def build_companions(window: MainWindow, _built: QWidget) -> None:
    """Every tab to be built with a tab that is now built (``TabSpec.built_with``): behind it; the open tab stays."""
    from planner import tabs

    for spec in tabs.TABS:
        if spec.built_with and window.is_built(spec.built_with) and not window.is_built(spec.id):
            current = window.current_tab_id()
            window.tab_widget(spec.id)
            window.select_tab(current)


def apply_dataset(ctx: Context, dataset: Dataset) -> None:
    """Use new salary data at once: every tab is built again on it, on the same profile (ticks, pay history,
    assumptions stay; skill ids the new data lacks are kept in the profile), and the same tab stays open.
    The old tabs go, and with them their presenters and every subscription they made."""
    window = ctx.window
    tab_id = window.current_tab_id()
    window.clear_tabs()
    ctx.dataset = dataset
    if ctx.commands is not None:  # the menus' exports and imports work on the new data from now on
        ctx.commands.dataset = dataset
    add_tabs(ctx)
    window.select_tab(tab_id)


def _wire_window_state(ctx: Context) -> None:
    """Theme, geometry, splitters and the last tab: restored now, saved when the window closes."""
    from PySide6.QtCore import QObject

    from planner.views.theme import apply_theme

    app, window, settings = ctx.app, ctx.window, ctx.settings

    def choose_theme(theme: str) -> None:
        settings.set_theme(theme)
        apply_theme(app, settings.theme)  # type: ignore[arg-type]
        window.set_theme_checked(settings.theme)

    class SystemScheme(QObject):
        """Follows the desktop's light or dark scheme; a child of the window, so it stops listening with it."""

        def changed(self) -> None:
            if settings.theme == "system":
                apply_theme(app, "system")

    window.set_theme_checked(settings.theme)
    window.theme_chosen.connect(choose_theme)
    app.styleHints().colorSchemeChanged.connect(SystemScheme(window).changed)

    if settings.geometry is not None:
        window.restore_geometry_on_screen(settings.geometry)
    if settings.window_state is not None:
        window.restoreState(settings.window_state)
    splitters = settings.splitters()
    window.restore_splitters(splitters)
    window.tab_built.connect(lambda widget: window.restore_splitters(splitters, widget))
    window.select_tab(settings.last_tab)

    def save() -> None:
        splitters.update(window.splitter_states())
        settings.save_window(window.saveGeometry(), window.saveState(), window.current_tab_id(), splitters)

    window.closing.connect(save)


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
    from planner.wiring import may_close, watch_profile_file, wire_data_packs

    guard: Callable[[], str | None] = lock.lost_reason if lock is not None else (lambda: read_only)
    store = ProfileStore(data_dir, guard=guard, read_only=read_only)
    loaded = store.load()
    packs = DataPackStore(data_dir)
    packs.guard = guard
    active = packs.load(dataset)  # an imported data pack, when there is a usable one
    ctx = build_window(app, active.dataset, data_dir, profile=loaded.profile, dialogs=dialogs)
    window = ctx.window
    ctx.settings.guard = guard
    kept = "Your changes stay in this window; use File > Export profile... to save them elsewhere."
    if read_only is not None:
        ctx.window.show_message(
            f"The data folder {data_dir} cannot be written ({read_only}), so nothing you change now is saved. {kept}"
        )
    if ctx.settings.moved_aside is not None:
        ctx.window.show_message(
            f"settings.ini in {data_dir} {ctx.settings.moved_because}; it was moved aside as "
            f"{ctx.settings.moved_aside.name} (nothing was deleted) and the window starts with its default layout."
        )
    if loaded.message:  # a run that saves nothing says where changes go (the folder's message said it already)
        ctx.window.show_message(
            f"{loaded.message} {kept}" if loaded.read_only and read_only is None else loaded.message
        )
    if active.message:
        ctx.window.show_message(active.message)
    ctx.data_pack = wire_data_packs(window, packs, dataset, active, lambda ds: apply_dataset(ctx, ds))
    autosave = ProfileAutosaver(
        ctx.session, store.save, reload=store.reload_if_changed, read_only_reason=store.read_only_reason, parent=window
    )
    autosave.message.connect(lambda text: ctx.window.show_save_status(text, autosave.detail))
    autosave.stopped.connect(ctx.window.show_message)
    autosave.notice.connect(ctx.window.show_message)
    window.close_guard = lambda: may_close(autosave, store, ctx.dialogs.confirm)
    watch_profile_file(store, autosave, window)
    ctx.store, ctx.autosave = store, autosave
    if ctx.commands is not None and store.read_only_reason is None:
        ctx.commands.keep_copy = store.keep_copy
    ctx.first_run = loaded.status is LoadStatus.NEW
    if ctx.first_run and welcome is not None:
        after_first_paint(ctx.window, lambda: first_run(ctx, welcome))  # the window first, then the welcome
    return ctx


def first_run(ctx: Context, welcome: Welcome) -> None:
    """Ask the welcome's questions, save the profile whatever the answer (so it is asked only once) and, when
    answered, open the tab where the answers show (the projection)."""
    from planner.presenters.first_run import AFTER_WELCOME, apply_welcome, welcome_questions

    answers = welcome(ctx.window, welcome_questions(ctx.dataset))
    if answers is not None:
        problem = apply_welcome(ctx.session, answers)
        if problem:
            ctx.window.show_message(problem)
    if ctx.autosave is not None:
        ctx.autosave.request_save()
        ctx.autosave.flush()
    if answers is not None:
        ctx.window.select_tab(AFTER_WELCOME)
        ctx.window.tabs.currentWidget().setFocus()
    if not ctx.session.profile.skills:  # answered without ticks, or skipped: one short prompt, gone once done
        from planner.wiring import show_first_step

        show_first_step(ctx.window, ctx.session)
