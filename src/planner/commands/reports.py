"""What the exports contain: the projection as CSV rows and the career report's sections.

Plain data assembled from the presenters' current state (what is on screen); the views render it (PDF) and
storage writes it (CSV), so the numbers in a file are the numbers the user saw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt

from planner.commands.offers_export import csv_offers, offers_note, report_offers
from planner.commands.take_home_export import TakeHomeColumn, take_home_column
from planner.domain.dataset import Dataset
from planner.domain.market import MarketData
from planner.domain.money import usd
from planner.domain.plan_effects import plan_steps
from planner.domain.profile import Profile
from planner.domain.scenarios import COMPARE_YEARS, TODAY_PATH, compare
from planner.domain.take_home_text import tax_source_words
from planner.presenters.career_report import (
    CareerReport,
    LevelProgress,
    Progress,
    Table,
)
from planner.presenters.fields import FIELDS, format_field
from planner.presenters.learning_plan import step_line
from planner.presenters.market_text import bls_provenance, market_summary
from planner.presenters.source_words import source_words
from planner.tabs.offers.figures import AFTER_TAX_ROW, CURRENT, TaxSource
from planner.tabs.projection.chart_data import COMP_LABEL, DOLLARS_LABEL
from planner.tabs.projection.presenter import ProjectionPresenter
from planner.tabs.projection.scenario_text import describe

CSV_FIXED = ("Year", "Years of experience", "Level", "Low", "Projected", "High", "Cumulative", "Against the article")


def projection_csv(
    presenter: ProjectionPresenter, profile: Profile | None = None
) -> tuple[list[str], list[list[object]]]:
    """Header and rows of the projection as the Projection tab's table shows it, in the chosen dollars and pay,
    and (with ``profile``, when the pay shown is not already take-home pay) today's path's take-home pay last.

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
    take_home = take_home_column(presenter, profile) if profile is not None and presenter.comp != "take_home" else None
    if take_home is not None and take_home.shown:
        header.append(f"Take-home pay (USD a year, {DOLLARS_LABEL[presenter.dollars]})")
    rows: list[list[object]] = []
    for r in range(table.rowCount()):
        year, years, level = table.value(r, 0), table.value(r, 1), table.value(r, 2)
        money = [round(float(table.value(r, c))) for c in range(3, 7)]
        others = [round(float(table.value(r, c))) for c in range(len(CSV_FIXED), table.columnCount())]
        note = str(table.value(r, 7)).replace("⚠ ", "")
        net = [round(take_home.values[r])] if take_home is not None and take_home.shown else []
        rows.append([year, _number(round(float(years), 2)), level, *money, note, *others, *net])
    return header, rows


def _number(value: float) -> int | float:
    """A figure as a spreadsheet should read it: 3, not 3.0; 2.5 as it is."""
    value = round(float(value), 6) + 0.0  # + 0.0: never "-0"
    return int(value) if value.is_integer() else value


def _csv_assumptions(profile: Profile) -> list[list[object]]:
    """Each assumption with its value in the unit its name gives, and whether it is the default or the user's."""
    default = Profile().assumptions
    rows: list[list[object]] = [["Assumption", "Value", "Unit", "Default or yours", "Default value"]]
    for spec in FIELDS:
        if not spec.assumption:
            continue
        name, _, unit = spec.label.partition(" (")
        mine, was = getattr(profile.assumptions, spec.key), getattr(default, spec.key)
        scale = 100 if spec.kind in ("percent", "promotion", "pace") else 1
        rows.append(
            [name, _number(mine * scale), unit.rstrip(")"), "default" if mine == was else "yours", _number(was * scale)]
        )
    return rows


