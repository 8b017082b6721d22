"""The start-time baseline: a minimal PySide6 window (a tree and a text browser), as a script or frozen.

`minimal --quit-after-show` shows the window and exits after its first paint, as `htdesk --quit-after-show`
does, so that the two start times compare Python + Qt start-up against HT Desk's own work on top of it.
Both write the moment of their first paint to the file named by HTDESK_FIRST_PAINT_FILE, when set:
start-up is measured to the first paint, not to the end of the interpreter's teardown.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView

FIRST_PAINT_FILE = "HTDESK_FIRST_PAINT_FILE"


class FirstPaint(QObject):
    """Waits for the browser's first paint, then stamps the time and (when asked) quits."""

    def __init__(self, quit_after_show: bool) -> None:
        super().__init__()
        self._quit = quit_after_show

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """QObject.eventFilter override."""
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        stamp = os.environ.get(FIRST_PAINT_FILE)
        if stamp:
            Path(stamp).write_text(repr(time.time()), encoding="ascii")
        if self._quit:
            QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    split = QSplitter()
    split.addWidget(QTreeView())
    browser = QTextBrowser()
    browser.setHtml("<h1>Minimal</h1><p>A tree and a text browser.</p>")
    split.addWidget(browser)
    window.setCentralWidget(split)
    window.resize(1280, 800)
    first_paint = FirstPaint("--quit-after-show" in sys.argv)
    browser.viewport().installEventFilter(first_paint)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
