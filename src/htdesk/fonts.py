"""The bundled font, registered so text looks the same on every machine, screen and paper alike."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication

from htdesk.paths import resources_dir

FONT_FAMILY = "DejaVu Sans"


def load_bundled_fonts() -> str:
    """Register the bundled font so screen and paper look the same everywhere; return its family."""
    folder = resources_dir() / "fonts"
    for ttf in sorted(folder.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(ttf))
    return FONT_FAMILY if FONT_FAMILY in QFontDatabase.families() else QGuiApplication.font().family()
