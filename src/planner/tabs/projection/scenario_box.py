"""The Projection tab's scenario box: the scenarios (ticked: drawn on the chart) and New, Edit, Duplicate and
Delete. Passive: the list's model comes from ScenariosPresenter (scenarios.py); the buttons ask, as signals."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Signal, SignalInstance
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from planner.tabs.projection.scenarios import ID_ROLE as SCENARIO_ID_ROLE
from planner.views.contrast import set_muted
from planner.views.plain import plain_label


class ScenarioBox(QGroupBox):
    new_requested = Signal()
    edit_requested = Signal(str)  # scenario id
    duplicate_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Scenarios beside today's path", parent)
        self.setObjectName("scenariosBox")
        layout = QVBoxLayout(self)
        note = QLabel(
            "Tick a scenario to draw it (five at most). Each changes some of your inputs: an industry, an employer "
            "or a job offer, today's level, the learning plan, the assumptions."
        )
        note.setWordWrap(True)
        set_muted(note)
        self.muted_labels = [note]
        self.scenario_list = QListView()
        self.scenario_list.setObjectName("scenarioList")
        self.scenario_list.setAccessibleName("Scenarios (ticked: drawn on the chart)")
        self.scenario_list.setMaximumHeight(120)
        self.scenario_list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.scenario_list.activated.connect(lambda _i: self._request(self.edit_requested))
        self.scenario_new = QPushButton("New scenario…")  # every Alt letter of the tab is taken: Tab reaches these
        self.scenario_edit = QPushButton("Edit / rename…")
        self.scenario_duplicate = QPushButton("Duplicate")
        self.scenario_delete = QPushButton("Delete")
        self.scenario_delete.setAccessibleName("Delete scenario")
        self.scenario_new.clicked.connect(self.new_requested)
        self.scenario_edit.clicked.connect(lambda: self._request(self.edit_requested))
        self.scenario_duplicate.clicked.connect(lambda: self._request(self.duplicate_requested))
        self.scenario_delete.clicked.connect(lambda: self._request(self.delete_requested))
        buttons = QGridLayout()
        buttons.addWidget(self.scenario_new, 0, 0)
        buttons.addWidget(self.scenario_edit, 0, 1)
        buttons.addWidget(self.scenario_duplicate, 1, 0)
        buttons.addWidget(self.scenario_delete, 1, 1)
        self.scenario_message = plain_label()
        self.scenario_message.setObjectName("scenarioMessage")
        self.scenario_message.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.scenario_list)
        layout.addLayout(buttons)
        layout.addWidget(self.scenario_message)

    def tab_chain(self) -> list[QWidget]:
        return [
            self.scenario_list,
            self.scenario_new,
            self.scenario_edit,
            self.scenario_duplicate,
            self.scenario_delete,
        ]

    def set_model(self, model: QAbstractItemModel) -> None:
        self.scenario_list.setModel(model)
        # The list is rebuilt after every change: the scenario that was selected stays selected.
        self._kept_scenario: str | None = None
        self.scenario_list.selectionModel().currentChanged.connect(self._keep_scenario)
        model.modelReset.connect(lambda: self.select_scenario(self._kept_scenario or ""))
        model.modelReset.connect(self._scenario_buttons)
        model.rowsInserted.connect(self._scenario_buttons)
        model.rowsRemoved.connect(self._scenario_buttons)
        self._scenario_buttons()

    def _keep_scenario(self) -> None:
        current = self.selected_scenario()
        if current is not None:
            self._kept_scenario = current

    def _scenario_buttons(self) -> None:
        model = self.scenario_list.model()
        has = model is not None and model.rowCount() > 0
        for button in (self.scenario_edit, self.scenario_duplicate, self.scenario_delete):
            button.setEnabled(has)
        if has and not self.scenario_list.currentIndex().isValid():
            self.scenario_list.setCurrentIndex(model.index(0, 0))

    def selected_scenario(self) -> str | None:
        index = self.scenario_list.currentIndex()
        value = index.data(SCENARIO_ID_ROLE) if index.isValid() else None
        return str(value) if value is not None else None

    def select_scenario(self, scenario_id: str) -> None:
        model = self.scenario_list.model()
        for row in range(model.rowCount() if model is not None else 0):
            index = model.index(row, 0)
            if index.data(SCENARIO_ID_ROLE) == scenario_id:
                self.scenario_list.setCurrentIndex(index)

    def _request(self, signal: SignalInstance) -> None:
        scenario_id = self.selected_scenario()
        if scenario_id is not None:
            signal.emit(scenario_id)

    def show_message(self, text: str) -> None:
        self.scenario_message.setText(text)