def projection_csv_file(
    presenter: ProjectionPresenter,
    profile: Profile,
    today: dt.date,
    market: MarketData | None = None,
    taxes: TaxSource | None = None,
    offers_baseline: str = CURRENT,
) -> list[list[list[object]]]:
    """File > Export projection as CSV, as blocks of rows (one empty line between them in the file): what the file
    is (the export date, the amounts' units, the dollars and pay shown, each assumption as default or yours), the
    projection as the Projection tab's table shows it, the pay history the user recorded, if any, and the offers
    against the baseline chosen on the Offers tab (``offers_baseline``: CURRENT or an offer's id)."""
    header, rows = projection_csv(presenter, profile)
    what = f"{DOLLARS_LABEL[presenter.dollars]}, {COMP_LABEL[presenter.comp]}"
    take_home = take_home_column(presenter, profile)
    first, last = (rows[0][0], rows[-1][0]) if rows else ("", "")
    about: list[list[object]] = [
        ["ML Career Planner: your projected pay year by year"],
        ["Exported on", _date(today)],
        ["Amounts", f"US dollars a year, rounded to whole dollars; {what}"],
        ["Dollars", DOLLARS_MEANING[presenter.dollars]],
        ["Pay", COMP_MEANING[presenter.comp]],
        ["Years", f"{first} to {last} ({len(rows)} years, the horizon)" if rows else "none worked out"],
        [
            "What the figures are",
            "Low and High: the range of your level in the article, scaled by your industry's or employer's pay "
            "where you chose one; Projected and Cumulative: derived from the article's figures, your entries and "
            "the assumptions below (Help > How projections work)",
        ],
        ["Take-home pay", take_home.about],
        *_tax_figures_row(take_home.source),
        [
            "Base salary",
            "the article says “base salary” only of its overall average range; the app reads its level, industry "
            "and employer figures as base salary too (an assumption: the article does not say)",
        ],
        *_csv_assumptions(profile),
    ]
    table: list[list[object]] = [list(header), *rows]
    offers = csv_offers(profile, today, market, taxes, offers_baseline)
    return [about, table, *_csv_pay_history(profile, presenter), *offers]


def _tax_figures_row(source: str) -> list[list[object]]:
    """The CSV's line naming the tax figures behind its take-home pay (none without take-home pay)."""
    return [["Tax figures", f"derived from {source}"]] if source else []


DOLLARS_MEANING = {
    "nominal": "nominal: the dollars of each year, with inflation in them",
    "today": "today's dollars: each year's amount with the assumed inflation taken out, comparable with pay now",
}
COMP_MEANING = {
    "base": "base salary only",
    "total": "total compensation: base salary with the assumed bonus and equity on top",
    "take_home": "take-home pay: total compensation less taxes and pre-tax retirement contributions",
}


def _csv_pay_history(profile: Profile, presenter: ProjectionPresenter) -> list[list[list[object]]]:
    """The pay history as a block of its own (its years lie before the projection's): each base salary as entered
    and, when the projection is in today's dollars, the same in today's dollars at the inflation assumption."""
    history = profile.pay_history
    if not history:
        return []
    proj = presenter.projection
    inflation = profile.assumptions.inflation
    today_year = proj.current_year if proj is not None else max(history)
    in_today = presenter.dollars == "today"
    header: list[object] = [
        "Year",
        "Base salary (USD a year, nominal: your entry)",
        "Change from the year before (%)",
    ]
    if in_today:
        header.append(f"The same in today's dollars (USD a year, derived at {inflation * 100:g}% inflation)")
    rows: list[list[object]] = [["Your pay history"], header]
    for year in sorted(history):
        amount, before = history[year], history.get(year - 1)
        row: list[object] = [year, amount, _number(round((amount / before - 1) * 100, 1)) if before else ""]
        if in_today:
            row.append(round(amount * (1.0 + inflation) ** (today_year - year)))
        rows.append(row)
    return [rows]


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _today_level(projection: ProjectionPresenter) -> str:
    proj = projection.projection
    if proj is None:
        return "not worked out"
    name = proj.level_name(0)
    return f"{name} (your choice)" if proj.level_chosen else f"{name} (from your years of experience)"


REPORT_YEARS = (1, 5, 10)  # of COMPARE_YEARS: three columns fit a portrait page at 10 pt
INTRO = (
    "What each figure is: the article's salary ranges (sources at the end), the official BLS wage statistics, "
    "your own entries, assumptions (listed with their defaults, yours to change) and figures derived from these "
    "(the projection: the method is in Help > How projections work). Each table says which."
)


