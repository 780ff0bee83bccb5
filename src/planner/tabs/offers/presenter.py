"""The "Offers" tab: the user's job offers, an editor for them, and their first four years beside the current job.

Every figure of an offer is the user's own entry except the refreshers (an assumption, default none) and what is
worked out from them (``domain.offers``, each with its formula). The current job is put on the same footing
(``domain.offers.current_job_years``): its salary is the user's, its bonus and equity the projection's assumptions.
The article's figure for the employer or industry an offer is matched to is shown beside them with its source.

Every change is one undoable step (``ProfileSession.edit``); input the profile would refuse is never stored: the
message goes next to the field and what the user typed stays there (also when another offer is shown and back).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import ValidationError
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from planner.domain.dataset import Dataset, Figure
from planner.domain.money import usd
from planner.domain.offers import OFFER_YEARS, OfferYear, current_job_years, offer_years
from planner.domain.plans import MAX_NAME, MAX_OFFERS, MAX_SCENARIOS, MAX_SHOWN, Offer, Scenario, copy_name, new_id
from planner.domain.profile import MAX_SALARY, Assumptions, Profile
from planner.domain.provenance import source_line
from planner.domain.text import plain_tooltip
from planner.presenters.choices import Choice
from planner.presenters.fields import InputError, read_number
from planner.presenters.session import Part, ProfileChange, ProfileSession
from planner.presenters.table import RowsTableModel

DRAFT = ""  # the id of an offer being added: not in the profile until its name and base are valid
CURRENT = "current"  # the current job's column
REFRESHER_DEFAULT = Offer.model_fields["refresher_percent"].default

# The fields of the editor, in the order of the form.
TEXT_FIELDS = ("employer_name", "base", "bonus_percent", "sign_on", "equity_grant", "custom_vesting",
               "refresher_percent")  # fmt: skip
VESTING_CHOICES = (
    Choice("even", "4-year even: 25 % a year"),
    Choice("cliff", "1-year cliff: 25 % at the first anniversary, then even"),
    Choice("custom", "Custom yearly percentages"),
)
COMPONENTS = ("base", "bonus", "sign_on", "equity", "refreshers")
COMPONENT_NAMES = {
    "base": "Base salary",
    "bonus": "Bonus",
    "sign_on": "Sign-on bonus",
    "equity": "Equity (first grant)",
    "refreshers": "Equity refreshers",
}
SHORT_NAMES = {"base": "base", "bonus": "bonus", "sign_on": "sign-on", "equity": "equity", "refreshers": "refreshers"}
ASSUMED = "†"  # marks a figure that rests on an assumption, in the table and the chart's key

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
    number = _number(text, key)
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
    return f"{value + 0.0:g}"


def _problem(exc: ValidationError, key: str) -> str:
    """The message for a value the Offer model refused: its own sentence (a schedule that does not add up), or the
    field's range."""
    for error in exc.errors():
        msg = str(error.get("msg", ""))
        if msg.startswith("Value error, "):
            return msg.removeprefix("Value error, ")
    return MESSAGES.get(key, "That value is not allowed.")


def _match_value(employer: str | None, industry: str | None) -> str:
    """The match box's value: "employer:<id>", "industry:<id>" or "" (none)."""
    if employer:
        return f"employer:{employer}"
    return f"industry:{industry}" if industry else ""


def scenario_name(employer: str, taken: set[str]) -> str:
    """ "Offer: Acme", or "Offer: Acme 2", … when that name is taken (names compared ignoring case), at most 60
    characters."""
    for n in range(1, MAX_SCENARIOS + 2):
        suffix = "" if n == 1 else f" {n}"
        candidate = f"Offer: {employer}"[: MAX_NAME - len(suffix)].rstrip() + suffix
        if candidate.casefold() not in taken:
            return candidate
    raise AssertionError("more names taken than scenarios allowed")


