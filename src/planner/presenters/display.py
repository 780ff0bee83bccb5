"""How pay is shown, the same on every tab: nominal or today's dollars, base salary or total compensation.

One object for the window (made by the composition root, handed to the tabs): the Projection tab's choice is the
Skills tab's and the learning plan's too, so what a skill "adds" there is exactly what ticking it adds to the
Projection tab's total, in the same dollars, and both say which.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from planner.domain.projection_basis import Comp, Dollars

DOLLARS_WORDS: dict[Dollars, str] = {"nominal": "nominal dollars", "today": "today's dollars"}
COMP_WORDS: dict[Comp, str] = {"base": "base salary", "total": "total compensation"}


class DisplayChoice(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dollars: Dollars = "nominal"
        self.comp: Comp = "base"

    def choose(self, dollars: Dollars | None = None, comp: Comp | None = None) -> None:
        new_dollars = dollars if dollars is not None else self.dollars
        new_comp = comp if comp is not None else self.comp
        if (new_dollars, new_comp) == (self.dollars, self.comp):
            return
        self.dollars, self.comp = new_dollars, new_comp
        self.changed.emit()

    def words(self) -> str:
        """ "base salary, nominal dollars": what every figure of the choice is."""
        return f"{COMP_WORDS[self.comp]}, {DOLLARS_WORDS[self.dollars]}"
