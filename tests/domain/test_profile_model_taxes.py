"""The inputs of take-home pay in the profile (format 6): validated where they enter."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from planner.domain.profile import Profile, TaxInputs


def test_a_new_profile_files_single_in_the_market_tabs_state_with_no_retirement_share() -> None:
    assert Profile().taxes == TaxInputs(filing_status="single", state=None, retirement_share=0.0)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("state", "XX"),
        ("state", "tx"),
        ("filing_status", "married_separate"),
        ("retirement_share", 1.5),
        ("retirement_share", -0.1),
        ("retirement_share", float("nan")),
    ],
)
def test_what_the_tax_data_cannot_use_is_refused(field: str, value: object) -> None:
    with pytest.raises(ValidationError, match=field):
        Profile.model_validate({"taxes": {field: value}})


def test_a_state_and_a_share_are_kept() -> None:
    p = Profile.model_validate({"taxes": {"filing_status": "married_joint", "state": "CA", "retirement_share": 0.06}})
    assert (p.taxes.filing_status, p.taxes.state, p.taxes.retirement_share) == ("married_joint", "CA", 0.06)
    assert TaxInputs(retirement_share=-0.0).retirement_share.hex() == (0.0).hex()
