"""The user's settings: an INI file in their HT Desk folder (htdesk.paths.user_dir), overridable for tests."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from htdesk.paths import user_dir


def settings() -> QSettings:
    """An INI file in the user's folder: the same format on every platform, easy to reset."""
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def reset_settings() -> None:
    s = settings()
    s.clear()
    s.sync()


def int_value(store: QSettings, key: str, default: int, low: int, high: int) -> int:
    """A whole number from the settings, within [low, high]; anything else (hand-edited, damaged) is the default."""
    value = store.value(key, default)
    try:
        number = int(str(value).strip())
    except ValueError:
        return default
    return number if low <= number <= high else default


def text_value(store: QSettings, key: str, default: str = "", limit: int = 1000) -> str:
    """A short text from the settings; a list, bytes or an overlong value is the default."""
    value = store.value(key, default)
    return value if isinstance(value, str) and len(value) <= limit else default
