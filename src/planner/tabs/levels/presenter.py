"""The "Salary by level" tab: turns the dataset's levels into rows, chart references and explanations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from planner.domain.dataset import Dataset, Figure, LabelledFigure, Level, SalaryRange
from planner.domain.money import usd
from planner.domain.pay_compare import in_words, wording_note
from planner.domain.projection_basis import today_level_index
from planner.domain.provenance import as_of, date_text
from planner.domain.text import escape, plain_tooltip
from planner.presenters.article import article_source
from planner.presenters.marks import YOU_MARK
from planner.presenters.session import Part, ProfileChange, ProfileSession
from planner.presenters.table import RowsTableModel


@dataclass(frozen=True)
class LevelRow:
    level_id: str
    name: str
    years: str
    years_note: str
    low: int
    high: int
    average: int | None
    range_text: str
    average_text: str
    sources_text: str
    skills: tuple[str, ...]
    conflicts: tuple[str, ...]
    hover_text: str


@dataclass(frozen=True)
class Marker:
    """A figure drawn as a mark on one level's bar, such as a conflicting ceiling."""

    level_index: int
    amount: int
    label: str


@dataclass(frozen=True)
class ReferenceLine:
    amount: int
    label: str


@dataclass(frozen=True)
class YouMark:
    """Where the user stands: the level their years of experience fall in and, when known, their salary."""

    level_index: int
    salary: int | None
    short: str  # beside the mark: "You: $120k"
    text: str  # whole sentence, for the summary, a tooltip and screen readers


@dataclass(frozen=True)
class LevelsChart:
    rows: tuple[LevelRow, ...]
    overall_band: tuple[int, int]
    overall_label: str
    ceiling: ReferenceLine
    markers: tuple[Marker, ...]
    you: YouMark | None = None
    source: str = ""  # where the figures come from, in plain words (an exported chart says it)

    def description(self) -> str:
        """What the chart shows, in words, for a screen reader (the chart's accessible description)."""
        levels = "; ".join(
            f"{r.name} {r.range_text}" + (f", average {r.average_text}" if r.average is not None else "")
            for r in self.rows
        )
        parts = [f"Salary range by level: {levels}.", f"{self.overall_label}.", f"{self.ceiling.label}."]
        if self.markers:
            parts.append("Conflicting figures: " + "; ".join(m.label for m in self.markers) + ".")
        if self.you is not None:
            parts.append(self.you.text)
        return " ".join(parts)


class LevelsView(Protocol):
    def show_chart(self, chart: LevelsChart) -> None: ...
    def show_summary(self, html: str) -> None: ...
    def show_level_details(self, html: str) -> None: ...


def _qualified(fig: Figure, label: str = "") -> str:
    """ "around $150,000"; the qualifier is left out when the label already says it."""
    return in_words(fig, label)


def _conflict_figure(fig: LabelledFigure) -> str:
    """ "Amazon, “leads the pack with highest salary”: $254,000 (the article is ambiguous here: …)"."""
    note = wording_note(fig)
    return f"{fig.label}: {in_words(fig, fig.label)}" + (f" ({note})" if note else "")


def _marker_label(fig: LabelledFigure) -> str:
    """The same on the chart, short: the readings are in the level's details and hover text."""
    return f"{fig.label}: {in_words(fig, fig.label)}" + (" (ambiguous)" if wording_note(fig) else "")


def _range_text(r: SalaryRange) -> str:
    return f"{usd(r.min)} – {usd(r.max)}"


