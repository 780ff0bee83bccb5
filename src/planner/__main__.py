"""`python -m planner` does exactly what the `ml-career-planner` command does."""

import sys

from planner.app import main

sys.exit(main())
