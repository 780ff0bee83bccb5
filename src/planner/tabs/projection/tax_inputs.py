"""The Projection tab's tax inputs (filing status, the state for taxes, pre-tax retirement contributions), the
Pay menu's "Take-home pay" and the banner that says why take-home pay cannot be shown (no widgets, no files).

Every change is one ``session.edit`` (a named step of Edit > Undo). The tax file is read the first time it is
needed: the taxes section opened, a contribution typed, take-home pay chosen; never when the tab is built. A
contribution above this year's legal 401(k) limit is refused next to its field and nothing changes; later years
hold it at their limit (said in "Why this number?").
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from pydantic import ValidationError
from PySide6.QtCore import QObject

from planner.domain.money import percent, usd
from planner.domain.profile import TaxInputs
from planner.domain.tax_codes import FILING_STATUS_NAMES, FILING_STATUSES, STATE_NAMES
from planner.domain.taxes import no_income_tax_states, retirement_limit
from planner.presenters.choices import Choice
from planner.presenters.display import DisplayChoice
from planner.presenters.fields import InputError, read_number
from planner.presenters.session import Part, ProfileChange, ProfileSession

SHARE_HELP = "Enter a percentage of pay from 0 to 100 (0: none)."
STATE_SOURCE = (
    "State income and payroll taxes: PolicyEngine-US's {year} rules for a wage earner, interpolated (local taxes, "
    "such as New York City's, are not included)."
)


@dataclass(frozen=True)
class TaxForm:
    """What the taxes section shows."""

    statuses: tuple[Choice, ...]
    status: str
    states: tuple[Choice, ...]  # the first: None, "from your Market area"
    state: str | None
    state_note: str
    retirement: str  # the share as a percentage, as typed
    retirement_note: str


class TaxInputsView(Protocol):
    def show_tax_form(self, form: TaxForm) -> None: ...
    def show_retirement_error(self, message: str) -> None: ...
    def show_tax_banner(self, text: str) -> None: ...
    def show_pay_choice(self, comp: str, take_home_problem: str) -> None: ...


class TaxInputsPresenter(QObject):
    def __init__(
        self,
        session: ProfileSession,
        display: DisplayChoice,
        view: TaxInputsView,
        *,
        current_year: int,
        pay_now: Callable[[], float | None],  # this year's total compensation (the gross pay taxes are on)
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session, self._display, self._view = session, display, view
        self.current_year = current_year
        self._pay_now = pay_now
        self._refusal = ""  # why take-home pay was refused or left, while that still holds
        self.retirement_error = ""
        self._typed: str | None = None  # the contribution as typed while it is refused or being edited
        session.subscribe(self, Part.TAXES | Part.MARKET, self.refresh)
        display.refused.connect(self._refused)
        display.changed.connect(self.refresh)

    # --- showing --------------------------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh()

    def opened(self) -> None:
        """The taxes section was opened: its notes need the tax file (read now, the first time)."""
        if self._display.taxes is not None:
            self._display.taxes.data()
        self.refresh()

    def refresh(self, _change: ProfileChange | None = None) -> None:
        self._view.show_tax_form(self.form())
        source = self._display.taxes
        problem = source.problem if source is not None else ""
        if self._refusal and source is not None and not source.why_not(self._session.profile):
            self._refusal = ""  # the reason is gone (a state chosen)
        if self._display.comp == "take_home":
            self._refusal = ""
        banner = f"Take-home pay cannot be shown: {problem} Every before-tax figure is unaffected." if problem else ""
        self._view.show_tax_banner(banner or self._refusal)
        self._view.show_pay_choice(self._display.comp, banner)

    def _refused(self, why: str) -> None:
        self._refusal = why
        self.refresh()

    def form(self) -> TaxForm:
        profile = self._session.profile
        taxes = profile.taxes
        source = self._display.taxes
        data = source.data() if source is not None and source.tried else None
        untaxed = set(no_income_tax_states(data, taxes.filing_status)) if data is not None else set()
        where = source.state(profile) if source is not None else None
        if profile.market_area is None:
            first = "From your Market area (none chosen: choose a state)"
        elif where is not None and where.origin == "area" and where.state is not None:
            first = f"From your Market area: {STATE_NAMES[where.state]}"
        elif where is not None and taxes.state is None:
            first = f"From your Market area ({where.area_name or 'it'} has no state: choose one)"
        else:
            first = "From your Market area"
        states = [Choice(None, first)]
        states += [
            Choice(code, f"{name} (no income tax)" if code in untaxed else name) for code, name in STATE_NAMES.items()
        ]
        state = where.state if where is not None else taxes.state
        if state is None:
            note = "Take-home pay needs a state: choose one here, or your area on the Market wages tab."
        elif state in untaxed:
            note = f"{STATE_NAMES[state]} has no income tax on wages; its employee payroll taxes, if any, are counted."
        else:
            note = STATE_SOURCE.format(year=data.states.year if data is not None else "latest")
        limit = ""
        if data is not None:
            limit = (
                f"; at most the {self.current_year} 401(k) limit, "
                f"{usd(retirement_limit(data, self.current_year, profile.assumptions.inflation))} (the law's figure)"
            )
        return TaxForm(
            statuses=tuple(Choice(s, FILING_STATUS_NAMES[s].capitalize()) for s in FILING_STATUSES),
            status=taxes.filing_status,
            states=tuple(states),
            state=taxes.state,
            state_note=note,
            retirement=self._typed if self._typed is not None else f"{taxes.retirement_share * 100 + 0.0:.10g}",
            retirement_note=f"% of pay; default 0% (none){limit}. Lowers income taxes, not payroll taxes.",
        )

    # --- intents ---------------------------------------------------------------------------------------------

    def _edit(self, text: str, **changes: object) -> None:
        taxes = TaxInputs.model_validate({**self._session.profile.taxes.model_dump(), **changes})
        self._session.edit(text, initiator=self, taxes=taxes)

    def status_chosen(self, status: str) -> None:
        if status in FILING_STATUS_NAMES:
            self._edit(f"set the filing status to {FILING_STATUS_NAMES[status]}", filing_status=status)

    def state_chosen(self, state: str | None) -> None:
        name = STATE_NAMES.get(state or "", "the Market area's")
        self._edit(f"set the state for taxes to {name}", state=state)

    def check_retirement(self, text: str) -> float:
        """The share typed, if it can be stored; else InputError with the message to show. Stores nothing."""
        number = read_number(text, SHARE_HELP)
        if number is None:
            raise InputError(f"Enter a percentage (0 for none). {SHARE_HELP}")
        share = number / 100.0
        if share > 1:
            raise InputError(SHARE_HELP)
        source = self._display.taxes
        data = source.data() if source is not None else None
        if data is None:
            problem = source.problem if source is not None else "no tax data"
            raise InputError(f"The legal limit cannot be checked: {problem}")
        limit = retirement_limit(data, self.current_year, self._session.profile.assumptions.inflation)
        pay = self._pay_now()
        if pay is not None and share * pay > limit + 0.005:
            most = math.floor(limit / pay * 1000) / 10
            raise InputError(
                f"{percent(share)} of this year's pay ({usd(pay)}) is {usd(share * pay)}, above the "
                f"{self.current_year} limit of {usd(limit)} on pre-tax 401(k) contributions: enter at most {most:g}%."
            )
        return share

    def retirement_edited(self, text: str) -> None:
        """A keystroke: say what is wrong, store nothing."""
        self._typed = text
        try:
            self.check_retirement(text)
        except InputError as exc:
            self._set_error(str(exc))
            return
        self._set_error("")

    def retirement_committed(self, text: str) -> None:
        """Editing finished: stored when valid; refused, the text and its message stay and nothing changes."""
        self._typed = text
        try:
            share = self.check_retirement(text)
            self._typed = None
            self._set_error("")
            self._edit(f"set pre-tax retirement contributions to {text.strip()}%", retirement_share=share)
        except InputError as exc:
            self._typed = text
            self._set_error(str(exc))
        except ValidationError:
            self._typed = text
            self._set_error(SHARE_HELP)
        self.refresh()

    def _set_error(self, message: str) -> None:
        self.retirement_error = message
        self._view.show_retirement_error(message)
