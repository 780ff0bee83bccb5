"""The Projection tab's tables (thin Qt models, no widgets): the chart's figures year by year, and today's path
beside the scenarios shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from planner.domain.money import usd
from planner.domain.projection_basis import FloatArray
from planner.domain.projection_text import years_text
from planner.domain.scenarios import COMPARE_YEARS, TODAY_PATH, ScenarioRow
from planner.domain.text import plain_tooltip
from planner.tabs.projection.chart_data import ProjectionChart, outside_text


class ProjectionTableModel(QAbstractTableModel):
    """The chart's figures as a table (for screen readers and for copying): one row per year."""

    FIXED = ("Year", "Experience", "Level", "Low", "Projected", "High", "Cumulative", "Against the article")
    KEYS = ("year", "experience", "level", "low", "projected", "high", "cumulative", "note")  # header Qt.UserRole
    NOTE = 7

    def __init__(self) -> None:
        super().__init__()
        self._chart: ProjectionChart | None = None
        self._headers: tuple[str, ...] = self.FIXED
        self._cumulative: FloatArray = np.zeros(0)

    def set_chart(self, chart: ProjectionChart) -> None:
        """New figures: a reset when the columns change, else one dataChanged (cheaper to repaint)."""
        headers = self.FIXED + tuple(c.label for c in chart.comparisons)
        same_shape = self._chart is not None and headers == self._headers and len(self._chart.x) == len(chart.x)
        if same_shape:
            self._chart = chart
            self._cumulative = np.cumsum(chart.main.y)
            rows, cols = self.rowCount(), self.columnCount()
            if rows and cols:
                self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))
            return
        self.beginResetModel()
        self._chart = chart
        self._cumulative = np.cumsum(chart.main.y)
        self._headers = headers
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._chart is None else len(self._chart.x)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    HEADER_TIPS: ClassVar[dict[int, str]] = {
        3: "Bottom of your level's range: the article's figure, times the pay factor of your industry or employer",
        4: "The app's projection: the article's ranges, your salary and skills, and your assumptions",
        5: "Top of your level's range: the article's figure, times the pay factor of your industry or employer",
        6: "Projected earnings summed from this year on (the app's projection)",
        7: "Years whose projected base salary, in the dollars shown, is outside every figure the article gives",
    }

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.UserRole:  # the column's key: the view keeps its choice of columns by it
            if section < len(self.KEYS):
                return self.KEYS[section]
            return f"compare:{self._chart.comparisons[section - len(self.KEYS)].key}" if self._chart else None
        if role == Qt.ItemDataRole.ToolTipRole:
            what = f" ({self._chart.y_label})" if self._chart is not None else ""
            if section > self.NOTE:  # a comparison: its name in full (the header may be shortened to fit)
                return f"{self._headers[section]}: the app's projection with your assumptions{what}"
            tip = self.HEADER_TIPS.get(section, self._headers[section])
            return tip + what if 3 <= section <= 6 else tip
        return None

    def value(self, row: int, column: int) -> float | str:
        chart = self._chart
        assert chart is not None
        if column == 0:
            return int(chart.x[row])
        if column == 1:
            return float(chart.experience[row])
        if column == 2:
            return chart.level_names[row]
        if column == self.NOTE:
            return outside_text(int(chart.outside[row]), comp=chart.comp) if len(chart.outside) else ""
        arrays = (chart.low, chart.main.y, chart.high, self._cumulative)
        if column < self.NOTE:
            return float(arrays[column - 3][row])
        return float(chart.comparisons[column - self.NOTE - 1].y[row])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._chart is None:
            return None
        value = self.value(index.row(), index.column())
        if role == Qt.ItemDataRole.UserRole:
            return value
        if index.column() == self.NOTE and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            assert self._chart is not None
            side = int(self._chart.outside[index.row()]) if len(self._chart.outside) else 0
            return outside_text(side, short=role == Qt.ItemDataRole.DisplayRole, comp=self._chart.comp)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0 or isinstance(value, str):
                return str(value)
            if index.column() == 1:
                return years_text(float(value))
            return usd(float(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3 and index.column() != self.NOTE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# A differences table's rows, what each one changes, and per row the BLS median text and tooltip (empty: no column).
DifferenceRows = tuple[list[ScenarioRow], list[str], list[tuple[str, str]]]


class DifferencesTableModel(QAbstractTableModel):
    """Today's path and the scenarios shown, side by side: pay in 1, 3, 5 and 10 years, earnings over the
    horizon, and the year each one overtakes today's path (the app's projection for each).

    The rows are worked out when first read (the table shown, a screen reader, a test), not on every tick while
    the "Year by year" table is the one shown: a tick with five scenarios drawn has no time to spare."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ScenarioRow] = []
        self._about: list[str] = []
        self._market: list[tuple[str, str]] = []
        self._pending: Callable[[], DifferenceRows] | None = None  # the rows to work out when read
        self._count = 0
        self._headers: tuple[str, ...] = ()
        self.what = ""

    def set_rows(
        self, rows: Callable[[], DifferenceRows], count: int, current_year: int, horizon: int, what: str, market: bool
    ) -> None:
        """``rows``: works out the ``count`` rows when they are read. ``market``: the BLS median where each one
        works is a column of its own (an area was chosen)."""
        # Headers on two lines, so that the columns are as narrow as their figures (the header's tooltip in full).
        headers = (
            "Scenario",
            "What it changes",
            *(f"In {n} year{'s' if n != 1 else ''}\n({current_year + n})" for n in COMPARE_YEARS),
            f"Earnings over\n{horizon} years",
            f"Overtakes\n{TODAY_PATH.lower()}",
            "Overtakes another\nscenario",
            *(("BLS median wage\nwhere you work",) if market else ()),
        )
        if headers != self._headers or count != self._count:
            self.beginResetModel()
            self._pending, self._headers, self._count = rows, headers, count
            self.endResetModel()
        else:
            self._pending = rows
            if count:
                self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(headers) - 1))
        self.what = what

    def _worked_out(self) -> None:
        if self._pending is not None:
            self._rows, self._about, self._market = self._pending()
            self._pending = None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    KEYS = ("scenario", "about", *(f"in-{n}" for n in COMPARE_YEARS), "earnings", "overtakes", "passes", "market")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.UserRole:  # the column's key: the view keeps its choice of columns by it
            return self.KEYS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < 2:
            return (
                "Today's path and each scenario shown on the chart"
                if section == 0
                else "What the scenario changes from today's path"
            )
        if role == Qt.ItemDataRole.ToolTipRole and section == 4 + len(COMPARE_YEARS):
            return (
                "Overtakes another scenario: the year from which this one stays above another drawn "
                "(the app's projection)"
            )
        if role == Qt.ItemDataRole.ToolTipRole and section == 5 + len(COMPARE_YEARS):
            return (
                "BLS median wage where you work: official wage statistics (BLS OEWS) for the occupation chosen on "
                "the Market wages tab"
            )
        if role == Qt.ItemDataRole.ToolTipRole and section >= 2:  # the header in full, on one line
            return f"{' '.join(self._headers[section].split())}: the app's projection for each scenario ({self.what})"
        return None

    def text(self, row: int, column: int) -> str:
        self._worked_out()
        r = self._rows[row]
        if column == 0:
            return r.name
        if column == 1:
            return self._about[row]
        if column < 2 + len(COMPARE_YEARS):
            value = r.pay[column - 2]
            return usd(value) if value is not None else "beyond the horizon"
        if column == 2 + len(COMPARE_YEARS):
            return usd(r.earnings)
        if column == 3 + len(COMPARE_YEARS):
            return r.overtakes or "—"
        if column == 4 + len(COMPARE_YEARS):
            return "; ".join(f"{other} in {year}" for other, year in r.passes) or "—"
        return self._market[row][0]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5 + len(COMPARE_YEARS):
            self._worked_out()
            return plain_tooltip(self._market[index.row()][1])
        if role == Qt.ItemDataRole.ToolTipRole:  # names come from the profile: shown as typed, never as markup
            return plain_tooltip(self.text(index.row(), index.column()))
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= index.column() <= 2 + len(COMPARE_YEARS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