class LevelsPresenter(QObject):
    def __init__(
        self,
        dataset: Dataset,
        view: LevelsView,
        session: ProfileSession | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dataset = dataset
        self._view = view
        self._session = session
        self.rows: tuple[LevelRow, ...] = tuple(self._row(lv) for lv in dataset.levels)
        self.table = LevelsTableModel(self.rows)
        self.table.set_you(self._you_index())
        if session is not None:
            # Your level and salary: where you stand, or the pay history's latest year.
            session.subscribe(self, Part.STANDING | Part.PAY_HISTORY, self.profile_changed)

    def you(self) -> YouMark | None:
        """The user's level today (their choice, or from their years of experience) and salary, or None without a
        profile."""
        if self._session is None:
            return None
        profile = self._session.profile
        ds = self._dataset
        index, chosen = today_level_index(ds, profile)
        level = ds.levels[index]
        years = f"{profile.years_of_experience:g} year{'' if profile.years_of_experience == 1 else 's'}"
        why = "your choice" if chosen else f"{years} of experience"
        text = f"You: {level.name} ({why})"
        today = profile.salary_today()
        if today is None:
            return YouMark(index, None, "You", text + "; enter your base salary on the Projection tab to see it here")
        amount, origin, year = today
        where = "your current base salary" if origin == "current" else f"your pay recorded for {year}"
        return YouMark(index, amount, f"You: ${amount / 1000:.0f}k", f"{text}, {usd(amount)} ({where})")

    def _you_index(self) -> int:
        you = self.you()
        return you.level_index if you is not None else -1

    def profile_changed(self, _change: ProfileChange | None = None) -> None:
        """Years of experience, level or salary moved: redraw the mark and the table's "you"."""
        self.table.set_you(self._you_index())
        self._view.show_summary(self.summary_html())
        self._view.show_chart(self.chart())

    # --- building ------------------------------------------------------------------------------------------

    def _row(self, lv: Level) -> LevelRow:
        ds = self._dataset
        sources = [f"range: {ds.source_names(lv.range.sources)}"]
        if lv.average is not None:
            sources.append(f"average: {ds.source_names(lv.average.sources)}")
        conflicts = tuple(
            f"{c.title} — " + "; ".join(_conflict_figure(f) for f in c.figures) for c in ds.conflicts_for_level(lv.id)
        )
        average_text = _qualified(lv.average) if lv.average else "not given by the article"
        years_note = lv.experience.note if lv.experience.basis == "article" else f"Inferred: {lv.experience.note}"
        lines = [
            f"{lv.name} ({lv.experience.label})",
            f"Range: {_range_text(lv.range)} — {ds.source_names(lv.range.sources)}",
        ]
        if lv.average is not None:
            lines.append(f"Average: {average_text} — {ds.source_names(lv.average.sources)}")
        else:
            lines.append("Average: not given by the article")
        lines.extend(f"⚠ {text}" for text in conflicts)
        if lv.experience.basis == "inferred":
            lines.append(f"Years inferred: {lv.experience.note}")
        lines.append(f"Figures {as_of(ds)} (Help > Data sources)")
        return LevelRow(
            level_id=lv.id,
            name=lv.name,
            years=lv.experience.label + (" (inferred)" if lv.experience.basis == "inferred" else ""),
            years_note=years_note,
            low=lv.range.min,
            high=lv.range.max,
            average=lv.average.amount if lv.average else None,
            range_text=_range_text(lv.range),
            average_text=average_text,
            sources_text="; ".join(sources) + f"; {as_of(ds)}",
            skills=tuple(sk.name for sk in lv.skills),
            conflicts=conflicts,
            hover_text="\n".join(lines),
        )

    def chart(self) -> LevelsChart:
        ds = self._dataset
        base, ceiling = ds.overall.base_range, ds.overall.experienced_ceiling
        markers = []
        for i, lv in enumerate(ds.levels):
            for c in ds.conflicts_for_level(lv.id):
                for f in c.figures:
                    if f.amount > lv.range.max:
                        markers.append(Marker(i, f.amount, _marker_label(f)))
        return LevelsChart(
            rows=self.rows,
            overall_band=(base.min, base.max),
            overall_label=f"Overall average base salary {_range_text(base)} ({ds.source_names(base.sources)})",
            ceiling=ReferenceLine(
                ceiling.amount,
                f"With more experience: {_qualified(ceiling)} ({ds.source_names(ceiling.sources)})",
            ),
            markers=tuple(markers),
            you=self.you(),
            source=article_source(ds),
        )

    def summary_html(self) -> str:
        ds = self._dataset
        base, ceiling = ds.overall.base_range, ds.overall.experienced_ceiling
        growth, market = ds.outlook.job_growth, ds.outlook.market_size
        growth_q = f"{growth.qualifier} " if growth.qualifier else ""
        # The article's own verb when it has one ("might cross"): never "reaches might cross".
        market_verb = market.qualifier or "reaches"
        return (
            f"<b>Average base salary:</b> {_range_text(base)} a year "
            f"<i>({escape(ds.source_names(base.sources))})</i>; {escape(_qualified(ceiling))} with more experience "
            f"<i>({escape(ds.source_names(ceiling.sources))})</i>.<br>"
            f"<b>Outlook:</b> AI and ML jobs grow by {escape(growth_q)}{growth.percent:g}% in the "
            f"{escape(growth.horizon)} <i>({escape(ds.source_names(growth.sources))})</i>; the global ML market "
            f"{escape(market_verb)} ${market.amount / 1e9:g} billion by {market.by_year} "
            f"<i>({escape(ds.source_names(market.sources))})</i>.<br>"
            f"<small>Figures in USD per year, United States, read from “{escape(ds.document.title)}” "
            f"on {date_text(ds.document.read_on)}. The article says “base salary” only of the overall "
            f"{_range_text(base)} range; the app reads its other figures as base salary too (an assumption: the "
            "article does not say).</small>"
        )

    def details_html(self, index: int) -> str:
        if not 0 <= index < len(self.rows):
            return "Select a level to see the skills the article expects."
        row = self.rows[index]
        skills = "".join(f"<li>{escape(s)}</li>" for s in row.skills)
        conflicts = "".join(f"<p>⚠ <b>The article contradicts itself:</b> {escape(c)}</p>" for c in row.conflicts)
        return (
            f"<h3>{escape(row.name)}</h3>"
            f"<p>{escape(row.years_note)}</p>"
            f"<p><b>Range</b> {row.range_text} · <b>Average</b> {escape(row.average_text)}<br>"
            f"<small>Sources — {escape(row.sources_text)}</small></p>"
            f"{conflicts}"
            f"<p><b>Skills the article expects ({len(row.skills)})</b></p><ul>{skills}</ul>"
        )

    # --- intents from the view ----------------------------------------------------------------------------

    def start(self) -> None:
        self._view.show_summary(self.summary_html())
        self._view.show_chart(self.chart())
        self._view.show_level_details(self.details_html(0))

    def level_selected(self, index: int) -> None:
        self._view.show_level_details(self.details_html(index))

    def hover_text(self, index: int) -> str:
        return self.rows[index].hover_text if 0 <= index < len(self.rows) else ""


class LevelsTableModel(RowsTableModel):
    """Read-only table of the levels: one row per level, the figures and where they come from."""

    HEADERS = ("Level", "Experience", "Salary range", "Average", "Sources", "Skills expected")

    def __init__(self, rows: tuple[LevelRow, ...]) -> None:
        super().__init__()
        self._rows = rows
        self._you = -1

    def set_you(self, index: int) -> None:
        """Mark the user's level in the Level column ("Mid ★ you")."""
        if index == self._you:
            return
        old, self._you = self._you, index
        for row in (old, index):
            if 0 <= row < len(self._rows):
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def row_at(self, row: int) -> LevelRow:
        return self._rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{row.name} {YOU_MARK} you" if index.row() == self._you else row.name,
                row.years,
                row.range_text,
                row.average_text,
                row.sources_text,
                ", ".join(row.skills),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 1:
                return plain_tooltip(row.years_note)
            if col == 5:
                return plain_tooltip("\n".join(row.skills))
            return plain_tooltip(row.hover_text)
        if role == Qt.ItemDataRole.UserRole:
            return (row.name, row.level_id, row.low, row.average, row.sources_text, row.skills)[min(col, 5)]
        return None
