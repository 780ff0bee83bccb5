"""Take-home pay (planner.domain.taxes) on the shipped tax file: the issue's worked examples by hand, PolicyEngine's
own figures for three states, later years on the inflation assumption, and what is refused."""

from __future__ import annotations

import pytest

from planner.domain.money import usd
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


TAXCALC_2026 = "Tax-Calculator (taxcalc) 6.8.0, policy_current_law.json, tax year 2026"
TAXCALC_2027 = (
    "Tax-Calculator (taxcalc) 6.8.0's projection of the 2026 law (its inflation forecast, growfactors.csv), "
    "tax year 2027"
)


def test_every_line_of_a_texas_single_filer_saving_10_percent_in_2026(data: TaxData) -> None:
    # By hand from the 2026 law: 10% of 100,000 = 10,000 saved (limit 24,500); taxable 100,000 - 10,000 - 16,100
    # = 73,900: 10% of 12,400 = 1,240 + 12% of 38,000 = 4,560 + 22% of 23,500 = 5,170: 10,970. Social Security
    # 6.2% of 100,000 = 6,200; Medicare 1.45% = 1,450; no Additional Medicare under 200,000; Texas: nothing.
    # Taxes 18,620; take-home 100,000 - 10,000 - 18,620 = 71,380.
    result = take_home(data, 2026, 100_000, "single", "TX", retirement_share=0.1)
    assert (result.year, result.status, result.state) == (2026, "single", "TX")
    texas = "PolicyEngine-US's 2026 rules for Texas (single), simulated at build time and interpolated at"
    assert [(line.key, line.label, line.amount, line.kind, line.basis) for line in result.lines] == [
        ("gross_pay", "Gross pay", 100_000, "yours", "your entry"),
        (
            "retirement",
            "Pre-tax retirement contributions",
            10_000,
            "derived",
            "10.0% of gross pay (your entry); the 2026 limit is $24,500",
        ),
        ("standard_deduction", "Standard deduction", 16_100, "law", f"standard deduction (single): {TAXCALC_2026}"),
        (
            "taxable_income",
            "Federal taxable income",
            73_900,
            "derived",
            "gross pay $100,000 − retirement contributions $10,000 − standard deduction $16,100",
        ),
        (
            "federal_income_tax",
            "Federal income tax",
            10_970,
            "derived",
            "10% of $12,400 + 12% of $38,000 + 22% of $23,500 of taxable income; "
            f"brackets (single): {TAXCALC_2026}; standard deduction, no credits, no itemized deductions",
        ),
        (
            "social_security",
            "Social Security",
            6_200,
            "derived",
            f"6.2% of $100,000; Social Security rate 6.2%, wage base $184,500: {TAXCALC_2026}",
        ),
        ("medicare", "Medicare", 1_450, "derived", f"1.45% of $100,000; Medicare rate 1.45%: {TAXCALC_2026}"),
        (
            "additional_medicare",
            "Additional Medicare",
            0,
            "derived",
            f"0.9% of wages above $200,000 (fixed in the law, not indexed); {TAXCALC_2026}",
        ),
        ("state_income_tax", "Texas income tax", 0, "derived", f"{texas} $90,000"),
        ("state_payroll_tax", "Texas payroll taxes", 0, "derived", f"{texas} $100,000"),
        ("total_tax", "Taxes", 18_620, "derived", "the sum of the taxes above"),
        (
            "take_home",
            "Take-home pay",
            71_380,
            "derived",
            "gross pay $100,000 − retirement contributions $10,000 − taxes $18,620",
        ),
    ]


def test_without_contributions_there_is_no_retirement_line(data: TaxData) -> None:
    result = take_home(data, 2026, 100_000, "single", "TX")
    assert "retirement" not in [line.key for line in result.lines]
    with pytest.raises(KeyError, match="retirement"):
        result.line("retirement")
    assert result.amount("taxable_income") == 100_000 - 16_100
    assert result.line("taxable_income").basis == (
        "gross pay $100,000 − retirement contributions $0 − standard deduction $16,100"
    )


def test_income_exactly_filling_the_first_bracket_is_taxed_at_10_percent_only(data: TaxData) -> None:
    # 12,400 + 16,100 = 28,500: taxable 12,400, all in the 10% bracket: 1,240.
    line = take_home(data, 2026, 28_500, "single", "TX").line("federal_income_tax")
    assert line.amount == 1_240
    assert line.basis.startswith("10% of $12,400 of taxable income; brackets (single)")


def test_no_pay_means_no_tax(data: TaxData) -> None:
    result = take_home(data, 2026, 0, "single", "CA")
    assert {line.key: line.amount for line in result.lines if line.amount} == {"standard_deduction": 16_100}
    assert result.line("federal_income_tax").basis.startswith("$0 of taxable income; ")


