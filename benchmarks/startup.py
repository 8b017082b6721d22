"""Start to first paint: `htdesk --quit-after-show` against a minimal PySide6 window, in one run.

Not a test: machines are noisy, so it prints medians and their ratio (goal: at most 1.3x).
Run: .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

MINIMAL = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView
app = QApplication(sys.argv[:1])
w = QMainWindow()
split = QSplitter()
split.addWidget(QTreeView())
browser = QTextBrowser()
browser.setHtml("<h1>Minimal</h1><p>A tree and a text browser.</p>")
split.addWidget(browser)
w.setCentralWidget(split)
w.resize(1280, 800)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

f = FirstPaint()
browser.viewport().installEventFilter(f)
w.show()
sys.exit(app.exec())
"""


def _time(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as user:
        env = {**os.environ, "HTDESK_USER_DIR": user}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        app_cmd = [sys.executable, "-m", "htdesk", "--quit-after-show"]
        base_cmd = [sys.executable, "-c", MINIMAL]
        _time(app_cmd, env), _time(base_cmd, env)  # warm the file cache for both
        app, base = [], []
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            base.append(_time(base_cmd, env))
            app.append(_time(app_cmd, env))
    a, b = statistics.median(app), statistics.median(base)
    print(f"minimal PySide6 window: median {b * 1000:.0f} ms over {args.runs} runs")
    print(f"htdesk --quit-after-show: median {a * 1000:.0f} ms over {args.runs} runs")
    print(f"ratio: {a / b:.2f}x (goal <= 1.3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
