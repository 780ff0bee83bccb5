"""Format 4: the Market tab's area and occupation. A version 3 profile is backed up, then gains both, unset."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from planner.domain.profile import PROFILE_SCHEMA_VERSION, Profile
from planner.storage.profile_migrations import v3_to_v4
from planner.storage.profile_store import LoadStatus, ProfileStore

V3 = {
    "schema_version": 3,
    "skills": {"entry.python": {"ticked_on": "2024-03-01"}},
    "years_of_experience": 6.5,
    "current_salary": 130000,
    "industry": "finance",
    "employer": None,
    "assumptions": {"inflation": 0.03},
    "pay_history": {"2024": 120000},
}


def test_v3_file_is_backed_up_and_keeps_everything(data_dir: Path) -> None:
    original = json.dumps(V3, indent=1).encode()
    (data_dir / "profile.json").write_bytes(original)
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.MIGRATED
    assert result.backup == data_dir / "profile.json.v3-backup"
    assert result.backup.read_bytes() == original
    profile = result.profile
    assert (profile.market_area, profile.market_occupation) == (None, None)
    assert profile.pay_history == {2024: 120000}
    assert profile.current_salary == 130000
    assert "entry.python" in profile.skills
    on_disk = json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PROFILE_SCHEMA_VERSION


def test_a_chosen_area_and_occupation_are_saved_and_read_back(data_dir: Path) -> None:
    store = ProfileStore(data_dir)
    store.load()
    store.save(Profile(market_area="0042660", market_occupation="151252"))
    again = ProfileStore(data_dir).load().profile
    assert (again.market_area, again.market_occupation) == ("0042660", "151252")


def test_a_v3_file_with_fields_v3_never_had_is_quarantined(data_dir: Path) -> None:
    content = json.dumps({**V3, "market_area": "0042660"}).encode()
    (data_dir / "profile.json").write_bytes(content)
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.QUARANTINED
    assert not (data_dir / "profile.json.v3-backup").exists()


def test_v3_to_v4_refuses_another_version() -> None:
    with pytest.raises(ValueError, match="version 3"):
        v3_to_v4({"schema_version": 2}, dt.date(2024, 1, 1))


@pytest.mark.parametrize(("field", "value"), [("market_area", "Seattle"), ("market_occupation", "15-1252")])
def test_codes_that_are_not_bls_codes_are_refused(field: str, value: str) -> None:
    with pytest.raises(ValidationError):
        Profile.model_validate({field: value})
