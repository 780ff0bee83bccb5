"""Take-home pay for one year: federal income tax, Social Security, Medicare, state taxes (pure, no Qt).

``take_home(data, year, gross_pay, status, state, retirement_share, inflation)`` gives every figure as a labelled
line saying where it comes from: the law's figure (with its source and tax year), derived (with its formula),
resting on the inflation assumption, or the user's own entry.

What is computed, and what is not:
  * Federal income tax: wages less pre-tax retirement contributions less the standard deduction, through the
    year's brackets. No credits, no itemized deductions, no AMT, no other income.
  * Social Security, Medicare and Additional Medicare on the whole wage (pre-tax retirement contributions do not
    lower them).
  * State income tax and employee state payroll taxes (disability, family leave, long-term care, unemployment
    where employees pay it) by linear interpolation in PolicyEngine-US's table for the state and filing status;
    the income tax is looked up at the wage less retirement contributions (Pennsylvania taxes those
    contributions, so there at the whole wage), the payroll taxes at the whole wage. Local income taxes (New York
    City, ...) are not included.
  * A year after the data's last federal year moves brackets, standard deduction, the wage base and the 401(k)
    limit with the inflation assumption from that year; a year other than the state tables' year scales the table
    the same way (tax(wage) = f × table(wage / f)). Each such line says it rests on the assumption.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from planner.domain.money import percent, usd
from planner.domain.tax_data import (
    FILING_STATUS_NAMES,
    STATE_NAMES,
    Bracket,
    FederalYear,
    FilingStatus,
    Knot,
    StateData,
    TaxData,
)

if TYPE_CHECKING:
    from planner.domain.market import MarketData

LineKind = Literal["yours", "law", "derived", "assumption"]
STATES_TAXING_RETIREMENT_CONTRIBUTIONS = frozenset({"PA"})
NO_CREDITS = "standard deduction, no credits, no itemized deductions"


class TaxInputError(ValueError):
    """An input the computation refuses (the message says which and why)."""


@dataclass(frozen=True)
class TaxLine:
    key: str  # gross_pay, retirement, taxable_income, federal_income_tax, ..., take_home
    label: str
    amount: float
    kind: LineKind
    basis: str  # where it comes from: the law's source and year, the formula, the assumption or "your entry"


@dataclass(frozen=True)
class TaxYear:
    """The federal figures used for one year: the law's own, or moved from the last law year by inflation."""

    year: int
    law: FederalYear
    factor: float  # 1 for a year in the data; otherwise (1 + inflation) ** (year - law.year)
    inflation: float

    @property
    def from_law(self) -> bool:
        return self.year == self.law.year

    def amount(self, value: float) -> float:
        return value if self.from_law else round(value * self.factor, 2)

    @property
    def computed(self) -> LineKind:
        """A tax computed from this year's figures: derived from the law's, or resting on an assumption."""
        return "derived" if self.from_law and self.law.basis == "law" else "assumption"

    def basis(self, what: str) -> tuple[LineKind, str]:
        source = f"{self.law.source}, tax year {self.law.year}"
        if self.from_law:
            kind: LineKind = "law" if self.law.basis == "law" else "assumption"
            return kind, f"{what}: {source}"
        return "assumption", (
            f"{what}: the {self.law.year} figure ({source}) moved by your inflation assumption "
            f"({percent(self.inflation)} a year) to {self.year}; it rests on that assumption"
        )


def tax_year(data: TaxData, year: int, inflation: float) -> TaxYear:
    first, last = data.federal[0], data.federal[-1]
    law = data.federal_year(year) or (last if year > last.year else first)
    return TaxYear(year, law, (1 + inflation) ** (year - law.year), inflation)


@dataclass(frozen=True)
class TakeHome:
    year: int
    status: FilingStatus
    state: str
    lines: tuple[TaxLine, ...]

    def line(self, key: str) -> TaxLine:
        for item in self.lines:
            if item.key == key:
                return item
        raise KeyError(key)

    def amount(self, key: str) -> float:
        return self.line(key).amount

    @property
    def take_home(self) -> float:
        return self.amount("take_home")


def bracket_tax(taxable: float, brackets: list[Bracket], scale: float = 1.0) -> tuple[float, list[str]]:
    """Tax on `taxable` income through the brackets (thresholds times `scale`), with one step per bracket used."""
    tax, lower, steps = 0.0, 0.0, []
    for b in brackets:
        upper = float("inf") if b.up_to is None else round(b.up_to * scale, 2)
        if taxable <= lower:
            break
        part = min(taxable, upper) - lower
        tax += part * b.rate
        steps.append(f"{percent(b.rate, 0)} of {usd(part)}")
        lower = upper
    return tax, steps