def _assumptions(profile: Profile) -> tuple[tuple[str, str], ...]:
    """Each assumption with its value, saying whether it is the default or the user's (and then the default)."""
    default = Profile()
    rows = []
    for spec in FIELDS:
        if not spec.assumption:
            continue
        value, was = format_field(spec, profile), format_field(spec, default)
        same = getattr(profile.assumptions, spec.key) == getattr(default.assumptions, spec.key)
        rows.append((spec.label, f"{value} (default)" if same else f"{value} (yours; default {was})"))
    return tuple(rows)


def report_years(count: int, every: int = 5) -> list[int]:
    """The rows of the compact year table: the first year, every ``every``-th year after it and the last."""
    if count <= 0:
        return []
    return sorted({0, *range(every - 1, count, every), count - 1})


def _year_table(projection: ProjectionPresenter, column: TakeHomeColumn) -> Table:
    """Today's path only (the scenarios have their own table): year, level, range, projected, cumulative,
    take-home pay when the pay shown is not already that and, when some year is outside the article's figures, a
    column saying so. Years of experience go in the note (one more each year): nine columns do not fit a portrait
    page without breaking words."""
    table = projection.table
    columns = [0, 2, 3, 4, 5, 6]
    header = ["Year", "Level", "Low", "Projected", "High", "Cumulative"]
    take_home = column if projection.comp != "take_home" else None
    if take_home is not None and take_home.shown:
        header.append("Take-home")
    note = any(table.data(table.index(r, table.NOTE)) for r in range(table.rowCount()))
    if note:
        header.append("Article's\nfigures")
    rows = []
    for r in report_years(table.rowCount()):
        cells = [str(table.data(table.index(r, c))) for c in columns]
        cells[1] = cells[1].removesuffix(" level")  # "Senior", under the heading "Level"
        if take_home is not None and take_home.shown:
            cells.append(usd(take_home.values[r]))
        if note:
            cells.append(str(table.data(table.index(r, table.NOTE))).replace("⚠ ", ""))
        rows.append(tuple(cells))
    return Table(tuple(header), tuple(rows), numbers_from=2)


def _tax_inputs(profile: Profile, market: MarketData | None) -> list[tuple[str, str]]:
    """The inputs of take-home pay, each saying whether it is the user's or the default (the state: from the
    Market tab's area when not chosen)."""
    from planner.domain.tax_codes import FILING_STATUS_NAMES, STATE_NAMES
    from planner.domain.taxes import state_for_taxes

    t = profile.taxes
    where = state_for_taxes(t.state, profile.market_area, market)
    state = STATE_NAMES.get(where.state or "", "none chosen")
    origin = {"yours": "yours", "area": f"from your Market area, {where.area_name}", "none": "needed for take-home"}
    share = f"{t.retirement_share * 100:g} %"
    return [
        (
            "Filing status",
            f"{FILING_STATUS_NAMES[t.filing_status]} ({'default' if t.filing_status == 'single' else 'yours'})",
        ),
        ("State for taxes", f"{state} ({origin[where.origin]})"),
        ("Pre-tax retirement", f"{share} of pay ({'default' if not t.retirement_share else 'yours; default 0 %'})"),
    ]


def _salary(profile: Profile) -> str:
    """The salary entered or, when none is, where the projection's first year comes from instead."""
    today = profile.salary_today()  # what the projection starts from (Profile's precedence)
    if today is None:
        return "not given: the projection starts from the bottom of today's range (the article's)"
    amount, kind, _year = today
    return (
        usd(amount) if kind == "current" else f"not given: the projection starts from your pay history's {usd(amount)}"
    )


def _years(profile: Profile) -> str:
    years = float(profile.years_of_experience)
    return "1 year" if years == 1 else f"{years:g} years"


def _take_home_note(column: TakeHomeColumn) -> str:
    return f"Take-home pay: {column.about}." if column.shown else column.about


def _plan(dataset: Dataset, profile: Profile, today: dt.date) -> tuple[tuple[str, ...], str]:
    steps = plan_steps(dataset, profile, today)
    if not steps:
        return (), ""
    horizon = profile.assumptions.horizon_years
    lines = tuple(step_line(step, horizon)[1] for step in steps)
    note = (
        "Derived from the projection: base salary in today's dollars, what each step adds with the steps before "
        "it. A planned skill counts from the calendar year of its month."
    )
    return lines, note


