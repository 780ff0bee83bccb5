"""build_deb.py lays out the Debian package as promised, built here from a small stand-in bundle.

The real package (from the PyInstaller bundle) is built and checked by `make deb-check`, part of `make test`:
lintian, an install into a throw-away root, its --self-test and removal.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from planner import APP_ID, DESKTOP_FILE_ID
from planner.startup import XCB_LIBRARIES

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs Debian's dpkg-deb")


def build_deb() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_deb", ROOT / "packaging" / "debian" / "build_deb.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("deb")
    bundle = tmp / "bundle"
    (bundle / "_internal" / "data").mkdir(parents=True)
    (bundle / "_internal" / "data" / "file.txt").write_text("bundled\n")
    (bundle / "_internal" / "libX11.so.6").write_text("stand-in for the bundled copy of an X11 library\n")
    (bundle / "_internal" / "libpython3.11.so.1.0").write_text("stand-in for a library that stays bundled\n")
    exe = bundle / APP_ID
    exe.write_text('#!/bin/sh\necho "stand-in app $*"\n')
    exe.chmod(0o755)
    return build_deb().build(bundle, tmp / "out", tmp / "work")


def contents(deb: Path) -> dict[str, str]:
    """Path in the package -> the `dpkg-deb --contents` line (mode, owner, size, date, path[, -> target])."""
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True)
    lines = {}
    for line in listing.stdout.splitlines():
        path = line.split(maxsplit=5)[5].split(" -> ")[0].removeprefix("./")
        lines[path] = line
    return lines


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True).stdout


def test_the_package_installs_the_bundle_in_opt_and_the_desktop_files_in_usr(deb: Path) -> None:
    files = contents(deb)
    assert deb.name.startswith(f"{APP_ID}_")
    assert deb.name.endswith("_amd64.deb")
    for path in (
        f"opt/{APP_ID}/{APP_ID}",
        f"opt/{APP_ID}/_internal/data/file.txt",
        f"usr/share/applications/{DESKTOP_FILE_ID}.desktop",
        f"usr/share/metainfo/{DESKTOP_FILE_ID}.metainfo.xml",
        f"usr/share/icons/hicolor/scalable/apps/{DESKTOP_FILE_ID}.svg",
        f"usr/share/icons/hicolor/48x48/apps/{DESKTOP_FILE_ID}.png",
        f"usr/share/icons/hicolor/256x256/apps/{DESKTOP_FILE_ID}.png",
        f"usr/share/doc/{APP_ID}/copyright",
        f"usr/share/doc/{APP_ID}/changelog.gz",
        f"usr/share/man/man1/{APP_ID}.1.gz",
    ):
        assert path in files, path
    assert files[f"opt/{APP_ID}/{APP_ID}"].startswith("-rwxr-xr-x root/root")
    assert files[f"opt/{APP_ID}/_internal/data/file.txt"].startswith("-rw-r--r-- root/root")


def test_the_command_is_a_link_to_the_bundle_and_the_menu_entry_runs_it(deb: Path) -> None:
    link = contents(deb)[f"usr/bin/{APP_ID}"]
    assert link.startswith("l")
    assert link.endswith(f" -> /opt/{APP_ID}/{APP_ID}")
    desktop = (ROOT / "packaging" / "linux" / f"{DESKTOP_FILE_ID}.desktop").read_text()
    assert f"\nExec={APP_ID}\n" in desktop


def test_x11_libraries_come_from_debian_as_dependencies(deb: Path) -> None:
    files = contents(deb)
    assert f"opt/{APP_ID}/_internal/libX11.so.6" not in files
    assert f"opt/{APP_ID}/_internal/libpython3.11.so.1.0" in files
    depends = [d.strip().split()[0] for d in field(deb, "Depends").split(",")]
    assert set(XCB_LIBRARIES.values()) <= set(depends)
    assert depends[0] == "libc6"


def test_no_maintainer_scripts_are_needed(deb: Path) -> None:
    """Menu and icon caches are refreshed by desktop-file-utils' and the icon cache's own triggers."""
    control = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True, check=True).stdout
    for script in ("preinst", "postinst", "prerm", "postrm"):
        assert script not in control
    assert field(deb, "Package").strip() == APP_ID
