"""Take-home pay (planner.domain.taxes) on the shipped tax file: the issue's worked examples by hand, PolicyEngine's
own figures for three states, later years on the inflation assumption, and what is refused."""

from __future__ import annotations

import pytest

from planner.domain.tax_data import TaxData
from planner.domain.taxes import TaxInputError, take_home, taxes_wages
from planner.storage.tax_file import load_tax_data


@pytest.fixture(scope="module")
def data() -> TaxData:
    return load_tax_data()


def test_a_single_filer_earning_150000_in_texas_keeps_113791_in_2026(data: TaxData) -> None:
    # By hand: taxable 150,000 - 16,100 = 133,900; 10% of 12,400 = 1,240; 12% of 38,000 = 4,560;
    # 22% of 55,300 = 12,166; 24% of 28,200 = 6,768: federal 24,734. Social Security 6.2% of 150,000 = 9,300;
    # Medicare 1.45% = 2,175; Texas taxes no wages. 150,000 - 24,734 - 9,300 - 2,175 = 113,791.
    result = take_home(data, 2026, 150_000, "single", "TX")
    assert result.amount("federal_income_tax") == 24_734
    assert result.amount("social_security") == 9_300
    assert result.amount("medicare") == 2_175
    assert result.amount("additional_medicare") == 0
    assert result.amount("state_income_tax") == 0
    assert result.amount("state_payroll_tax") == 0
    assert result.take_home == 113_791


def test_a_single_filer_earning_250000_in_texas_keeps_183182_in_2026(data: TaxData) -> None:
    # Taxable 233,900: 1,240 + 4,560 + 12,166 + 24% of 96,075 = 23,058 + 32% of 32,125 = 10,280: 51,304.
    # Social Security 6.2% of the 184,500 wage base = 11,439; Medicare 3,625; Additional 0.9% of 50,000 = 450.
    result = take_home(data, 2026, 250_000, "single", "TX")
    assert result.amount("federal_income_tax") == 51_304
    assert result.amount("social_security") == 11_439
    assert result.amount("medicare") == 3_625
    assert result.amount("additional_medicare") == 450
    assert result.take_home == 183_182


# PolicyEngine-US 2.68.0's own figures for a single earner of $150,000 in 2026 (wages only, federal standard
# deduction), from `make tax-check`'s run of PolicyEngine on this machine (packaging/tax_data_worker.py check 2026:
# state_income_tax_before_refundable_credits and employee_state_payroll_tax); the app interpolates its table.
POLICYENGINE_SINGLE_150000 = {
    # state: (income tax, payroll taxes)
    "CA": (9_608.78, 1_950.00),  # income tax; State Disability Insurance
    "NY": (8_290.00, 443.11),  # New York State only: New York City's own income tax is not included
    "WA": (0.00, 2_080.74),  # Washington: no income tax; paid family leave and WA Cares
}


@pytest.mark.parametrize("state", sorted(POLICYENGINE_SINGLE_150000))
def test_policyengine_figures_for_a_single_150000_earner_to_the_dollar(data: TaxData, state: str) -> None:
    income, payroll = POLICYENGINE_SINGLE_150000[state]
    result = take_home(data, 2026, 150_000, "single", state)
    assert round(result.amount("state_income_tax")) == round(income)
    assert round(result.amount("state_payroll_tax")) == round(payroll)
    assert result.line("state_income_tax").kind == "derived"
    assert "PolicyEngine-US's 2026 rules" in result.line("state_income_tax").basis


def test_every_line_says_where_it_comes_from(data: TaxData) -> None:
    result = take_home(data, 2026, 150_000, "single", "CA", retirement_share=0.1)
    kinds = {line.key: line.kind for line in result.lines}
    assert kinds["gross_pay"] == "yours"
    assert kinds["standard_deduction"] == "law"
    assert kinds["social_security"] == "derived"
    assert kinds["federal_income_tax"] == "derived"
    assert kinds["retirement"] == "derived"
    assert kinds["take_home"] == "derived"
    assert all(line.basis and line.label for line in result.lines)
    assert "policy_current_law.json, tax year 2026" in result.line("standard_deduction").basis
    assert "no credits" in result.line("federal_income_tax").basis
    assert "California employee state disability insurance contribution" in result.line("state_payroll_tax").basis


def test_retirement_contributions_lower_income_taxes_but_not_payroll_taxes(data: TaxData) -> None:
    plain = take_home(data, 2026, 150_000, "single", "CA")
    saving = take_home(data, 2026, 150_000, "single", "CA", retirement_share=0.1)
    assert saving.amount("retirement") == 15_000
    assert saving.amount("federal_income_tax") == pytest.approx(plain.amount("federal_income_tax") - 0.24 * 15_000)
    assert saving.amount("state_income_tax") < plain.amount("state_income_tax")
    for key in ("social_security", "medicare", "state_payroll_tax"):
        assert saving.amount(key) == plain.amount(key)
    assert saving.take_home == pytest.approx(150_000 - 15_000 - saving.amount("total_tax"))


