"""The "Projection" tab: inputs, the earnings chart with its band and comparisons, "Why this number?" and a table.

Passive: it draws what presenters.projection hands it and forwards what the user does as signals. The parts are
widgets of their own: the inputs (form.py), the pay history box and the scenario box, and the chart (plot.py).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.presenters.choices import Choice
from planner.tabs.projection.chart_data import ProjectionChart
from planner.tabs.projection.form import InputsForm, buddy
from planner.tabs.projection.pay_history_box import PayHistoryBox
from planner.tabs.projection.plot import ProjectionPlot
from planner.tabs.projection.scenario_box import ScenarioBox
from planner.views.charts import read_only_table
from planner.views.contrast import set_muted

BREAKDOWN_DELAY_MS = 40


class ProjectionTab(QWidget):
    """Implements presenters.projection.ProjectionView."""

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
        self._breakdown_html = ""  # what the breakdown shows: laying out the same text again costs milliseconds
        self._notes_html = ""
        # After a tick, "Why this number?" (a few ms of text layout) follows the chart and the table by a moment,
        # once for a burst of ticks, so the frame that shows the new curve is not held up by it.
        self._breakdown_timer = QTimer(self)
        self._breakdown_timer.setSingleShot(True)
        self._breakdown_timer.setInterval(BREAKDOWN_DELAY_MS)
        self._breakdown_timer.timeout.connect(self._lay_out_breakdown)
        self._sized_columns = -1
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

        scroll = QScrollArea()
        scroll.setObjectName("projectionInputs")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the focus (and scroll into view)
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(380)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the inputs inside, not to the frame

        # --- view options and summary ------------------------------------------------------------------------
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
        self.comp.currentIndexChanged.connect(lambda _i: self.comp_chosen.emit(self.comp.currentData()))
        options = QHBoxLayout()
        options.addWidget(buddy("&Dollars:", self.dollars))
        options.addWidget(self.dollars)
        options.addSpacing(12)
        options.addWidget(buddy("P&ay:", self.comp))
        options.addWidget(self.comp)
        options.addStretch(1)

        self.summary = QLabel()
        self.summary.setObjectName("projectionSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # --- chart -------------------------------------------------------------------------------------------
        self.plot = ProjectionPlot()
        self.plot.year_hovered.connect(self._year_hovered)

        # --- year selection (keyboard) -----------------------------------------------------------------------
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

        # --- why this number, table --------------------------------------------------------------------------
        self.breakdown = QTextBrowser()
        self.breakdown.setObjectName("projectionBreakdown")
        self.breakdown.setAccessibleName("Why this number?")
        self.breakdown.setOpenLinks(False)
        self.table = read_only_table("projectionTable", "Projection table")
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
        self.table.setAlternatingRowColors(True)
        why = QWidget()
        why_layout = QVBoxLayout(why)
        why_layout.setContentsMargins(0, 0, 0, 0)
        why_title = QLabel("<b>Why this number?</b>")
        why_layout.addWidget(why_title)
        why_layout.addWidget(self.breakdown)
        self.differences = read_only_table("scenarioDifferences", "Scenarios side by side")
        self.differences.setTabKeyNavigation(False)
        self.differences.setWordWrap(True)
        self.tables = QTabWidget()
        self.tables.setObjectName("projectionTables")
        self.tables.addTab(self.table, "Year by year")
        self.tables.addTab(self.differences, "Scenarios side by side")
        self.tables.tabBar().setAccessibleName("Year by year, or scenarios side by side")
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(why)
        lower.addWidget(self.tables)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([560, 380])

        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.plot, 1)
        chart_layout.addLayout(year_row)
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(chart_box)
        right_split.addWidget(lower)
        right_split.setStretchFactor(0, 3)
        right_split.setStretchFactor(1, 2)
        right_split.setSizes([360, 240])  # the chart first; "Why this number?" and the table get room to be read
        self.right_split = right_split

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(options)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(right_split, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("projectionSplitter")
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.setFocusProxy(self.fields["years_of_experience"].edit)
        self._apply_style()

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
        # tick: measuring every cell on each change would cost the frame time it takes.
        model.modelReset.connect(self.differences.resizeColumnsToContents)
        self.differences.resizeColumnsToContents()

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
        header = self.table.horizontalHeader()
        # Sized once to the first contents: ResizeToContents would measure every cell on every tick.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        model.modelReset.connect(self._size_table_once)

    def _size_table_once(self) -> None:
        model = self.table.model()
        if model is None or model.columnCount() == self._sized_columns:
            return
        self._sized_columns = model.columnCount()
        self.table.resizeColumnsToContents()

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

    def show_notes(self, html: str) -> None:
        if html != self._notes_html:
            self._notes_html = html
            self._breakdown_html = ""  # shown together with the breakdown: redraw both

    def show_profile_choice(self, industry: str | None, employer: str | None) -> None:
        self.form.show_profile_choice(industry, employer)

    def show_next_skills_option(self, label: str, available: bool) -> None:
        self.form.show_next_skills_option(label, available)

    def show_summary(self, html: str) -> None:
        if self.summary.text() != html:
            self.summary.setText(html)

    def show_chart(self, chart: ProjectionChart) -> None:
        self._chart = chart
        self.plot.show_chart(chart)
        x = chart.x
        n = len(x)
        for widget in (self.year_slider, self.year_spin):
            widget.blockSignals(True)
        self.year_slider.setRange(0, n - 1)
        self.year_spin.setRange(int(x[0]), int(x[-1]))
        for widget in (self.year_slider, self.year_spin):
            widget.blockSignals(False)

    def show_year(self, t: int, crosshair: str, breakdown_html: str) -> None:
        chart = self._chart
        if chart is None:
            return
        same_year = t == self._t
        self._t = t
        self._crosshair_text = crosshair
        self.plot.show_crosshair(t, crosshair)
        if breakdown_html != self._breakdown_html:  # a tick often leaves the selected year as it was
            self._breakdown_html = breakdown_html
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
        self.breakdown.setHtml(self._breakdown_html + "<hr>" + self._notes_html)

    # --- reading back (tests, accessibility) -------------------------------------------------------------------

    def crosshair_text(self) -> str:
        return self._crosshair_text

    def selected_year_index(self) -> int:
        return self._t

    # --- mouse ---------------------------------------------------------------------------------------------------

    def _year_hovered(self, t: int) -> None:
        if t != self._t:
            self.year_selected.emit(t)
