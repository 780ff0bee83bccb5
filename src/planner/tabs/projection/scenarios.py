"""Named scenarios beside today's path: the list the Projection tab shows, and every edit of it, undoable.

Each edit goes through ``ProfileSession.edit`` (one step of Edit > Undo). Bad input (an empty or duplicate name, a
silly number, a plan month in the past) is refused with a message for the field it concerns; nothing is stored
and the dialog keeps what the user typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from pydantic import ValidationError
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from planner.domain.dataset import Dataset
from planner.domain.market import MarketData
from planner.domain.money import usd
from planner.domain.plans import MAX_SHOWN, AssumptionChanges, PlannedSkill, Scenario, copy_name, new_id
from planner.domain.profile import Profile
from planner.domain.scenarios import TODAY_PATH
from planner.domain.text import plain_tooltip
from planner.presenters.choices import Choice
from planner.presenters.fields import FIELDS, InputError, check_field, format_field
from planner.presenters.market_text import area_choices, occupation_of
from planner.presenters.session import Part, ProfileChange, ProfileSession
from planner.tabs.projection.scenario_text import describe, with_assumptions

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ASSUMPTION_KEYS = tuple(spec.key for spec in FIELDS if spec.assumption and spec.key != "horizon_years")
PlanMode = Literal["today", "none", "own"]


class ScenariosView(Protocol):
    def show_scenario_message(self, text: str) -> None: ...


Confirm = Callable[[str, str, str], bool]  # (title, question, the button that agrees): the window's Dialogs.confirm


@dataclass
class FormValues:
    """What the scenario dialog edits (``None`` and ``""``: as today's path)."""

    name: str
    industry: str | None = None
    employer: str | None = None
    offer: str | None = None
    level: str | None = None
    market_area: str | None = None
    plan_mode: PlanMode = "today"
    plan: list[tuple[str, dt.date]] = field(default_factory=list)
    assumptions: dict[str, str] = field(default_factory=dict)  # key -> text; "" keeps today's path's value


@dataclass
class ScenarioForm:
    """What the scenario dialog shows: the scenario's values and the choices for each box."""

    scenario_id: str | None  # None: a new scenario
    values: FormValues
    industries: list[Choice]
    employers: list[Choice]
    offers: list[Choice]
    levels: list[Choice]
    skills: list[Choice]  # the skills that can be planned (not ticked)
    areas: list[Choice]  # BLS areas with wages for the user's occupation (empty: the wage file is not there)
    assumption_labels: dict[str, tuple[str, str]]  # key -> (label, today's path's value as text)
    first_month: dt.date  # the earliest month a plan may name (this month)


class ScenariosPresenter(QObject):
    shown_changed = Signal()

    def __init__(
        self,
        dataset: Dataset,
        session: ProfileSession,
        confirm: Confirm,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        market: Callable[[], MarketData | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._market = market  # the BLS wages, read when first needed (None: not installed or unreadable)
        self._dataset = dataset
        self._session = session
        self._today = today
        self._confirm = confirm
        self._view: ScenariosView | None = None
        self.model = QStandardItemModel(self)
        self.model.itemChanged.connect(self._item_changed)
        self._filling = False
        # Names, shown or hidden, and what each changes: never the ticks, the learning plan or the pay history.
        session.subscribe(self, Part.ALL & ~(Part.SKILLS | Part.PLAN | Part.PAY_HISTORY), self.refresh)
        self.refresh()

    def attach_view(self, view: ScenariosView) -> None:
        self._view = view

    # --- the list ------------------------------------------------------------------------------------------

    def refresh(self, _change: ProfileChange | None = None) -> None:
        profile = self._session.profile
        self._filling = True
        try:
            same = [self.model.item(r).data(ID_ROLE) for r in range(self.model.rowCount())] == [
                s.id for s in profile.scenarios
            ]
            if not same:  # added, removed or moved: the list is built again (else each row is updated in place)
                self.model.clear()
            for row, s in enumerate(profile.scenarios):
                item = self.model.item(row) if same else QStandardItem()
                item.setText(s.name)
                item.setEditable(False)
                item.setCheckable(True)
                item.setCheckState(Qt.CheckState.Checked if s.shown else Qt.CheckState.Unchecked)
                item.setData(s.id, ID_ROLE)
                item.setToolTip(plain_tooltip(f"{s.name}: {self.describe(s)}"))
                item.setData(f"{s.name}, {'shown' if s.shown else 'hidden'}", Qt.ItemDataRole.AccessibleTextRole)
                if not same:
                    self.model.appendRow(item)
        finally:
            self._filling = False

    def _item_changed(self, item: QStandardItem) -> None:
        if self._filling:
            return
        self.set_shown(str(item.data(ID_ROLE)), item.checkState() == Qt.CheckState.Checked)

    def describe(self, s: Scenario) -> str:
        return describe(self._dataset, self._session.profile, s, self._market() if s.market_area else None)

    def _areas(self, profile: Profile, same: str) -> list[Choice]:
        market = self._market()
        if market is None:
            return []
        return [Choice(None, same), *area_choices(market, occupation_of(market, profile.market_occupation))]

    # --- edits ---------------------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        if self._view is not None:
            self._view.show_scenario_message(text)

    def _store(self, text: str, scenarios: Sequence[Scenario]) -> str | None:
        """Store the list as one undoable step; the refusal's message, or None when stored."""
        try:
            self._session.edit(text, scenarios=list(scenarios))
        except ValidationError as exc:
            return _message(exc)
        return None

    def set_shown(self, scenario_id: str, shown: bool) -> bool:
        scenarios = self._session.profile.scenarios
        target = next((s for s in scenarios if s.id == scenario_id), None)
        if target is None or target.shown == shown:
            return False
        if shown and not self._session.profile.room_to_show():
            self._say(f"At most {MAX_SHOWN} scenarios are drawn at once: hide one first.")
            self.refresh()  # the box goes back to unticked
            return False
        new = [s.model_copy(update={"shown": shown}) if s.id == scenario_id else s for s in scenarios]
        verb = "Show" if shown else "Hide"
        self._store(f'{verb} scenario "{target.name}"', new)
        self.shown_changed.emit()
        return True

    def add(self, values: FormValues) -> dict[str, str]:
        """A new scenario from the dialog's values; {} when added, else {field: message}."""
        return self.save(None, values)

    def save(self, scenario_id: str | None, values: FormValues) -> dict[str, str]:
        """Store the dialog's values (a new scenario when ``scenario_id`` is None): {} when stored, else the
        message for each field that was refused (nothing is stored then)."""
        profile = self._session.profile
        errors: dict[str, str] = {}
        name = " ".join(values.name.split())
        if not name:
            errors["name"] = "Give the scenario a name."
        elif name.casefold() == TODAY_PATH.casefold() or any(
            s.name.casefold() == name.casefold() for s in profile.scenarios if s.id != scenario_id
        ):
            errors["name"] = f'"{name}" is already taken: each scenario needs its own name.'
        changes: dict[str, float | int] = {}
        for key, text in values.assumptions.items():
            if not text.strip():
                continue
            spec = next(s for s in FIELDS if s.key == key)
            try:
                changes[key] = check_field(spec, text, profile)
            except InputError as exc:
                errors[key] = str(exc)
        plan: dict[str, PlannedSkill] | None = None
        if values.plan_mode == "none":
            plan = {}
        elif values.plan_mode == "own":
            plan, plan_error = self._plan(values.plan)
            if plan_error:
                errors["plan"] = plan_error
        if errors:
            return errors
        old = profile.scenario(scenario_id)
        taken = {s.id for s in profile.scenarios}
        try:
            scenario = Scenario(
                id=old.id if old is not None else new_id("scenario", taken),
                name=name,
                shown=old.shown if old is not None else profile.room_to_show(),
                industry=values.industry,
                employer=values.employer,
                offer=values.offer,
                market_area=values.market_area,
                current_level=values.level,
                plan=plan,
                assumptions=AssumptionChanges.model_validate(changes),
            )
        except ValidationError as exc:
            return {"name": _message(exc)}
        if old is None:
            new = [*profile.scenarios, scenario]
            text = f'Add scenario "{name}"'
        else:
            new = [scenario if s.id == old.id else s for s in profile.scenarios]
            text = f'Change scenario "{name}"'
        refused = self._store(text, new)
        if refused is not None:
            return {"name": refused}
        self._say(f'{"Added" if old is None else "Changed"} scenario "{name}".')
        return {}

    def _plan(self, rows: Sequence[tuple[str, dt.date]]) -> tuple[dict[str, PlannedSkill], str]:
        ticked = self._session.profile.skills
        month = self._today().replace(day=1)
        plan: dict[str, PlannedSkill] = {}
        known = self._dataset.skill_ids()
        for skill_id, by in rows:
            if skill_id not in known or skill_id in ticked:
                continue
            if by.replace(day=1) < month:
                return {}, f"{by:%B %Y} has passed: plan a month from {month:%B %Y} on."
            if skill_id in plan:
                return {}, "A skill is planned twice: keep one month for it."
            plan[skill_id] = PlannedSkill(by=by, planned_on=self._today())
        return plan, ""

    def duplicate(self, scenario_id: str) -> str | None:
        """A copy named "… (copy)" right after it; its id, or None."""
        profile = self._session.profile
        old = profile.scenario(scenario_id)
        if old is None:
            return None
        name = copy_name(old.name, {s.name.casefold() for s in profile.scenarios})
        copy = old.model_copy(
            update={
                "id": new_id("scenario", {s.id for s in profile.scenarios}),
                "name": name,
                "shown": profile.room_to_show(),
            }
        )
        index = profile.scenarios.index(old)
        new = [*profile.scenarios[: index + 1], copy, *profile.scenarios[index + 1 :]]
        refused = self._store(f'Duplicate scenario "{old.name}"', new)
        if refused is not None:
            self._say(refused)
            return None
        self._say(f'Added "{name}", a copy of "{old.name}".')
        return copy.id

    def rename(self, scenario_id: str, name: str) -> str | None:
        """Rename; the refusal's message, or None when renamed."""
        profile = self._session.profile
        old = profile.scenario(scenario_id)
        if old is None:
            return "That scenario is gone."
        values = self.values_of(old)
        values.name = name
        errors = self.save(scenario_id, values)
        return errors.get("name") or next(iter(errors.values()), None)

    def delete(self, scenario_id: str) -> bool:
        profile = self._session.profile
        old = profile.scenario(scenario_id)
        if old is None:
            return False
        question = f'Delete the scenario "{old.name}"?\n\nYou can bring it back with Undo (Ctrl+Z).'
        if not self._confirm("Delete scenario", question, "Delete"):
            return False
        self._store(f'Delete scenario "{old.name}"', [s for s in profile.scenarios if s.id != scenario_id])
        self._say(f'Deleted scenario "{old.name}" (Undo brings it back).')
        return True

    # --- the dialog's contents -----------------------------------------------------------------------------

    def values_of(self, s: Scenario) -> FormValues:
        changed = s.assumptions.model_dump(exclude_none=True)
        profile = self._session.profile
        return FormValues(
            name=s.name,
            industry=s.industry,
            employer=s.employer,
            offer=s.offer,
            level=s.current_level,
            market_area=s.market_area,
            plan_mode="today" if s.plan is None else ("own" if s.plan else "none"),
            plan=sorted(((k, v.by) for k, v in (s.plan or {}).items()), key=lambda kv: (kv[1], kv[0])),
            assumptions={
                spec.key: format_field(spec, with_assumptions(profile, s)) if spec.key in changed else ""
                for spec in FIELDS
                if spec.key in ASSUMPTION_KEYS
            },
        )

    def form(self, scenario_id: str | None) -> ScenarioForm:
        """The dialog for a scenario (None: a new one, named "Scenario N", the same as today's path)."""
        profile, ds = self._session.profile, self._dataset
        old = profile.scenario(scenario_id)
        if old is not None:
            values = self.values_of(old)
        else:
            names = {s.name.casefold() for s in profile.scenarios}
            n = len(profile.scenarios) + 1
            while f"scenario {n}" in names:
                n += 1
            values = FormValues(name=f"Scenario {n}", plan_mode="today")
        same = "As today's path"
        return ScenarioForm(
            scenario_id=old.id if old is not None else None,
            values=values,
            industries=[Choice(None, same), *(Choice(i.id, i.name) for i in ds.industries)],
            employers=[Choice(None, same), *(Choice(e.id, e.name) for e in ds.employers)],
            offers=[
                Choice(None, "No job offer"),
                *(Choice(o.id, f"{o.employer_name} ({usd(o.base)} base)") for o in profile.offers),
            ],
            levels=[Choice(None, same), *(Choice(lv.id, lv.name) for lv in ds.levels)],
            areas=self._areas(profile, same),
            skills=[
                Choice(sk.id, f"{group.level.name if group.level else 'General'}: {sk.name}")
                for group in ds.skill_groups()
                for sk in group.skills
                if sk.id not in profile.skills
            ],
            assumption_labels={
                spec.key: (spec.label, format_field(spec, profile)) for spec in FIELDS if spec.key in ASSUMPTION_KEYS
            },
            first_month=self._today().replace(day=1),
        )


def _message(exc: ValidationError) -> str:
    first = exc.errors()[0]
    text = str(first.get("msg", "not valid"))
    return text.removeprefix("Value error, ")
