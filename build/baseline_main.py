"""The start-time baseline: the smallest PySide6 window, frozen the same way as HT Desk.

`minimal --quit-after-show` shows a window and exits after its first paint, as `htdesk --quit-after-show`
does, so that the two start times compare Python + Qt start-up against HT Desk's own work on top of it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Window(QMainWindow):
    def __init__(self, quit_after_show: bool) -> None:
        super().__init__()
        self.setWindowTitle("minimal")
        self.setCentralWidget(QLabel("minimal PySide6 window"))
        self.resize(800, 600)
        self._quit_after_show = quit_after_show

    def paintEvent(self, event) -> None:
        """QWidget.paintEvent override: quit once the first frame is painted, when asked to."""
        super().paintEvent(event)
        if self._quit_after_show:
            QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = Window("--quit-after-show" in sys.argv)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
