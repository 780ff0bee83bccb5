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
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal

from planner.domain.dataset import Dataset
from planner.domain.market import MarketData
from planner.domain.offer_match import suggest_match
from planner.domain.plans import MAX_DECLINED, MAX_OFFERS, MAX_SCENARIOS, MAX_SHOWN, Offer, Scenario, copy_name, new_id
from planner.domain.profile import Profile
from planner.presenters.choices import Choice
from planner.presenters.fields import InputError
from planner.presenters.session import Part, ProfileChange, ProfileSession
from planner.tabs.offers.api import (
    Confirm,
    LeavingView,
    OffersView,
    Typed,
    baseline_choices,
    location_choices,
    match_choices,
    scenario_name,
)
from planner.tabs.offers.figures import (
    CURRENT,
    TaxSource,
    headline,
    jobs,
    longest_months,
    median_line,
)
from planner.tabs.offers.form import TEXT_FIELDS, OfferForm, format_field, match_value, parse_field, problem
from planner.tabs.offers.leaving import LeaveTableModel, cliff_sentences, leave_jobs, leave_message, vesting_lines
from planner.tabs.offers.models import Comparison, ComparisonTableModel, OffersListModel, article_lines, columns_of

DRAFT = ""  # the id of an offer being added: not in the profile until its name and base are valid


