"""Score of the last `make mutation` run, per module: mutants caught / all mutants, from mutmut's files in mutants/.

    python tools/mutation_score.py [MODULE ...]     e.g. planner.domain.dataset planner.storage.atomic

A mutant no test reaches counts as a survivor. A timeout counts as caught (the mutant made a test hang, which the
suite's faulthandler timeout reports as a failure). Mutants excluded in pyproject.toml ([tool.mutmut]
do_not_mutate_patterns) are never generated, so they are not counted at all. Exits 1 if a module is below 90 %.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

TARGET = 90.0
CAUGHT = {1, 3, 24, -24, 152, 255, 36, 37}  # killed, pytest internal error, timeouts, caught by the type check
SURVIVED = {0}
NO_TESTS = {5, 33}


def module_of(meta: Path, root: Path) -> str:
    return ".".join(meta.relative_to(root).with_suffix("").with_suffix("").parts)


def main(selected: list[str]) -> int:
    root = Path("mutants/src")
    if not root.is_dir():
        print("No mutants/ folder: run `make mutation` first.")
        return 2
    rows = []
    for meta in sorted(root.glob("planner/**/*.py.meta")):
        module = module_of(meta, root)
        if selected and not any(module == s or module.startswith(s + ".") for s in selected):
            continue
        try:
            codes = Counter(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values())
        except ValueError:  # being written by a run still going: read it again in a moment
            print(f"{module}: results are being written, try again")
            continue
        total = sum(codes.values())
        if total == 0:
            continue
        caught = sum(n for code, n in codes.items() if code in CAUGHT)
        survived = sum(n for code, n in codes.items() if code in SURVIVED)
        no_tests = sum(n for code, n in codes.items() if code in NO_TESTS)
        unchecked = codes.get(None, 0)
        other = total - caught - survived - no_tests - unchecked
        rows.append((module, total, caught, survived, no_tests, unchecked + other, 100.0 * caught / total))
    if not rows:
        print("No mutants found for", " ".join(selected) or "any module")
        return 2
    print(f"{'module':44} {'mutants':>7} {'caught':>7} {'survived':>8} {'no test':>7} {'other':>5} {'score':>7}")
    for module, total, caught, survived, no_tests, other, score in rows:
        flag = "" if score >= TARGET else "  < 90 %"
        print(f"{module:44} {total:7} {caught:7} {survived:8} {no_tests:7} {other:5} {score:6.1f}%{flag}")
    return 0 if all(row[-1] >= TARGET for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
