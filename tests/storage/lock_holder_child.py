"""Child process of test_single_instance: holds the data folder's lock until stdin closes.

python lock_holder_child.py DATA_DIR   -> prints "locked" (or "refused") and waits
"""

import sys
from pathlib import Path

from planner.storage.instance_lock import DataDirLock

lock = DataDirLock(Path(sys.argv[1]))
sys.stdout.write("locked\n" if lock.try_lock() else "refused\n")
sys.stdout.flush()
sys.stdin.read()
lock.unlock()
