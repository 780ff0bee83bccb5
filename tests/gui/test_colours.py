"""One visual language: "you" is one colour and mark everywhere, apart from every other colour for a deuteranope
too, and legible on the light and the dark background."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from PySide6.QtGui import QColor, QPalette

from planner.views.theme import PlannerStyle, chart_colors, dark_palette

ROOT = Path(__file__).resolve().parents[2]


def colour_vision() -> ModuleType:
    spec = importlib.util.spec_from_file_location("colour_vision", ROOT / "packaging" / "colour_vision.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rgb(color: QColor) -> np.ndarray:
    return np.array([color.red(), color.green(), color.blue()], dtype=float)


def backgrounds(dark: bool) -> QColor:
    return QColor("#1e1f22") if dark else QColor("#ffffff")


def test_the_simulation_is_the_published_one() -> None:
    cv = colour_vision()
    assert cv.simulate(np.array([255, 255, 255])) == pytest.approx([255, 255, 255], abs=1)  # white stays white
    red, green = cv.simulate(np.array([255, 0, 0])), cv.simulate(np.array([0, 160, 0]))
    assert cv.delta_e(np.array([255, 0, 0]), np.array([0, 160, 0])) > 80  # far apart for most people...
    assert cv.delta_e(red, green) < 40  # ...close for a deuteranope: the confusion the check is for


@pytest.mark.parametrize("dark", [False, True])
def test_you_stands_apart_from_every_other_chart_colour_with_deuteranopia(qapp: object, dark: bool) -> None:
    cv = colour_vision()
    colors = chart_colors(dark)
    palette = dark_palette() if dark else PlannerStyle().standardPalette()
    selection = palette.color(QPalette.ColorRole.Highlight)
    you = cv.simulate(rgb(colors["you"]))
    for name, other in (
        *((n, colors[n]) for n in ("bar", "bar_second", "average", "ceiling")),
        ("selection", selection),
    ):
        assert cv.delta_e(you, cv.simulate(rgb(other))) > 25, f"you vs {name}"
    assert cv.delta_e(cv.simulate(rgb(colors["bar"])), cv.simulate(rgb(colors["bar_second"]))) > 15


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("name", ["bar", "bar_second", "you", "average", "ceiling", "conflict", "muted"])
def test_chart_colours_are_legible_on_their_background(dark: bool, name: str) -> None:
    def luminance(c: QColor) -> float:
        channels = [v / 255 for v in (c.red(), c.green(), c.blue())]
        lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    a, b = luminance(chart_colors(dark)[name]), luminance(backgrounds(dark))
    contrast = (max(a, b) + 0.05) / (min(a, b) + 0.05)
    assert contrast >= 3, f"{name} on the {'dark' if dark else 'light'} background: {contrast:.1f}:1"
