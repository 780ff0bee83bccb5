"""The shipped tax file (resources/data/us-tax-2025-2027.json): its shape, the 2026 figures the issue gives, its
provenance, its size, canonical bytes (a rebuild gives the same file), and the rules TaxData enforces."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from planner.domain.tax_data import FILING_STATUSES, STATE_NAMES, TaxData
from planner.storage.tax_file import bundled_tax_file, load_tax_data

# The checkout holding packaging/: under mutmut the tests run from a copy in mutants/, inside the checkout.
ROOT = next(p for p in Path(__file__).resolve().parents if (p / "packaging" / "build_tax_data.py").is_file())


@pytest.fixture(scope="module")
def data() -> TaxData:
    return load_tax_data()


@pytest.fixture
def raw() -> dict[str, Any]:
    value: dict[str, Any] = json.loads(bundled_tax_file().read_text(encoding="utf-8"))
    return value


def test_the_2026_single_figures_are_the_laws(data: TaxData) -> None:
    year = data.federal_year(2026)
    assert year is not None
    assert year.basis == "law"
    assert [b.up_to for b in year.brackets["single"]] == [12_400, 50_400, 105_700, 201_775, 256_225, 640_600, None]
    assert [b.rate for b in year.brackets["single"]] == [0.10, 0.12, 0.22, 0.24, 0.32, 0.35, 0.37]
    assert year.standard_deduction == {"single": 16_100, "married_joint": 32_200, "head_of_household": 24_150}
    assert year.social_security_wage_base == 184_500
    assert year.social_security_rate == 0.062
    assert year.medicare_rate == 0.0145
    assert year.additional_medicare_rate == 0.009
    assert year.additional_medicare_threshold == {
        "single": 200_000,
        "married_joint": 250_000,
        "head_of_household": 200_000,
    }
    assert year.retirement_limit_401k == 24_500


def test_the_file_covers_2025_to_2027_and_marks_2027_projected(data: TaxData) -> None:
    assert [(f.year, f.basis) for f in data.federal] == [(2025, "law"), (2026, "law"), (2027, "projected")]
    assert data.federal_year(2025).standard_deduction["single"] == 15_750  # type: ignore[union-attr]


def test_every_state_and_dc_for_every_filing_status_within_10_dollars(data: TaxData) -> None:
    assert len(STATE_NAMES) == 51
    assert {(t.state, t.status) for t in data.states.tables} == {(s, f) for s in STATE_NAMES for f in FILING_STATUSES}
    assert data.states.year == 2026
    assert data.states.top_wage == 2_000_000
    assert data.states.check_limit == 10
    assert max(max(t.income_tax_worst_error, t.payroll_tax_worst_error) for t in data.states.tables) <= 10
    assert data.states.checked_points == 51 * 3 * 2 * 17_600


def test_the_file_names_its_packages_licences_and_hashes(data: TaxData) -> None:
    packages = {p.name: p for p in data.provenance.packages}
    assert (packages["taxcalc"].version, packages["taxcalc"].licence) == ("6.8.0", "CC0-1.0 (public domain dedication)")
    assert (packages["policyengine-us"].version, packages["policyengine-us"].licence) == ("2.68.0", "AGPL-3.0")
    assert "none of its code ships" in packages["policyengine-us"].used_for
    assert "taxcalc/policy_current_law.json" in {f.path for f in data.provenance.files}
    assert "taxcalc==6.8.0" in data.provenance.environment
    assert "policyengine-us==2.68.0" in data.provenance.environment


def test_the_file_is_small() -> None:
    assert len(bundled_tax_file().read_bytes()) <= 2 * 1024 * 1024


def test_the_file_is_written_the_one_canonical_way(raw: dict[str, Any]) -> None:
    """Sorted keys, whole dollars as integers, cents at most: writing the same data again gives the same bytes,
    which is what makes a rebuild byte-identical."""
    spec = importlib.util.spec_from_file_location("build_tax_data", ROOT / "packaging" / "build_tax_data.py")
    assert spec is not None
    assert spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.dump(raw) == bundled_tax_file().read_text(encoding="utf-8")


def refused(raw: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        TaxData.model_validate(raw)
    return str(caught.value)


def test_an_unknown_field_is_refused(raw: dict[str, Any]) -> None:
    raw["federal"][0]["surprise"] = 1
    assert "Extra inputs are not permitted" in refused(raw)


def test_falling_brackets_are_refused(raw: dict[str, Any]) -> None:
    brackets = raw["federal"][1]["brackets"]["single"]
    brackets[1]["up_to"], brackets[2]["up_to"] = brackets[2]["up_to"], brackets[1]["up_to"]
    assert "bracket thresholds must rise" in refused(raw)


def test_a_missing_state_is_refused(raw: dict[str, Any]) -> None:
    raw["states"]["tables"] = [t for t in raw["states"]["tables"] if t["state"] != "CA"]
    assert "every state and DC once per filing status" in refused(raw)


def test_an_unknown_state_is_refused(raw: dict[str, Any]) -> None:
    raw["states"]["tables"][0]["state"] = "XX"
    assert "state" in refused(raw)


def test_knots_that_go_back_are_refused(raw: dict[str, Any]) -> None:
    knots = raw["states"]["tables"][4]["income_tax"]
    knots[1], knots[2] = knots[2], knots[1]
    assert "knots must start at a wage of 0 and rise" in refused(raw)


def test_a_table_that_misses_policyengine_by_more_than_the_limit_is_refused(raw: dict[str, Any]) -> None:
    raw["states"]["tables"][0]["income_tax_worst_error"] = 10.5
    assert "misses PolicyEngine" in refused(raw)


def test_a_gap_between_federal_years_is_refused(raw: dict[str, Any]) -> None:
    raw["federal"] = [raw["federal"][0], copy.deepcopy(raw["federal"][2])]
    assert "without a gap" in refused(raw)


def test_a_missing_filing_status_is_refused(raw: dict[str, Any]) -> None:
    del raw["federal"][1]["standard_deduction"]["head_of_household"]
    assert "2026: standard_deduction must list every filing status" in refused(raw)


def test_an_open_bracket_below_the_top_is_refused(raw: dict[str, Any]) -> None:
    raw["federal"][1]["brackets"]["single"][2]["up_to"] = None
    assert "2026 single: only the last bracket is open-ended" in refused(raw)


def test_a_closed_top_bracket_is_refused(raw: dict[str, Any]) -> None:
    raw["federal"][1]["brackets"]["single"][-1]["up_to"] = 1_000_000
    assert "2026 single: only the last bracket is open-ended" in refused(raw)


def test_a_repeated_bracket_threshold_is_refused(raw: dict[str, Any]) -> None:
    brackets = raw["federal"][1]["brackets"]["single"]
    brackets[1]["up_to"] = brackets[0]["up_to"]
    assert "2026 single: bracket thresholds must rise" in refused(raw)


def test_falling_rates_are_refused(raw: dict[str, Any]) -> None:
    brackets = raw["federal"][1]["brackets"]["married_joint"]
    brackets[0]["rate"], brackets[1]["rate"] = brackets[1]["rate"], brackets[0]["rate"]
    assert "2026 married_joint: bracket rates must not fall" in refused(raw)


def test_knots_that_do_not_start_at_0_or_repeat_a_wage_are_refused(raw: dict[str, Any]) -> None:
    raw["states"]["tables"][4]["payroll_tax"][0][0] = 1
    assert "knots must start at a wage of 0 and rise" in refused(raw)
    raw["states"]["tables"][4]["payroll_tax"][0][0] = 0
    knots = raw["states"]["tables"][4]["income_tax"]
    knots[2][0] = knots[1][0]
    assert "knots must start at a wage of 0 and rise" in refused(raw)


def test_a_table_that_stops_short_of_the_top_wage_is_refused(raw: dict[str, Any]) -> None:
    table = raw["states"]["tables"][4]
    table["income_tax"][-1][0] = 1_999_999
    assert f"{table['state']} {table['status']}: income_tax must end at the top wage" in refused(raw)


def test_a_state_twice_is_refused(raw: dict[str, Any]) -> None:
    raw["states"]["tables"].append(copy.deepcopy(raw["states"]["tables"][0]))
    assert "every state and DC once per filing status" in refused(raw)


def test_a_table_is_found_by_state_and_status(data: TaxData) -> None:
    table = data.states.table("NY", "head_of_household")
    assert (table.state, table.status) == ("NY", "head_of_household")
    with pytest.raises(KeyError, match=r"no state table for ZZ \(single\)"):
        data.states.table("ZZ", "single")


def test_a_year_outside_the_file_has_no_federal_figures(data: TaxData) -> None:
    assert data.federal_year(2024) is None
    assert data.federal_year(2028) is None
    assert data.federal_year(2027).year == 2027  # type: ignore[union-attr]
