"""Look-ups and sentences about the BLS wage data that more than one place uses: the Market tab, the scenario
dialog (its area list), Help > Data sources and the career report."""

from __future__ import annotations

import datetime as dt

from planner.domain.market import NATIONAL, Area, Cell, MarketData, ordinal, percentile_of
from planner.domain.money import usd
from planner.presenters.choices import Choice

DEFAULT_OCCUPATION = "151252"  # Software Developers: where most ML engineers are counted
AREA_KINDS = {"N": "", "S": " (state)", "M": " (metro area)"}
AREAS = "metro and nonmetropolitan areas"  # BLS area type M: both kinds


def area_label(area: Area) -> str:
    """The area as the lists show it: a nonmetropolitan area's name says what it is, a metro area's does not."""
    return area.name + ("" if area.nonmetropolitan else AREA_KINDS[area.type])


def occupation_of(market: MarketData, code: str | None) -> str:
    """The occupation chosen on the Market tab, or the one most ML engineers are counted in."""
    return code if code in {o.code for o in market.occupations} else DEFAULT_OCCUPATION


def place_name(area: Area) -> str:
    return "the United States" if area.type == "N" else area.name  # BLS calls the nation "National"


def area_choices(market: MarketData, occupation: str) -> list[Choice]:
    """The nation, then the states, then the metro and nonmetropolitan areas that have estimates for the
    occupation."""
    return [
        Choice(a.code, area_label(a))
        for a in sorted(market.areas, key=lambda a: "NSM".index(a.type))  # the file lists states first
        if market.cell(a.code, occupation) is not None
    ]


def source_line(market: MarketData) -> str:
    """The BLS release every figure of the tab comes from, and BLS's disclaimer."""
    r = market.release
    return (
        f"Source: U.S. Bureau of Labor Statistics, {market.title} (release {r.code}, published "
        f"{r.published.day} {r.published:%B %Y}; files retrieved {r.retrieved.day} {r.retrieved:%B %Y}). "
        f"RSE: relative standard error. {market.disclaimer}"
    )


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def bls_provenance(market: MarketData, brief: bool = False) -> tuple[tuple[str, str], ...]:
    """The BLS release and every file it came from, as (what, value) rows: Help > Data sources lists each file
    with its size and SHA-256; ``brief`` (the report, which must stay within two pages) names them in one row."""
    r = market.release
    if brief:
        folder = r.files[0].url.rsplit("/", 1)[0]
        return (
            ("Statistics", f"U.S. Bureau of Labor Statistics, {market.title}"),
            ("Release", f"{r.description} (code {r.code}), published {_day(r.published)}"),
            ("Files", f"{', '.join(f.name for f in r.files)} from {folder}/, retrieved {_day(r.retrieved)} "
             "(sizes and SHA-256 sums: Help > Data sources)"),
            ("Disclaimer", market.disclaimer),
        )  # fmt: skip
    return (
        ("Statistics", f"U.S. Bureau of Labor Statistics, {market.title}"),
        ("Release", f"{r.description} (code {r.code}), published {_day(r.published)}"),
        ("Files retrieved", _day(r.retrieved)),
        ("Occupations", "; ".join(f"{o.soc} {o.name}" for o in market.occupations)),
        *((f"BLS file {f.name}", f"{f.url}, {f.bytes:,} bytes, SHA-256 {f.sha256}") for f in r.files),
        ("Local copy", f"{r.package}; database SHA-256 {r.database_sha256}; extracted {_day(r.built_on)}"),
        ("Disclaimer", market.disclaimer),
    )


SalaryToday = tuple[int, str, int | None]  # Profile.salary_today(): amount, "current" or "history", its year


def placed(market: MarketData, cell: Cell, salary: SalaryToday, where: str) -> str | None:
    """ "Your $145,000 is about the 34th percentile for …": where the salary sits among the published percentiles
    (the lowest published one when below it: BLS may not publish the 10th). A salary from the pay history says
    its year (and :func:`history_caveat` that BLS's wages are of another). None when BLS published too few
    percentiles."""
    amount, kind, year = salary
    found = percentile_of(amount, cell)
    if found is None:
        return None
    p, side = found
    at = {"below": "below the", "above": "above the"}.get(side, "about the")
    who = f"Your {usd(amount)}"
    if kind == "history":
        who = f"Your {year} salary, {usd(amount)} (the latest of your pay history: the current salary is empty),"
    return f"{who} is {at} {ordinal(round(p))} percentile{' for ' + where if where else ''}."


def history_caveat(market: MarketData, salary: SalaryToday) -> str:
    """For a salary from the pay history: that BLS's wages are of another year ("" for the current salary)."""
    _amount, kind, year = salary
    if kind != "history":
        return ""
    return (
        f" BLS's wages are of {market.release.description}: your {year} pay is compared with them as it was, with "
        "nothing added for the years between."
    )


def market_summary(market: MarketData, occupation: str | None, area: str | None, salary: SalaryToday | None) -> str:
    """One line for the report: the user's chosen occupation and area, its median (with series id) and where
    their salary sits. Empty when nothing was chosen on the Market tab."""
    if occupation is None and area is None:
        return ""
    occ = market.occupation(occupation_of(market, occupation))
    cell = market.cell(area or NATIONAL, occ.code) or market.cell(NATIONAL, occ.code)
    assert cell is not None
    place = place_name(market.area(cell.a))  # "the United States", not BLS's "National"
    median = cell.get("p50")
    text = f"{occ.name} in {place}: median " + (
        f"{usd(median)} (BLS series {market.series_id(cell, 'p50')})" if median is not None else "not published"
    )
    sentence = placed(market, cell, salary, "") if salary is not None else None
    if salary is not None and sentence is not None:
        text += f". {sentence[:-1]} (interpolated between published percentiles).{history_caveat(market, salary)}"
    return text
