"""Settings read back at start-up: every value checked, a bad one logged and ignored, the window always shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from htdesk.store.report import ReportStore
from htdesk.ui.mainwindow import MainWindow
from htdesk.ui.settings import settings as user_settings

# Each of these stopped every start ("Something went wrong", then exit) until --reset-settings.
BAD = {
    "zoom=abc": "[view]\nzoom=abc\n",
    "zoom=1.5": "[view]\nzoom=1.5\n",
    "zoom out of range": "[view]\nzoom=99999\n",
    "splitter=notbytes": "[window]\nsplitter=notbytes\n",
    "geometry=1": "[window]\ngeometry=1\n",
    "state as a list": "[window]\nstate=a, b\n",
    "theme unknown": "[view]\ntheme=<b>neon</b>\n",
    "last page a list": "[session]\nlast_page=country/be, country/no\n",
    "sidebar tab huge": "[window]\nsidebar_tab=12\nsidebar=maybe\n",
    "compare paper": "[compare]\npaper=A0\ndimensions=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x18)\n",
}


def _show(qtbot: QtBot, store: ReportStore) -> MainWindow:
    w = MainWindow(store, user_settings(), confirm=lambda *_: False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.mark.parametrize("text", BAD.values(), ids=BAD.keys())
def test_a_bad_value_is_logged_and_ignored(qtbot: QtBot, store: ReportStore, user_dir: Path, text: str) -> None:
    (user_dir / "settings.ini").write_text(text, encoding="utf-8")
    w = _show(qtbot, store)
    if "[compare]" in text:
        w.open("compare")
        assert w.compare.paper.currentData() in ("a4", "letter")
    assert w.isVisible()
    assert w.reader.zoom in (0, *range(-6, 13))
    assert w.theme_choice in ("system", "light", "dark")
    assert w.current in ("home", "compare:") or w.store.summary(w.current) is not None
    log = (user_dir / "errors.log").read_text("utf-8")
    assert "ignored" in log and "expected" in log


def test_good_values_still_come_back(qtbot: QtBot, store: ReportStore, user_dir: Path) -> None:
    (user_dir / "settings.ini").write_text(
        "[view]\nzoom=3\ntheme=dark\n[session]\nlast_page=country/no\n[window]\nsidebar=false\nsidebar_tab=1\n",
        encoding="utf-8",
    )
    w = _show(qtbot, store)
    assert (w.reader.zoom, w.theme_choice, w.current) == (3, "dark", "country/no")
    assert w.sidebar.isHidden() and w.sidebar.currentIndex() == 1
    assert not (user_dir / "errors.log").exists()


def test_a_start_with_the_bad_settings_shows_the_window(user_dir: Path) -> None:
    (user_dir / "settings.ini").write_text(
        "[view]\nzoom=abc\n[window]\nsplitter=notbytes\ngeometry=1\n", encoding="utf-8"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HTDESK_USER_DIR": str(user_dir)}
    proc = subprocess.run(
        [sys.executable, "-m", "htdesk", "--quit-after-show"], env=env, capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert "window/geometry" in (user_dir / "errors.log").read_text("utf-8")


KEYS = [
    "view/zoom",
    "view/theme",
    "window/geometry",
    "window/state",
    "window/splitter",
    "window/sidebar",
    "window/sidebar_tab",
    "session/last_page",
    "compare/dimensions",
    "compare/paper",
]
VALUES = st.one_of(
    st.text(max_size=40).map(lambda t: t.replace("\n", " ").replace("\r", " ")),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True).map(str),
    st.sampled_from(["true", "false", "@Invalid()", '""', "a, b, c", "compare:be,no", "home", "country/no"]),
    st.binary(max_size=40).map(lambda b: "@ByteArray(" + "".join(f"\\x{c:02x}" for c in b) + ")"),
    st.binary(max_size=40).map(lambda b: "@Variant(" + "".join(f"\\x{c:02x}" for c in b) + ")"),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=len(KEYS)))
def test_any_settings_file_lets_the_window_show(
    qtbot: QtBot, store: ReportStore, user_dir: Path, values: dict[str, str]
) -> None:
    sections: dict[str, list[str]] = {}
    for key, value in values.items():
        section, name = key.split("/")
        sections.setdefault(section, []).append(f"{name}={value}")
    text = "".join(f"[{s}]\n" + "\n".join(lines) + "\n" for s, lines in sections.items())
    (user_dir / "settings.ini").write_text(text, encoding="utf-8")
    w = _show(qtbot, store)
    w.open("compare:be,no")
    assert w.isVisible() and w.width() > 0
    assert w.compare.paper.currentData() in ("a4", "letter")
    w.close()
    w.deleteLater()
