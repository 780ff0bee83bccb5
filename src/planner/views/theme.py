"""Light, dark or the system's scheme, for widgets and charts alike.

Qt follows the system scheme only where the platform theme reports it, so the app sets the palette itself
(Fusion style) and tells every chart to recolour: pyqtgraph does not recolour existing plots.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark")


def dark_palette() -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    colors = {
        role.Window: "#2b2d30",
        role.WindowText: "#e6e6e6",
        role.Base: "#1e1f22",
        role.AlternateBase: "#27292c",
        role.ToolTipBase: "#3c3f41",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8c8c8c",
        role.Text: "#e6e6e6",
        role.Button: "#3a3d41",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Link: "#6cb4ff",
        role.Highlight: "#2f65ca",
        role.HighlightedText: "#ffffff",
        role.Light: "#4a4d52",
        role.Midlight: "#404347",
        role.Mid: "#33363a",
        role.Dark: "#1a1b1e",
        role.Shadow: "#000000",
    }
    for r, c in colors.items():
        p.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#7a7a7a"))
    return p


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Set the palette for the chosen theme; 'system' follows the desktop's light/dark scheme."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    palette = dark_palette() if dark else app.style().standardPalette()
    if palette != app.palette():  # an unchanged palette would still repolish and redraw every widget
        app.setPalette(palette)


def is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
