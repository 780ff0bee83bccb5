"""Build the Debian package from the PyInstaller one-folder bundle (`make deb`), with dpkg-deb only.

    python packaging/debian/build_deb.py BUNDLE OUT_DIR

BUNDLE is dist/ml-career-planner (made by `make bundle`); the package is written to
OUT_DIR/ml-career-planner_<version>_amd64.deb. It installs
  /opt/ml-career-planner/                 the bundle
  /usr/bin/ml-career-planner              a link to the bundle's executable
  /usr/share/applications/, /usr/share/metainfo/, /usr/share/icons/hicolor/   the menu entry, AppStream data, icons
  /usr/share/doc/ml-career-planner/       copyright and changelog
  /usr/share/man/man1/ml-career-planner.1.gz
There are no maintainer scripts: desktop-file-utils and the icon cache update themselves through their own file
triggers on /usr/share/applications and /usr/share/icons/hicolor, and `apt remove` deletes every file listed here.

The bundle's copies of the X11 and fontconfig libraries are left out: they talk to the desktop's X server and
font configuration, so the package uses Debian's (which match them) and lists them in Depends. Depends is worked
out from the ELF files themselves: every shared library they need that the package does not contain is looked up
with `dpkg -S`, libc6 gets the newest GLIBC_ symbol version they use, and the packages Qt's xcb plugin needs
(planner.startup.XCB_LIBRARIES, the same list the app names when they are missing) are always listed.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from planner import APP_ID, DESKTOP_FILE_ID, __version__  # noqa: E402
from planner.startup import XCB_LIBRARIES  # noqa: E402

ARCH = "amd64"
MAINTAINER = "ML Career Planner team <ml-career-planner@users.noreply.github.com>"
HOMEPAGE = "https://github.com/ml-career-planner/ml-career-planner"
# Libraries PyInstaller copied from the build machine that Debian provides under the same package name from
# Debian 11 and Ubuntu 22.04 on: taken from Debian instead (security updates reach them; X11 and fontconfig must
# match the desktop's server and font configuration). Depends then lists the ones still needed.
FROM_DEBIAN = re.compile(
    r"lib(X11|X11-xcb|Xau|Xdmcp|xcb|xcb-[\w-]+|xkbcommon|xkbcommon-x11|fontconfig|freetype|png16|brotli\w+|z|bz2"
    r"|expat|tinfo)\.so\.[\d.]+$"
)
# Files left unstripped: stripping numpy's OpenBLAS breaks it ("ELF load command address/offset not page-aligned").
KEEP_SYMBOLS = ("_internal/numpy.libs/",)
# Libraries some plugin needs that may be absent on the build machine (so dpkg -S cannot name their package).
KNOWN_PACKAGES = {
    **XCB_LIBRARIES,
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
LIBC_SONAMES = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "ld-linux-x86-64.so.2"}
ELF_MAGIC = b"\x7fELF"


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == ELF_MAGIC


def dynamic_entries(elf: Path, tag: str) -> list[str]:
    """The values of one tag of an ELF file's dynamic section (NEEDED, RUNPATH, RPATH)."""
    out = subprocess.run(["objdump", "-p", str(elf)], capture_output=True, text=True, check=True).stdout
    return [line.split()[1] for line in out.splitlines() if line.split()[:1] == [tag]]


def needed_sonames(elf: Path) -> list[str]:
    return dynamic_entries(elf, "NEEDED")


def glibc_version(elves: list[Path]) -> str:
    """The newest GLIBC_2.x symbol version any of the files asks for."""
    found = {(2, 0)}
    for elf in elves:
        found.update((2, int(m)) for m in re.findall(rb"GLIBC_2\.(\d+)(?![\d.])", elf.read_bytes()))
    major, minor = max(found)
    return f"{major}.{minor}"


def owner_package(soname: str) -> str | None:
    """The Debian package that holds soname on this machine, or None when it is not installed."""
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths = [line.split(" => ")[1] for line in cache.splitlines() if line.strip().startswith(soname + " ")]
    for path in paths:
        for candidate in {path, os.path.realpath(path)}:
            result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
            if result.returncode == 0:
                return result.stdout.split(":")[0].split(",")[0].strip()
    return None


