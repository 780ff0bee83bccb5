"""Older profile formats are backed up, then brought up to date; nothing the user had is dropped."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from planner.domain.profile import PROFILE_SCHEMA_VERSION, Profile, TickedSkill
from planner.storage.profile_migrations import (
    SKILL_RENAMES_V4,
    migrate,
    v1_to_v2,
    v2_to_v3,
    v3_to_v4,
    v4_to_v5,
    v5_to_v6,
)
from planner.storage.profile_store import LoadStatus, ProfileStore

V1 = {
    "schema_version": 1,
    "ticked": ["entry.python", "mid.deep-learning", "gone.cobol", "entry.python"],
    "years": 3.0,
    "salary": 95000,
    "industry": "finance",
}
SAVED_ON = dt.datetime(2023, 11, 5, 12, 0)


def write_v1(folder: Path) -> bytes:
    content = json.dumps(V1, indent=1).encode()
    path = folder / "profile.json"
    path.write_bytes(content)
    stamp = SAVED_ON.timestamp()
    os.utime(path, (stamp, stamp))
    return content


def migrated(data_dir: Path, raw: dict[str, Any], version: int) -> Profile:
    """Write a profile of an older ``version``, load it, and check it was migrated with a byte-exact backup."""
    original = json.dumps(raw, indent=1).encode()
    (data_dir / "profile.json").write_bytes(original)
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.MIGRATED
    assert result.backup == data_dir / f"profile.json.v{version}-backup"
    assert result.backup.read_bytes() == original
    return result.profile


def test_v1_file_is_backed_up_then_migrated_on_disk(data_dir: Path) -> None:
    original = write_v1(data_dir)
    result = ProfileStore(data_dir).load()

    assert result.status is LoadStatus.MIGRATED
    assert result.backup == data_dir / "profile.json.v1-backup"
    assert result.backup.read_bytes() == original
    assert result.message is not None
    assert "profile.json.v1-backup" in result.message
    profile = result.profile
    # Ticks keep their ids (unknown ones too), dated the day the old file was last saved.
    assert profile.skills == {
        "entry.python": TickedSkill(ticked_on=SAVED_ON.date()),
        "mid.deep-learning": TickedSkill(ticked_on=SAVED_ON.date()),
        "gone.cobol": TickedSkill(ticked_on=SAVED_ON.date()),
    }
    assert (profile.years_of_experience, profile.current_salary, profile.industry) == (3.0, 95000, "finance")
    on_disk = json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PROFILE_SCHEMA_VERSION

    again = ProfileStore(data_dir).load()
    assert again.status is LoadStatus.LOADED
    assert again.profile == profile


def test_an_existing_backup_is_never_overwritten(data_dir: Path) -> None:
    (data_dir / "profile.json.v1-backup").write_bytes(b"an older backup")
    original = write_v1(data_dir)
    result = ProfileStore(data_dir).load()
    assert (data_dir / "profile.json.v1-backup").read_bytes() == b"an older backup"
    assert result.backup is not None
    assert result.backup.read_bytes() == original


def test_v1_without_optional_fields_migrates_to_defaults() -> None:
    new = v1_to_v2({"schema_version": 1, "ticked": []}, dt.date(2024, 1, 1))
    assert new == {"schema_version": 2, "skills": {}}


V2 = {
    "schema_version": 2,
    "skills": {"entry.python": {"ticked_on": "2024-03-01"}, "gone.cobol": {"ticked_on": "2023-01-09"}},
    "years_of_experience": 6.5,
    "current_salary": 130000,
    "industry": "finance",
    "employer": None,
    "assumptions": {"inflation": 0.03, "yearly_raise": 0.04, "horizon_years": 20},
}


def test_v2_file_is_backed_up_and_gains_an_empty_pay_history(data_dir: Path) -> None:
    profile = migrated(data_dir, V2, 2)
    assert profile.pay_history == {}
    assert profile.skills["gone.cobol"] == TickedSkill(ticked_on=dt.date(2023, 1, 9))
    assert (profile.years_of_experience, profile.current_salary) == (6.5, 130000)
    assert (profile.assumptions.inflation, profile.assumptions.horizon_years) == (0.03, 20)
    on_disk = json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PROFILE_SCHEMA_VERSION == 6
    assert on_disk["pay_history"] == {}
    assert on_disk["current_level"] is None


def test_v1_is_brought_through_v2_to_v3(data_dir: Path) -> None:
    write_v1(data_dir)
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.MIGRATED
    assert result.profile.pay_history == {}
    assert result.profile.current_salary == 95000
    assert set(result.profile.skills) == {"entry.python", "mid.deep-learning", "gone.cobol"}


def test_a_v2_file_with_fields_v2_never_had_is_quarantined_not_migrated(data_dir: Path) -> None:
    content = json.dumps({**V2, "pay_history": {"2020": 5}}).encode()
    (data_dir / "profile.json").write_bytes(content)
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.QUARANTINED
    assert result.moved_to is not None
    assert result.moved_to.read_bytes() == content
    assert not (data_dir / "profile.json.v2-backup").exists()
    assert result.message is not None
    assert "(it is an older format (version 2) with errors)" in result.message


def test_v2_to_v3_refuses_another_version() -> None:
    with pytest.raises(ValueError, match=r"^not a version 2 profile$"):
        v2_to_v3({"schema_version": 1}, dt.date(2024, 1, 1))
    with pytest.raises(ValueError, match=r"^fields a version 2 profile never had$"):
        v2_to_v3({"schema_version": 2, "pay_history": {}}, dt.date(2024, 1, 1))


# A profile written by the release before the projection model's second version (format 3).
V3 = {
    "schema_version": 3,
    "skills": {
        "entry.python": {"ticked_on": "2025-02-01"},
        "entry.data-preprocessing": {"ticked_on": "2025-03-01"},
        "entry.deployment": {"ticked_on": "2025-04-01"},
        "senior.leadership": {"ticked_on": "2025-05-01"},
    },
    "years_of_experience": 6.0,
    "current_salary": 145000,
    "industry": "finance",
    "employer": None,
    "assumptions": {
        "inflation": 0.02,
        "yearly_raise": 0.04,
        "bonus_percent": 10.0,
        "yearly_equity": 5000,
        "horizon_years": 25,
        "promotion_shift_years": 1.5,
    },
    "pay_history": {"2024": 138000},
}


def test_v3_file_keeps_every_tick_salary_and_assumption_and_moved_skills_follow(data_dir: Path) -> None:
    p = migrated(data_dir, V3, 3)
    assert p.skills == {
        "entry.python": TickedSkill(ticked_on=dt.date(2025, 2, 1)),
        "general.data-preprocessing": TickedSkill(ticked_on=dt.date(2025, 3, 1)),
        "general.deployment": TickedSkill(ticked_on=dt.date(2025, 4, 1)),
        "senior.leadership": TickedSkill(ticked_on=dt.date(2025, 5, 1)),  # no longer a skill: kept, not dropped
    }
    assert (p.years_of_experience, p.current_salary, p.industry, p.current_level) == (6.0, 145000, "finance", None)
    assert (p.market_area, p.market_occupation) == (None, None)  # the Market tab asks
    a = p.assumptions
    assert (a.inflation, a.yearly_raise, a.bonus_percent, a.yearly_equity) == (0.02, 0.04, 10.0, 5000)
    assert (a.horizon_years, a.promotion_shift_years) == (25, 1.5)
    assert (a.promotion_raise, a.skill_pace) == (0.10, 0.25)  # the new assumptions start at their defaults
    assert p.pay_history == {2024: 138000}


def test_v3_to_v4_keeps_the_earlier_tick_when_old_and_new_ids_are_both_there() -> None:
    raw = {
        **V3,
        "skills": {
            "entry.model-selection": {"ticked_on": "2025-06-01"},
            "general.model-selection": {"ticked_on": "2025-01-01"},
        },
    }
    assert v3_to_v4(raw, dt.date(2026, 1, 1))["skills"] == {"general.model-selection": {"ticked_on": "2025-01-01"}}


def test_v3_to_v4_refuses_what_is_not_a_version_3_profile() -> None:
    with pytest.raises(ValueError, match=r"^not a version 3 profile$"):
        v3_to_v4({"schema_version": 2}, dt.date(2026, 1, 1))
    with pytest.raises(ValueError, match=r"^fields a version 3 profile never had: current_level$"):
        v3_to_v4({**V3, "current_level": "mid"}, dt.date(2026, 1, 1))
    six = {**V3, **{f"extra_{c}": 1 for c in "fedcba"}}  # the message names the first five, in order
    with pytest.raises(
        ValueError, match=r"^fields a version 3 profile never had: extra_a, extra_b, extra_c, extra_d, extra_e$"
    ):
        v3_to_v4(six, dt.date(2026, 1, 1))
    with pytest.raises(ValueError, match=r"^skills is not a mapping$"):
        v3_to_v4({**V3, "skills": ["entry.python"]}, dt.date(2026, 1, 1))


def test_every_renamed_skill_exists_in_the_built_in_data(dataset: Any) -> None:
    assert set(SKILL_RENAMES_V4.values()) <= dataset.skill_ids()
    assert not set(SKILL_RENAMES_V4) & dataset.skill_ids()


# A profile written by the release before the learning plan, scenarios and offers (format 4).
V4 = {
    "schema_version": 4,
    "skills": {"mid.deep-learning": {"ticked_on": "2026-02-01"}, "gone.cobol": {"ticked_on": "2024-01-09"}},
    "years_of_experience": 7.5,
    "current_level": "mid",
    "current_salary": 160000,
    "industry": "software-it",
    "employer": "google",
    "assumptions": {
        "inflation": 0.02,
        "yearly_raise": 0.035,
        "bonus_percent": 12.0,
        "yearly_equity": 40000,
        "horizon_years": 15,
        "promotion_shift_years": 1.0,
        "promotion_raise": 0.15,
        "skill_pace": 0.5,
    },
    "pay_history": {"2024": 150000, "2025": 155000},
    "market_area": "0042660",
    "market_occupation": "151252",
}


def test_v4_file_keeps_everything_and_gains_an_empty_plan_no_scenarios_and_no_offers(data_dir: Path) -> None:
    p = migrated(data_dir, V4, 4)
    assert p.skills == {
        "mid.deep-learning": TickedSkill(ticked_on=dt.date(2026, 2, 1)),
        "gone.cobol": TickedSkill(ticked_on=dt.date(2024, 1, 9)),
    }
    assert (p.years_of_experience, p.current_level, p.current_salary) == (7.5, "mid", 160000)
    assert (p.industry, p.employer, p.market_area, p.market_occupation) == (
        "software-it",
        "google",
        "0042660",
        "151252",
    )
    assert p.assumptions.model_dump() == V4["assumptions"]
    assert p.pay_history == {2024: 150000, 2025: 155000}
    assert (p.plan, p.scenarios, p.offers) == ({}, [], [])
    on_disk = json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == 6
    assert (on_disk["plan"], on_disk["scenarios"], on_disk["offers"]) == ({}, [], [])


def test_v4_to_v5_refuses_what_is_not_a_version_4_profile() -> None:
    with pytest.raises(ValueError, match=r"^not a version 4 profile$"):
        v4_to_v5({"schema_version": 3}, dt.date(2026, 1, 1))
    with pytest.raises(ValueError, match=r"^fields a version 4 profile never had: offers, plan$"):
        v4_to_v5({**V4, "plan": {}, "offers": []}, dt.date(2026, 1, 1))
    six = {**V4, **{f"extra_{c}": 1 for c in "fedcba"}}
    with pytest.raises(
        ValueError, match=r"^fields a version 4 profile never had: extra_a, extra_b, extra_c, extra_d, extra_e$"
    ):
        v4_to_v5(six, dt.date(2026, 1, 1))
    # every field version 4 had is accepted
    assert v4_to_v5(V4, dt.date(2026, 1, 1))["market_occupation"] == "151252"


def test_a_v4_file_with_fields_v4_never_had_is_quarantined_not_migrated(data_dir: Path) -> None:
    content = json.dumps({**V4, "scenarios": []}).encode()
    (data_dir / "profile.json").write_bytes(content)
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.QUARANTINED
    assert not (data_dir / "profile.json.v4-backup").exists()


def test_a_v1_file_comes_all_the_way_to_the_current_format() -> None:
    raw = migrate({"schema_version": 1, "ticked": ["entry.python"], "salary": 90000}, 1, dt.date(2024, 5, 6))
    assert raw["schema_version"] == PROFILE_SCHEMA_VERSION
    assert raw["skills"] == {"entry.python": {"ticked_on": "2024-05-06"}}
    assert (raw["current_salary"], raw["plan"], raw["market_area"]) == (90000, {}, None)
    assert migrate(dict(V4), 4, dt.date(2026, 1, 1))["offers"] == []


def test_a_v3_file_whose_moved_tick_is_damaged_is_quarantined_not_half_fixed(data_dir: Path) -> None:
    # Both the old and the new id ticked, the new one damaged: the damaged tick is not silently replaced by the
    # good one (the earlier date wins, and a tick without a date sorts first), so the file is refused as a whole.
    for damaged in ({"note": "no date"}, "yes"):
        skills = {"entry.deployment": {"ticked_on": "2025-06-01"}, "general.deployment": damaged}
        assert v3_to_v4({**V3, "skills": skills}, dt.date(2026, 1, 1))["skills"] == {"general.deployment": damaged}
        content = json.dumps({**V3, "skills": skills}).encode()
        (data_dir / "profile.json").write_bytes(content)
        result = ProfileStore(data_dir).load()
        assert result.status is LoadStatus.QUARANTINED
        assert result.moved_to is not None
        assert result.moved_to.read_bytes() == content


V5 = {**V4, "schema_version": 5, "plan": {}, "scenarios": [], "offers": []}


def test_a_v5_file_gains_the_take_home_inputs_at_their_defaults(data_dir: Path) -> None:
    p = migrated(data_dir, V5, 5)
    assert (p.taxes.filing_status, p.taxes.state, p.taxes.retirement_share) == ("single", None, 0.0)
    assert (p.current_salary, p.market_area) == (160000, "0042660")
    on_disk = json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == 6
    assert on_disk["taxes"] == {"filing_status": "single", "state": None, "retirement_share": 0.0}


def test_v5_to_v6_refuses_what_is_not_a_version_5_profile() -> None:
    with pytest.raises(ValueError, match=r"^not a version 5 profile$"):
        v5_to_v6(V4, dt.date(2026, 1, 1))
    with pytest.raises(ValueError, match=r"^fields a version 5 profile never had: taxes$"):
        v5_to_v6({**V5, "taxes": {}}, dt.date(2026, 1, 1))
    assert v5_to_v6(V5, dt.date(2026, 1, 1))["offers"] == []
