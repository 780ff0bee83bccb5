"""The main window: one tab per part of the plan, a message banner and a status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner import APP_NAME
from planner.domain.text import escape, plain_tooltip
from planner.views.charts import chart_of
from planner.views.keyboard_focus import KeyboardFocus
from planner.views.plain import plain_label
from planner.views.theme import THEMES, error_color, is_dark
from planner.views.wheel_guard import guard_wheel


class MessageBanner(QWidget):
    """A dismissible strip above the tabs for things the user must not miss (never a modal dialog)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setAccessibleName("Message")
        self.label = plain_label()  # messages name files and folders: shown as they are, never as markup
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName("Message")  # then the message itself (set_text): read instead of a fixed name
        self.close_button = QPushButton("Dismiss")
        self.close_button.setAccessibleName("Dismiss message")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.setAutoFillBackground(True)
        self.restyle()
        self.hide()

    def restyle(self) -> None:
        if is_dark():
            self.setStyleSheet(
                "#messageBanner { background: #4a3f12; border-bottom: 1px solid #8a7425; }"
                "#messageBanner QLabel { color: #fff2c2; }"
            )
        else:
            self.setStyleSheet(
                "#messageBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }"
                "#messageBanner QLabel { color: #3b2f00; }"
            )

    def show_message(self, text: str) -> None:
        current = self.label.text()
        # isHidden, not isVisible: messages given before the window is first shown are kept too, not replaced
        self.set_text(f"{current}\n{text}" if current and not self.isHidden() else text)
        self.show()

    def set_text(self, text: str) -> None:
        """The message, read out by a screen reader on the Dismiss button too (where Tab stops in the banner)."""
        self.label.setText(text)
        self.label.setAccessibleName(text or "Message")
        self.close_button.setAccessibleDescription(text)

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


# The first window: this share of the screen's free area, no smaller than the floor (unless the screen is), no
# larger than the ceiling (a 4K monitor needs no 3000-pixel form).
SCREEN_SHARE = 0.85
FLOOR = QSize(1000, 600)
CEILING = QSize(1800, 1150)


def initial_geometry(available: QRect) -> QRect:
    """Where the window opens the first time: 85 % of the screen's free area within bounds, centred on it."""

    def side(free: int, floor: int, ceiling: int) -> int:
        return min(free, max(min(floor, free), min(round(free * SCREEN_SHARE), ceiling)))

    size = QSize(
        side(available.width(), FLOOR.width(), CEILING.width()),
        side(available.height(), FLOOR.height(), CEILING.height()),
    )
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(available.center())
    return rect


def fit_inside(frame: QRect, available: QRect) -> QRect:
    """A frame moved (and if need be shrunk) so that it lies wholly inside the screen's free area."""
    rect = QRect(frame)
    rect.setWidth(min(rect.width(), available.width()))
    rect.setHeight(min(rect.height(), available.height()))
    rect.moveLeft(min(max(rect.left(), available.left()), available.right() - rect.width() + 1))
    rect.moveTop(min(max(rect.top(), available.top()), available.bottom() - rect.height() + 1))
    return rect


