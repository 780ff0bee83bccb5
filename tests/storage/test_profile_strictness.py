"""What a profile file says is read as it says it, or refused naming what is wrong (issue 23): a boolean is not a
number, 5.0 is format 5 and 6.0 a newer format like 6, a key given twice is refused, a text no file can hold is
refused where it enters, and an odd file time never stops an import."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from planner import APP_NAME
from planner.domain.plans import Offer, Scenario
from planner.domain.profile import PROFILE_SCHEMA_VERSION, Profile
from planner.storage.exports import ExportError, read_profile_import
from planner.storage.profile_store import LoadStatus, ProfileFormatError, ProfileStore, decode_profile, encode_profile

DAY = dt.date(2025, 3, 14)


def profile_bytes(**fields: Any) -> bytes:
    return json.dumps({"schema_version": PROFILE_SCHEMA_VERSION, **fields}).encode()


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        ({"years_of_experience": True}, "years_of_experience"),
        ({"current_salary": True}, "current_salary"),
        ({"pay_history": {"2024": True}}, "pay_history.2024"),
        ({"assumptions": {"horizon_years": True}}, "assumptions.horizon_years"),
        ({"assumptions": {"inflation": False}}, "assumptions.inflation"),
        ({"years_of_experience": "3"}, "years_of_experience"),
    ],
    ids=["years", "salary", "pay", "horizon", "inflation", "text"],
)
def test_a_boolean_or_a_text_is_not_a_number(fields: dict[str, Any], where: str) -> None:
    with pytest.raises(ProfileFormatError) as err:
        decode_profile(profile_bytes(**fields), DAY)
    assert str(err.value).startswith(f"it does not fit the profile format: {where}: Input should be a valid ")


def test_whole_numbers_still_fill_number_fields() -> None:
    profile, _ = decode_profile(profile_bytes(years_of_experience=3, assumptions={"inflation": 0}), DAY)
    assert profile.years_of_experience == 3.0
    assert profile.assumptions.inflation == 0.0


def test_a_whole_number_written_with_a_point_fills_a_whole_number_field() -> None:
    """Tools that write every JSON number as a float (145000.0) are read as meant; 145000.5 and true are not."""
    raw = profile_bytes(current_salary=145000.0, assumptions={"horizon_years": 20.0, "yearly_equity": 5000.0})
    profile, _ = decode_profile(raw, DAY)
    assert (profile.current_salary, profile.assumptions.horizon_years) == (145_000, 20)
    assert profile.assumptions.yearly_equity == 5000
    assert isinstance(profile.current_salary, int)
    for refused in (145000.5, True):
        with pytest.raises(ProfileFormatError, match="current_salary"):
            decode_profile(profile_bytes(current_salary=refused), DAY)


def test_the_current_format_written_as_a_float_is_read_like_it_and_saved_as_a_whole_number(data_dir: Path) -> None:
    (data_dir / "profile.json").write_text(
        json.dumps({"schema_version": float(PROFILE_SCHEMA_VERSION), "years_of_experience": 4}), encoding="utf-8"
    )
    store = ProfileStore(data_dir)
    result = store.load()
    assert result.status is LoadStatus.LOADED, result.message
    assert result.profile.years_of_experience == 4
    store.save(result.profile)
    assert json.loads((data_dir / "profile.json").read_bytes())["schema_version"] == PROFILE_SCHEMA_VERSION == 6


def test_an_older_format_written_as_a_float_is_migrated_like_the_whole_number(data_dir: Path) -> None:
    (data_dir / "profile.json").write_text(json.dumps({"schema_version": 1.0, "ticked": ["entry.python"]}))
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.MIGRATED, result.message
    assert "entry.python" in result.profile.skills


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("7", "7"),
        ("7.0", "7"),
        ("99999999999999999999999", "99999999999999999999999"),
        ("99999999999999999999999.0", "99999999999999999999999"),
        ("1e30", "1e30"),
    ],
)
def test_a_newer_format_is_refused_the_same_way_and_named_as_written(data_dir: Path, written: str, shown: str) -> None:
    raw = b'{"schema_version": %s, "years_of_experience": 1}' % written.encode()
    (data_dir / "profile.json").write_bytes(raw)
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.NEWER_VERSION
    assert result.message is not None
    assert f"(profile format {shown}; this version reads formats up to {PROFILE_SCHEMA_VERSION})" in result.message
    assert (data_dir / "profile.json").read_bytes() == raw  # left untouched
    with pytest.raises(ProfileFormatError, match=rf"newer version of {APP_NAME} \(profile format {shown};"):
        decode_profile(raw, DAY)


@pytest.mark.parametrize("version", ["0.0", "-1.0", "4.5", "NaN", "true", '"5"'])
def test_a_version_that_is_no_format_is_refused(version: str) -> None:
    with pytest.raises(ProfileFormatError) as err:
        decode_profile(b'{"schema_version": %s}' % version.encode(), DAY)
    assert str(err.value) == "it has no valid format version (schema_version)"


def test_a_key_given_twice_is_refused_naming_the_key(data_dir: Path) -> None:
    raw = b'{"schema_version": 5, "years_of_experience": 2, "years_of_experience": 12}'
    with pytest.raises(ProfileFormatError) as err:
        decode_profile(raw, DAY)
    assert str(err.value) == 'it gives "years_of_experience" twice, so it is not clear which one is meant'
    (data_dir / "profile.json").write_bytes(raw)
    result = ProfileStore(data_dir, now=lambda: dt.datetime(2025, 3, 14, 9, 0)).load()
    assert result.status is LoadStatus.QUARANTINED
    assert result.message is not None
    assert '"years_of_experience" twice' in result.message
    assert (data_dir / "profile.json.corrupt-20250314-090000").read_bytes() == raw  # kept, never deleted


def test_a_key_given_twice_deep_inside_is_refused_too() -> None:
    raw = b'{"schema_version": 5, "assumptions": {"inflation": 0.02, "inflation": 0.2}}'
    with pytest.raises(ProfileFormatError, match='"inflation" twice'):
        decode_profile(raw, DAY)


UNSTORABLE = [
    ({"scenarios": [{"id": "s-1", "name": "Nice\udc80"}]}, "scenarios.0.name", "Name", "U+DC80"),
    (
        {"offers": [{"id": "o-1", "employer_name": "Acme\x00", "base": 1, "added_on": "2025-01-01"}]},
        "offers.0.employer_name",
        "Employer name",
        "U+0000",
    ),
    ({"skills": {"entry.python\ud800": {"ticked_on": "2025-01-01"}}}, "skills", "Skills", "U+D800"),
]


@pytest.mark.parametrize(("fields", "where", "field", "char"), UNSTORABLE, ids=["scenario", "offer", "skill"])
def test_a_text_no_file_can_hold_is_refused_on_load_naming_the_field_and_the_file_is_kept(
    data_dir: Path, fields: dict[str, Any], where: str, field: str, char: str
) -> None:
    raw = json.dumps({"schema_version": PROFILE_SCHEMA_VERSION, **fields}).encode()  # valid JSON: "\\udc80"
    with pytest.raises(ProfileFormatError) as err:
        decode_profile(raw, DAY)
    assert f"{where}: {field}: " in str(err.value)
    assert f"holds a character that cannot be saved ({char})" in str(err.value)
    (data_dir / "profile.json").write_bytes(raw)
    result = ProfileStore(data_dir).load()
    assert result.status is LoadStatus.QUARANTINED
    assert result.moved_to is not None
    assert result.moved_to.read_bytes() == raw
    assert not (data_dir / "profile.json").exists()  # nothing written over it


@pytest.mark.parametrize(("fields", "where", "field", "char"), UNSTORABLE, ids=["scenario", "offer", "skill"])
def test_a_text_no_file_can_hold_is_refused_on_import(
    tmp_path: Path, fields: dict[str, Any], where: str, field: str, char: str
) -> None:
    path = tmp_path / "theirs.json"
    path.write_bytes(json.dumps({"schema_version": PROFILE_SCHEMA_VERSION, **fields}).encode())
    with pytest.raises(ExportError, match=rf"theirs\.json is not a profile this app can use: .*{where}: {field}: "):
        read_profile_import(path)


def test_every_model_refuses_a_text_no_file_can_hold_naming_the_field() -> None:
    with pytest.raises(ValidationError, match=r"Name: 'Nice\\udc80' holds a character that cannot be saved"):
        Scenario(id="s-1", name="Nice\udc80")
    with pytest.raises(ValidationError, match=r"Employer name: .* holds a character that cannot be saved"):
        Offer(id="o-1", employer_name="A\x00B", base=1, added_on=DAY)
    profile = Profile()
    with pytest.raises(ValidationError, match="cannot be saved"):
        profile.model_validate({**profile.model_dump(), "scenarios": [{"id": "s-1", "name": "x\udfff"}]})
    assert Scenario(id="s-1", name="Zürich 🚀 ok").name == "Zürich 🚀 ok"  # any real character is fine


def test_a_file_time_past_year_9999_never_blocks_an_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.json"
    path.write_bytes(json.dumps({"schema_version": 1, "ticked": ["entry.python"]}).encode())
    far = 300_000_000_000.0  # about year 11476
    with contextlib.suppress(OSError, OverflowError):
        os.utime(path, (far, far))
    if path.stat().st_mtime < far:  # the file system keeps no such time: make it seem so
        real_stat = Path.stat

        def stat(self: Path, **kwargs: Any) -> os.stat_result:
            st = real_stat(self, **kwargs)
            if self != path:
                return st
            return os.stat_result((*st[:7], int(far), int(far), int(far)))

        monkeypatch.setattr(Path, "stat", stat)
    profile = read_profile_import(path)
    assert "entry.python" in profile.skills
    assert profile.skills["entry.python"].ticked_on == dt.date.today()


def test_a_profile_with_every_kind_of_real_text_round_trips() -> None:
    profile = Profile(scenarios=[Scenario(id="s-1", name='Ünïcode "quoted" \\ name ✓')])
    again, _ = decode_profile(encode_profile(profile), DAY)
    assert again == profile
