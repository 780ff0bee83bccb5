"""What take-home pay needs, for every tab: the tax data, read the first time take-home pay is needed (never at
start-up), and the tax setting of a profile or a scenario.

No files here: the tax data and the wage data reach it as injected loaders (the composition root hands in
``storage.tax_file.load_tax_data`` and ``storage.market_file.market_or_none``). A tax file that cannot be used is
remembered with its message (``problem``): every before-tax figure goes on as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from planner.domain.errors import TaxDataError

if TYPE_CHECKING:  # the tax and wage data's code is read when take-home pay or the Market tab first needs it
    from planner.domain.market import MarketData
    from planner.domain.plans import Scenario
    from planner.domain.profile import Profile
    from planner.domain.tax_data import TaxData
    from planner.domain.taxes import StateForTaxes, TaxSetting

NO_STATE = (
    "Take-home pay needs the state whose taxes apply: choose one under Inputs › Taxes on the Projection tab, or your "
    "area on the Market wages tab."
)


class TaxSource:
    def __init__(self, tax_data: Callable[[], TaxData], market: Callable[[], MarketData | None] = lambda: None) -> None:
        self._load = tax_data
        self._market = market
        self._data: TaxData | None = None
        self.problem = ""  # why the tax file cannot be used, once a read failed

    @property
    def tried(self) -> bool:
        """Whether the tax file was read (or its reading failed) already."""
        return self._data is not None or bool(self.problem)

    def data(self) -> TaxData | None:
        """The tax data, read now if it was not yet; None when it cannot be used (``problem`` says why)."""
        if self._data is None and not self.problem:
            try:
                self._data = self._load()
            except TaxDataError as exc:
                self.problem = str(exc)
        return self._data

    def market(self) -> MarketData | None:
        return self._market()

    def state(self, profile: Profile) -> StateForTaxes:
        """The state whose taxes apply to today's path: chosen, or that of the Market tab's area."""
        from planner.domain.taxes import state_for_taxes

        chosen, area = profile.taxes.state, profile.market_area
        market = self._market() if chosen is None and area is not None else None
        return state_for_taxes(chosen, area, market)

    def why_not(self, profile: Profile) -> str:
        """Why take-home pay cannot be worked out for ``profile`` ("" when it can). Reads the tax file once a state
        is known (without one there is nothing to read it for)."""
        if self.state(profile).state is None:
            return NO_STATE
        if self.data() is None:
            return f"Take-home pay cannot be shown: {self.problem} Every before-tax figure is unaffected."
        return ""

    def setting(self, profile: Profile) -> TaxSetting | None:
        """What take-home pay needs for today's path, or None (``why_not`` says why)."""
        where = self.state(profile)
        data = self.data() if where.state is not None else None
        if data is None or where.state is None:
            return None
        from planner.domain.taxes import TaxSetting

        t = profile.taxes
        return TaxSetting(data, t.filing_status, where.state, t.retirement_share, where.words())

    def for_scenario(self, setting: TaxSetting, scenario: Scenario) -> TaxSetting:
        """A scenario in another market area pays that area's state's taxes."""
        from planner.domain.taxes import taxes_in_area

        if scenario.market_area is None:
            return setting
        return taxes_in_area(setting, scenario.market_area, self._market())
