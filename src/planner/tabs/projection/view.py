"""The "Projection" tab: inputs, the earnings chart with its band and comparisons, "Why this number?" and a table.

Passive: it draws what presenters.projection hands it and forwards what the user does as signals.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QPointF, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.domain.text import escape, format_safe, plain_tooltip
from planner.presenters.choices import Choice
from planner.presenters.fields import FIELDS
from planner.tabs.projection.presenter import ProjectionChart
from planner.tabs.projection.scenarios import ID_ROLE as SCENARIO_ID_ROLE
from planner.views.charts import CurrencyAxis, one_tab_stop, read_only_table, style_plot
from planner.views.plain import error_label, plain_label
from planner.views.theme import YOU_SYMBOL

# Comparison curves differ by colour and by dash pattern (for colour-blind readers and print).
COMPARISON_STYLE = {
    "industry": ("average", Qt.PenStyle.DashLine),
    "employer": ("bar_second", Qt.PenStyle.DashDotLine),
    "next-skills": ("bar", Qt.PenStyle.DotLine),
    # Scenarios: a colour and a dash pattern each (told apart without colour too).
    # Never the orange of "you" (today's path) nor its neighbour hues.
    "scenario-0": ("bar", Qt.PenStyle.SolidLine),
    "scenario-1": ("bar_second", Qt.PenStyle.DashDotDotLine),
    "scenario-2": ("ceiling", Qt.PenStyle.DashLine),
    "scenario-3": ("average", Qt.PenStyle.DotLine),
    "scenario-4": ("muted", Qt.PenStyle.DashDotLine),
}
PROFILE_GROUP = ("years_of_experience", "current_salary")
# Alt+letter for each input. The window already uses L, I, S, P (tabs) and F, V, H (menus); every letter on this
# tab is different (tests/gui/test_projection_tab.py checks it).
FIELD_MNEMONICS = {
    "years_of_experience": "x",
    "current_salary": "c",
    "horizon_years": "z",
    "inflation": "t",
    "yearly_raise": "raise",
    "bonus_percent": "b",
    "yearly_equity": "q",
    "promotion_shift_years": "k",
    "promotion_raise": "j",
    "skill_pace": "n",
}
# "T&oday's level". Every letter is taken (the tabs use L, I, S, P and G, the menus F, E, V and H): the two
# comparison boxes have no Alt key of their own (Tab reaches them).
LEVEL_MNEMONIC = "o"
BREAKDOWN_DELAY_MS = 40


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with ``&`` before the first ``letter`` (either case); unchanged when it has none."""
    index = text.lower().find(letter.lower())
    return text if index < 0 else f"{text[:index]}&{text[index:]}"


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def muted_text_color(palette: QPalette, minimum: float = 4.6) -> QColor:
    """A colour between the text and the background, as faint as it can be while keeping ``minimum`` contrast
    (WCAG AA asks 4.5:1) with both the window and the base background."""
    text = palette.color(QPalette.ColorRole.WindowText)
    backgrounds = (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base))
    back = backgrounds[0]
    for step in range(45, -1, -5):  # share of the background mixed in: 45 %, 40 % ... 0 %
        k = step / 100
        color = QColor.fromRgbF(
            text.redF() * (1 - k) + back.redF() * k,
            text.greenF() * (1 - k) + back.greenF() * k,
            text.blueF() * (1 - k) + back.blueF() * k,
        )
        if all(contrast(color, b) >= minimum for b in backgrounds):
            return color
    return text


