"""The user's folder: where platformdirs would put it, on each platform, without importing platformdirs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest
from platformdirs.macos import MacOS
from platformdirs.windows import get_win_folder_from_env_vars

from htdesk import paths

APP = "HT Desk"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of its own and none of the variables that move the user's folder."""
    for name in ("HTDESK_USER_DIR", "XDG_DATA_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.mark.parametrize("xdg", [None, "/srv/data", "relative/data", ""])
def test_user_dir_is_platformdirs_user_data_dir(home: Path, monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    if xdg is not None:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert paths.user_dir() == Path(platformdirs.user_data_dir(APP, appauthor=False))


@pytest.mark.parametrize("xdg", [None, "/srv/data", "relative/data"])
def test_macos_user_dir_is_platformdirs(home: Path, monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    if xdg is not None:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    expected = Path(MacOS(APP, appauthor=False).user_data_dir)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert paths.user_dir() == expected


def test_windows_user_dir_is_local_app_data(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Absolute on this (POSIX) machine, as C:\Users\... is on Windows.
    monkeypatch.setenv("LOCALAPPDATA", "/users/trainer/AppData/Local")
    monkeypatch.setenv("XDG_DATA_HOME", "/srv/data")  # no meaning on Windows
    monkeypatch.setattr(sys, "platform", "win32")
    assert paths.user_dir() == Path(get_win_folder_from_env_vars("CSIDL_LOCAL_APPDATA")) / APP
    monkeypatch.delenv("LOCALAPPDATA")
    assert paths.user_dir() == Path.home() / "AppData" / "Local" / APP


def test_override_wins(home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HTDESK_USER_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_DATA_HOME", "/srv/data")
    assert paths.user_dir() == tmp_path / "mine"


def test_starting_the_app_does_not_import_platformdirs(home: Path) -> None:
    probe = "import sys, htdesk.app, htdesk.ui.settings as s; s.settings(); print('platformdirs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "False"