# --- what the view shows ---------------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Cell:
    """One figure of the comparison: its amount, what it is (the user's entry, derived, an assumption) and how it
    is made."""

    value: float
    kind: str  # "entry", "derived", "assumption"
    how: str

    @property
    def assumed(self) -> bool:
        return self.kind == "assumption"


@dataclass(frozen=True)
class JobColumn:
    key: str  # an offer's id, or CURRENT
    name: str  # the employer's name as typed (data, never markup), or "Current job"
    years: tuple[dict[str, Cell], ...]  # year 1 first: component -> cell

    def total(self, year: int) -> float:
        return math.fsum(c.value for c in self.years[year - 1].values())


@dataclass(frozen=True)
class Comparison:
    columns: tuple[JobColumn, ...] = ()
    note: str = ""  # why a column is missing (no salary yet, no offer selected)
    article: tuple[str, ...] = ()  # the article's figures for matched employers and industries, with sources


class OffersView(Protocol):
    def show_form(self, form: OfferForm) -> None: ...
    def show_field_error(self, key: str, message: str) -> None: ...
    def select_offers(self, current: str | None, selected: Sequence[str]) -> None: ...
    def show_comparison(self, comparison: Comparison) -> None: ...
    def set_matches(self, choices: Sequence[Choice]) -> None: ...


Confirm = Callable[[str, str, str], bool]  # (title, question, yes button) -> agreed


class OffersListModel(QAbstractListModel):
    """The user's offers as a list: "Acme — $180,000 base"; the offer's id under UserRole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._offers: list[Offer] = []

    def set_offers(self, offers: Sequence[Offer]) -> None:
        if [o.id for o in offers] == [o.id for o in self._offers]:
            self._offers = list(offers)
            if offers:
                self.dataChanged.emit(self.index(0), self.index(len(offers) - 1))
            return
        self.beginResetModel()
        self._offers = list(offers)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._offers)

    def row_of(self, offer_id: str) -> int:
        return next((i for i, o in enumerate(self._offers) if o.id == offer_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        offer = self._offers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{offer.employer_name} — {usd(offer.base)} base"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{offer.employer_name}: added on {offer.added_on.isoformat()}")
        if role == Qt.ItemDataRole.UserRole:
            return offer.id
        return None


EXPLAIN_ROLE = Qt.ItemDataRole.UserRole  # the cell's full explanation (what it is and how it is made)


class ComparisonTableModel(RowsTableModel):
    """Years × components as rows, the current job and each selected offer as columns, with each year's total and
    the four years' total: the chart's figures, for the keyboard and a screen reader."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = [(year, comp) for year in range(1, OFFER_YEARS + 1) for comp in (*COMPONENTS, "total")]
        self._rows.append((0, "total"))
        self._columns: tuple[JobColumn, ...] = ()

    def set_columns(self, columns: Sequence[JobColumn]) -> None:
        if [c.key for c in columns] == [c.key for c in self._columns] and columns:
            # The same jobs with new figures (an edit): the table keeps its current cell and scroll position.
            self._columns = tuple(columns)
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, last))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, last)
            return
        self.beginResetModel()
        self._columns = tuple(columns)
        self.endResetModel()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "Year and component" if section == 0 else self._columns[section - 1].name
        if role == Qt.ItemDataRole.ToolTipRole and section >= 1:
            return plain_tooltip(self._columns[section - 1].name)
        return None

    def value(self, row: int, column: int) -> float:
        year, comp = self._rows[row]
        job = self._columns[column]
        if year == 0:
            return math.fsum(job.total(y) for y in range(1, OFFER_YEARS + 1))
        if comp == "total":
            return job.total(year)
        return job.years[year - 1][comp].value

    def explanation(self, row: int, column: int) -> str:
        year, comp = self._rows[row]
        job = self._columns[column]
        amount = usd(self.value(row, column))
        if year == 0:
            return f"{job.name}, years 1 to {OFFER_YEARS}: {amount}\nDerived: the sum of the four yearly totals."
        if comp == "total":
            parts = " + ".join(COMPONENT_NAMES[c].lower() for c in COMPONENTS)
            return f"{job.name}, year {year}, total: {amount}\nDerived: {parts}."
        cell = job.years[year - 1][comp]
        what = {"entry": "Your entry", "derived": "Derived", "assumption": "Assumption (yours to change)"}[cell.kind]
        return f"{job.name}, year {year}, {COMPONENT_NAMES[comp].lower()}: {amount}\n{what}: {cell.how}"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        year, comp = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                if not year:
                    return f"Years 1–{OFFER_YEARS}: total"
                return f"Year {year}: " + ("total" if comp == "total" else SHORT_NAMES[comp])
            text = usd(self.value(index.row(), col - 1))
            if year and comp != "total" and self._columns[col - 1].years[year - 1][comp].assumed:
                text += f" {ASSUMED}"
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and comp == "total":
            from PySide6.QtGui import QFont  # a font is data of the model (Qt's FontRole), not a widget

            font = QFont()
            font.setBold(True)
            return font
        if col == 0 and role in (Qt.ItemDataRole.ToolTipRole, EXPLAIN_ROLE):
            text = (
                "The four years added up."
                if not year
                else (
                    f"Year {year}: " + ("the components added up." if comp == "total" else f"{COMPONENT_NAMES[comp]}.")
                )
            )
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if col >= 1 and role in (Qt.ItemDataRole.ToolTipRole, EXPLAIN_ROLE):
            text = self.explanation(index.row(), col - 1)
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None


