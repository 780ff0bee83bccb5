"""The "Offers" tab: the user's job offers with an editor; for the offers selected, a headline each against the
baseline, their first four years (stacked chart and the compact components × years table), the vesting timeline and
"If I leave at month N", and the article's figures for matched employers and industries. With no offer, a sentence
on what the tab does and an Add button."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.offers import OFFER_YEARS
from planner.domain.text import plain_tooltip
from planner.presenters.choices import Choice
from planner.tabs.offers.api import LeavingView
from planner.tabs.offers.editor import OfferEditor
from planner.tabs.offers.form import OfferForm
from planner.tabs.offers.headline_box import HeadlineBox
from planner.tabs.offers.leave_box import LeaveBox
from planner.tabs.offers.leaving import LeaveTableModel
from planner.tabs.offers.models import (
    COMPONENTS,
    EXPLAIN_ROLE,
    Comparison,
    ComparisonTableModel,
    OffersListModel,
    export_caption,
)
from planner.tabs.offers.plots import BAR, KEY_TIP, YearsChart, chart_widget, component_colors
from planner.views.charts import read_only_table
from planner.views.plain import plain_label
from planner.views.table_columns import ColumnPlan, fit_columns

__all__ = ["OffersTab", "component_colors"]

# The comparison table: the job and component, year one, the four-year average and the difference always (the
# headline's figures); years 2 to 4 while there is room (the chart under the table draws them), or when asked for in
# the header's menu. The last year gives way first.
COLUMNS = ColumnPlan(
    main=frozenset({"job", "year-1", "average", "difference"}),
    drop_first=tuple(f"year-{k}" for k in range(OFFER_YEARS, 1, -1)),
    max_chars=13,  # "$1,234,567 †"
    widths={"job": 32, "difference": 14},  # a long employer's name is shortened, whole in its tooltip
)
CHART_SHARE = 0.35  # the least share of the "Year by year" height the chart keeps
EXPLAIN_HINT = "Select a figure in the table to see what it is and how it is made (a job's name: its headline)."

EMPTY_TEXT = (
    "Compare the job offers you were made with your current job and with each other: what each pays in its first "
    "four years (base, bonus, sign-on and equity as it vests), how much of it is guaranteed, what leaving early "
    "would cost you (a vesting cliff, a sign-on to repay), what moves with the stock, and what is left after tax "
    "where the job is. Everything stays on this computer."
)


class OffersTab(QWidget):
    """Implements the OffersView protocol of this tab's presenter.py."""

    selection_changed = Signal(object, list)  # current offer id (or None), selected ids
    add_requested = Signal()
    duplicate_requested = Signal()
    delete_requested = Signal()
    scenario_requested = Signal()
    field_edited = Signal(str, str)
    field_committed = Signal(str, str)
    vesting_chosen = Signal(str)
    vest_every_chosen = Signal(str)
    location_chosen = Signal(str)
    match_chosen = Signal(str)
    suggestion_accepted = Signal()
    suggestion_declined = Signal()
    baseline_chosen = Signal(str)
    leave_edited = Signal(str)
    leave_moved = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offersTab")
        self._comparison = Comparison()
        self._model: ComparisonTableModel | None = None
        self._selecting = False
        self.hover_text = ""

        # --- the list and its buttons
        self.list = QListView()
        self.list.setObjectName("offersList")
        self.list.setAccessibleName("Your offers (select several to compare them)")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A long name ends in "…" (whole in the editor below): no sideways scroll bar eats a row of the list.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        list_label = QLabel("&Your offers (Ctrl+click or Shift+arrows to compare several):")
        list_label.setWordWrap(True)
        list_label.setBuddy(self.list)
        self.add_button = QPushButton("&Add")
        self.add_button.setAccessibleName("Add an offer")
        self.add_button.setObjectName("addOffer")
        self.duplicate_button = QPushButton("Dupli&cate")
        self.duplicate_button.setObjectName("duplicateOffer")
        self.duplicate_button.setAccessibleName("Duplicate the offer")
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setObjectName("deleteOffer")
        self.delete_button.setAccessibleName("Delete the offer")
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)  # Delete in the list: the same as the button
        delete_key.activated.connect(self.delete_requested)
        self.add_button.clicked.connect(self.add_requested)
        self.duplicate_button.clicked.connect(self.duplicate_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(b)

        # --- the editor (its fields, combo boxes and the match suggestion)
        self.editor = OfferEditor(self)
        self.fields = self.editor.fields
        self.vesting, self.vest_every, self.location, self.match = (
            self.editor.vesting, self.editor.vest_every, self.editor.location, self.editor.match,
        )  # fmt: skip
        self.form_title, self.form_note = self.editor.title, self.editor.note
        self.scenario_button = self.editor.scenario_button
        self.scenario_button.clicked.connect(self.scenario_requested)

        editor = QWidget()
        editor.setObjectName("offerEditor")
        left = QVBoxLayout(editor)
        left.addWidget(list_label)
        left.addWidget(self.list)
        left.addLayout(buttons)
        left.addWidget(self.editor)
        left.addStretch(0)
        scroll = QScrollArea()
        scroll.setObjectName("offerEditorScroll")
        scroll.setWidget(editor)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setMinimumWidth(330)

        # --- the headline, against the baseline: one line per offer
        self.headline = HeadlineBox()
        self.baseline = self.headline.baseline
        self.headline.baseline_chosen.connect(self.baseline_chosen)
        self.comparison_note = plain_label()
        self.comparison_note.setObjectName("offersNote")
        self.comparison_note.setWordWrap(True)
        self.comparison_note.setAccessibleName("About the comparison")

        # --- years: the table (read first, as wide as the tab), its explanation, then the chart under them
        self.plot = chart_widget("offersChart", "Total compensation of each year by component chart",
                                 "USD a year")  # fmt: skip
        self.chart = YearsChart(self.plot)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.plot.getPlotItem().vb.sigResized.connect(self._draw)  # labels only where there is room
        self.key = QLabel()
        self.key.setObjectName("offersChartKey")
        self.key.setWordWrap(True)
        self.key.setAccessibleName("Chart key")
        self.key.setToolTip(KEY_TIP)
        self.key.setAccessibleDescription(KEY_TIP)
        self.plot.setMinimumHeight(130)  # under the table: the key and the table's rows keep the rest
        self.table = read_only_table("offersTable", "Each job's compensation by component and year, with differences")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.explain = plain_label(EXPLAIN_HINT)
        self.explain.setObjectName("offersExplain")
        self.explain.setWordWrap(True)
        self.explain.setAccessibleName("What the selected figure is")
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.addWidget(self.table, 1)
        figures_layout.addWidget(self.explain)
        chart = QWidget()
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.plot, 1)
        chart_layout.addWidget(self.key)
        self.years_split = QSplitter(Qt.Orientation.Vertical)
        # Not named, so not restored from the settings: it fits the table to its rows (the window keeps the others).
        self.years_split.setChildrenCollapsible(False)
        self.years_split.addWidget(figures)
        self.years_split.addWidget(chart)
        self.years_split.setStretchFactor(1, 1)
        self._user_split = False  # the table as tall as its rows until the user drags the handle
        self.years_split.splitterMoved.connect(lambda *_a: setattr(self, "_user_split", True))
        self.years_split.installEventFilter(self)
        years = QWidget()
        years_layout = QVBoxLayout(years)
        years_layout.setContentsMargins(0, 4, 0, 0)
        years_layout.addWidget(self.years_split, 1)

        # --- vesting and leaving
        self.leave = LeaveBox(self)
        self.leave.edited.connect(self.leave_edited)
        self.leave.moved.connect(self.leave_moved)

        # --- the article's figures
        self.article = QPlainTextEdit()
        self.article.setObjectName("offersArticle")
        self.article.setAccessibleName("The article's figures for the matched employers and industries, with sources")
        self.article.setReadOnly(True)
        self.article.setTabChangesFocus(True)

        self.views = QTabWidget()
        self.views.setObjectName("offersViews")
        self.views.setAccessibleName("Years, vesting and leaving, the article")
        self.views.tabBar().setAccessibleName("Show: year by year, vesting and leaving early, the article's figures")
        self.views.addTab(years, "Year by year")
        self.views.addTab(self.leave, "Vesting and leaving early")
        self.views.addTab(self.article, "The article's figures")

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.headline)
        right_layout.addWidget(self.comparison_note)
        right_layout.addWidget(self.views, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("offersSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([330, 1000])

        # --- the empty state
        self.empty = QWidget()
        self.empty.setObjectName("offersEmpty")
        empty_text = plain_label(EMPTY_TEXT)
        empty_text.setWordWrap(True)
        empty_title = plain_label("No job offers yet")
        font = empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        empty_title.setFont(font)
        self.empty_add = QPushButton("Add an offer")
        self.empty_add.setObjectName("addFirstOffer")
        self.empty_add.setAccessibleName("Add your first job offer")
        self.empty_add.clicked.connect(self.add_requested)
        box = QWidget()
        box.setMaximumWidth(640)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(empty_title)
        box_layout.addWidget(empty_text)
        box_layout.addWidget(self.empty_add, 0, Qt.AlignmentFlag.AlignLeft)
        across = QHBoxLayout()
        across.addStretch(1)
        across.addWidget(box, 4)
        across.addStretch(1)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addLayout(across)
        empty_layout.addStretch(2)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.splitter)
        self.pages.setCurrentWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setFocusProxy(self.list)
        self.editor.connect_to(self)
        self._build_items()

    # --- wiring -------------------------------------------------------------------------------------------------

    def set_list_model(self, model: OffersListModel) -> None:
        self.list.setModel(model)
        # A new list of offers clears the selection; the presenter says what to select next, so nothing is sent
        # back while the list is reset.
        model.modelAboutToBeReset.connect(lambda: setattr(self, "_selecting", True))
        model.modelReset.connect(lambda: setattr(self, "_selecting", False))
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list.selectionModel().currentChanged.connect(self._selection_changed)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._fit_list)
        self._fit_list()

    def _fit_list(self) -> None:
        """The list as high as its offers (three to eight rows): the editor below it starts where a person looks."""
        rows = min(max(self.list.model().rowCount(), 3), 8)
        row = self.list.sizeHintForRow(0) if self.list.model().rowCount() else self.list.fontMetrics().height() + 4
        self.list.setFixedHeight(rows * max(row, 1) + 2 * self.list.frameWidth() + 4)

    def set_table_model(self, model: ComparisonTableModel) -> None:
        self._model = model
        self.table.setModel(model)
        self.columns = fit_columns(self.table, COLUMNS)
        self.table.selectionModel().currentChanged.connect(self._cell_chosen)
        for signal in (model.modelReset, model.dataChanged):  # the explanation follows the figure's new value
            signal.connect(lambda *_a: self._cell_chosen(self.table.currentIndex(), QModelIndex()))
        model.dataChanged.connect(lambda *_a: self.columns.measure())  # new figures, perhaps wider

    def set_leave_model(self, model: LeaveTableModel) -> None:
        self.leave.set_model(model)

    def _selection_changed(self, *_args: object) -> None:
        if self._selecting:
            return
        model = self.list.selectionModel()
        current = self.list.currentIndex()
        rows = sorted(model.selectedRows(), key=lambda i: i.row())
        ids = [self.list.model().data(i, Qt.ItemDataRole.UserRole) for i in rows]
        current_id = self.list.model().data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        self.selection_changed.emit(current_id, ids)

    def _cell_chosen(self, index: QModelIndex, _previous: QModelIndex) -> None:
        text = index.data(EXPLAIN_ROLE) if index.isValid() else None
        self.explain.setText(text or EXPLAIN_HINT)

    # --- the table as tall as its rows, the chart below it the rest ------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.years_split and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._fit_split()
        return super().eventFilter(watched, event)

    def _fit_split(self) -> None:
        """The table and its explanation as tall as their rows (all of them when they fit), leaving the chart at
        least CHART_SHARE of the height; the user's own drag of the handle is kept."""
        total = self.years_split.height()
        if self._user_split or total <= 0:
            return
        table = self.table
        rows = table.verticalHeader().length() + table.horizontalHeader().height() + 2 * table.frameWidth()
        if table.horizontalScrollBar().isVisible():
            rows += table.horizontalScrollBar().height()
        width = self.years_split.width()
        wanted = rows + self.explain.heightForWidth(width) + 6
        chart = max(self.plot.minimumHeight() + self.key.heightForWidth(width) + 6, round(total * CHART_SHARE))
        top = max(min(wanted, total - chart), 80)
        self.years_split.setSizes([top, total - top])

    # --- OffersView ---------------------------------------------------------------------------------------------

    def set_matches(self, choices: Sequence[Choice]) -> None:
        self.editor.set_choices(self.match, choices)

    def set_locations(self, choices: Sequence[Choice]) -> None:
        self.editor.set_choices(self.location, choices)

    def set_baselines(self, choices: Sequence[Choice], current: str) -> None:
        self.headline.set_baselines(choices, current)

    def show_empty(self, empty: bool) -> None:
        page = self.empty if empty else self.splitter
        if self.pages.currentWidget() is page:
            return
        had_focus = self.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        self.pages.setCurrentWidget(page)
        self.setFocusProxy(self.empty_add if empty else self.list)
        if had_focus:
            (self.empty_add if empty else self.fields["employer_name"].edit).setFocus()

    def select_offers(self, current: str | None, selected: Sequence[str]) -> None:
        model = self.list.model()
        if model is None:
            return
        self._selecting = True
        try:
            selection = QItemSelection()
            rows = {r for i in selected if (r := model.row_of(i)) >= 0}  # type: ignore[attr-defined]
            for r in rows:
                selection.select(model.index(r, 0), model.index(r, 0))
            flags = QItemSelectionModel.SelectionFlag
            sm = self.list.selectionModel()
            sm.select(selection, flags.ClearAndSelect)
            row = model.row_of(current) if current is not None else -1  # type: ignore[attr-defined]
            if row >= 0:
                sm.setCurrentIndex(model.index(row, 0), flags.NoUpdate)
            else:  # a new offer is being typed: choosing any offer of the list again leaves it
                sm.clearCurrentIndex()
        finally:
            self._selecting = False

    def show_form(self, form: OfferForm) -> None:
        self.editor.show_form(form)
        has_offer = form.enabled and not form.draft
        self.duplicate_button.setEnabled(has_offer)
        self.delete_button.setEnabled(form.enabled)

    def show_field_error(self, key: str, message: str) -> None:
        if key in self.fields:
            self.fields[key].set_error(message)

    def show_comparison(self, comparison: Comparison) -> None:
        self._comparison = comparison
        self.comparison_note.setText(comparison.note)
        self.comparison_note.setVisible(bool(comparison.note))
        self.article.setPlainText("\n".join(comparison.article))
        self.headline.show_headlines(comparison.headlines, {job.key: job.name for job in comparison.jobs})
        self._draw()
        self._fit_split()

    def show_leaving(self, leaving: LeavingView) -> None:
        self.leave.show_leaving(leaving)

    # --- drawing ------------------------------------------------------------------------------------------------

    @property
    def bars(self) -> dict[str, pg.BarGraphItem]:
        return self.chart.bars

    def restyle(self) -> None:
        self._build_items()
        self._draw()
        self.leave.restyle()

    def _build_items(self) -> None:
        self.key.setText(self.chart.build())
        self.year_labels = self.chart.year_labels
        self.editor.restyle()

    def bar_positions(self) -> list[tuple[int, int, float]]:
        """(column, year, x) of every bar."""
        return self.chart.positions()

    def _draw(self) -> None:
        self.chart.draw(self._comparison)

    def export_caption(self) -> tuple[str, str, str, str]:
        """An exported chart's title, caption, source and key (views.export_render.ChartCaption's fields)."""
        return (*export_caption(self._comparison), self.chart.full_key())

    # --- hover: the figure under the mouse, as the table explains it ----------------------------------------------

    def _hover(self, pos: QPointF) -> None:
        point = self.plot.getPlotItem().vb.mapSceneToView(pos)
        self.hover_text = self.text_at(point.x(), point.y())
        self.plot.setToolTip(plain_tooltip(self.hover_text))

    def text_at(self, x: float, y: float) -> str:
        """The explanation of the figure under (x, y): the table's own words for that job, year and component."""
        model = self._model
        if model is None:
            return ""
        for c, year, bx in self.bar_positions():
            if abs(x - bx) > BAR / 2:
                continue
            key = self._comparison.columns[c].key
            rows = {model.row_key(r): r for r in range(model.rowCount())}
            bottom = 0.0
            for comp in COMPONENTS:
                height = self._comparison.columns[c].years[year - 1][comp].value
                if height > 0 and bottom <= y <= bottom + height and (key, comp) in rows:
                    return model.explanation(rows[(key, comp)], year)
                bottom += height
            return model.explanation(rows[(key, "total")], year) if (key, "total") in rows else ""
        return ""
