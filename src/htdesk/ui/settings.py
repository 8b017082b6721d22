"""The user's settings: an INI file in their HT Desk folder (htdesk.paths.user_dir), read with a fallback per value."""

from __future__ import annotations

import re
from collections.abc import Collection

from PySide6.QtCore import QByteArray, QSettings

from htdesk import errorlog
from htdesk.paths import SETTINGS_FILE, user_dir

_INT = re.compile(r"\s*[+-]?\d{1,9}\s*")  # nine digits: no setting needs more, and int() stays cheap
_REPR_LIMIT = 80  # how much of a bad value the log quotes


def user_folder_problem() -> str | None:
    """Why the user's folder cannot be made (a file in its place, a read-only parent), or None."""
    folder = user_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"{folder}: {exc.strerror or exc}"
    return None


def settings() -> QSettings:
    """An INI file in the user's folder: the same format on every platform, easy to reset.

    Where the folder cannot be made the settings still work for this session: QSettings keeps
    them in memory and its writes to the missing file fail quietly (the start-up says why).
    """
    user_folder_problem()
    return QSettings(str(user_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)


def reset_settings() -> None:
    s = settings()
    s.clear()
    s.sync()


# -- reading values: a value edited by hand, or written by another version, must never stop a start --


def _ignored(s: QSettings, key: str, value: object, expected: str) -> None:
    shown = repr(value)
    if len(shown) > _REPR_LIMIT:
        shown = shown[:_REPR_LIMIT] + "…"
    errorlog.log(f"{s.fileName()}: ignored {key}={shown}: expected {expected}")


def read_int(s: QSettings, key: str, default: int, lo: int, hi: int) -> int:
    """A whole number from ``lo`` to ``hi``; anything else (text, 1.5, out of range) is logged and gives ``default``."""
    value = s.value(key)
    if value is None:
        return default
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _INT.fullmatch(value):
        number = int(value)
    if number is None or not lo <= number <= hi:
        _ignored(s, key, value, f"a whole number from {lo} to {hi}")
        return default
    return number


def read_bool(s: QSettings, key: str, default: bool) -> bool:
    """A true or false (as QSettings writes them); anything else is logged and gives ``default``."""
    value = s.value(key)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    _ignored(s, key, value, "true or false")
    return default


def read_choice(s: QSettings, key: str, default: str, choices: Collection[str]) -> str:
    """One of ``choices``; anything else is logged and gives ``default``."""
    value = s.value(key)
    if value is None:
        return default
    if isinstance(value, str) and value in choices:
        return value
    _ignored(s, key, value, "one of " + ", ".join(sorted(choices)))
    return default


def read_text(s: QSettings, key: str, default: str, limit: int = 1000) -> str:
    """A line of text (a page id, names joined by commas); a list, a number or a long text gives ``default``."""
    value = s.value(key)
    if value is None:
        return default
    if isinstance(value, str) and len(value) <= limit and "\x00" not in value:
        return value
    _ignored(s, key, value, f"text of at most {limit} characters")
    return default


def read_state(s: QSettings, key: str) -> QByteArray | None:
    """Saved window or splitter state (written as @ByteArray); anything else is logged and gives None."""
    value = s.value(key)
    if value is None:
        return None
    if isinstance(value, QByteArray):
        return value
    if isinstance(value, bytes | bytearray):
        return QByteArray(bytes(value))
    _ignored(s, key, value, "a saved window layout")
    return None
