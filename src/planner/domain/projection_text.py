"""The words that explain a projection: "Why this number?", the headline, notes and warnings. Pure (no Qt).

The numbers are in :mod:`planner.domain.projection`; this module only reads them. Every line says what its
figure is: the article's (with its source), derived from it (with the formula), an assumption (its default is
on the Projection tab) or the user's own entry. Text is plain: escaping for rich text is the presenter's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from planner.domain.dataset import Dataset
from planner.domain.money import percent, usd
from planner.domain.pay_compare import in_words, wording_note
from planner.domain.profile import Assumptions
from planner.domain.projection import Projection
from planner.domain.projection_basis import Comp, Dollars, LevelPlan, PayBasis
from planner.domain.provenance import Kind, as_of, figure_value, source_line

LineKind = Kind | Literal["yours"]


def years_text(years: float) -> str:
    """4.7 years, 1 year, 0 years: one decimal, none when whole."""
    rounded = round(years, 1)
    text = f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"
    return f"{text} year" if text == "1" else f"{text} years"


# --- the pay basis ---------------------------------------------------------------------------------------------


def factor_text(b: PayBasis) -> str:
    """How the pay factor of an industry or employer is worked out (derived), with the bound when it applies."""
    assert b.amount is not None  # all industries: factor 1, nothing to explain (its range line is the article's)
    what = f"{b.name} (“highest salary”)" if b.is_highest else b.name
    text = (
        f"pay factor {b.raw_factor:.4f} = {what} {usd(b.amount)} ÷ {usd(b.reference)} (the middle of the "
        "article's overall average range)"
    )
    if b.bounded:
        text += (
            f", held at {b.factor:.4f} = {usd(b.largest.amount)} (the article's largest figure) ÷ "
            f"{usd(b.top_range)} (the top of its highest level range), so that no level's range goes above "
            "anything the article reports"
        )
    return text


def fraction(b: PayBasis) -> str:
    """The factor used as the quotient it is, "$120,000 ÷ $116,000": the arithmetic a reader can check to the
    dollar (a factor rounded to a few decimals cannot)."""
    top, bottom = b.ratio
    return f"{usd(top)} ÷ {usd(bottom)}"


# --- levels ------------------------------------------------------------------------------------------------------


def boundary_text(dataset: Dataset, years: float) -> str:
    """When ``years`` is where the article's own years for two levels meet (mid level "five to ten", senior "more
    than ten": is exactly ten mid or senior?), a sentence saying so and which the app counts; "" otherwise."""
    for below, above in pairwise(dataset.levels):
        a, b = below.experience, above.experience
        if a.basis == b.basis == "article" and a.max_years == b.min_years and abs(years - b.min_years) < 1e-9:
            return (
                f"Exactly {years_text(years)} of experience is ambiguous in the article, which says “{a.note}” and "
                f"“{b.note}”: the app counts {years_text(years)} as {above.name}."
            )
    return ""


def promotion_reason(plan: LevelPlan, a: Assumptions) -> str:
    """Why the projection moves into this level when it does."""
    if plan.promoted_at is None:
        return ""
    shift = plan.shift_years(a.promotion_shift_years)
    if abs(shift) < 1e-9:
        how = f"on the article's {years_text(plan.article_years)}"
    elif shift > 0:
        how = f"{years_text(shift)} before the article's {years_text(plan.article_years)}"
    else:
        how = f"{years_text(-shift)} after the article's {years_text(plan.article_years)}"
    text = (
        f"at {years_text(plan.promoted_at)} of experience: {plan.own_ticked} of {plan.own_total} of its skills "
        f"ticked, {how} (promotion shift {a.promotion_shift_years:g} years, an assumption)"
    )
    if abs(plan.promoted_at - (plan.article_years - shift)) > 1e-9:
        text += (
            "; not sooner than a year after the previous step plus "
            f"{a.promotion_shift_years:g} years × the share of its skills not ticked"
        )
    if plan.level.experience.basis == "inferred":
        text += f" (the article gives no years for {plan.name}: inferred)"
    return text


def skills_text(plan: LevelPlan) -> str:
    return (
        f"{plan.ticked} of the {plan.total} skills expected at {plan.name} ticked (general skills and those of "
        f"{plan.name} and every level below)"
    )


