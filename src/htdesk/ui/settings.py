"""The user's settings: an INI file in their HT Desk folder (htdesk.paths.user_dir), overridable for tests."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from htdesk.paths import SETTINGS_FILE, user_dir


def settings() -> QSettings:
    """An INI file in the user's folder: the same format on every platform, easy to reset."""
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)


def reset_settings() -> None:
    s = settings()
    s.clear()
    s.sync()
