"""What start-up does before the first paint: no `Qt` namespace, no content model, the first paint stamped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from htdesk.ui import navigation

# Runs the real start-up (htdesk's main) and reports, at the first paint, whether PySide has built
# its `Qt` namespace yet: building it costs about 40 ms, which the first screen does not need.
PROBE = r"""
import gc
import sys
from PySide6 import QtCore
from htdesk.ui import mainwindow

built = []
original = mainwindow.MainWindow.__init__

def init(self, *args, **kwargs):
    original(self, *args, **kwargs)
    self.first_paint.connect(lambda: built.append("Qt" in QtCore.__dict__))
    loaded = lambda: sorted({"sqlite3", "datetime"} & set(sys.modules))
    self.first_paint.connect(lambda: print("LOADED-AT-FIRST-PAINT", *loaded()))
    print("GC-WHILE-STARTING", gc.isenabled())

mainwindow.MainWindow.__init__ = init
from htdesk.__main__ import main
code = main(["--quit-after-show"])
print("QT-BUILT-AT-FIRST-PAINT", built)
print("GC-AFTER-FIRST-PAINT", gc.isenabled(), "start-up frozen:", gc.get_freeze_count() > 0)
sys.exit(code)
"""


def _env(user_dir: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HTDESK_USER_DIR": str(user_dir), **extra}


def test_first_paint_needs_no_qt_namespace(user_dir: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE], env=_env(user_dir), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    line = next(x for x in proc.stdout.decode().splitlines() if x.startswith("QT-BUILT-AT-FIRST-PAINT"))
    assert line.endswith("[False]"), "something before the first paint touched PySide6.QtCore.Qt"


def test_first_paint_needs_neither_sqlite3_package_nor_datetime(user_dir: Path) -> None:
    # The report is read through the _sqlite3 extension: the package's dbapi2 layer (and the
    # datetime module it imports) would cost the first paint some 3 ms.
    proc = subprocess.run([sys.executable, "-c", PROBE], env=_env(user_dir), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    line = next(x for x in proc.stdout.decode().splitlines() if x.startswith("LOADED-AT-FIRST-PAINT"))
    assert line == "LOADED-AT-FIRST-PAINT", f"loaded before the first paint: {line.split()[1:]}"


def test_garbage_is_collected_again_once_the_window_has_painted(user_dir: Path) -> None:
    # Collection is off while the window is made (about 6 ms of a start) and back at the first paint.
    proc = subprocess.run([sys.executable, "-c", PROBE], env=_env(user_dir), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    lines = proc.stdout.decode().splitlines()
    assert "GC-WHILE-STARTING False" in lines
    assert "GC-AFTER-FIRST-PAINT True start-up frozen: True" in lines  # back at the paint, start-up left out


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


# A start on the page the last session closed on: a record's page comes from the database's
# rendered pages and a comparison reads its countries' JSON, so the first paint needs neither the
# content model (pydantic, some 150 ms to load) nor, for a page, the link index.
LAST_PAGE_PROBE = r"""
import sys
from htdesk.ui import mainwindow

seen = []
original = mainwindow.MainWindow.__init__

def shown(self):
    view = self.reader if self.stack.currentIndex() == 0 else self.compare.view
    return view.toPlainText()

def init(self, *args, **kwargs):
    original(self, *args, **kwargs)
    self.first_paint.connect(lambda: seen.append((self.current, "pydantic" in sys.modules, shown(self))))

mainwindow.MainWindow.__init__ = init
from htdesk.__main__ import main
code = main(["--quit-after-show"])
current, pydantic_loaded, text = seen[0]
print("AT-FIRST-PAINT", current, pydantic_loaded, sys.argv[1] in text)
sys.exit(code)
"""


@pytest.mark.parametrize(("last_page", "shows"), [("institution/no/kom", "KOM"), ("compare:be,no", "Belgium")])
def test_start_on_the_last_page_loads_no_content_model(user_dir: Path, last_page: str, shows: str) -> None:
    # Quoted, as QSettings writes it: unquoted, the comma would make a list of two.
    (user_dir / "settings.ini").write_text(f'[session]\nlast_page="{last_page}"\n', encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", LAST_PAGE_PROBE, shows], env=_env(user_dir), capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    line = next(x for x in proc.stdout.decode().splitlines() if x.startswith("AT-FIRST-PAINT"))
    assert line == f"AT-FIRST-PAINT {last_page} False True", line
