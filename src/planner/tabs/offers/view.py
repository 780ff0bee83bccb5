"""The "Offers" tab: the user's job offers with an editor, and their first four years stacked by component beside
the current job (chart and table side by side), with the article's figures for matched employers and industries."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.domain.offers import OFFER_YEARS
from planner.domain.text import escape, plain_tooltip
from planner.presenters.choices import Choice
from planner.tabs.offers.form import VESTING_CHOICES, OfferForm
from planner.tabs.offers.models import (
    ASSUMED,
    COMPONENT_NAMES,
    COMPONENTS,
    EXPLAIN_ROLE,
    REFRESHER_DEFAULT,
    Comparison,
    ComparisonTableModel,
    OffersListModel,
    export_caption,
)
from planner.views.charts import CurrencyAxis, PointLabel, PointLabels, one_tab_stop, read_only_table, style_plot
from planner.views.plain import error_label, plain_label
from planner.views.theme import error_color, is_dark

BAR = 0.8
GROUP = OFFER_YEARS + 1  # bars of one job, then a gap
# Alt keys of the tab (the window's are the tabs' and menus' letters): each used once, tests check it.
FIELD_LABELS = {
    "employer_name": "Employer &name",
    "base": "&Base salary ($ a year)",
    "bonus_percent": "Target bon&us (% of base)",
    "sign_on": "Sign-&on bonus ($)",
    "equity_grant": "E&quity grant ($, whole grant)",
    "custom_vesting": "Custo&m yearly %",
    "refresher_percent": "&Refreshers (% of grant a year)",
}
FIELD_HINTS = {
    "employer_name": "Free text: shown as you type it.",
    "base": "Your entry, e.g. 180,000 or 180k.",
    "bonus_percent": "Your entry: the bonus the offer targets.",
    "sign_on": "Your entry: paid in year 1; 0 if none.",
    "equity_grant": "Your entry: the grant's value when offered.",
    "custom_vesting": "One percentage a year, e.g. 5, 15, 40, 40 (adds up to 100).",
    "refresher_percent": f"An assumption (default {REFRESHER_DEFAULT:g} %): new grants from year 2.",
}


def component_colors(dark: bool) -> dict[str, QColor]:
    """Okabe and Ito's colour-blind-safe set; refreshers are equity's colour, hatched (an assumption). Vermillion
    is kept for "you" on every tab."""
    return {
        "base": QColor("#56b4e9") if dark else QColor("#0072b2"),
        "bonus": QColor("#3cc4a0") if dark else QColor("#009e73"),
        "sign_on": QColor("#e6a700") if dark else QColor("#b07800"),
        "equity": QColor("#e69acb") if dark else QColor("#a8508a"),
        "refreshers": QColor("#e69acb") if dark else QColor("#a8508a"),
    }


class OfferField(QWidget):
    """A line edit with what it is beside it and, under it, the message when the input is refused."""

    def __init__(self, key: str, label: str, hint: str) -> None:
        super().__init__()
        self.key = key
        self.edit = QLineEdit()
        self.edit.setObjectName(f"offer_{key}")
        self.edit.setAccessibleName(label.replace("&", ""))
        self.edit.setAccessibleDescription(hint)
        self.hint = plain_label(hint)
        self.hint.setObjectName(f"offerHint_{key}")
        self.hint.setWordWrap(True)
        self.error = error_label(f"offerError_{key}")  # recoloured for the theme in OffersTab._build_items
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.edit.setAccessibleDescription(message or self.hint.text())


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
    match_chosen = Signal(str)

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
        self.list.setMinimumHeight(70)
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

        # --- the editor
        self.form_title = plain_label()
        self.form_title.setObjectName("offerFormTitle")
        font = self.form_title.font()
        font.setBold(True)
        self.form_title.setFont(font)
        self.form_note = plain_label()
        self.form_note.setObjectName("offerFormNote")
        self.form_note.setWordWrap(True)
        self.fields: dict[str, OfferField] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: a narrow panel
        for key in ("employer_name", "base", "bonus_percent", "sign_on", "equity_grant"):
            self._add_field(form, key)
        self.vesting = QComboBox()
        self.vesting.setObjectName("offerVesting")
        self.vesting.setAccessibleName("Vesting schedule")
        for choice in VESTING_CHOICES:
            self.vesting.addItem(choice.label, choice.value)
        self.vesting.activated.connect(lambda i: self.vesting_chosen.emit(self.vesting.itemData(i)))
        vesting_label = QLabel("Ves&ting")
        vesting_label.setBuddy(self.vesting)
        form.addRow(vesting_label, self.vesting)
        self._add_field(form, "custom_vesting")
        self._add_field(form, "refresher_percent")
        self.match = QComboBox()
        self.match.setObjectName("offerMatch")
        self.match.setAccessibleName("Compare with the article's employer or industry")
        self.match.activated.connect(lambda i: self.match_chosen.emit(self.match.itemData(i) or ""))
        match_label = QLabel("Compare &with the article's")
        match_label.setBuddy(self.match)
        form.addRow(match_label, self.match)
        for combo in (self.vesting, self.match):  # long choices never widen the panel
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.scenario_button = QPushButton("Ma&ke a scenario of this offer")
        self.scenario_button.setObjectName("offerScenario")
        self.scenario_button.setAccessibleName("Start a scenario from this offer (drawn on the Projection tab)")
        self.scenario_button.clicked.connect(self.scenario_requested)
        self._form_widgets = [
            *(f.edit for f in self.fields.values()),
            self.vesting,
            self.match,
            self.scenario_button,
            self.duplicate_button,
            self.delete_button,
        ]

        editor = QWidget()
        editor.setObjectName("offerEditor")
        left = QVBoxLayout(editor)
        left.addWidget(list_label)
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        left.addWidget(self.form_title)
        left.addWidget(self.form_note)
        left.addLayout(form)
        left.addWidget(self.scenario_button)
        left.addStretch(0)
        scroll = QScrollArea()
        scroll.setObjectName("offerEditorScroll")
        scroll.setWidget(editor)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setMinimumWidth(300)

        # --- the comparison
        self.comparison_note = plain_label()
        self.comparison_note.setObjectName("offersNote")
        self.comparison_note.setWordWrap(True)
        self.comparison_note.setAccessibleName("About the comparison")
        self.plot = pg.PlotWidget(axisItems={"left": CurrencyAxis("left")})
        self.plot.setObjectName("offersChart")
        self.plot.setAccessibleName("Total compensation of each year by component chart")
        one_tab_stop(self.plot)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table carries the same figures for the keyboard
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumSize(260, 180)
        self.plot.setAntialiasing(False)
        self.plot.getPlotItem().showGrid(x=False, y=True, alpha=0.25)
        self.plot.getPlotItem().setLabel("left", "Total compensation (USD a year)")
        self.plot.getPlotItem().getAxis("left").setWidth(64)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.key = QLabel()
        self.key.setObjectName("offersChartKey")
        self.key.setWordWrap(True)
        self.key.setAccessibleName("Chart key")
        self.table = read_only_table("offersTable", "Each year's compensation by component, offers and current job")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumWidth(280)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.explain = plain_label("Select a figure in the table to see what it is and how it is made.")
        self.explain.setObjectName("offersExplain")
        self.explain.setWordWrap(True)
        self.explain.setAccessibleName("What the selected figure is")
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.article = QPlainTextEdit()
        self.article.setObjectName("offersArticle")
        self.article.setAccessibleName("The article's figures for the matched employers and industries, with sources")
        self.article.setReadOnly(True)
        self.article.setTabChangesFocus(True)
        self.article.setFixedHeight(self.article.fontMetrics().lineSpacing() * 5 + 12)

        chart = QWidget()
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.plot, 1)
        chart_layout.addWidget(self.key)
        side = QSplitter(Qt.Orientation.Horizontal)
        side.setObjectName("offersChartSplitter")
        side.addWidget(chart)
        side.addWidget(self.table)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 1)
        side.setSizes([500, 500])  # the chart and the table share the width at first
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.comparison_note)
        right_layout.addWidget(side, 1)
        right_layout.addWidget(self.explain)
        article_label = plain_label("The article's figures, with their sources:")
        right_layout.addWidget(article_label)
        right_layout.addWidget(self.article)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("offersSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([300, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.setFocusProxy(self.list)
        self._build_items()

    def _add_field(self, form: QFormLayout, key: str) -> None:
        row = OfferField(key, FIELD_LABELS[key], FIELD_HINTS[key])
        label = QLabel(FIELD_LABELS[key])  # above its field (the form wraps every row): one line
        label.setBuddy(row.edit)
        row.edit.textEdited.connect(lambda text, k=key: self.field_edited.emit(k, text))
        row.edit.editingFinished.connect(lambda k=key, e=row.edit: self.field_committed.emit(k, e.text()))
        form.addRow(label, row)
        self.fields[key] = row

    # --- wiring -------------------------------------------------------------------------------------------------

    def set_list_model(self, model: OffersListModel) -> None:
        self.list.setModel(model)
        # A new list of offers clears the selection; the presenter says what to select next, so nothing is sent
        # back while the list is reset.
        model.modelAboutToBeReset.connect(lambda: setattr(self, "_selecting", True))
        model.modelReset.connect(lambda: setattr(self, "_selecting", False))
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list.selectionModel().currentChanged.connect(self._selection_changed)

    def set_table_model(self, model: ComparisonTableModel) -> None:
        self._model = model
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentChanged.connect(self._cell_chosen)
        for signal in (model.modelReset, model.dataChanged):  # the explanation follows the figure's new value
            signal.connect(lambda *_a: self._cell_chosen(self.table.currentIndex(), QModelIndex()))

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
        self.explain.setText(text or "Select a figure in the table to see what it is and how it is made.")

    # --- OffersView ---------------------------------------------------------------------------------------------

    def set_matches(self, choices: Sequence[Choice]) -> None:
        self.match.clear()
        for choice in choices:
            self.match.addItem(choice.label, choice.value)

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
        self.form_title.setText(form.title)
        self.form_note.setText(form.note)
        for key, row in self.fields.items():
            text = form.texts.get(key, "")
            if row.edit.text() != text:
                row.edit.setText(text)
            row.set_error(form.errors.get(key, ""))
        self.vesting.setCurrentIndex(max(self.vesting.findData(form.vesting), 0))
        self.match.setCurrentIndex(max(self.match.findData(form.match), 0))
        self.fields["custom_vesting"].edit.setEnabled(form.enabled and form.vesting == "custom")
        for widget in (*(f.edit for f in self.fields.values() if f.key != "custom_vesting"), self.vesting, self.match):
            widget.setEnabled(form.enabled)
        has_offer = form.enabled and not form.draft
        for widget in (self.scenario_button, self.duplicate_button):
            widget.setEnabled(has_offer)
        self.delete_button.setEnabled(form.enabled)

    def show_field_error(self, key: str, message: str) -> None:
        if key in self.fields:
            self.fields[key].set_error(message)

    def show_comparison(self, comparison: Comparison) -> None:
        self._comparison = comparison
        self.comparison_note.setText(comparison.note)
        self.comparison_note.setVisible(bool(comparison.note))
        self.article.setPlainText("\n".join(comparison.article))
        self._draw()

    # --- drawing ------------------------------------------------------------------------------------------------

    def restyle(self) -> None:
        self._build_items()
        self._draw()

    def _build_items(self) -> None:
        colors = style_plot(self.plot)
        self._foreground = colors["foreground"]
        dark = is_dark()
        self._component_colors = component_colors(dark)
        item = self.plot.getPlotItem()
        item.clear()
        self.bars: dict[str, pg.BarGraphItem] = {}
        for comp in COMPONENTS:
            color = self._component_colors[comp]
            brush = pg.mkBrush(color)
            if comp == "refreshers":
                brush.setStyle(Qt.BrushStyle.BDiagPattern)  # hatched: an assumption
            bars = pg.BarGraphItem(x=[], height=[], width=BAR, brush=brush, pen=pg.mkPen(color.darker(130)))
            item.addItem(bars)
            self.bars[comp] = bars
        self.year_labels = PointLabels([], colors["foreground"])
        item.addItem(self.year_labels)
        err = error_color(dark).name()
        for row in self.fields.values():
            row.error.setStyleSheet(f"color: {err};")
        swatches = []
        for comp in COMPONENTS:
            hex_color = self._component_colors[comp].name()
            mark = f" {ASSUMED}" if comp == "refreshers" else ""
            swatches.append(
                f'<span style="color:{hex_color}">{"▨" if comp == "refreshers" else "■"}</span>&nbsp;'
                f"{escape(COMPONENT_NAMES[comp])}{mark}"
            )
        self.key.setText(
            " &nbsp; ".join(swatches) + f"<br>Bars: years 1–{OFFER_YEARS} of each job. {ASSUMED} rests on an "
            "assumption: refreshers, and the current job's bonus and equity (Projection tab)."
        )

    def bar_positions(self) -> list[tuple[int, int, float]]:
        """(column, year, x) of every bar."""
        return [
            (c, year, float(c * GROUP + year - 1))
            for c in range(len(self._comparison.columns))
            for year in range(1, OFFER_YEARS + 1)
        ]

    def _draw(self) -> None:
        columns = self._comparison.columns
        positions = self.bar_positions()
        bottoms = [0.0] * len(positions)
        for comp in COMPONENTS:
            heights = [columns[c].years[year - 1][comp].value for c, year, _x in positions]
            self.bars[comp].setOpts(x=[x for *_r, x in positions], y0=list(bottoms), height=heights)
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        top = max(bottoms, default=0.0) or 1.0
        self.year_labels.labels = [
            PointLabel(x, total, f"Y{year}", (0.5, 1)) for (_c, year, x), total in zip(positions, bottoms, strict=True)
        ]
        self.year_labels.prepareGeometryChange()
        self.year_labels.update()
        item = self.plot.getPlotItem()
        ticks = [(c * GROUP + (OFFER_YEARS - 1) / 2, _short(col.name)) for c, col in enumerate(columns)]
        item.getAxis("bottom").setTicks([ticks])
        item.setXRange(-0.7, max(len(columns) * GROUP - 1.3, 3.7), padding=0)
        item.setYRange(0, top * 1.12, padding=0)

    def export_caption(self) -> tuple[str, str, str, str]:
        """An exported chart's title, caption, source and key (views.export_render.ChartCaption's fields)."""
        return (*export_caption(self._comparison), self.key.text())

    # --- hover: the figure under the mouse, as the table explains it ----------------------------------------------

    def _hover(self, pos: QPointF) -> None:
        point = self.plot.getPlotItem().vb.mapSceneToView(pos)
        self.hover_text = self.text_at(point.x(), point.y())
        self.plot.setToolTip(plain_tooltip(self.hover_text))

    def text_at(self, x: float, y: float) -> str:
        model = self._model
        if model is None:
            return ""
        for c, year, bx in self.bar_positions():
            if abs(x - bx) <= BAR / 2:
                bottom = 0.0
                for i, comp in enumerate(COMPONENTS):
                    height = self._comparison.columns[c].years[year - 1][comp].value
                    if height > 0 and bottom <= y <= bottom + height:
                        return model.explanation((year - 1) * (len(COMPONENTS) + 1) + i, c)
                    bottom += height
                total_row = (year - 1) * (len(COMPONENTS) + 1) + len(COMPONENTS)
                return model.explanation(total_row, c)
        return ""


def _short(name: str, limit: int = 22) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
