"""What the window does with the data folder's files: saving on close (or asking), writing profile.json again when
it vanishes, and File > Import salary data / Revert to built-in data; and the first run's first step. Wired by
``app.open_window``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.domain.dataset import Dataset
    from planner.presenters.autosave import ProfileAutosaver
    from planner.presenters.data_pack import DataPackPresenter
    from planner.presenters.session import ProfileSession
    from planner.storage.data_pack import ActiveData, DataPackStore
    from planner.storage.profile_store import ProfileStore
    from planner.views.main_window import MainWindow


def watch_profile_file(store: ProfileStore, autosave: ProfileAutosaver, window: MainWindow) -> None:
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


def wire_data_packs(
    window: MainWindow, packs: DataPackStore, builtin: Dataset, active: ActiveData, apply: Callable[[Dataset], None]
) -> DataPackPresenter:
    """File > Import salary data... and Revert to built-in data (dialogs: the presenter's ``dialogs``, replaceable);
    ``apply`` builds every tab again on the data chosen."""
    from planner.presenters.data_pack import DataPackPresenter
    from planner.storage.data_pack import read_pack_bytes
    from planner.storage.dataset_file import parse_dataset
    from planner.views.data_dialogs import QtDataDialogs

    presenter = DataPackPresenter(
        packs,
        lambda: builtin,
        QtDataDialogs(window),
        active.dataset,
        active.origin,
        read=read_pack_bytes,  # the store, the reader and the checker injected: presenters never import storage
        parse=parse_dataset,
        parent=window,
    )

    def update_actions() -> None:
        window.import_data_action.setEnabled(True)
        window.revert_data_action.setEnabled(packs.installed)

    window.import_data_action.triggered.connect(presenter.import_requested)
    window.revert_data_action.triggered.connect(presenter.revert_requested)
    presenter.dataset_changed.connect(apply)
    presenter.message.connect(lambda _text: update_actions())  # after every import or revert, any outcome
    presenter.message.connect(window.statusBar().showMessage)
    update_actions()
    return presenter


def may_close(autosave: ProfileAutosaver, store: ProfileStore, confirm: Callable[[str, str, str], bool]) -> bool:
    """Save before the window closes; if that fails, or nothing is saved in this run and something was changed, ask
    before the unsaved changes are lost."""
    if autosave.flush() and not autosave.unsaved:
        return True
    stopped = autosave.not_saving_reason or store.read_only_reason
    if stopped is not None:  # never retried: only an export keeps the changes
        return confirm(
            "Quit without saving?",
            f"Your changes in this window are not saved: {stopped.rstrip('.')}.\n\n"
            "To keep them, use File > Export profile... to save them in a file of your choice before you quit, "
            "or quit and lose them.",
            "Quit without saving",
        )
    return confirm(
        "Quit without saving?",
        f"Your latest changes could not be saved: {autosave.detail or 'the disk refused them.'}\n\n"
        "They are still in this window. Keep it open to try again (saving is retried by itself), "
        "or quit and lose them.",
        "Quit without saving",
    )


def show_first_step(window: MainWindow, session: ProfileSession) -> None:
    """What to do next, above every tab until the skills change (a first tick) or the user dismisses it. While it is
    up, the Projection headline does not say the same under it: its prompt, shown when the tab was built with no
    skill ticked, makes way (a line saying what a change did stays)."""
    from planner.presenters.first_run import FIRST_STEP
    from planner.presenters.session import Part
    from planner.tabs.projection.change_text import NEXT_STEP
    from planner.tabs.projection.view import ProjectionTab

    window.show_hint(FIRST_STEP)
    session.subscribe(window, Part.SKILLS, lambda _change: window.hide_hint(FIRST_STEP))

    def one_prompt(tab: QWidget) -> None:
        if isinstance(tab, ProjectionTab) and tab.change.text() == NEXT_STEP and window.shows_hint(FIRST_STEP):
            tab.show_change("")

    if window.is_built("projection"):
        one_prompt(window.tab_widget("projection"))
    window.tab_built.connect(one_prompt)  # built later (or again, on new data)
