"""The checks that span a whole dataset: ids unique, experience bands in order, references that resolve.

They run on the raw JSON (dicts and lists as ``json.loads`` gives them), skipping whatever has the wrong shape,
so they report every problem they find even when some fields of the file are broken: the field errors and these
are listed together, all at once. ``Dataset`` runs the same function on itself, so the rules live in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

Problem = tuple[str, str]  # (field path, reason)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _id(item: Any, fallback: int) -> str:
    value = _dict(item).get("id")
    return value if isinstance(value, str) else str(fallback)


def _int(value: Any) -> int | None:
    return value if type(value) is int else None


def _years(min_years: int, max_years: int | None) -> str:
    return f"{min_years}+ years" if max_years is None else f"{min_years}–{max_years} years"


def _sourced(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, item) of every part that names sources and a unit, as ``Dataset.sourced_items`` walks them."""
    overall = _dict(data.get("overall"))
    yield "overall.base_range", _dict(overall.get("base_range"))
    yield "overall.experienced_ceiling", _dict(overall.get("experienced_ceiling"))
    for m, sk in enumerate(_list(data.get("general_skills"))):
        yield f"general_skills.{_id(sk, m)}", _dict(sk)
    for n, lv in enumerate(_list(data.get("levels"))):
        lv_id, lv = _id(lv, n), _dict(lv)
        yield f"levels.{lv_id}.range", _dict(lv.get("range"))
        if lv.get("average") is not None:
            yield f"levels.{lv_id}.average", _dict(lv.get("average"))
        for m, sk in enumerate(_list(lv.get("skills"))):
            yield f"levels.{lv_id}.skills.{_id(sk, m)}", _dict(sk)
        for m, o in enumerate(_list(lv.get("outcomes"))):
            yield f"levels.{lv_id}.outcomes.{_id(o, m)}", _dict(o)
    for n, ind in enumerate(_list(data.get("industries"))):
        yield f"industries.{_id(ind, n)}.average", _dict(_dict(ind).get("average"))
    for n, emp in enumerate(_list(data.get("employers"))):
        yield f"employers.{_id(emp, n)}.pay", _dict(_dict(emp).get("pay"))
    outlook = _dict(data.get("outlook"))
    yield "outlook.job_growth", _dict(outlook.get("job_growth"))
    yield "outlook.market_size", _dict(outlook.get("market_size"))
    for n, c in enumerate(_list(data.get("conflicts"))):
        for m, fig in enumerate(_list(_dict(c).get("figures"))):
            yield f"conflicts.{_id(c, n)}.figures.{m}", _dict(fig)


def cross_problems(raw: Any) -> list[Problem]:
    """Every problem across the dataset ``raw`` (parsed JSON), in file order; empty when there is none."""
    data = _dict(raw)
    levels = [_dict(lv) for lv in _list(data.get("levels"))]
    problems: list[Problem] = []

    def ids(items: list[Any]) -> list[str]:
        return [i for i in (_dict(item).get("id") for item in items) if isinstance(i, str)]

    groups = {
        "units": ids(_list(data.get("units"))),
        "sources": ids(_list(data.get("sources"))),
        "levels": ids(levels),
        "skills": ids(_list(data.get("general_skills"))) + [i for lv in levels for i in ids(_list(lv.get("skills")))],
        "outcomes": [i for lv in levels for i in ids(_list(lv.get("outcomes")))],
        "industries": ids(_list(data.get("industries"))),
        "employers": ids(_list(data.get("employers"))),
        "conflicts": ids(_list(data.get("conflicts"))),
    }
    for section, found in groups.items():
        seen: set[str] = set()
        reported: set[str] = set()
        for item_id in found:
            if item_id in seen and item_id not in reported:
                problems.append((section, f"id {item_id!r} is used more than once"))
                reported.add(item_id)
            seen.add(item_id)

    bands = []
    for n, lv in enumerate(levels):
        exp = _dict(lv.get("experience"))
        low, high = _int(exp.get("min_years")), exp.get("max_years")
        if low is not None and (high is None or _int(high) is not None):
            bands.append((_id(lv, n), low, high))
    for (b_id, b_min, b_max), (a_id, a_min, a_max) in pairwise(bands):
        if b_max is None:
            problems.append(("levels", f"{b_id!r} is open-ended but {a_id!r} follows it"))
        elif a_min < b_min:  # before the overlap check: levels out of order need not overlap (0–3 after 5–10)
            problems.append(("levels", f"{a_id!r} starts before {b_id!r}; list levels in order"))
        elif a_min < b_max:
            problems.append(
                (
                    "levels",
                    f"experience of {a_id!r} ({_years(a_min, a_max)}) overlaps {b_id!r} ({_years(b_min, b_max)})",
                )
            )

    sources, units = set(groups["sources"]), set(groups["units"])
    for path, item in _sourced(data):
        for ref in _list(item.get("sources")):
            if isinstance(ref, str) and ref not in sources:
                problems.append((f"{path}.sources", f"unknown source {ref!r}"))
        unit = item.get("unit")
        if isinstance(unit, str) and unit not in units:
            problems.append((f"{path}.unit", f"unknown unit {unit!r}"))
    known_levels = set(groups["levels"])
    for n, c in enumerate(_list(data.get("conflicts"))):
        for ref in _list(_dict(c).get("level_ids")):
            if isinstance(ref, str) and ref not in known_levels:
                problems.append((f"conflicts.{_id(c, n)}.level_ids", f"unknown level {ref!r}"))
    return problems
