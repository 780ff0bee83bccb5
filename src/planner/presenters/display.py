"""How pay is shown, the same on every tab: nominal or today's dollars; base salary, total compensation or
take-home pay.

One object for the window (made by the composition root, handed to the tabs): the Projection tab's choice is the
Skills tab's and the learning plan's too, so what a skill "adds" there is exactly what ticking it adds to the
Projection tab's total, in the same dollars, and both say which.

Take-home pay needs the tax data and a state (``presenters.take_home.TaxSource``): choosing it when either is
missing is refused (``refused`` says why, and the choice stays as it was); a change of the profile that takes the
state away (no state chosen, a Market area without one) goes back to total compensation and says why. So while
``comp`` is "take_home", ``tax_setting()`` always gives the taxes of the session's profile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from planner.domain.projection_basis import Comp, Dollars
from planner.presenters.session import Part, ProfileChange, ProfileSession

if TYPE_CHECKING:
    from planner.domain.profile import Profile
    from planner.domain.taxes import TaxSetting
    from planner.presenters.take_home import TaxSource

DOLLARS_WORDS: dict[Dollars, str] = {"nominal": "nominal dollars", "today": "today's dollars"}
COMP_WORDS: dict[Comp, str] = {"base": "base salary", "total": "total compensation", "take_home": "take-home pay"}
NO_TAX_DATA = "Take-home pay is not available here (no tax data)."


class DisplayChoice(QObject):
    changed = Signal()
    refused = Signal(str)  # why take-home pay was not chosen, or was left

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        taxes: TaxSource | None = None,
        session: ProfileSession | None = None,
    ) -> None:
        super().__init__(parent)
        self.dollars: Dollars = "nominal"
        self.comp: Comp = "base"
        self.taxes = taxes
        self._session = session
        if session is not None:  # before any tab subscribes: the tabs hear a change with this choice made good
            session.subscribe(self, Part.TAXES | Part.MARKET, self._profile_changed)

    def choose(self, dollars: Dollars | None = None, comp: Comp | None = None) -> None:
        new_dollars = dollars if dollars is not None else self.dollars
        new_comp = comp if comp is not None else self.comp
        if new_comp == "take_home" and new_comp != self.comp:
            why = self.take_home_problem()
            if why:
                new_comp = self.comp
                self.refused.emit(why)
        if (new_dollars, new_comp) == (self.dollars, self.comp):
            return
        self.dollars, self.comp = new_dollars, new_comp
        self.changed.emit()

    def take_home_problem(self, profile: Profile | None = None) -> str:
        """Why take-home pay cannot be shown now ("" when it can); reads the tax file the first time."""
        if self.taxes is None:
            return NO_TAX_DATA
        profile = profile if profile is not None else self._profile()
        return self.taxes.why_not(profile) if profile is not None else NO_TAX_DATA

    def tax_setting(self, profile: Profile | None = None) -> TaxSetting | None:
        """The taxes of ``profile`` (the session's when None) while take-home pay is shown; None otherwise."""
        if self.comp != "take_home" or self.taxes is None:
            return None
        profile = profile if profile is not None else self._profile()
        return self.taxes.setting(profile) if profile is not None else None

    def _profile(self) -> Profile | None:
        return self._session.profile if self._session is not None else None

    def _profile_changed(self, _change: ProfileChange) -> None:
        if self.comp != "take_home":
            return
        why = self.take_home_problem()
        if why:
            self.comp = "total"
            self.refused.emit(why + " Showing total compensation instead.")
            self.changed.emit()

    def words(self) -> str:
        """ "base salary, nominal dollars": what every figure of the choice is."""
        return f"{COMP_WORDS[self.comp]}, {DOLLARS_WORDS[self.dollars]}"
