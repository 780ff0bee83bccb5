"""The Offers tab's decision figures (no Qt): each job's years on one footing, where it is and its take-home pay,
the headline of an offer against the baseline, the compact components × years rows and what leaving at month N
leaves. Used by the tab, the CSV export and the PDF report alike, so the three say the same.

What each figure is: an offer's terms are the user's entries; the refreshers and the stock price change are
assumptions (with their defaults); differences, averages and take-home pay are derived (with their formula); the
taxes come from the bundled tax law figures (``planner.domain.taxes``); BLS medians from the BLS file.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from planner.domain.market import MarketData
from planner.domain.money import usd
from planner.domain.offers import OFFER_YEARS, OfferYear, current_job_years, leave_at, offer_years
from planner.domain.plans import Offer
from planner.domain.profile import Profile
from planner.domain.tax_data import STATE_NAMES, TaxData
from planner.domain.taxes import TaxInputError, state_for_taxes, take_home, tax_year
from planner.presenters.market_text import area_label, occupation_of

CURRENT = "current"  # the current job's key
TaxSource = Callable[[], "tuple[TaxData | None, str]"]  # (the tax figures, or None and why not)


def signed(amount: float) -> str:
    """+$1,200, −$1,200 (a real minus sign), $0."""
    text = usd(abs(amount))
    if round(amount) > 0:
        return "+" + text
    return "−" + text if round(amount) < 0 else text


def signed_percent(fraction: float, digits: int = 1) -> str:
    value = round(fraction * 100, digits) + 0.0
    return f"{'+' if value > 0 else '−' if value < 0 else ''}{abs(value):.{digits}f} %"


@dataclass(frozen=True)
class Place:
    """Where a job is: its name for the user, the state whose taxes apply (a postal code, or None: unknown)."""

    name: str
    state: str | None
    median: float | None = None  # the BLS median wage of the user's occupation there (None: not published/known)
    median_source: str = ""


def current_place(profile: Profile, market: MarketData | None) -> Place:
    """Where you work now: the state for taxes (Profile.taxes.state, else the Market tab's area's state)."""
    state = state_for_taxes(profile.taxes.state, profile.market_area, market).state
    area = profile.market_area
    name = ""
    if market is not None and area is not None:
        try:
            name = area_label(market.area(area))
        except KeyError:
            name = ""
    if not name:
        name = STATE_NAMES.get(state or "", "") or "where you work now"
    return Place(name, state)


def offer_place(offer: Offer, profile: Profile, market: MarketData | None, now: Place) -> Place:
    """The offer's location (a state or a BLS area), or where you work now when it has none; with the BLS median of
    your occupation there when the BLS file has it."""
    code = offer.location
    if code is None:
        return Place(now.name, now.state)
    occupation = occupation_of(market, profile.market_occupation) if market is not None else ""
    area_code: str | None = code if code.isdigit() else None
    state: str | None
    if code.isalpha():
        state, name = code, STATE_NAMES.get(code, code)
        if market is not None:
            area_code = next((a.code for a in market.areas if a.type == "S" and a.name == name), None)
    else:
        state = market.tax_state(code) if market is not None else None
        name = code
    median, source = None, ""
    if market is not None and area_code is not None:
        try:
            area = market.area(area_code)
        except KeyError:
            area = None
        if area is not None:
            name = area_label(area) if code.isdigit() else name
            cell = market.cell(area_code, occupation)
            if cell is not None:
                median = cell.get("p50")
                who = market.occupation(occupation).name
                source = f"BLS OEWS, {market.release.description}: {who}, {area.name}" if median else ""
    return Place(name, state, median, source)


def median_line(offer: Offer, profile: Profile, market: MarketData | None) -> str:
    """The BLS median of your occupation at the offer's location beside its base, with its source ("" with no
    location)."""
    if offer.location is None:
        return ""
    place = offer_place(offer, profile, market, offer_place(offer, profile, None, Place("", None)))
    if place.median is not None:
        return (
            f"BLS median of your occupation in {place.name}: {usd(place.median)} a year; this base is "
            f"{signed(offer.base - place.median)} ({place.median_source})."
        )
    return f"BLS publishes no median for your occupation in {place.name}." if market is not None else ""


@dataclass(frozen=True)
class TakeHomeYears:
    amounts: tuple[float, ...]  # each year's take-home pay
    how: str  # derived: the formula and the inputs, for the explanation


@dataclass(frozen=True)
class Job:
    key: str  # an offer's id, or CURRENT
    name: str  # the employer's name as typed (data, never markup), or "Current job"
    years: tuple[OfferYear, ...]
    offer: Offer | None
    place: Place
    take_home: TakeHomeYears | None = None

    @property
    def average(self) -> float:
        return math.fsum(y.total for y in self.years) / len(self.years)

    def years_at(self, change: float) -> tuple[OfferYear, ...]:
        return tuple(y.with_price(change) for y in self.years)


def after_tax(years: Sequence[OfferYear], place: Place, profile: Profile, data: TaxData, first_year: int) -> (
    TakeHomeYears | str
):  # fmt: skip
    """Each year's take-home pay at the place's state (the whole year's pay taxed as wages, vesting equity
    included), or why it cannot be worked out."""
    if place.state is None:
        return "no state known for it"
    t = profile.taxes
    amounts = []
    for n, year in enumerate(years):
        gross = year.total
        calendar = first_year + n
        share = t.retirement_share
        ty = tax_year(data, calendar, profile.assumptions.inflation)
        limit = ty.amount(ty.law.retirement_limit_401k)
        if gross > 0 and gross * share > limit:
            share = limit / gross  # at the year's legal limit
        try:
            result = take_home(
                data, calendar, gross, t.filing_status, place.state, share, profile.assumptions.inflation
            )
        except TaxInputError as exc:
            return str(exc)
        amounts.append(result.take_home)
    how = (
        f"the year's pay less federal, Social Security, Medicare and {STATE_NAMES[place.state]} taxes "
        f"({t.filing_status.replace('_', ' ')}, standard deduction; years {first_year}–{first_year + len(years) - 1}; "
        "equity taxed as wages when it vests)"
    )
    return TakeHomeYears(tuple(amounts), how)


def jobs(
    profile: Profile,
    offers: Sequence[Offer],
    market: MarketData | None,
    taxes: TaxSource | None,
    today: dt.date,
) -> tuple[list[Job], str]:
    """The current job (when there is a salary) and each offer, with take-home pay when the tax figures can be
    read; and a note on what could not be worked out."""
    now = current_place(profile, market)
    result: list[Job] = []
    current = current_job_years(profile)
    if current is not None:
        result.append(Job(CURRENT, "Current job", tuple(current), None, now))
    for offer in offers:
        result.append(
            Job(
                offer.id,
                offer.employer_name,
                tuple(offer_years(offer)),
                offer,
                offer_place(offer, profile, market, now),
            )
        )
    notes = []
    if taxes is not None and result:
        data, why = taxes()
        if data is None:
            notes.append(f"After-tax figures are not shown: {why}. The figures before tax are complete.")
        else:
            missing = []
            for i, job in enumerate(result):
                th = after_tax(job.years, job.place, profile, data, today.year)
                if isinstance(th, str):
                    missing.append(f"{job.name}: {th}")
                else:
                    result[i] = Job(job.key, job.name, job.years, job.offer, job.place, th)
            if missing:
                notes.append(
                    "No after-tax figures for " + "; ".join(missing) + ". Give each offer a location, and for your "
                    "current job an area on the Market tab (or a state for taxes)."
                )
    return result, " ".join(notes)


# --- the headline -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    key: str
    main: str  # "+$167,750 a year in year one (+115.7 %), $40,000 of it guaranteed"
    details: str  # the four-year average, what is at risk, the stock range, after tax, the BLS median


def headline(job: Job, base: Job) -> Headline:
    """The offer against the baseline (the current job or another offer), at a glance."""
    y, b = job.years[0], base.years[0]
    diff = y.total - b.total
    pct = f" ({signed_percent(diff / b.total)})" if b.total else ""
    guaranteed = y.guaranteed - b.guaranteed
    at_risk = y.at_risk - b.at_risk
    if diff > 0 and 0 <= guaranteed <= diff:
        main = f"{signed(diff)} a year in year one{pct}, {usd(guaranteed)} of it guaranteed"
    else:
        main = f"{signed(diff)} a year in year one{pct}: {signed(guaranteed)} guaranteed, {signed(at_risk)} at risk"
    avg = job.average - base.average
    avg_pct = f" ({signed_percent(avg / base.average)})" if base.average else ""
    parts = [
        f"Guaranteed: base and sign-on; at risk: bonus and equity ({signed(at_risk)} in year one).",
        f"Four-year average: {signed(avg)} a year{avg_pct}.",
    ]
    offer = job.offer
    if offer is not None and offer.equity_grant:
        low = job.years_at(offer.price_low)[0].total - b.total
        high = job.years_at(offer.price_high)[0].total - b.total
        parts.append(
            f"If its stock moves {signed_percent(offer.price_low / 100, 0)} to "
            f"{signed_percent(offer.price_high / 100, 0)} "
            f"(an assumption): {signed(low)} to {signed(high)} in year one."
        )
    if job.take_home is not None and base.take_home is not None:
        tax_diff = job.take_home.amounts[0] - base.take_home.amounts[0]
        where = job.place.state if job.place.state == base.place.state else f"{job.place.state} vs {base.place.state}"
        parts.append(f"After tax ({where}): {signed(tax_diff)} in year one.")
    if job.place.median is not None and offer is not None:
        parts.append(f"BLS median there: {usd(job.place.median)} (base {signed(offer.base - job.place.median)}).")
    return Headline(job.key, main, " ".join(parts))


# --- the compact comparison: components × years ------------------------------------------------------------------

ROW_NAMES = {
    "base": "Base salary",
    "bonus": "Bonus",
    "sign_on": "Sign-on bonus",
    "equity": "Equity (first grant)",
    "refreshers": "Equity refreshers",
    "total": "Total",
    "take_home": "After tax",
}


def component(year: OfferYear, comp: str) -> float:
    if comp == "equity":
        return year.equity - year.refreshers
    if comp == "total":
        return year.total
    return float(getattr(year, comp))


def job_rows(job: Job) -> list[str]:
    """The rows a job shows: base, bonus, total always; sign-on, equity and refreshers when not all zero; after
    tax when worked out."""
    rows = []
    for comp in ("base", "bonus", "sign_on", "equity", "refreshers", "total"):
        if comp in ("base", "bonus", "total") or any(component(y, comp) for y in job.years):
            rows.append(comp)
    if job.take_home is not None:
        rows.append("take_home")
    return rows


def values(job: Job, comp: str) -> list[float]:
    if comp == "take_home":
        return list(job.take_home.amounts) if job.take_home is not None else []
    return [component(y, comp) for y in job.years]


def difference(job: Job, base: Job, comp: str) -> float | None:
    """The four-year average of the row, less the baseline's (None when the baseline lacks the row)."""
    mine, theirs = values(job, comp), values(base, comp)
    if not mine or not theirs:
        return None
    return math.fsum(mine) / len(mine) - math.fsum(theirs) / len(theirs)