def depends(app_dir: Path) -> list[str]:
    elves = [p for p in app_dir.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    inside = {p.name for p in app_dir.rglob("*.so*")}
    packages = set(XCB_LIBRARIES.values())
    unknown = []
    for soname in sorted({s for elf in elves for s in needed_sonames(elf)} - inside - LIBC_SONAMES):
        package = owner_package(soname) or KNOWN_PACKAGES.get(soname)
        if package is None:
            unknown.append(soname)
        else:
            packages.add(package)
    if unknown:
        raise SystemExit(f"build_deb.py: no Debian package known for {', '.join(unknown)}; add it to KNOWN_PACKAGES")
    return [f"libc6 (>= {glibc_version(elves)})", *sorted(packages - {"libc6"})]


def install(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def gzip_to(text: bytes, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        gz.write(text)
    dest.chmod(0o644)


def stage_bundle(bundle: Path, app_dir: Path) -> None:
    shutil.copytree(bundle, app_dir, symlinks=True)
    for lib in app_dir.glob("_internal/*.so*"):
        if FROM_DEBIAN.match(lib.name):
            lib.unlink()
    elves = [p for p in app_dir.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    # A Python built by pyenv points its modules at the build machine's folder (RUNPATH /root/.pyenv/...): the
    # bundle loads libpython itself, so such a search path only ever points somewhere it should not. Search paths
    # inside the bundle ($ORIGIN/..., Qt's) stay.
    for elf in elves:
        paths = [p for tag in ("RUNPATH", "RPATH") for entry in dynamic_entries(elf, tag) for p in entry.split(":")]
        if paths and not any(p.startswith("$ORIGIN") for p in paths):
            subprocess.run(["chrpath", "--delete", str(elf)], check=True, capture_output=True)
    # The executable is left as PyInstaller made it (already stripped; its archive must stay intact).
    strip = [
        str(p)
        for p in elves
        if p != app_dir / APP_ID and not any(k in str(p.relative_to(app_dir)) for k in KEEP_SYMBOLS)
    ]
    if strip:
        subprocess.run(
            ["strip", "--strip-unneeded", "--remove-section=.comment", "--remove-section=.note", *strip], check=True
        )
    # Plain permissions: folders 0755, the executable 0755, everything else (shared libraries too) 0644.
    for path in [app_dir, *app_dir.rglob("*")]:
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() or path == app_dir / APP_ID else 0o644)


def control(depends_on: list[str], installed_kib: int) -> str:
    return (
        f"Package: {APP_ID}\n"
        f"Version: {__version__}\n"
        f"Architecture: {ARCH}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends_on)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Homepage: {HOMEPAGE}\n"
        "Description: plan a machine-learning engineering career, offline\n"
        " ML Career Planner shows what machine-learning engineers in the United\n"
        " States earn at each career level and in each industry, with the source of\n"
        " every figure, keeps a checklist of the skills each level asks for, and\n"
        " draws a personal earnings projection from assumptions you can see and\n"
        " change.\n"
        " .\n"
        " It needs no account and opens no network connection; your profile stays\n"
        " in your home folder. The application is self-contained under\n"
        " /opt/ml-career-planner (Python, Qt 6 and its libraries).\n"
    )


def build(bundle: Path, out_dir: Path, work: Path) -> Path:
    if not (bundle / APP_ID).is_file():
        raise SystemExit(f"build_deb.py: {bundle / APP_ID} is missing; run `make bundle` first")
    root = work / "root"
    if work.exists():
        shutil.rmtree(work)
    app_dir = root / "opt" / APP_ID
    stage_bundle(bundle, app_dir)
    usr = root / "usr"
    (usr / "bin").mkdir(parents=True)
    (usr / "bin" / APP_ID).symlink_to(f"/opt/{APP_ID}/{APP_ID}")  # across top-level folders: absolute
    linux, icons = ROOT / "packaging" / "linux", ROOT / "resources" / "icons"
    install(linux / f"{DESKTOP_FILE_ID}.desktop", usr / "share" / "applications" / f"{DESKTOP_FILE_ID}.desktop")
    install(linux / f"{DESKTOP_FILE_ID}.metainfo.xml", usr / "share" / "metainfo" / f"{DESKTOP_FILE_ID}.metainfo.xml")
    hicolor = usr / "share" / "icons" / "hicolor"
    install(icons / f"{DESKTOP_FILE_ID}.svg", hicolor / "scalable" / "apps" / f"{DESKTOP_FILE_ID}.svg")
    for png in sorted(icons.glob(f"hicolor/*/apps/{DESKTOP_FILE_ID}.png")):
        install(png, hicolor / png.relative_to(icons / "hicolor"))
    doc = usr / "share" / "doc" / APP_ID
    install(HERE / "copyright", doc / "copyright")
    gzip_to((HERE / "changelog").read_bytes(), doc / "changelog.gz")
    gzip_to((HERE / f"{APP_ID}.1").read_bytes(), usr / "share" / "man" / "man1" / f"{APP_ID}.1.gz")
    install(HERE / "lintian-overrides", usr / "share" / "lintian" / "overrides" / APP_ID)
    for path in [root, *root.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)

    files = sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    installed_kib = sum(-(-p.stat().st_size // 1024) for p in files) + len(list(root.rglob("*"))) // 10
    debian = root / "DEBIAN"
    debian.mkdir(mode=0o755)
    (debian / "control").write_text(control(depends(app_dir), installed_kib))
    md5sums = "".join(f"{hashlib.md5(p.read_bytes()).hexdigest()}  {p.relative_to(root)}\n" for p in files)
    (debian / "md5sums").write_text(md5sums)
    for name in ("control", "md5sums"):
        (debian / name).chmod(0o644)

    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{APP_ID}_{__version__}_{ARCH}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)], check=True)
    return deb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb", help="staging folder (replaced)")
    args = parser.parse_args()
    deb = build(args.bundle, args.out_dir, args.work)
    print(f"Debian package: {deb} ({deb.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
