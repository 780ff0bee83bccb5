"""The Skills tab's tree: the article's skills grouped by level, one row per skill (name with its check box, the day
it was ticked, the planned month), the roles and columns the presenter and the view read, and the building of its
items from the dataset.

``QStandardItemModel`` lives in QtGui in Qt 6 but is a model, not a widget: it holds the tab's state, so it sits on
the presenter's side."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from planner.domain.dataset import Dataset, Skill, SkillGroup
from planner.domain.provenance import date_text, source_line
from planner.domain.text import escape, plain_tooltip, search_key

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "level" or "skill"
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # what the filter box matches: name, description, level name
DATE_ROLE = Qt.ItemDataRole.UserRole + 4  # ISO date of the tick, "" when not ticked
PLAN_ROLE = Qt.ItemDataRole.UserRole + 5  # ISO date of the planned month (its first day), "" when not planned

COL_SKILL = 0
COL_DATE = 1
COL_PLAN = 2
COL_EXTRA = 3
HEADERS = ["Skill", "Ticked on", "Plan"]

AnyIndex = QModelIndex | QPersistentModelIndex


def format_date(day: dt.date) -> str:
    """ "3 May 2027": the one form of a day everywhere (provenance.date_text)."""
    return date_text(day)


class SkillTreeModel(QStandardItemModel):
    """A standard item model whose skill check boxes ask rather than change: the presenter decides."""

    check_requested = Signal(str, bool)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.data(KIND_ROLE) == "skill":
            state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
            self.check_requested.emit(str(index.data(ID_ROLE)), state == Qt.CheckState.Checked)
            return True
        return super().setData(index, value, role)


def skill_tooltip(dataset: Dataset, group: SkillGroup, sk: Skill) -> str:
    return (
        f"<p><b>{escape(sk.name)}</b> ({escape(group.name)})</p>"
        f"<p>{escape(sk.description)}</p>"
        f"<p><i>“{escape(sk.quote)}”</i></p>"
        f"<p>{escape(source_line(dataset, sk))}</p>"
    )


LevelItems = dict[str, QStandardItem]  # level (group) id -> its row's item
SkillItems = dict[str, tuple[QStandardItem, QStandardItem]]  # skill id -> its name and date cells
PlanItems = dict[str, QStandardItem]  # skill id -> its plan cell


def build_items(model: SkillTreeModel, dataset: Dataset) -> tuple[LevelItems, SkillItems, PlanItems]:
    """Fill ``model`` with a row per level and its skills under it; the items the presenter redraws, by id."""
    level_items: LevelItems = {}
    skill_items: SkillItems = {}
    plan_items: PlanItems = {}
    root = model.invisibleRootItem()
    for group in dataset.skill_groups():
        lv = group.level
        level_item = QStandardItem(group.name)
        level_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        level_item.setData(group.id, ID_ROLE)
        level_item.setData("level", KIND_ROLE)
        level_item.setData(search_key(group.name), SEARCH_ROLE)
        font = QFont()
        font.setBold(True)
        level_item.setFont(font)
        level_item.setToolTip(
            plain_tooltip(
                f"Skills the article expects at {lv.name.lower()} ({lv.experience.label})"
                if lv is not None
                else "Skills the article names for every ML engineer, whatever the level; they count at every level"
            )
        )
        spacer = QStandardItem()
        spacer.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        for sk in group.skills:
            name = QStandardItem(sk.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Unchecked)  # the box shows only once a state is set
            name.setData(sk.id, ID_ROLE)
            name.setData("skill", KIND_ROLE)
            name.setData(search_key(f"{sk.name}\n{sk.description}"), SEARCH_ROLE)
            name.setToolTip(skill_tooltip(dataset, group, sk))
            name.setData(sk.description, Qt.ItemDataRole.AccessibleDescriptionRole)
            date = QStandardItem()
            date.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            date.setData(sk.id, ID_ROLE)
            planned = QStandardItem()
            planned.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            planned.setData(sk.id, ID_ROLE)
            level_item.appendRow([name, date, planned])
            skill_items[sk.id] = (name, date)
            plan_items[sk.id] = planned
        root.appendRow([level_item, spacer])
        level_items[group.id] = level_item
    return level_items, skill_items, plan_items
