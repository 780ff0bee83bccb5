"""Format 4: the Market tab's area and occupation. A version 3 profile is backed up, then gains both, unset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from planner.domain.profile import Profile
from planner.storage.profile_store import LoadStatus, ProfileStore

# How a version 3 profile becomes format 4 (market fields included) is tested in test_profile_migration.py.
V3 = {"schema_version": 3, "skills": {}, "years_of_experience": 6.5, "pay_history": {}}


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


@pytest.mark.parametrize(("field", "value"), [("market_area", "Seattle"), ("market_occupation", "15-1252")])
def test_codes_that_are_not_bls_codes_are_refused(field: str, value: str) -> None:
    with pytest.raises(ValidationError):
        Profile.model_validate({field: value})