def interpolate(knots: list[Knot], wage: float) -> float:
    """Linear interpolation between knots; past the last knot, the last segment's slope carried on."""
    wages = [w for w, _ in knots]
    i = bisect.bisect_right(wages, wage) - 1
    i = max(0, min(i, len(knots) - 2))
    (w0, t0), (w1, t1) = knots[i], knots[i + 1]
    return max(0.0, t0 + (t1 - t0) * (wage - w0) / (w1 - w0))


def state_tax(
    states: StateData,
    state: str,
    status: FilingStatus,
    wage: float,
    year: int,
    inflation: float,
    which: Literal["income_tax", "payroll_tax"],
) -> tuple[float, LineKind, str]:
    amount = _state_amount(states, state, status, wage, year, inflation, which)
    factor = _table_scale(states, year, inflation)
    base = (
        f"PolicyEngine-US's {states.year} rules for {STATE_NAMES[state]} ({FILING_STATUS_NAMES[status]}), "
        f"simulated at build time and interpolated at {usd(wage / factor)}"
    )
    if wage / factor > states.top_wage:
        base += f" (above the table's {usd(states.top_wage)}: its top rate carried on)"
    if year == states.year:
        return amount, "derived", base
    return (
        amount,
        "assumption",
        (
            f"{base} in {states.year} dollars, moved by your inflation assumption ({percent(inflation)} a year) to "
            f"{year}; it rests on that assumption"
        ),
    )


def take_home(
    data: TaxData,
    year: int,
    gross_pay: float,
    status: FilingStatus,
    state: str,
    retirement_share: float = 0.0,
    inflation: float = 0.025,
    *,
    cap_at_limit: bool = False,
) -> TakeHome:
    """Every line of one year's take-home pay (see the module's docstring). Contributions above the year's legal
    limit are refused, or with ``cap_at_limit`` (a projection's later years, where pay has grown) held at it."""
    if not 0 <= gross_pay <= 1e8:
        raise TaxInputError(f"gross pay must be between $0 and $100,000,000, not {usd(gross_pay)}")
    if status not in FILING_STATUS_NAMES:
        raise TaxInputError(f"the tax data has no filing status {status!r}")
    if state not in STATE_NAMES:
        raise TaxInputError(f"the tax data has no state {state!r} (the 50 states and DC, by postal code)")
    if not 0 <= retirement_share <= 1:
        raise TaxInputError(f"retirement contributions must be between 0 % and 100 % of pay, not {retirement_share}")
    ty = tax_year(data, year, inflation)
    law = ty.law
    contribution = round(gross_pay * retirement_share, 2)
    limit = ty.amount(law.retirement_limit_401k)
    held = contribution > limit
    if held and not cap_at_limit:
        raise TaxInputError(
            f"pre-tax retirement contributions of {usd(contribution)} are above the {year} limit of {usd(limit)}"
        )
    lines = [TaxLine("gross_pay", "Gross pay", gross_pay, "yours", "your entry")]
    if contribution:
        share_text = f"{percent(retirement_share)} of gross pay (your entry)"
        if held:
            contribution = limit
            why = f"{share_text}, {usd(gross_pay * retirement_share)}, held at the {year} limit of {usd(limit)}"
        else:
            why = f"{share_text}; the {year} limit is {usd(limit)}"
        lines.append(TaxLine("retirement", "Pre-tax retirement contributions", contribution, "derived", why))

    deduction = ty.amount(law.standard_deduction[status])
    kind, why = ty.basis(f"standard deduction ({FILING_STATUS_NAMES[status]})")
    lines.append(TaxLine("standard_deduction", "Standard deduction", deduction, kind, why))
    taxable = max(0.0, gross_pay - contribution - deduction)
    lines.append(
        TaxLine(
            "taxable_income",
            "Federal taxable income",
            taxable,
            "derived",
            f"gross pay {usd(gross_pay)} − retirement contributions {usd(contribution)} − standard "
            f"deduction {usd(deduction)}",
        )
    )
    federal, steps = bracket_tax(taxable, law.brackets[status], 1.0 if ty.from_law else ty.factor)
    kind, why = ty.basis(f"brackets ({FILING_STATUS_NAMES[status]})")
    lines.append(
        TaxLine(
            "federal_income_tax",
            "Federal income tax",
            round(federal, 2),
            ty.computed,
            f"{' + '.join(steps) or '$0'} of taxable income; {why}; {NO_CREDITS}",
        )
    )

    base = ty.amount(law.social_security_wage_base)
    kind, why = ty.basis(f"Social Security rate {percent(law.social_security_rate)}, wage base {usd(base)}")
    social = round(min(gross_pay, base) * law.social_security_rate, 2)
    lines.append(
        TaxLine(
            "social_security",
            "Social Security",
            social,
            ty.computed,
            f"{percent(law.social_security_rate)} of {usd(min(gross_pay, base))}; {why}",
        )
    )
    kind, why = ty.basis(f"Medicare rate {percent(law.medicare_rate, 2)}")
    lines.append(
        TaxLine(
            "medicare",
            "Medicare",
            round(gross_pay * law.medicare_rate, 2),
            ty.computed,
            f"{percent(law.medicare_rate, 2)} of {usd(gross_pay)}; {why}",
        )
    )
    threshold = law.additional_medicare_threshold[status]  # fixed in the law, never indexed
    extra = round(max(0.0, gross_pay - threshold) * law.additional_medicare_rate, 2)
    lines.append(
        TaxLine(
            "additional_medicare",
            "Additional Medicare",
            extra,
            "derived",
            f"{percent(law.additional_medicare_rate)} of wages above {usd(threshold)} "
            f"(fixed in the law, not indexed); {law.source}, tax year {law.year}",
        )
    )

    state_wage = gross_pay if state in STATES_TAXING_RETIREMENT_CONTRIBUTIONS else gross_pay - contribution
    income, kind, why = state_tax(data.states, state, status, state_wage, year, inflation, "income_tax")
    if state == "PA" and contribution:
        why += "; Pennsylvania taxes retirement contributions, so at the whole wage"
    lines.append(TaxLine("state_income_tax", f"{STATE_NAMES[state]} income tax", income, kind, why))
    payroll, kind, why = state_tax(data.states, state, status, gross_pay, year, inflation, "payroll_tax")
    parts = data.states.payroll_parts.get(state, [])  # type: ignore[call-overload]  # a StateCode
    if parts:
        why = f"{'; '.join(parts)}: {why}"
    lines.append(TaxLine("state_payroll_tax", f"{STATE_NAMES[state]} payroll taxes", payroll, kind, why))

    taxes = (
        "federal_income_tax",
        "social_security",
        "medicare",
        "additional_medicare",
        "state_income_tax",
        "state_payroll_tax",
    )
    total = round(sum(line.amount for line in lines if line.key in taxes), 2)
    lines.append(TaxLine("total_tax", "Taxes", total, "derived", "the sum of the taxes above"))
    lines.append(
        TaxLine(
            "take_home",
            "Take-home pay",
            round(gross_pay - contribution - total, 2),
            "derived",
            f"gross pay {usd(gross_pay)} − retirement contributions {usd(contribution)} − taxes {usd(total)}",
        )
    )
    return TakeHome(year, status, state, tuple(lines))


