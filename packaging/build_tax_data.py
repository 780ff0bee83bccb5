"""`make tax-data`: build resources/data/us-tax-2025-2027.json from Tax-Calculator and PolicyEngine-US.

Both packages are installed into a throw-away virtual environment outside the app's .venv (build/tax-data-venv by
default), pinned with everything they pull in by packaging/tax-data-requirements.txt; the app never imports them and
does not depend on them. packaging/tax_data_worker.py runs there and prints figures as JSON:

  * the federal figures for 2025 and 2026 from Tax-Calculator's ``policy_current_law.json`` (taxcalc 6.8.0, CC0),
    and 2027 as Tax-Calculator projects them (marked "projected");
  * the 2026 state income tax and employee state payroll taxes of all 50 states and DC, per filing status, from
    PolicyEngine-US's own household simulation (policyengine-us 2.68.0, AGPL-3.0): one simulation per state and
    filing status over 80,001 wages from $0 to $2,000,000, kept as the knots linear interpolation needs, and checked
    at the 40,000 wages half-way between the samples (the build fails if one is off by more than $10).

The result is validated with ``planner.domain.tax_data.TaxData`` and written with sorted keys and fixed number
formatting, so the same packages give the same bytes. Usage::

    python packaging/build_tax_data.py [--venv DIR] [--jobs N] [--raw DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from planner.domain.tax_data import FILING_STATUSES, STATE_NAMES, TAX_SCHEMA_VERSION, TaxData

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "data" / "us-tax-2025-2027.json"
WORKER = ROOT / "packaging" / "tax_data_worker.py"
LOCK = ROOT / "packaging" / "tax-data-requirements.txt"
VENV = ROOT / "build" / "tax-data-venv"
FEDERAL_YEARS = (2025, 2026, 2027)
STATE_YEAR = 2026
PACKAGES = {
    "taxcalc": ("6.8.0", "CC0-1.0 (public domain dedication)", "the federal figures (policy_current_law.json)"),
    "policyengine-us": (
        "2.68.0",
        "AGPL-3.0",
        "the state tables and the 401(k) limit; a build tool only: none of its code ships with the app",
    ),
    "policyengine-core": ("3.33.12", "AGPL-3.0", "runs PolicyEngine-US's simulation; a build tool only"),
}
NOTES = [
    "Federal: wages less pre-tax retirement contributions less the standard deduction, through the brackets; the "
    "app applies no credits, no itemized deductions and no alternative minimum tax.",
    "The 2027 federal figures are Tax-Calculator's projection (the 2026 law indexed with its own inflation "
    "forecast, not rounded as the IRS rounds): the IRS publishes 2027's in late 2026.",
    "State tables: PolicyEngine-US's household simulation of one earner aged 40 with wages only: single; married "
    "filing jointly with a spouse who earns nothing; or head of household with one child aged 10. The federal "
    "standard deduction is taken (states that follow the federal choice follow it).",
    "State income tax is PolicyEngine's state_income_tax_before_refundable_credits (non-refundable credits taken, "
    "refundable ones such as a state EITC left out); local income taxes (New York City, Yonkers, Maryland's "
    "county income tax, which PolicyEngine keeps apart, Ohio and Pennsylvania cities) are not included.",
    "State payroll taxes are PolicyEngine's employee_state_payroll_tax: the employee's share of disability, "
    "family leave, long-term care and unemployment contributions where a state charges employees.",
    "Each table is a list of (wage, tax) knots: linear interpolation between them is within $2 of PolicyEngine's "
    "figure at each of the 17,601 wages sampled (every $25 to $200,000, $100 to $600,000, $250 to $2,000,000) "
    "and was checked at the 17,600 wages half-way between them (limit $10; where a check missed by more than $5, "
    "as at a cliff in the law, that interval was simulated every $0.25); the worst miss of each table is "
    "recorded. Above $2,000,000 the app carries the last segment's rate on.",
]


def run(python: Path, *args: str) -> Any:
    out = subprocess.run([str(python), str(WORKER), *args], check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def environment(venv: Path) -> tuple[Path, dict[str, str]]:
    """The build environment (made when missing or when the lock file changed) and the SHA-256 of the
    distributions of the three packages that matter, as pip downloaded them."""
    python = venv / "bin" / "python"
    stamp = venv / ".tax-data-lock"
    dists = venv / "dists"
    if not python.exists() or not stamp.exists() or stamp.read_text() != sha256(LOCK):
        print(f"making the build environment {venv} (about a minute)", flush=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        pins = [f"{name}=={version}" for name, (version, _, _) in PACKAGES.items()]
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "--quiet"]
        subprocess.run([*pip, "download", "--no-deps", "--no-binary", "taxcalc", "-d", str(dists), *pins], check=True)
        subprocess.run([*pip, "install", "-r", str(LOCK)], check=True)
        stamp.write_text(sha256(LOCK))
    hashes = {}
    for name, (version, _, _) in PACKAGES.items():
        stem = name.replace("-", "_")
        (dist,) = [p for p in dists.iterdir() if p.name.lower().startswith(f"{stem}-{version}")]
        hashes[name] = sha256(dist)
    return python, hashes


def states(python: Path, jobs: int, raw: Path | None) -> dict[str, Any]:
    codes = list(STATE_NAMES)
    groups = [codes[n::jobs] for n in range(jobs)]

    def one(group: list[str]) -> dict[str, Any]:
        cached = raw / f"states-{'-'.join(group)}.json" if raw else None
        if cached and cached.exists():
            data: dict[str, Any] = json.loads(cached.read_text())
            return data
        data = run(python, "states", str(STATE_YEAR), *group)
        if cached:
            cached.write_text(json.dumps(data, sort_keys=True))
        return data

    with ThreadPoolExecutor(jobs) as pool:
        parts = list(pool.map(one, groups))
    merged = dict(parts[0])
    merged["tables"] = [t for p in parts for t in p["tables"]]
    merged["payroll_parts"] = {k: v for p in parts for k, v in p["payroll_parts"].items()}
    return merged


def money(x: float) -> float | int:
    """Whole dollars as integers, anything else to the cent: one way to write each number."""
    value = round(float(x), 2)
    return int(value) if value.is_integer() else value


def rate(x: float) -> float:
    return round(float(x), 6)


def assemble(files: dict[str, Any], federal: dict[str, Any], state: dict[str, Any], hashes: dict[str, str],
             freeze: list[str]) -> dict[str, Any]:  # fmt: skip
    if (
        files["versions"]["taxcalc"] != PACKAGES["taxcalc"][0]
        or files["versions"]["policyengine-us"] != (PACKAGES["policyengine-us"][0])
    ):
        raise SystemExit(f"the build environment has the wrong versions: {files['versions']}")
    tc = f"Tax-Calculator (taxcalc) {PACKAGES['taxcalc'][0]}, policy_current_law.json"
    years = []
    for year in FEDERAL_YEARS:
        f = federal["years"][str(year)]
        source = tc if f["basis"] == "law" else (
            f"Tax-Calculator (taxcalc) {PACKAGES['taxcalc'][0]}'s projection of the {federal['last_law_year']} law "
            "(its inflation forecast, growfactors.csv)"
        )  # fmt: skip
        years.append(
            {
                "year": year,
                "basis": f["basis"],
                "source": source,
                "brackets": {
                    s: [
                        {"rate": rate(b["rate"]), "up_to": None if b["up_to"] is None else money(b["up_to"])}
                        for b in f["brackets"][s]
                    ]
                    for s in FILING_STATUSES
                },
                "standard_deduction": {s: money(f["standard_deduction"][s]) for s in FILING_STATUSES},
                "social_security_rate": rate(f["social_security_rate"]),
                "social_security_wage_base": money(f["social_security_wage_base"]),
                "medicare_rate": rate(f["medicare_rate"]),
                "additional_medicare_rate": rate(f["additional_medicare_rate"]),
                "additional_medicare_threshold": {
                    s: money(f["additional_medicare_threshold"][s]) for s in FILING_STATUSES
                },
                "retirement_limit_401k": money(federal["retirement_limit_401k"][str(year)]),
                "retirement_limit_source": f"PolicyEngine-US {PACKAGES['policyengine-us'][0]}, parameter "
                "gov.irs.gross_income.retirement_contributions.limit.401k"
                + ("" if year <= 2026 else " (PolicyEngine's uprating, rounded down to $500 as the law does)"),
            }
        )
    tables = sorted(
        (
            {
                "state": t["state"],
                "status": t["status"],
                "income_tax": [[money(w), money(v)] for w, v in t["income_tax"]],
                "payroll_tax": [[money(w), money(v)] for w, v in t["payroll_tax"]],
                "income_tax_worst_error": money(t["income_tax_check"]["worst_error"]),
                "payroll_tax_worst_error": money(t["payroll_tax_check"]["worst_error"]),
            }
            for t in state["tables"]
        ),
        key=lambda t: (t["state"], FILING_STATUSES.index(t["status"])),
    )
    return {
        "schema_version": TAX_SCHEMA_VERSION,
        "title": "US federal, payroll and state taxes on wages, 2025-2027",
        "notes": NOTES,
        "provenance": {
            "python": files["python"],
            "packages": [
                {
                    "name": name,
                    "version": version,
                    "licence": licence,
                    "distribution_sha256": hashes[name],
                    "used_for": used,
                }
                for name, (version, licence, used) in PACKAGES.items()
            ],
            "files": files["files"],
            "environment": freeze,
        },
        "federal": years,
        "states": {
            "year": state["year"],
            "source": f"PolicyEngine-US {PACKAGES['policyengine-us'][0]} household simulation ({state['year']} rules)",
            "top_wage": money(state["top_wage"]),
            "grid": state["grid"],
            "check_limit": money(state["check_limit"]),
            "checked_points": sum(
                t[f"{k}_check"]["points"] for t in state["tables"] for k in ("income_tax", "payroll_tax")
            ),
            "payroll_parts": {k: sorted(v) for k, v in sorted(state["payroll_parts"].items())},
            "tables": tables,
        },
    }


def dump(data: dict[str, Any]) -> str:
    """Sorted keys; one line per federal year and per state table (small diffs, a small file)."""

    def compact(value: Any) -> str:
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    head = {k: v for k, v in data.items() if k not in ("federal", "states")}
    states = {k: v for k, v in data["states"].items() if k != "tables"}
    lines = ["{"]
    for key, value in sorted(head.items()):
        lines.append(f" {json.dumps(key)}: {compact(value)},")
    lines.append(' "federal": [\n  ' + ",\n  ".join(compact(y) for y in data["federal"]) + "\n ],")
    lines.append(' "states": {')
    for key, value in sorted(states.items()):
        lines.append(f"  {json.dumps(key)}: {compact(value)},")
    lines.append('  "tables": [\n   ' + ",\n   ".join(compact(t) for t in data["states"]["tables"]) + "\n  ]")
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=VENV, help="the throw-away build environment")
    parser.add_argument("--jobs", type=int, default=2, help="PolicyEngine processes at once (default 2)")
    parser.add_argument("--raw", type=Path, help="keep (and reuse) the workers' output in this folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    started = time.monotonic()
    python, hashes = environment(args.venv)
    freeze = subprocess.run([str(python), "-m", "pip", "freeze"], check=True, stdout=subprocess.PIPE,
                            text=True).stdout.split()  # fmt: skip
    if args.raw:
        args.raw.mkdir(parents=True, exist_ok=True)
    files = run(python, "files")
    federal = run(python, "federal", *map(str, FEDERAL_YEARS))
    state = states(python, args.jobs, args.raw)
    data = assemble(files, federal, state, hashes, sorted(freeze, key=str.lower))
    TaxData.model_validate(data)  # refuses to write a file the app would refuse to read
    text = dump(data)
    if json.loads(text) != json.loads(json.dumps(data)):
        raise SystemExit("the written text does not read back as the data")
    args.out.write_text(text, encoding="utf-8")
    worst = max(t[f"{k}_worst_error"] for t in data["states"]["tables"] for k in ("income_tax", "payroll_tax"))
    print(
        f"wrote {args.out} ({len(text.encode()) // 1024} KiB) in {time.monotonic() - started:.0f} s; "
        f"worst interpolation error off the grid ${worst:.2f} over {data['states']['checked_points']:,} points"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
