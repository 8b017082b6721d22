"""A Qt application for command-line work that paints (PDFs), with or without a display."""

from __future__ import annotations

import os
import sys


def ensure_gui_application() -> object:
    """Return the running Qt application, starting an offscreen one where there is no display.

    A QApplication rather than a bare QGuiApplication: printing code may run inside the app (or a
    test session) that later needs widgets, and Qt allows only one application object.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        return app
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication(sys.argv[:1])
