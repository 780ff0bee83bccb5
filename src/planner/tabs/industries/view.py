"""The "Industries" tab: horizontal pay bars (industries, then employers), your choices, a comparison and a table.

Passive: it draws what the tab's presenter hands it and forwards the user's actions as signals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.presenters.choices import Choice
from planner.tabs.industries.chart import IndustriesChartView
from planner.tabs.industries.presenter import KEY_ROLE, IndustriesChart
from planner.views.charts import read_only_table
from planner.views.export_render import ChartCaption
from planner.views.table_columns import ColumnPlan, fit_columns

TABLE_COLUMNS = ColumnPlan(
    main=frozenset({"Name", "Pay (USD a year)", "Article's qualifier"}),
    drop_first=("Source", "Vs overall midpoint", "Group", "Against overall range"),
    widths={"Name": 42, "Source": 30},
)


class IndustriesTab(QWidget):
    """Implements the IndustriesView protocol of this tab's presenter.py."""

    industry_chosen = Signal(str)
    employer_chosen = Signal(str)
    bar_clicked = Signal(str)
    entry_selected = Signal(str)
    employers_toggled = Signal(bool)
    comparison_changed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("industriesTab")
        self._syncing = False

        # --- your choices ----------------------------------------------------------------------------------
        self.industry_combo = QComboBox()
        self.industry_combo.setObjectName("industryCombo")
        self.industry_combo.setAccessibleName("Your industry")
        self.industry_combo.setToolTip("Stored in your profile; the projection uses it")
        self.employer_combo = QComboBox()
        self.employer_combo.setObjectName("employerCombo")
        self.employer_combo.setAccessibleName("Your employer")
        self.employer_combo.setToolTip("Stored in your profile; the projection uses it")
        self.employers_check = QCheckBox("Show emplo&yers the article names")
        self.employers_check.setObjectName("showEmployers")
        self.employers_check.setAccessibleName("Show employers beside the industries")
        industry_label = QLabel("Your ind&ustry:")
        industry_label.setBuddy(self.industry_combo)
        employer_label = QLabel("Your e&mployer:")
        employer_label.setBuddy(self.employer_combo)
        choices = QHBoxLayout()
        choices.addWidget(industry_label)
        choices.addWidget(self.industry_combo)
        choices.addSpacing(16)
        choices.addWidget(employer_label)
        choices.addWidget(self.employer_combo)
        choices.addSpacing(16)
        choices.addWidget(self.employers_check)
        choices.addStretch(1)
        self.industry_combo.currentIndexChanged.connect(
            lambda _i: self._emit_choice(self.industry_combo, self.industry_chosen)
        )
        self.employer_combo.currentIndexChanged.connect(
            lambda _i: self._emit_choice(self.employer_combo, self.employer_chosen)
        )
        self.employers_check.toggled.connect(self._on_employers_toggled)

        # --- chart -----------------------------------------------------------------------------------------
        self.chart = IndustriesChartView()
        self.plot = self.chart.plot  # the tab's chart, as every tab with one names it (views.charts.chart_of)
        self.chart.bar_clicked.connect(self.bar_clicked)

        # --- table -----------------------------------------------------------------------------------------
        self.table = read_only_table("industriesTable", "Pay by industry and employer table")
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)

        # --- comparison ------------------------------------------------------------------------------------
        self.first_combo = QComboBox()
        self.first_combo.setObjectName("compareFirst")
        self.first_combo.setAccessibleName("Compare: first entry")
        self.second_combo = QComboBox()
        self.second_combo.setObjectName("compareSecond")
        self.second_combo.setAccessibleName("Compare: second entry")
        self.comparison_headline = QLabel()
        self.comparison_headline.setObjectName("comparisonHeadline")
        self.comparison_headline.setAccessibleName("Comparison result")
        self.comparison_headline.setWordWrap(True)
        self.comparison_headline.setTextFormat(Qt.TextFormat.PlainText)
        self.comparison_headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.comparison_headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.comparison_headline.setFont(font)
        self.comparison_details = QLabel()
        self.comparison_details.setObjectName("comparisonDetails")
        self.comparison_details.setAccessibleName("Distance from the overall average range")
        self.comparison_details.setWordWrap(True)
        self.comparison_details.setTextFormat(Qt.TextFormat.PlainText)
        self.comparison_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comparison_details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        compare_box = QGroupBox("Compare two entries")
        compare_box.setObjectName("compareBox")
        form = QFormLayout()
        form.addRow("C&ompare:", self.first_combo)
        form.addRow("&with:", self.second_combo)
        compare_layout = QVBoxLayout(compare_box)
        compare_layout.addLayout(form)
        compare_layout.addWidget(self.comparison_headline)
        compare_layout.addWidget(self.comparison_details, 1)
        self.first_combo.currentIndexChanged.connect(self._emit_comparison)
        self.second_combo.currentIndexChanged.connect(self._emit_comparison)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.table)
        compare_scroll = QScrollArea()  # a short window scrolls the comparison instead of cutting it
        compare_scroll.setObjectName("compareScroll")
        compare_scroll.setWidgetResizable(True)
        compare_scroll.setFrameShape(QFrame.Shape.NoFrame)
        compare_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        compare_scroll.setWidget(compare_box)
        lower.addWidget(compare_scroll)
        # Half each: the table shows what fits (TABLE_COLUMNS), the comparison's entries need their names' width.
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("industriesSplitter")
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.industry_combo)
        QWidget.setTabOrder(self.industry_combo, self.employer_combo)
        QWidget.setTabOrder(self.employer_combo, self.employers_check)
        QWidget.setTabOrder(self.employers_check, self.table)
        QWidget.setTabOrder(self.table, self.first_combo)
        QWidget.setTabOrder(self.first_combo, self.second_combo)

    # --- wiring --------------------------------------------------------------------------------------------

    def set_table_model(self, model: QAbstractItemModel) -> None:
        self.table.setModel(model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        # Name, pay and the article's qualifier always; the rest while there is room or when chosen in the header's
        # menu (every cell's tooltip gives the source and the article's words): no sideways scrolling at 1024×640.
        # Measured once the sort arrow is in its header.
        self.columns = fit_columns(self.table, TABLE_COLUMNS)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)

    def set_hover_text_provider(self, provider: Callable[[str], str]) -> None:
        self.chart.set_hover_text_provider(provider)

    # --- IndustriesView ------------------------------------------------------------------------------------

    def show_chart(self, chart: IndustriesChart) -> None:
        self.chart.show_chart(chart)

    def show_choices(
        self, industries: Sequence[Choice], employers: Sequence[Choice], industry: str, employer: str
    ) -> None:
        _fill_combo(self.industry_combo, industries, industry)
        _fill_combo(self.employer_combo, employers, employer)

    def show_comparison_choices(self, entries: Sequence[Choice], first: str, second: str) -> None:
        _fill_combo(self.first_combo, entries, first)
        _fill_combo(self.second_combo, entries, second)

    def show_comparison(self, headline: str, details: str) -> None:
        self.comparison_headline.setText(headline)
        self.comparison_details.setText(details)

    def show_employers_visible(self, visible: bool) -> None:
        self.employers_check.blockSignals(True)
        self.employers_check.setChecked(visible)
        self.employers_check.blockSignals(False)

    def show_selection(self, key: str) -> None:
        model = self.table.model()
        if model is None:
            return
        self._syncing = True
        try:
            row = self.row_of(key)
            if row < 0:
                self.table.clearSelection()
                self.table.selectionModel().clearCurrentIndex()
            else:
                self.table.selectRow(row)
                self.table.scrollTo(model.index(row, 0))
        finally:
            self._syncing = False

    def restyle(self) -> None:
        """Redraw with the current palette's colours (call when the colour scheme changes)."""
        self.chart.restyle()

    def export_caption(self) -> ChartCaption:
        """What an exported chart says of itself: the chart's title, caption, source and key."""
        return self.chart.export_caption()

    # --- queries for tests and assistive code -------------------------------------------------------------

    def row_of(self, key: str) -> int:
        """The table row (as displayed, after sorting and filtering) showing this entry, or -1."""
        model = self.table.model()
        if model is None or not key:
            return -1
        for row in range(model.rowCount()):
            if model.index(row, 0).data(KEY_ROLE) == key:
                return row
        return -1

    def selected_key(self) -> str:
        rows = self.table.selectionModel().selectedRows() if self.table.model() is not None else []
        return str(rows[0].data(KEY_ROLE)) if rows else ""

    # --- interaction ---------------------------------------------------------------------------------------

    def _emit_choice(self, combo: QComboBox, signal: SignalInstance) -> None:
        value = combo.currentData()
        if value is not None:
            signal.emit(str(value))

    def _on_employers_toggled(self, checked: bool) -> None:
        self.employers_toggled.emit(checked)

    def _emit_comparison(self, _index: int) -> None:
        first, second = self.first_combo.currentData(), self.second_combo.currentData()
        if first is not None and second is not None:
            self.comparison_changed.emit(str(first), str(second))

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self.entry_selected.emit(str(current.data(KEY_ROLE)))


def _fill_combo(combo: QComboBox, choices: Sequence[Choice], current: str) -> None:
    """Replace a combo's items (only when they differ) and select ``current``, without emitting anything."""
    combo.blockSignals(True)
    try:
        existing = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
        wanted = [(c.value, c.label) for c in choices]
        if existing != wanted:
            combo.clear()
            for c in choices:
                combo.addItem(c.label, c.value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
    finally:
        combo.blockSignals(False)
