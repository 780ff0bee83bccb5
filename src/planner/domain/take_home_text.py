""" "Why this number?" for take-home pay: the year's total compensation, then each tax and the pre-tax retirement
contributions taken off it, every line saying where it comes from (pure, no Qt).

The tax lines are ``planner.domain.taxes``' own: the law's figure with its source and tax year, derived with its
formula, resting on the inflation assumption (a year after the tax data's), or the user's entry. In today's
dollars each amount is the year's own with the assumed inflation taken out, as every other figure is.
"""

from __future__ import annotations

import dataclasses
import re

from planner.domain.money import usd
from planner.domain.projection import Projection
from planner.domain.projection_basis import Comp, Dollars
from planner.domain.projection_text import Breakdown, BreakdownLine, LineKind, breakdown
from planner.domain.tax_codes import FILING_STATUS_NAMES
from planner.domain.tax_data import TaxData
from planner.domain.taxes import TaxLine

# The lines of planner.domain.taxes.take_home taken off the gross pay, in its order.
TAKEN_OFF = (
    "retirement",
    "federal_income_tax",
    "social_security",
    "medicare",
    "additional_medicare",
    "state_income_tax",
    "state_payroll_tax",
)
ALWAYS_SHOWN = {"federal_income_tax", "social_security", "medicare", "state_income_tax"}
_KINDS: dict[str, LineKind] = {"law": "data", "derived": "derived", "assumption": "assumption", "yours": "yours"}
ORIGINS = {
    "law": "The law's figure (its source and tax year above)",
    "derived": "Derived by the app from the tax law's figures and your inputs",
    "assumption": "Rests on an assumption: a later year's figures moved by your inflation assumption (yours to "
    "change on this tab), or Tax-Calculator's projection of the law",
    "yours": "Your input (Inputs › Taxes, or your Market area)",
}


def _line(item: TaxLine, amount: float | None, detail: str) -> BreakdownLine:
    return BreakdownLine(item.label, amount, detail, _KINDS[item.kind], origin=ORIGINS[item.kind])


def breakdown_of(p: Projection, t: int, dollars: Dollars, comp: Comp) -> Breakdown:
    """The lines of "Why this number?" for year ``t`` in any pay: take-home pay is total compensation less each
    line taken off it (``p.taxes`` must be set)."""
    if comp != "take_home":
        return breakdown(p, t, dollars, comp)
    gross = breakdown(p, t, dollars, "total")
    taxes = p.taxes
    if taxes is None:
        raise ValueError("take-home pay needs the tax inputs (a TaxSetting)")
    t = gross.t
    year = gross.calendar_year
    index = float(p.inflation_index[t])
    scale = 1.0 / index if dollars == "today" else 1.0
    gross_nominal = gross.total / scale
    result = taxes.lines(year, gross_nominal, p.assumptions.inflation)
    lines = list(gross.lines)
    deflated = (
        f"; in today's dollars: the {year} amount ÷ {index:.4f} (your inflation assumption)" if scale != 1.0 else ""
    )
    lines.append(
        BreakdownLine(
            f"Taxes in {year}: {taxes.origin or taxes.state}, {FILING_STATUS_NAMES[taxes.status]}",
            None,
            f"on total compensation of {usd(gross_nominal)} in {year} dollars (bonus and equity taxed as wages)"
            + deflated,
            "yours",
            origin=ORIGINS["yours"],
        )
    )
    deduction = result.line("standard_deduction")
    lines.append(_line(deduction, None, f"{usd(deduction.amount)}: {deduction.basis}"))
    taxable = result.line("taxable_income")
    lines.append(_line(taxable, None, f"{usd(taxable.amount)} = {taxable.basis}"))
    for key in TAKEN_OFF:
        try:
            item = result.line(key)
        except KeyError:
            continue  # no retirement contributions
        if item.amount == 0 and key not in ALWAYS_SHOWN:
            continue
        lines.append(_line(item, -item.amount * scale, item.basis))
    total = result.take_home * scale
    return dataclasses.replace(gross, comp="take_home", lines=tuple(lines), total=total)


def tax_source_words(data: TaxData) -> str:
    """Where take-home pay's taxes come from, in a line: who worked out the federal figures, from which file for
    which years (a later year projected), and the states' rules ("Tax-Calculator 6.8.0 (federal taxes: ...)")."""
    makers = sorted({re.sub(r" \(.*?\)|'s .*", "", f.source.split(",")[0]) for f in data.federal})
    law = [f for f in data.federal if f.basis == "law"]
    files = sorted({f.source.rsplit(", ", 1)[-1] for f in law})
    federal = f"{', '.join(files)} for {' and '.join(str(f.year) for f in law)}"
    projected = [str(f.year) for f in data.federal if f.basis != "law"]
    if projected:
        federal += f"; {' and '.join(projected)} projected"
    states = data.states.source.split(" household")[0]
    return f"{' and '.join(makers)} (federal taxes: {federal}) and {states} (state taxes, {data.states.year} rules)"
