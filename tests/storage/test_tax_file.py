"""Reading the tax file: a missing or damaged file is a TaxDataError naming it and the problem; the file is read on
first use, never at start-up; and the app never imports the packages the file was built with."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from planner.storage.tax_file import TaxDataError, bundled_tax_file, load_tax_data, read_tax_data

SRC = Path(__file__).resolve().parents[2] / "src" / "planner"


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(TaxDataError, match=r"us-tax.json is missing: the installation is incomplete"):
        read_tax_data(tmp_path / "us-tax.json")


def test_a_file_that_is_not_json_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "us-tax.json"
    path.write_text('{"schema_version": 1, "tit', encoding="utf-8")
    with pytest.raises(TaxDataError, match=r"us-tax.json is damaged"):
        read_tax_data(path)


def test_a_file_with_a_wrong_figure_names_the_field(tmp_path: Path) -> None:
    text = (
        bundled_tax_file()
        .read_text(encoding="utf-8")
        .replace('"social_security_rate":0.062', '"social_security_rate":6.2', 1)
    )
    path = tmp_path / "us-tax.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TaxDataError, match=r"damaged: federal\.0\.social_security_rate: Input should be less than 1"):
        read_tax_data(path)


def test_the_shipped_file_reads() -> None:
    assert read_tax_data(bundled_tax_file()).states.year == 2026


CHILD = """
import sys
import planner, planner.app, planner.main
assert "planner.storage.tax_file" not in sys.modules, "the tax file is read at start-up"
from planner.domain.taxes import take_home
from planner.storage.tax_file import load_tax_data
print(take_home(load_tax_data(), 2026, 150000, "single", "CA").take_home)
BUILD_TOOLS = ("taxcalc", "policyengine_us", "policyengine_core", "policyengine")
found = sorted(m for m in sys.modules if m.split(".")[0] in BUILD_TOOLS)
assert not found, found
"""


def test_the_app_never_imports_taxcalc_or_policyengine() -> None:
    """Neither in its source (no import anywhere under src/planner) nor at run time (sys.modules after the app and
    a take-home computation); the tax file is not read on importing the app."""
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not [n for n in names if n.split(".")[0] in ("taxcalc", "policyengine_us", "policyengine_core")], (
                path
            )
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert float(result.stdout) > 100_000


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "us-tax.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_that_is_no_object_is_damaged_as_a_whole(tmp_path: Path) -> None:
    with pytest.raises(TaxDataError) as caught:
        read_tax_data(write(tmp_path, "[]"))
    assert str(caught.value) == "us-tax.json is damaged: the file: Input should be an object (1 problem(s) in all)"


def test_an_empty_object_counts_every_missing_field(tmp_path: Path) -> None:
    with pytest.raises(TaxDataError) as caught:
        read_tax_data(write(tmp_path, "{}"))
    assert str(caught.value) == "us-tax.json is damaged: schema_version: Field required (6 problem(s) in all)"


def test_a_wrong_figure_deep_in_the_file_names_its_whole_path(tmp_path: Path) -> None:
    text = (
        bundled_tax_file()
        .read_text(encoding="utf-8")
        .replace('"social_security_rate":0.062', '"social_security_rate":6.2', 1)
    )
    with pytest.raises(TaxDataError) as caught:
        read_tax_data(write(tmp_path, text))
    assert str(caught.value) == (
        "us-tax.json is damaged: federal.0.social_security_rate: Input should be less than 1 (1 problem(s) in all)"
    )


def test_a_file_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "us-tax.json"
    folder.mkdir()
    with pytest.raises(TaxDataError) as caught:
        read_tax_data(folder)
    assert str(caught.value) == "us-tax.json could not be read: Is a directory"


def test_a_missing_file_says_so_in_full(tmp_path: Path) -> None:
    with pytest.raises(TaxDataError) as caught:
        read_tax_data(tmp_path / "us-tax.json")
    assert str(caught.value) == (
        "us-tax.json is missing: the installation is incomplete (take-home pay cannot be shown)"
    )


class Nameless:
    """A source without a name (read_bytes only): the message names the bundled file."""

    def read_bytes(self) -> bytes:
        raise FileNotFoundError


def test_a_source_without_a_name_is_called_by_the_bundled_files_name() -> None:
    with pytest.raises(TaxDataError, match=r"^us-tax-2025-2027\.json is missing"):
        read_tax_data(Nameless())


def test_the_bundled_file_is_the_2025_to_2027_one() -> None:
    assert bundled_tax_file().name == "us-tax-2025-2027.json"
    assert load_tax_data() is load_tax_data()
