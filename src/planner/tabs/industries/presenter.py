"""The "Industries" tab: industries and employers by pay, the user's own, and a comparison of any two.

State kept here: which entry is selected (chart and table share it), whether the employers are shown and which
two entries are compared. The user's industry and employer live in the shared ProfileSession; this presenter
changes them only through ``session.edit`` and redraws whenever the session announces a change, so a choice
made on another tab shows here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from planner.domain.dataset import Dataset
from planner.domain.money import percent, usd
from planner.domain.pay_compare import (
    PayEntry,
    difference,
    employer_entries,
    industry_entries,
    midpoint,
    position_in_range,
    qualifier_caveat,
    worded,
)
from planner.domain.provenance import as_of, source_line
from planner.domain.text import plain_tooltip
from planner.presenters.article import article_source
from planner.presenters.choices import Choice
from planner.presenters.marks import YOU_MARK
from planner.presenters.session import Part, ProfileChange, ProfileSession
from planner.presenters.table import RowsTableModel

GROUP_LABELS = {"industry": "Industry", "employer": "Employer"}
NO_INDUSTRY_LABEL = "Not set (all industries)"
NO_EMPLOYER_LABEL = "None of these"

SORT_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ChartBar:
    key: str
    name: str
    group: str
    amount: int
    label: str
    highlighted: bool
    selected: bool


@dataclass(frozen=True)
class IndustriesChart:
    industries: tuple[ChartBar, ...]
    employers: tuple[ChartBar, ...]  # empty while the employers are hidden
    band: tuple[int, int]
    band_label: str
    midpoint: float
    midpoint_label: str
    industries_title: str
    employers_title: str
    source: str = ""  # where the figures come from, in plain words (an exported chart says it)

    def description(self) -> str:
        """What the chart shows, in words, for a screen reader (the chart's accessible description)."""
        parts = [f"{self.industries_title}: " + "; ".join(f"{b.name} {b.label}" for b in self.industries) + "."]
        if self.employers:
            parts.append(f"{self.employers_title}: " + "; ".join(f"{b.name} {b.label}" for b in self.employers) + ".")
        return " ".join([*parts, f"{self.band_label}.", "The same figures are in the table below the chart."])


class IndustriesView(Protocol):
    def show_chart(self, chart: IndustriesChart) -> None: ...
    def show_choices(
        self, industries: Sequence[Choice], employers: Sequence[Choice], industry: str, employer: str
    ) -> None: ...
    def show_comparison_choices(self, entries: Sequence[Choice], first: str, second: str) -> None: ...
    def show_comparison(self, headline: str, details: str) -> None: ...
    def show_employers_visible(self, visible: bool) -> None: ...
    def show_selection(self, key: str) -> None: ...


def figure_text(entry: PayEntry) -> str:
    """$135,000 (around): the amount, and the article's own word for it when it gives one."""
    q = entry.figure.qualifier
    return f"{usd(entry.amount)} ({q})" if q else usd(entry.amount)


class IndustriesPresenter(QObject):
    def __init__(
        self, dataset: Dataset, session: ProfileSession, view: IndustriesView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._dataset = dataset
        self._session = session
        self._view = view
        self._range = dataset.overall.base_range
        self._midpoint = midpoint(self._range)
        self.industries: tuple[PayEntry, ...] = tuple(industry_entries(dataset))
        self.employers: tuple[PayEntry, ...] = tuple(employer_entries(dataset))
        self._by_key = {e.key: e for e in (*self.industries, *self.employers)}
        profile = session.profile
        self.show_employers = profile.employer is not None and self._known("employer", profile.employer)
        self.selected = self._own_key() or ""
        self.first, self.second = self._default_comparison()
        self.table = IndustriesTableModel(self._table_rows(), parent=self)
        self.table.set_highlighted(self.highlighted_keys())
        self.proxy = EntriesProxyModel(parent=self)
        self.proxy.setSourceModel(self.table)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.set_show_employers(self.show_employers)
        session.subscribe(self, Part.WORKPLACE, self._profile_changed)

    # --- queries -------------------------------------------------------------------------------------------

    def entry(self, key: str) -> PayEntry:
        return self._by_key[key]

    def entries(self) -> tuple[PayEntry, ...]:
        return (*self.industries, *self.employers)

    def highlighted_keys(self) -> set[str]:
        profile = self._session.profile
        keys = set()
        if profile.industry is not None:
            keys.add(f"industry:{profile.industry}")
        if profile.employer is not None:
            keys.add(f"employer:{profile.employer}")
        return keys & self._by_key.keys()

    def overall_range_text(self) -> str:
        return f"{usd(self._range.min)}–{usd(self._range.max)}"

    def midpoint_text(self) -> str:
        return f"{usd(self._midpoint)} (the middle of the {self.overall_range_text()} range)"

    def hover_text(self, key: str) -> str:
        entry = self._by_key.get(key)
        if entry is None:
            return ""
        ds = self._dataset
        qualifier = f" — the article says “{entry.figure.qualifier}”" if entry.figure.qualifier else ""
        yours = " · yours" if key in self.highlighted_keys() else ""
        return (
            f"{entry.name} ({GROUP_LABELS[entry.group].lower()}{yours})\n"
            f"{usd(entry.amount)} a year{qualifier}\n"
            f"{source_line(ds, entry.figure)}\n"
            f"“{entry.figure.quote}”"
        )

    def distance_text(self, entry: PayEntry) -> str:
        """One entry against the overall average range, e.g. 'Amazon $254,000 (highest): $100,000 above the range'."""
        pos = position_in_range(entry.amount, self._range)
        head = f"{entry.name} {figure_text(entry)}"
        if pos.where != "within":
            return f"{head}: {usd(pos.outside_by)} {pos.where} the range"
        if pos.from_midpoint == 0:
            return f"{head}: within the range, at its midpoint"
        side = "above" if pos.from_midpoint > 0 else "below"
        return f"{head}: within the range, {usd(abs(pos.from_midpoint))} {side} its midpoint"

    def distance_heading(self) -> str:
        return (
            f"Against the overall average range {self.overall_range_text()} "
            f"(midpoint {usd(self._midpoint)}, derived as the middle of the range):"
        )

    def comparison(self, first_key: str, second_key: str) -> tuple[str, str]:
        """The comparison readout: a headline, then each entry against the overall average range."""
        a, b = self._by_key.get(first_key), self._by_key.get(second_key)
        if a is None or b is None:
            return "Pick two entries to compare.", ""
        if a.key == b.key:
            return (
                f"Pick a second entry to compare with {a.name}.",
                f"{self.distance_heading()}\n• {self.distance_text(a)}",
            )
        details = f"{self.distance_heading()}\n• {self.distance_text(a)}\n• {self.distance_text(b)}"
        diff = difference(a.amount, b.amount)
        caveat = qualifier_caveat(a, b)
        if diff.same:
            return f"{worded(a)} and {worded(b)} pay the same ({usd(a.amount)}){caveat}", details
        direction = "more" if diff.amount > 0 else "less"
        return (
            f"{worded(a)} pays {usd(abs(diff.amount))} ({percent(abs(diff.fraction))}) {direction} than "
            f"{worded(b)}{caveat}",
            details,
        )

    def chart(self) -> IndustriesChart:
        highlighted = self.highlighted_keys()

        def bar(e: PayEntry) -> ChartBar:
            return ChartBar(
                key=e.key,
                name=e.name,
                group=e.group,
                amount=e.amount,
                label=figure_text(e),
                highlighted=e.key in highlighted,
                selected=e.key == self.selected,
            )

        ds = self._dataset
        return IndustriesChart(
            industries=tuple(bar(e) for e in self.industries),
            employers=tuple(bar(e) for e in self.employers) if self.show_employers else (),
            band=(self._range.min, self._range.max),
            band_label=(
                f"Overall average base salary {self.overall_range_text()} ({ds.source_names(self._range.sources)})"
            ),
            midpoint=self._midpoint,
            midpoint_label=f"midpoint {usd(self._midpoint)} (derived by the app)",
            industries_title="Industries: average pay",
            employers_title="Employers the article names: pay",
            source=article_source(ds),
        )

    # --- intents from the view ----------------------------------------------------------------------------

    def start(self) -> None:
        self._view.show_employers_visible(self.show_employers)
        self._show_choices()
        self._view.show_comparison_choices(
            [Choice(e.key, f"{e.name} ({GROUP_LABELS[e.group].lower()})") for e in self.entries()],
            self.first,
            self.second,
        )
        self._view.show_comparison(*self.comparison(self.first, self.second))
        self._view.show_chart(self.chart())
        self._view.show_selection(self.selected)

    def industry_chosen(self, industry_id: str) -> None:
        """From the combo box; '' clears the choice."""
        self._choose("industry", industry_id or None)

    def employer_chosen(self, employer_id: str) -> None:
        """From the combo box; '' clears the choice."""
        self._choose("employer", employer_id or None)

    def bar_clicked(self, key: str) -> None:
        entry = self._by_key.get(key)
        if entry is not None:
            self._choose(entry.group, entry.entry_id)

    def entry_selected(self, key: str) -> None:
        """A row of the table became current: the chart marks the same entry."""
        key = key if key in self._by_key else ""
        if key == self.selected:
            return
        self.selected = key
        self._view.show_chart(self.chart())
        self._view.show_selection(key)

    def employers_toggled(self, visible: bool) -> None:
        if visible == self.show_employers:
            return
        self.show_employers = visible
        self.proxy.set_show_employers(visible)
        if not visible and self.selected.startswith("employer:"):
            self.selected = ""
        self._view.show_employers_visible(visible)
        self._view.show_chart(self.chart())
        self._view.show_selection(self.selected)

    def comparison_changed(self, first_key: str, second_key: str) -> None:
        self.first, self.second = first_key, second_key
        self._view.show_comparison(*self.comparison(first_key, second_key))

    # --- internals ----------------------------------------------------------------------------------------

    def _known(self, group: str, entry_id: str) -> bool:
        return f"{group}:{entry_id}" in self._by_key

    def _default_comparison(self) -> tuple[str, str]:
        """Your industry against the best-paid other one; with no industry set, the best against the worst."""
        keys = [e.key for e in self.entries()]
        if not keys:
            return "", ""
        industry = self._session.profile.industry
        own = f"industry:{industry}" if industry is not None and self._known("industry", industry) else None
        if own is None:
            first = keys[0]
            second = self.industries[-1].key if len(self.industries) > 1 else keys[-1]
        else:
            first = own
            second = next((k for k in keys if k != own), own)
        return first, second

    def _own_key(self) -> str | None:
        profile = self._session.profile
        if profile.industry is not None and self._known("industry", profile.industry):
            return f"industry:{profile.industry}"
        if profile.employer is not None and self._known("employer", profile.employer):
            return f"employer:{profile.employer}"
        return None

    def _choose(self, group: str, entry_id: str | None) -> None:
        if entry_id is not None:
            key = f"{group}:{entry_id}"
            self.selected = key
            if group == "employer" and not self.show_employers:
                # Show the group so the user sees the bar they just chose.
                self.show_employers = True
                self.proxy.set_show_employers(True)
                self._view.show_employers_visible(True)
        before = self._session.profile
        self._session.edit(f"choose the {group}", initiator=self, **{group: entry_id})
        if self._session.profile == before:
            # No change to announce (same choice again): still show the new selection.
            self._refresh()

    def _profile_changed(self, _change: ProfileChange) -> None:
        self._refresh()

    def _refresh(self) -> None:
        self.table.set_highlighted(self.highlighted_keys())
        self._show_choices()
        self._view.show_chart(self.chart())
        self._view.show_selection(self.selected)

    def _show_choices(self) -> None:
        profile = self._session.profile
        industries = [Choice("", NO_INDUSTRY_LABEL)] + [Choice(e.entry_id, e.name) for e in self.industries]
        employers = [Choice("", NO_EMPLOYER_LABEL)] + [Choice(e.entry_id, e.name) for e in self.employers]
        # An id the data no longer knows stays in the profile and shows as such, so nothing is lost silently.
        if profile.industry is not None and not self._known("industry", profile.industry):
            industries.append(Choice(profile.industry, f"{profile.industry} (not in the current data)"))
        if profile.employer is not None and not self._known("employer", profile.employer):
            employers.append(Choice(profile.employer, f"{profile.employer} (not in the current data)"))
        self._view.show_choices(industries, employers, profile.industry or "", profile.employer or "")

    def _table_rows(self) -> tuple[TableRow, ...]:
        ds = self._dataset
        rows = []
        for e in self.entries():
            pos = position_in_range(e.amount, self._range)
            against = "within" if pos.where == "within" else f"{usd(pos.outside_by)} {pos.where}"
            from_mid = round(pos.from_midpoint)
            rows.append(
                TableRow(
                    key=e.key,
                    name=e.name,
                    group=GROUP_LABELS[e.group],
                    amount=e.amount,
                    qualifier=e.figure.qualifier or "",
                    against_range=against,
                    against_range_sort=pos.signed_distance,
                    from_midpoint=from_mid,
                    source=ds.source_names(e.figure.sources),
                    quote=e.figure.quote,
                    as_of=as_of(ds),
                )
            )
        return tuple(rows)


@dataclass(frozen=True)
class TableRow:
    key: str
    name: str
    group: str
    amount: int
    qualifier: str
    against_range: str
    against_range_sort: int
    from_midpoint: int
    source: str
    quote: str
    as_of: str = ""


def _signed_usd(amount: int) -> str:
    return "±$0" if amount == 0 else ("+" if amount > 0 else "") + usd(amount)


class IndustriesTableModel(RowsTableModel):
    """Read-only: one row per industry and employer. SORT_ROLE gives numbers for the numeric columns."""

    NAME, GROUP, PAY, QUALIFIER, AGAINST_RANGE, FROM_MIDPOINT, SOURCE = range(7)
    HEADERS = (
        "Name",
        "Group",
        "Pay (USD a year)",
        "Article's qualifier",
        "Against overall range",
        "Vs overall midpoint",
        "Source",
    )
    NUMERIC = (PAY, FROM_MIDPOINT)

    def __init__(self, rows: tuple[TableRow, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = rows
        self._highlighted: set[str] = set()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.FROM_MIDPOINT:
            return "Difference from the middle of the overall average range (derived from the range)"
        return None

    def row_at(self, row: int) -> TableRow:
        return self._rows[row]

    def row_of(self, key: str) -> int:
        for i, r in enumerate(self._rows):
            if r.key == key:
                return i
        return -1

    def set_highlighted(self, keys: set[str]) -> None:
        if keys == self._highlighted:
            return
        self._highlighted = set(keys)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.NAME), self.index(len(self._rows) - 1, self.NAME))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            name = row.name
            if row.key in self._highlighted:
                name += f" ({YOU_MARK} your {row.group.lower()})"
            return (
                name,
                row.group,
                usd(row.amount),
                row.qualifier or "—",
                row.against_range,
                _signed_usd(row.from_midpoint),
                row.source,
            )[col]
        if role == SORT_ROLE:
            return (
                row.name.casefold(),
                row.group,
                row.amount,
                row.qualifier.casefold(),
                row.against_range_sort,
                row.from_midpoint,
                row.source.casefold(),
            )[col]
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{row.source}, {row.as_of}: “{row.quote}”")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class EntriesProxyModel(QSortFilterProxyModel):
    """Sorts by SORT_ROLE (numbers stay numbers) and hides the employers while their group is hidden."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show_employers = True

    def set_show_employers(self, visible: bool) -> None:
        if visible == self._show_employers:
            return
        self.beginFilterChange()
        self._show_employers = visible
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        if left.data(SORT_ROLE) != right.data(SORT_ROLE):
            return super().lessThan(left, right)
        # Equal figures list by name, A to Z, whichever way the column is sorted (as the chart does).
        model = self.sourceModel()
        a = str(model.index(left.row(), 0).data())
        b = str(model.index(right.row(), 0).data())
        return a > b if self.sortOrder() == Qt.SortOrder.DescendingOrder else a < b

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._show_employers:
            return True
        model = self.sourceModel()
        key = model.data(model.index(source_row, 0, source_parent), KEY_ROLE)
        return not str(key).startswith("employer:")
