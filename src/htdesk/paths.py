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


def user_dir() -> Path:
    """The user's own data (bookmarks, settings): HTDESK_USER_DIR if set, else the platform's folder."""
    override = os.environ.get("HTDESK_USER_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("HT Desk", appauthor=False))
