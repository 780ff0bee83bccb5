"""A version 5 file with fields version 5 never had is refused by ``v5_to_v6``, naming them: the first five in
alphabetical order, separated by commas (as the older migrations do), however many there are."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.storage.profile_migrations import v5_to_v6

V5 = {
    "schema_version": 5,
    "skills": {},
    "years_of_experience": 4.0,
    "current_salary": 160000,
    "industry": "finance",
    "employer": None,
    "assumptions": {},
    "pay_history": {},
    "current_level": None,
    "market_area": None,
    "market_occupation": None,
    "plan": {},
    "scenarios": [],
    "offers": [],
}


def test_six_unknown_fields_are_named_five_at_most() -> None:
    six = {**V5, **{f"extra_{c}": 1 for c in "fedcba"}}
    with pytest.raises(
        ValueError, match=r"^fields a version 5 profile never had: extra_a, extra_b, extra_c, extra_d, extra_e$"
    ):
        v5_to_v6(six, dt.date(2026, 1, 1))


def test_every_field_version_5_had_is_kept() -> None:
    six = v5_to_v6(V5, dt.date(2026, 1, 1))
    assert {k: v for k, v in six.items() if k not in ("schema_version", "taxes")} == {
        k: v for k, v in V5.items() if k != "schema_version"
    }
    assert (six["schema_version"], six["taxes"]["filing_status"]) == (6, "single")