# --- the figures ------------------------------------------------------------------------------------------------


def _pct(value: float) -> str:
    return f"{value:g} %"


def offer_column(offer: Offer) -> JobColumn:
    """The offer's first years with what each figure is and its formula."""
    shares = offer.vesting_shares()
    schedule = {
        "even": "4-year even vesting",
        "cliff": "1-year cliff: all of it at the first anniversary, nothing if you leave before",
        "custom": "your custom schedule " + ", ".join(f"{p:g}" for p in offer.custom_vesting) + " %",
    }[offer.vesting]
    refresher = offer.equity_grant * offer.refresher_percent / 100.0
    years = []
    for row in offer_years(offer):
        k = row.year
        share = shares[k - 1] if k <= len(shares) else 0.0
        if offer.vesting == "cliff" and k > 1:
            vest = f"year {k} of the 1-year cliff schedule (evenly after the first anniversary)"
        else:
            vest = f"year {k} of {schedule}"
        earlier = " + ".join(_pct(shares[j] * 100) for j in range(min(k - 1, len(shares)))) or "0 %"
        years.append(
            {
                "base": Cell(row.base, "entry", "the base salary you typed (no raise counted)."),
                "bonus": Cell(
                    row.bonus, "derived", f"base {usd(offer.base)} × target bonus {_pct(offer.bonus_percent)}."
                ),
                "sign_on": Cell(
                    row.sign_on,
                    "entry" if k == 1 else "derived",
                    "the sign-on bonus you typed, paid in year 1." if k == 1 else "a sign-on bonus is paid in year 1.",
                ),
                "equity": Cell(
                    row.equity - row.refreshers,
                    "derived",
                    f"grant {usd(offer.equity_grant)} × {_pct(share * 100)} ({vest}).",
                ),
                "refreshers": Cell(
                    row.refreshers,
                    "assumption",
                    f"a new grant of {_pct(offer.refresher_percent)} of the first grant ({usd(refresher)}) each year "
                    f"from year 2, vesting on the same schedule: {usd(refresher)} × ({earlier}). "
                    f"Default {_pct(REFRESHER_DEFAULT)}.",
                ),
            }
        )
    return JobColumn(offer.id, offer.employer_name, tuple(years))


