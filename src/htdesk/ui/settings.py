"""Where the user's settings and data live (platformdirs), overridable for tests."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings


def user_dir() -> Path:
    """The user's own data folder; HTDESK_USER_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("HTDESK_USER_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("HT Desk", appauthor=False))


def settings() -> QSettings:
    """An INI file in the user's folder: the same format on every platform, easy to reset."""
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def reset_settings() -> None:
    s = settings()
    s.clear()
    s.sync()
