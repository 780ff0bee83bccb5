"""What the window's File and Help commands do: exports, profile import, the help page.

Part of the composition root (it knows every layer, like ``app``): the presenters assemble the figures, the views
render them, storage writes the files. Every question to the user goes through a ``Dialogs`` service, so tests
answer them without a modal dialog; every outcome is reported in the status bar.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths

from planner.storage.export_target import export_refusal
from planner.storage.exports import (
    ExportError,
    encode_csv_blocks,
    encode_profile_export,
    help_document,
    read_profile_import,
    write_export,
)
from planner.views.charts import chart_of
from planner.views.dialogs import Dialogs, FileFilter, SaveChoice

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.domain.dataset import Dataset
    from planner.domain.profile import Profile
    from planner.presenters.session import ProfileSession
    from planner.tabs.projection.presenter import ProjectionPresenter
    from planner.views.main_window import MainWindow

# The exports' own modules (pyqtgraph's exporters, the report) are imported on first use: start-up stays fast.

PNG = FileFilter("PNG image", "png")
SVG = FileFilter("SVG drawing", "svg")
CSV = FileFilter("CSV table", "csv")
JSON = FileFilter("Profile (JSON)", "json")
PDF = FileFilter("PDF document", "pdf")
DEFAULT_CHART_WIDTH = 1600


def default_export_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.replace("&", "").lower()).strip("-") or "chart"


class WindowCommands:
    def __init__(
        self,
        window: MainWindow,
        dataset: Dataset,
        session: ProfileSession,
        dialogs: Dialogs,
        *,
        folder: Path | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        data_dir: Path | None = None,
    ) -> None:
        self.window = window
        self.dataset = dataset
        self.session = session
        self.dialogs = dialogs
        self.folder = folder
        self.today = today
        self.data_dir = data_dir  # its own files are never an export's target
        # Set by the app when a profile file is in use: keeps the current profile before an import replaces it.
        self.keep_copy: Callable[[Profile, str], Path] | None = None
        w = window
        w.import_profile_action.triggered.connect(self.import_profile)
        w.export_profile_action.triggered.connect(self.export_profile)
        w.export_chart_action.triggered.connect(self.export_chart)
        w.export_csv_action.triggered.connect(self.export_csv)
        w.export_pdf_action.triggered.connect(self.save_report)
        w.projection_help_action.triggered.connect(self.show_projection_help)
        w.data_sources_action.triggered.connect(self.show_data_sources)

    # --- helpers -------------------------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text)

    def _projection(self) -> tuple[ProjectionPresenter, QWidget]:
        """The Projection tab (built if it was not yet) and its presenter: the CSV and the report show what it shows
        (its dollars, its pay, its comparisons)."""
        from planner.presenters.session import catch_up
        from planner.tabs.projection.presenter import ProjectionPresenter
        from planner.tabs.spec import presenter_of

        tab = self.window.tab_widget("projection")
        catch_up(tab)  # built but behind another tab: the changes since it was last shown, first
        return presenter_of(tab, ProjectionPresenter), tab

    def _offers_baseline(self) -> str:
        """What the Offers tab compares every offer against (an offer's id, or the current job's key): the CSV and
        the report follow it. A tab not built yet has its default, the current job."""
        from planner.tabs.offers.figures import CURRENT

        if not self.window.is_built("offers"):
            return CURRENT
        from planner.tabs.offers.presenter import OffersPresenter
        from planner.tabs.spec import presenter_of

        return presenter_of(self.window.tab_widget("offers"), OffersPresenter).baseline

    def _folder(self) -> Path:
        if self.folder is None:
            self.folder = default_export_folder()
        return self.folder

    def _ask_path(self, title: str, name: str, filters: Sequence[FileFilter]) -> tuple[Path, bool] | None:
        """Where to save, and whether replacing an existing file there was already agreed; None if cancelled."""
        choice: SaveChoice | None = self.dialogs.save_file(title, self._folder() / name, filters)
        if choice is None:
            self._say(f"{title}: cancelled.")
            return None
        path, agreed = choice.path, choice.replace_confirmed
        if path.suffix.lower().lstrip(".") not in {f.suffix for f in filters}:
            path, agreed = path.with_name(f"{path.name}.{choice.suffix}"), False  # not the name the dialog checked
        refusal = export_refusal(path, self.data_dir)
        if refusal is not None:
            self._say(f"{title}: nothing saved; {path.name} was left as it is.")
            self.dialogs.error(title, refusal)
            return None
        if (path.exists() or path.is_symlink()) and not agreed and not self.dialogs.confirm_replace(path):
            self._say(f"{title}: nothing saved; {path.name} was left as it is.")
            return None
        return path, path.exists() or path.is_symlink()

    def _encoded(self, title: str, target: tuple[Path, bool], make: Callable[[], bytes]) -> bytes | None:
        """The bytes of an export, or None (said in the status bar and a message) when they cannot be made: an
        export never raises to the user, whatever it meets (a text no file can hold, a figure that fails)."""
        try:
            return make()
        except Exception as exc:
            self._say(f"{title}: nothing saved; {target[0].name} was left as it is.")
            self.dialogs.error(title, f"The file could not be made: {exc}")
            return None

    def _write(self, title: str, target: tuple[Path, bool], data: bytes, what: str) -> Path | None:
        path, replace = target
        try:
            write_export(path, data, replace=replace, data_dir=self.data_dir)
        except FileExistsError:
            self._say(f"{title}: nothing saved; {path.name} appeared meanwhile and was left as it is.")
            return None
        except OSError as exc:
            self._say(f"{title}: could not save {path.name}.")
            self.dialogs.error(title, str(exc))
            return None
        self.folder = path.parent
        self._say(f"{what} saved to {path}")
        return path

    # --- File menu -----------------------------------------------------------------------------------------------

    def export_chart(self) -> Path | None:
        title = "Export chart"
        tab = self.window.tabs.currentWidget()
        plot = chart_of(tab)
        if plot is None:
            self._say("This tab has no chart to export.")
            return None
        tab_id = self.window.tab_ids()[self.window.tabs.currentIndex()]
        tab_title = self.window.tabs.tabText(self.window.tabs.currentIndex())
        target = self._ask_path(title, f"ml-career-{slug(tab_id)}.png", (PNG, SVG))
        if target is None:
            return None
        svg = target[0].suffix.lower() == ".svg"
        from planner.views.export_render import captioned_aspect, chart_caption

        today = self.today()
        aspect = captioned_aspect(plot, chart_caption(tab, tab_title), today)
        width = self.dialogs.chart_width(f"{'SVG' if svg else 'PNG'} size", DEFAULT_CHART_WIDTH, aspect)
        if width is None:
            self._say(f"{title}: cancelled.")
            return None
        from planner.views.export_render import captioned, chart_png, chart_svg, for_paper

        try:
            # Light colours, whatever the theme; no crosshair, selection or hover label; a title, the key, the
            # source and the date drawn in: the file says what it shows without the app beside it.
            with for_paper(tab), captioned(plot, chart_caption(tab, tab_title), today):
                data = chart_svg(plot, width) if svg else chart_png(plot, width)
        except Exception as exc:  # a drawing error must not take the app down
            self.dialogs.error(title, f"The chart could not be drawn: {exc}")
            return None
        return self._write(title, target, data, "Chart")

    def export_csv(self) -> Path | None:
        title = "Export projection as CSV"
        presenter, _tab = self._projection()
        target = self._ask_path(title, "ml-career-projection.csv", (CSV,))
        if target is None:
            return None
        from planner.commands.reports import projection_csv_file
        from planner.storage.market_file import market_or_none
        from planner.storage.tax_file import tax_source

        def make() -> bytes:  # the export's date, the assumptions and units, the table, the pay history, the offers
            profile = self.session.profile
            return encode_csv_blocks(
                projection_csv_file(
                    presenter, profile, self.today(), market_or_none(), tax_source, self._offers_baseline()
                )
            )

        data = self._encoded(title, target, make)
        return None if data is None else self._write(title, target, data, "Projection")

    def export_profile(self) -> Path | None:
        title = "Export profile"
        target = self._ask_path(title, "ml-career-profile.json", (JSON,))
        if target is None:
            return None
        data = self._encoded(title, target, lambda: encode_profile_export(self.session.profile))
        return None if data is None else self._write(title, target, data, "Profile")

    def import_profile(self) -> bool:
        title = "Import profile"
        path = self.dialogs.open_file(title, self._folder(), (JSON,))
        if path is None:
            self._say(f"{title}: cancelled.")
            return False
        try:
            profile = read_profile_import(path)
        except ExportError as exc:
            self._say(f"{title}: {path.name} was not imported; your profile is unchanged.")
            self.dialogs.error(title, f"{exc}\n\nYour profile is unchanged.")
            return False
        ticked = len(profile.skills)
        question = (
            f"Replace your current profile with the one in {path.name} ({ticked} ticked skill"
            f"{'' if ticked == 1 else 's'}, {profile.years_of_experience:g} years of experience)?"
        )
        if self.keep_copy is not None:
            question += "\n\nA copy of your current profile is kept in the data folder."
        if not self.dialogs.confirm(title, question, "Replace"):
            self._say(f"{title}: cancelled; your profile is unchanged.")
            return False
        kept = ""
        if self.keep_copy is not None:
            try:
                kept = (
                    f" Your previous profile was kept as {self.keep_copy(self.session.profile, 'before-import').name}."
                )
            except (OSError, ValueError) as exc:  # ValueError: a profile that would not load again
                self._say(f"{title}: nothing changed, because a copy of your current profile could not be kept.")
                self.dialogs.error(title, f"A copy of your current profile could not be written ({exc}).")
                return False
        self.session.load(profile, f"import the profile {path.name}")  # one step: Edit > Undo brings yours back
        self.folder = path.parent
        self._say(f"Profile imported from {path}.{kept}")
        return True

    def save_report(self) -> Path | None:
        title = "Save career report as PDF"
        presenter, tab = self._projection()
        target = self._ask_path(title, f"ml-career-report-{self.today():%Y-%m-%d}.pdf", (PDF,))
        if target is None:
            return None
        from planner.commands.reports import career_report
        from planner.presenters.career_report import skill_progress
        from planner.storage.market_file import market_or_none
        from planner.storage.tax_file import tax_source
        from planner.views.export_render import chart_image_at_print_size, for_paper, report_text_width
        from planner.views.report_render import CHART_ASPECT, page_size, report_pdf

        # market_or_none: a broken installation's report still has everything else.
        report = career_report(
            self.dataset,
            self.session.profile,
            skill_progress(self.dataset, self.session.profile),
            presenter,
            self.today(),
            market_or_none(),
            tax_source,
            self._offers_baseline(),
        )
        plot = chart_of(tab)
        paper = page_size().id()
        try:
            with for_paper(tab):  # paper is white: the chart in the light colours, whatever the theme; no crosshair
                width = report_text_width(paper)
                image = chart_image_at_print_size(plot, width, CHART_ASPECT) if plot is not None else None
            data = report_pdf(report, image, paper)
        except Exception as exc:  # a drawing error must not take the app down
            self.dialogs.error(title, f"The report could not be drawn: {exc}")
            return None
        return self._write(title, target, data, "Career report")

    # --- Help menu -----------------------------------------------------------------------------------------------

    def show_data_sources(self) -> QWidget:
        """Help > Data sources: a window (not modal) listing every sourced figure of the data in use."""
        from PySide6.QtCore import Qt

        from planner.presenters.data_sources import DataSourcesModel, details_html, figures_note, sources_html
        from planner.storage.market_file import market_or_none
        from planner.views.data_dialogs import DataSourcesDialog

        model = DataSourcesModel(self.dataset, self.session.profile.assumptions)
        market = market_or_none()  # a broken installation: without the BLS file the article is still listed
        dialog = DataSourcesDialog(
            sources_html(self.dataset, market),
            details_html(self.dataset, market),
            figures_note(self.dataset),
            model,
            self.window,
        )
        model.setParent(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_projection_help(self) -> None:
        try:
            text = help_document("how-projections-work")
        except OSError as exc:
            self.dialogs.error("How projections work", f"The help page could not be read: {exc}")
            return
        self.dialogs.show_markdown("How projections work", text)
