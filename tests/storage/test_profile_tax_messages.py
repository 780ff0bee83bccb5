"""A profile file with tax inputs the app does not know (issue 25, item 5): refused with a sentence that names
the field and what it may be, on start-up and on File > Import profile, and nothing of the profile in use
changes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from planner.domain.profile import PROFILE_SCHEMA_VERSION, Profile
from planner.storage.exports import ExportError, read_profile_import
from planner.storage.profile_store import LoadStatus, ProfileFormatError, ProfileStore, decode_profile


def with_taxes(**taxes: Any) -> bytes:
    raw = json.loads(Profile().model_dump_json())
    raw["schema_version"] = PROFILE_SCHEMA_VERSION
    raw["taxes"] = {**raw["taxes"], **taxes}
    return json.dumps(raw).encode()


def reason(**taxes: Any) -> str:
    with pytest.raises(ProfileFormatError) as err:
        decode_profile(with_taxes(**taxes), dt.date(2026, 1, 1))
    return str(err.value)


def test_an_unknown_state_is_named_with_what_a_state_may_be() -> None:
    assert reason(state="ZZ") == (
        "it does not fit the profile format: taxes.state: 'ZZ' is not a state the tax figures have: a postal code of "
        "one of the 50 states or DC (such as WA or CA), or null for the state of the Market tab's area"
    )


def test_an_unknown_filing_status_lists_the_ones_the_data_has() -> None:
    assert reason(filing_status="married_separate") == (
        "it does not fit the profile format: taxes.filing_status: 'married_separate' is not a filing status the tax "
        "figures have (one of single, married_joint, head_of_household)"
    )


def test_a_share_above_all_of_pay_is_refused() -> None:
    assert "taxes.retirement_share: Input should be less than or equal to 1" in reason(retirement_share=1.5)


def test_the_import_path_says_so_and_the_start_up_path_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_bytes(with_taxes(state="Washington"))
    with pytest.raises(ExportError) as err:
        read_profile_import(path)
    assert str(err.value).startswith("mine.json is not a profile this app can use: it does not fit the profile format:")
    assert "'Washington' is not a state the tax figures have" in str(err.value)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "profile.json").write_bytes(with_taxes(state="Washington"))
    result = ProfileStore(folder).load()
    assert result.status == LoadStatus.QUARANTINED
    assert "'Washington' is not a state the tax figures have" in result.message
    assert result.moved_to is not None
    assert result.moved_to.read_bytes() == with_taxes(state="Washington")
