"""Light, dark or the system's scheme, for widgets and charts alike.

Qt follows the system scheme only where the platform theme reports it, so the app sets the palette itself
(Fusion style) and tells every chart to recolour: pyqtgraph does not recolour existing plots.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from planner.presenters.marks import YOU_MARK

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
        # Fusion outlines check boxes and frames with these: keep them well apart from Base and Window.
        role.Light: "#5c6066",
        role.Midlight: "#4d5156",
        role.Mid: "#686c73",
        role.Dark: "#7a7f87",
        role.Shadow: "#101113",
    }
    for r, c in colors.items():
        p.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#7a7a7a"))
    return p


class PlannerStyle(QProxyStyle):
    """Fusion, with check boxes outlined in the text colour: Fusion derives their outline from the window
    colour, which all but hides an unticked box on a dark palette."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        ):
            color = QColor(option.palette.color(QPalette.ColorRole.Text))  # type: ignore[attr-defined]
            color.setAlpha(150)
            rect = option.rect  # type: ignore[attr-defined]
            side = min(rect.width(), rect.height(), 14)
            box = QRect(0, 0, side, side)
            box.moveCenter(rect.center())
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(color, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 2, 2)
            painter.restore()


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Set the palette for the chosen theme; 'system' follows the desktop's light/dark scheme."""
    if not isinstance(app.style(), PlannerStyle):
        app.setStyle(PlannerStyle())
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    palette = dark_palette() if dark else app.style().standardPalette()
    if palette != app.palette():  # an unchanged palette would still repolish and redraw every widget
        app.setPalette(palette)


def _restyle_windows(app: QApplication) -> None:
    """Recolour what the palette does not reach by itself (charts), now: Qt tells the widgets of a palette change
    only when the event loop runs next."""
    for window in app.topLevelWidgets():
        restyle = getattr(window, "restyle", None)
        if callable(restyle):
            restyle()


@contextmanager
def light_palette() -> Iterator[None]:
    """The light palette while the block runs, whatever the theme, then the palette before: charts drawn for
    paper or for a file (the report, exports) are light. The charts are recoloured both ways with no event loop
    run in between, so the screen never shows the light palette."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QPalette(app.palette())
    light = app.style().standardPalette()
    if before == light:
        yield
        return
    app.setPalette(light)
    _restyle_windows(app)
    try:
        yield
    finally:
        app.setPalette(before)
        _restyle_windows(app)


def is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


# --- one visual language ------------------------------------------------------------------------------------------
# Colours from Okabe and Ito's colour-blind-safe set (https://jfly.uni-koeln.de/color/), lightened where a dark
# background needs it. "You" is vermillion with a star on every tab (your level and salary, your industry and
# employer, your curve); the article's figures are blue (and bluish green for a second group); the app's own
# reference marks are neutral. Selection is never one of these: it uses the palette's Highlight colours.

YOU_SYMBOL = "star"  # pyqtgraph symbol for "you" on every chart
YOU_TEXT_MARK = YOU_MARK  # the same mark in text: labels, tables, chart keys (presenters write it too)
YOU_LABEL = "You"


def you_color(dark: bool | None = None) -> QColor:
    """The one colour that means "you" on every tab (vermillion; lighter on a dark background)."""
    return QColor("#f08a3c") if (is_dark() if dark is None else dark) else QColor("#c84f00")


def chart_colors(dark: bool) -> dict[str, QColor]:
    """Series colours for charts: colour-blind safe, legible on the light and the dark palette."""
    return {
        "bar": QColor("#56b4e9") if dark else QColor("#0072b2"),  # the article's figures
        "bar_edge": QColor("#b5dcf5") if dark else QColor("#004a75"),
        "bar_second": QColor("#3cc4a0") if dark else QColor("#009e73"),  # a second group (employers)
        "average": QColor("#f2f2f2") if dark else QColor("#1a1a1a"),  # averages: diamonds, in the text colour
        "band": QColor(200, 200, 200, 38) if dark else QColor(90, 90, 90, 30),  # the article's overall range
        "band_edge": QColor("#b0b0b0") if dark else QColor("#606060"),
        "ceiling": QColor("#e69acb") if dark else QColor("#9a3a78"),  # reddish purple: a reference line
        "conflict": QColor("#e69acb") if dark else QColor("#9a3a78"),  # with triangles: a conflicting figure
        "you": you_color(dark),
        "muted": QColor("#9e9e9e") if dark else QColor("#707070"),
        # Kept for the Projection tab until its rewrite (level changes): Okabe-Ito orange, never "you" nor selection.
        "highlight": QColor("#e69f00") if dark else QColor("#a86f00"),
    }


def error_color(dark: bool) -> QColor:
    """The colour of a message refusing an input, legible on the light and the dark palette."""
    return QColor("#ff8a80") if dark else QColor("#b71c1c")
