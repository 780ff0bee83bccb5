"""Start-up and the platform: what the machine must have for a window, the app's identity and icon, where its
data lives, and saving on SIGTERM/SIGHUP. Nothing here knows a tab."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import sys
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

from planner import APP_ID, APP_NAME, DESKTOP_FILE_ID, __version__

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication


# Libraries Qt's xcb platform plugin loads on Linux (by soname), with the Debian/Ubuntu package that provides each.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-shape.so.0": "libxcb-shape0",
}


def library_present(soname: str) -> bool:
    """Whether the dynamic loader finds a library, as Qt's plugin will look for it. Loading it is a fraction of a
    millisecond; ctypes.util.find_library would run `ldconfig -p` once per name (some 30 ms for the eight)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def no_session_bus_autolaunch(environ: MutableMapping[str, str]) -> None:
    """Without a session bus, Qt's D-Bus library would start one and write ``~/.dbus/``: outside the data folder.
    Call before QApplication; a session bus the desktop gave us is used as before."""
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not environ.get(
        "DBUS_SESSION_BUS_ADDRESS"
    ):
        environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"


def no_pydantic_plugin_search(environ: MutableMapping[str, str]) -> None:
    """The app uses no pydantic plugin: pydantic need not read every installed package's entry points to look for
    one when it builds the first model (about 10 ms of every start). Call before pydantic builds a model; a value
    the user set (to run a plugin) is kept."""
    environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def pause_garbage_collection() -> Callable[[], None]:
    """Stop Python's cycle collector until the returned function is called (at the window's first paint, and on
    any way out of main): start-up builds hundreds of thousands of objects (modules, pydantic schemas, Qt wrappers)
    and almost none of them is garbage, yet the collector would walk them all, again and again, some 40 ms of a
    start. Reference counting still frees everything else at once. The returned function may be called more than
    once; the collector runs again only if it ran before."""
    if not gc.isenabled():
        return lambda: None
    gc.disable()
    return gc.enable


def missing_display_libraries() -> list[str]:
    """Debian packages Qt's xcb plugin needs that this Linux machine lacks (empty elsewhere)."""
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return []
    return [pkg for soname, pkg in XCB_LIBRARIES.items() if not library_present(soname)]


def display_problem() -> str | None:
    missing = missing_display_libraries()
    if missing:
        return (
            f"{APP_NAME} needs some X11 libraries that are not installed, so Qt cannot open a window.\n"
            f"Install them with:\n\n    sudo apt-get install {' '.join(missing)}\n\n"
            "then start the app again."
        )
    return None


EXIT_ALREADY_RUNNING = 4


def configure_application(app: QApplication) -> None:
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_ID)
    app.setWindowIcon(app_icon())


def app_icon() -> QIcon:
    """The app's icon at every size it ships (resources/icons/hicolor); null if none is there. Each size is read
    when something first draws it (X11 at the first show; Wayland takes the icon from the .desktop file)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from planner.storage.dataset_file import resource_root

    icon = QIcon()
    for size in (48, 128, 256):
        png = resource_root() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_FILE_ID}.png"
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon


def default_data_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


def unwritable_reason(data_dir: Path) -> str | None:
    """Why nothing can be written in ``data_dir`` (a read-only or full disk, no permission), or None when a file can
    be created there (then a failed lock means another copy holds it)."""
    import errno
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=data_dir):
            return None
    except OSError as exc:
        if exc.errno == errno.EROFS:
            return "the disk is read-only"
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return "the disk is full"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "you may not write to it"
        return exc.strerror or str(exc)


def save_on_signals(
    app: QApplication, flush: Callable[[], object], quit_app: Callable[[], None] | None = None
) -> Callable[[], None]:
    """SIGTERM and SIGHUP (a logout, ``kill``, a closed terminal) save like quitting does, then quit.

    Python runs signal handlers only between bytecodes, which Qt's event loop never reaches on its own: the
    signal wakes a socket that Qt watches (``signal.set_wakeup_fd``), and the handler runs from there.
    Returns a function that puts the previous handlers back (tests)."""
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    if not hasattr(signal, "SIGHUP"):
        return lambda: None
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_wakeup() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    def on_signal(_signum: int, _frame: object) -> None:
        flush()
        (quit_app or app.quit)()

    notifier.activated.connect(on_wakeup)
    previous = {signum: signal.signal(signum, on_signal) for signum in (signal.SIGTERM, signal.SIGHUP)}

    def restore() -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        reader.close()
        writer.close()

    return restore


def refuse_second_instance(message: str) -> None:
    """Tell the user another copy already uses the data folder (tests replace this)."""
    from PySide6.QtWidgets import QMessageBox

    from planner.views.plain import tell

    tell(None, QMessageBox.Icon.Warning, APP_NAME, message)
