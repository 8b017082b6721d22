"""Where the app's files live, in a source checkout and in a frozen bundle alike."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path


@functools.cache  # asked for by the font, the icons and the database at start-up; resolve() is system calls
def app_root() -> Path:
    """The folder holding data/ and resources/: the bundle in a frozen app, else the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def database_path() -> Path:
    return app_root() / "data" / "ht.sqlite"


def content_dir() -> Path:
    return app_root() / "data" / "content"


def report_path() -> Path:
    return app_root() / "data" / "source" / "report.txt"


def resources_dir() -> Path:
    return app_root() / "resources"


APP_DIR_NAME = "HT Desk"  # the user's folder's name inside the platform's data folder


def user_dir() -> Path:
    """The user's own data (bookmarks, settings): HTDESK_USER_DIR if set, else the platform's folder."""
    override = os.environ.get("HTDESK_USER_DIR")
    if override:
        return Path(override)
    return user_data_home() / APP_DIR_NAME


def user_data_home() -> Path:
    """The platform's folder for each user's application data: the one platformdirs' user_data_dir() names.

    %LOCALAPPDATA% on Windows; $XDG_DATA_HOME where set to an absolute path (as platformdirs, on macOS
    too), else ~/Library/Application Support on macOS and ~/.local/share elsewhere. Worked out here:
    importing platformdirs (it loads tempfile, random, shutil...) cost every start 12-18 ms before the
    window could show. tests/test_paths.py holds this to platformdirs.
    """
    if sys.platform == "win32":
        # What the shell's known folder LocalAppData is: Windows sets it in every user session.
        local = Path(os.environ.get("LOCALAPPDATA", "").strip())
        return local if local.is_absolute() else Path.home() / "AppData" / "Local"
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg.startswith("/"):  # a relative one is ignored, as the XDG spec asks
        return Path(xdg)
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    return Path.home() / ".local" / "share"


# The files HT Desk keeps in the user's folder; nothing the app exports may be written over them.
BOOKMARKS_FILE = "bookmarks.sqlite"
SETTINGS_FILE = "settings.ini"
ERROR_LOG_FILE = "errors.log"


def user_files() -> list[Path]:
    """The user's bookmarks, settings and error log, where this user's HT Desk keeps them."""
    folder = user_dir()
    return [folder / name for name in (BOOKMARKS_FILE, SETTINGS_FILE, ERROR_LOG_FILE)]
