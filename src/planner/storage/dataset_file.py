"""Reading a dataset file: the bundled one through importlib.resources, or any file given by path.

A file that breaks a rule fails with one DatasetError naming the file, the field path and the reason.
No Qt here, so the installed wheel can load its data with nothing but pydantic.
"""

from __future__ import annotations

import json
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from pydantic import ValidationError

from planner.domain.dataset import Dataset
from planner.domain.dataset_checks import cross_problems
from planner.domain.errors import MAX_LISTED as MAX_LISTED  # both defined in the domain, raised here and
from planner.domain.errors import DatasetError as DatasetError  # re-exported for storage callers
from planner.storage.safe_files import read_regular

BUNDLED_DATASET = "ml-engineer-salaries-us.json"
MAX_DATASET_BYTES = 5 * 1024 * 1024


def resource_root() -> Traversable:
    """The app's shipped resources (data, icons), wherever the package is installed."""
    return resources.files("planner.resources")


def bundled_dataset_file() -> Traversable:
    return resource_root() / "data" / BUNDLED_DATASET


def parse_dataset(raw: bytes, name: str) -> Dataset:
    if len(raw) > MAX_DATASET_BYTES:
        raise DatasetError(name, [("", f"the file is larger than {MAX_DATASET_BYTES // (1024 * 1024)} MB")])
    try:
        data = json.loads(raw)
    except RecursionError:
        raise DatasetError(name, [("", "not valid JSON (nested too deeply)")]) from None
    except UnicodeDecodeError as exc:
        raise DatasetError(name, [("", f"not text (UTF-8): byte {exc.start + 1} cannot be read")]) from None
    except ValueError as exc:  # JSONDecodeError, an integer with too many digits
        raise DatasetError(name, [("", f"not valid JSON ({exc})")]) from None
    if not isinstance(data, dict):
        raise DatasetError(name, [("", "it does not contain salary data: the file must be one JSON object")])
    version = data.get("schema_version")
    if isinstance(version, int | float) and not isinstance(version, bool) and version > 1:
        raise DatasetError(
            name,
            [
                (
                    "schema_version",
                    f"it was written for a newer version of the app (data format {version}; this "
                    "version reads format 1)",
                )
            ],
        )
    try:  # validation follows the schema, never the file's nesting: no RecursionError here
        return Dataset.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            if not err["loc"]:
                continue  # the whole-dataset checks, in one message: listed one by one below
            path = ".".join(_path_part(p) for p in err["loc"])
            problems.append((path, err["msg"].removeprefix("Value error, ")))
        # Run across the raw file too, so they are listed even when some fields are broken.
        problems.extend(p for p in cross_problems(data) if p not in problems)
        if not problems:  # never "0 problems": the whole-dataset messages as pydantic gave them
            problems = [("", err["msg"].removeprefix("Value error, ")) for err in exc.errors(include_url=False)]
        raise DatasetError(name, problems) from None


def _path_part(part: int | str) -> str:
    """A field path segment as the user can read it on one line: odd keys are quoted and shortened."""
    text = str(part)
    if isinstance(part, int) or (text.isprintable() and " " not in text and 0 < len(text) <= 60):
        return text
    return repr(text[:60])


def load_dataset(path: Path | None = None) -> Dataset:
    """Load the bundled dataset, or the file at ``path``."""
    if path is None:
        source: Traversable | Path = bundled_dataset_file()
        name = f"built-in data ({BUNDLED_DATASET})"
    else:
        source, name = path, str(path)
    try:
        raw = read_regular(source, MAX_DATASET_BYTES) if isinstance(source, Path) else source.read_bytes()
    except OSError as exc:
        raise DatasetError(name, [("", f"cannot be read ({exc.strerror or exc})")]) from None
    return parse_dataset(raw, name)
