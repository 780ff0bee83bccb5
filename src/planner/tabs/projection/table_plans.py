"""Which columns of the Projection tab's tables are always shown, which wait to be asked for, and which give way
first when the details area is narrow (views.table_columns fits them; the user chooses in the header's menu).

Year by year: Year, Level and Projected always; Experience hidden until asked for (the year says it); when room
runs short, Cumulative goes first, then High, Low, "Against the article", then the comparisons from the right.
Scenarios side by side: the scenario's name and its earnings over the horizon always; when room runs short, the
BLS median goes first, then "Overtakes another scenario", "What it changes", the pay in 1, 3, 10 and 5 years and
"Overtakes today's path".
"""

from __future__ import annotations

from planner.views.table_columns import ColumnPlan

YEAR_BY_YEAR = ColumnPlan(
    main=frozenset({"year", "level", "projected"}),
    hidden=frozenset({"experience"}),
    drop_first=("cumulative", "high", "low", "note"),
    max_chars=13,  # a comparison's figures ("$1,234,567"); its name is shortened in the header, whole in its tooltip
    widths={"note": 0, "level": 0},
)

SIDE_BY_SIDE = ColumnPlan(
    main=frozenset({"scenario", "earnings"}),
    drop_first=("market", "passes", "about", "in-1", "in-3", "in-10", "in-5", "overtakes"),
    max_chars=14,
    widths={"scenario": 22, "about": 30, "passes": 26, "market": 16},
    rows_to_contents=True,  # long names and "what it changes" wrap onto a second line
    elide_headers=False,  # on two lines, each as wide as its longer line
)
