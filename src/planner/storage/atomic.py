"""Atomic file replacement: after a crash or ``kill -9`` at any moment the file holds either the old or the new bytes.

Deliberately small (QtCore and the standard library only), so a test can run it in many short-lived child processes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile

from planner.storage.safe_files import sync_folder


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` through QSaveFile (temporary file, flushed to disk, then renamed).

    Raises OSError naming the reason; on any error the temporary file is discarded and ``path`` is untouched.
    """
    # Qt never falls back to writing the target file in place (directWriteFallback is off unless it is switched on).
    file = QSaveFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(f"cannot write {path.name}: {_reason(file, 'the folder cannot be written')}")
    try:
        written = file.write(data)
        if written != len(data):
            raise OSError(f"cannot write {path.name}: {_reason(file, 'the disk may be full')}")
        if not file.commit():
            raise OSError(f"cannot save {path.name}: {_reason(file, 'the disk may be full')}")
    except BaseException:
        if file.isOpen():
            file.cancelWriting()
            file.commit()  # discards the temporary file because writing was cancelled
        raise
    sync_folder(path.parent)


def _reason(file: QSaveFile, fallback: str) -> str:
    """Qt's error text, or ``fallback`` when Qt has none (it then says "Unknown error")."""
    text = file.errorString()
    return text if text and text != "Unknown error" else fallback