# --- the presenter ------------------------------------------------------------------------------------------------


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
        market: Callable[[], MarketData | None] = lambda: None,
        taxes: TaxSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._market_source = market
        self._market: MarketData | None = None
        self._taxes = taxes  # read the first time after-tax figures are worked out, never at start-up
        self.baseline = CURRENT
        self.leave_month = 12
        self._leave_text = ""
        self._leave_error = ""
        self.leaving = LeaveTableModel(self)
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
        self._typed = Typed()
        self._known: list[str] = []
        self._locations: list[Choice] = []  # the Location box's choices, shown again when they change
        # A child of its tab: leaves with it. The tab shows the offers beside the current job (its salary and the
        # assumptions): a skill tick or a scenario edit leaves it as it is.
        session.subscribe(
            self,
            Part.OFFERS | Part.STANDING | Part.PAY_HISTORY | Part.ASSUMPTIONS | Part.MARKET | Part.TAXES,
            self._profile_changed,
        )

    # --- state ------------------------------------------------------------------------------------------------

    @property
    def profile(self) -> Profile:
        return self._session.profile

    def offer(self) -> Offer | None:
        return self.profile.offer(self.current)

    # --- intents ----------------------------------------------------------------------------------------------

    def start(self) -> None:
        self._market = self._market_source()
        self._view.set_matches(match_choices(self._dataset))
        self._show_locations()
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
            self._set_error(key, text, problem(exc, key))
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

    def vest_every_chosen(self, value: str) -> None:
        self._store("vest_every", value, {"vest_every": value})

    def location_chosen(self, value: str) -> None:
        self._store("location", value, {"location": value or None})

    def suggestion_accepted(self) -> None:
        match = self._suggestion()
        if match is not None:
            self.match_chosen(match.value)

    def suggestion_declined(self) -> None:
        """ "Not this one": kept with the offer (Edit > Undo asks again), or with the new offer being typed."""
        match = self._suggestion()
        if match is None:
            return
        offer = self.offer()
        declined = [*(offer.declined_matches if offer else self._draft.get("declined_matches", [])), match.value]
        fields = {"declined_matches": declined[-MAX_DECLINED:]}
        if offer is None:
            self._draft = {**self._draft, **fields}
            self.refresh(select=False)
            return
        offers = [offer.model_copy(update=fields) if o.id == offer.id else o for o in self.profile.offers]
        self._session.edit(f"Not the article's {match.name} for the offer from {offer.employer_name}", offers=offers)

    def baseline_chosen(self, key: str) -> None:
        self.baseline = key
        self.refresh(select=False)

    def leave_edited(self, text: str) -> None:
        """The leave box: a month from 1 to the end of the longest schedule shown, or a message beside it."""
        month, error = leave_message(text, self._last_month())
        self._leave_text, self._leave_error = text, error
        if month is not None:
            self.leave_month = month
        self._show_leaving()

    def leave_moved(self, month: int) -> None:  # the slider (or its arrow keys)
        self.leave_month = max(1, min(month, self._last_month()))
        self._leave_text, self._leave_error = str(self.leave_month), ""
        self._show_leaving()

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
            self._set_error(key, text, problem(exc, key))
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
            self._set_error(key, text, problem(exc, key))
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

    def _show_locations(self) -> None:
        choices = location_choices(self._market, self.profile)  # an offer placed in a state by its code adds it
        if choices != self._locations:
            self._locations = choices
            self._view.set_locations(choices)

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
        self._show_locations()
        self._view.show_empty(not profile.offers and self.current != DRAFT)
        if select:
            self._view.select_offers(None if self.current == DRAFT else self.current, self.selected)
        self._view.show_form(self.form())
        self._show_comparison()

    def _suggestion(self) -> Any:
        """The article's employer or industry the typed name seems to be, while nothing is matched and the user has
        not said no to it (a MatchSuggestion, or None)."""
        offer = self.offer()
        fields = offer.model_dump() if offer is not None else self._draft
        name = fields.get("employer_name")
        if not name or fields.get("employer") or fields.get("industry"):
            return None
        match = suggest_match(self._dataset, name)
        if match is None or match.value in fields.get("declined_matches", ()):
            return None
        return match

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
            vesting, every, location = offer.vesting, offer.vest_every, offer.location or ""
            match = match_value(offer.employer, offer.industry)
            title = f"Offer from {offer.employer_name}"
            note = "Every change is saved at once; Edit > Undo takes it back."
        else:
            draft = self._draft
            defaults = Offer.model_construct(  # for formatting only: the model's defaults, then what was typed
                **{**{k: f.get_default(call_default_factory=True) for k, f in Offer.model_fields.items()
                   if not f.is_required()},
                   "id": "draft", "employer_name": "", "base": 0, "added_on": self._today(), **draft}
            )  # fmt: skip
            texts = {k: (format_field(k, defaults) if k in draft or k not in ("employer_name", "base") else "")
                     for k in TEXT_FIELDS}  # fmt: skip
            vesting, every = draft.get("vesting", "even"), draft.get("vest_every", defaults.vest_every)
            location = draft.get("location") or ""
            match = match_value(draft.get("employer"), draft.get("industry"))
            title = "New offer"
            note = "Type the employer's name and the base salary: the offer is added as soon as both are filled in."
        for key, (text, _msg) in typed.items():
            if key in texts:
                texts[key] = text
        errors = {k: msg for k, (_text, msg) in typed.items()}
        suggestion = self._suggestion()
        hint = ""
        if suggestion is not None:
            hint = f"Compare it with the article's {suggestion.name} ({suggestion.kind})? {suggestion.why}."
        median = median_line(offer, self.profile, self._market) if offer is not None else ""
        return OfferForm(title, texts, errors, vesting, match, draft=offer is None, enabled=True, note=note,
                         vest_every=every, location=location, suggestion=hint, median=median)  # fmt: skip

    def _compared(self) -> list[Offer]:
        profile = self.profile
        return [o for i in self.selected if (o := profile.offer(i)) is not None]

    def comparison(self) -> Comparison:
        profile = self.profile
        notes: list[str] = []
        compared = self._compared()
        base_offer = profile.offer(self.baseline)
        if base_offer is not None and base_offer not in compared:
            compared.insert(0, base_offer)
        taxes = self._taxes if compared else None  # the tax file is read when an offer is first compared
        shown, tax_note = jobs(profile, compared, self._market, taxes, self._today())
        if profile.salary_today() is None:
            notes.append("Enter your current salary on the Projection tab to compare with your current job.")
        article: list[str] = []
        for offer in compared:
            article += article_lines(self._dataset, offer)
        if profile.offers and not self.selected:
            notes.append("Select one or more offers in the list to compare them.")
        if tax_note:
            notes.append(tax_note)
        if not article and profile.offers:
            article.append(
                "Match an offer to one of the article's employers or industries (Compare with the article's) to see "
                "the article's figure for it here, with its source."
            )
        keys = [j.key for j in shown]
        base_key = self.baseline if self.baseline in keys else (keys[0] if keys else "")
        base = next((j for j in shown if j.key == base_key), None)
        headlines = tuple(headline(j, base) for j in shown if base is not None and j.key != base.key)
        return Comparison(
            columns_of(profile, shown), " ".join(notes), tuple(article), tuple(shown), base_key, headlines
        )

    def _last_month(self) -> int:
        return longest_months(self._compared())

    def _show_leaving(self) -> None:
        compared = self._compared()
        last = self._last_month()
        self.leave_month = min(self.leave_month, last)
        side = leave_jobs(self.profile, compared, self.leave_month)
        self.leaving.set_jobs(side)
        text = self._leave_text if self._leave_error else str(self.leave_month)
        self._view.show_leaving(
            LeavingView(
                self.leave_month, last, text, self._leave_error, tuple(cliff_sentences(side)),
                tuple(vesting_lines(compared, last)), tuple(side),
            )
        )  # fmt: skip

    def _show_comparison(self) -> None:
        comparison = self.comparison()
        choices = baseline_choices(self.profile)
        if self.baseline not in {c.value for c in choices}:
            self.baseline = str(choices[0].value) if choices else CURRENT
        self._view.set_baselines(choices, self.baseline)
        self.table.set_comparison(comparison)
        self._view.show_comparison(comparison)
        self._show_leaving()
