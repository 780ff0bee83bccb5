"""What import-linter cannot express: no QtWidgets below the views (it only sees top-level external packages)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import planner

PACKAGE = Path(planner.__file__).parent


def qt_modules_imported(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("PySide6.")}


@pytest.mark.parametrize("layer", ["domain", "storage", "presenters"])
def test_no_widgets_below_the_views(layer: str) -> None:
    files = sorted((PACKAGE / layer).glob("*.py"))
    assert files, f"{layer} has modules"
    offenders = {f.name: sorted(m for m in qt_modules_imported(f) if m.startswith("PySide6.QtWidgets")) for f in files}
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_the_check_sees_a_widget_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtWidgets import QLabel\nimport PySide6.QtCore\n", encoding="utf-8")
    assert qt_modules_imported(sample) == {"PySide6.QtWidgets", "PySide6.QtWidgets.QLabel", "PySide6.QtCore"}


# --- what the picture in shared/guide/architecture.md says, beyond import-linter's contracts ---------------------

PYPROJECT = PACKAGE.parents[1] / "pyproject.toml"


def _contract(name_start: str) -> dict[str, object]:
    import tomllib

    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["name"].startswith(name_start))


def _expand(patterns: object) -> list[Path]:
    """Module names of a contract (one-level wildcards allowed) as the files they name."""
    files: list[Path] = []
    for pattern in patterns:  # type: ignore[attr-defined]
        parts = pattern.split(".")[1:]
        for base in PACKAGE.glob("/".join(parts)):
            files += sorted(base.rglob("*.py")) if base.is_dir() else []
        files += sorted(PACKAGE.glob("/".join(parts) + ".py"))
    return files


def test_no_widgets_in_a_tab_s_presenters() -> None:
    """A tab's presenter-side modules (as the contract names them) import no QtWidgets either."""
    files = _expand(_contract("Presenters and storage draw nothing")["source_modules"])
    tab_presenters = [f for f in files if "tabs" in f.parts]
    assert len(tab_presenters) >= 6, "every tab's presenter is named by the contract"
    offenders = {
        f"{f.parent.name}/{f.name}": sorted(m for m in qt_modules_imported(f) if "QtWidgets" in m) for f in files
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_every_tab_package_has_its_presenter_and_view_under_the_contracts() -> None:
    presenters = set(_expand(_contract("Presenters and storage draw nothing")["source_modules"]))
    views = set(_expand(_contract("Views touch no files")["source_modules"]))
    for package in sorted(p for p in (PACKAGE / "tabs").iterdir() if (p / "__init__.py").exists()):
        modules = {m for m in package.glob("*.py") if m.name != "__init__.py"}
        unnamed = sorted(m.name for m in modules - presenters - views)
        assert unnamed == [], f"tabs/{package.name}: each module is a presenter or a view in the contracts"


def test_no_two_modules_import_each_other_even_through_others() -> None:
    """No import circle, however long, imports inside functions included (grimp reads every import statement)."""
    import grimp

    graph = grimp.build_graph("planner")
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & set(modules)) for m in modules}
    circles = _strongly_connected(edges)
    assert circles == []


def _strongly_connected(edges: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm: every group of two or more modules that reach one another (and any self-import)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, []):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in edges.get(node, []):
                found.append(sorted(group))

    for node in edges:
        if node not in index:
            visit(node)
    return found


def test_the_circle_check_sees_a_circle() -> None:
    assert _strongly_connected({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) == [["a", "b", "c"]]
    assert _strongly_connected({"a": ["b"], "b": []}) == []


def test_every_module_fits_one_head() -> None:
    """No module over 500 lines; the composition root at most 300."""
    sizes = {
        str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > 500} == {}
    assert sizes["app.py"] <= 300


def test_every_package_is_in_the_wheel() -> None:
    import tomllib

    listed = set(tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    packages = {".".join(("planner", *p.parent.relative_to(PACKAGE).parts)) for p in PACKAGE.rglob("__init__.py")}
    assert packages - listed == set()