# --- why this number -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreakdownLine:
    label: str
    amount: float | None  # None: an explanation, not part of the sum
    detail: str = ""
    kind: LineKind = "derived"
    source: str = ""  # "Source: ..., read on ..." for the article's figures; "" otherwise
    origin: str = ""  # what the figure is, when the kind's usual words do not fit (a tax line); "" otherwise


@dataclass(frozen=True)
class Breakdown:
    """Why the figure of one year is what it is: the amounts of the lines with one sum to ``total``."""

    t: int
    calendar_year: int
    experience: float
    level_name: str
    dollars: Dollars
    comp: Comp
    lines: tuple[BreakdownLine, ...]
    total: float

    def summands(self) -> list[float]:
        return [line.amount for line in self.lines if line.amount is not None]


def range_line(p: Projection, plan: LevelPlan) -> BreakdownLine:
    """The level's range at the basis: the article's figure when the factor is 1, else derived."""
    f = p.basis.factor
    reason = promotion_reason(plan, p.assumptions)
    when = f" You move into it {reason}." if reason else ""
    if plan.promoted_at is not None and (boundary := boundary_text(p.dataset, plan.promoted_at)):
        when += f" {boundary}"
    if p.basis.kind == "all":
        average = plan.level.average
        rng = plan.level.range
        source = source_line(p.dataset, rng)
        if average is None:
            typical = f"{usd(plan.typical)} (the middle of the range (derived: no average given))"
        else:  # the average as the article words it ("around"), with its own source when it has one
            names = p.dataset.source_names(average.sources)
            names = names.replace("The article", "the article")  # within a sentence
            typical = f"{figure_value(average)} (its average, {names})"
            if average.sources != rng.sources:
                source = (
                    f"Source: {p.dataset.source_names(rng.sources)} (the range) and {names} (the average), "
                    f"{as_of(p.dataset)}"
                )
        return BreakdownLine(
            f"{plan.name} range (the article's)",
            None,
            f"{usd(plan.low)} – {usd(plan.high)}, typical {typical}.{when}",
            "data",
            source,
        )
    return BreakdownLine(
        f"{plan.name} range at {p.basis.name} (derived)",
        None,
        f"{usd(plan.low * f)} – {usd(plan.high * f)} = the article's {usd(plan.low)} – {usd(plan.high)} × "
        f"{fraction(p.basis)}; {factor_text(p.basis)}.{when}",
        "derived",
        source_line(p.dataset, plan.level.range),
    )


def conflict_lines(p: Projection, level_index: int) -> list[BreakdownLine]:
    """A ⚠ line for each place where the article contradicts itself about this level."""
    plan = p.plans[level_index]
    lines = []
    for conflict in p.dataset.conflicts_for_level(plan.level.id):
        figures = "; ".join(
            f"{fig.label}: {in_words(fig, fig.label)}" + (f" ({note})" if (note := wording_note(fig)) else "")
            for fig in conflict.figures
        )
        uses = {plan.low, plan.high} | ({plan.typical} if plan.typical_is_average else set())
        if p.basis.bounded:  # the pay factor is held at the article's largest figure over the top of every range
            uses |= {p.basis.largest.amount, p.basis.top_range}
        used = sorted({usd(fig.amount) for fig in conflict.figures if fig.amount in uses})
        choice = f"The projection uses {' and '.join(used)}." if used else "The projection uses none of them."
        if p.basis.bounded and p.basis.largest.amount in {fig.amount for fig in conflict.figures}:
            choice += (
                f" At {p.basis.name} the pay factor is held at {usd(p.basis.largest.amount)} ÷ "
                f"{usd(p.basis.top_range)}."
            )
        lines.append(BreakdownLine(f"⚠ The article disagrees: {conflict.title}", None, f"{figures}. {choice}", "data"))
    return lines


