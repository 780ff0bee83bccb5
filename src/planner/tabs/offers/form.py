"""The Offers tab's editor: the typed fields of an offer, read and checked (the message to show when refused),
and what the form shows (``OfferForm``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from planner.domain.money import usd
from planner.domain.plans import MAX_NAME, MAX_PRICE_CHANGE, MAX_VESTING_YEARS, Offer
from planner.domain.profile import MAX_SALARY
from planner.presenters.choices import Choice
from planner.presenters.fields import InputError, read_number

# The fields of the editor, in the order of the form.
TEXT_FIELDS = ("employer_name", "base", "bonus_percent", "sign_on", "sign_on_repay_months", "equity_grant",
               "cliff_months", "custom_vesting", "refresher_percent", "price_low", "price_high")  # fmt: skip
VESTING_CHOICES = (
    Choice("even", "4 years even, no cliff"),
    Choice("cliff", "4 years with a cliff"),
    Choice("custom", "Your yearly percentages"),
)
VEST_EVERY_CHOICES = (
    Choice("month", "Every month"),
    Choice("quarter", "Every quarter"),
    Choice("year", "Once a year"),
)
_MONTH_LIMITS = {"cliff_months": (1, 12 * MAX_VESTING_YEARS), "sign_on_repay_months": (0, 12 * MAX_VESTING_YEARS)}
_SIGNED = ("price_low", "price_high")

_MONEY_LIMITS = {"base": MAX_SALARY, "sign_on": MAX_SALARY, "equity_grant": 10 * MAX_SALARY}
_PERCENT_LIMITS = {"bonus_percent": 200.0, "refresher_percent": 100.0}
MESSAGES = {
    "employer_name": "Type the employer's name (at most 60 characters).",
    "base": f"Enter the base salary in dollars a year: more than $0, at most {usd(MAX_SALARY)}.",
    "bonus_percent": "Enter the target bonus as a percentage of the base salary, from 0 to 200.",
    "sign_on": f"Enter the sign-on bonus in dollars: 0 if there is none, at most {usd(MAX_SALARY)}.",
    "equity_grant": f"Enter the equity grant's value in dollars: 0 if there is none, at most {usd(10 * MAX_SALARY)}.",
    "custom_vesting": "Enter one percentage a year, separated by commas (e.g. 5, 15, 40, 40), adding up to 100.",
    "refresher_percent": "Enter the refreshers as a percentage of the first grant each year, from 0 to 100.",
    "cliff_months": "Enter the cliff in whole months (12 for a 1-year cliff), before the schedule ends.",
    "sign_on_repay_months": "Enter the repayment period in whole months (0 if you never repay the sign-on).",
    "price_low": f"Enter a price change in percent, from −100 (worthless) to +{MAX_PRICE_CHANGE:g}.",
    "price_high": f"Enter a price change in percent, from −100 (worthless) to +{MAX_PRICE_CHANGE:g}.",
}


def _number(text: str, key: str) -> float:
    number = read_number(text, MESSAGES[key], money=key in _MONEY_LIMITS)
    if number is None:
        raise InputError(MESSAGES[key])
    return number


def parse_field(key: str, text: str) -> Any:
    """The value to store for what the user typed in field ``key``, or InputError with the message to show."""
    if key == "employer_name":
        name = " ".join(text.split())
        if not name or len(name) > MAX_NAME:
            raise InputError(MESSAGES[key])
        return name
    if key == "custom_vesting":
        parts = [p for p in re.split(r"[,;\s]+", text.replace("%", " ")) if p]
        if not parts:
            raise InputError(MESSAGES[key])
        values = [_number(p, "custom_vesting") for p in parts]
        if any(v > 100 for v in values):
            raise InputError(f"A year cannot vest more than 100 %. {MESSAGES[key]}")
        return values
    if key in _SIGNED:
        stripped = text.strip()
        negative = stripped[:1] in ("-", "−", "–")
        number = _number(stripped[1:] if negative or stripped[:1] == "+" else stripped, key)
        value = -number if negative else number
        if value < -100:
            raise InputError("A price change below −100 % is not possible: a share cannot be worth less than nothing.")
        if value > MAX_PRICE_CHANGE:
            raise InputError(MESSAGES[key])
        return value + 0.0
    number = _number(text, key)
    if key in _MONTH_LIMITS:
        low, high = _MONTH_LIMITS[key]
        if number != int(number) or not low <= number <= high:
            raise InputError(MESSAGES[key])
        return int(number)
    if key in _MONEY_LIMITS:
        value = round(number)
        if value > _MONEY_LIMITS[key] or (key == "base" and value <= 0):
            raise InputError(MESSAGES[key])
        return value
    if number > _PERCENT_LIMITS[key]:
        raise InputError(MESSAGES[key])
    return number


def format_field(key: str, offer: Offer) -> str:
    value = getattr(offer, key)
    if key == "employer_name":
        return str(value)
    if key == "custom_vesting":
        return ", ".join(f"{v + 0.0:g}" for v in value)  # + 0.0: a -0.0 read from a file shows as 0, never "-0"
    if key in _MONEY_LIMITS:
        return f"{value + 0:,}"
    if key in _MONTH_LIMITS:
        return str(value)
    if key in _SIGNED:
        return f"{value + 0.0:+g}".replace("-", "−") if value else "0"
    return f"{value + 0.0:g}"


def problem(exc: ValidationError, key: str) -> str:
    """The message for a value the Offer model refused: its own sentence (a schedule that does not add up), or the
    field's range."""
    for error in exc.errors():
        msg = str(error.get("msg", ""))
        if msg.startswith("Value error, "):
            return msg.removeprefix("Value error, ")
    return MESSAGES.get(key, "That value is not allowed.")


def match_value(employer: str | None, industry: str | None) -> str:
    """The match box's value: "employer:<id>", "industry:<id>" or "" (none)."""
    if employer:
        return f"employer:{employer}"
    return f"industry:{industry}" if industry else ""


@dataclass(frozen=True)
class OfferForm:
    """The editor's contents: the text of each field (what the user typed when it was refused), the messages."""

    title: str
    texts: dict[str, str]
    errors: dict[str, str]
    vesting: str
    match: str  # "" (none), "employer:<id>" or "industry:<id>"
    draft: bool
    enabled: bool  # False: no offer to edit (none yet)
    note: str  # what happens next (a new offer: what is still needed)
    vest_every: str = "quarter"
    location: str = ""  # "" (where you work now), a state's postal code or a BLS area code
    suggestion: str = ""  # "Looks like the article's Amazon (…)": a match for the user to confirm, or ""
    median: str = ""  # the BLS median of your occupation at the offer's location, with its source
