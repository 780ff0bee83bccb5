"""What the exports contain: the projection as CSV rows and the career report's sections.

Plain data assembled from the presenters' current state (what is on screen); the views render it (PDF) and
storage writes it (CSV), so the numbers in a file are the numbers the user saw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt

from planner.domain.dataset import Dataset
from planner.domain.market import MarketData
from planner.domain.money import usd
from planner.domain.profile import Profile
from planner.presenters.career_report import CareerReport, LevelProgress, Progress, SourceLine
from planner.presenters.fields import FIELDS, format_field
from planner.presenters.market_text import bls_provenance, market_summary
from planner.tabs.projection.chart_data import COMP_LABEL, DOLLARS_LABEL
from planner.tabs.projection.presenter import ProjectionPresenter

CSV_FIXED = ("Year", "Years of experience", "Level", "Low", "Projected", "High", "Cumulative", "Against the article")


def projection_csv(presenter: ProjectionPresenter) -> tuple[list[str], list[list[object]]]:
    """Header and rows of the projection as the Projection tab's table shows it, in the chosen dollars and pay.

    Amounts are whole US dollars (as on screen); the header names the dollars and the kind of pay.
    """
    table = presenter.table
    what = f"{DOLLARS_LABEL[presenter.dollars]}, {COMP_LABEL[presenter.comp]}"
    since = table.value(0, 0) if table.rowCount() else ""
    comparisons = [
        str(table.headerData(c, Qt.Orientation.Horizontal)) for c in range(len(CSV_FIXED), table.columnCount())
    ]
    header = [
        *CSV_FIXED[:3],
        *(f"{name} (USD a year, {what})" for name in CSV_FIXED[3:6]),
        f"{CSV_FIXED[6]} (USD since {since}, {what})",
        f"{CSV_FIXED[7]} (base salary outside every figure of the article)",
        *(f"{name} (USD a year, {what})" for name in comparisons),
    ]
    rows: list[list[object]] = []
    for r in range(table.rowCount()):
        year, years, level = table.value(r, 0), table.value(r, 1), table.value(r, 2)
        money = [round(float(table.value(r, c))) for c in range(3, 7)]
        others = [round(float(table.value(r, c))) for c in range(len(CSV_FIXED), table.columnCount())]
        note = str(table.value(r, 7)).replace("⚠ ", "")
        rows.append([year, round(float(years), 2), level, *money, note, *others])
    return header, rows


def _date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day is not None else "not given"


def _today_level(projection: ProjectionPresenter) -> str:
    proj = projection.projection
    if proj is None:
        return "not worked out"
    name = proj.level_name(0)
    return f"{name} (your choice)" if proj.level_chosen else f"{name} (from your years of experience)"


def career_report(
    dataset: Dataset,
    profile: Profile,
    progress: tuple[Sequence[Progress], Progress],
    projection: ProjectionPresenter,
    today: dt.date,
    market: MarketData | None = None,
) -> CareerReport:
    industry = next((i.name for i in dataset.industries if i.id == profile.industry), None)
    employer = next((e.name for e in dataset.employers if e.id == profile.employer), None)
    about = [
        ("Years of experience", f"{profile.years_of_experience:g}"),
        ("Today's level", _today_level(projection)),
        ("Current base salary", usd(profile.current_salary) if profile.current_salary else "not given"),
        ("Industry", industry or "All industries"),
        ("Employer", employer or "No particular employer"),
    ]
    assumptions = tuple((spec.label, format_field(spec, profile) or "not given") for spec in FIELDS if spec.assumption)
    ticks = profile.skills
    levels = tuple(
        LevelProgress(
            p.name, p.done, p.total, tuple(sk.name for sk in dataset.skill_group(p.level_id).skills if sk.id in ticks)
        )
        for p in progress[0]
        if p.level_id is not None
    )
    table = projection.table
    # The "Against the article" column only when some year is outside the article's figures (room on the page).
    columns = [
        c
        for c in range(table.columnCount())
        if c != table.NOTE or any(table.data(table.index(r, c)) for r in range(table.rowCount()))
    ]
    header = tuple(str(table.headerData(c, Qt.Orientation.Horizontal)) for c in columns)
    rows = tuple(tuple(str(table.data(table.index(r, c))) for c in columns) for r in range(table.rowCount()))
    what = f"{COMP_LABEL[projection.comp]}, {DOLLARS_LABEL[projection.dollars]}"
    doc = dataset.document
    diff = projection.differences
    drawn = bool(projection.scenarios)
    return CareerReport(
        title="ML career report",
        generated_on=today,
        profile=tuple(about),
        assumptions=assumptions,
        levels=levels,
        overall=progress[1],
        projection_title=f"Projected earnings ({what}, USD a year)",
        projection_summary_html=projection.summary_html(in_report=True) + projection.warnings_html(),
        table_header=header,
        table_rows=rows,
        document=(
            ("Article", doc.title),
            ("File", doc.file),
            ("Published", _date(doc.published)),
            ("Read on", _date(doc.read_on)),
            *((("Note", doc.note),) if doc.note else ()),
        ),
        sources=tuple(SourceLine(s.name, s.kind, s.note) for s in dataset.sources),
        market_summary=market_summary(market, profile.market_occupation, profile.market_area, profile.salary_today())
        if market is not None
        else "",
        market=bls_provenance(market, brief=True) if market is not None else (),
        scenarios_header=tuple(str(diff.headerData(c, Qt.Orientation.Horizontal)) for c in range(diff.columnCount()))
        if drawn
        else (),
        scenarios_rows=tuple(tuple(diff.text(r, c) for c in range(diff.columnCount())) for r in range(diff.rowCount()))
        if drawn
        else (),
    )
