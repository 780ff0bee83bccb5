"""kill -9 in the middle of a save loop, again and again: profile.json always loads, old or new, never torn."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from child_process import python_running
from planner.domain.profile import Profile, TickedSkill
from planner.storage.profile_store import LoadStatus, ProfileStore, encode_profile
from planner.storage.safe_files import clean_stale_temp_files

CHILD = Path(__file__).with_name("save_loop_child.py")


def variants() -> list[Profile]:
    """Profiles of different sizes, so a torn write could not pass for a whole one."""
    day = dt.date(2024, 5, 1)
    out = []
    for n in (1, 7, 23):
        skills = {f"skill.{k}-{'x' * (k * 13 % 40)}": TickedSkill(ticked_on=day) for k in range(n * 10)}
        out.append(Profile(skills=skills, years_of_experience=float(n), current_salary=90_000 + n))
    return out


@pytest.fixture
def saved(tmp_path: Path) -> tuple[ProfileStore, list[Profile], list[str]]:
    """A data folder holding a saved profile, and the command-line tail naming the variants a child saves."""
    profiles = variants()
    args = []
    for n, profile in enumerate(profiles):
        path = tmp_path / f"variant-{n}.json"
        path.write_bytes(encode_profile(profile))
        args.append(str(path))
    folder = tmp_path / "data"
    folder.mkdir()
    store = ProfileStore(folder)
    store.save(profiles[0])  # a previous profile exists before the first kill
    return store, profiles, [str(store.path), *args]


def child_command(mode: str, args: list[str]) -> list[str]:
    return python_running(CHILD, mode, *args)


def check_after_kills(store: ProfileStore, profiles: list[Profile], seen: list[Profile]) -> None:
    # Every load gave back one whole profile that was saved, never a mix or a fresh one.
    assert all(p in profiles for p in seen)
    # The children really were saving when killed: the file kept changing between kills.
    assert len({encode_profile(p) for p in seen}) > 1
    # A kill before the rename can leave the temporary file (profile.json.ml-career-planner-save-<hex>.tmp, maybe
    # half-written). It is never read, and the next start removes it (and only it).
    leftovers = [p for p in store.data_dir.iterdir() if p.name != "profile.json"]
    assert all(re.fullmatch(r"profile\.json\.ml-career-planner-save-[0-9a-f]{16}\.tmp", p.name) for p in leftovers)
    assert sorted(clean_stale_temp_files(store.data_dir, ("profile.json",))) == sorted(leftovers)
    assert [p.name for p in store.data_dir.iterdir()] == ["profile.json"]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_profile_survives_200_kills_during_save_loop(saved: tuple[ProfileStore, list[Profile], list[str]]) -> None:
    store, profiles, args = saved
    rng = random.Random(4)
    seen: list[Profile] = []
    server = subprocess.Popen(child_command("fork-server", args), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert server.stdin is not None
    assert server.stdout is not None
    try:
        for _ in range(200):
            server.stdin.write(f"go {rng.randrange(len(profiles))}\n".encode())
            server.stdin.flush()
            pid = int(server.stdout.readline())
            time.sleep(rng.uniform(0.0, 0.02))  # somewhere in the middle of a write, or between two
            os.kill(pid, signal.SIGKILL)
            status = int(server.stdout.readline())
            assert os.WIFSIGNALED(status), "the saver stopped by itself"
            assert os.WTERMSIG(status) == signal.SIGKILL
            result = store.load()
            assert result.status is LoadStatus.LOADED, result.message
            seen.append(result.profile)
    finally:
        server.stdin.close()
        server.wait(timeout=30)
        server.stdout.close()
    assert len(seen) == 200
    check_after_kills(store, profiles, seen)


def test_profile_survives_kills_of_freshly_started_savers(
    saved: tuple[ProfileStore, list[Profile], list[str]],
) -> None:
    """The same with a new interpreter per kill (no fork), fewer times because each start costs a third of a
    second."""
    store, profiles, args = saved
    rng = random.Random(5)
    seen: list[Profile] = []
    for _ in range(12):
        child = subprocess.Popen(child_command("loop", args), stdout=subprocess.PIPE)
        assert child.stdout is not None
        try:
            assert child.stdout.readline() == b"ready\n"
            time.sleep(rng.uniform(0.005, 0.03))
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        result = store.load()
        assert result.status is LoadStatus.LOADED, result.message
        seen.append(result.profile)
    check_after_kills(store, profiles, seen)
