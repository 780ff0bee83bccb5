"""Data packs in the real window: import (refused or accepted) while running, used at the next start, revert,
and the dialogs that show problems, changes and every data source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from fake_data_dialogs import FakeDialogs
from planner.app import Context
from planner.domain.dataset import Dataset
from planner.domain.dataset_diff import Change
from planner.domain.provenance import source_rows
from planner.presenters.data_sources import AS_OF_ROLE, PATH_ROLE
from planner.storage.data_pack import PACK_FILE
from planner.tabs import TABS
from planner.tabs.industries.presenter import IndustriesPresenter
from planner.tabs.levels.presenter import LevelsPresenter
from planner.tabs.levels.view import LevelsTab
from planner.tabs.projection.pay_history import PayHistoryPresenter
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.projection.view import ProjectionTab
from planner.tabs.skills.presenter import SkillsPresenter
from planner.tabs.skills.view import SkillsTab
from planner.views.data_dialogs import ChangesDialog, CheckProgress, DataSourcesDialog, ProblemsDialog
from profile_edits import set_assumptions, tick

Opener = Callable[[], Context]
MakeData = Callable[[Callable[[dict[str, Any]], None]], Path]


def fake_dialogs(ctx: Context, file: Path | None = None, accept: bool = True) -> FakeDialogs:
    assert ctx.data_pack is not None
    fake = FakeDialogs(file=file, accept=accept)
    ctx.data_pack.dialogs = fake
    return fake


def import_and_wait(qtbot: Any, ctx: Context) -> bool:
    """File > Import salary data..., waiting for the check on its worker thread; True when the pack is in use."""
    assert ctx.data_pack is not None
    with qtbot.waitSignal(ctx.data_pack.import_finished, timeout=30_000) as finished:
        ctx.window.import_data_action.trigger()
    return bool(finished.args[0])


def new_mid_figures(d: dict[str, Any]) -> None:
    d["levels"][1]["range"]["max"] = 199_000
    d["document"]["read_on"] = "2031-02-03"
    d["title"] = "ML engineer salaries, 2031 survey"


def flush_deletions() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_menus_offer_import_revert_and_data_sources(open_app: Opener) -> None:
    ctx = open_app()
    window = ctx.window
    assert window.import_data_action in window.file_menu.actions()
    assert window.revert_data_action in window.file_menu.actions()
    assert window.data_sources_action in window.help_menu.actions()
    assert window.import_data_action.isEnabled()
    assert not window.revert_data_action.isEnabled(), "nothing to revert before an import"


def test_a_refused_file_keeps_the_data_and_the_tabs(
    qtbot: Any, open_app: Opener, data_copy: MakeData, dataset: Dataset
) -> None:
    ctx = open_app()
    levels_tab = ctx.window.tab_widget("levels")
    fake = fake_dialogs(ctx, data_copy(lambda d: d["levels"][0]["range"].update(min="cheap")))
    assert not import_and_wait(qtbot, ctx)
    assert fake.problems
    assert [path for path, _reason in fake.problems[0][2]] == ["levels.0.range.min"]
    assert ctx.dataset is dataset
    assert ctx.window.tab_widget("levels") is levels_tab
    assert "not imported" in ctx.window.statusBar().currentMessage()


def test_an_accepted_pack_is_used_at_once_and_ticks_survive(
    qtbot: Any, open_app: Opener, data_copy: MakeData, data_dir: Path
) -> None:
    ctx = open_app()
    tick(ctx.session, "entry.python", True)
    tick(ctx.session, "gone.from-an-older-pack", True)
    for tab_id in ctx.window.tab_ids():  # every tab built, so every presenter listens to the session
        ctx.window.tab_widget(tab_id)
    old_presenters = (
        ctx.presenter("projection", ProjectionPresenter),
        ctx.presenter("industries", IndustriesPresenter),
        ctx.presenter("projection", PayHistoryPresenter),
        ctx.presenter("skills", SkillsPresenter),
    )  # still referenced: no help from GC
    ctx.window.select_tab("skills")
    fake = fake_dialogs(ctx, data_copy(new_mid_figures))

    assert import_and_wait(qtbot, ctx)
    flush_deletions()

    assert fake.reviewed, "the changes were shown before the data was used"
    assert ctx.dataset.title == "ML engineer salaries, 2031 survey"
    assert ctx.window.tab_titles() == [spec.title for spec in TABS]
    assert ctx.window.current_tab_id() == "skills", "the same tab stays open"
    levels = ctx.window.tab_widget("levels")
    assert isinstance(levels, LevelsTab)
    assert "$199,000" in levels.table.model().index(1, 2).data()
    assert "3 February 2031" in ctx.presenter("levels", LevelsPresenter).hover_text(1)
    skills = ctx.window.tab_widget("skills")
    assert isinstance(skills, SkillsTab)
    assert ctx.presenter("skills", SkillsPresenter).is_ticked("entry.python")
    assert ctx.session.profile.has_skill("gone.from-an-older-pack")
    assert ctx.window.revert_data_action.isEnabled()
    assert "imported" in ctx.window.statusBar().currentMessage()

    # The old tabs are gone and their presenters deaf: a change of the profile reaches only the new ones.
    assert all(p is not None for p in old_presenters)
    tick(ctx.session, "mid.deep-learning", True)
    ctx.window.select_tab("projection")  # opened (built with the Skills tab, behind it: it catches up when shown)
    projection = ctx.window.tab_widget("projection")
    assert isinstance(projection, ProjectionTab)
    ctx.session.edit(years_of_experience=6.0)
    assert ctx.presenter("projection", ProjectionPresenter) is not None
    assert ctx.presenter("projection", ProjectionPresenter).projection is not None
    assert ctx.presenter("projection", ProjectionPresenter).projection.start_experience == 6.0
    assert (data_dir / PACK_FILE).exists()
    assert ctx.autosave is not None
    assert ctx.autosave.flush()


def test_the_pack_is_used_at_the_next_start_and_revert_goes_back(
    qtbot: Any, open_app: Opener, data_copy: MakeData, data_dir: Path, dataset: Dataset
) -> None:
    ctx = open_app()
    fake_dialogs(ctx, data_copy(new_mid_figures))
    assert import_and_wait(qtbot, ctx)
    ctx.window.close()

    again = open_app()
    assert again.dataset.title == "ML engineer salaries, 2031 survey"
    assert again.window.banner.text() == ""
    fake = fake_dialogs(again)
    again.window.revert_data_action.trigger()
    flush_deletions()
    assert fake.questions, "revert asks first"
    assert again.dataset is dataset
    assert not (data_dir / PACK_FILE).exists()
    assert any(p.name.startswith(f"{PACK_FILE}.removed-") for p in data_dir.iterdir())
    assert not again.window.revert_data_action.isEnabled()


def test_cancel_while_checking_keeps_the_installed_pack_and_says_so(
    qtbot: Any, open_app: Opener, data_copy: MakeData, data_dir: Path
) -> None:
    ctx = open_app()
    fake_dialogs(ctx, data_copy(new_mid_figures))
    assert import_and_wait(qtbot, ctx)
    installed, in_use = (data_dir / PACK_FILE).read_bytes(), ctx.dataset
    levels_tab = ctx.window.tab_widget("levels")

    fake = fake_dialogs(ctx, data_copy(lambda d: d.update(title="Another survey")), accept=True)
    fake.cancel_at = 1  # Cancel pressed while the file is being checked
    assert not import_and_wait(qtbot, ctx)
    assert ctx.data_pack is not None
    assert ctx.data_pack.wait_for_checks(30_000)
    QCoreApplication.processEvents()  # whatever the cancelled check still sent is dropped

    assert fake.progress[-1].closed
    assert fake.reviewed == [], "nothing offered after Cancel"
    message = ctx.window.statusBar().currentMessage()
    assert "cancelled" in message
    assert "stay as they were" in message
    assert (data_dir / PACK_FILE).read_bytes() == installed
    assert ctx.dataset is in_use
    assert ctx.window.tab_widget("levels") is levels_tab
    assert ctx.window.revert_data_action.isEnabled()


def test_the_progress_dialog_reports_steps_and_its_cancel_button_cancels(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    cancelled: list[bool] = []
    progress = CheckProgress(parent, "Import salary data", "Reading big.json…", 3, lambda: cancelled.append(True))
    dialog = progress.dialog
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert (dialog.minimum(), dialog.maximum(), dialog.value()) == (0, 3, 0)
    progress.step(1, "Checking big.json…")
    assert dialog.labelText() == "Checking big.json…"
    assert dialog.value() == 1
    button = dialog.findChild(QPushButton)
    assert button is not None
    assert button.text() == "Cancel"
    button.click()
    assert cancelled == [True]

    quiet: list[bool] = []
    finished = CheckProgress(parent, "Import salary data", "Reading…", 3, lambda: quiet.append(True))
    finished.close()
    assert quiet == [], "closing when the check ends is not a Cancel"
    assert not finished.dialog.isVisible()


def test_a_damaged_pack_at_start_uses_built_in_data_and_says_so(
    open_app: Opener, data_dir: Path, dataset: Dataset
) -> None:
    (data_dir / PACK_FILE).write_bytes(b"\x00\x01 not a dataset")
    ctx = open_app()
    assert ctx.dataset is dataset
    assert "could not be used" in ctx.window.banner.text()
    assert "built-in data" in ctx.window.banner.text()
    assert (data_dir / PACK_FILE).read_bytes() == b"\x00\x01 not a dataset"
    assert ctx.window.revert_data_action.isEnabled(), "the damaged file can be set aside"


def test_build_window_alone_offers_no_import(main_context: Any) -> None:
    assert not main_context.window.import_data_action.isEnabled()


def test_data_sources_lists_every_sourced_figure_and_the_assumptions(main_context: Any, dataset: Dataset) -> None:
    main_context.window.data_sources_action.trigger()
    dialogs = [w for w in main_context.window.findChildren(DataSourcesDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    model = dialog.table.model()
    paths = [model.index(r, 0).data(PATH_ROLE) for r in range(model.rowCount())]
    for row in source_rows(dataset):
        assert row.path in paths
    assert "assumptions.inflation" in paths
    kinds = {model.index(r, 0).data(PATH_ROLE): model.index(r, 4).data() for r in range(model.rowCount())}
    assert kinds["assumptions.inflation"].startswith("Assumption")
    assert kinds["levels.entry.range"] == "Data"
    as_of = {model.index(r, 0).data(PATH_ROLE): model.index(r, 0).data(AS_OF_ROLE) for r in range(model.rowCount())}
    assert as_of["levels.entry.range"] == "28 November 2026"  # one form for dates everywhere (issue 24 item 12)
    tips = {
        model.index(r, 0).data(PATH_ROLE): model.index(r, 3).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(model.rowCount())
    }
    assert "read on 28 November 2026" in tips["levels.entry.range"]
    dialog.filter.setText("forbes")
    shown = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert shown == {"Forbes"}
    dialog.close()


def test_data_sources_follows_the_assumptions_typed(main_context: Any) -> None:
    set_assumptions(main_context.session, inflation=0.07)
    dialog = main_context.commands.show_data_sources()
    assert isinstance(dialog, DataSourcesDialog)
    model = dialog.table.model()
    values = {model.index(r, 0).data(PATH_ROLE): model.index(r, 1).data() for r in range(model.rowCount())}
    assert values["assumptions.inflation"] == "7.0%"
    dialog.close()


def test_data_sources_names_figures_as_a_person_would_with_the_field_path_on_hover(main_context: Any) -> None:
    dialog = main_context.commands.show_data_sources()
    assert isinstance(dialog, DataSourcesDialog)
    model = dialog.table.model()
    names = {model.index(r, 0).data(PATH_ROLE): model.index(r, 0).data() for r in range(model.rowCount())}
    assert names["levels.entry.skills.entry.python"] == "Entry level: skill “Python programming”"
    assert names["levels.mid.range"] == "Mid level: salary range"
    assert names["industries.finance.average"] == "Finance: average pay (industry)"
    assert names["assumptions.inflation"] == "Inflation (your assumption)"
    assert not [name for name in names.values() if "." in name.replace("e.g.", "") and "$" not in name]
    tips = {
        model.index(r, 0).data(PATH_ROLE): model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(model.rowCount())
    }
    assert "levels.mid.range" in tips["levels.mid.range"]
    dialog.close()


def test_problems_dialog_lists_each_path_and_reason(qtbot: Any) -> None:
    problems = [("levels.0.range.min", "Input should be greater than 0"), ("", "not valid JSON")]
    dialog = ProblemsDialog("Salary data not imported", "2 problems", problems)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    rows = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert rows == [("levels.0.range.min", "Input should be greater than 0"), ("(the whole file)", "not valid JSON")]


def test_changes_dialog_shows_direction_amounts_and_can_be_declined(qtbot: Any) -> None:
    changes = [
        Change("up", "levels.mid.range.max", "Mid level: highest salary", "$180,000", "$199,000", 19_000),
        Change("removed", "employers.acme", "Employer: Acme", "was there", ""),
    ]
    dialog = ChangesDialog("Import salary data", "1 figure up, 1 removed.", changes)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first == ["▲ Up", "Mid level: highest salary", "$180,000", "$199,000", "+$19,000", "levels.mid.range.max"]
    assert model.index(1, 0).data() == "− Removed"
    dialog.show()
    dialog.reject()
    assert dialog.result() == ChangesDialog.DialogCode.Rejected
