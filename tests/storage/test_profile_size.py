"""What the app saves, it loads (issue 23): one size rule for load, import and save, under which the largest profile
the model allows fits, and a save that checks its bytes load again before writing them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.domain.dataset import Id
from planner.domain.plans import (
    MAX_DECLINED,
    MAX_NAME,
    MAX_OFFERS,
    MAX_PLANNED,
    MAX_SCENARIOS,
    MAX_VESTING_YEARS,
    AssumptionChanges,
    Offer,
    PlannedSkill,
    Scenario,
)
from planner.domain.profile import (
    FIRST_PAY_YEAR,
    MAX_PAY_ENTRIES,
    MAX_SALARY,
    MAX_TICKED,
    Profile,
    TickedSkill,
)
from planner.storage import profile_store
from planner.storage.exports import read_profile_import
from planner.storage.profile_store import (
    MAX_PROFILE_BYTES,
    LoadStatus,
    ProfileStore,
    UnsavableProfileError,
    encode_profile,
)

DAY = dt.date(2026, 1, 1)
LONGEST_KEY = 200  # planner.domain.plans.SkillKey
LONGEST_ID = 80  # planner.domain.dataset.Id
ODD = 0.123456789012345  # a float with every digit JSON gives it


def key(prefix: str, n: int) -> str:
    return f"{prefix}{n}".ljust(LONGEST_KEY, "x")


def an_id(letter: str) -> Id:
    return letter * LONGEST_ID


def largest_profile() -> Profile:
    """Every list at its longest, every id, key and name at its longest, every number at its longest."""
    plan = {key("plan.", n): PlannedSkill(by=DAY, planned_on=DAY) for n in range(MAX_PLANNED)}
    changes = AssumptionChanges(
        inflation=ODD / 10,
        yearly_raise=ODD / 10,
        bonus_percent=100 + ODD,
        yearly_equity=MAX_SALARY,
        promotion_shift_years=1 + ODD,
        promotion_raise=ODD,
        skill_pace=ODD,
    )
    scenarios = [
        Scenario(
            id=str(n).rjust(40, "s"),
            name=f"{n} ".ljust(MAX_NAME, "n"),
            industry=an_id("i"),
            employer=an_id("e"),
            offer="o" * 40,
            market_area="1234567",
            current_level=an_id("l"),
            plan=plan,
            assumptions=changes,
        )
        for n in range(MAX_SCENARIOS)
    ]
    offers = [
        Offer(
            id=str(n).rjust(40, "o"),
            employer_name=f"{n} ".ljust(MAX_NAME, "e"),
            base=MAX_SALARY,
            bonus_percent=100 + ODD,
            sign_on=MAX_SALARY,
            equity_grant=10 * MAX_SALARY,
            vesting="custom",
            custom_vesting=[10 + ODD / 1000] * (MAX_VESTING_YEARS - 1) + [10 - 9 * ODD / 1000],
            refresher_percent=10 + ODD,
            employer=an_id("e"),
            industry=an_id("i"),
            added_on=DAY,
            declined_matches=[f"industry:{an_id(str(d))}" for d in range(MAX_DECLINED)],
        )
        for n in range(MAX_OFFERS)
    ]
    return Profile(
        skills={key("tick.", n): TickedSkill(ticked_on=DAY, planned_by=DAY) for n in range(MAX_TICKED)},
        plan=plan,
        scenarios=scenarios,
        offers=offers,
        pay_history={FIRST_PAY_YEAR + n: MAX_SALARY for n in range(MAX_PAY_ENTRIES)},
        years_of_experience=10 + ODD,
        current_level=an_id("l"),
        current_salary=MAX_SALARY,
        industry=an_id("i"),
        employer=an_id("e"),
        market_area="1234567",
        market_occupation="123456",
    )


@pytest.fixture(scope="module")
def largest() -> Profile:
    return largest_profile()


def test_the_largest_profile_the_model_allows_is_saved_and_loaded_again(largest: Profile, data_dir: Path) -> None:
    assert len(encode_profile(largest)) <= MAX_PROFILE_BYTES
    store = ProfileStore(data_dir)
    store.save(largest)
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.LOADED, result.message
    assert result.profile == largest
    assert read_profile_import(data_dir / "profile.json") == largest  # and imported, under the same rule


def test_a_profile_that_would_not_load_again_is_not_written(
    largest: Profile, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProfileStore(data_dir)
    store.save(Profile(years_of_experience=2))
    before = (data_dir / "profile.json").read_bytes()
    too_many = largest.model_copy(  # as a tick past the limit would make it: model_copy does not validate
        update={"skills": {**largest.skills, "one.more": TickedSkill(ticked_on=DAY)}}
    )
    with pytest.raises(UnsavableProfileError, match=r"could not be read back \(.*skills: "):
        store.save(too_many)
    monkeypatch.setattr(profile_store, "MAX_PROFILE_BYTES", len(encode_profile(largest)) - 1)
    with pytest.raises(UnsavableProfileError, match=r"could not be read back \(it is larger than"):
        store.save(largest)
    assert (data_dir / "profile.json").read_bytes() == before
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]
    with pytest.raises(UnsavableProfileError):
        store.keep_copy(largest, "before-import")
    assert [p.name for p in data_dir.iterdir()] == ["profile.json"]
