"""`make tax-check`: the app's own tax computation against PolicyEngine-US's and Tax-Calculator's, in 2026.

For 12 states × 6 wages × 3 filing statuses: federal income tax (before credits, standard deduction), Social
Security, Medicare and Additional Medicare must agree within $1 with both packages; the state income and payroll
taxes the app interpolates from the shipped table must agree within $10 with PolicyEngine's own figure. The
packages run in the throw-away build environment of `make tax-data` (packaging/tax_data_worker.py check); the tables
are written into docs/tax-data.md between its tax-check markers. Exit status 1 when anything is off.
Not part of `make test`: it needs the build environment (about a minute to make) and a few minutes of PolicyEngine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from build_tax_data import VENV, environment, run

from planner.domain.money import usd
from planner.domain.tax_data import FILING_STATUS_NAMES
from planner.domain.taxes import take_home
from planner.storage.tax_file import load_tax_data

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "tax-data.md"
START, END = "<!-- tax-check:start -->", "<!-- tax-check:end -->"
YEAR = 2026
FEDERAL = ("federal_income_tax", "social_security", "medicare", "additional_medicare")
STATE = ("state_income_tax", "state_payroll_tax")
FEDERAL_LIMIT, STATE_LIMIT = 1.0, 10.0


def compare(checked: dict[str, Any]) -> tuple[list[str], list[str], int]:
    data = load_tax_data()
    federal_rows: dict[tuple[str, int], dict[str, float]] = {}
    state_lines, failures = [], 0
    for point in checked["points"]:
        status, wage, state = point["status"], point["wage"], point["state"]
        ours = take_home(data, YEAR, float(wage), status, state)
        pe = point["policyengine"]
        tc = checked["taxcalc"][f"{status}:{wage}"]
        row = federal_rows.setdefault((status, wage), {"pe": 0.0, "tc": 0.0})
        for key in FEDERAL:
            row[f"app_{key}"] = ours.amount(key)
            row["pe"] = max(row["pe"], abs(ours.amount(key) - pe[key]))
            row["tc"] = max(row["tc"], abs(ours.amount(key) - tc[key]))
        miss = max(abs(ours.amount(k) - pe[k]) for k in STATE)
        failures += miss > STATE_LIMIT
        state_lines.append(
            f"| {state} | {FILING_STATUS_NAMES[status]} | {usd(wage)} | {ours.amount('state_income_tax'):,.2f} | "
            f"{pe['state_income_tax']:,.2f} | {ours.amount('state_payroll_tax'):,.2f} | "
            f"{pe['state_payroll_tax']:,.2f} | {miss:.2f} |"
        )
    federal_lines = []
    for (status, wage), row in federal_rows.items():
        failures += row["pe"] > FEDERAL_LIMIT or row["tc"] > FEDERAL_LIMIT
        payroll = row["app_social_security"] + row["app_medicare"] + row["app_additional_medicare"]
        federal_lines.append(
            f"| {FILING_STATUS_NAMES[status]} | {usd(wage)} | {row['app_federal_income_tax']:,.2f} | "
            f"{payroll:,.2f} | {row['pe']:.2f} | {row['tc']:.2f} |"
        )
    return federal_lines, state_lines, failures


def write_doc(checked: dict[str, Any], federal: list[str], state: list[str], failures: int) -> None:
    states = sorted({p["state"] for p in checked["points"]})
    text = "\n".join(
        [
            START,
            f"Tax year {YEAR}; {len(states)} states ({', '.join(states)}) × 6 wages × 3 filing statuses "
            f"({len(checked['points'])} households). Result: "
            + ("**all within the limits**." if not failures else f"**{failures} outside the limits**."),
            "",
            "Federal income tax and payroll taxes (Social Security + Medicare + Additional Medicare): the app's "
            "figures, and the largest difference from PolicyEngine-US over the states and from Tax-Calculator "
            f"over the four taxes (limit ${FEDERAL_LIMIT:.0f}).",
            "",
            "| Filing status | Wage | App: federal income tax | App: payroll taxes | Largest difference, "
            "PolicyEngine | Largest difference, Tax-Calculator |",
            "|---|---:|---:|---:|---:|---:|",
            *federal,
            "",
            "State income tax and state payroll taxes: the app's interpolation in the shipped table against "
            f"PolicyEngine-US's own figure (limit ${STATE_LIMIT:.0f}).",
            "",
            "| State | Filing status | Wage | App: income tax | PolicyEngine | App: payroll | PolicyEngine | "
            "Difference |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
            *state,
            END,
        ]
    )
    doc = DOC.read_text(encoding="utf-8")
    head, rest = doc.split(START, 1)
    DOC.write_text(head + text + rest.split(END, 1)[1], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=VENV)
    args = parser.parse_args(argv)
    python, _hashes = environment(args.venv)
    checked = run(python, "check", str(YEAR))
    federal, state, failures = compare(checked)
    write_doc(checked, federal, state, failures)
    print(f"{len(checked['points'])} households checked; {failures} outside the limits; table written to {DOC}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
