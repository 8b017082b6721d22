"""The bundled font, registered so text looks the same on every machine, screen and paper alike."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication

from htdesk.paths import resources_dir

FONT_FAMILY = "DejaVu Sans"

# The application the font was registered with, and the family in use (the window and the
# printer both ask; registering the files again would add each face a second time).
_loaded: tuple[int, str] | None = None


def load_bundled_fonts() -> str:
    """Register the bundled font so screen and paper look the same everywhere; return its family."""
    global _loaded
    key = id(QGuiApplication.instance())
    if _loaded is not None and _loaded[0] == key:
        return _loaded[1]
    families: set[str] = set()
    for ttf in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    # Ours if it loaded (not merely a system copy of the same name); else the platform's own.
    _loaded = (key, FONT_FAMILY if FONT_FAMILY in families else QGuiApplication.font().family())
    return _loaded[1]
