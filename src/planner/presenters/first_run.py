"""The first run: a short welcome asks where the user stands today; the answers go into the shared profile."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pydantic import ValidationError

from planner.domain.dataset import Dataset
from planner.domain.profile import TickedSkill
from planner.domain.projection_basis import article_level_index
from planner.presenters.choices import Choice
from planner.presenters.session import ProfileSession


@dataclass(frozen=True)
class WelcomeAnswers:
    years_of_experience: float
    current_salary: int | None  # optional
    industry: str | None  # None: all industries
    current_level: str | None = None  # None: the level the article's years give
    skills: tuple[str, ...] = ()  # ticked in the welcome


@dataclass(frozen=True)
class SkillChoices:
    name: str  # "General skills (every level)", "Entry level" ...
    level_id: str | None
    skills: tuple[Choice, ...]


@dataclass(frozen=True)
class WelcomeQuestions:
    industries: list[Choice]
    levels: list[Choice]  # one per level, value = level id
    article_years: dict[str, str] = field(default_factory=dict)  # level id -> "5–10 years"
    groups: tuple[SkillChoices, ...] = ()
    dataset: Dataset | None = None

    def level_for_years(self, years: float) -> str | None:
        """The level the article's years give (what the welcome pre-fills)."""
        if self.dataset is None:
            return None
        return self.dataset.levels[article_level_index(self.dataset, years)].id


def industry_choices(dataset: Dataset) -> list[Choice]:
    return [Choice(None, "All industries / not sure"), *(Choice(i.id, i.name) for i in dataset.industries)]


def welcome_questions(dataset: Dataset) -> WelcomeQuestions:
    return WelcomeQuestions(
        industries=industry_choices(dataset),
        levels=[Choice(lv.id, lv.name) for lv in dataset.levels],
        article_years={lv.id: lv.experience.label for lv in dataset.levels},
        groups=tuple(
            SkillChoices(g.name, g.level.id if g.level else None, tuple(Choice(sk.id, sk.name) for sk in g.skills))
            for g in dataset.skill_groups()
        ),
        dataset=dataset,
    )


FIRST_STEP = (
    "Next step: tick the skills you already have on the Skills tab (Ctrl+3). Your projected earnings on the "
    "Projection tab (Ctrl+4) move with each tick, and say by how much."
)
AFTER_WELCOME = "projection"  # the tab the answers show on, opened once they are in


def apply_welcome(session: ProfileSession, answers: WelcomeAnswers, today: dt.date | None = None) -> str | None:
    """Put the answers into the profile; returns a message when they could not be used (the profile then keeps
    its defaults, and every field can still be set on the Projection tab)."""
    day = today or dt.date.today()
    skills = dict(session.profile.skills)
    for skill_id in answers.skills:
        skills.setdefault(skill_id, TickedSkill(ticked_on=day))
    try:
        session.edit(
            "answer the welcome",
            years_of_experience=answers.years_of_experience,
            current_salary=answers.current_salary,
            industry=answers.industry,
            current_level=answers.current_level,
            skills=skills,
        )
    except ValidationError:
        return "Your answers could not be used; set them on the Projection tab."
    return None
