"""What the Projection tab's chart draws (plain data, no Qt): the curves, the promotions, the pay history and the
learning plan's marks, with the labels of the dollars and the pay shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planner.domain.money import usd
from planner.domain.projection_basis import Comp, Dollars, FloatArray, IntArray
from planner.presenters.learning_plan import PlanMark

DOLLARS_LABEL: dict[Dollars, str] = {"nominal": "nominal dollars", "today": "today's dollars"}
COMP_LABEL: dict[Comp, str] = {"base": "base salary", "total": "total compensation"}
Y_DOLLARS: dict[Dollars, str] = {"nominal": "nominal $", "today": "today's $"}


@dataclass(frozen=True)
class CurveData:
    key: str  # "main", "industry", "employer", "next-skills", "scenario-0" .. "scenario-4"
    label: str  # the table's column and the CSV's
    y: FloatArray
    total: float
    short: str = ""  # the chart's legend and readout, when shorter than ``label`` (a scenario: its name)

    @property
    def name(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class LevelMark:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class ProjectionChart:
    x: FloatArray  # calendar years
    low: FloatArray
    high: FloatArray
    main: CurveData
    comparisons: tuple[CurveData, ...]
    level_marks: tuple[LevelMark, ...]
    today_x: float
    today_label: str
    y_label: str
    band_label: str
    level_names: tuple[str, ...]
    experience: FloatArray
    # Total compensation only: the base salary inside it (the rest, up to the curve, is bonus and equity).
    base_y: FloatArray | None = None
    # Per year: +1 above the article's largest figure, -1 below its smallest (base salary, in the dollars shown).
    outside: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    outside_label: str = "Beyond the article's figures"  # the notes and the table's tooltip say more
    # The pay history: the base salaries the user recorded, by calendar year (may lie before today).
    history_x: FloatArray = field(default_factory=lambda: np.zeros(0))
    history_y: FloatArray = field(default_factory=lambda: np.zeros(0))
    history_label: str = ""
    history_texts: tuple[str, ...] = ()
    # The learning plan: where planned skills start to change the pay (presenters.learning_plan).
    plan_marks: tuple[PlanMark, ...] = ()


def outside_text(side: int, short: bool = False) -> str:
    if side > 0:
        return "⚠ above" if short else "⚠ above the article's largest figure"
    if side < 0:
        return "⚠ below" if short else "⚠ below the article's smallest figure"
    return ""


def history_points(
    history: Mapping[int, float], inflation: float, dollars: Dollars, current_year: int
) -> dict[str, Any]:
    """The recorded salaries as points: nominal as recorded, or in today's dollars at the inflation assumption.
    They are base salaries, whatever the curve shows. The ProjectionChart fields ``history_*`` ({} without any)."""
    if not history:
        return {}
    years = sorted(history)
    ys, texts = [], []
    for year in years:
        amount = float(history[year])
        text = f"{year}: you earned {usd(amount)} base salary (your pay history)"
        if dollars == "today":
            factor = (1.0 + inflation) ** (current_year - year)
            text += f"; {usd(amount * factor)} in today's dollars at your {inflation * 100:g}% inflation assumption"
            amount *= factor
        ys.append(amount)
        texts.append(text)
    label = "Your recorded base salary"
    if dollars == "today":
        label += " (today's dollars)"
    return {
        "history_x": np.array(years, dtype=np.float64),
        "history_y": np.array(ys, dtype=np.float64),
        "history_label": label,
        "history_texts": tuple(texts),
    }
