"""'Vesting and leaving early': the month you might leave (a box and a slider that work with the keyboard), what each
job leaves you with by then side by side, what staying a little longer would bring, and the vesting timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from planner.tabs.offers.leaving import LeaveTableModel
from planner.tabs.offers.plots import VestingChart, chart_widget
from planner.views.charts import read_only_table
from planner.views.plain import error_label, plain_label
from planner.views.theme import error_color, is_dark

if TYPE_CHECKING:
    from planner.tabs.offers.api import LeavingView


class LeaveBox(QWidget):
    edited = Signal(str)  # the month box's text, as typed
    moved = Signal(int)  # the slider's month

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offersLeaving")
        self.month = QLineEdit()
        self.month.setObjectName("offersLeaveMonth")
        self.month.setAccessibleName("If I leave at the end of month")
        self.month.setMaximumWidth(70)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("offersLeaveSlider")
        self.slider.setAccessibleName("Month you leave (arrow keys move it a month, Page Up and Down a year)")
        self.slider.setRange(1, 48)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(12)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(12)
        label = QLabel("If I leave at the end of month:")
        label.setBuddy(self.month)
        self.error = error_label("offersLeaveError")
        self.summary = plain_label()
        self.summary.setObjectName("offersLeaveSummary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What staying longer would bring")
        self.month.textEdited.connect(self.edited)
        self.month.editingFinished.connect(lambda: self.edited.emit(self.month.text()))
        self.slider.valueChanged.connect(self.moved)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.month)
        row.addWidget(self.slider, 1)

        self.plot = chart_widget("offersVestingChart", "Equity vested by month, each offer",
                                 "Vested (USD)")  # fmt: skip
        self.chart = VestingChart(self.plot)
        self.plot.setMinimumHeight(110)  # under the table, which has the figures
        self.table = read_only_table("offersLeaveTable", "What each job leaves you with at that month")
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # as tall as its rows
        note = plain_label(
            "Chart: equity vested by month; band: the stock price range †; dashed: the month you leave. Hover a row "
            "for how it is made."
        )
        note.setWordWrap(True)
        note.setObjectName("offersLeaveNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)  # read first, as wide as the tab: the jobs side by side
        layout.addWidget(self.plot, 1)
        layout.addWidget(note)
        self.restyle()

    def fit_table(self) -> None:
        """The table as tall as its rows (and the sideways scroll bar, when more jobs than fit are compared)."""
        table = self.table
        header = table.horizontalHeader()
        height = table.verticalHeader().length() + header.height() + 2 * table.frameWidth()
        if header.length() > table.viewport().width():
            height += table.horizontalScrollBar().sizeHint().height()
        if table.height() != height:
            table.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_table()

    def set_model(self, model: LeaveTableModel) -> None:
        self.table.setModel(model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show_leaving(self, leaving: LeavingView) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setMaximum(leaving.last)
            self.slider.setValue(leaving.month)
        if self.month.text() != leaving.text and not (leaving.error and self.month.hasFocus()):
            self.month.setText(leaving.text)
        self.error.setText(leaving.error)
        self.error.setVisible(bool(leaving.error))
        self.summary.setText(" ".join(leaving.lines))
        self.summary.setVisible(bool(leaving.lines))
        self.chart.draw(leaving.vesting, leaving.month, leaving.last)
        self.fit_table()

    def restyle(self) -> None:
        self.error.setStyleSheet(f"color: {error_color(is_dark()).name()};")
        self.chart.build()
