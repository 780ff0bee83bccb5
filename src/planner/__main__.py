"""`python -m planner` does exactly what the `ml-career-planner` command does."""

import sys

from planner.main import main

sys.exit(main())
