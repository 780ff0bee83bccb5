"""Message boxes and labels that show their text as plain text (file names, paths and names from files included).

Qt guesses rich text for QLabel and QMessageBox text by default, so a file named ``<h1>x.json`` would render as a
heading; every message box of the app goes through ``message_box`` and every label showing such text is made with
``plain_label`` (see ``planner.domain.text`` for text that must join rich text).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def error_label(name: str = "") -> QLabel:
    """The message under a field whose input was refused: plain text (it may quote what was typed), wrapped, red,
    hidden until there is a message."""
    label = plain_label()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.hide()
    return label


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> QMessageBox:
    """A message box (not shown yet) whose text is plain text."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def ask(parent: QWidget | None, title: str, question: str, buttons: Button, default: Button) -> Button:
    """QMessageBox.question with plain text; the button pressed."""
    box = message_box(parent, QMessageBox.Icon.Question, title, question, buttons, default)
    box.exec()
    answer = box.standardButton(box.clickedButton()) if box.clickedButton() is not None else Button.Cancel
    box.deleteLater()
    return Button(answer)


def tell(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """QMessageBox.information / warning / critical with plain text."""
    box = message_box(parent, icon, title, text)
    box.exec()
    box.deleteLater()


def unavailable_page(object_name: str, title: str, reason: str) -> QWidget:
    """A tab whose data could not be read (a damaged installation): what is missing, why, and that the rest of the
    app works, in plain text, instead of an empty page."""
    from PySide6.QtWidgets import QVBoxLayout

    page = QWidget()
    page.setObjectName(object_name)
    layout = QVBoxLayout(page)
    heading = plain_label(title)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    text = plain_label(reason)
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    text.setAccessibleName(title)
    layout.addWidget(heading)
    layout.addWidget(text)
    layout.addStretch(1)
    page.setFocusProxy(text)
    return page