def current_column(profile: Profile, rows: Sequence[OfferYear]) -> JobColumn:
    today = profile.salary_today()
    assert today is not None
    _salary, origin, year = today
    a, default = profile.assumptions, Assumptions()
    where = "the current salary you entered" if origin == "current" else f"your pay in {year} (pay history)"
    years = []
    for row in rows:
        years.append(
            {
                "base": Cell(row.base, "entry", f"{where}, as it is today (no raise counted)."),
                "bonus": Cell(
                    row.bonus,
                    "assumption",
                    f"salary × bonus {_pct(a.bonus_percent)}, the projection's assumption "
                    f"(Projection tab; default {_pct(default.bonus_percent)}).",
                ),
                "sign_on": Cell(0.0, "derived", "no sign-on bonus in a job you already have."),
                "equity": Cell(
                    row.equity,
                    "assumption",
                    f"the projection's yearly equity {usd(a.yearly_equity)} "
                    f"(Projection tab; default {usd(default.yearly_equity)}).",
                ),
                "refreshers": Cell(0.0, "derived", "counted in the yearly equity above."),
            }
        )
    return JobColumn(CURRENT, "Current job", tuple(years))


def article_lines(dataset: Dataset, offer: Offer) -> list[str]:
    """The article's figure for the employer or industry the offer is matched to, with its source, and the offer's
    base against it (derived)."""
    figure: Figure | None = None
    name = ""
    if offer.employer is not None:
        employer = next((e for e in dataset.employers if e.id == offer.employer), None)
        if employer is not None:
            figure, name = employer.pay, f"{employer.name} (employer)"
    elif offer.industry is not None:
        industry = next((i for i in dataset.industries if i.id == offer.industry), None)
        if industry is not None:
            figure, name = industry.average, f"{industry.name} (industry, average)"
    if figure is None:
        return []
    stated = f"{figure.qualifier} {usd(figure.amount)}" if figure.qualifier else usd(figure.amount)
    diff = offer.base - figure.amount
    side = "above" if diff > 0 else "below"
    against = (
        "the same as the article's figure"
        if diff == 0
        else f"{usd(abs(diff))} ({abs(diff) / figure.amount:.1%}) {side} it"
    )
    return [
        f"{offer.employer_name}, matched to {name}: the article gives {stated} a year (ML engineers' base salary). "
        f"{source_line(dataset, figure)}: “{figure.quote}”",
        f"    Derived: the offer's base {usd(offer.base)} is {against} (offer base − article figure).",
    ]


# --- the presenter ------------------------------------------------------------------------------------------------


@dataclass
class _Typed:
    """What the user typed that was refused, per offer id (DRAFT for a new one) and field: kept with its message."""

    texts: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    def of(self, offer_id: str) -> dict[str, tuple[str, str]]:
        return self.texts.setdefault(offer_id, {})