def comparison_table(
    jobs_: Sequence[Job],
    base: Job | None,
    money: Callable[[float], object] = usd,
    diff: Callable[[float], object] = signed,
) -> tuple[list[str], list[list[object]]]:
    """The compact comparison for a file (the CSV with numbers, the PDF report with text): a heading row per job,
    then its rows, with years 1–4, the four-year average and the difference of that average against the
    baseline."""
    against = f"against {base.name}" if base is not None else "no baseline"
    header = ["Job and component", *(f"Year {k}" for k in range(1, OFFER_YEARS + 1)), "Average",
              f"Difference (average, {against})"]  # fmt: skip
    rows: list[list[object]] = []
    for job in jobs_:
        rows.append([job.name + (" (baseline)" if base is not None and job.key == base.key else ""),
                     *[""] * (OFFER_YEARS + 2)])  # fmt: skip
        for comp in job_rows(job):
            v = values(job, comp)
            d = difference(job, base, comp) if base is not None and job.key != base.key else None
            rows.append([f"  {ROW_NAMES[comp]}", *(money(x) for x in v), money(math.fsum(v) / len(v)),
                         diff(d) if d is not None else ""])  # fmt: skip
    return header, rows


AFTER_TAX_ROW = "After tax, year one"  # a row of side_by_side only when some job's take-home pay is known


