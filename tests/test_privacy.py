"""The app opens no network connection, ever: the whole window, every tab, the Data sources view, a change of
data and the profile's saving, watched by an audit hook."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from planner.tabs import TABS

CHILD = textwrap.dedent(
    """
    import sys
    events = []
    def hook(event, args):
        if event.startswith("socket.") and event != "socket.gethostname":
            events.append((event, repr(args)[:200]))
    sys.addaudithook(hook)

    import pathlib
    from PySide6.QtWidgets import QApplication
    from planner.app import apply_dataset, open_window
    from planner.startup import configure_application
    from planner.storage.dataset_file import load_dataset

    app = QApplication([])
    configure_application(app)
    # As the app runs: profile read and autosaved, data pack checked, the profile file watched.
    ctx = open_window(app, load_dataset(), pathlib.Path(sys.argv[1]))
    ctx.window.show()
    ids = ctx.window.tab_ids()
    for i, tab_id in enumerate(ids):
        ctx.window.tabs.setCurrentIndex(i)
        app.processEvents()
        ctx.window.tab_widget(tab_id).grab()
    from planner.tabs.skills.presenter import SkillsPresenter
    ctx.presenter("skills", SkillsPresenter).set_checked("entry.python", True)
    ctx.session.edit(pay_history={2020: 90000})
    ctx.commands.show_data_sources().grab()
    apply_dataset(ctx, load_dataset())  # new data: every tab built again
    ctx.window.tab_widget("projection").grab()
    ctx.autosave.flush()
    ctx.window.close()
    app.processEvents()
    print("TABS", ",".join(ids))
    print("SOCKET EVENTS", len(events))
    for e in events:
        print(e)
    """
)


def test_no_socket_is_opened_through_every_tab(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    visited = lines[0].removeprefix("TABS ").split(",")
    assert visited == [spec.id for spec in TABS], "every tab of the registry was visited"
    assert lines[1] == "SOCKET EVENTS 0", "\n".join(lines[2:])


def test_the_hook_would_see_a_connection(tmp_path: Path) -> None:
    probe = CHILD.replace("ctx.window.close()", "import socket; socket.socket().close()\n    ctx.window.close()")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert "SOCKET EVENTS 0" not in result.stdout
