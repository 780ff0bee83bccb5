"""The part of `make tax-data` and `make tax-check` that runs inside the throw-away build environment.

build_tax_data.py and check_tax_data.py run this file with the Python of a virtual environment they made outside
the repository's .venv (build/tax-data-venv), where Tax-Calculator (taxcalc, CC0) and PolicyEngine-US
(policyengine-us, AGPL-3.0) are installed. Nothing of either package is copied into the app: this script prints
plain figures as JSON, and the app ships only those figures. It imports nothing from the app.

    python tax_data_worker.py federal YEAR...        the federal parameters Tax-Calculator holds for those years
    python tax_data_worker.py states YEAR [STATE...] the state tables (PolicyEngine household simulations)
    python tax_data_worker.py check YEAR             PolicyEngine's and Tax-Calculator's figures for the cross-check
    python tax_data_worker.py files                  the SHA-256 of every file read, with package versions
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

STATES = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
    "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
)  # fmt: skip
STATUSES = ("single", "married_joint", "head_of_household")
MARS = {"single": "single", "married_joint": "mjoint", "head_of_household": "headhh"}
TOP_WAGE = 2_000_000
# The wages simulated: every $25 up to $200,000, every $100 up to $600,000, every $250 up to $2,000,000. The
# interpolation table is fitted on these samples and checked half-way between each two of them.
GRID = ((0, 25), (200_000, 100), (600_000, 250), (TOP_WAGE, 0))
FIT_TOLERANCE = 2.0  # dollars: knots are kept until interpolation is this close on every sample
CHECK_LIMIT = 10.0  # dollars: the build fails if interpolation misses an off-grid point by more
REFINE_STEP = 0.25  # dollars: where the check fails (a cliff in the law), the interval is simulated this finely
INCOME_TAX = "state_income_tax_before_refundable_credits"
PAYROLL_TAX = "employee_state_payroll_tax"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- Tax-Calculator: federal parameters ------------------------------------------------------------------------


def federal(years: list[int]) -> dict[str, Any]:
    import taxcalc

    law_path = Path(taxcalc.__file__).parent / "policy_current_law.json"
    law = json.loads(law_path.read_text())
    # The last year policy_current_law.json states the indexed figures for; later years are Tax-Calculator's
    # projection (the last law indexed with its own inflation forecast).
    last_law_year = max(v["year"] for v in law["II_brk1"]["value"])
    policy = taxcalc.Policy()
    out = {}
    for year in years:
        policy.set_year(year)

        def per_status(name: str, year: int = year) -> dict[str, float]:
            row = getattr(policy, name)[0]
            labels = ["single", "mjoint", "mseparate", "headhh", "widow"]
            return {status: float(row[labels.index(mars)]) for status, mars in MARS.items()}

        brackets = {
            status: [
                {"rate": float(getattr(policy, f"II_rt{n}")[0]), "up_to": per_status(f"II_brk{n}")[status]}
                for n in range(1, 8)
            ]
            for status in STATUSES
        }
        for rows in brackets.values():
            rows[-1]["up_to"] = None  # 9e99 in the file: no upper end
        out[str(year)] = {
            "year": year,
            "basis": "law" if year <= last_law_year else "projected",
            "brackets": brackets,
            "standard_deduction": per_status("STD"),
            "social_security_rate": float(policy.FICA_ss_trt_employee[0]),
            "social_security_wage_base": float(policy.SS_Earnings_c[0]),
            "medicare_rate": float(policy.FICA_mc_trt_employee[0]),
            "additional_medicare_rate": float(policy.AMEDT_rt[0]),
            "additional_medicare_threshold": per_status("AMEDT_ec"),
        }
    return {"last_law_year": last_law_year, "years": out}


def retirement_limits(years: list[int]) -> dict[str, float]:
    from policyengine_us import CountryTaxBenefitSystem

    limits = CountryTaxBenefitSystem().parameters.gov.irs.gross_income.retirement_contributions.limit
    return {str(y): float(limits.children["401k"](f"{y}-01-01")) for y in years}


# --- PolicyEngine-US: the household simulation ------------------------------------------------------------------


def situation(state: str, status: str, year: int, count: int, low: float, high: float) -> dict[str, Any]:
    """One earner (age 40) in `state`: single; married filing jointly with a spouse who earns nothing; or head of
    household with one child (age 10). The federal standard deduction is taken (as the app assumes), so states
    that follow the federal choice do too. The earner's wage runs over `count` values from low to high."""
    y = str(year)
    people: dict[str, Any] = {"you": {"age": {y: 40}}}
    members = ["you"]
    marital = {"you_unit": {"members": ["you"]}}
    if status == "married_joint":
        people["spouse"] = {"age": {y: 40}, "employment_income": {y: 0}}
        members.append("spouse")
        marital = {"couple": {"members": ["you", "spouse"]}}
    elif status == "head_of_household":
        people["child"] = {"age": {y: 10}}
        members.append("child")
        marital["child_unit"] = {"members": ["child"]}
    return {
        "people": people,
        "tax_units": {"tax_unit": {"members": members, "tax_unit_itemizes": {y: False}}},
        "families": {"family": {"members": members}},
        "spm_units": {"spm_unit": {"members": members}},
        "marital_units": marital,
        "households": {"household": {"members": members, "state_name": {y: state}}},
        "axes": [[{"name": "employment_income", "count": count, "min": low, "max": high, "period": y}]],
    }


