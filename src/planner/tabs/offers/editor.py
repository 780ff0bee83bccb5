"""The Offers tab's editor: an offer's fields (each with what it is and, when refused, the message under it), its
vesting and location choices, the match with the article (and a suggestion to confirm) and the scenario button."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.presenters.choices import Choice
from planner.tabs.offers.form import VEST_EVERY_CHOICES, VESTING_CHOICES, OfferForm
from planner.tabs.offers.models import REFRESHER_DEFAULT
from planner.views.plain import error_label, plain_label
from planner.views.theme import error_color, is_dark

# Alt keys of the tab (the window's are the menus' letters): each used once, tests check it. Fields without a
# letter are reached with Tab.
FIELD_LABELS = {
    "employer_name": "Employer &name",
    "base": "&Base salary ($ a year)",
    "bonus_percent": "Tar&get bonus (% of base)",
    "sign_on": "Sign-&on bonus ($)",
    "sign_on_repay_months": "Re&pay the sign-on if you leave before (months)",
    "equity_grant": "E&quity grant ($, whole grant)",
    "cliff_months": "C&liff (months)",
    "custom_vesting": "Custo&m yearly %",
    "refresher_percent": "&Refreshers (% of grant a year)",
    "price_low": "Stock price change, low case (%)",
    "price_high": "Stock price change, high case (%)",
}
FIELD_HINTS = {
    "employer_name": "Free text: shown as you type it.",
    "base": "Your entry, e.g. 180,000 or 180k.",
    "bonus_percent": "Your entry: the bonus the offer targets.",
    "sign_on": "Your entry: paid in year 1; 0 if none.",
    "sign_on_repay_months": "Your entry: 0 if it is never repaid; at most the vesting schedule's length.",
    "equity_grant": "Your entry: the grant's value when offered.",
    "cliff_months": "Your entry: nothing vests before it (12 for a 1-year cliff).",
    "custom_vesting": "One percentage a year, e.g. 5, 15, 40, 40 (adds up to 100).",
    "refresher_percent": f"An assumption (default {REFRESHER_DEFAULT:g} %): new grants from year 2.",
    "price_low": "An assumption (default −50 %): the stock's change by the time equity vests.",
    "price_high": "An assumption (default +50 %); −100 % is worthless.",
}
LAYOUT = ("employer_name", "suggestion", "base", "location", "bonus_percent", "sign_on", "sign_on_repay_months",
          "equity_grant", "vesting", "vest_every", "cliff_months", "custom_vesting", "refresher_percent", "price_low",
          "price_high", "match")  # fmt: skip


class OfferField(QWidget):
    """A line edit with what it is beside it and, under it, the message when the input is refused."""

    def __init__(self, key: str, label: str, hint: str) -> None:
        super().__init__()
        self.key = key
        self.edit = QLineEdit()
        self.edit.setObjectName(f"offer_{key}")
        self.edit.setAccessibleName(label.replace("&", ""))
        self.edit.setAccessibleDescription(hint)
        self.hint = plain_label(hint)
        self.hint.setObjectName(f"offerHint_{key}")
        self.hint.setWordWrap(True)
        self.error = error_label(f"offerError_{key}")  # recoloured for the theme in restyle
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.edit.setAccessibleDescription(message or self.hint.text())


def _combo(name: str, accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)  # long choices never widen the panel
    return combo


class OfferEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label()
        self.title.setObjectName("offerFormTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.note = plain_label()
        self.note.setObjectName("offerFormNote")
        self.note.setWordWrap(True)
        self.fields: dict[str, OfferField] = {}
        self.vesting = _combo("offerVesting", "Vesting schedule")
        for choice in VESTING_CHOICES:
            self.vesting.addItem(choice.label, choice.value)
        self.vest_every = _combo("offerVestEvery", "How often a year's share vests")
        for choice in VEST_EVERY_CHOICES:
            self.vest_every.addItem(choice.label, choice.value)
        self.location = _combo("offerLocation", "Where the job is (a state or area, for taxes and BLS wages)")
        self.location.setEditable(True)  # type any part of a name: the completer finds it
        self.location.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.location.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.median = plain_label()
        self.median.setObjectName("offerMedian")
        self.median.setWordWrap(True)
        self.match = _combo("offerMatch", "Compare with the article's employer or industry")
        self.suggestion = plain_label()
        self.suggestion.setObjectName("offerSuggestion")
        self.suggestion.setWordWrap(True)
        self.accept = QPushButton("&Use it")
        self.accept.setObjectName("offerSuggestionYes")
        self.accept.setAccessibleName("Use the suggested match with the article")
        self.decline = QPushButton("Not this one")
        self.decline.setObjectName("offerSuggestionNo")
        self.decline.setAccessibleName("Do not use the suggested match")
        suggestion = QWidget()
        suggestion.setObjectName("offerSuggestionRow")
        row = QVBoxLayout(suggestion)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.suggestion)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept)
        buttons.addWidget(self.decline)
        buttons.addStretch(1)
        row.addLayout(buttons)
        self.suggestion_row = suggestion

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: a narrow panel
        combos = {
            "vesting": ("Ves&ting", self.vesting),
            "vest_every": ("Ve&sts", self.vest_every),
            "location": ("Locat&ion", self.location),
            "match": ("Compare &with the article's", self.match),
        }
        for key in LAYOUT:
            if key == "suggestion":
                form.addRow(suggestion)
            elif key in combos:
                text, widget = combos[key]
                label = QLabel(text)
                label.setBuddy(widget)
                form.addRow(label, widget)
                if key == "location":
                    form.addRow(self.median)
            else:
                field = OfferField(key, FIELD_LABELS[key], FIELD_HINTS[key])
                label = QLabel(FIELD_LABELS[key])
                label.setBuddy(field.edit)
                form.addRow(label, field)
                self.fields[key] = field
        self.scenario_button = QPushButton("Ma&ke a scenario of this offer")
        self.scenario_button.setObjectName("offerScenario")
        self.scenario_button.setAccessibleName("Start a scenario from this offer (drawn on the Projection tab)")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.scenario_button)

    def connect_to(self, tab: Any) -> None:
        """Forward the editor's intents as the tab's signals (``tab``: the OffersTab)."""
        for key, field in self.fields.items():
            field.edit.textEdited.connect(lambda text, k=key: tab.field_edited.emit(k, text))
            field.edit.editingFinished.connect(lambda k=key, e=field.edit: tab.field_committed.emit(k, e.text()))
        self.vesting.activated.connect(lambda i: tab.vesting_chosen.emit(self.vesting.itemData(i)))
        self.vest_every.activated.connect(lambda i: tab.vest_every_chosen.emit(self.vest_every.itemData(i)))
        self.location.activated.connect(lambda i: tab.location_chosen.emit(self.location.itemData(i) or ""))
        self.match.activated.connect(lambda i: tab.match_chosen.emit(self.match.itemData(i) or ""))
        self.accept.clicked.connect(tab.suggestion_accepted)
        self.decline.clicked.connect(tab.suggestion_declined)

    def set_choices(self, combo: QComboBox, choices: Sequence[Choice]) -> None:
        combo.clear()
        for choice in choices:
            combo.addItem(choice.label, choice.value)

    def show_form(self, form: OfferForm) -> None:
        self.title.setText(form.title)
        self.note.setText(form.note)
        for key, row in self.fields.items():
            text = form.texts.get(key, "")
            if row.edit.text() != text:
                row.edit.setText(text)
            row.set_error(form.errors.get(key, ""))
        self.vesting.setCurrentIndex(max(self.vesting.findData(form.vesting), 0))
        self.vest_every.setCurrentIndex(max(self.vest_every.findData(form.vest_every), 0))
        self.location.setCurrentIndex(max(self.location.findData(form.location), 0))
        self.match.setCurrentIndex(max(self.match.findData(form.match), 0))
        self.median.setText(form.median)
        self.median.setVisible(bool(form.median))
        self.suggestion.setText(form.suggestion)
        self.suggestion_row.setVisible(bool(form.suggestion))
        self.fields["custom_vesting"].edit.setEnabled(form.enabled and form.vesting == "custom")
        self.fields["cliff_months"].edit.setEnabled(form.enabled and form.vesting == "cliff")
        for key, field in self.fields.items():
            if key not in ("custom_vesting", "cliff_months"):
                field.edit.setEnabled(form.enabled)
        for widget in (self.vesting, self.vest_every, self.location, self.match):
            widget.setEnabled(form.enabled)
        self.scenario_button.setEnabled(form.enabled and not form.draft)

    def restyle(self) -> None:
        err = error_color(is_dark()).name()
        for row in self.fields.values():
            row.error.setStyleSheet(f"color: {err};")
