"""The job offers in the exports: the CSV's offers block and the career report's offers, each against the baseline
chosen on the Offers tab ("Compare against": the current job unless an offer was chosen there), as the tab shows
them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from planner.domain.dataset import Dataset
from planner.domain.market import MarketData
from planner.domain.money import usd
from planner.domain.offers import OFFER_YEARS
from planner.domain.plans import Offer
from planner.domain.profile import Profile
from planner.presenters.career_report import OfferSection, Table
from planner.tabs.offers.figures import CURRENT, Job, TaxSource, comparison_table, jobs, side_by_side
from planner.tabs.offers.models import schedule_text


def baseline_job(shown: Sequence[Job], chosen: str) -> Job | None:
    """The job every offer is compared against: the one chosen on the Offers tab, else the current job (the tab's
    default), else none (no salary entered and no offer chosen)."""
    by_key = {j.key: j for j in shown}
    return by_key.get(chosen) or by_key.get(CURRENT)


def csv_offers(
    profile: Profile, today: dt.date, market: MarketData | None, taxes: TaxSource | None, baseline: str
) -> list[list[list[object]]]:
    """The Offers tab's compact comparison of every offer against the tab's baseline (whole dollars as numbers)."""
    if not profile.offers:
        return []
    shown, note = jobs(profile, profile.offers, market, taxes, today)
    base = baseline_job(shown, baseline)
    header, rows = comparison_table(shown, base, money=round, diff=round)
    against = (
        f"Difference: the four-year average less that of {_job_words(base)} (the baseline chosen on the Offers tab)"
        if base is not None
        else "no Difference: enter your salary, or choose an offer to compare against on the Offers tab"
    )
    title = (
        f"Job offers: each job's first {OFFER_YEARS} years by component (US dollars a year, the offer's own dollars, "
        f"no raise counted); {against}. " + note
    ).strip()
    return [[[title], list[object](header), *rows]]


def _job_words(job: Job) -> str:
    """ "the current job" or "the offer from Example Analytics"."""
    return "the current job" if job.key == CURRENT else f"the offer from {job.name}"


def _terms(dataset: Dataset, profile: Profile, shown: Sequence[Job]) -> list[list[str]]:
    """Each job's terms as rows (the jobs as columns): the user's entries, and the assumptions marked †."""

    def each(of_offer: Callable[[Offer], str], current: str) -> list[str]:
        return [of_offer(j.offer) if j.offer is not None else current for j in shown]

    def matched(o: Offer) -> str:
        names = {**{e.id: e.name for e in dataset.employers}, **{i.id: i.name for i in dataset.industries}}
        return names.get(o.employer or o.industry or "", "—")

    a = profile.assumptions
    return [
        ["Base salary", *each(lambda o: usd(o.base), usd(shown[0].years[0].base) if shown else "")],
        ["Target bonus", *each(lambda o: f"{o.bonus_percent:g}%", f"{a.bonus_percent:g}% †")],
        ["Sign-on bonus", *each(lambda o: usd(o.sign_on) + (f", repaid before month {o.sign_on_repay_months}"
                                                            if o.sign_on_repay_months else ""), "—")],
        ["Equity", *each(lambda o: f"{usd(o.equity_grant)} over {schedule_text(o)}",
                         f"{usd(a.yearly_equity)} a year †")],
        ["Refreshers †", *each(lambda o: f"{o.refresher_percent:g}% of the grant a year", "—")],
        ["Stock price †", *each(lambda o: f"{o.price_low:+g}% to {o.price_high:+g}%", "—")],
        ["Where", *(j.place.name + (f" (BLS median {usd(j.place.median)})" if j.place.median else "")
                    for j in shown)],
        ["Compared with (the article)", *each(matched, "—")],
    ]  # fmt: skip


def report_offers(
    dataset: Dataset,
    profile: Profile,
    market: MarketData | None,
    taxes: TaxSource | None,
    today: dt.date,
    baseline: str = CURRENT,
) -> tuple[tuple[OfferSection, ...], Table | None, Table | None]:
    """Every offer with its terms and its years beside the baseline chosen on the Offers tab (the current job
    unless another offer was chosen), and all of them side by side."""
    if not profile.offers:
        return (), None, None
    shown, _note = jobs(profile, profile.offers, market, taxes, today)
    current = baseline_job(shown, baseline)
    sections: tuple[OfferSection, ...] = ()
    page = shown[:5]  # five jobs fit a portrait page: the baseline always among them
    if current is not None and current not in page:
        page = [*page[:4], current]
    names, figures = side_by_side(page, current)
    figures = [*_terms(dataset, profile, page), *figures]
    share = 66 // max(len(names) - 1, 1)
    side = Table(tuple(names), tuple(tuple(r) for r in figures), numbers_from=len(names), wrap=tuple(range(len(names))),
                 widths=(100 - share * (len(names) - 1), *[share] * (len(names) - 1)))  # fmt: skip
    header, rows = comparison_table(shown, current)
    header[-1] = "Difference" if current is not None else ""
    years = Table(tuple(header), tuple(tuple(str(c) for c in r) for r in rows), numbers_from=1, wrap=(0,),
                  widths=(30, 11, 11, 11, 11, 11, 15))  # fmt: skip
    return sections, side, years


def offers_note(profile: Profile, baseline: str) -> str:
    """What the report's offers tables are, and what their difference is against."""
    if not profile.offers:
        return ""
    chosen = profile.offer(baseline)
    base = f"the offer from {chosen.employer_name}" if chosen is not None else "the current job"
    return (
        f"Your entries; † an assumption. Each offer's first {OFFER_YEARS} years as you entered it, in its own "
        "dollars (no raise counted), beside your current job on the same footing; after tax where the job is, when "
        "its state is known (federal and state taxes, standard deduction). Leaving after 11 months: salary and bonus "
        "pro rata, the equity vested by then and the sign-on unless it is repaid. By component: Difference is the "
        f"four-year average less that of {base} (derived; the baseline chosen on the Offers tab); the current job "
        "has the bonus and equity of your assumptions."
    )
