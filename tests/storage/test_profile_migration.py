"""Older profile formats are backed up, then brought up to date; nothing the user had is dropped."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from planner.domain.profile import PROFILE_SCHEMA_VERSION, TickedSkill
from planner.storage.profile_migrations import v1_to_v2, v2_to_v3
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
    original = json.dumps(V2, indent=1).encode()
    (data_dir / "profile.json").write_bytes(original)
    result = ProfileStore(data_dir).load()

    assert result.status is LoadStatus.MIGRATED
    assert result.backup == data_dir / "profile.json.v2-backup"
    assert result.backup.read_bytes() == original
    profile = result.profile
    assert profile.pay_history == {}
    assert profile.skills["gone.cobol"] == TickedSkill(ticked_on=dt.date(2023, 1, 9))
    assert (profile.years_of_experience, profile.current_salary) == (6.5, 130000)
    assert (profile.assumptions.inflation, profile.assumptions.horizon_years) == (0.03, 20)
    on_disk = json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PROFILE_SCHEMA_VERSION
    assert on_disk["pay_history"] == {}


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


def test_v2_to_v3_refuses_another_version() -> None:
    with pytest.raises(ValueError, match="version 2"):
        v2_to_v3({"schema_version": 1}, dt.date(2024, 1, 1))
