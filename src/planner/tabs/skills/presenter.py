"""The "Skills" tab: the article's skills as a checkable tree grouped by level, with progress, a filter and undo.

The profile (through the shared ``ProfileSession``) is the only truth: a tick asked for by the tree becomes an
undoable edit of the session, and the tree is redrawn from the session.

The tree itself (its roles, columns and items) is ``tree_model``. Every tick, untick, clear and plan change is one
``session.edit``: a step of the window's Edit > Undo.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from pydantic import ValidationError
from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QStandardItem

from planner.domain.dataset import Dataset, Skill, SkillGroup
from planner.domain.money import usd
from planner.domain.plans import PlannedSkill, planned_year
from planner.domain.profile import Profile, TickedSkill
from planner.domain.provenance import date_text
from planner.domain.text import escape, search_key
from planner.presenters.career_report import Progress, skill_progress
from planner.presenters.display import DisplayChoice
from planner.presenters.learning_plan import month_name, plan_list, short_month
from planner.presenters.session import PROJECTION_INPUTS, Part, ProfileChange, ProfileSession
from planner.tabs.skills.tree_model import (
    COL_EXTRA,
    COL_SKILL,
    DATE_ROLE,
    HEADERS,
    ID_ROLE,
    KIND_ROLE,
    PLAN_ROLE,
    SEARCH_ROLE,
    AnyIndex,
    SkillTreeModel,
    build_items,
    format_date,
)

if TYPE_CHECKING:
    from planner.domain.plan_effects import PlanStep
    from planner.domain.skill_effects import SkillTie


class SkillsView(Protocol):
    def show_progress(self, levels: Sequence[Progress], overall: Progress) -> None: ...
    def show_filter_status(self, text: str) -> None: ...
    def confirm(self, question: str) -> bool: ...
    def show_next_skills(self, html: str, plain: str) -> None: ...
    def show_plan(self, html: str, plain: str) -> None: ...
    def show_plan_error(self, text: str) -> None: ...


EFFECT_YEARS = 5
STARTUP_EFFECTS_DELAY_MS = 500
# After a change, what each skill adds is worked out once the change has been painted (and once for a burst of
# changes): the Projection tab's frame never waits for the Skills tab's figures.
EFFECTS_DELAY_MS = 120
NEXT_SKILLS = 5


def _where(dataset: Dataset, profile: Profile) -> str:
    if profile.employer:
        with contextlib.suppress(KeyError):
            return f"at {dataset.employer(profile.employer).name}"
    if profile.industry:
        with contextlib.suppress(KeyError):
            return f"in {dataset.industry(profile.industry).name}"
    return "across all industries"


class SkillsPresenter(QObject):
    def __init__(
        self,
        dataset: Dataset,
        session: ProfileSession,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
        display: DisplayChoice | None = None,
    ) -> None:
        super().__init__(parent)
        # The Projection tab's dollars and pay: what a skill adds here is what ticking it adds there.
        self.display = display if display is not None else DisplayChoice(self)
        self._dataset = dataset
        self._session = session
        self._today = today
        self._view: SkillsView | None = None
        self._skills: dict[str, tuple[SkillGroup, Skill]] = {
            sk.id: (group, sk) for group in dataset.skill_groups() for sk in group.skills
        }
        self._extra: dict[str, QStandardItem] = {}

        self.model = SkillTreeModel(self)
        self.model.setHorizontalHeaderLabels(HEADERS)
        self._level_items, self._skill_items, self._plan_items = build_items(self.model, dataset)
        self.model.check_requested.connect(self.set_checked)

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterKeyColumn(COL_SKILL)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setRecursiveFilteringEnabled(True)  # a matching skill keeps its level row
        self.proxy.setAutoAcceptChildRows(True)  # a matching level shows all its skills

        self.next_skills: list[SkillTie] = []
        self.plan_steps: list[PlanStep] = []
        session.subscribe(self, Part.SKILLS | Part.PLAN, self.refresh)
        # What each skill is worth depends on the whole profile (industry, employer, assumptions, ticks). It is
        # worked out once the event loop is idle, so a tick redraws the tree and the projection first.
        self._effects_timer = QTimer(self)
        self._effects_timer.setSingleShot(True)
        self._effects_timer.setInterval(0)
        self._effects_timer.timeout.connect(self.refresh_effects)
        session.subscribe(self, PROJECTION_INPUTS | Part.MARKET, self._schedule_effects)
        self.refresh()
        # Not needed for the first paint (the Skills tab is built later, and computes at once if still pending):
        # wait long enough for the window to be painted first.
        self._effects_timer.start(STARTUP_EFFECTS_DELAY_MS)
        self.display.changed.connect(lambda: self._effects_timer.start(EFFECTS_DELAY_MS))  # other dollars or pay

    # --- the view ------------------------------------------------------------------------------------------

    def attach_view(self, view: SkillsView) -> None:
        self._view = view
        self.refresh()
        if self._effects_timer.isActive():
            self._effects_timer.stop()
            self.refresh_effects()
        else:
            self._show_next_skills()
        view.show_filter_status("")

    def refresh(self, _change: ProfileChange | None = None) -> None:
        """Redraw ticks, dates, the plan and progress from the session's profile."""
        profile = self._session.profile
        ticks = profile.skills
        for skill_id, (name, date) in self._skill_items.items():
            tick = ticks.get(skill_id)
            state = Qt.CheckState.Checked if tick else Qt.CheckState.Unchecked
            if name.checkState() != state:
                name.setCheckState(state)
            text = format_date(tick.ticked_on) if tick else ""
            tip = self._tick_tip(tick)
            if date.text() != text or date.toolTip() != tip:
                date.setText(text)
                date.setData(tick.ticked_on.isoformat() if tick else "", DATE_ROLE)
                date.setToolTip(tip)
            self._show_plan_cell(skill_id, name, tick, profile.plan.get(skill_id))
        levels, _overall = self.progress()
        for p in levels:
            assert p.level_id is not None
            item = self._level_items[p.level_id]
            text = f"{p.name} ({p.done} of {p.total})"
            if item.text() != text:
                item.setText(text)
        if self._view is not None:
            self._view.show_progress(*self.progress())

    @staticmethod
    def _tick_tip(tick: TickedSkill | None) -> str:
        if tick is None:
            return "Not ticked"
        if tick.planned_by is not None:
            return f"Planned for {month_name(tick.planned_by)}, ticked {date_text(tick.ticked_on)}"
        return f"Ticked on {date_text(tick.ticked_on)}"

    def _show_plan_cell(
        self, skill_id: str, name: QStandardItem, tick: TickedSkill | None, plan: PlannedSkill | None
    ) -> None:
        item = self._plan_items[skill_id]
        today = self._today()
        if plan is not None:
            overdue = plan.by < today.replace(day=1)
            text = short_month(plan.by) + (" (overdue)" if overdue else "")
            counts = today.year + planned_year(plan, today.year)
            tip = (
                f"Overdue: planned for {month_name(plan.by)} and not ticked yet; the projection counts it from "
                f"this year ({counts}). Tick it once learned, or plan it for a later month."
                if overdue
                else f"In your learning plan: learn by {month_name(plan.by)} (planned on "
                f"{date_text(plan.planned_on)}); the projection counts it from {counts}."
            )
        elif tick is not None and tick.planned_by is not None:
            text = short_month(tick.planned_by)
            tip = self._tick_tip(tick)
        else:
            text, tip = "", ""
        iso = plan.by.isoformat() if plan is not None else ""
        if item.text() != text or item.toolTip() != tip:
            item.setText(text)
            item.setToolTip(tip)
        if name.data(PLAN_ROLE) != iso:
            name.setData(iso, PLAN_ROLE)

    # --- queries -------------------------------------------------------------------------------------------

    def progress(self) -> tuple[list[Progress], Progress]:
        return skill_progress(self._dataset, self._session.profile)

    def is_ticked(self, skill_id: str) -> bool:
        return self._session.profile.has_skill(skill_id)

    def skill_index(self, skill_id: str, column: int = COL_SKILL) -> QModelIndex:
        """The source-model index of a skill's cell."""
        name, _date = self._skill_items[skill_id]
        return name.index().siblingAtColumn(column)

    def level_id_at(self, index: AnyIndex) -> str | None:
        """The level of a row (level or skill) of the source model or the proxy."""
        if not index.isValid():
            return None
        first = index.sibling(index.row(), COL_SKILL)
        if first.data(KIND_ROLE) == "level":
            return str(first.data(ID_ROLE))
        parent = first.parent()
        return str(parent.data(ID_ROLE)) if parent.isValid() else None

    def visible_skill_ids(self) -> list[str]:
        """Skills the filter lets through, in tree order."""
        ids = []
        for row in range(self.proxy.rowCount()):
            level = self.proxy.index(row, COL_SKILL)
            for child in range(self.proxy.rowCount(level)):
                ids.append(str(self.proxy.index(child, COL_SKILL, level).data(ID_ROLE)))
        return ids

    # --- user intents --------------------------------------------------------------------------------------

    def set_checked(self, skill_id: str, ticked: bool) -> None:
        """Tick or untick one skill, as an undoable step. Ids the dataset does not know are ignored."""
        if skill_id not in self._skills or self.is_ticked(skill_id) == ticked:
            return
        name = self._skills[skill_id][1].name
        profile = self._session.profile
        planned = profile.plan.get(skill_id) if ticked else None
        if planned is not None:  # learned as planned: off the plan, its month kept with the tick
            after = {skill_id: TickedSkill(ticked_on=self._today(), planned_by=planned.by)}
            plan = {k: v for k, v in profile.plan.items() if k != skill_id}
            self._session.edit(
                f"tick “{name}” (planned)", initiator=self, skills={**profile.skills, **after}, plan=plan
            )
            return
        skills = {k: v for k, v in profile.skills.items() if k != skill_id}
        if ticked:
            skills[skill_id] = TickedSkill(ticked_on=self._today())
        self._session.edit(f"{'tick' if ticked else 'untick'} “{name}”", initiator=self, skills=skills)

    def plan_skill(self, skill_id: str, year: int, month: int) -> bool:
        """Plan an unticked skill for a month (or move it there), as an undoable step. A month already past is
        refused with a message for the view (shown next to the field); nothing changes then."""
        if skill_id not in self._skills:
            return False
        name = self._skills[skill_id][1].name
        if self.is_ticked(skill_id):
            self._plan_error(f"“{name}” is ticked already: only a skill you have not ticked can be planned.")
            return False
        today = self._today()
        try:
            by = dt.date(year, month, 1)
        except ValueError:
            self._plan_error("Choose a month (1–12) and a year.")
            return False
        if by < today.replace(day=1):
            self._plan_error(f"{month_name(by)} has passed: plan “{name}” for {month_name(today)} or a later month.")
            return False
        plan = dict(self._session.profile.plan)
        old = plan.get(skill_id)
        if old is not None and old.by == by:
            self._plan_error("")
            return True
        plan[skill_id] = PlannedSkill(by=by, planned_on=old.planned_on if old is not None else today)
        verb = f"move “{name}” to {month_name(by)}" if old is not None else f"plan “{name}” for {month_name(by)}"
        try:
            self._session.edit(verb, initiator=self, plan=plan)
        except ValidationError as exc:
            self._plan_error(str(exc.errors()[0]["msg"]).removeprefix("Value error, "))
            return False
        self._plan_error("")
        return True

    def unplan(self, skill_id: str) -> None:
        """Take a skill off the learning plan, as an undoable step."""
        plan = dict(self._session.profile.plan)
        if skill_id not in plan:
            return
        del plan[skill_id]
        name = self._skills[skill_id][1].name if skill_id in self._skills else skill_id
        self._session.edit(f"remove “{name}” from the plan", initiator=self, plan=plan)
        self._plan_error("")

    def _plan_error(self, text: str) -> None:
        if self._view is not None:
            self._view.show_plan_error(text)

    def toggle(self, skill_id: str) -> None:
        self.set_checked(skill_id, not self.is_ticked(skill_id))

    def clear_level(self, level_id: str) -> bool:
        """Untick every skill of a level after asking the user; True when something was cleared."""
        lv = self._dataset.skill_group(level_id)
        ticks = self._session.profile.skills
        before = {sk.id: ticks[sk.id] for sk in lv.skills if sk.id in ticks}
        if not before or self._view is None:
            return False
        count = f"all {len(before)} ticks" if len(before) > 1 else "the tick"
        question = f"Clear {count} of {lv.name}?\n\nYou can bring them back with Undo (Ctrl+Z)."
        if not self._view.confirm(question):
            return False
        skills = {k: v for k, v in ticks.items() if k not in before}
        self._session.edit(f"clear the ticks of {lv.name}", initiator=self, skills=skills)
        return True

    def set_filter(self, text: str) -> None:
        text = text.strip()
        self.proxy.setFilterFixedString(search_key(text))  # the search texts are folded the same way
        if self._view is None:
            return
        if not text:
            self._view.show_filter_status("")
            return
        n = len(self.visible_skill_ids())
        if n == 0:
            self._view.show_filter_status(f"No skill matches “{text}”.")
        else:
            self._view.show_filter_status(f"{n} skill{'s' if n != 1 else ''} match “{text}”.")

    # --- what each skill is worth (from the projection) ---------------------------------------------------

    def _schedule_effects(self, _change: ProfileChange) -> None:
        # Only a change to what the projection reads comes here (not a scenario, an offer; the Market tab's area
        # only when it gives take-home pay its state).
        if _change.parts & PROJECTION_INPUTS or self.display.comp == "take_home":
            self._effects_timer.start(EFFECTS_DELAY_MS)

    def refresh_effects(self) -> None:
        """For each unticked skill, what ticking it adds to the projected base salary EFFECT_YEARS from now and to
        the earnings over the horizon; and the next skills to learn, skills worth the same ranked as one."""
        from planner.domain.plan_effects import plan_steps  # imported when first needed
        from planner.domain.skill_effects import rank_skills, skill_effects

        profile = self._session.profile
        d, c, taxes = self.display.dollars, self.display.comp, self.display.tax_setting(profile)
        effects = skill_effects(self._dataset, profile, self._today().year, EFFECT_YEARS, d, c, taxes)
        self.plan_steps = plan_steps(self._dataset, profile, self._today(), EFFECT_YEARS, d, c, taxes)
        words = self.display.words()
        where = _where(self._dataset, profile)
        horizon = profile.assumptions.horizon_years
        texts: dict[str, str] = {}
        tooltips: dict[str, str] = {}
        for skill_id, e in effects.items():
            adds = e.ahead >= 0.5 or e.total >= 0.5
            texts[skill_id] = f"+{usd(e.ahead)} · +{usd(e.total)}" if adds else "—"
            tooltips[skill_id] = (
                f"Ticking this skill raises your projected pay {EFFECT_YEARS} years from now by "
                f"{usd(e.ahead)} a year, and your earnings over {horizon} years by {usd(e.total)} ({words}, as "
                f"on the Projection tab), {where}. From the projection: the article's level ranges and your "
                "assumptions (Projection tab)."
                if adds
                else f"Ticking this skill does not change your projection over {horizon} years (you may be at the "
                "top of your range, or its level is beyond the horizon)."
            )
        self.set_extra_column(
            f"Adds: {EFFECT_YEARS} yrs · {horizon} yrs",
            texts,
            tooltips,
            f"What ticking the skill adds to your projection: a year in {EFFECT_YEARS} years · over {horizon} years "
            f"({words}, as on the Projection tab)",
        )
        self.next_skills = rank_skills(effects.values(), NEXT_SKILLS)
        self._show_next_skills()

    def _show_next_skills(self) -> None:
        if self._view is None:
            return
        horizon_years = self._session.profile.assumptions.horizon_years
        self._view.show_plan(*plan_list(self.plan_steps, horizon_years, self.display.words()))
        horizon = self._session.profile.assumptions.horizon_years
        if not self.next_skills:
            text = f"No unticked skill raises your projection over the next {horizon} years."
            self._view.show_next_skills(text, text)
            return
        items, plain = [], []
        for tie in self.next_skills:
            amounts = (
                f"<b>+\u2060{usd(tie.ahead)}</b>&nbsp;a&nbsp;year in&nbsp;{EFFECT_YEARS}&nbsp;years, "
                f"<b>+\u2060{usd(tie.total)}</b> over&nbsp;{horizon}&nbsp;years"  # never broken after the plus sign
            )
            names = [e.skill.name for e in tie.effects]
            groups = sorted({e.group for e in tie.effects}, key=[e.group for e in tie.effects].index)
            if len(names) == 1:
                who = f"{escape(names[0])} <i>({escape(groups[0])})</i>"
                said = names[0]
            else:
                shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
                who = (
                    f"Any one of {len(names)} skills worth the same <i>({escape(', '.join(groups))})</i>: "
                    f"{escape(shown)}"
                )
                said = f"Any one of {len(names)} skills worth the same ({', '.join(groups)}): {shown}"
            items.append(f"{who}: {amounts}")
            plain.append(
                f"{said}: +{usd(tie.ahead)} a year in {EFFECT_YEARS} years, +{usd(tie.total)} over {horizon} years"
            )
        words = self.display.words()
        note = (
            f"{words[:1].upper()}{words[1:]}, as on the Projection tab; ranked by what each adds over {horizon} years."
        )
        self._view.show_next_skills(
            "<ol style='margin-left:-20px'>" + "".join(f"<li>{i}</li>" for i in items) + f"</ol><small>{note}</small>",
            "; ".join(plain) + f". {note}",
        )

    # --- a column other tabs may fill ----------------------------------------------------------------------

    def set_extra_column(
        self, title: str, texts: Mapping[str, str], tooltips: Mapping[str, str] | None = None, title_tip: str = ""
    ) -> None:
        """Show one more column with a text per skill id (for example what a skill adds to a projection).
        Skills not in ``texts`` show nothing; calling again replaces the column's contents."""
        if self.model.columnCount() <= COL_EXTRA:
            self.model.setColumnCount(COL_EXTRA + 1)
        self.model.setHeaderData(COL_EXTRA, Qt.Orientation.Horizontal, title)
        self.model.setHeaderData(COL_EXTRA, Qt.Orientation.Horizontal, title_tip, Qt.ItemDataRole.ToolTipRole)
        for skill_id, (name, _date) in self._skill_items.items():
            parent = name.parent()
            assert parent is not None
            item = self._extra.get(skill_id)
            if item is None:
                item = QStandardItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                parent.setChild(name.row(), COL_EXTRA, item)
                self._extra[skill_id] = item
            item.setText(texts.get(skill_id, ""))
            item.setToolTip((tooltips or {}).get(skill_id, ""))

    def clear_extra_column(self) -> None:
        if self.model.columnCount() > COL_EXTRA:
            self.model.setColumnCount(COL_EXTRA)
        self._extra.clear()