class OffersPresenter(QObject):
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        dataset: Dataset,
        session: ProfileSession,
        view: OffersView,
        confirm: Confirm,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dataset = dataset
        self._session = session
        self._view = view
        self._confirm = confirm
        self._today = today
        self.offers = OffersListModel(self)
        self.table = ComparisonTableModel(self)
        self.current: str | None = None  # the offer in the editor (DRAFT: one being added)
        self.selected: list[str] = []  # the offers compared
        self._draft: dict[str, Any] = {}
        self._typed = _Typed()
        self._known: list[str] = []
        # A child of its tab: leaves with it. The tab shows the offers beside the current job (its salary and the
        # assumptions): a skill tick or a scenario edit leaves it as it is.
        session.subscribe(
            self, Part.OFFERS | Part.STANDING | Part.PAY_HISTORY | Part.ASSUMPTIONS, self._profile_changed
        )

    # --- state ------------------------------------------------------------------------------------------------

    @property
    def profile(self) -> Profile:
        return self._session.profile

    def offer(self) -> Offer | None:
        return self.profile.offer(self.current)

    def match_choices(self) -> list[Choice]:
        ds = self._dataset
        return [
            Choice("", "No match"),
            *(Choice(f"employer:{e.id}", f"Employer: {e.name}") for e in ds.employers),
            *(Choice(f"industry:{i.id}", f"Industry: {i.name}") for i in ds.industries),
        ]

    # --- intents ----------------------------------------------------------------------------------------------

    def start(self) -> None:
        self._view.set_matches(self.match_choices())
        offers = self.profile.offers
        if offers:
            self.current = offers[0].id
            self.selected = [offers[0].id]
        self._known = [o.id for o in offers]
        self.refresh()

    def selection_changed(self, current: str | None, selected: Sequence[str]) -> None:
        """The list's current offer (edited) and selected offers (compared)."""
        ids = {o.id for o in self.profile.offers}
        if current is not None and current not in ids:
            return
        if current is None and self.current == DRAFT:
            current = DRAFT
        self.current = current
        self.selected = [i for i in selected if i in ids]
        self.refresh(select=False)

    def add(self) -> None:
        """A new offer: the form is emptied; it joins the profile once its employer's name and base are valid."""
        if len(self.profile.offers) >= MAX_OFFERS:
            self.message.emit(f"You have {MAX_OFFERS} offers, the most the app keeps: delete one first.")
            return
        self.current = DRAFT
        self._draft = {}
        self._typed.texts.pop(DRAFT, None)
        self.refresh()

    def duplicate(self) -> None:
        offer = self.offer()
        if offer is None:
            return
        if len(self.profile.offers) >= MAX_OFFERS:
            self.message.emit(f"You have {MAX_OFFERS} offers, the most the app keeps: delete one first.")
            return
        offers = list(self.profile.offers)
        taken = {o.employer_name.casefold() for o in offers}
        copy = offer.model_copy(
            update={
                "id": new_id("offer", {o.id for o in offers}),
                "employer_name": copy_name(offer.employer_name, taken),
                "added_on": self._today(),
            }
        )
        offers.insert(offers.index(offer) + 1, copy)
        self._session.edit(f"Duplicate the offer from {offer.employer_name}", offers=offers)
        self.message.emit(f"Duplicated the offer from {offer.employer_name}. Edit > Undo takes it back.")

    def delete(self) -> None:
        offer = self.offer()
        if offer is None:
            if self.current == DRAFT:  # nothing stored yet: the new offer is simply dropped
                self._draft = {}
                self._typed.texts.pop(DRAFT, None)
                self.current = self.selected[0] if self.selected else None
                self.refresh()
            return
        users = [s for s in self.profile.scenarios if s.offer == offer.id]
        question = f"Delete the offer from {offer.employer_name}?"
        if users:
            names = ", ".join(f"“{s.name}”" for s in users)
            question += (
                f"\n\n{'It is' if len(users) == 1 else 'They are'} used by the scenario{'s' if len(users) > 1 else ''}"
                f" {names}, which will go back to today's path's employer and pay."
            )
        question += "\n\nEdit > Undo brings it back."
        if not self._confirm("Delete offer?", question, "Delete offer"):
            return
        offers = [o for o in self.profile.offers if o.id != offer.id]
        scenarios = [s.model_copy(update={"offer": None}) if s.offer == offer.id else s for s in self.profile.scenarios]
        self._typed.texts.pop(offer.id, None)
        self._session.edit(f"Delete the offer from {offer.employer_name}", offers=offers, scenarios=scenarios)
        self.message.emit(f"Deleted the offer from {offer.employer_name}. Edit > Undo brings it back.")

    def start_scenario(self) -> None:
        offer = self.offer()
        if offer is None:
            self.message.emit("Choose an offer first (or finish adding this one).")
            return
        scenarios = list(self.profile.scenarios)
        if len(scenarios) >= MAX_SCENARIOS:
            self.message.emit(f"You have {MAX_SCENARIOS} scenarios, the most the app keeps: delete one first.")
            return
        name = scenario_name(offer.employer_name, {s.name.casefold() for s in scenarios})
        shown = self.profile.room_to_show()
        scenario = Scenario(id=new_id("scenario", {s.id for s in scenarios}), name=name, offer=offer.id, shown=shown)
        self._session.edit(f"Start the scenario “{name}”", scenarios=[*scenarios, scenario])
        where = "drawn on the Projection tab" if shown else f"on the Projection tab (hidden: {MAX_SHOWN} are shown)"
        self.message.emit(f"Scenario “{name}” added, {where}.")

    def field_edited(self, key: str, text: str) -> None:
        """A keystroke: say at once what is wrong, store nothing."""
        try:
            value = parse_field(key, text)
            Offer.model_validate(self._candidate({key: value}))
        except InputError as exc:
            self._set_error(key, text, str(exc))
            return
        except ValidationError as exc:
            self._set_error(key, text, _problem(exc, key))
            return
        self._clear_error(key)

    def field_committed(self, key: str, text: str) -> None:
        """Editing finished: store the value when the offer accepts it; otherwise the text and its message stay."""
        try:
            value = parse_field(key, text)
        except InputError as exc:
            self._set_error(key, text, str(exc))
            return
        self._store(key, text, {key: value})

    def vesting_chosen(self, vesting: str) -> None:
        fields: dict[str, Any] = {"vesting": vesting}
        offer = self.offer()
        custom = offer.custom_vesting if offer is not None else self._draft.get("custom_vesting", [])
        if vesting == "custom" and not custom:
            # Start from the schedule the offer had, for the user to change.
            shares = offer.vesting_shares() if offer is not None else [0.25] * 4
            fields["custom_vesting"] = [round(s * 100, 6) for s in shares]
        self._store("vesting", vesting, fields)

    def match_chosen(self, value: str) -> None:
        kind, _, ident = value.partition(":")
        self._store(
            "match",
            value,
            {"employer": ident if kind == "employer" else None, "industry": ident if kind == "industry" else None},
        )

    # --- storing ----------------------------------------------------------------------------------------------

    def _candidate(self, fields: dict[str, Any]) -> dict[str, Any]:
        """The offer being edited with ``fields`` changed (a new one: placeholders for a missing name or base)."""
        offer = self.offer()
        if offer is not None and self.current != DRAFT:
            return {**offer.model_dump(), **fields}
        return {"id": "draft", "employer_name": "draft", "base": 1, "added_on": self._today(), **self._draft, **fields}

    def _store(self, key: str, text: str, fields: dict[str, Any]) -> None:
        if self.current == DRAFT or self.offer() is None:
            self._store_draft(key, text, fields)
            return
        offer = self.offer()
        assert offer is not None
        try:
            changed = Offer.model_validate({**offer.model_dump(), **fields})
        except ValidationError as exc:
            self._set_error(key, text, _problem(exc, key))
            return
        self._clear_error(key)
        if key == "custom_vesting" or key == "vesting":
            self._clear_error("custom_vesting")
        if changed == offer:
            self.refresh(select=False)  # the text shows the stored value again ("180k" -> "180,000")
            return
        offers = [changed if o.id == offer.id else o for o in self.profile.offers]
        what = {"match": "the article match", "vesting": "the vesting"}.get(key, key.replace("_", " "))
        self._session.edit(f"Change {what} of the offer from {changed.employer_name}", offers=offers)

    def _store_draft(self, key: str, text: str, fields: dict[str, Any]) -> None:
        self.current = DRAFT
        candidate = {**self._draft, **fields}
        try:
            Offer.model_validate(self._candidate(fields))  # all but the name and the base, which may still be missing
        except ValidationError as exc:
            self._set_error(key, text, _problem(exc, key))
            return
        self._clear_error(key)
        self._draft = candidate
        if "employer_name" not in candidate or "base" not in candidate:
            self.refresh(select=False)
            return
        offers = list(self.profile.offers)
        offer = Offer.model_validate(
            {**candidate, "id": new_id("offer", {o.id for o in offers}), "added_on": self._today()}
        )
        self._draft = {}
        self._typed.texts.pop(DRAFT, None)
        self.current = offer.id
        self.selected = [*self.selected, offer.id]
        self._session.edit(f"Add the offer from {offer.employer_name}", offers=[*offers, offer])
        self.message.emit(f"Added the offer from {offer.employer_name}. Edit > Undo takes it back.")

    def _set_error(self, key: str, text: str, message: str) -> None:
        self._typed.of(self.current or DRAFT)[key] = (text, message)
        self._view.show_field_error(key, message)

    def _clear_error(self, key: str) -> None:
        typed = self._typed.of(self.current or DRAFT)
        if key in typed:
            del typed[key]
            self._view.show_field_error(key, "")

    # --- drawing ----------------------------------------------------------------------------------------------

    def _profile_changed(self, _change: ProfileChange) -> None:
        self.refresh()

    def refresh(self, select: bool = True) -> None:
        profile = self.profile
        ids = [o.id for o in profile.offers]
        new = [i for i in ids if i not in self._known]
        self._known = ids
        if new and self.current != DRAFT:  # added, or brought back by Undo: shown and compared
            self.current = new[-1]
            self.selected = [*self.selected, *new]
        for gone in set(self._typed.texts) - {*ids, DRAFT}:
            del self._typed.texts[gone]
        self.selected = [i for i in dict.fromkeys(self.selected) if i in ids]
        if self.current not in ids and self.current != DRAFT:
            self.current = self.selected[0] if self.selected else (ids[0] if ids else None)
            if self.current is not None and self.current not in self.selected:
                self.selected.append(self.current)
        self.offers.set_offers(profile.offers)
        if select:
            self._view.select_offers(None if self.current == DRAFT else self.current, self.selected)
        self._view.show_form(self.form())
        self._show_comparison()

    def form(self) -> OfferForm:
        offer = self.offer()
        typed = self._typed.of(self.current or DRAFT)
        if offer is None and self.current != DRAFT:
            return OfferForm(
                "No offer yet", {k: "" for k in TEXT_FIELDS}, {}, "even", "", draft=False, enabled=False,
                note="Add an offer to compare it with your current job.",
            )  # fmt: skip
        if offer is not None:
            texts = {k: format_field(k, offer) for k in TEXT_FIELDS}
            vesting = offer.vesting
            match = _match_value(offer.employer, offer.industry)
            title = f"Offer from {offer.employer_name}"
            note = "Every change is saved at once; Edit > Undo takes it back."
        else:
            draft = self._draft
            defaults = Offer.model_construct(  # for formatting only
                **{"id": "draft", "employer_name": "", "base": 0, "added_on": self._today(), **draft}
            )
            texts = {k: (format_field(k, defaults) if k in draft or k not in ("employer_name", "base") else "")
                     for k in TEXT_FIELDS}  # fmt: skip
            vesting = draft.get("vesting", "even")
            match = _match_value(draft.get("employer"), draft.get("industry"))
            title = "New offer"
            note = "Type the employer's name and the base salary: the offer is added as soon as both are filled in."
        for key, (text, _msg) in typed.items():
            if key in texts:
                texts[key] = text
        errors = {k: msg for k, (_text, msg) in typed.items()}
        return OfferForm(title, texts, errors, vesting, match, draft=offer is None, enabled=True, note=note)

    def comparison(self) -> Comparison:
        profile = self.profile
        columns: list[JobColumn] = []
        notes: list[str] = []
        rows = current_job_years(profile)
        if rows is not None:
            columns.append(current_column(profile, rows))
        else:
            notes.append("Enter your current salary on the Projection tab to compare with your current job.")
        article: list[str] = []
        for offer_id in self.selected:
            offer = profile.offer(offer_id)
            if offer is not None:
                columns.append(offer_column(offer))
                article += article_lines(self._dataset, offer)
        if not profile.offers:
            notes.append("Add an offer to see its first four years here.")
        elif not self.selected:
            notes.append("Select one or more offers in the list to compare them.")
        if not article and profile.offers:
            article.append(
                "Match an offer to one of the article's employers or industries (Compare with the article's) to see "
                "the article's figure for it here, with its source."
            )
        return Comparison(tuple(columns), " ".join(notes), tuple(article))

    def _show_comparison(self) -> None:
        comparison = self.comparison()
        self.table.set_columns(comparison.columns)
        self._view.show_comparison(comparison)
