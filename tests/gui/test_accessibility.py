"""Every tab can be used with the keyboard and a screen reader: names on controls, chart data as tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QTableView,
    QWidget,
)

from planner.tabs import TABS as REGISTRY
from planner.views.charts import chart_of

TABS = [spec.id for spec in REGISTRY]  # every tab of the registry, by id


def keyboard_controls(root: QWidget) -> list[QWidget]:
    """Widgets Tab can reach inside root, in the order Tab visits them."""
    found: list[QWidget] = []
    widget = root.nextInFocusChain()
    for _ in range(2000):
        if widget is root:
            break
        if (
            root.isAncestorOf(widget)
            and widget.isVisibleTo(root)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None  # Qt's Tab skips it: its proxy takes the focus
            and widget not in found
        ):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def buddies(root: QWidget) -> set[QWidget]:
    return {label.buddy() for label in root.findChildren(QLabel) if label.buddy() is not None}


def name_of(widget: QWidget, labelled: set[QWidget]) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if widget in labelled:
        return "(labelled)"
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    return ""


@pytest.fixture
def window(qtbot: Any, main_context: Any) -> Any:
    main_context.window.resize(1400, 900)
    # A salary and one offer, so the Offers tab shows its editor, comparison and leave box (with none it shows a
    # sentence and its Add button, checked in test_offers_tab.py).
    from planner.domain.plans import Offer

    offer = Offer(id="offer-1", employer_name="Acme", base=180_000, equity_grant=100_000, added_on=dt.date(2026, 1, 1))
    main_context.session.edit("add an offer", current_salary=145_000, offers=[offer])
    return main_context.window


@pytest.mark.parametrize("title", TABS)
def test_every_control_has_a_name(window: Any, title: str) -> None:
    tab = window.tab_widget(title)
    window.tabs.setCurrentWidget(tab)
    labelled = buddies(tab)
    controls = keyboard_controls(tab)
    assert len(controls) >= 2
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in controls if not name_of(w, labelled).strip()]
    assert unnamed == []


@pytest.mark.parametrize("title", TABS)
def test_tab_key_reaches_every_control_in_order(qtbot: Any, window: Any, title: str) -> None:
    tab = window.tab_widget(title)
    window.tabs.setCurrentWidget(tab)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    controls = keyboard_controls(tab)
    controls[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is controls[0])
    visited = [controls[0]]
    for _ in range(len(controls) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == controls, "Tab visits every control once, in the chain's order"
    # Nothing but named controls on the way: no nameless inner widget (a chart's viewport, a scroll area).
    labelled = buddies(tab)
    assert all(name_of(w, labelled) for w in visited)


@pytest.mark.parametrize("title", [t for t in TABS if t != "skills"])
def test_each_chart_has_its_data_as_a_table(window: Any, title: str) -> None:
    tab = window.tab_widget(title)
    window.tabs.setCurrentWidget(tab)
    assert chart_of(tab) is not None
    assert chart_of(tab).accessibleName()
    tables = [t for t in tab.findChildren(QTableView) if t.isVisibleTo(tab) and t.model() is not None]
    assert tables, f"{title} shows its chart's figures in a table too"
    table = getattr(tab, "table", tables[0])  # the chart's own table, where the tab names one
    assert table.accessibleName()
    assert table.model().rowCount() > 0
    assert table.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers


def test_the_save_status_and_menus_have_names(window: Any) -> None:
    assert window.save_status.accessibleName() == "Save status"
    for action in window.menuBar().actions():
        assert "&" in action.text(), f"menu {action.text()} has a keyboard mnemonic"


def test_every_focusable_widget_has_a_name(window: Any) -> None:
    """Any widget that can take the focus (by Tab or by a click), the tab area included: a screen reader names it.
    Combo boxes' pop-up lists and spin boxes' inner editors are named through their owner; a widget with a focus
    proxy (a QTabWidget: its tab bar) never holds the focus itself, its proxy does and is named."""
    for title in TABS:
        window.tab_widget(title)
    labelled = buddies(window)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in window.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.focusProxy() is None
        and type(w.parent()).__name__ not in ("QFrame", "QComboBoxPrivateContainer")  # a combo's pop-up list
        and w.objectName() != "qt_spinbox_lineedit"
        and not name_of(w, labelled).strip()
    ]
    assert unnamed == []


def test_ctrl_and_a_tab_s_number_put_the_focus_in_that_tab(qtbot: Any, window: Any) -> None:
    """After Ctrl+N the keyboard works the tab at once (not its label in the tab bar): typing or Space acts there."""
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    for number, spec in enumerate(REGISTRY, start=1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        tab = window.tabs.currentWidget()
        assert window.tabs.tabText(window.tabs.currentIndex()) == spec.title
        focused = QApplication.focusWidget()
        assert focused is not None
        assert tab.isAncestorOf(focused), f"{spec.title}: the focus is on {focused!r}"
        assert focused is tab.focusProxy()
