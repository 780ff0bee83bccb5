"""Nothing the app reads is ever executed: no pickle, marshal, eval, exec or yaml.load anywhere in src/."""

from __future__ import annotations

import ast
from pathlib import Path

import planner

SRC = Path(planner.__file__).parent
FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "yaml", "jsonpickle"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}


def problems_in(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, ast.Import):
            found += [
                f"{name}:{node.lineno} import {a.name}" for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES
            ]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
            found.append(f"{name}:{node.lineno} from {node.module} import ...")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found.append(f"{name}:{node.lineno} {func.id}(...)")
            elif isinstance(func, ast.Attribute):
                owner = _owner(func)
                # Qt's QApplication.exec() and QDialog.exec() run an event loop, not text: only builtins count.
                if (owner == "builtins" and func.attr in FORBIDDEN_CALLS) or owner in FORBIDDEN_MODULES:
                    found.append(f"{name}:{node.lineno} {owner}.{func.attr}(...)")
    return found


def _owner(func: ast.expr) -> str:
    return func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""


def test_no_source_file_deserialises_code_or_evaluates_text() -> None:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 20, "the whole package is checked"
    found = [p for f in files for p in problems_in(f.read_text(encoding="utf-8"), str(f.relative_to(SRC)))]
    assert found == []


def test_the_check_would_catch_each_kind() -> None:
    samples = [
        "import pickle",
        "from marshal import loads",
        "import yaml\nyaml.load(text)",
        "eval(user_text)",
        "exec(code)",
        "import builtins\nbuiltins.eval(s)",
        "x = compile(s, 'f', 'exec')",
        "import shelve",
    ]
    for sample in samples:
        assert problems_in(sample, "sample.py"), sample
    assert problems_in("json.loads(text)\napp.exec()\ndialog.exec()", "ok.py") == []
