"""The "Projection" tab: inputs, the earnings chart with its band and comparisons, "Why this number?" and a table.

Passive: it draws what the tab's presenter hands it and forwards what the user does as signals. The parts are
widgets of their own: the inputs (form.py), the pay history box and the scenario box, and the chart (plot.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.presenters.choices import Choice
from planner.tabs.projection.chart_data import ProjectionChart, chart_description
from planner.tabs.projection.export_caption import projection_caption
from planner.tabs.projection.form import InputsForm, buddy
from planner.tabs.projection.pay_history_box import PayHistoryBox
from planner.tabs.projection.plot import ProjectionPlot
from planner.tabs.projection.scenario_box import ScenarioBox
from planner.tabs.projection.table_plans import SIDE_BY_SIDE, YEAR_BY_YEAR
from planner.tabs.projection.tax_box import TAKE_HOME_LABEL, TaxInputsPanel, tax_banner
from planner.views.charts import read_only_table
from planner.views.contrast import set_muted
from planner.views.elided_line import ElidedLine
from planner.views.export_render import ChartCaption
from planner.views.legend_row import LegendRow
from planner.views.steady_text import SteadyText
from planner.views.table_columns import fit_columns

BREAKDOWN_DELAY_MS = 40
INPUTS_WIDTH = 340  # the inputs' panel when open (px); the chart takes the rest
SMALL_SCREEN_WIDTH = 1280  # below this, the inputs start closed: the chart takes the whole width


class ProjectionTab(QWidget):
    """Implements the ProjectionView protocol of this tab's presenter.py."""

    field_edited = Signal(str, str)  # every keystroke: checked, not stored
    field_committed = Signal(str, str)  # editing finished (Enter, Tab, focus elsewhere): stored when valid
    industry_chosen = Signal(object)
    employer_chosen = Signal(object)
    level_chosen = Signal(object)  # a level id, or None: from the years of experience
    dollars_chosen = Signal(str)
    comp_chosen = Signal(str)
    compare_industry_chosen = Signal(object)
    compare_employer_chosen = Signal(object)
    compare_next_skills_toggled = Signal(bool)
    year_selected = Signal(int)
    pay_added = Signal(str, str)  # year text, salary text
    scenario_new_requested = Signal()
    scenario_edit_requested = Signal(str)  # scenario id
    scenario_duplicate_requested = Signal(str)
    scenario_delete_requested = Signal(str)
    pay_removed = Signal(int)  # year

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectionTab")
        self._chart: ProjectionChart | None = None
        self._t = 0
        self._crosshair_text = ""
        # The selected year's "Why this number?", made only when laid out: after a burst of ticks, or when opened.
        self._breakdown: Callable[[], str] = str
        self._breakdown_shown = ""  # what the breakdown shows: laying out the same text again costs milliseconds
        self._breakdown_pending = False  # new text not laid out yet (the details are closed): laid out when opened
        self._notes: Callable[[], str] = str  # makes the notes under the breakdown (the presenter's)
        # After a tick, "Why this number?" (a few ms of text layout) follows the chart and the table by a moment,
        # once for a burst of ticks, so the frame that shows the new curve is not held up by it.
        self._breakdown_timer = QTimer(self)
        self._breakdown_timer.setSingleShot(True)
        self._breakdown_timer.setInterval(BREAKDOWN_DELAY_MS)
        self._breakdown_timer.timeout.connect(self._lay_out_breakdown)
        self.scenario_dialog: QDialog | None = None  # the scenario dialog while it is open (set by the app)

        # --- inputs ------------------------------------------------------------------------------------------
        self.pay_history = PayHistoryBox()
        self.pay_history.added.connect(self.pay_added)
        self.pay_history.removed.connect(self.pay_removed)
        self.scenarios = ScenarioBox()
        self.scenarios.new_requested.connect(self.scenario_new_requested)
        self.scenarios.edit_requested.connect(self.scenario_edit_requested)
        self.scenarios.duplicate_requested.connect(self.scenario_duplicate_requested)
        self.scenarios.delete_requested.connect(self.scenario_delete_requested)
        self.form = InputsForm(self.pay_history, self.scenarios)
        for mine, theirs in (
            (self.field_edited, self.form.field_edited),
            (self.field_committed, self.form.field_committed),
            (self.industry_chosen, self.form.industry_chosen),
            (self.employer_chosen, self.form.employer_chosen),
            (self.level_chosen, self.form.level_chosen),
            (self.compare_industry_chosen, self.form.compare_industry_chosen),
            (self.compare_employer_chosen, self.form.compare_employer_chosen),
            (self.compare_next_skills_toggled, self.form.compare_next_skills_toggled),
        ):
            theirs.connect(mine)
        # The controls, as tests and the accessibility walk reach them.
        self.fields = self.form.fields
        self.level, self.industry, self.employer = self.form.level, self.form.industry, self.form.employer
        self.compare_industry, self.compare_employer = self.form.compare_industry, self.form.compare_employer
        self.compare_next = self.form.compare_next
        history = self.pay_history
        self.pay_table, self.pay_year, self.pay_salary = history.pay_table, history.pay_year, history.pay_salary
        self.pay_add, self.pay_remove, self.pay_error = history.pay_add, history.pay_remove, history.pay_error
        box = self.scenarios
        self.scenario_list, self.scenario_message = box.scenario_list, box.scenario_message
        self.scenario_new, self.scenario_edit = box.scenario_new, box.scenario_edit
        self.scenario_duplicate, self.scenario_delete = box.scenario_duplicate, box.scenario_delete
        self._muted_labels = self.form.muted_labels + box.muted_labels

        self.inputs = QScrollArea()
        self.inputs.setObjectName("projectionInputs")
        self.inputs.setWidget(self.form)
        self.inputs.setWidgetResizable(True)
        self.inputs.setMinimumWidth(300)
        self.inputs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inputs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the inputs inside, not to the frame

        # --- the headline: what you earn and where you go, and what the last change did ---------------------------
        # Both change with every tick: SteadyText repaints them without laying the whole tab out again (unless the
        # text needs another number of lines). The change quotes a skill's or scenario's name: plain text.
        self.summary = SteadyText(2, "projectionSummary", "Your projection", rich=True)
        self.change = SteadyText(1, "projectionChange", "What your last change did")
        self.change.hide()  # until there is something to say

        # --- the bar above the chart: the panels, a new scenario, the dollars and the pay ---------------------------
        self.inputs_button = QToolButton()
        self.inputs_button.setObjectName("inputsToggle")
        self.inputs_button.setText("&Inputs")
        self.inputs_button.setCheckable(True)
        self.inputs_button.setAccessibleName("Show or hide your inputs")
        self.inputs_button.setToolTip("Where you stand, pay history, scenarios, assumptions (Alt+I)")
        self.inputs_button.toggled.connect(self._show_inputs)
        self.new_scenario_button = QToolButton()
        self.new_scenario_button.setObjectName("newScenario")
        self.new_scenario_button.setText("New scenario…")
        self.new_scenario_button.setAccessibleName("New scenario")
        self.new_scenario_button.setToolTip("A scenario beside today's path (Ctrl+N)")
        self.new_scenario_button.clicked.connect(self.scenario_new_requested)
        new_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_shortcut.activated.connect(self.scenario_new_requested)
        self.dollars = QComboBox()
        self.dollars.setObjectName("dollarsChoice")
        self.dollars.setAccessibleName("Dollars")
        self.dollars.addItem("Nominal dollars", "nominal")
        self.dollars.addItem("Today's dollars", "today")
        self.dollars.currentIndexChanged.connect(lambda _i: self.dollars_chosen.emit(self.dollars.currentData()))
        self.comp = QComboBox()
        self.comp.setObjectName("compChoice")
        self.comp.setAccessibleName("Pay")
        self.comp.addItem("Base salary", "base")
        self.comp.addItem("Total compensation (base + bonus + equity)", "total")
        self.comp.addItem(TAKE_HOME_LABEL, "take_home")
        self.comp.currentIndexChanged.connect(lambda _i: self.comp_chosen.emit(self.comp.currentData()))
        # As wide as the bar leaves it (its longest choice made the tab wider than 1920x1080 at 200 %); the list: whole
        self.comp.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.comp.setMinimumContentsLength(18)
        self.details_button = QToolButton()
        self.details_button.setObjectName("detailsToggle")
        self.details_button.setText("Why this number? · Table&s")
        self.details_button.setCheckable(True)
        self.details_button.setAccessibleName("Show or hide why this number and the tables")
        self.details_button.toggled.connect(self._show_details)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.inputs_button)
        bar.addWidget(self.new_scenario_button)
        bar.addSpacing(12)
        bar.addWidget(buddy("&Dollars:", self.dollars))
        bar.addWidget(self.dollars)
        bar.addSpacing(8)
        bar.addWidget(buddy("P&ay:", self.comp))
        bar.addWidget(self.comp, 1)
        bar.addStretch(0)
        bar.addWidget(self.details_button)

        # --- chart: the readout above it, the legend and the year under it -------------------------------------------
        self.plot = ProjectionPlot()
        self.plot.year_hovered.connect(self._year_hovered)
        self.readout = ElidedLine("projectionReadout", "Selected year")  # a tick repaints it, never lays the tab out
        self.legend = LegendRow()
        self.legend.toggled.connect(self.plot.toggle)
        self.plot.legend_changed.connect(lambda: self.legend.set_entries(self.plot.legend_entries()))
        self.year_slider = QSlider(Qt.Orientation.Horizontal)
        self.year_slider.setObjectName("yearSlider")
        self.year_slider.setAccessibleName("Selected year (slider)")
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("yearSpin")
        self.year_spin.setAccessibleName("Selected year")
        self.year_slider.valueChanged.connect(self.year_selected)
        self.year_spin.valueChanged.connect(lambda v: self.year_selected.emit(v - self.year_spin.minimum()))
        year_row = QHBoxLayout()
        year_row.addWidget(buddy("&Year:", self.year_spin))
        year_row.addWidget(self.year_spin)
        year_row.addWidget(self.year_slider, 1)

        # --- why this number, the tables: an area that opens under the chart -----------------------------------------
        self.breakdown = QTextBrowser()
        self.breakdown.setObjectName("projectionBreakdown")
        self.breakdown.setAccessibleName("Why this number?")
        self.breakdown.setOpenLinks(False)
        self.table = read_only_table("projectionTable", "Projection table")
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
        self.table.setAlternatingRowColors(True)
        self.differences = read_only_table("scenarioDifferences", "Scenarios side by side")
        self.differences.setTabKeyNavigation(False)
        self.differences.setWordWrap(True)
        self.tables = QTabWidget()
        self.tables.setObjectName("projectionTables")
        self.tables.addTab(self.breakdown, "Why this number?")
        self.tables.addTab(self.table, "Year by year")
        self.tables.addTab(self.differences, "Scenarios side by side")
        self.tables.tabBar().setAccessibleName("Why this number?, year by year, or scenarios side by side")
        self.tables.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)

        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.setSpacing(2)
        chart_layout.addWidget(self.readout)
        chart_layout.addWidget(self.plot, 1)
        chart_layout.addWidget(self.legend)
        chart_layout.addLayout(year_row)
        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.setObjectName("projectionDetailsSplitter")
        self.right_split.addWidget(chart_box)
        self.right_split.addWidget(self.tables)
        self.right_split.setStretchFactor(0, 1)
        self.right_split.setStretchFactor(1, 0)
        self.right_split.setCollapsible(0, False)
        self.right_split.splitterMoved.connect(self._sync_toggles)

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("projectionSplitter")
        self.split.addWidget(self.inputs)
        self.split.addWidget(self.right_split)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 1)
        self.split.setCollapsible(1, False)
        self.split.splitterMoved.connect(self._sync_toggles)

        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.change)
        self.tax_banner = tax_banner()  # why take-home pay cannot be shown, when it cannot
        layout.addWidget(self.tax_banner)
        self.tax_view = TaxInputsPanel(self.form.taxes, self.tax_banner, self.comp)  # tax_inputs.py's view
        layout.addLayout(bar)
        layout.addWidget(self.split, 1)
        # The curve first: "Why this number?" and the tables wait under it until asked for, and on a small screen
        # the inputs too (the Inputs button, or the splitter, opens them; the window remembers the choice).
        screen = QGuiApplication.primaryScreen()
        small = screen is not None and screen.availableGeometry().width() < SMALL_SCREEN_WIDTH
        self.split.setSizes([0 if small else INPUTS_WIDTH, 1000])
        self.right_split.setSizes([1000, 0])
        self._sync_toggles()
        # A restored splitter state (the window remembers them) moves no handle and so says nothing: the toggles
        # follow the panes' own sizes instead.
        for pane in (self.inputs, self.tables):
            pane.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._focus_moved)  # type: ignore[union-attr]
        self._set_tab_order()
        self._apply_style()

    def _set_tab_order(self) -> None:
        """Tab follows what the eye reads: the bar above the chart, the inputs as laid out, the year, the details."""
        chain: list[QWidget] = [self.inputs_button, self.new_scenario_button, self.dollars, self.comp]
        chain += [self.details_button, *self.form.tab_chain(), self.year_spin, self.year_slider]
        # The tab widget, not its tab bar: the bar is its focus proxy, which after the pages made Tab loop there.
        chain += [self.tables, self.breakdown, self.table, self.differences]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A closed pane (the inputs, or the details and tables) reached by Tab or an Alt letter opens: the focus
        is never on a pane nobody can see."""
        if new is not None and self.form.isAncestorOf(new):
            self._show_inputs(True)
        elif new is not None and self.tables.isAncestorOf(new):
            self.details_button.setChecked(True)

    def _show_inputs(self, shown: bool) -> None:
        sizes = self.split.sizes()
        if shown and sizes[0] == 0:
            self.split.setSizes([INPUTS_WIDTH, max(sum(sizes) - INPUTS_WIDTH, 1)])
        elif not shown and sizes[0] > 0:
            self.split.setSizes([0, sum(sizes)])
        self._sync_toggles()

    def _show_details(self, shown: bool) -> None:
        sizes = self.right_split.sizes()
        total = sum(sizes)
        if shown and sizes[1] == 0:
            details = max(int(total * 0.38), 160)
            self.right_split.setSizes([max(total - details, 1), details])
        elif not shown and sizes[1] > 0:
            self.right_split.setSizes([total, 0])
        self._sync_toggles()

    def _sync_toggles(self, *_args: object) -> None:
        for button, open_ in (
            (self.inputs_button, self.split.sizes()[0] > 0),
            (self.details_button, self.right_split.sizes()[1] > 0),
        ):
            if button.isChecked() != open_:
                button.blockSignals(True)
                button.setChecked(open_)
                button.blockSignals(False)
        self.inputs_button.setText("◂ &Inputs" if self.inputs_button.isChecked() else "&Inputs ▸")
        years = self.fields["years_of_experience"].edit  # Ctrl+4's focus: the first input, or Inputs when closed
        self.setFocusProxy(years if self.inputs_button.isChecked() else self.inputs_button)
        self.details_button.setText(
            "Why this number? · Table&s ▾" if self.details_button.isChecked() else "Why this number? · Table&s ▴"
        )
        if self.details_button.isChecked() and self._breakdown_pending:
            self._lay_out_breakdown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._sync_toggles()
        return super().eventFilter(watched, event)

    # --- helpers -----------------------------------------------------------------------------------------------

    def set_scenario_model(self, model: QAbstractItemModel) -> None:
        self.scenarios.set_model(model)

    def selected_scenario(self) -> str | None:
        return self.scenarios.selected_scenario()

    def select_scenario(self, scenario_id: str) -> None:
        self.scenarios.select_scenario(scenario_id)

    def show_scenario_message(self, text: str) -> None:
        self.scenarios.show_message(text)

    def set_differences_model(self, model: QAbstractItemModel) -> None:
        self.differences.setModel(model)
        # Columns fit their contents when the rows change (a scenario added, removed, shown or hidden), not on every
        # tick; those that do not fit the width wait in the header's menu (table_plans.py says which).
        self.differences_columns = fit_columns(self.differences, SIDE_BY_SIDE)

    def set_pay_history_model(self, model: QAbstractItemModel) -> None:
        self.pay_history.set_model(model)

    def show_pay_error(self, message: str) -> None:
        self.pay_history.show_error(message)

    def clear_pay_inputs(self) -> None:
        self.pay_history.clear_inputs()

    def _apply_style(self) -> None:
        self.plot.apply_style()
        for label in self._muted_labels:
            set_muted(label)

    def restyle(self) -> None:
        """Recolour from the current palette (after the colour scheme changes)."""
        self.plot.restyle()
        for label in self._muted_labels:
            set_muted(label)

    def set_table_model(self, model: QAbstractItemModel) -> None:
        self.table.setModel(model)
        # Sized when the columns change, never on a tick (ResizeToContents would measure every cell on every tick);
        # Year, Level and Projected always shown, the others while they fit or when asked for (table_plans.py).
        self.table_columns = fit_columns(self.table, YEAR_BY_YEAR)

    def export_caption(self) -> ChartCaption:
        """What an exported chart says of itself: the pay and dollars shown, the curves, the source."""
        return projection_caption(self.plot.chart, self.dollars.currentData(), self.comp.currentData())

    # --- ProjectionView ----------------------------------------------------------------------------------------

    def show_field_text(self, key: str, text: str) -> None:
        self.form.show_field_text(key, text)

    def show_field_error(self, key: str, message: str) -> None:
        self.form.show_field_error(key, message)

    def show_choices(self, industries: list[Choice], employers: list[Choice]) -> None:
        self.form.show_choices(industries, employers)

    def show_levels(self, levels: list[Choice]) -> None:
        self.form.show_levels(levels)

    def show_level_choice(self, level: str | None) -> None:
        self.form.show_level_choice(level)

    def show_notes(self, notes: Callable[[], str]) -> None:
        self._notes = notes  # made and laid out with the breakdown

    def show_profile_choice(self, industry: str | None, employer: str | None) -> None:
        self.form.show_profile_choice(industry, employer)

    def show_next_skills_option(self, label: str, available: bool) -> None:
        self.form.show_next_skills_option(label, available)

    def show_summary(self, html: str) -> None:
        if self.summary.text() != html:
            self.summary.setText(html)

    def show_change(self, text: str) -> None:
        """What the last change did ("Ticked “Deep learning”: +$71,295 over 30 years · …"), or the next step."""
        if self.change.text() != text:
            self.change.setText(text)
            self.change.setVisible(bool(text))

    def show_chart(self, chart: ProjectionChart) -> None:
        self._chart = chart
        self.plot.show_chart(chart)
        self.plot.setAccessibleDescription(chart_description(chart))
        x = chart.x
        # Set only when the years changed: a new range lays the whole tab out again (the spin box's width).
        for widget, low, high in ((self.year_slider, 0, len(x) - 1), (self.year_spin, int(x[0]), int(x[-1]))):
            if (widget.minimum(), widget.maximum()) != (low, high):
                widget.blockSignals(True)
                widget.setRange(low, high)
                widget.blockSignals(False)

    def show_year(self, t: int, crosshair: str, breakdown: Callable[[], str]) -> None:
        chart = self._chart
        if chart is None:
            return
        same_year = t == self._t
        self._t = t
        self._crosshair_text = crosshair
        self.plot.show_crosshair(t, crosshair)
        self.readout.setText(" · ".join(line.strip() for line in crosshair.splitlines() if line.strip()))
        self._breakdown = breakdown
        if same_year:  # new figures for the same year (a tick): laid out just after the chart is painted
            self._breakdown_timer.start()
        else:  # another year chosen: at once
            self._breakdown_timer.stop()
            self._lay_out_breakdown()
        for widget, value in ((self.year_slider, t), (self.year_spin, int(chart.x[t]))):
            if widget.value() != value:
                widget.blockSignals(True)
                widget.setValue(value)
                widget.blockSignals(False)

    def _lay_out_breakdown(self) -> None:
        if not self.details_button.isChecked():  # closed: laid out when opened (a tick's frame never waits for it)
            self._breakdown_pending = True
            return
        self._breakdown_pending = False
        html = self._breakdown() + "<hr>" + self._notes()
        if html != self._breakdown_shown:  # a tick often leaves the selected year as it was
            self._breakdown_shown = html
            self.breakdown.setHtml(html)

    # --- reading back (tests, accessibility) -------------------------------------------------------------------

    def crosshair_text(self) -> str:
        return self._crosshair_text

    def selected_year_index(self) -> int:
        return self._t

    # --- mouse ---------------------------------------------------------------------------------------------------

    def _year_hovered(self, t: int) -> None:
        if t != self._t:
            self.year_selected.emit(t)
