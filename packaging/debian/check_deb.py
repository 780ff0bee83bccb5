"""Check the Debian package (`make deb-check`, part of `make test`): size, lintian, install, run, remove.

    python packaging/debian/check_deb.py DEB

1. The .deb is at most 50 MB.
2. apt can install it here: every package in Depends exists in the machine's archive (`apt-get --simulate`).
3. lintian reports no error (warnings are printed; packaging/debian/lintian-overrides gives the reason for each
   accepted tag).
4. dpkg installs it into a throw-away root (dpkg --root, its own empty package database; Depends are not checked
   there, the machine's own libraries serve), every promised file is in place, the installed executable passes
   --self-test, and `dpkg --remove` (what `apt remove` runs) leaves no file of the package behind.
Exit status 0 when everything holds; the first failure is printed and ends the check with status 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from planner import APP_ID, DESKTOP_FILE_ID
from planner.selftest import ICON_SIZES

MAX_MB = 50.0
PROMISED = [
    f"opt/{APP_ID}/{APP_ID}",
    f"usr/share/applications/{DESKTOP_FILE_ID}.desktop",
    f"usr/share/metainfo/{DESKTOP_FILE_ID}.metainfo.xml",
    f"usr/share/icons/hicolor/scalable/apps/{DESKTOP_FILE_ID}.svg",
    *(f"usr/share/icons/hicolor/{n}x{n}/apps/{DESKTOP_FILE_ID}.png" for n in ICON_SIZES),
    f"usr/share/doc/{APP_ID}/copyright",
    f"usr/share/doc/{APP_ID}/changelog.gz",
    f"usr/share/man/man1/{APP_ID}.1.gz",
]


class CheckFailedError(Exception):
    pass


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]


def check_size(deb: Path) -> None:
    mb = deb.stat().st_size / 1e6
    installed = int(run(["dpkg-deb", "--field", str(deb), "Installed-Size"]).stdout.strip() or 0)
    print(f"size: {mb:.1f} MB (at most {MAX_MB:.0f} MB), {installed / 1024:.0f} MiB installed")
    if mb > MAX_MB:
        raise CheckFailedError(f"{deb.name} is {mb:.1f} MB, more than {MAX_MB:.0f} MB")


def check_lintian(deb: Path) -> None:
    result = run(["lintian", "--fail-on", "error", "--tag-display-limit", "0", str(deb)])
    tags = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")]
    print(f"lintian: {len(tags)} unexplained tags")
    for line in tags:
        print(f"  {line}")
    if result.returncode != 0:
        raise CheckFailedError(f"lintian reported errors (exit {result.returncode}):\n{result.stdout}{result.stderr}")


def check_dependencies(deb: Path) -> None:
    cmd = ["apt-get", "install", "--simulate", "--quiet", str(deb.resolve())]
    result = run(cmd)
    if result.returncode != 0 and os.geteuid() == 0:  # no package lists yet: fetch them once
        run(["apt-get", "update", "-qq"])
        result = run(cmd)
    if result.returncode != 0:
        raise CheckFailedError(f"apt cannot install {deb.name}:\n{result.stdout}{result.stderr}")
    new = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("Inst ")]
    print(f"apt --simulate: installable; would add {', '.join(new)}")


def dpkg(root: Path, *args: str) -> str:
    force = ["--force-depends", *(["--force-not-root"] if os.geteuid() != 0 else [])]
    result = run(["dpkg", f"--root={root}", *force, *args])
    if result.returncode != 0:
        raise CheckFailedError(f"dpkg {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def files_outside_database(root: Path) -> list[str]:
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if not p.is_dir() and not p.relative_to(root).as_posix().startswith("var/lib/dpkg/")
    )


def check_install(deb: Path, tmp: Path) -> None:
    root = tmp / "root"
    for sub in ("info", "updates", "triggers"):
        (root / "var" / "lib" / "dpkg" / sub).mkdir(parents=True)
    for name in ("status", "available"):
        (root / "var" / "lib" / "dpkg" / name).touch()
    dpkg(root, "--install", str(deb))
    missing = [path for path in PROMISED if not (root / path).is_file()]
    if missing:
        raise CheckFailedError(f"installed, but missing: {', '.join(missing)}")
    link = root / "usr" / "bin" / APP_ID
    if not link.is_symlink() or os.readlink(link) != f"/opt/{APP_ID}/{APP_ID}":
        raise CheckFailedError(f"/usr/bin/{APP_ID} is not a link to /opt/{APP_ID}/{APP_ID}")
    home = tmp / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_", "PYTHON"))}
    env["HOME"] = str(home)
    result = run([str(root / "opt" / APP_ID / APP_ID), "--self-test"], env=env, cwd=home, timeout=300)
    print(f"installed --self-test: {result.stdout.strip() or result.stderr.strip()}")
    if result.returncode != 0:
        raise CheckFailedError(f"the installed app's --self-test failed (exit {result.returncode}):\n{result.stderr}")
    dpkg(root, "--remove", APP_ID)
    left = files_outside_database(root)
    if left:
        raise CheckFailedError(f"dpkg --remove left files behind: {', '.join(left[:10])}")
    print("install in a throw-away root, --self-test, remove: ok (nothing left behind)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("deb", type=Path)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="deb-check-"))
    try:
        check_size(args.deb)
        check_dependencies(args.deb)
        check_lintian(args.deb)
        check_install(args.deb, tmp)
    except CheckFailedError as exc:
        print(f"deb-check: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
