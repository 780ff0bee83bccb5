"""The tabs, in the order the window shows them: the only list of them (the window, the View menu, Ctrl+1…9, the
last open tab, the self-test, the accessibility walk and the screenshots all read it).

A tab is one package here (``levels/``, ``projection/``…): its ``__init__`` declares ``SPEC`` and builds the tab;
its presenter(s) and view(s) sit beside it and are imported when the tab is first shown. Adding a tab: write its
package and add its ``SPEC`` below (README, "Adding a tab").
"""

from __future__ import annotations

from planner.tabs import industries, levels, market, offers, projection, skills
from planner.tabs.spec import TabContext, TabSpec, presenter_of

TABS: list[TabSpec] = [levels.SPEC, industries.SPEC, skills.SPEC, projection.SPEC, market.SPEC, offers.SPEC]

__all__ = ["TABS", "TabContext", "TabSpec", "presenter_of"]