def outside_line(p: Projection, t: int, dollars: Dollars) -> BreakdownLine | None:
    """A ⚠ line when the year's base salary, in the dollars shown, is outside every figure the article gives."""
    side = int(p.outside_article(dollars)[t])
    if side == 0:
        return None
    value = float(p.projected(dollars, "base")[t])
    what = "today's dollars" if dollars == "today" else f"{int(p.calendar_years[t])} dollars"
    if side > 0:
        return BreakdownLine(
            "⚠ Above anything the article reports",
            None,
            f"{usd(value)} ({what}) is more than the article's largest figure, {p.article_top.text}: an "
            "extrapolation of the article, not a figure from it"
            + (
                " (inflation alone takes it there)"
                if dollars == "nominal" and p.base[t] <= p.article_top.amount
                else ""
            )
            + ".",
        )
    return BreakdownLine(
        "⚠ Below anything the article reports",
        None,
        f"{usd(value)} ({what}) is less than the article's smallest figure, {p.article_bottom.text}: an "
        "extrapolation of the article, not a figure from it.",
    )


def breakdown(p: Projection, t: int, dollars: Dollars, comp: Comp) -> Breakdown:
    """The lines of "Why this number?" for year ``t``."""
    t = min(max(int(t), 0), p.horizon - 1)
    a = p.assumptions
    plan = p.plans_at(t)[int(p.level_index[t])]
    today = p.plans[p.start_level]
    lines: list[BreakdownLine] = [range_line(p, plan), *conflict_lines(p, plan.index)]
    outside = outside_line(p, t, dollars)
    if outside is not None:
        lines.append(outside)

    if p.salary_mode:
        lines.append(BreakdownLine(f"Today's salary: {p.salary_origin}", float(p.plain[0]), _salary_detail(p), "yours"))
    else:
        lines.append(
            BreakdownLine(
                f"Bottom of the {today.name} range{_at(p)}",
                float(p.plain[0]),
                "no salary entered: the projection starts from the bottom of today's range, and your skills "
                "place you in it (below)",
                "data" if p.basis.kind == "all" else "derived",
                source_line(p.dataset, today.level.range),
            )
        )
    small_limits = abs(p.limits[t]) < 0.5  # cents of rounding at a range's edge: counted with the raises
    lines.append(
        BreakdownLine(
            "Raises beyond inflation",
            float(p.raises[t] + (p.limits[t] if small_limits else 0.0)),
            f"{t} year{'s' if t != 1 else ''} at (1 + {percent(a.yearly_raise)}) ÷ (1 + {percent(a.inflation)}) = "
            f"×{p.growth:.4f} a year",
            "assumption",
        )
    )
    if p.promotions[t] != 0:
        lines.append(
            BreakdownLine(
                "Promotions",
                float(p.promotions[t]),
                f"+{percent(a.promotion_raise, 0)} at each promotion (an assumption), and at least the bottom of the "
                "new level's range",
                "assumption",
            )
        )
    if abs(p.floors[t]) >= 0.5:
        lines.append(
            BreakdownLine(
                "At least what a promotion this year would pay",
                float(p.floors[t]),
                f"a level you were promoted into pays at least what a promotion into it that year would pay (the pay "
                f"you would have had at the level below, + {percent(a.promotion_raise, 0)}, at least the new range's "
                "bottom, at most its top), so that being promoted earlier never pays less than being promoted later; "
                "it can lift your pay by more than your yearly raise: a rule of the app, not a raise you assumed",
                "derived",
            )
        )
    if not small_limits:
        lines.append(
            BreakdownLine(
                "Limits of the range",
                float(p.limits[t]),
                "raises stop at the top of the level's range (a salary already above it gets no raise beyond "
                "inflation); a level you were promoted into pays at least its bottom",
                "derived",
            )
        )
    lines.append(_skills_line(p, t, plan))
    if p.salary_capped:
        lines.append(
            BreakdownLine(
                "Held at the article's largest figure",
                None,
                f"your salary scaled to {p.basis.name} would be above {p.article_top.text}; it is held there",
            )
        )
    base_today = float(p.base[t])
    total = base_today
    if dollars == "nominal":
        inflation = base_today * (float(p.inflation_index[t]) - 1.0)
        lines.append(
            BreakdownLine(
                f"Inflation to {int(p.calendar_years[t])} dollars",
                inflation,
                f"× (1 + {percent(a.inflation)})^{t} = ×{float(p.inflation_index[t]):.4f}",
                "assumption",
            )
        )
        total += inflation
    if comp == "total":
        base = total
        bonus = base * a.bonus_percent / 100.0
        index = float(p.inflation_index[t]) if dollars == "nominal" else 1.0
        lines.append(
            BreakdownLine("Bonus", bonus, f"{a.bonus_percent:g}% of the base salary {usd(base)}", "assumption")
        )
        if p.offer_pay is None:
            equity = float(a.yearly_equity) * index
            lines.append(
                BreakdownLine(
                    "Equity",
                    equity,
                    f"{usd(a.yearly_equity)} a year in today's dollars"
                    + (f", × {index:.4f} inflation" if dollars == "nominal" else ""),
                    "assumption",
                )
            )
        else:
            equity = _offer_lines(p, t, dollars, lines)
        total = base + bonus + equity
    return Breakdown(
        t=t,
        calendar_year=int(p.calendar_years[t]),
        experience=float(p.experience[t]),
        level_name=plan.name,
        dollars=dollars,
        comp=comp,
        lines=tuple(lines),
        total=total,
    )