def taxes_wages(data: TaxData, state: str, status: FilingStatus) -> bool:
    """Whether the state taxes a wage earner's income at all (its table is not zero everywhere)."""
    return any(t > 0 for _, t in data.states.table(state, status).income_tax)


def retirement_limit(data: TaxData, year: int, inflation: float) -> float:
    """The year's legal limit on pre-tax 401(k) contributions (moved by inflation after the data's last year)."""
    ty = tax_year(data, year, inflation)
    return ty.amount(ty.law.retirement_limit_401k)


def no_income_tax_states(data: TaxData, status: FilingStatus = "single") -> list[str]:
    """The states (postal codes, in STATE_NAMES order) whose table taxes no wage income."""
    return [s for s in STATE_NAMES if not taxes_wages(data, s, status)]


# --- the state whose taxes apply, and a year's take-home as one number (for curves) -----------------------------


@dataclass(frozen=True)
class StateForTaxes:
    """The state whose taxes apply and where that comes from: "yours" (chosen), "area" (the state of a market
    area) or "none" (no state chosen and no area giving one: take-home pay cannot be worked out)."""

    state: str | None
    origin: Literal["yours", "area", "none"]
    area_name: str = ""  # the market area, when the state comes from it

    def words(self) -> str:
        """ "Washington (your choice)", "Washington (from your Market area: Seattle-Tacoma-Bellevue, WA)"."""
        if self.state is None:
            return "no state chosen"
        name = STATE_NAMES[self.state]
        if self.origin == "area":
            return f"{name} (from the market area {self.area_name})"
        return f"{name} (your choice)"


def state_for_taxes(state: str | None, area: str | None, market: MarketData | None) -> StateForTaxes:
    """The state for taxes: the one chosen (``profile.taxes.state``), else the state of the market area (a metro
    area spanning states: its first-named one, ``MarketData.tax_state``); "none" when neither gives one (no area,
    the nation, Puerto Rico, an area the wage data lacks or no wage data)."""
    if state is not None:
        return StateForTaxes(state, "yours")
    if area is None or market is None:
        return StateForTaxes(None, "none")
    found = market.tax_state(area)
    if found is None:
        return StateForTaxes(None, "none", _area_name(market, area))
    return StateForTaxes(found, "area", _area_name(market, area))


