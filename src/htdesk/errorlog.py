"""errors.log in the user's folder: what went wrong, in full, for whoever helps the user (no Qt)."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from htdesk import __version__
from htdesk.paths import ERROR_LOG_FILE, user_dir

ERROR_LOG = ERROR_LOG_FILE


def log_path() -> Path:
    return user_dir() / ERROR_LOG


def log(text: str) -> Path:
    """Append ``text`` under a dated heading; a log that cannot be written is skipped, never raised."""
    path = log_path()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- HT Desk {__version__}, {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
            fh.write(text if text.endswith("\n") else text + "\n")
    return path
