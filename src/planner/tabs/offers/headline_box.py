"""The top of the Offers tab's comparison: what every offer is compared against (a combo box), then one line per
offer, "Acme: +$83,800 a year in year one (+57.8 %), $38,000 of it guaranteed", its details (the four-year average,
what is at risk, the stock range, after tax, the BLS median) in the line's tooltip and accessible description, and in
the table when the job's name is selected there. Compact, so the chart keeps its room with several offers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from planner.domain.text import plain_tooltip
from planner.presenters.choices import Choice
from planner.tabs.offers.figures import Headline
from planner.views.plain import plain_label

HOVER_HINT = "Hover a line for its details."  # and the job's name in the table (the explanation under it says so)


class HeadlineBox(QWidget):
    baseline_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offersHeadline")
        self.setAccessibleName("Each offer at a glance")
        self.baseline = QComboBox()
        self.baseline.setObjectName("offersBaseline")
        self.baseline.setAccessibleName("Compare each offer against")
        self.baseline.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.baseline.setMinimumContentsLength(18)
        self.baseline.activated.connect(lambda i: self.baseline_chosen.emit(self.baseline.itemData(i)))
        label = QLabel("Compare against:")
        label.setBuddy(self.baseline)
        self.hint = plain_label(HOVER_HINT)
        self.hint.setObjectName("offersHeadlineHint")
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the tab
        policy.setRetainSizeWhenHidden(True)  # hidden (no offer compared), it still keeps the combo box its size
        self.hint.setSizePolicy(policy)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.baseline)
        top.addWidget(self.hint, 1)
        self.lines_box = QVBoxLayout()
        self.lines_box.setSpacing(0)
        self.lines: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(self.lines_box)

    def set_baselines(self, choices: Sequence[Choice], current: str) -> None:
        combo = self.baseline
        if [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())] != [
            (c.value, c.label) for c in choices
        ]:
            combo.clear()
            for choice in choices:
                combo.addItem(choice.label, choice.value)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    def show_headlines(self, headlines: Sequence[Headline], names: Mapping[str, str]) -> None:
        """One bold line per offer (plain text: the names are as typed), its details on hover."""
        while len(self.lines) < len(headlines):
            line = plain_label()
            line.setObjectName(f"offersHeadline{len(self.lines) + 1}")
            line.setWordWrap(True)  # a narrow window: the line wraps rather than being cut
            line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = line.font()
            font.setBold(True)
            line.setFont(font)
            self.lines_box.addWidget(line)
            self.lines.append(line)
        for n, line in enumerate(self.lines):
            if n >= len(headlines):
                line.hide()
                continue
            h = headlines[n]
            text = f"{names.get(h.key, '')}: {h.main}"
            line.setText(text)
            line.setToolTip(plain_tooltip(h.details))
            line.setAccessibleName(text)
            line.setAccessibleDescription(h.details)
            line.show()
        self.hint.setVisible(bool(headlines))

    def texts(self) -> list[str]:
        """The lines shown (for tests and the accessibility check)."""
        return [line.text() for line in self.lines if not line.isHidden()]
