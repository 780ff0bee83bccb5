"""Older profile formats and how each becomes the next one.

A migration is a pure function from the raw JSON object of version N to the raw object of version N + 1; the
store validates the end result with the current ``Profile`` model. Add one function per new version and never
change a shipped one.

Version 1 (the first format, before ticks had dates)::

    {"schema_version": 1, "ticked": ["entry.python", ...], "years": 3.0, "salary": 95000, "industry": "finance"}

Version 2 added tick dates, the current salary, industry, employer and the projection's assumptions::

    {"schema_version": 2, "skills": {"entry.python": {"ticked_on": "2024-03-01"}}, "years_of_experience": 3.0,
     "current_salary": 95000, "industry": "finance", "employer": null, "assumptions": {"inflation": 0.025, ...}}

Version 3 added ``pay_history`` (calendar year -> base salary).

Version 4 adds ``current_level`` (null: the level the article's years give), the assumptions ``promotion_raise``
and ``skill_pace`` (their defaults when absent), the Market tab's ``market_area`` and ``market_occupation`` (BLS
codes, unset until chosen), and renames the skills the data moved: the article's general "what ML engineers do"
skills are no longer entry-level ones (``SKILL_RENAMES_V4``).

Version 5 adds the learning plan (``plan``: skill id -> month planned), named ``scenarios`` and job ``offers``
(``planner.domain.plans``), all empty in a migrated file, and a tick may keep the month it was planned for.

Version 6 adds ``taxes`` (filing status, the state for taxes, pre-tax retirement share: single, the Market tab's
state, 0 % in a migrated file). It is ``planner.domain.profile.Profile``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from planner.domain.profile import PROFILE_SCHEMA_VERSION


class ProfileV1(BaseModel):
    """The legacy format, read strictly so that a damaged v1 file is quarantined rather than half-migrated."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # built when a format-1 file is read, not at start-up

    schema_version: int = Field(ge=1, le=1)
    ticked: Annotated[list[Annotated[str, Field(min_length=1, max_length=200)]], Field(max_length=10_000)] = []
    years: float | None = None
    salary: int | None = None
    industry: str | None = None


def v1_to_v2(raw: dict[str, Any], known_on: dt.date) -> dict[str, Any]:
    """Version 1 kept no tick dates; each tick gets ``known_on`` (the date the old file was last saved, so the
    skill was ticked on or before it). Field names change to the v2 ones; unknown skill ids are kept."""
    old = ProfileV1.model_validate(raw)
    new: dict[str, Any] = {
        "schema_version": 2,
        "skills": {skill_id: {"ticked_on": known_on.isoformat()} for skill_id in dict.fromkeys(old.ticked)},
    }
    if old.years is not None:
        new["years_of_experience"] = old.years
    if old.salary is not None:
        new["current_salary"] = old.salary
    if old.industry is not None:
        new["industry"] = old.industry
    return new


V2_FIELDS = frozenset(
    {"schema_version", "skills", "years_of_experience", "current_salary", "industry", "employer", "assumptions"}
)


def v2_to_v3(raw: dict[str, Any], known_on: dt.date) -> dict[str, Any]:
    """Version 3 only adds an empty pay history. A v2 file with fields v2 never had is damaged (or written by
    hand) and fails here, so it is quarantined rather than half-migrated; the values are checked by the
    current model afterwards."""
    if raw.get("schema_version") != 2:
        raise ValueError("not a version 2 profile")
    if any(k not in V2_FIELDS for k in raw):  # the user is told "an older format with errors", not which
        raise ValueError("fields a version 2 profile never had")
    return {**raw, "schema_version": 3, "pay_history": {}}


V3_FIELDS = V2_FIELDS | {"pay_history"}

# Skills the data moved between versions 3 and 4: the tick (and its date) follows the skill.
SKILL_RENAMES_V4 = {
    "entry.data-preprocessing": "general.data-preprocessing",
    "entry.feature-engineering": "general.feature-engineering",
    "entry.model-selection": "general.model-selection",
    "entry.deployment": "general.deployment",
}


def v3_to_v4(raw: dict[str, Any], known_on: dt.date) -> dict[str, Any]:
    """Ticks of moved skills follow them (an unknown id is kept as it is, as always); everything else is kept.
    ``current_level`` starts empty (the level the article's years give, as version 3 showed), and so do the
    market area and occupation (the Market tab asks). A v3 file with fields v3 never had is damaged: refused."""
    if raw.get("schema_version") != 3:
        raise ValueError("not a version 3 profile")
    unknown = sorted(str(k) for k in raw if k not in V3_FIELDS)
    if unknown:
        raise ValueError(f"fields a version 3 profile never had: {', '.join(unknown[:5])}")
    skills = raw.get("skills", {})
    if not isinstance(skills, dict):
        raise ValueError("skills is not a mapping")
    renamed: dict[str, Any] = {}
    for skill_id, tick in skills.items():
        new_id = SKILL_RENAMES_V4.get(str(skill_id), str(skill_id))
        if new_id in renamed:  # both the old and the new id ticked: keep the earlier date
            renamed[new_id] = min(renamed[new_id], tick, key=_tick_date)
        else:
            renamed[new_id] = tick
    new = {"current_level": None, "market_area": None, "market_occupation": None}
    return {**raw, "schema_version": 4, "skills": renamed, **new}


V4_FIELDS = V3_FIELDS | {"current_level", "market_area", "market_occupation"}


def v4_to_v5(raw: dict[str, Any], known_on: dt.date) -> dict[str, Any]:
    """Version 5 adds an empty plan, no scenarios and no offers; everything else is kept as it is. A v4 file with
    fields v4 never had is damaged: refused (quarantined), not half-migrated."""
    if raw.get("schema_version") != 4:
        raise ValueError("not a version 4 profile")
    unknown = sorted(str(k) for k in raw if k not in V4_FIELDS)
    if unknown:
        raise ValueError(f"fields a version 4 profile never had: {', '.join(unknown[:5])}")
    return {**raw, "schema_version": 5, "plan": {}, "scenarios": [], "offers": []}


V5_FIELDS = V4_FIELDS | {"plan", "scenarios", "offers"}


def v5_to_v6(raw: dict[str, Any], known_on: dt.date) -> dict[str, Any]:
    """Version 6 adds the inputs of take-home pay at their defaults (single, the Market tab's state, no pre-tax
    retirement contributions); everything else is kept. A v5 file with fields v5 never had is refused."""
    if raw.get("schema_version") != 5:
        raise ValueError("not a version 5 profile")
    unknown = sorted(str(k) for k in raw if k not in V5_FIELDS)
    if unknown:
        raise ValueError(f"fields a version 5 profile never had: {', '.join(unknown[:5])}")
    return {**raw, "schema_version": 6, "taxes": {"filing_status": "single", "state": None, "retirement_share": 0.0}}


def _tick_date(tick: Any) -> str:
    return str(tick.get("ticked_on", "")) if isinstance(tick, dict) else ""


# MIGRATIONS[n] turns version n into version n + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any], dt.date], dict[str, Any]]] = {
    1: v1_to_v2,
    2: v2_to_v3,
    3: v3_to_v4,
    4: v4_to_v5,
    5: v5_to_v6,
}


def migrate(raw: dict[str, Any], version: int, known_on: dt.date) -> dict[str, Any]:
    """Bring a raw profile of an older ``version`` up to the current one (raises pydantic.ValidationError,
    ValueError or KeyError when the old data does not fit its own format)."""
    while version < PROFILE_SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw, known_on)
        version += 1
    return raw