def _offer_lines(p: Projection, t: int, dollars: Dollars, lines: list[BreakdownLine]) -> float:
    """A scenario's job offer in year ``t``: its sign-on and vesting equity (the Offers tab's), summed."""
    offer, index = p.offer_pay, float(p.inflation_index[t])
    assert offer is not None
    deflate, unit = (1.0, "") if dollars == "nominal" else (1.0 / index, f", ÷ {index:.4f} for today's dollars")
    sign_on, equity = float(offer.sign_on[t]) * deflate, float(offer.equity[t]) * deflate
    if sign_on:
        lines.append(
            BreakdownLine("Sign-on bonus", sign_on, f"the offer from {offer.name}, in its year 1{unit}", "yours")
        )
    how = f"what vests in year {t + 1} of the offer from {offer.name} (grant, vesting and refreshers; the Offers tab's)"
    lines.append(BreakdownLine("Equity", equity, how + unit, "derived"))
    return sign_on + equity


def _at(p: Projection) -> str:
    return "" if p.basis.kind == "all" else f" at {p.basis.name}"


def _salary_detail(p: Projection) -> str:
    assert p.salary_entered is not None
    assert p.salary_given is not None
    own = p.own_basis
    if p.basis == own:
        where = "" if own.amount is None else f" {'at' if own.kind == 'employer' else 'in'} {own.name}"
        text = f"what you entered: your pay today{where}, taken as it is"
    else:
        times = f" × {fraction(p.basis)}" if p.basis.amount is not None else ""
        over = f" ÷ ({fraction(own)})" if own.amount is not None else ""
        text = (
            f"your {usd(p.salary_entered)}{' at ' + own.name if own.amount is not None else ''}{times}{over} (the "
            f"two pay factors, {p.basis.factor:.4f} and {own.factor:.4f}): the same place relative to the ranges"
        )
    plan = p.plans[p.start_level]
    f = p.basis.factor
    out = p.salary_outside_range
    if out is not None:
        text += f"; {out} the {plan.name} range{_at(p)} ({usd(plan.low * f)} – {usd(plan.high * f)})"
    return text


def _skills_line(p: Projection, t: int, plan: LevelPlan) -> BreakdownLine:
    amount = float(p.base[t] - p.plain[t])
    k = plan.position
    planned = [(start, new) for start, new in p.planned_starts() if start <= t]
    pace = percent(p.assumptions.skill_pace, 0)
    if p.salary_mode and planned:
        detail = (
            f"{skills_text(plan)}: {k:.0%} of the way from where your pay sits in the range to its top, "
            f"{usd(p.target[t])}; by {int(p.calendar_years[t])} your pay covers {float(p.ramp[t]):.0%} of the "
            f"distance (what each year's skills add closes at {pace} a year, the skill pace, an assumption, from "
            "the year they count)"
        )
    elif p.salary_mode:
        detail = (
            f"{skills_text(plan)}: {k:.0%} of the way from where your pay sits in the range to its top, "
            f"{usd(p.target[t])}; by {int(p.calendar_years[t])} your pay covers {float(p.ramp[t]):.0%} of the "
            f"distance (1 − (1 − {pace})^{t}, skill pace, an assumption)"
        )
    else:
        detail = f"{skills_text(plan)}: {k:.0%} of the way from where your pay sits in the range to its top"
    if p.plain[t] < plan.low * p.basis.factor - 0.5:
        detail += (
            "; your pay is below the range: the skills add only what they are worth above its bottom (pay at "
            f"{k:.0%} of the range − its bottom), never a catch-up to the bottom"
        )
    if planned:
        count = sum(len(new) for _start, new in planned)
        detail += (
            f"; {count} of them planned (your learning plan), counted from "
            f"{', '.join(str(p.current_year + start) for start, _new in planned)}"
        )
    return BreakdownLine("Your skills", amount, detail, "derived")


