"""Run in a child process by test_scenario_dialog_fits.py (a screen's size and scale are fixed before Qt starts):
opens the scenario dialog on a scenario with a plan of its own over the real main window, on the offscreen screen
the environment configures, and prints what does not fit, as JSON: {"problems": [...], "dialog": [w, h]}."""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

from planner.app import build_window
from planner.domain.plans import AssumptionChanges, Offer, PlannedSkill, Scenario
from planner.domain.profile import Profile
from planner.startup import configure_application
from planner.storage.dataset_file import load_dataset
from planner.tabs.projection.scenario_dialog import ScenarioDialog, month_width


def profile() -> Profile:
    today = dt.date.today()
    offer = Offer(id="offer-1", employer_name="Example Analytics", base=118_000, added_on=today)
    scenario = Scenario(
        id="scenario-1",
        name="Consumer goods, faster raises and a plan of its own",
        industry="consumer-goods",
        offer="offer-1",
        market_area="0042660",
        plan={"mid.neural-networks": PlannedSkill(by=dt.date(today.year + 1, 9, 1), planned_on=today)},
        assumptions=AssumptionChanges(yearly_raise=0.04),
    )
    return Profile(years_of_experience=3, industry="finance", offers=[offer], scenarios=[scenario])


def inside(outer: QRect, inner: QRect) -> bool:
    return outer.left() <= inner.left() and inner.right() <= outer.right()


def problems(dialog: ScenarioDialog) -> list[str]:
    found: list[str] = []
    screen = dialog.screen().availableGeometry()
    if dialog.width() > screen.width() or dialog.height() > screen.height():
        found.append(f"dialog {dialog.size().toTuple()} larger than the screen {screen.size().toTuple()}")
    viewport = dialog.scroll_area.viewport()
    if dialog.inner.width() > viewport.width():
        found.append(f"content {dialog.inner.width()} px wider than its view {viewport.width()} px")

    def rect_in_view(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())

    for label in dialog.inner.findChildren(QLabel):
        if not label.isVisibleTo(dialog) or not label.text():
            continue
        name = label.text()[:30]
        if not inside(viewport.rect(), rect_in_view(label)):
            found.append(f"label {name!r} runs outside the view")
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                found.append(f"label {name!r} cut at the bottom")
        elif label.width() < label.minimumSizeHint().width():
            found.append(f"label {name!r} narrower than its text")
    for combo in dialog.findChildren(QComboBox):
        if not combo.isVisibleTo(dialog):
            continue
        if not inside(viewport.rect(), rect_in_view(combo)):
            found.append(f"combo box {combo.accessibleName()!r} (its arrow) runs outside the view")
        if combo.width() < combo.minimumSizeHint().width():
            found.append(f"combo box {combo.accessibleName()!r} narrower than its least width")
    table = dialog.plan_table
    header = table.horizontalHeader()
    right = header.sectionViewportPosition(1) + header.sectionSize(1)
    if right > table.viewport().width() or not inside(viewport.rect(), rect_in_view(table)):
        found.append("the plan's 'Learn by' header is cut")
    month = table.cellWidget(0, 1)
    if month is not None and header.sectionSize(1) < month_width(month):  # type: ignore[arg-type]
        found.append("the plan's month is narrower than 'September'")
    for widget in dialog.findChildren(QWidget):
        if (
            widget.focusPolicy() != widget.focusPolicy().NoFocus
            and widget.focusProxy() is None
            and widget.objectName() != "qt_spinbox_lineedit"
            and type(widget.parent()).__name__ not in ("QFrame", "QComboBoxPrivateContainer")
            and not widget.accessibleName()
            and not (isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip())
        ):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} has no accessible name")
    return found


def main() -> int:
    app = QApplication(sys.argv[:1])
    configure_application(app)
    with tempfile.TemporaryDirectory() as data_dir:
        ctx = build_window(app, load_dataset(), Path(data_dir), profile=profile())
        window = ctx.window
        available = app.primaryScreen().availableGeometry()
        window.resize(min(1300, available.width() - 24), min(700, available.height() - 40))
        window.show()
        tab = window.tab_widget("projection")
        window.tabs.setCurrentWidget(tab)
        app.processEvents()
        tab.scenario_edit_requested.emit("scenario-1")
        dialog = tab.scenario_dialog
        assert isinstance(dialog, ScenarioDialog)
        for _ in range(5):
            app.processEvents()
        result = {"problems": problems(dialog), "dialog": list(dialog.size().toTuple())}
        dialog.close()
        window.close()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