class TabPages(QTabWidget):
    """QTabWidget, without the whole-window repaint after a change of text on a page.

    A label's new text asks every layout above it to look again; when the request reaches a QTabWidget, it lays
    itself out and repaints everything it holds, though only the label changed (a tick on the Projection tab
    repainted the whole window: about 5 ms at 1280×800). A request that changes nothing the tab widget's own layout
    depends on (its tab bar's size, the smallest and largest size of its pages) is answered here: the page's own
    layout has already placed its widgets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out: tuple[object, ...] = ()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            bar = self.tabBar()
            page = self.currentWidget()
            key = (
                self.count(),
                bar.sizeHint(),
                bar.minimumSizeHint(),
                bar.isVisible(),
                page.minimumSizeHint() if page is not None else None,
                page.minimumSize() if page is not None else None,
                page.maximumSize() if page is not None else None,
            )
            if key == self._laid_out:
                return True
            self._laid_out = key
        return super().event(event)


class MainWindow(QMainWindow):
    closing = Signal()
    theme_chosen = Signal(str)
    tab_built = Signal(QWidget)

    def __init__(self, version: str) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self._version = version
        self._lazy: dict[int, Callable[[], QWidget]] = {}
        # Asked before the window closes; False keeps it open (the app uses it when changes could not be saved).
        self.close_guard: Callable[[], bool] | None = None
        self._tab_actions: list[QAction] = []
        self._shown_once = False
        self._tab_ids: list[str] = []

        self.banner = MessageBanner()
        self.tabs = TabPages()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName("Sections of the plan")
        self.tabs.tabBar().setAccessibleName("Section tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._materialise)
        KeyboardFocus(self.tabs)  # Tab from the section tabs to a page's first control; focused controls in view
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.statusBar().setObjectName("statusBar")
        # Whether the profile is on disk: a permanent label, so a passing message never hides it.
        self.save_status = plain_label()
        self.save_status.setObjectName("saveStatus")
        self.save_status.setAccessibleName("Save status")
        self.statusBar().addPermanentWidget(self.save_status)
        self.place_on_screen()
        self._build_menus()
        self.tabs.currentChanged.connect(self._update_chart_action)

    def _available(self) -> QRect:
        screen = QGuiApplication.screenAt(self.frameGeometry().center()) or self.screen()
        if screen is None:
            screen = QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)

    def place_on_screen(self) -> None:
        """The first size and place: from the screen's free area (see initial_geometry)."""
        self.setGeometry(initial_geometry(self._available()))

    def restore_geometry_on_screen(self, geometry: QByteArray) -> bool:
        """Restore a saved geometry; if it no longer fits this screen (a smaller monitor, another resolution),
        bring it back inside. False if the saved bytes were unusable (the first size stays)."""
        if not self.restoreGeometry(geometry):
            return False
        self.keep_inside_screen()
        return True

    def keep_inside_screen(self) -> None:
        """Move (and if need be shrink) the window, frame included, into its screen's free area."""
        if self.isMaximized() or self.isFullScreen():
            return
        available = self._available()
        frame = self.frameGeometry()
        margins = QSize(frame.width() - self.width(), frame.height() - self.height())
        fitted = fit_inside(frame, available)
        if fitted != frame:
            self.resize(fitted.size() - margins)
            self.move(fitted.topLeft())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:  # the frame's size is known only now: make sure the whole window fits
            self._shown_once = True
            self.keep_inside_screen()

    def _build_menus(self) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu("&File")
        self._build_file_actions(file_menu)
        file_menu.addSeparator()
        # Data packs (issue 8): the app connects these; the window only offers them.
        self.import_data_action = QAction("Import salary &data...", self)
        self.import_data_action.setObjectName("importSalaryData")
        self.revert_data_action = QAction("Re&vert to built-in data", self)
        self.revert_data_action.setObjectName("revertSalaryData")
        file_menu.addAction(self.import_data_action)
        file_menu.addAction(self.revert_data_action)
        file_menu.addSeparator()
        self.quit_action = QAction("&Quit", self)
        # Ctrl+Q on every desktop (some key themes bind Quit to no key at all), and the desktop's own key too
        quit_keys = [QKeySequence("Ctrl+Q")]
        quit_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) if k not in quit_keys]
        self.quit_action.setShortcuts(quit_keys)
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        self.view_menu = self.menuBar().addMenu("&View")
        self.tab_menu_anchor = self.view_menu.addSeparator()
        theme_menu = self.view_menu.addMenu("&Theme")
        self.theme_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for theme in THEMES:
            action = QAction({"system": "Follow &system", "light": "&Light", "dark": "&Dark"}[theme], self)
            action.setCheckable(True)
            action.setData(theme)
            action.triggered.connect(lambda _checked=False, t=theme: self.theme_chosen.emit(t))
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[theme] = action
        self.help_menu = self.menuBar().addMenu("&Help")
        self.projection_help_action = self._action("&How projections work", QKeySequence.StandardKey.HelpContents)
        self.help_menu.addAction(self.projection_help_action)
        self.data_sources_action = QAction("Data &sources", self)
        self.data_sources_action.setObjectName("dataSources")
        self.help_menu.addAction(self.data_sources_action)
        self.help_menu.addSeparator()
        about = QAction(f"&About {APP_NAME}", self)
        about.triggered.connect(self._about)
        self.help_menu.addAction(about)

    def _action(self, text: str, key: QKeySequence.StandardKey | str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        if tip:
            action.setStatusTip(tip)
        return action

    def _build_file_actions(self, menu: QMenu) -> None:
        """Taking the plan out of the app and bringing a profile in (the app wires what they do)."""
        self.import_profile_action = self._action(
            "&Import profile…", QKeySequence.StandardKey.Open, "Replace your profile with one exported earlier"
        )
        self.export_profile_action = self._action(
            "E&xport profile…", QKeySequence.StandardKey.SaveAs, "Save a copy of your profile as a JSON file"
        )
        self.export_chart_action = self._action(
            "Export &chart as PNG or SVG…", "Ctrl+E", "Save the chart of the current tab as an image"
        )
        self.export_csv_action = self._action(
            "Export projection as C&SV…", None, "Save the projection table for a spreadsheet"
        )
        self.export_pdf_action = self._action(
            "Save career &report as PDF…",
            QKeySequence.StandardKey.Print,
            "Your profile, projection, plan, pay history, scenarios, offers and sources in three to five pages",
        )
        for action in (self.import_profile_action, self.export_profile_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.export_chart_action, self.export_csv_action, self.export_pdf_action):
            menu.addAction(action)

    def _update_chart_action(self) -> None:
        has_chart = chart_of(self.tabs.currentWidget()) is not None
        self.export_chart_action.setEnabled(has_chart)
        self.export_chart_action.setToolTip("" if has_chart else "This tab has no chart")

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Edit > Undo and Redo for the stack; the only place their shortcuts live (tabs reuse these actions).
        Called again when the tabs are rebuilt on new data: the old stack's actions go."""
        for old in (self.undo_action, self.redo_action):
            if old is not None:
                self.edit_menu.removeAction(old)
                old.deleteLater()
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, "&Redo")
        redo_keys = [QKeySequence("Ctrl+Shift+Z")]
        redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo_keys]
        self.redo_action.setShortcuts(redo_keys)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)

    def show_save_status(self, text: str, detail: str = "") -> None:
        """Whether the profile is saved ("Saved at 15:42", "Could not save: disk full. Retrying."); a status with a
        ``detail`` is a problem (saving failed or stopped): bold and in the error colour, so it is not missed."""
        self.save_status.setText(text)
        self.save_status.setStyleSheet(f"color: {error_color(is_dark()).name()}; font-weight: bold;" if detail else "")
        self.save_status.setToolTip(plain_tooltip(detail or text))
        self.save_status.setAccessibleDescription(detail or text)

    def about_html(self) -> str:
        """Help > About: what the app does, naming every tab the window has (their titles are the ones the app gave
        ``add_tab``, escaped once here), and what stays private."""
        tabs = "".join(f"<li>{escape(title)}</li>" for title in self.tab_titles())
        return (
            f"<h3>{escape(APP_NAME)} {escape(self._version)}</h3>"
            "<p>Plan a machine-learning engineering career in the United States. Its tabs:</p>"
            f"<ul>{tabs}</ul>"
            "<p>Tick the skills you have and plan the next ones with a month each: your projected pay moves. Compare "
            "scenarios beside today's path, record your pay history, and set job offers beside your current job. "
            "Every figure says whether it is the article's, the official BLS statistics', yours, an assumption or "
            "derived (Help &gt; Data sources; Help &gt; How projections work).</p>"
            "<p>Private and offline: your data stays on this computer. Licence: MIT.</p>"
        )

    def _about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", self.about_html())

    # --- tabs ----------------------------------------------------------------------------------------------

    def add_tab(self, tab_id: str, title: str, build: Callable[[], QWidget], shortcut: str, lazy: bool = True) -> int:
        """A tab with its View menu entry and shortcut. A lazy tab's contents are built the first time it is
        shown (keeping start-up fast); the others at once. The title is plain text: no Alt letter (Ctrl+1…9 and
        the View menu reach every tab), an "&" in it is shown as one."""
        title = title.replace("&", "&&")
        widget = QWidget() if lazy else build()
        index = self.tabs.addTab(widget, title)
        self._tab_ids.append(tab_id)
        self._add_tab_action(index, title, shortcut)
        if lazy:
            self._lazy[index] = build
            if self.tabs.currentIndex() == index:
                self._materialise(index)
        else:
            guard_wheel(widget)
            self.tab_built.emit(widget)
        self._update_chart_action()
        return index

    def _add_tab_action(self, index: int, title: str, shortcut: str) -> None:
        """View > <tab>, with its shortcut switching to it."""
        action = QAction(title, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False, i=index: self.show_tab(i))
        self.view_menu.insertAction(self.tab_menu_anchor, action)
        self.addAction(action)
        self._tab_actions.append(action)

    def show_tab(self, index: int) -> None:
        """Switch to a tab and put the keyboard focus on its main control (its focus proxy), as a user who pressed
        Ctrl+N expects: typing goes to the tab, not to the tab bar."""
        self.tabs.setCurrentIndex(index)
        self.tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_theme_checked(self, theme: str) -> None:
        if theme in self.theme_actions:
            self.theme_actions[theme].setChecked(True)

    def _materialise(self, index: int) -> None:
        build = self._lazy.pop(index, None)
        if build is None:
            return
        widget = build()
        title = self.tabs.tabText(index)
        old = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        old.deleteLater()
        guard_wheel(widget)
        self.tab_built.emit(widget)
        self._update_chart_action()

    def tab_widget(self, key: str) -> QWidget:
        """The (built) widget of the tab with this id ("projection")."""
        if key not in self._tab_ids:
            raise KeyError(key)
        index = self._tab_ids.index(key)
        self._materialise(index)
        return self.tabs.widget(index)

    def current_tab_id(self) -> str:
        index = self.tabs.currentIndex()
        return self._tab_ids[index] if 0 <= index < len(self._tab_ids) else ""

    def select_tab(self, tab_id: str) -> None:
        """Open the tab with this id (nothing happens for an id no tab has, such as a tab since removed)."""
        if tab_id in self._tab_ids:
            self.tabs.setCurrentIndex(self._tab_ids.index(tab_id))

    def is_built(self, tab_id: str) -> bool:
        return tab_id in self._tab_ids and self._tab_ids.index(tab_id) not in self._lazy

    def clear_tabs(self) -> None:
        """Remove every tab and its View menu entry (the app builds them again, e.g. on new data)."""
        self._lazy.clear()
        self._tab_ids.clear()
        for action in self._tab_actions:
            self.view_menu.removeAction(action)
            self.removeAction(action)
            action.deleteLater()
        self._tab_actions.clear()
        self.tabs.blockSignals(True)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        self.tabs.blockSignals(False)

    def tab_ids(self) -> list[str]:
        return list(self._tab_ids)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&&", "&") for i in range(self.tabs.count())]

    def show_message(self, text: str) -> None:
        self.banner.show_message(text)

    def show_hint(self, text: str) -> None:
        """A prompt for what to do next (the first run's first step): shown in the banner until it is done."""
        self.banner.show_message(text)

    def shows_hint(self, text: str) -> bool:
        """Whether the banner is up with this prompt in it (not dismissed, not done)."""
        return self.banner.isVisibleTo(self) and text in self.banner.label.text().split("\n")

    def hide_hint(self, text: str) -> None:
        """The prompt is done: it leaves the banner (other messages there stay)."""
        lines = [line for line in self.banner.label.text().split("\n") if line != text]
        if not lines:
            self.banner.hide()
        self.banner.set_text("\n".join(lines))

    def built_tabs(self) -> list[QWidget]:
        return [self.tabs.widget(i) for i in range(self.tabs.count()) if i not in self._lazy]

    # --- layout state (the app stores it; the window only hands it over) ----------------------------------

    def splitter_states(self) -> dict[str, QByteArray]:
        return {s.objectName(): s.saveState() for s in self.findChildren(QSplitter) if s.objectName()}

    def restore_splitters(self, states: dict[str, QByteArray], root: QWidget | None = None) -> None:
        for splitter in (root or self).findChildren(QSplitter):
            state = states.get(splitter.objectName())
            if state is not None:
                splitter.restoreState(state)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self.restyle()
        super().changeEvent(event)

    def restyle(self) -> None:
        """Recolour what the palette does not reach by itself: the banner and every built chart."""
        self.banner.restyle()
        for widget in self.built_tabs():
            restyle = getattr(widget, "restyle", None)
            if callable(restyle):
                restyle()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()  # the user chose to keep the window (and their unsaved changes) open
            return
        self.closing.emit()
        super().closeEvent(event)