def _pay_history(profile: Profile, projection: ProjectionPresenter) -> tuple[Table | None, str]:
    history = profile.pay_history
    if not history:
        return None, ""
    years = sorted(history)
    rows = []
    for n, year in enumerate(years):
        change = ""
        if n and years[n - 1] == year - 1 and history[year - 1]:
            change = f"{(history[year] / history[year - 1] - 1) * 100:+.1f}%"
        rows.append((str(year), "your entry", usd(history[year]), change))
    proj = projection.projection
    note = ""
    if proj is not None:
        now = float(proj.base[0])
        rows.append((str(proj.current_year), "projected (derived)", usd(now), ""))
        first, last = years[0], years[-1]
        if last > first and history[first]:
            yearly = (history[last] / history[first]) ** (1 / (last - first)) - 1
            note = (
                f"Your recorded pay grew {yearly * 100:.1f}% a year from {first} to {last} (derived from your "
                f"entries); the projection assumes a raise of {proj.assumptions.yearly_raise * 100:g}% a year within "
                "a level, and more at a promotion."
            )
    table = Table(("Year", "What it is", "Base salary", "Change"), tuple(rows), numbers_from=2, widths=(15, 45, 22, 18))
    return table, note


def _scenarios(
    dataset: Dataset, profile: Profile, projection: ProjectionPresenter, market: MarketData | None
) -> tuple[Table | None, tuple[tuple[str, str], ...], str]:
    proj = projection.projection
    if proj is None or not projection.scenarios:
        return None, (), ""
    rows = compare(
        [(TODAY_PATH, proj), *((sc.name, p) for sc, p in projection.scenarios)], projection.dollars, projection.comp
    )
    year = proj.current_year
    header = (
        "Scenario",
        *(f"In {t} year{'s' if t > 1 else ''}\n({year + t})" for t in REPORT_YEARS),
        f"Over\n{proj.horizon} years",
        "Ahead of\ntoday's path",
    )
    shown = [COMPARE_YEARS.index(t) for t in REPORT_YEARS]
    table_rows = []
    for n, row in enumerate(rows):
        ahead = "" if n == 0 else "never" if row.overtakes == "never" else row.overtakes
        if ahead and ahead not in ("never", "from the start"):
            ahead = f"from {ahead}"
        table_rows.append((row.name, *(_money(row.pay[i]) for i in shown), usd(row.earnings), ahead or "—"))
    changes = tuple((sc.name, describe(dataset, profile, sc, market)) for sc, _p in projection.scenarios)
    passes = [f"{row.name} overtakes {other} in {when}" for row in rows[1:] for other, when in row.passes]
    what = f"{COMP_LABEL[projection.comp]}, {DOLLARS_LABEL[projection.dollars]}"
    note = (
        f"Derived: the projection of your profile with what each scenario changes ({what}). "
        "A scenario from an offer counts the offer's base salary and bonus, its sign-on in its first year and its "
        "equity as it vests, as the offer's own table below does (then its raises, as any salary)."
    )
    if passes:
        note += " " + "; ".join(passes) + "."
    table = Table(header, tuple(table_rows), numbers_from=1, wrap=(0,), widths=(27, 13, 13, 13, 15, 19))
    return table, changes, note


def _has_take_home(projection: ProjectionPresenter, column: TakeHomeColumn, offers: Table | None) -> bool:
    """Whether the report shows take-home or after-tax pay: as the pay shown, its own column, or the offers'."""
    if projection.comp == "take_home" or column.shown:
        return True
    return offers is not None and any(row[0] == AFTER_TAX_ROW for row in offers.rows)  # only when some job has it


def _money(amount: float | None) -> str:
    return usd(amount) if amount is not None else "—"


