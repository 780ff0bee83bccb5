"""install.sh and uninstall.sh, run as a user would, against a small stand-in bundle in a temporary home."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from planner import APP_ID, DESKTOP_FILE_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the install scripts are bash scripts")


@pytest.fixture
def release(tmp_path: Path) -> Path:
    """A release folder laid out by make-release-dir.sh from a stand-in bundle that prints its arguments."""
    bundle = tmp_path / "bundle"
    (bundle / "_internal" / "data").mkdir(parents=True)
    (bundle / "_internal" / "data" / "file.txt").write_text("bundled\n")
    exe = bundle / APP_ID
    exe.write_text('#!/bin/sh\necho "stand-in app $*"\n')
    exe.chmod(0o755)
    out = tmp_path / "release"
    subprocess.run([str(LINUX / "make-release-dir.sh"), str(bundle), str(out)], check=True)
    return out


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home with space"
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "other-tool").write_text("not ours\n")
    (home / ".local" / "share" / "applications").mkdir(parents=True)
    (home / ".local" / "share" / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    return home


def run(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    return subprocess.run(["bash", str(script), "--user", *args], env=env, capture_output=True, text=True, check=False)


def tree(root: Path) -> dict[str, str]:
    """Every path under root with what it is (and a link's target), to compare before and after."""
    result = {}
    for path in sorted(root.rglob("*")):
        kind = (
            f"link -> {os.readlink(path)}" if path.is_symlink() else "dir" if path.is_dir() else path.read_bytes().hex()
        )
        result[str(path.relative_to(root))] = kind
    return result


def test_install_puts_the_app_the_command_the_menu_entry_and_icons_in_place(release: Path, home: Path) -> None:
    result = run(release / "install.sh", home)
    assert result.returncode == 0, result.stderr
    libdir = home / ".local" / "lib" / APP_ID
    launcher = home / ".local" / "bin" / APP_ID
    share = home / ".local" / "share"

    assert launcher.is_symlink()
    assert launcher.resolve() == (libdir / APP_ID).resolve()
    started = subprocess.run([str(launcher), "--self-test"], capture_output=True, text=True, check=True)
    assert started.stdout.strip() == "stand-in app --self-test"
    assert (libdir / "_internal" / "data" / "file.txt").read_text() == "bundled\n"

    desktop = (share / "applications" / f"{DESKTOP_FILE_ID}.desktop").read_text()
    assert f'Exec="{libdir / APP_ID}"' in desktop.splitlines()
    assert f"TryExec={libdir / APP_ID}" in desktop.splitlines()
    assert f"Icon={DESKTOP_FILE_ID}" in desktop.splitlines()
    assert (share / "metainfo" / f"{DESKTOP_FILE_ID}.metainfo.xml").is_file()
    for size in ("48x48", "128x128", "256x256"):
        assert (share / "icons" / "hicolor" / size / "apps" / f"{DESKTOP_FILE_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_FILE_ID}.svg").is_file()

    manifest = (libdir / "install-manifest.txt").read_text().splitlines()
    assert str(launcher) in manifest
    assert str(share / "applications" / f"{DESKTOP_FILE_ID}.desktop") in manifest
    assert str(home / ".local" / "bin") + "/" not in manifest  # it was there before: not ours to remove


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_installed_menu_entry_is_valid(release: Path, home: Path) -> None:
    run(release / "install.sh", home)
    desktop = home / ".local" / "share" / "applications" / f"{DESKTOP_FILE_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_uninstall_removes_exactly_what_install_added(release: Path, home: Path) -> None:
    before = tree(home)
    assert run(release / "install.sh", home).returncode == 0
    assert tree(home) != before
    result = run(home / ".local" / "lib" / APP_ID / "uninstall.sh", home)
    assert result.returncode == 0, result.stderr
    assert tree(home) == before


def test_installing_again_replaces_the_previous_installation(release: Path, home: Path) -> None:
    assert run(release / "install.sh", home).returncode == 0
    libdir = home / ".local" / "lib" / APP_ID
    (release / APP_ID / "_internal" / "data" / "file.txt").unlink()  # the new version no longer ships it
    result = run(release / "install.sh", home)
    assert result.returncode == 0, result.stderr
    assert not (libdir / "_internal" / "data" / "file.txt").exists()
    assert (home / ".local" / "bin" / APP_ID).is_symlink()


def test_someone_elses_command_is_never_replaced(release: Path, home: Path) -> None:
    theirs = home / ".local" / "bin" / APP_ID
    theirs.write_text("someone else's\n")
    before = tree(home)
    result = run(release / "install.sh", home)
    assert result.returncode == 0, result.stderr
    assert theirs.read_text() == "someone else's\n"
    assert "left alone" in result.stderr
    run(home / ".local" / "lib" / APP_ID / "uninstall.sh", home)
    assert tree(home) == before


def test_uninstall_without_an_installation_says_so(home: Path) -> None:
    result = run(LINUX / "uninstall.sh", home)
    assert result.returncode == 1
    assert "no installation found" in result.stderr
