"""Whether the data folder can be chosen at all: the checks made before anything is created.

Without a home folder (``HOME`` unset or empty, and no ``XDG_DATA_HOME``), Qt's application data folder would be
``/.local/share/ml-career-planner``, at the root of the disk; an empty ``--data-dir ""`` would be the current
folder. Both are refused with a sentence for the user, before any folder or file is made.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

NO_HOME = (
    "There is no home folder (the HOME environment variable is not set), so the app does not know where to keep "
    "your data. Set HOME, or choose a folder with --data-dir DIR. Nothing was created."
)
EMPTY_DATA_DIR = "--data-dir needs a folder name; an empty one would be the current folder. Nothing was created."


def data_dir_argument(text: str) -> str:
    """``--data-dir``'s value as typed; ValueError (with the sentence) when it is empty or only spaces."""
    if not text.strip():
        raise ValueError(EMPTY_DATA_DIR)
    return text


def home_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """Why the default data folder cannot be used (no home folder), or None. Windows keeps it under %APPDATA%."""
    if platform.startswith("win"):
        return None
    xdg = environ.get("XDG_DATA_HOME", "")
    if platform.startswith("linux") and xdg and os.path.isabs(xdg):
        return None
    home = environ.get("HOME", "")
    if not home or not os.path.isabs(home):
        return NO_HOME
    return None