def test_saving_the_whole_pay_leaves_no_taxable_income(data: TaxData) -> None:
    # 20,000 saved of 20,000 (under the 24,500 limit): taxable income 0; payroll taxes still on the whole wage.
    result = take_home(data, 2026, 20_000, "single", "TX", retirement_share=1)
    assert result.amount("retirement") == 20_000
    assert result.amount("taxable_income") == 0
    assert result.amount("federal_income_tax") == 0
    assert result.amount("social_security") == 1_240
    assert result.amount("medicare") == 290
    assert result.take_home == 20_000 - 20_000 - 1_530


def test_contributions_exactly_at_the_limit_are_allowed(data: TaxData) -> None:
    result = take_home(data, 2026, 245_000, "single", "TX", retirement_share=0.1)
    assert result.amount("retirement") == 24_500


@pytest.mark.parametrize(
    ("gross", "share", "message"),
    [
        (-1, 0, r"^gross pay must be between \$0 and \$100,000,000, not -\$1$"),
        (100_000_001, 0, r"^gross pay must be between \$0 and \$100,000,000, not \$100,000,001$"),
        (100_000, -0.01, r"^retirement contributions must be between 0 % and 100 % of pay, not -0.01$"),
        (100_000, 1.01, r"^retirement contributions must be between 0 % and 100 % of pay, not 1.01$"),
        (300_000, 0.1, r"^pre-tax retirement contributions of \$30,000 are above the 2026 limit of \$24,500$"),
    ],
)
def test_what_is_refused_and_the_message(data: TaxData, gross: float, share: float, message: str) -> None:
    with pytest.raises(TaxInputError, match=message):
        take_home(data, 2026, gross, "single", "TX", retirement_share=share)


def test_the_largest_pay_accepted_is_100_million(data: TaxData) -> None:
    assert take_home(data, 2026, 100_000_000, "single", "TX").amount("medicare") == 1_450_000


@pytest.mark.parametrize(
    ("state", "status", "message"),
    [
        ("ZZ", "single", r"^the tax data has no state 'ZZ' \(the 50 states and DC, by postal code\)$"),
        ("TX", "married_separate", r"^the tax data has no filing status 'married_separate'$"),
    ],
)
def test_the_refusal_of_a_state_or_status_says_which(data: TaxData, state: str, status: str, message: str) -> None:
    with pytest.raises(TaxInputError, match=message):
        take_home(data, 2026, 100_000, status, state)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("gross", "social_security", "wage"),
    [(184_500, 11_439, "$184,500"), (184_501, 11_439, "$184,500"), (184_499, 11_438.94, "$184,499")],
)
def test_social_security_stops_at_the_wage_base(data: TaxData, gross: float, social_security: float, wage: str) -> None:
    line = take_home(data, 2026, gross, "single", "TX").line("social_security")
    assert line.amount == social_security
    assert line.basis.startswith(f"6.2% of {wage}; ")


@pytest.mark.parametrize(
    ("status", "gross", "extra", "threshold"),
    [
        ("single", 200_000, 0, "$200,000"),
        ("single", 200_100, 0.90, "$200,000"),
        ("head_of_household", 210_000, 90, "$200,000"),
        ("married_joint", 250_000, 0, "$250,000"),
        ("married_joint", 260_000, 90, "$250,000"),
    ],
)
def test_additional_medicare_is_on_wages_above_the_threshold(
    data: TaxData, status: str, gross: float, extra: float, threshold: str
) -> None:
    line = take_home(data, 2026, gross, status, "TX").line("additional_medicare")  # type: ignore[arg-type]
    assert line.amount == extra
    assert line.basis.startswith(f"0.9% of wages above {threshold} (fixed in the law, not indexed)")


def test_2027_uses_tax_calculators_projected_figures_as_they_are(data: TaxData) -> None:
    result = take_home(data, 2027, 100_000, "single", "TX")
    deduction = result.line("standard_deduction")
    assert deduction.amount == 16_571.73
    assert deduction.kind == "assumption"
    assert deduction.basis == f"standard deduction (single): {TAXCALC_2027}"
    for key in ("federal_income_tax", "social_security", "medicare"):
        assert result.line(key).kind == "assumption"
    assert result.line("additional_medicare").kind == "derived"
    # Taxable 100,000 - 16,571.73 = 83,428.27: 10% of 12,763.32 + 12% of 39,113.40 + 22% of 31,551.55.
    assert result.amount("federal_income_tax") == pytest.approx(1_276.332 + 4_693.608 + 6_941.341, abs=0.01)