def _sources(
    dataset: Dataset, market: MarketData | None, taxes: tuple[str, str] | None = None
) -> tuple[tuple[str, str], ...]:
    """Each source in plain words, as Help > Data sources leads with them; the tax figures' before "Yours" when
    the report has take-home or after-tax pay."""
    words = [(w.short, w.text()) for w in source_words(dataset, market)]
    if taxes is not None:
        words.insert(len(words) - 1 if words and words[-1][0] == "Yours" else len(words), taxes)
    return tuple(words)


def _tax_words(taxes: TaxSource | None) -> tuple[str, str] | None:
    """The tax figures behind take-home and after-tax pay, for the sources."""
    data = taxes()[0] if taxes is not None else None
    if data is None:
        return None
    return ("Taxes", f"Take-home and after-tax pay: derived from {tax_source_words(data)}.")


def _details(dataset: Dataset, market: MarketData | None) -> tuple[tuple[str, str], ...]:
    doc = dataset.document
    rows = [("Article", f"{doc.title}; kept as {doc.file}; read on {_date(doc.read_on)}")]
    if doc.note:
        rows.append(("About the article", doc.note))
    if market is not None:
        rows.extend(bls_provenance(market))
    return tuple(rows)


def career_report(
    dataset: Dataset,
    profile: Profile,
    progress: tuple[Sequence[Progress], Progress],
    projection: ProjectionPresenter,
    today: dt.date,
    market: MarketData | None = None,
    taxes: TaxSource | None = None,
    offers_baseline: str = CURRENT,
) -> CareerReport:
    """The report's sections; the offers against ``offers_baseline`` (CURRENT, or the offer chosen on the Offers
    tab)."""
    industry = next((i.name for i in dataset.industries if i.id == profile.industry), None)
    employer = next((e.name for e in dataset.employers if e.id == profile.employer), None)
    about = [
        ("Years of experience", f"{profile.years_of_experience:g}"),
        ("Today's level", _today_level(projection)),
        ("Current base salary", _salary(profile)),
        ("Industry", industry or "All industries"),
        ("Employer", employer or "No particular employer"),
        *_tax_inputs(profile, market),
    ]
    ticks = profile.skills
    levels = tuple(
        LevelProgress(
            p.name, p.done, p.total, tuple(sk.name for sk in dataset.skill_group(p.level_id).skills if sk.id in ticks)
        )
        for p in progress[0]
        if p.level_id is not None
    )
    what = f"{COMP_LABEL[projection.comp]}, {DOLLARS_LABEL[projection.dollars]}"
    plan, plan_note = _plan(dataset, profile, today)
    pay_history, pay_note = _pay_history(profile, projection)
    scenarios, changes, scenarios_note = _scenarios(dataset, profile, projection, market)
    offers, offers_side, offers_years = report_offers(dataset, profile, market, taxes, today, offers_baseline)
    first_row = projection.table.rowCount()
    take_home = take_home_column(projection, profile)  # today's path's, worked out once for the whole report
    tax_words = _tax_words(taxes) if _has_take_home(projection, take_home, offers_side) else None
    return CareerReport(
        title="ML career report",
        generated_on=today,
        intro=INTRO,
        profile=tuple(about),
        assumptions=_assumptions(profile),
        levels=levels,
        overall=progress[1],
        projection_title=f"Your projection ({what}, USD a year)",
        projection_summary_html=projection.summary_html(in_report=True) + projection.warnings_html(),
        year_table=_year_table(projection, take_home),
        year_note=(
            f"Derived: every fifth year of {first_row}, with the first and the last. Low and High are your level's "
            f"range; Cumulative is the running total. Experience: {_years(profile)} in {today.year}, one more each "
            "year. File > Export projection as CSV gives every year. " + _take_home_note(take_home)
        ),
        plan=plan,
        plan_note=plan_note,
        pay_history=pay_history,
        pay_note=pay_note,
        scenarios=scenarios,
        scenario_changes=changes,
        scenarios_note=scenarios_note,
        offers=offers,
        offers_side=offers_side,
        offers_years=offers_years,
        offers_note=offers_note(profile, offers_baseline),
        market_summary=market_summary(market, profile.market_occupation, profile.market_area, profile.salary_today())
        if market is not None
        else "",
        sources=_sources(dataset, market, tax_words),
        details=_details(dataset, market),
    )
