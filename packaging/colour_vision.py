"""How the app's colours look to someone with deuteranopia (no green cones, the commonest colour blindness).

    python packaging/colour_vision.py IMAGE.png [...]   writes IMAGE-deuteranopia.png beside each image

Uses the simulation of Machado, Oliveira and Fernandes (2009) at full severity, applied in linear RGB. The tests
use ``simulate`` to check that the chart colours stay apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

# Machado et al. 2009, deuteranopia, severity 1.0 (linear RGB).
DEUTERANOPIA = np.array(
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
)


def _to_linear(srgb: np.ndarray) -> np.ndarray:
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _to_srgb(linear: np.ndarray) -> np.ndarray:
    linear = np.clip(linear, 0, 1)
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)


def simulate(rgb: np.ndarray) -> np.ndarray:
    """sRGB values in 0..255 (any shape ending in 3) as a deuteranope sees them, in 0..255."""
    linear = _to_linear(np.asarray(rgb, dtype=float) / 255)
    return _to_srgb(linear @ DEUTERANOPIA.T) * 255


def lab(rgb: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of sRGB values in 0..255, for colour differences (Delta E 1976)."""
    linear = _to_linear(np.asarray(rgb, dtype=float) / 255)
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = linear @ m.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def delta_e(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(lab(a) - lab(b)))


def convert(path: Path) -> Path:
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(height, stride)[:, : width * 3]
    seen = simulate(pixels.reshape(height, width, 3)).round().astype(np.uint8)
    data = np.ascontiguousarray(seen).tobytes()
    out = path.with_name(f"{path.stem}-deuteranopia.png")
    QImage(data, width, height, width * 3, QImage.Format.Format_RGB888).save(str(out))
    return out


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(convert(Path(name)))
