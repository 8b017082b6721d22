"""A user folder that cannot be made: the app says so in a dialog and runs without keeping anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# The real start-up; every message box opened is printed, and at the first paint what the
# bookmarks tab shows once its late steps have run.
PROBE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

shown = []
original = QMessageBox.open

def opened(self):
    shown.append((self.windowTitle(), self.text(), self.textFormat().name))
    original(self)

QMessageBox.open = opened
from htdesk.ui import mainwindow

init = mainwindow.MainWindow.__init__
windows = []

def make(self, *args, **kwargs):
    init(self, *args, **kwargs)
    windows.append(self)
    QTimer.singleShot(3000, QApplication.quit)  # the late steps (bookmarks among them) have run by then

mainwindow.MainWindow.__init__ = make
from htdesk.__main__ import main
code = main([])
w = windows[0]
w.show_sidebar_tab(mainwindow.BOOKMARKS_TAB)
w.set_zoom(3)
print("BOOKMARKS", w.bookmarks, [l.text() for l in w.sidebar.widget(2).findChildren(QLabel)])
print("ZOOM", w.settings.value("view/zoom"))
for title, text, fmt in shown:
    print("BOX", fmt, title, "|", text.replace("\n", " "))
sys.exit(code)
"""


def test_a_file_where_the_user_folder_should_be_gives_a_dialog_and_a_running_app(tmp_path: Path) -> None:
    blocker = tmp_path / "HT Desk"
    blocker.write_text("not a folder", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HTDESK_USER_DIR": str(blocker / "user")}
    proc = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, timeout=120)
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    boxes = [line for line in out.splitlines() if line.startswith("BOX")]
    assert len(boxes) == 1, out
    assert boxes[0].startswith("BOX PlainText") and str(blocker / "user") in boxes[0]
    assert "not be kept" in boxes[0] and "bookmarks" in boxes[0].lower()
    assert "BOOKMARKS None ['Bookmarks are unavailable.']" in out
    assert "ZOOM 3" in out  # settings work for the session, in memory
    assert blocker.read_text(encoding="utf-8") == "not a folder"  # nothing written anywhere
    assert sorted(p.name for p in tmp_path.iterdir()) == ["HT Desk"]
    assert "Traceback" not in proc.stderr.decode()
