"""Older profile formats are backed up, then brought up to date; nothing the user had is dropped."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from planner.domain.profile import PROFILE_SCHEMA_VERSION, TickedSkill
from planner.storage.profile_migrations import v1_to_v2
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
