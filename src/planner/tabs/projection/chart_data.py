"""What the Projection tab's chart draws (plain data, no Qt): the curves, the promotions, the pay history and the
learning plan's marks, with the labels of the dollars and the pay shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planner.domain.money import usd
from planner.domain.projection import Projection
from planner.domain.projection_basis import Comp, Dollars, FloatArray, IntArray
from planner.domain.taxes import TaxSetting
from planner.presenters.learning_plan import PlanMark

DOLLARS_LABEL: dict[Dollars, str] = {"nominal": "nominal dollars", "today": "today's dollars"}
COMP_LABEL: dict[Comp, str] = {"base": "base salary", "total": "total compensation", "take_home": "take-home pay"}
Y_DOLLARS: dict[Dollars, str] = {"nominal": "nominal $", "today": "today's $"}


@dataclass(frozen=True)
class CurveData:
    key: str  # "main", "industry", "employer", "next-skills", "scenario-0" .. "scenario-4"
    label: str  # the table's column and the CSV's
    y: FloatArray
    total: float
    short: str = ""  # the chart's legend and readout, when shorter than ``label`` (a scenario: its name)
    # Per year: +1 above the article's largest figure, -1 below its smallest (None: not worked out).
    outside: IntArray | None = None

    @property
    def name(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class LevelMark:
    x: float
    y: float
    label: str  # "Senior level from 2030: +$25,300 (+16.8%)"
    short: str = ""  # when the label finds no room: "Senior 2030"
    tip: str = ""  # in full, on hover: the jump and why it is what it is


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
    comp: Comp = "base"  # the pay the curves show (the marks above are always of the base salary)
    outside_label: str = "Beyond the article's figures"  # the notes and the table's tooltip say more
    # The pay history: the base salaries the user recorded, by calendar year (may lie before today).
    history_x: FloatArray = field(default_factory=lambda: np.zeros(0))
    history_y: FloatArray = field(default_factory=lambda: np.zeros(0))
    history_label: str = ""
    history_texts: tuple[str, ...] = ()
    # The learning plan: where planned skills start to change the pay (presenters.learning_plan).
    plan_marks: tuple[PlanMark, ...] = ()
    # Today's path before the last change of the profile, in the same dollars and pay (drawn faint), or None.
    previous: FloatArray | None = None
    # Take-home pay shown: the taxes taken off it (the state, the filing status, the tax figures' source).
    taxes: TaxSetting | None = None


def promotion_mark(proj: Projection, y: FloatArray, x: FloatArray, t: int, level: int, dollars: Dollars) -> LevelMark:
    """A promotion as the chart shows it: the jump in the dollars shown, and why it is larger than the promotion
    raise assumed when it is (the new level's range starts higher than a raise would take you)."""
    name = proj.plans[level].name
    year = int(x[t])
    assumed = proj.assumptions.promotion_raise
    short = f"{name.removesuffix(' level')} {year}"
    if t == 0 or y[t - 1] <= 0:
        return LevelMark(float(x[t]), float(y[t]), f"{name} from {year}", short, f"{name} from {year}.")
    jump = float(y[t] - y[t - 1])
    share = jump / float(y[t - 1])
    # What the assumptions alone give in a promotion year: the raise a promotion brings on top of the year's raise
    # (and, in today's dollars, less inflation).
    expected = (1 + assumed) * (1 + proj.assumptions.yearly_raise) - 1
    if dollars == "today":
        expected = (1 + expected) / (1 + proj.assumptions.inflation) - 1
    label = f"{name} from {year}: {'+' if jump >= 0 else '−'}{usd(abs(jump))} ({share * 100:+.1f}%)"
    tip = (
        f"{name} from {year}: your projected pay goes from {usd(float(y[t - 1]))} to {usd(float(y[t]))}, "
        f"{share * 100:+.1f}% (derived: this year's figure against last year's)."
    )
    if share > expected + 0.005:
        tip += (
            f" That is more than the {assumed * 100:g}% promotion raise you assume (with the yearly raise, "
            f"{expected * 100:.1f}%): {name}'s range starts higher, and your pay moves up to it."
        )
    else:
        tip += f" The {assumed * 100:g}% promotion raise is your assumption (Projection tab, Assumptions)."
    return LevelMark(float(x[t]), float(y[t]), label, short, tip)


def outside_text(side: int, short: bool = False, comp: Comp = "base") -> str:
    """The note of a year beyond the article's figures. It is the base salary that is compared (the article gives
    base salaries), so with another pay shown the note says so: a take-home $203,000 is not above $280,000."""
    what = "" if short or comp == "base" else "base salary "
    if side > 0:
        return "⚠ above" if short else f"⚠ {what}above the article's largest figure"
    if side < 0:
        return "⚠ below" if short else f"⚠ {what}below the article's smallest figure"
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


def chart_description(chart: ProjectionChart) -> str:
    """What the chart shows, in words, for a screen reader (the chart's accessible description): each curve from its
    first year to its last and over the horizon, and the promotions; the year-by-year table has every figure."""
    x, y = chart.x, chart.main.y
    first, last, years = int(x[0]), int(x[-1]), len(x)
    parts = [
        f"{chart.main.name}: {usd(float(y[0]))} in {first}, {usd(float(y[-1]))} in {last}, "
        f"{usd(chart.main.total)} over {years} years. Amounts: {chart.y_label}."
    ]
    if chart.level_marks:
        parts.append("Promotions: " + "; ".join(m.label for m in chart.level_marks) + ".")
    for curve in chart.comparisons:
        parts.append(f"{curve.name}: {usd(float(curve.y[-1]))} in {last}, {usd(curve.total)} over {years} years.")
    parts.append("Every year's figures: the year-by-year table (Why this number? · Tables).")
    return " ".join(parts)