def set_muted(label: QLabel) -> None:
    """Draw a note in a readable muted colour (a disabled label would be about 1.5:1 in a light theme)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, muted_text_color(QApplication.palette()))
    label.setPalette(palette)


class FieldRow(QWidget):
    """A line edit with its default or note beside it and, under it, the message when the input is refused."""

    def __init__(self, key: str, label: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"field_{key}")
        self.edit.setAccessibleName(label)
        self.edit.setAccessibleDescription(hint)
        self.edit.setMinimumWidth(90)
        self.hint = QLabel(hint)
        self.hint.setObjectName(f"hint_{key}")
        self.hint.setWordWrap(True)
        set_muted(self.hint)  # enabled, readable: the defaults are how the assumptions are made visible
        self.error = error_label(f"error_{key}")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.edit, 2)
        top.addWidget(self.hint, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addWidget(self.error)
        self._hint_text = hint

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.edit.setStyleSheet("QLineEdit { border: 2px solid #c62828; }" if message else "")
        self.edit.setAccessibleDescription(message or self._hint_text)
        self.edit.setToolTip(message)


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
        self._legend_state: list[tuple[object, str]] | None = None
        self._sized_columns = -1
        self.scenario_dialog: QDialog | None = None  # the scenario dialog while it is open (set by the app)
        self._x_range = (0.0, 0.0)
        self._y_top = 0.0

        # --- inputs ------------------------------------------------------------------------------------------
        self.fields: dict[str, FieldRow] = {}
        stand = QGroupBox("Where you stand today")
        stand_form = QFormLayout(stand)
        assume = QGroupBox("Assumptions (yours to change)")
        assume_form = QFormLayout(assume)
        for spec in FIELDS:
            row = FieldRow(spec.key, spec.label, spec.hint)
            row.edit.textEdited.connect(lambda text, key=spec.key: self.field_edited.emit(key, text))
            row.edit.editingFinished.connect(
                lambda key=spec.key, edit=row.edit: self.field_committed.emit(key, edit.text())
            )
            self.fields[spec.key] = row
            form = stand_form if spec.key in PROFILE_GROUP else assume_form
            label = QLabel(with_mnemonic(spec.label, FIELD_MNEMONICS.get(spec.key, "")))
            label.setWordWrap(True)
            label.setBuddy(row.edit)
            form.addRow(label, row)
        self.level = self._combo("levelChoice", "Today's level")
        stand_form.insertRow(1, self._buddy(with_mnemonic("Today's level", LEVEL_MNEMONIC), self.level), self.level)
        self.level.activated.connect(lambda _i: self.level_chosen.emit(self.level.currentData()))
        self.industry = self._combo("industryChoice", "Industry")
        self.employer = self._combo("employerChoice", "Employer")
        stand_form.addRow(self._buddy("Ind&ustry", self.industry), self.industry)
        stand_form.addRow(self._buddy("E&mployer", self.employer), self.employer)
        self.industry.activated.connect(lambda _i: self.industry_chosen.emit(self.industry.currentData()))
        self.employer.activated.connect(lambda _i: self.employer_chosen.emit(self.employer.currentData()))
        employer_note = QLabel("An employer's pay, when chosen, is used instead of the industry's.")
        employer_note.setWordWrap(True)
        set_muted(employer_note)
        self._muted_labels = [row.hint for row in self.fields.values()] + [employer_note]
        stand_form.addRow(employer_note)

        history = self._build_pay_history()

        compare = QGroupBox("Compare with")
        compare_form = QFormLayout(compare)
        self.compare_industry = self._combo("compareIndustry", "Compare with another industry")
        self.compare_employer = self._combo("compareEmployer", "Compare with another employer")
        self.compare_next = QCheckBox("&With all skills of the next level")
        self.compare_next.setObjectName("compareNextSkills")
        self.compare_next.setAccessibleName("Compare with all skills of the next level")
        compare_form.addRow(self._buddy("Another industry", self.compare_industry), self.compare_industry)
        compare_form.addRow(self._buddy("Another employer", self.compare_employer), self.compare_employer)
        compare_form.addRow(self.compare_next)
        self.compare_industry.currentIndexChanged.connect(
            lambda _i: self.compare_industry_chosen.emit(self.compare_industry.currentData())
        )
        self.compare_employer.currentIndexChanged.connect(
            lambda _i: self.compare_employer_chosen.emit(self.compare_employer.currentData())
        )
        self.compare_next.toggled.connect(self.compare_next_skills_toggled)

        scenarios = self._build_scenarios()

        inputs = QWidget()
        inputs_layout = QVBoxLayout(inputs)
        inputs_layout.addWidget(stand)
        inputs_layout.addWidget(history)
        inputs_layout.addWidget(scenarios)
        inputs_layout.addWidget(assume)
        inputs_layout.addWidget(compare)
        inputs_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("projectionInputs")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the focus (and scroll into view)
        scroll.setWidget(inputs)
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
        options.addWidget(self._buddy("&Dollars:", self.dollars))
        options.addWidget(self.dollars)
        options.addSpacing(12)
        options.addWidget(self._buddy("P&ay:", self.comp))
        options.addWidget(self.comp)
        options.addStretch(1)

        self.summary = QLabel()
        self.summary.setObjectName("projectionSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # --- chart -------------------------------------------------------------------------------------------
        self.plot = pg.PlotWidget(axisItems={"left": CurrencyAxis("left")})
        self.plot.setObjectName("projectionChart")
        one_tab_stop(self.plot)
        self.plot.setAccessibleName("Projected earnings by year chart")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(200)
        # The plot's viewport would be an unnamed Tab stop; the year spin box, slider and table give the same data.
        self.plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        item = self.plot.getPlotItem()
        # No grid (the crosshair reads exact figures) and no antialiasing for the view: curves still draw
        # themselves antialiased (pyqtgraph's antialias option, set in views.charts), while the band and the
        # labels stay cheap to repaint on every tick (benchmarks/projection_bench.py).
        self.plot.setAntialiasing(False)
        item.setLabel("bottom", "Year")
        # The legend sits under the plot, outside the data area (room is kept for it in _sync_legend): inside, it
        # would cover a curve wherever it went.
        self.legend = pg.LegendItem(offset=(4, -2), colCount=2)
        self.legend.setParentItem(item)
        # A click on a curve's legend entry hides or shows it (pyqtgraph); the curve stays so until clicked again.
        self._legend_hidden: set[str] = set()
        self.legend.sigSampleClicked.connect(self._legend_clicked)
        self.plot.installEventFilter(self)  # a resized chart fits its legend again
        self.low_curve = pg.PlotDataItem()
        self.high_curve = pg.PlotDataItem()
        self.band = pg.FillBetweenItem(self.low_curve, self.high_curve)
        self.band.setZValue(-10)
        # The legend cannot draw a FillBetweenItem; this bar (never added to the plot) stands in for the band.
        self.band_sample = pg.BarGraphItem(x=[0], height=[1], width=1)
        self.main_curve = pg.PlotDataItem()
        self.main_curve.setZValue(10)
        # Total compensation: the base salary inside it, and bonus and equity stacked on top of it (shaded).
        self.base_curve = pg.PlotDataItem()
        self.base_curve.setObjectName("baseInsideTotal")
        self.base_curve.setZValue(9)
        self.extras = pg.FillBetweenItem(self.base_curve, self.main_curve)
        self.extras.setZValue(-5)
        self.extras_sample = pg.BarGraphItem(x=[0], height=[1], width=1)
        self.base_curve.hide()
        self.extras.hide()
        self.comparison_curves: dict[str, pg.PlotDataItem] = {}
        for key in COMPARISON_STYLE:
            curve = pg.PlotDataItem()
            curve.setZValue(5)
            curve.hide()
            self.comparison_curves[key] = curve
        self.level_marks = pg.ScatterPlotItem(symbol="t1", size=13)
        self.level_marks.setZValue(20)
        # Years outside every figure the article gives: a cross on the curve (also a column of the table).
        self.outside_marks = pg.ScatterPlotItem(symbol="x", size=11)
        self.outside_marks.setObjectName("outsideMarks")
        self.outside_marks.setZValue(22)
        # The pay history: what the user earned, drawn against the curve (a tooltip names each point).
        self.history_points = pg.ScatterPlotItem(symbol="d", size=12, hoverable=True, tip=lambda x, y, data: str(data))
        self.history_points.setObjectName("payHistoryPoints")
        self.history_points.setZValue(25)
        self.level_labels: list[pg.TextItem] = []
        self.today_line = pg.InfiniteLine(angle=90, movable=False, label="Today", labelOpts={"position": 0.06})
        self.crosshair = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair.setZValue(30)
        self.crosshair_dot = pg.ScatterPlotItem(size=13, symbol=YOU_SYMBOL)
        self.crosshair_dot.setZValue(31)
        # The readout is pinned to the top left corner of the plot area, where the curves (low at first, rising
        # with the years) leave room: parented to the view box itself, so its position is in pixels.
        self.crosshair_label = pg.TextItem(anchor=(0, 0))
        self.crosshair_label.setZValue(40)
        for it in (
            self.band,
            self.extras,
            self.base_curve,
            self.low_curve,
            self.high_curve,
            *self.comparison_curves.values(),
            self.main_curve,
            self.level_marks,
            self.outside_marks,
            self.history_points,
            self.today_line,
            self.crosshair,
            self.crosshair_dot,
        ):
            item.addItem(it)
        self.crosshair_label.setParentItem(item.getViewBox())
        self._build_plan_marks(item)
        self.crosshair_label.setPos(6, 4)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

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
        year_row.addWidget(self._buddy("&Year:", self.year_spin))
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

    def _build_scenarios(self) -> QGroupBox:
        box = QGroupBox("Scenarios beside today's path")
        box.setObjectName("scenariosBox")
        layout = QVBoxLayout(box)
        note = QLabel(
            "Tick a scenario to draw it (five at most). Each changes some of your inputs: an industry, an employer "
            "or a job offer, today's level, the learning plan, the assumptions."
        )
        note.setWordWrap(True)
        set_muted(note)
        self._muted_labels.append(note)
        self.scenario_list = QListView()
        self.scenario_list.setObjectName("scenarioList")
        self.scenario_list.setAccessibleName("Scenarios (ticked: drawn on the chart)")
        self.scenario_list.setMaximumHeight(120)
        self.scenario_list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.scenario_list.activated.connect(lambda _i: self._request(self.scenario_edit_requested))
        self.scenario_new = QPushButton("New scenario…")  # every Alt letter of the tab is taken: Tab reaches these
        self.scenario_edit = QPushButton("Edit / rename…")
        self.scenario_duplicate = QPushButton("Duplicate")
        self.scenario_delete = QPushButton("Delete")
        self.scenario_delete.setAccessibleName("Delete scenario")
        self.scenario_new.clicked.connect(self.scenario_new_requested)
        self.scenario_edit.clicked.connect(lambda: self._request(self.scenario_edit_requested))
        self.scenario_duplicate.clicked.connect(lambda: self._request(self.scenario_duplicate_requested))
        self.scenario_delete.clicked.connect(lambda: self._request(self.scenario_delete_requested))
        buttons = QGridLayout()
        buttons.addWidget(self.scenario_new, 0, 0)
        buttons.addWidget(self.scenario_edit, 0, 1)
        buttons.addWidget(self.scenario_duplicate, 1, 0)
        buttons.addWidget(self.scenario_delete, 1, 1)
        self.scenario_message = plain_label()
        self.scenario_message.setObjectName("scenarioMessage")
        self.scenario_message.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.scenario_list)
        layout.addLayout(buttons)
        layout.addWidget(self.scenario_message)
        return box

    def set_scenario_model(self, model: QAbstractItemModel) -> None:
        self.scenario_list.setModel(model)
        # The list is rebuilt after every change: the scenario that was selected stays selected.
        self._kept_scenario: str | None = None
        self.scenario_list.selectionModel().currentChanged.connect(self._keep_scenario)
        model.modelReset.connect(lambda: self.select_scenario(self._kept_scenario or ""))
        model.modelReset.connect(self._scenario_buttons)
        model.rowsInserted.connect(self._scenario_buttons)
        model.rowsRemoved.connect(self._scenario_buttons)
        self._scenario_buttons()

    def _keep_scenario(self) -> None:
        current = self.selected_scenario()
        if current is not None:
            self._kept_scenario = current

    def _scenario_buttons(self) -> None:
        model = self.scenario_list.model()
        has = model is not None and model.rowCount() > 0
        for button in (self.scenario_edit, self.scenario_duplicate, self.scenario_delete):
            button.setEnabled(has)
        if has and not self.scenario_list.currentIndex().isValid():
            self.scenario_list.setCurrentIndex(model.index(0, 0))

    def selected_scenario(self) -> str | None:
        index = self.scenario_list.currentIndex()
        value = index.data(SCENARIO_ID_ROLE) if index.isValid() else None
        return str(value) if value is not None else None

    def select_scenario(self, scenario_id: str) -> None:
        model = self.scenario_list.model()
        for row in range(model.rowCount() if model is not None else 0):
            index = model.index(row, 0)
            if index.data(SCENARIO_ID_ROLE) == scenario_id:
                self.scenario_list.setCurrentIndex(index)

    def _request(self, signal: SignalInstance) -> None:
        scenario_id = self.selected_scenario()
        if scenario_id is not None:
            signal.emit(scenario_id)

    def show_scenario_message(self, text: str) -> None:
        self.scenario_message.setText(text)

    def set_differences_model(self, model: QAbstractItemModel) -> None:
        self.differences.setModel(model)
        # Columns fit their contents when the rows change (a scenario added, removed, shown or hidden), not on every
        # tick: measuring every cell on each change would cost the frame time it takes.
        model.modelReset.connect(self.differences.resizeColumnsToContents)
        self.differences.resizeColumnsToContents()

    def _build_pay_history(self) -> QGroupBox:
        box = QGroupBox("Pay history (base salary you earned)")
        box.setObjectName("payHistory")
        self.pay_table = read_only_table("payHistoryTable", "Pay history")
        self.pay_table.horizontalHeader().setStretchLastSection(True)
        self.pay_table.setMaximumHeight(130)
        self.pay_year = QLineEdit()
        self.pay_year.setObjectName("payYear")
        self.pay_year.setAccessibleName("Pay history year")
        self.pay_year.setPlaceholderText("Year")
        self.pay_year.setMaximumWidth(70)
        self.pay_salary = QLineEdit()
        self.pay_salary.setObjectName("paySalary")
        self.pay_salary.setAccessibleName("Pay history base salary (USD a year)")
        self.pay_salary.setPlaceholderText("Base salary, e.g. 120,000")
        self.pay_add = QPushButton("Add year")
        self.pay_add.setObjectName("payAdd")
        self.pay_add.setAccessibleName("Add or replace this year in the pay history")
        self.pay_remove = QPushButton("Remove selected")
        self.pay_remove.setObjectName("payRemove")
        self.pay_remove.setAccessibleName("Remove the selected year from the pay history")
        self.pay_error = error_label("payError")
        note = QLabel("The latest year stands in for today's salary when the current salary is empty.")
        note.setWordWrap(True)
        note.setEnabled(False)

        def add() -> None:
            self.pay_added.emit(self.pay_year.text(), self.pay_salary.text())

        self.pay_add.clicked.connect(add)
        self.pay_year.returnPressed.connect(add)
        self.pay_salary.returnPressed.connect(add)
        self.pay_remove.clicked.connect(self._remove_selected_pay)
        entry = QHBoxLayout()
        entry.addWidget(self.pay_year)
        entry.addWidget(self.pay_salary, 1)
        entry.addWidget(self.pay_add)
        layout = QVBoxLayout(box)
        layout.addWidget(self.pay_table)
        layout.addLayout(entry)
        layout.addWidget(self.pay_error)
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(self.pay_remove)
        layout.addLayout(buttons)
        return box

    def _remove_selected_pay(self) -> None:
        index = self.pay_table.currentIndex()
        if index.isValid():
            year = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
            if year is not None:
                self.pay_removed.emit(int(year))

    def set_pay_history_model(self, model: QAbstractItemModel) -> None:
        self.pay_table.setModel(model)

    def show_pay_error(self, message: str) -> None:
        self.pay_error.setText(message)
        self.pay_error.setVisible(bool(message))

    def clear_pay_inputs(self) -> None:
        self.pay_year.clear()
        self.pay_salary.clear()
        self.pay_year.setFocus()

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        return combo

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _apply_style(self) -> None:
        colors = style_plot(self.plot)
        self._colors = colors
        self.low_curve.setPen(pg.mkPen(colors["band_edge"], width=1, style=Qt.PenStyle.DashLine))
        self.high_curve.setPen(pg.mkPen(colors["band_edge"], width=1, style=Qt.PenStyle.DashLine))
        self.band.setBrush(pg.mkBrush(colors["band"]))
        self.band_sample.setOpts(brush=pg.mkBrush(colors["band"]), pen=pg.mkPen(colors["band_edge"]))
        # Your curve is "you" on every tab: the one colour and mark (views.theme) used for you everywhere.
        self.main_curve.setPen(pg.mkPen(colors["you"], width=3))
        self.base_curve.setPen(pg.mkPen(colors["you"], width=1.5, style=Qt.PenStyle.DotLine))
        extras = QColor(colors["you"])
        extras.setAlpha(50)
        self.extras.setBrush(pg.mkBrush(extras))
        self.extras_sample.setOpts(brush=pg.mkBrush(extras), pen=pg.mkPen(colors["you"]))
        for key, curve in self.comparison_curves.items():
            color, style = COMPARISON_STYLE[key]
            curve.setPen(pg.mkPen(colors[color], width=2.5, style=style))
        self.level_marks.setBrush(pg.mkBrush(colors["bar"]))  # not "you": a promotion is an event, not you
        self.level_marks.setPen(pg.mkPen(colors["foreground"]))
        self.outside_marks.setBrush(pg.mkBrush(colors["conflict"]))
        self.outside_marks.setPen(pg.mkPen(colors["conflict"], width=1.5))
        self.history_points.setBrush(pg.mkBrush(colors["you"]))  # your own figures: your colour, a diamond
        self.plan_marks.setBrush(pg.mkBrush(colors["bar_second"]))  # an event on your curve, as a promotion is
        self.plan_marks.setPen(pg.mkPen(colors["foreground"]))
        self.history_points.setPen(pg.mkPen(colors["foreground"], width=1.5))
        self.today_line.setPen(pg.mkPen(colors["muted"], width=1.5, style=Qt.PenStyle.DashLine))
        self.today_line.label.setColor(colors["foreground"])
        self.crosshair.setPen(pg.mkPen(colors["foreground"], width=1, style=Qt.PenStyle.DotLine))
        self.crosshair_dot.setBrush(pg.mkBrush(colors["you"]))
        self.crosshair_dot.setPen(pg.mkPen(colors["foreground"]))
        self.crosshair_label.setColor(colors["foreground"])
        background = QColor(colors["background"])
        background.setAlpha(225)
        self.crosshair_label.fill = pg.mkBrush(background)
        self.crosshair_label.border = pg.mkPen(colors["muted"])
        self.legend.setLabelTextColor(colors["foreground"])
        legend_background = QColor(colors["background"])
        legend_background.setAlpha(200)
        self.legend.setBrush(pg.mkBrush(legend_background))
        self.legend.setPen(pg.mkPen(colors["muted"]))
        for label in getattr(self, "_muted_labels", ()):
            set_muted(label)

    def restyle(self) -> None:
        """Recolour from the current palette (after the colour scheme changes)."""
        self._apply_style()
        self._legend_state = None  # rebuild the legend so its labels take the new text colour
        if self._chart is not None:
            self.show_chart(self._chart)

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
        edit = self.fields[key].edit
        if edit.text() != text:
            edit.setText(text)

    def show_field_error(self, key: str, message: str) -> None:
        self.fields[key].set_error(message)

    def show_choices(self, industries: list[Choice], employers: list[Choice]) -> None:
        for combo, choices in ((self.industry, industries), (self.employer, employers)):
            combo.blockSignals(True)
            combo.clear()
            for c in choices:
                combo.addItem(c.label, c.value)
            combo.blockSignals(False)
        for combo, choices in ((self.compare_industry, industries), (self.compare_employer, employers)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("No comparison", None)
            for c in choices:
                if c.value is not None:
                    combo.addItem(c.label, c.value)
            combo.blockSignals(False)

    def show_levels(self, levels: list[Choice]) -> None:
        labels = [(c.label, c.value) for c in levels]
        current = [(self.level.itemText(i), self.level.itemData(i)) for i in range(self.level.count())]
        if labels == current:
            return
        chosen = self.level.currentData()
        self.level.blockSignals(True)
        self.level.clear()
        for text, value in labels:
            self.level.addItem(text, value)
        self.level.setCurrentIndex(max(self.level.findData(chosen), 0))
        self.level.blockSignals(False)

    def show_level_choice(self, level: str | None) -> None:
        index = max(self.level.findData(level), 0)
        if self.level.currentIndex() != index:
            self.level.blockSignals(True)
            self.level.setCurrentIndex(index)
            self.level.blockSignals(False)

    def show_notes(self, html: str) -> None:
        if html != self._notes_html:
            self._notes_html = html
            self._breakdown_html = ""  # shown together with the breakdown: redraw both

    def show_profile_choice(self, industry: str | None, employer: str | None) -> None:
        for combo, value in ((self.industry, industry), (self.employer, employer)):
            index = combo.findData(value)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def show_next_skills_option(self, label: str, available: bool) -> None:
        self.compare_next.setText(with_mnemonic(label.replace("&", "&&"), "w"))  # Alt+W: "With all ..."
        self.compare_next.setEnabled(available)

    def show_summary(self, html: str) -> None:
        if self.summary.text() != html:
            self.summary.setText(html)

    def show_chart(self, chart: ProjectionChart) -> None:
        self._chart = chart
        x = chart.x
        item = self.plot.getPlotItem()
        if item.getAxis("left").labelText != chart.y_label:
            item.setLabel("left", chart.y_label)
        self.low_curve.setData(x, chart.low)
        self.high_curve.setData(x, chart.high)
        self.main_curve.setData(x, chart.main.y)
        if chart.base_y is not None:
            self.base_curve.setData(x, chart.base_y)
            self.base_curve.show()
            self.extras.show()
        elif self.base_curve.isVisible():
            self.base_curve.hide()
            self.extras.hide()
        shown = {c.key: c for c in chart.comparisons}
        for key, curve in self.comparison_curves.items():
            data = shown.get(key)
            if data is not None and key in self._legend_hidden:  # hidden by a click on its legend entry
                curve.setData(x, data.y)
                continue
            if data is None:
                if curve.isVisible():
                    curve.hide()
                continue
            curve.setData(x, data.y)
            curve.show()
        self._sync_legend(chart)

        marks = chart.level_marks
        self.level_marks.setData([m.x for m in marks], [m.y for m in marks])
        outside = chart.outside != 0 if len(chart.outside) == len(x) else x < x[0]
        self.outside_marks.setData(x[outside], chart.main.y[outside])
        while len(self.level_labels) < len(marks):
            text = pg.TextItem(anchor=(0.1, -0.35))
            item.addItem(text)
            self.level_labels.append(text)
        for i, text in enumerate(self.level_labels):
            if i < len(marks):
                text.setText(marks[i].label)
                text.setColor(self._colors["foreground"])
                text.setPos(marks[i].x, marks[i].y)
                text.show()
            else:
                text.hide()
        self.today_line.setValue(chart.today_x)
        self.today_line.label.setFormat(format_safe(chart.today_label))  # pyqtgraph runs str.format on it
        self.history_points.setData(x=chart.history_x, y=chart.history_y, data=list(chart.history_texts) or None)
        self._show_plan_marks(chart)

        top = max(
            float(chart.high.max()),
            float(chart.main.y.max()),
            *(float(c.y.max()) for c in chart.comparisons),
            *(float(v) for v in chart.history_y),
        )
        first = min([float(x[0]), *(float(v) for v in chart.history_x)])
        x_range = (first - 0.5, float(x[-1]) + 0.5)
        if x_range != self._x_range:
            self._x_range = x_range
            item.setXRange(*x_range, padding=0)
        # The y range only moves when the curves leave it or shrink a lot: a tick does not make the chart jump
        # (and the axis is not redrawn).
        if not (top * 1.02 <= self._y_top <= top * 1.5):
            self._y_top = top * 1.15
            item.setYRange(0, self._y_top, padding=0)

        n = len(x)
        for widget in (self.year_slider, self.year_spin):
            widget.blockSignals(True)
        self.year_slider.setRange(0, n - 1)
        self.year_spin.setRange(int(x[0]), int(x[-1]))
        for widget in (self.year_slider, self.year_spin):
            widget.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.plot and event.type() == QEvent.Type.Resize and self._legend_state is not None:
            self._fit_legend()
        return super().eventFilter(watched, event)

    def _legend_clicked(self, item: object) -> None:
        key = next((k for k, curve in self.comparison_curves.items() if curve is item), None)
        if key is None:
            return
        if self.comparison_curves[key].isVisible():
            self._legend_hidden.discard(key)
        else:
            self._legend_hidden.add(key)

    # --- the learning plan ----------------------------------------------------------------------------------------

    def _build_plan_marks(self, item: pg.PlotItem) -> None:
        """A square on the curve where planned skills start to change the pay, labelled like a promotion; the
        tooltip names every skill and month."""
        self.plan_marks = pg.ScatterPlotItem(symbol="s", size=11, hoverable=True, tip=lambda x, y, data: str(data))
        self.plan_marks.setObjectName("planMarks")
        self.plan_marks.setZValue(21)
        item.addItem(self.plan_marks)
        self.plan_labels: list[pg.TextItem] = []
        self._plan_drawn = False

    def _show_plan_marks(self, chart: ProjectionChart) -> None:
        marks = chart.plan_marks
        if not marks and not self._plan_drawn:  # no plan (most ticks): nothing to redraw
            return
        self._plan_drawn = bool(marks)
        self.plan_marks.setData(
            x=[m.x for m in marks], y=[m.y for m in marks], data=[plain_tooltip(m.tip) for m in marks] or None
        )
        item = self.plot.getPlotItem()
        while len(self.plan_labels) < len(marks):
            text = pg.TextItem()
            item.addItem(text)
            self.plan_labels.append(text)
        # Above its mark (a promotion's label is below its own), one line higher than any label it would overlap;
        # the first line is left to a promotion's label where one starts under it.
        x_span = float(chart.x[-1] - chart.x[0]) + 1.0
        years_per_px = x_span / max(item.getViewBox().width(), 1.0)
        promotions = [m.x for m in chart.level_marks]
        rows: list[float] = []  # per line: where the last label on it ends (years)
        for i, text in enumerate(self.plan_labels):
            if i >= len(marks):
                text.hide()
                continue
            mark = marks[i]
            text.setText(mark.label)
            text.setColor(self._colors["foreground"])
            end = mark.x + text.boundingRect().width() * years_per_px
            first_free = any(mark.x < x <= end for x in promotions)
            row = next(
                (r for r, last in enumerate(rows) if last < mark.x and r >= first_free),
                max(len(rows), 1 if first_free else 0),
            )
            rows.extend([float("-inf")] * (row + 1 - len(rows)))
            rows[row] = end
            text.setAnchor((0.05, 1.2 + row))
            text.setPos(mark.x, mark.y)
            text.show()

    def _sync_legend(self, chart: ProjectionChart) -> None:
        legend = self.legend
        wanted: list[tuple[object, str]] = [(self.main_curve, chart.main.label), (self.band_sample, chart.band_label)]
        if chart.base_y is not None:
            wanted.append((self.base_curve, "Base salary inside it"))
            wanted.append((self.extras_sample, "Bonus and equity (your assumptions)"))
        for c in chart.comparisons:
            wanted.append((self.comparison_curves[c.key], c.name))
        if chart.level_marks:
            wanted.append((self.level_marks, "Promotion (a raise)"))
        if len(chart.outside) and bool((chart.outside != 0).any()):
            wanted.append((self.outside_marks, chart.outside_label))
        if len(chart.history_x):
            wanted.append((self.history_points, chart.history_label))
        if chart.plan_marks:
            wanted.append((self.plan_marks, "Planned skills start to pay"))
        if self._legend_state == wanted:
            return
        self._legend_state = wanted
        legend.clear()
        for it, name in wanted:
            legend.addItem(it, escape(name))  # legend labels are rich text
        self._fit_legend()

    def _fit_legend(self) -> None:
        """As many columns as fit across the chart (fewer rows leave the curves more room), and room under the
        plot for the legend's rows."""
        legend = self.legend
        room = self.plot.width() - 12
        # pyqtgraph's own width of the legend counts each label's whole layout width: measure the text instead.
        # Entries go row by row; a column is as wide as its widest entry (its sample is about 40 px).
        widths = [label.item.boundingRect().width() + 44 for _sample, label in legend.items]

        def width(columns: int) -> float:
            return sum(max(widths[j::columns]) for j in range(min(columns, len(widths))))

        legend.setColumnCount(next((c for c in (4, 3, 2) if width(c) <= room), 1))
        self.plot.getPlotItem().layout.setContentsMargins(1, 1, 1, legend.boundingRect().height() + 4)

    def show_year(self, t: int, crosshair: str, breakdown_html: str) -> None:
        chart = self._chart
        if chart is None:
            return
        same_year = t == self._t
        self._t = t
        self._crosshair_text = crosshair
        x, y = float(chart.x[t]), float(chart.main.y[t])
        self.crosshair.setValue(x)
        self.crosshair_dot.setData([x], [y])
        self.crosshair_label.setText(crosshair)
        self.plot.setToolTip(plain_tooltip(crosshair))
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

    def year_at(self, point: QPointF) -> int:
        """Index of the year nearest to a point in data coordinates, or -1 outside the chart."""
        chart = self._chart
        if chart is None:
            return -1
        t = round(point.x() - float(chart.x[0]))
        return t if 0 <= t < len(chart.x) else -1

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        vb = self.plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return
        t = self.year_at(vb.mapSceneToView(scene_pos))
        if t >= 0 and t != self._t:
            self.year_selected.emit(t)
