"""What start-up does before the first paint: no `Qt` namespace, no content model, the first paint stamped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from htdesk.ui import navigation

# Runs the real start-up (htdesk's main) and reports, at the first paint, whether PySide has built
# its `Qt` namespace yet: building it costs about 40 ms, which the first screen does not need.
PROBE = r"""
import sys
from PySide6 import QtCore
from htdesk.ui import mainwindow

built = []
original = mainwindow.MainWindow.__init__

def init(self, *args, **kwargs):
    original(self, *args, **kwargs)
    self.first_paint.connect(lambda: built.append("Qt" in QtCore.__dict__))

mainwindow.MainWindow.__init__ = init
from htdesk.__main__ import main
code = main(["--quit-after-show"])
print("QT-BUILT-AT-FIRST-PAINT", built)
sys.exit(code)
"""


def _env(user_dir: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HTDESK_USER_DIR": str(user_dir), **extra}


def test_first_paint_needs_no_qt_namespace(user_dir: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE], env=_env(user_dir), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    line = next(x for x in proc.stdout.decode().splitlines() if x.startswith("QT-BUILT-AT-FIRST-PAINT"))
    assert line.endswith("[False]"), "something before the first paint touched PySide6.QtCore.Qt"


def test_first_paint_is_stamped_when_asked(user_dir: Path, tmp_path: Path) -> None:
    stamp = tmp_path / "first-paint"
    env = _env(user_dir, HTDESK_FIRST_PAINT_FILE=str(stamp))
    proc = subprocess.run(
        [sys.executable, "-m", "htdesk", "--quit-after-show"], env=env, capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert float(stamp.read_text()) > 1e9  # a wall-clock time, written at the first paint


def test_role_numbers_are_qts() -> None:
    assert Qt.ItemDataRole.DisplayRole.value == navigation.DISPLAY_ROLE
    assert Qt.ItemDataRole.ToolTipRole.value == navigation.TOOLTIP_ROLE
    assert Qt.ItemDataRole.AccessibleTextRole.value == navigation.ACCESSIBLE_TEXT_ROLE
    assert Qt.ItemDataRole.UserRole.value == navigation.USER_ROLE


# A start on the page the last session closed on: it comes from the database's rendered pages, so
# the first paint needs neither the content model (pydantic, some 150 ms to load) nor the link index.
RECORD_PROBE = r"""
import sys
from htdesk.ui import mainwindow

seen = []
original = mainwindow.MainWindow.__init__

def init(self, *args, **kwargs):
    original(self, *args, **kwargs)
    self.first_paint.connect(
        lambda: seen.append((self.current, "pydantic" in sys.modules, "KOM" in self.reader.toPlainText()))
    )

mainwindow.MainWindow.__init__ = init
from htdesk.__main__ import main
code = main(["--quit-after-show"])
print("AT-FIRST-PAINT", seen)
sys.exit(code)
"""


def test_start_on_a_record_page_loads_no_content_model(user_dir: Path) -> None:
    (user_dir / "settings.ini").write_text("[session]\nlast_page=institution/no/kom\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", RECORD_PROBE], env=_env(user_dir), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    line = next(x for x in proc.stdout.decode().splitlines() if x.startswith("AT-FIRST-PAINT"))
    assert line.endswith("[('institution/no/kom', False, True)]"), line
