"""What the Projection tab says about a year: the crosshair's readout and "Why this number?" (plain text and
escaped HTML, no Qt)."""

from __future__ import annotations

from planner.domain.money import usd
from planner.domain.projection_text import Breakdown, years_text
from planner.domain.provenance import KIND_LABELS
from planner.domain.text import escape as _escape
from planner.tabs.projection.chart_data import COMP_LABEL, DOLLARS_LABEL, ProjectionChart, outside_text

# How each line of "Why this number?" is labelled when it is not one of the article's figures.
_ORIGIN: dict[str, str] = {
    "data": "The article's figure",
    "assumption": "Assumption, not data: yours to change on this tab",
    "derived": "Derived by the app from the article and your inputs",
    "inferred": KIND_LABELS["inferred"],
    "yours": "Your input",
}


def signed(amount: float) -> str:
    return ("+" if amount >= 0.5 else "") + usd(amount)


def crosshair_text(chart: ProjectionChart, t: int) -> str:
    lines = [
        f"{int(chart.x[t])} · {years_text(float(chart.experience[t]))} of experience · {chart.level_names[t]}",
        f"Projected {usd(float(chart.main.y[t]))} (range {usd(float(chart.low[t]))} – {usd(float(chart.high[t]))})",
    ]
    note = outside_text(int(chart.outside[t]), comp=chart.comp) if len(chart.outside) else ""
    if note:
        lines.append(note)
    others = [f"{curve.name}: {usd(float(curve.y[t]))}" for curve in chart.comparisons]
    per_line = 1 if len(others) <= 2 else 2  # many curves: two to a line, so the readout covers less chart
    lines += [" · ".join(others[i : i + per_line]) for i in range(0, len(others), per_line)]
    return "\n".join(lines)


def breakdown_html(b: Breakdown) -> str:
    rows: list[str] = []
    first = True
    for line in b.lines:
        amount = ""
        if line.amount is not None:
            amount = usd(line.amount) if first else signed(line.amount)
            first = False
        origin = line.source if line.kind == "data" and line.source else _ORIGIN[line.kind]
        if line.kind == "derived" and line.source:
            origin = f"{_ORIGIN['derived']}; {line.source}"
        origin = line.origin or origin
        rows.append(
            f"<tr><td><b>{_escape(line.label)}</b><br><small>{_escape(line.detail)}</small>"
            f"<br><small><i>{_escape(origin)}</i></small></td>"
            f"<td align='right' style='white-space:nowrap'>{amount}</td></tr>"
        )
    what = f"{COMP_LABEL[b.comp]}, {DOLLARS_LABEL[b.dollars]}"
    return (
        f"<p><b>Why {usd(b.total)} in {b.calendar_year}?</b> {_escape(b.level_name)}, "
        f"{years_text(b.experience)} of experience <i>({what})</i></p>"
        f"<table width='100%' cellspacing='0' cellpadding='3'>{''.join(rows)}"
        f"<tr><td><b>= Projected {what}</b></td><td align='right'><b>{usd(b.total)}</b></td></tr></table>"
    )