def test_2028_moves_the_2027_figures_by_the_inflation_assumption(data: TaxData) -> None:
    # 3% from 2027: deduction 16,571.73 × 1.03 = 17,068.88; brackets 13,146.22 / 53,433.02; 401(k) limit 25,750.
    result = take_home(data, 2028, 100_000, "single", "TX", retirement_share=0.1, inflation=0.03)
    deduction = result.line("standard_deduction")
    assert deduction.amount == 17_068.88
    assert deduction.kind == "assumption"
    assert deduction.basis == (
        f"standard deduction (single): the 2027 figure ({TAXCALC_2027}) moved by your inflation assumption "
        "(3.0% a year) to 2028; it rests on that assumption"
    )
    assert result.line("retirement").basis == "10.0% of gross pay (your entry); the 2028 limit is $25,750"
    # Taxable 100,000 - 10,000 - 17,068.88 = 72,931.12: 10% of 13,146.22 + 12% of 40,286.80 + 22% of 19,498.10.
    federal = result.line("federal_income_tax")
    assert federal.amount == pytest.approx(1_314.622 + 4_834.416 + 4_289.582, abs=0.01)
    assert federal.basis.startswith("10% of $13,146 + 12% of $40,287 + 22% of $19,498 of taxable income; ")
    assert federal.kind == "assumption"
    # The wage base 190,957.50 × 1.03 = 196,686.22.
    assert "wage base $196,686: the 2027 figure" in result.line("social_security").basis
    assert result.line("social_security").kind == "assumption"
    assert result.line("medicare").kind == "assumption"
    assert (
        take_home(data, 2028, 257_500, "single", "TX", retirement_share=0.1, inflation=0.03).amount("retirement")
        == 25_750
    )
    with pytest.raises(TaxInputError, match=r"above the 2028 limit of \$25,750"):
        take_home(data, 2028, 257_600, "single", "TX", retirement_share=0.1, inflation=0.03)


def test_the_wage_base_moves_with_inflation_in_later_years(data: TaxData) -> None:
    # 190,957.50 × 1.03² = 202,586.81: 6.2% of it is 12,560.38.
    result = take_home(data, 2029, 300_000, "single", "TX", inflation=0.03)
    assert result.amount("social_security") == pytest.approx(12_560.38, abs=0.01)


def test_the_default_inflation_assumption_is_2_5_percent(data: TaxData) -> None:
    line = take_home(data, 2028, 100_000, "single", "TX").line("standard_deduction")
    assert line.amount == pytest.approx(16_571.73 * 1.025, abs=0.01)
    assert "(2.5% a year)" in line.basis


def test_a_year_before_the_data_uses_its_first_year(data: TaxData) -> None:
    # 2025's deduction 15,750 moved back one year at 5%: 15,000.
    line = take_home(data, 2024, 100_000, "single", "TX", inflation=0.05).line("standard_deduction")
    assert line.amount == 15_000
    assert "the 2025 figure" in line.basis


def test_2025_uses_its_own_law(data: TaxData) -> None:
    # Taxable 100,000 - 15,750 = 84,250: 10% of 11,925 + 12% of 36,550 + 22% of 35,775 = 13,449.
    result = take_home(data, 2025, 100_000, "single", "TX")
    assert result.amount("federal_income_tax") == 13_449
    assert result.line("standard_deduction").kind == "law"


# California's 2026 single table (data.states): knots (32,700, 267.63), (48,250, 890.10), ...,
# (1,006,000, 103,424.21), (2,000,000, 235,626.20).
@pytest.mark.parametrize(
    ("wage", "tax"),
    [(32_700, 267.63), (48_250, 890.10), (40_475, (267.63 + 890.10) / 2), (2_000_000, 235_626.20)],
)
def test_the_state_table_is_read_at_its_knots_and_between_them(data: TaxData, wage: float, tax: float) -> None:
    line = take_home(data, 2026, wage, "single", "CA").line("state_income_tax")
    assert line.amount == pytest.approx(tax, abs=0.01)
    assert line.basis == (
        f"PolicyEngine-US's 2026 rules for California (single), simulated at build time and interpolated at {usd(wage)}"
    )


def test_above_the_table_the_last_segments_rate_carries_on(data: TaxData) -> None:
    # The last segment: (235,626.20 - 103,424.21) / (2,000,000 - 1,006,000) = 13.3%: 13,300 more on 100,000.
    line = take_home(data, 2026, 2_100_000, "single", "CA").line("state_income_tax")
    assert line.amount == pytest.approx(235_626.20 + 13_300, abs=0.01)
    assert line.basis == (
        "PolicyEngine-US's 2026 rules for California (single), simulated at build time and interpolated at "
        "$2,100,000 (above the table's $2,000,000: its top rate carried on)"
    )