def side_by_side(jobs_: Sequence[Job], base: Job | None) -> tuple[list[str], list[list[str]]]:
    """The jobs as columns, a few figures as rows: year one, the four-year average, guaranteed and at risk in year
    one, after tax in year one, and leaving at month 11 (before a 1-year cliff) — for the report."""
    header = ["", *(job.name for job in jobs_)]
    rows: list[list[str]] = [
        ["Year one", *(usd(j.years[0].total) for j in jobs_)],
        ["Four-year average", *(usd(j.average) for j in jobs_)],
        ["Guaranteed in year one (base, sign-on)", *(usd(j.years[0].guaranteed) for j in jobs_)],
        ["At risk in year one (bonus, equity)", *(usd(j.years[0].at_risk) for j in jobs_)],
    ]
    if base is not None:
        rows.append(
            [
                f"Year one against {base.name}",
                *("—" if j.key == base.key else signed(j.years[0].total - base.years[0].total) for j in jobs_),
            ]
        )
    if any(j.take_home is not None for j in jobs_):
        rows.append([AFTER_TAX_ROW, *(usd(j.take_home.amounts[0]) if j.take_home else "—" for j in jobs_)])
    leaving = []
    for j in jobs_:
        if j.offer is not None:
            leaving.append(usd(leave_at(j.offer, 11).total))
        else:
            left = current_leave_at_years(j)
            leaving.append(usd(left) if left is not None else "—")
    rows.append(["Leaving after 11 months: earned and kept", *leaving])
    return header, rows


def current_leave_at_years(job: Job) -> float | None:
    """The current job over 11 months, on its yearly figures."""
    year = job.years[0]
    return (year.base + year.bonus + year.equity) * 11 / 12


# --- leaving at month N ------------------------------------------------------------------------------------------


def longest_months(offers: Sequence[Offer]) -> int:
    """The last month the leave box accepts: the longest schedule shown, at least four years."""
    return max([12 * OFFER_YEARS, *(o.schedule_months() for o in offers)])
