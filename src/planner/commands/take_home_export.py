"""Take-home pay in the exports (CSV and the career report): today's path's take-home pay for every year, in the
dollars shown, beside the pay shown; or why it cannot be given. An export is a use of the tax file: it is read
here the first time, if nothing read it before."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from planner.domain.profile import Profile
from planner.domain.take_home_text import tax_source_words
from planner.domain.tax_codes import FILING_STATUS_NAMES
from planner.tabs.projection.chart_data import DOLLARS_LABEL
from planner.tabs.projection.presenter import ProjectionPresenter


@dataclass(frozen=True)
class TakeHomeColumn:
    values: tuple[float, ...]  # per year of the projection; empty when it cannot be worked out
    about: str  # what the figures are, or why there are none
    source: str = ""  # where the tax figures come from (domain.take_home_text.tax_source_words)

    @property
    def shown(self) -> bool:
        return bool(self.values)


def take_home_column(presenter: ProjectionPresenter, profile: Profile) -> TakeHomeColumn:
    proj = presenter.projection
    source = presenter.display.taxes
    if proj is None or source is None:
        return TakeHomeColumn((), "not worked out (no tax data)")
    setting = proj.taxes or source.setting(profile)
    if setting is None:
        return TakeHomeColumn((), source.why_not(profile))
    with_taxes = proj if proj.taxes is not None else dataclasses.replace(proj, taxes=setting)
    values = tuple(float(v) for v in with_taxes.projected(presenter.dollars, "take_home"))
    saving = setting.retirement_share
    about = (
        f"total compensation less federal income tax (standard deduction, no credits), Social Security, Medicare "
        f"and the state's income and payroll taxes; {setting.origin}, {FILING_STATUS_NAMES[setting.status]}"
        + (f", {saving * 100:g}% of pay into a pre-tax retirement plan (taken off too)" if saving else "")
        + f"; {DOLLARS_LABEL[presenter.dollars]} (derived: Help > How projections work)"
    )
    return TakeHomeColumn(values, about, tax_source_words(setting.data))
