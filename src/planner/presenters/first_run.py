"""The first run: a short welcome asks where the user stands today; the answers go into the shared profile."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from planner.domain.dataset import Dataset
from planner.presenters.choices import Choice
from planner.presenters.session import ProfileSession


@dataclass(frozen=True)
class WelcomeAnswers:
    years_of_experience: float
    current_salary: int | None  # optional
    industry: str | None  # None: all industries


def industry_choices(dataset: Dataset) -> list[Choice]:
    return [Choice(None, "All industries / not sure"), *(Choice(i.id, i.name) for i in dataset.industries)]


def apply_welcome(session: ProfileSession, answers: WelcomeAnswers) -> str | None:
    """Put the answers into the profile; returns a message when they could not be used (the profile then keeps
    its defaults, and every field can still be set on the Projection tab)."""
    try:
        session.update(
            years_of_experience=answers.years_of_experience,
            current_salary=answers.current_salary,
            industry=answers.industry,
        )
    except ValidationError:
        return "Your answers could not be used; set them on the Projection tab."
    return None
