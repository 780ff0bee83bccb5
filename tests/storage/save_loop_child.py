"""Child process of test_kill_while_saving: saves profiles in a loop until it is killed.

    python save_loop_child.py loop PROFILE_PATH VARIANT_FILE...
        print "ready", then write the variants in turn, forever, through the app's real atomic write of
        the data folder's files.
    python save_loop_child.py fork-server PROFILE_PATH VARIANT_FILE...
        for each line "go N" on stdin, fork a fresh process that does the same loop (starting at variant N) and
        print its pid; once it has been killed, print its wait status. Importing Qt once and forking is ten
        times quicker than starting an interpreter per kill, so the test can afford hundreds of kills.

Imports only what the write needs, so a child starts quickly.
"""

import os
import sys
from pathlib import Path

from planner.storage.safe_files import write_in_folder


def save_forever(target: Path, variants: list[bytes], start: int) -> None:
    i = start
    while True:
        write_in_folder(target, variants[i % len(variants)])
        i += 1


def main() -> None:
    mode, target = sys.argv[1], Path(sys.argv[2])
    variants = [Path(p).read_bytes() for p in sys.argv[3:]]
    if mode == "loop":
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        save_forever(target, variants, 0)
    while line := sys.stdin.readline():
        start = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                save_forever(target, variants, start)
            finally:
                os._exit(1)
        sys.stdout.write(f"{pid}\n")
        sys.stdout.flush()
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(f"{status}\n")
        sys.stdout.flush()


main()
