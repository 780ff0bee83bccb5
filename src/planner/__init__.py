"""ML Career Planner: salaries, skills and a personal earnings projection for ML engineers."""

from importlib import metadata as _metadata

APP_NAME = "ML Career Planner"
APP_ID = "ml-career-planner"
DESKTOP_FILE_ID = "io.github.ml_career_planner.MLCareerPlanner"

try:
    __version__ = _metadata.version("ml-career-planner")
except _metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"
