"""The app icon ships at every size desktops ask for, in every platform's format, and matches its SVG master."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage, QImageReader

from planner import DESKTOP_FILE_ID
from planner.storage.dataset_file import resource_root

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


@pytest.mark.parametrize("size", [48, 128, 256])
def test_hicolor_png_is_square_at_its_size(qapp: Any, size: int) -> None:
    png = resource_root() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_FILE_ID}.png"
    image = QImage.fromData(png.read_bytes(), "PNG")
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


@pytest.mark.parametrize(("suffix", "sizes"), [("ico", {16, 32, 48, 256}), ("icns", {16, 32, 128, 256, 512})])
def test_windows_and_macos_icons_hold_several_sizes(qapp: Any, suffix: str, sizes: set[int]) -> None:
    reader = QImageReader(str(ICONS / f"{DESKTOP_FILE_ID}.{suffix}"))
    found = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        found.add(image.width())
    assert sizes <= found


def test_committed_pngs_are_rendered_from_the_current_svg(qapp: Any) -> None:
    """Editing the SVG without `make icons` leaves stale PNGs behind; this notices."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "packaging" / "render_icons.py")
    assert spec is not None
    assert spec.loader is not None
    render_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icons)
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / f"{DESKTOP_FILE_ID}.svg"))
    assert renderer.isValid()
    png = ICONS / "hicolor" / "128x128" / "apps" / f"{DESKTOP_FILE_ID}.png"
    assert render_icons.render_png(renderer, 128) == png.read_bytes()
