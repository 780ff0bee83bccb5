"""Entry script of the PyInstaller bundle: the same `main()` as the installed `ml-career-planner` command."""

import sys

from planner.main import main

if __name__ == "__main__":
    sys.exit(main())
