"""ML Career Planner: salaries, skills and a personal earnings projection for ML engineers."""

# The single place the version is written; pyproject.toml reads it from here.
__version__ = "0.1.0"

APP_NAME = "ML Career Planner"
APP_ID = "ml-career-planner"
DESKTOP_FILE_ID = "io.github.ml_career_planner.MLCareerPlanner"
