"""docs/data-format.md describes every field of the dataset model, and its example is the built-in file."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from planner.domain import dataset as model
from planner.storage.dataset_file import bundled_dataset_file

DOC = Path(__file__).resolve().parents[1] / "docs" / "data-format.md"


def sections() -> dict[str, str]:
    """Text under each '### Name ...' heading, by Name."""
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^### ", text, flags=re.MULTILINE)[1:]
    return {part.split(maxsplit=1)[0]: part for part in parts}


def models() -> list[type[BaseModel]]:
    """Every model reachable from Dataset."""
    found: list[type[BaseModel]] = []
    todo: list[Any] = [model.Dataset]
    while todo:
        cls = todo.pop()
        if cls in found:
            continue
        found.append(cls)
        for info in cls.model_fields.values():
            todo += [t for t in _types(info.annotation) if isinstance(t, type) and issubclass(t, BaseModel)]
    return found


def _types(annotation: Any) -> list[Any]:
    args = getattr(annotation, "__args__", None)
    out = [annotation]
    for arg in args or ():
        out += _types(arg)
    return out


def test_every_field_of_every_model_is_described() -> None:
    docs = sections()
    missing = []
    for cls in models():
        section = docs.get(cls.__name__)
        if section is None:
            missing.append(cls.__name__)
            continue
        missing += [f"{cls.__name__}.{name}" for name in cls.model_fields if f"`{name}`" not in section]
    assert len(models()) >= 15, "the walk found the nested models"
    assert missing == []


def test_the_example_is_the_built_in_file_and_valid() -> None:
    text = DOC.read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("\n```", 1)[0]
    assert json.loads(example) == json.loads(bundled_dataset_file().read_text(encoding="utf-8"))
    model.Dataset.model_validate_json(example)
