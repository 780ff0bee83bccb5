"""Every tab can be used with the keyboard and a screen reader: names on controls, chart data as tables."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
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


def section_tabs_round(qtbot: Any, window: Any, key: Qt.Key) -> list[QWidget]:
    """From the section tabs, press key until the focus is back on them: what had the focus on the way, each with a
    part of it on screen when it had it (a pane scrolled away or closed shows none)."""
    bar = window.tabs.tabBar()
    assert QApplication.focusWidget() is bar
    modifier = Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_Backtab else Qt.KeyboardModifier.NoModifier
    visited: list[QWidget] = []
    for _ in range(200):  # a trap (two controls passing the focus to each other) would never come back
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        QApplication.processEvents()  # a pane opened, or scrolled, on the way: laid out as the eye would see it
        focused = QApplication.focusWidget()
        if focused is bar:
            return visited
        assert not focused.visibleRegion().isEmpty(), f"the focus is on {focused.accessibleName()!r}, out of sight"
        visited.append(focused)
    raise AssertionError(f"Tab never came back to the section tabs: {[w.accessibleName() for w in visited[-6:]]}")


@pytest.mark.parametrize("title", TABS)
def test_tab_from_the_section_tabs_goes_round_every_control_in_sight(qtbot: Any, window: Any, title: str) -> None:
    """At 1024×640, twice round (the second time with the panes scrolled and opened by the first): Tab from the
    section tabs reaches the tab's first control, every control once, in order, each in sight when it has the
    focus, then the section tabs again; Shift+Tab goes back the same way."""
    window.resize(1024, 640)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_tab(TABS.index(title))
    tab = window.tabs.currentWidget()
    controls = keyboard_controls(tab)
    window.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tabs.tabBar())
    for _ in range(2):
        names = [w.accessibleName() for w in section_tabs_round(qtbot, window, Qt.Key.Key_Tab)]
        assert names == [w.accessibleName() for w in controls]
    back = [w.accessibleName() for w in section_tabs_round(qtbot, window, Qt.Key.Key_Backtab)]
    assert back == [w.accessibleName() for w in reversed(controls)]


def mnemonic(text: str) -> str | None:
    letters = text.replace("&&", "").split("&")
    return letters[1][0].lower() if len(letters) > 1 and letters[1] else None


@pytest.mark.parametrize("title", TABS)
def test_each_alt_letter_is_used_once_among_what_is_shown(window: Any, title: str) -> None:
    """Alt+letter: the fields' and buttons' letters of the open tab and the menu bar's, each once (a letter used
    twice only moves between the two, and may never reach the one its label promises)."""
    window.show_tab(TABS.index(title))
    tab = window.tabs.currentWidget()
    shown = [w for w in tab.findChildren(QWidget) if w.isVisibleTo(tab)]
    texts = [w.text() for w in shown if isinstance(w, QLabel) and w.buddy() is not None]
    texts += [w.text() for w in shown if isinstance(w, QAbstractButton)]
    texts += [w.title() for w in shown if isinstance(w, QGroupBox) and w.isCheckable()]
    texts += [action.text() for action in window.menuBar().actions()]
    letters = Counter(m for m in map(mnemonic, texts) if m)
    assert {letter: n for letter, n in letters.items() if n > 1} == {}, texts


def test_each_menu_uses_an_alt_letter_once(window: Any) -> None:
    def check(menu: QMenu) -> None:
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        letters = Counter(m for m in map(mnemonic, texts) if m)
        assert {letter: n for letter, n in letters.items() if n > 1} == {}, (menu.title(), texts)
        for action in menu.actions():
            if action.menu() is not None:
                check(action.menu())

    for action in window.menuBar().actions():
        check(action.menu())


def test_the_help_page_lists_every_menu_shortcut(window: Any) -> None:
    """Help > How projections work has a table of the keys: every key a menu entry has is in it."""
    from planner.storage.exports import help_document

    page = help_document("how-projections-work")
    keys: list[str] = []
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            keys += [k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()[:1]]
    assert {"Ctrl+Q", "Ctrl+Z", "Ctrl+E", "F1", "Ctrl+1", "Ctrl+6"} <= set(keys)
    assert [key for key in keys if key not in page] == []
