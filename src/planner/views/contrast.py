"""Readable text: WCAG contrast of two colours, the faintest text colour that still passes AA, and the colour a
widget paints its own text in."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def muted_text_color(palette: QPalette, minimum: float = 4.6) -> QColor:
    """A colour between the text and the background, as faint as it can be while keeping ``minimum`` contrast
    (WCAG AA asks 4.5:1) with both the window and the base background."""
    text = palette.color(QPalette.ColorRole.WindowText)
    backgrounds = (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base))
    back = backgrounds[0]
    for step in range(45, -1, -5):  # share of the background mixed in: 45 %, 40 % ... 0 %
        k = step / 100
        color = QColor.fromRgbF(
            text.redF() * (1 - k) + back.redF() * k,
            text.greenF() * (1 - k) + back.greenF() * k,
            text.blueF() * (1 - k) + back.blueF() * k,
        )
        if all(contrast(color, b) >= minimum for b in backgrounds):
            return color
    return text


def set_muted(label: QLabel) -> None:
    """Draw a note in a readable muted colour (a disabled label would be about 1.5:1 in a light theme)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, muted_text_color(QApplication.palette()))
    label.setPalette(palette)


def foreground(widget: QWidget) -> QColor:
    """The colour ``widget`` paints its own text in, as a QLabel does: its palette's foreground role, in the disabled
    colours when the widget is disabled."""
    palette = widget.palette()
    if not widget.isEnabled():
        palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
    return palette.color(widget.foregroundRole())