def simulate(state: str, status: str, year: int, wages: Any, variables: list[str]) -> dict[str, Any]:
    """PolicyEngine's figures for the earner at each of `wages`: one simulation, one household per wage (an axis
    makes the copies; the earner's wages are then set to the values wanted)."""
    import numpy as np
    from policyengine_us import Simulation

    wages = np.asarray(wages, dtype=float)
    sim = Simulation(situation=situation(state, status, year, len(wages), 0.0, 1.0))
    people = len(np.asarray(sim.calculate("employment_income", year)))
    earnings = np.zeros(people)
    earnings[:: people // len(wages)] = wages  # each household copy lists the earner first
    sim.set_input("employment_income", year, earnings)
    filing = sim.calculate("filing_status", year)
    expected = {"single": "SINGLE", "married_joint": "JOINT", "head_of_household": "HEAD_OF_HOUSEHOLD"}[status]
    if set(filing.decode_to_str().tolist()) != {expected}:
        raise SystemExit(f"{state} {status}: PolicyEngine files as {set(filing.decode_to_str())}, not {expected}")
    if not np.allclose(sim.calculate("employment_income", year, map_to="household"), wages, atol=0.01):
        raise SystemExit(f"{state} {status}: the wages were not set as asked")
    return {v: np.asarray(sim.calculate(v, year, map_to="household"), dtype=float) for v in variables}


def fit(x: Any, y: Any, tolerance: float) -> list[int]:
    """Indices of the points kept (Douglas-Peucker): linear interpolation between kept points is within
    `tolerance` of every point."""
    import numpy as np

    keep = {0, len(x) - 1}
    stack = [(0, len(x) - 1)]
    while stack:
        i, j = stack.pop()
        if j - i < 2:
            continue
        xs = x[i + 1 : j]
        line = y[i] + (y[j] - y[i]) * (xs - x[i]) / (x[j] - x[i])
        errors = np.abs(line - y[i + 1 : j])
        k = int(np.argmax(errors))
        if errors[k] > tolerance:
            m = i + 1 + k
            keep.add(m)
            stack += [(i, m), (m, j)]
    return sorted(keep)


def interpolate(knots: list[tuple[float, float]], wages: Any) -> Any:
    import numpy as np

    xs = np.array([k[0] for k in knots])
    ys = np.array([k[1] for k in knots])
    return np.interp(wages, xs, ys)


def samples() -> Any:
    import numpy as np

    parts = [np.arange(low, high, step, dtype=float) for (low, step), (high, _) in itertools.pairwise(GRID)]
    return np.concatenate([*parts, [float(TOP_WAGE)]])


def table(state: str, status: str, year: int) -> dict[str, Any]:
    import numpy as np

    xs = samples()
    check_x = (xs[:-1] + xs[1:]) / 2
    wages = np.empty(len(xs) + len(check_x))
    wages[0::2], wages[1::2] = xs, check_x
    values = simulate(state, status, year, wages, [INCOME_TAX, PAYROLL_TAX])
    knots, ys, check_y = {}, {}, {}
    for key, variable in (("income_tax", INCOME_TAX), ("payroll_tax", PAYROLL_TAX)):
        y = np.round(values[variable], 2)
        ys[key], check_y[key] = y[0::2], y[1::2]
        knots[key] = [(float(xs[i]), float(ys[key][i])) for i in fit(xs, ys[key], FIT_TOLERANCE)]
    refined = {"income_tax": 0, "payroll_tax": 0}
    for _round in range(3):
        # A cliff (the tax jumps at a threshold) or a feature narrower than the step: simulate each interval around
        # an off-grid point missed by more than half the limit finely (all of them in one simulation) and keep
        # the knots that describe it.
        starts: dict[str, list[int]] = {}
        for key in knots:
            errors = np.abs(interpolate(knots[key], check_x) - check_y[key])
            starts[key] = sorted({int(i) for i in np.where(errors > CHECK_LIMIT / 2)[0]})
        if not any(starts.values()):
            break
        intervals = sorted(set(starts["income_tax"]) | set(starts["payroll_tax"]))
        pieces = [np.arange(xs[i], xs[i + 1] + REFINE_STEP / 2, REFINE_STEP) for i in intervals]
        fine = simulate(state, status, year, np.concatenate(pieces), [INCOME_TAX, PAYROLL_TAX])
        for key, variable in (("income_tax", INCOME_TAX), ("payroll_tax", PAYROLL_TAX)):
            fine_y = np.round(fine[variable], 2)
            offsets = np.cumsum([0] + [len(p) for p in pieces])
            for i in starts[key]:
                n = intervals.index(i)
                x, y = pieces[n], fine_y[offsets[n] : offsets[n + 1]]
                inside = [(float(x[j]), float(y[j])) for j in fit(x, y, FIT_TOLERANCE / 4)]
                knots[key] = sorted([k for k in knots[key] if not xs[i] <= k[0] <= xs[i + 1]] + inside)
                refined[key] += 1
    result: dict[str, Any] = {"state": state, "status": status}
    for key in knots:
        errors = np.abs(interpolate(knots[key], check_x) - check_y[key])
        worst = int(np.argmax(errors))
        result[key] = [[round(w, 2), round(v, 2)] for w, v in knots[key]]
        result[f"{key}_check"] = {
            "points": int(errors.size),
            "worst_error": round(float(errors[worst]), 2),
            "worst_at": round(float(check_x[worst]), 2),
            "refined_intervals": refined[key],
        }
    return result


def payroll_parts(state: str, year: int) -> list[str]:
    """The labels of the state's employee payroll contributions that PolicyEngine charges a $100,000 earner."""
    from policyengine_us import CountryTaxBenefitSystem, Simulation
    from policyengine_us.variables.gov.states.tax.payroll.employee_state_payroll_tax import (
        EMPLOYEE_STATE_PAYROLL_TAX_COMPONENTS,
    )

    name = f"{state.lower()}_employee_state_payroll_tax"
    if name not in EMPLOYEE_STATE_PAYROLL_TAX_COMPONENTS:
        return []
    system = CountryTaxBenefitSystem()
    parts = system.variables[name].adds or [name]
    sim = Simulation(situation=situation(state, "single", year, 1, 100_000, 100_000))
    return sorted(system.variables[p].label for p in parts if float(sim.calculate(p, year).sum()) > 0)


def states(year: int, wanted: list[str]) -> dict[str, Any]:
    tables = []
    parts = {}
    for state in wanted or STATES:
        started = time.monotonic()
        for status in STATUSES:
            tables.append(table(state, status, year))
        parts[state] = payroll_parts(state, year)
        worst = max(t[f"{k}_check"]["worst_error"] for t in tables[-3:] for k in ("income_tax", "payroll_tax"))
        log(f"{state}: {time.monotonic() - started:.1f} s, worst off-grid error ${worst:.2f}")
    return {
        "year": year,
        "grid": [list(g) for g in GRID],
        "top_wage": TOP_WAGE,
        "fit_tolerance": FIT_TOLERANCE,
        "check_limit": CHECK_LIMIT,
        "tables": tables,
        "payroll_parts": parts,
    }


# --- the cross-check (make tax-check) ----------------------------------------------------------------------------

CHECK_STATES = ("CA", "NY", "TX", "WA", "MA", "NJ", "IL", "PA", "OR", "FL", "GA", "MN")
CHECK_WAGES = (30_000, 75_000, 150_000, 250_000, 500_000, 1_000_000)
PE_FEDERAL = {
    "federal_income_tax": "income_tax_before_credits",
    "social_security": "employee_social_security_tax",
    "medicare": "employee_medicare_tax",
    "additional_medicare": "additional_medicare_tax",
    "state_income_tax": INCOME_TAX,
    "state_payroll_tax": PAYROLL_TAX,
}


def policyengine_points(state: str, status: str, year: int) -> list[dict[str, float]]:
    values = simulate(state, status, year, list(CHECK_WAGES), list(PE_FEDERAL.values()))
    return [{key: round(float(values[var][n]), 2) for key, var in PE_FEDERAL.items()} for n in range(len(CHECK_WAGES))]


def taxcalc_points(year: int) -> dict[str, dict[str, float]]:
    import pandas as pd
    import taxcalc

    rows = []
    for status in STATUSES:
        for wage in CHECK_WAGES:
            rows.append(
                {
                    "RECID": len(rows) + 1,
                    "MARS": {"single": 1, "married_joint": 2, "head_of_household": 4}[status],
                    "XTOT": {"single": 1, "married_joint": 2, "head_of_household": 2}[status],
                    "EIC": 1 if status == "head_of_household" else 0,
                    "n24": 1 if status == "head_of_household" else 0,
                    "nu18": 1 if status == "head_of_household" else 0,
                    "age_head": 40,
                    "age_spouse": 40 if status == "married_joint" else 0,
                    "e00200": float(wage),
                    "e00200p": float(wage),
                    "e00200s": 0.0,
                    "FLPDYR": year,
                }
            )
    frame = pd.DataFrame(rows)
    records = taxcalc.Records(data=frame, start_year=year, gfactors=None, weights=None, adjust_ratios=None)
    calc = taxcalc.Calculator(policy=taxcalc.Policy(), records=records)
    calc.advance_to_year(year)
    calc.calc_all()
    out = {}
    n = 0
    for status in STATUSES:
        for wage in CHECK_WAGES:
            ss_total = float(calc.array("ptax_oasdi")[n])  # employee and employer halves together
            hi_total = float(calc.array("ptax_was")[n]) - ss_total  # OASDI + HI, both halves
            out[f"{status}:{wage}"] = {
                # regular tax plus AMT before credits, as PolicyEngine's income_tax_before_credits
                "federal_income_tax": round(float(calc.array("taxbc")[n] + calc.array("c09600")[n]), 2),
                "social_security": round(ss_total / 2, 2),
                "medicare": round(hi_total / 2, 2),
                "additional_medicare": round(float(calc.array("ptax_amc")[n]), 2),
            }
            n += 1
    return out


def check(year: int) -> dict[str, Any]:
    points = []
    for state in CHECK_STATES:
        for status in STATUSES:
            for wage, figures in zip(CHECK_WAGES, policyengine_points(state, status, year), strict=True):
                points.append({"state": state, "status": status, "wage": wage, "policyengine": figures})
        log(f"{state}: done")
    return {"year": year, "taxcalc": taxcalc_points(year), "points": points}


# --- what was read ------------------------------------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_sha256(folder: Path) -> tuple[str, int]:
    """One SHA-256 over every file below `folder` (its path and its own SHA-256, in sorted order), __pycache__
    left out."""
    digest = hashlib.sha256()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(f"{path.relative_to(folder).as_posix()}\0{sha256_file(path)}\n".encode())
    return digest.hexdigest(), len(files)


def files() -> dict[str, Any]:
    import policyengine_core
    import policyengine_us
    import taxcalc

    tc = Path(taxcalc.__file__).parent
    pe = Path(policyengine_us.__file__).parent
    core = Path(policyengine_core.__file__).parent
    pe_params, pe_param_count = tree_sha256(pe / "parameters")
    pe_vars, pe_var_count = tree_sha256(pe / "variables")
    core_tree, core_count = tree_sha256(core)
    return {
        "python": ".".join(map(str, sys.version_info[:2])),
        "versions": {
            name: metadata.version(name)
            for name in ("taxcalc", "policyengine-us", "policyengine-core", "numpy", "pandas")
        },
        "files": [
            {
                "package": "taxcalc",
                "path": "taxcalc/policy_current_law.json",
                "sha256": sha256_file(tc / "policy_current_law.json"),
            },
            {"package": "taxcalc", "path": "taxcalc/growfactors.csv", "sha256": sha256_file(tc / "growfactors.csv")},
            {
                "package": "policyengine-us",
                "path": f"policyengine_us/parameters/ ({pe_param_count} files)",
                "sha256": pe_params,
            },
            {
                "package": "policyengine-us",
                "path": f"policyengine_us/variables/ ({pe_var_count} files)",
                "sha256": pe_vars,
            },
            {"package": "policyengine-core", "path": f"policyengine_core/ ({core_count} files)", "sha256": core_tree},
        ],
    }


def main(argv: list[str]) -> int:
    command, *rest = argv
    if command == "federal":
        years = [int(y) for y in rest]
        data = federal(years)
        data["retirement_limit_401k"] = retirement_limits(years)
    elif command == "states":
        data = states(int(rest[0]), rest[1:])
    elif command == "check":
        data = check(int(rest[0]))
    elif command == "files":
        data = files()
    else:
        raise SystemExit(f"unknown command {command!r}")
    json.dump(data, sys.stdout, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