def _area_name(market: MarketData, area: str) -> str:
    try:
        return market.area(area).name
    except KeyError:
        return area


@dataclass(frozen=True)
class TaxSetting:
    """Everything take-home pay needs besides the year, the pay and the inflation assumption."""

    data: TaxData
    status: FilingStatus
    state: str
    retirement_share: float = 0.0
    origin: str = ""  # where the state comes from, in words ("Washington (your choice)")

    def moved_to(self, state: str, origin: str) -> TaxSetting:
        return TaxSetting(self.data, self.status, state, self.retirement_share, origin)

    def lines(self, year: int, gross_pay: float, inflation: float) -> TakeHome:
        """Every line of the year's take-home pay; contributions held at the year's limit (pay grows)."""
        return take_home(
            self.data, year, gross_pay, self.status, self.state, self.retirement_share, inflation, cap_at_limit=True
        )

    def amount(self, year: int, gross_pay: float, inflation: float) -> float:
        """The take-home pay of ``lines`` alone, without the words (a curve needs thousands of them)."""
        return take_home_amount(self, year, gross_pay, inflation)


def taxes_in_area(setting: TaxSetting, area: str | None, market: MarketData | None) -> TaxSetting:
    """The taxes of a scenario that moves to another market area: that area's state (a metro area spanning
    states: its first-named one); an area the tax data has no state for (the nation, Puerto Rico) keeps the
    setting's state and says so."""
    if area is None:
        return setting
    found = state_for_taxes(None, area, market)
    if found.state is None:
        where = found.area_name or "its area"
        return setting.moved_to(
            setting.state,
            f"{setting.origin or STATE_NAMES[setting.state]}; {where} has no state "
            f"in the tax data, so today's path's state is used",
        )
    return setting.moved_to(found.state, f"{STATE_NAMES[found.state]} (the scenario's market area {found.area_name})")


def take_home_amount(setting: TaxSetting, year: int, gross_pay: float, inflation: float) -> float:
    """``take_home(...).take_home`` for a setting, contributions held at the limit, computed the same way (each
    line rounded to the cent) but without the text of each line."""
    data, status, state = setting.data, setting.status, setting.state
    ty = tax_year(data, year, inflation)
    law = ty.law
    contribution = min(round(gross_pay * setting.retirement_share, 2), ty.amount(law.retirement_limit_401k))
    deduction = ty.amount(law.standard_deduction[status])
    taxable = max(0.0, gross_pay - contribution - deduction)
    federal = round(_bracket_amount(taxable, law.brackets[status], 1.0 if ty.from_law else ty.factor), 2)
    base = ty.amount(law.social_security_wage_base)
    social = round(min(gross_pay, base) * law.social_security_rate, 2)
    medicare = round(gross_pay * law.medicare_rate, 2)
    extra = round(max(0.0, gross_pay - law.additional_medicare_threshold[status]) * law.additional_medicare_rate, 2)
    state_wage = gross_pay if state in STATES_TAXING_RETIREMENT_CONTRIBUTIONS else gross_pay - contribution
    income = _state_amount(data.states, state, status, state_wage, year, inflation, "income_tax")
    payroll = _state_amount(data.states, state, status, gross_pay, year, inflation, "payroll_tax")
    total = round(federal + social + medicare + extra + income + payroll, 2)
    return round(gross_pay - contribution - total, 2)


def _bracket_amount(taxable: float, brackets: list[Bracket], scale: float) -> float:
    tax, lower = 0.0, 0.0
    for b in brackets:
        upper = float("inf") if b.up_to is None else round(b.up_to * scale, 2)
        if taxable <= lower:
            break
        tax += (min(taxable, upper) - lower) * b.rate
        lower = upper
    return tax


def _state_amount(
    states: StateData,
    state: str,
    status: FilingStatus,
    wage: float,
    year: int,
    inflation: float,
    which: Literal["income_tax", "payroll_tax"],
) -> float:
    """The state table's figure alone (``state_tax`` without its words: a curve asks for thousands)."""
    knots = getattr(states.table(state, status), which)
    factor = _table_scale(states, year, inflation)
    return round(interpolate(knots, wage / factor) * factor, 2)


def _table_scale(states: StateData, year: int, inflation: float) -> float:
    """Prices in ``year`` against the state table's year, at the inflation assumption (the table is scaled by it)."""
    return float((1 + inflation) ** (year - states.year))