# --- headline and notes ----------------------------------------------------------------------------------------


def next_step_text(p: Projection) -> str:
    """ "Next: Senior level in 2031", "Next: Senior level after 2055 (beyond the horizon)", or at the top level
    "Senior level is the top level the article describes" (there is no next step to name)."""
    nxt = p.next_promotion()
    if nxt is None:
        return f"{p.plans[p.start_level].name} is the top level the article describes"
    t = p.promotion_t(nxt.index)
    if t is None:
        return f"Next: {nxt.name} after {int(p.calendar_years[-1])} (beyond the horizon)"
    return f"Next: {nxt.name} in {int(p.calendar_years[t])}"


def notes(p: Projection, dollars: Dollars) -> list[str]:
    """What the user should know about this projection, most important first (plain text, one sentence each)."""
    out: list[str] = []
    today = p.plans[p.start_level]
    if p.level_chosen:
        out.append(f"Today's level: {today.name}, as you chose (Projection tab).")
    else:
        boundary = boundary_text(p.dataset, p.start_experience)
        out.append(
            f"Today's level: {today.name}, from your {years_text(p.start_experience)} of experience and the "
            f"article's years ({today.level.experience.label}); you can choose another on the Projection tab."
            + (f" {boundary}" if boundary else "")
        )
    if p.salary_mode:
        assert p.salary_given is not None
        if "pay history" in p.salary_origin:
            out.append(
                f"Today's salary: {p.salary_origin.replace(' (pay history)', '')} from your pay history, "
                f"{usd(p.salary_entered or 0)} (the current salary field is empty; a salary typed there takes "
                "precedence)."
            )
        out_of = p.salary_outside_range
        if out_of is not None:
            f = p.basis.factor
            then = (
                "raises and what your skills are worth above the range's bottom move it up, nothing lifts it to "
                "the bottom by itself"
                if out_of == "below"
                else "it gets no raise beyond inflation while it stays above"
            )
            out.append(
                f"⚠ Your {usd(p.salary_given)} is {out_of} the {today.name} range{_at(p)} "
                f"({usd(today.low * f)} – {usd(today.high * f)}): the projection starts from it as it is; {then}."
            )
    else:
        out.append(
            "No salary entered: the projection starts from the bottom of today's range and your skills place you "
            "in it. Enter your salary for a projection that starts from your pay."
        )
    if p.basis.amount is not None:
        text = factor_text(p.basis)
        out.append(f"Pay at {p.basis.name}: {text[0].upper() + text[1:]}; it multiplies every level's range.")
        if p.basis.is_highest:
            out.append(
                f"The article says {p.basis.name} “leads the pack with highest salary” of {usd(p.basis.amount)}: "
                f"that may be {p.basis.name}'s highest salary or the pay of the employer that pays most; either way "
                "not an average like the other figures, and the app uses it as it uses them."
            )
    marks = p.outside_article(dollars)
    above, below = int((marks > 0).sum()), int((marks < 0).sum())
    what = "today's dollars" if dollars == "today" else "nominal dollars"
    if above:
        first = int(p.calendar_years[int((marks > 0).argmax())])
        out.append(
            f"⚠ {above} year{'s' if above != 1 else ''} from {first} above the article's largest figure, "
            f"{p.article_top.text}, in {what}: marked on the chart and in the table."
        )
    if below:
        out.append(
            f"⚠ {below} year{'s' if below != 1 else ''} below the article's smallest figure, "
            f"{p.article_bottom.text}, in {what}: marked on the chart and in the table."
        )
    return out