def test_pennsylvania_taxes_retirement_contributions(data: TaxData) -> None:
    plain = take_home(data, 2026, 100_000, "single", "PA")
    saving = take_home(data, 2026, 100_000, "single", "PA", retirement_share=0.1)
    assert saving.amount("state_income_tax") == plain.amount("state_income_tax") > 0


def test_contributions_above_the_legal_limit_are_refused(data: TaxData) -> None:
    with pytest.raises(TaxInputError, match=r"above the 2026 limit of \$24,500"):
        take_home(data, 2026, 300_000, "single", "TX", retirement_share=0.1)


@pytest.mark.parametrize(
    ("state", "status", "message"),
    [("ZZ", "single", "no state 'ZZ'"), ("TX", "married_separate", "no filing status 'married_separate'")],
)
def test_an_unknown_state_or_filing_status_is_refused(data: TaxData, state: str, status: str, message: str) -> None:
    with pytest.raises(TaxInputError, match=message):
        take_home(data, 2026, 100_000, status, state)  # type: ignore[arg-type]


def test_2027_is_tax_calculators_projection_and_says_so(data: TaxData) -> None:
    line = take_home(data, 2027, 150_000, "single", "TX").line("standard_deduction")
    assert line.kind == "assumption"
    assert "projection" in line.basis


def test_years_after_the_data_move_with_the_inflation_assumption_and_say_so(data: TaxData) -> None:
    last = data.federal[-1]
    later = take_home(data, last.year + 2, 150_000, "single", "TX", inflation=0.03)
    deduction = later.line("standard_deduction")
    assert deduction.amount == pytest.approx(last.standard_deduction["single"] * 1.03**2, abs=0.01)
    assert deduction.kind == "assumption"
    assert "rests on that assumption" in deduction.basis
    assert "3.0% a year" in deduction.basis
    base = last.social_security_wage_base * 1.03**2
    assert later.amount("social_security") == pytest.approx(min(150_000, base) * 0.062, abs=0.01)
    assert "rests on that assumption" in later.line("federal_income_tax").basis
    assert later.line("federal_income_tax").kind == "assumption"
    # The Additional Medicare threshold is fixed in the law: it does not move.
    assert "not indexed" in later.line("additional_medicare").basis


def test_a_state_table_in_a_later_year_is_scaled_by_inflation(data: TaxData) -> None:
    now = take_home(data, 2026, 100_000, "single", "CA")
    later = take_home(data, 2028, 100_000 * 1.02**2, "single", "CA", inflation=0.02)
    assert later.amount("state_income_tax") == pytest.approx(now.amount("state_income_tax") * 1.02**2, abs=0.05)
    assert later.line("state_income_tax").kind == "assumption"
    assert "rests on that assumption" in later.line("state_income_tax").basis


def test_joint_filers_and_heads_of_household_use_their_own_figures(data: TaxData) -> None:
    single = take_home(data, 2026, 150_000, "single", "TX")
    joint = take_home(data, 2026, 150_000, "married_joint", "TX")
    head = take_home(data, 2026, 150_000, "head_of_household", "TX")
    # Joint: taxable 150,000 - 32,200 = 117,800: 10% of 24,800 + 12% of 76,000 + 22% of 17,000 = 15,340.
    assert joint.amount("federal_income_tax") == 15_340
    assert single.amount("federal_income_tax") > head.amount("federal_income_tax") > joint.amount("federal_income_tax")
    assert joint.take_home > head.take_home > single.take_home


def test_states_without_an_income_tax_on_wages(data: TaxData) -> None:
    untaxed = {
        s
        for s in ("AK", "FL", "NV", "NH", "SD", "TN", "TX", "WA", "WY", "CA", "NY")
        if not taxes_wages(data, s, "single")
    }
    assert untaxed == {"AK", "FL", "NV", "NH", "SD", "TN", "TX", "WA", "WY"}


def test_pay_above_the_table_carries_the_top_rate_on(data: TaxData) -> None:
    top = data.states.top_wage
    at_top = take_home(data, 2026, top, "single", "CA").amount("state_income_tax")
    above = take_home(data, 2026, top + 100_000, "single", "CA")
    assert 10_000 < above.amount("state_income_tax") - at_top < 15_000  # California's top rate is 13.3 %
    assert "top rate carried on" in above.line("state_income_tax").basis
