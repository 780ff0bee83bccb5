"""What changes between two datasets: figures up or down (with the amounts), entries added or removed, and every
other field that differs (a renamed source, skill or industry, a changed quote, title, note or list of sources).

Pure (no Qt): the import of a data pack shows this list before the user accepts it. Entries are matched by
their ids (levels, skills, industries, employers, sources, conflicts); figures and texts by their field path. A
field of an entry or figure that was added or removed is not listed again on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Set
from dataclasses import dataclass
from typing import Any, Literal

from planner.domain.dataset import Dataset
from planner.domain.money import usd
from planner.domain.provenance import date_text

ChangeKind = Literal["up", "down", "added", "removed", "changed"]
NumberUnit = Literal["usd", "percent", "years"]

KIND_LABELS: dict[ChangeKind, str] = {
    "up": "Up",
    "down": "Down",
    "added": "Added",
    "removed": "Removed",
    "changed": "Changed",
}


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    path: str  # field path in the dataset, e.g. levels.entry.range.min
    what: str  # readable, e.g. "Entry level: lowest salary"
    old: str  # as shown, "" when added
    new: str  # as shown, "" when removed
    delta: float | None = None  # new - old, for figures that moved
    unit: NumberUnit = "usd"  # of the figure that moved, for its delta

    @property
    def delta_text(self) -> str:
        """ "+$6,000", "-5 points" (a percentage that moved), "+1 year"; "" when no figure moved."""
        if self.delta is None:
            return ""
        sign = "+" if self.delta > 0 else ""
        return sign + (_count(self.delta, "point") if self.unit == "percent" else _number_text(self.delta, self.unit))


@dataclass(frozen=True)
class DatasetDiff:
    changes: tuple[Change, ...]

    @property
    def empty(self) -> bool:
        return not self.changes

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    def summary(self) -> str:
        """ "3 figures up, 1 figure down, 2 added, 1 removed, 1 other change" (only the non-zero parts)."""
        if self.empty:
            return "No changes."
        parts = []
        kinds: tuple[tuple[ChangeKind, str], ...] = (
            ("up", "figure{} up"),
            ("down", "figure{} down"),
            ("added", "added"),
            ("removed", "removed"),
            ("changed", "other change{}"),
        )
        for kind, text in kinds:
            count = self.count(kind)
            if count:
                parts.append(f"{count} " + text.format("s" if count != 1 else ""))
        return ", ".join(parts) + "."


def _count(value: float, word: str) -> str:
    """ "1 year", "-1 year", "2 years"."""
    return f"{value:g} {word}" + ("" if abs(value) == 1 else "s")


def _number_text(value: float, unit: NumberUnit, qualifier: str | None = None) -> str:
    if unit == "usd":
        text = usd(value)
    elif unit == "percent":
        text = f"{value:g}%"
    else:
        text = _count(value, "year")
    return f"{qualifier} {text}" if qualifier else text


def _numbers(ds: Dataset) -> dict[str, tuple[str, float, NumberUnit, str | None]]:
    """path -> (readable name, value, unit, the source's qualifier)."""
    out: dict[str, tuple[str, float, NumberUnit, str | None]] = {}
    base = ds.overall.base_range
    out["overall.base_range.min"] = ("Overall average base salary: low end", base.min, "usd", None)
    out["overall.base_range.max"] = ("Overall average base salary: high end", base.max, "usd", None)
    ceiling = ds.overall.experienced_ceiling
    out["overall.experienced_ceiling"] = ("With more experience", ceiling.amount, "usd", ceiling.qualifier)
    for lv in ds.levels:
        p = f"levels.{lv.id}"
        out[f"{p}.range.min"] = (f"{lv.name}: lowest salary", lv.range.min, "usd", None)
        out[f"{p}.range.max"] = (f"{lv.name}: highest salary", lv.range.max, "usd", None)
        if lv.average is not None:
            out[f"{p}.average"] = (f"{lv.name}: average", lv.average.amount, "usd", lv.average.qualifier)
        out[f"{p}.experience.min_years"] = (f"{lv.name}: starts at", lv.experience.min_years, "years", None)
        if lv.experience.max_years is not None:
            out[f"{p}.experience.max_years"] = (f"{lv.name}: ends at", lv.experience.max_years, "years", None)
    for ind in ds.industries:
        out[f"industries.{ind.id}.average"] = (
            f"{ind.name} (industry): average",
            ind.average.amount,
            "usd",
            ind.average.qualifier,
        )
    for emp in ds.employers:
        out[f"employers.{emp.id}.pay"] = (f"{emp.name} (employer): pay", emp.pay.amount, "usd", emp.pay.qualifier)
    growth, market = ds.outlook.job_growth, ds.outlook.market_size
    out["outlook.job_growth"] = (f"Job growth ({growth.horizon})", growth.percent, "percent", growth.qualifier)
    out["outlook.market_size"] = (f"Global ML market by {market.by_year}", market.amount, "usd", market.qualifier)
    for c in ds.conflicts:
        for n, fig in enumerate(c.figures):
            out[f"conflicts.{c.id}.figures.{n}"] = (f"{c.title}: {fig.label}", fig.amount, "usd", fig.qualifier)
    return out


def _entries(ds: Dataset) -> dict[str, str]:
    """path -> readable name of every entry that has an id."""
    out: dict[str, str] = {}
    for sk in ds.general_skills:
        out[f"general_skills.{sk.id}"] = f"Skill (general): {sk.name}"
    for lv in ds.levels:
        out[f"levels.{lv.id}"] = f"Level: {lv.name}"
        for sk in lv.skills:
            out[f"levels.{lv.id}.skills.{sk.id}"] = f"Skill ({lv.name}): {sk.name}"
    for ind in ds.industries:
        out[f"industries.{ind.id}"] = f"Industry: {ind.name}"
    for emp in ds.employers:
        out[f"employers.{emp.id}"] = f"Employer: {emp.name}"
    for src in ds.sources:
        out[f"sources.{src.id}"] = f"Source: {src.name}"
    for c in ds.conflicts:
        out[f"conflicts.{c.id}"] = f"Conflict: {c.title}"
    return out


def _ancestors(path: str) -> Iterator[str]:
    """Every proper prefix of ``path`` that ends where a dot follows, longest first: the paths it lies under.
    Looked up in a set, this keeps the diff linear in the size of the data (ids may hold dots: "entry.python")."""
    end = path.rfind(".")
    while end > 0:
        yield path[:end]
        end = path.rfind(".", 0, end)


def _under(path: str, entries: Set[str]) -> bool:
    return any(prefix in entries for prefix in _ancestors(path))


def _leaves(value: Any, path: str, out: dict[str, Any], skip: Set[str] = frozenset()) -> None:
    """Every scalar of a dumped dataset by field path; list items with an id are keyed by it, lists of plain
    values (source ids) are one leaf. Nothing under a path of ``skip`` (an entry that came or went) is walked."""
    if path in skip:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _leaves(item, f"{path}.{key}" if path else key, out, skip)
    elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        for n, item in enumerate(value):
            key = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else str(n)
            _leaves(item, f"{path}.{key}", out, skip)
    else:
        out[path] = value


def _shown(ds: Dataset, path: str, value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        if path.endswith(".sources"):
            names = {s.id: s.name for s in ds.sources}
            return ", ".join(names[v] for v in value)  # every source reference resolves (dataset_checks)
        return ", ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return date_text(value)  # one form for dates everywhere: "28 November 2026"
    return str(value)


_NUMBER_FIELDS = (".amount", ".percent", ".qualifier")


def _text_changes(
    old: Dataset, new: Dataset, numbers: set[str], entries: dict[str, str], gone: set[str]
) -> list[Change]:
    """Every field that differs and is neither a figure (``numbers``, listed already) nor part of an entry or figure
    that came or went (``gone``)."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    _leaves(old.model_dump(), "", before, gone)  # what came or went is one line already: not walked
    _leaves(new.model_dump(), "", after, gone)
    changes = []
    for path in [*after, *(p for p in before if p not in after)]:
        parent = path.rpartition(".")[0]
        if path in numbers or (path.endswith(_NUMBER_FIELDS) and parent in numbers):
            continue
        if path in ("document.title", "document.read_on") or path in gone or _under(path, gone):
            continue
        was, now = before.get(path), after.get(path)
        if was == now:
            continue
        # the innermost entry (a level's skill, not the level): the longest prefix that is an entry
        owner = next((prefix for prefix in _ancestors(path) if prefix in entries), "")
        what = f"{entries[owner]}: {path[len(owner) + 1 :]}" if owner else path
        changes.append(Change("changed", path, what, _shown(old, path, was), _shown(new, path, now)))
    return changes


def diff_datasets(old: Dataset, new: Dataset) -> DatasetDiff:
    """Everything a user would notice changing from ``old`` to ``new``, in a stable order."""
    changes: list[Change] = []
    if old.document.title != new.document.title:
        changes.append(Change("changed", "document.title", "Document", old.document.title, new.document.title))
    if old.document.read_on != new.document.read_on:
        changes.append(
            Change(
                "changed",
                "document.read_on",
                "Figures read on",
                date_text(old.document.read_on),
                date_text(new.document.read_on),
            )
        )

    old_entries, new_entries = _entries(old), _entries(new)
    added = {p for p in new_entries if p not in old_entries}
    removed = {p for p in old_entries if p not in new_entries}
    for path in new_entries:
        if path in added and not _under(path, added):
            changes.append(Change("added", path, new_entries[path], "", "new"))
    for path in old_entries:
        if path in removed and not _under(path, removed):
            changes.append(Change("removed", path, old_entries[path], "was there", ""))

    old_numbers, new_numbers = _numbers(old), _numbers(new)
    for path, (what, value, unit, qualifier) in new_numbers.items():
        if _under(path, added):
            continue
        before = old_numbers.get(path)
        now = _number_text(value, unit, qualifier)
        if before is None:
            changes.append(Change("added", path, what, "", now))
            continue
        _what, old_value, old_unit, old_qualifier = before
        was = _number_text(old_value, old_unit, old_qualifier)
        if old_value != value:
            kind: ChangeKind = "up" if value > old_value else "down"
            changes.append(Change(kind, path, what, was, now, value - old_value, unit))
        elif was != now:
            changes.append(Change("changed", path, what, was, now))
    for path, (what, value, unit, qualifier) in old_numbers.items():
        if path not in new_numbers and not _under(path, removed):
            changes.append(Change("removed", path, what, _number_text(value, unit, qualifier), ""))
    # A figure that came or went (a level's average, a conflict's figure) is one line, like an entry: its quote,
    # unit and sources are not listed again as other changes.
    gone = added | removed | (old_numbers.keys() ^ new_numbers.keys())
    changes.extend(_text_changes(old, new, set(new_numbers), new_entries | old_entries, gone))
    return DatasetDiff(tuple(changes))
