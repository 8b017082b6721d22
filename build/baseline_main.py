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
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

FIRST_PAINT_FILE = "HTDESK_FIRST_PAINT_FILE"


class Browser(QTextBrowser):
    """A text browser that, after its first paint, stamps the time and (when asked) quits.

    The hook is a paintEvent override, as in htdesk's reading pane: an event filter on viewport()
    would cost about 20 ms (PySide's first wrapping of a plain QWidget makes the Python classes of
    every QWidget subclass), start-up work of the measurement, not of the window.
    """

    def __init__(self, quit_after_show: bool) -> None:
        super().__init__()
        self._quit = quit_after_show
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        """QTextEdit.paintEvent override."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
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
    browser = Browser("--quit-after-show" in sys.argv)
    browser.setHtml("<h1>Minimal</h1><p>A tree and a text browser.</p>")
    split.addWidget(browser)
    window.setCentralWidget(split)
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
