"""Where an export may go: a check made before the user is asked "Replace?" and again just before writing.

An export is refused (with a sentence that says why and what to do) when its target is
* one of the data folder's own files (``profile.json``, ``settings.ini``, ``profile.lock``, ``salary-data.json``) or
  a copy the app keeps beside them (``profile.json.v3-backup``, ``…before-import-…``, ``…corrupt-…``), under any
  name that leads there (a link to the folder, a hard link): the app promised to leave those alone, even when it
  runs read-only because the profile is from a newer version;
* a symbolic link (dangling or not): the file written would be somewhere else than the name the user chose;
* a named pipe, a device or a socket: it would be replaced by a plain file (or hang the app);
* a read-only file: it is kept read-only, never silently made writable (choose another name, or make it writable).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from planner.storage.data_pack import PACK_FILE
from planner.storage.instance_lock import LOCK_FILE
from planner.storage.profile_store import PROFILE_FILE
from planner.storage.safe_files import kind_of
from planner.storage.settings import SETTINGS_FILE

DATA_FOLDER_FILES = (PROFILE_FILE, SETTINGS_FILE, LOCK_FILE, PACK_FILE)


def _own_name(name: str) -> bool:
    """A data folder file, or a copy the app keeps of one (``profile.json.<something>``)."""
    return any(name == own or name.startswith(f"{own}.") for own in DATA_FOLDER_FILES)


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _is_data_folder_file(path: Path, st: os.stat_result | None, data_dir: Path) -> bool:
    if _own_name(path.name) and _same_folder(path.parent, data_dir):
        return True
    if st is None or not stat.S_ISREG(st.st_mode) or st.st_nlink < 2:
        return False
    try:  # the same file under another name (a hard link, or the folder reached another way)
        names = [entry for entry in os.scandir(data_dir) if _own_name(entry.name)]
        return any(
            (s := entry.stat(follow_symlinks=False)).st_ino == st.st_ino and s.st_dev == st.st_dev for entry in names
        )
    except OSError:
        return False


def export_refusal(path: Path, data_dir: Path | None) -> str | None:
    """Why nothing may be written at ``path`` (a sentence for the user), or None when it may be written."""
    try:
        st: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        return f"{path} cannot be checked ({exc.strerror or exc}), so nothing was written."
    if data_dir is not None and _is_data_folder_file(path, st, data_dir):
        return (
            f"{path.name} is one of the app's own files in its data folder ({data_dir}); an export never replaces "
            "it. Choose another name or folder."
        )
    if st is None:
        return None
    if stat.S_ISLNK(st.st_mode):
        return (
            f"{path} is a symbolic link; an export never writes through a link (the file written would be "
            "somewhere else). Choose another name."
        )
    if stat.S_ISDIR(st.st_mode):
        return f"{path} is a folder."
    if not stat.S_ISREG(st.st_mode):
        return f"{path} is {kind_of(st.st_mode)}, not a regular file; an export never replaces it. Choose another name."
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        return f"{path} is read-only, so it was left as it is. Choose another name, or make the file writable first."
    return None
