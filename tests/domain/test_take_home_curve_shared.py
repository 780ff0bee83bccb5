"""A projection's take-home curve is worked out once and shared by everything showing it (the chart, the table,
the report): a reader cannot change what the next one shows."""

from __future__ import annotations

import numpy as np
import pytest

from planner.domain.dataset import Dataset
from planner.domain.profile import Profile
from planner.domain.projection import project
from planner.domain.taxes import TaxSetting
from planner.storage.tax_file import load_tax_data


def test_a_shared_take_home_curve_cannot_be_changed_by_a_reader(dataset: Dataset) -> None:
    profile = Profile(years_of_experience=6.0, current_salary=150_000)
    proj = project(dataset, profile, 2026, taxes=TaxSetting(load_tax_data(), "single", "TX"))
    first = proj.projected("nominal", "take_home")
    before = first.copy()
    with pytest.raises(ValueError, match="read-only"):
        first[0] = 0.0
    assert np.array_equal(proj.projected("nominal", "take_home"), before)