def test_a_state_table_in_another_year_is_read_in_2026_dollars(data: TaxData) -> None:
    # 2028 at 3%: f = 1.03² = 1.0609; a wage of 32,700 × f is read at 32,700: 267.63 × f = 283.93.
    line = take_home(data, 2028, 32_700 * 1.0609, "single", "CA", inflation=0.03).line("state_income_tax")
    assert line.amount == pytest.approx(283.93, abs=0.0005)
    assert line.kind == "assumption"
    assert line.basis == (
        "PolicyEngine-US's 2026 rules for California (single), simulated at build time and interpolated at "
        "$32,700 in 2026 dollars, moved by your inflation assumption (3.0% a year) to 2028; "
        "it rests on that assumption"
    )
    earlier = take_home(data, 2025, 32_700 / 1.03, "single", "CA", inflation=0.03).line("state_income_tax")
    assert earlier.amount == pytest.approx(267.63 / 1.03, abs=0.01)


def test_pennsylvania_says_it_taxes_retirement_contributions_only_when_there_are_some(data: TaxData) -> None:
    note = "; Pennsylvania taxes retirement contributions, so at the whole wage"
    saving = take_home(data, 2026, 100_000, "single", "PA", retirement_share=0.1).line("state_income_tax")
    assert saving.basis.endswith(f"interpolated at $100,000{note}")
    assert note not in take_home(data, 2026, 100_000, "single", "PA").line("state_income_tax").basis
    assert saving.label == "Pennsylvania income tax"


def test_the_payroll_line_names_each_of_the_states_contributions(data: TaxData) -> None:
    line = take_home(data, 2026, 100_000, "single", "NJ").line("state_payroll_tax")
    assert line.label == "New Jersey payroll taxes"
    assert line.basis.startswith(
        "New Jersey employee family leave insurance contribution; New Jersey employee temporary disability "
        "insurance contribution; New Jersey employee unemployment insurance contribution; New Jersey employee "
        "workforce development contribution: PolicyEngine-US's 2026 rules for New Jersey (single)"
    )
    assert (
        take_home(data, 2026, 100_000, "single", "TX").line("state_payroll_tax").basis.startswith("PolicyEngine-US's")
    )


def test_the_status_is_named_on_the_lines(data: TaxData) -> None:
    result = take_home(data, 2026, 100_000, "married_joint", "CA")
    assert result.line("standard_deduction").basis.startswith(
        "standard deduction (married filing jointly (one earner)):"
    )
    assert "California (married filing jointly (one earner))" in result.line("state_income_tax").basis


def test_figures_are_kept_to_the_cent(data: TaxData) -> None:
    # 3.71% of 45,678.91 = 1,694.69 saved; taxable 45,678.91 - 1,694.69 - 16,100 = 27,884.22: 1,240 + 12% of
    # 15,484.22 = 3,098.11; Social Security 6.2% = 2,832.09; Medicare 1.45% = 662.34; taxes 6,592.54.
    result = take_home(data, 2026, 45_678.91, "single", "TX", retirement_share=0.0371)
    expected = {
        "retirement": 1_694.69,
        "taxable_income": 27_884.22,
        "federal_income_tax": 3_098.11,
        "social_security": 2_832.09,
        "medicare": 662.34,
        "total_tax": 6_592.54,
        "take_home": 45_678.91 - 1_694.69 - 6_592.54,
    }
    assert {key: result.amount(key) for key in expected} == pytest.approx(expected, abs=0.0005)
    # 0.9% of the 123.45 above 200,000 = 1.11.
    extra = take_home(data, 2026, 200_123.45, "single", "TX").amount("additional_medicare")
    assert extra == pytest.approx(1.11, abs=0.0005)


def test_the_state_taxes_count_in_the_total(data: TaxData) -> None:
    result = take_home(data, 2026, 150_000, "single", "CA")
    taxes = ("federal_income_tax", "social_security", "medicare", "additional_medicare")
    federal = sum(result.amount(key) for key in taxes)
    state = result.amount("state_income_tax") + result.amount("state_payroll_tax")
    assert state > 10_000
    assert result.amount("total_tax") == pytest.approx(federal + state, abs=0.001)
    assert result.take_home == pytest.approx(150_000 - federal - state, abs=0.001)


def test_the_top_of_the_table_is_in_2026_dollars_in_another_year(data: TaxData) -> None:
    # 2,000,000 in 2028 at 3% is 1,885,192 in 2026 dollars: within the table.
    line = take_home(data, 2028, 2_000_000, "single", "CA", inflation=0.03).line("state_income_tax")
    assert "interpolated at $1,885,192 in 2026 dollars" in line.basis
    assert "above the table" not in line.basis
