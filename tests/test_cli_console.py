"""The command line where there is no console (a windowed Windows build) and where there is no display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from htdesk.__main__ import main, no_display

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build" / "htdesk.spec"
# What both frozen executables run (htdesk.exe windowed, htdesk-cli.exe the console entry beside it).
ENTRY = ROOT / "build" / "htdesk_main.py"


def _windowed(*argv: str) -> subprocess.CompletedProcess:
    """Run the CLI as htdesk.exe runs it on Windows: Python gives a windowed program None for both streams."""
    code = (
        "import sys; sys.stdout = sys.stderr = None; from htdesk.__main__ import main; "
        f"raise SystemExit(main({list(argv)!r}))"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)


def _console(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the console entry's script, as htdesk-cli.exe (or the Linux htdesk) runs it."""
    return subprocess.run(
        [sys.executable, str(ENTRY), *argv], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env
    )


@pytest.mark.parametrize(
    "argv",
    [
        ("search", "forced begging", "--json"),  # sys.stdout.write: AttributeError before
        ("export",),
        ("check",),
        ("--version",),
    ],
)
def test_commands_without_stdout_or_stderr_exit_0_and_the_console_entry_prints(argv: tuple[str, ...]) -> None:
    windowed = _windowed(*argv)
    assert windowed.returncode == 0, windowed.stderr
    assert "Traceback" not in windowed.stderr
    console = _console(*argv)
    assert console.returncode == 0, console.stderr
    assert console.stdout.strip()


def test_console_entry_gives_the_search_as_json() -> None:
    proc = _console("search", "forced begging", "--json")
    hits = json.loads(proc.stdout)
    assert hits and all({"id", "kind", "title"} <= set(h) for h in hits)


def test_a_failing_command_without_streams_reports_through_its_exit_code(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.sqlite"
    proc = _windowed("--db", str(missing), "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr


# ------------------------------------------------------------------------------ the spec's executables


class _Recorder:
    """Stand-ins for PyInstaller's spec objects (Analysis, EXE, ...): remember how they were called."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple, dict]] = []

    def __getitem__(self, kind: str):
        def make(*args, **kwargs):
            self.calls.append((kind, args, kwargs))
            made = SimpleNamespace(scripts=["script"], pure=[], binaries=[], datas=[])
            made.__dict__.update(kwargs, kind=kind)
            return made

        return make


def _run_spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str) -> list[tuple[str, tuple, dict]]:
    rec = _Recorder()
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))
    # The spec trims the Analysis through build/qt_trim.py; the trimming has tests of its own.
    monkeypatch.setitem(
        sys.modules, "qt_trim", SimpleNamespace(python_excludes=lambda: [], trim_analysis=lambda a, r: None)
    )
    names = {k: rec[k] for k in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    spec_globals = {"SPECPATH": str(SPEC.parent), "workpath": str(tmp_path), "__file__": str(SPEC), **names}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), spec_globals)
    return rec.calls


def test_windows_spec_builds_a_console_entry_beside_the_windowed_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = _run_spec(monkeypatch, tmp_path, "win32")
    exes = {kw["name"]: kw for kind, _, kw in calls if kind == "EXE"}
    assert exes["htdesk"]["console"] is False
    assert exes["htdesk-cli"]["console"] is True
    assert exes["htdesk-cli"]["exclude_binaries"] is True  # its libraries are the shared _internal/
    (collect,) = [(args, kw) for kind, args, kw in calls if kind == "COLLECT"]
    collected = [a.name for a in collect[0] if getattr(a, "kind", "") == "EXE"]
    assert collected == ["htdesk", "htdesk-cli"] and collect[1]["name"] == "htdesk"


def test_linux_spec_builds_one_console_executable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls = _run_spec(monkeypatch, tmp_path, "linux")
    exes = [kw for kind, _, kw in calls if kind == "EXE"]
    assert [(e["name"], e["console"]) for e in exes] == [("htdesk", True)]


# ------------------------------------------------------------------------------------- no display


def _without_display() -> dict[str, str]:
    drop = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    return {k: v for k, v in os.environ.items() if k not in drop}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is an X11/Wayland matter")
def test_app_without_a_display_says_so_in_one_line() -> None:
    proc = _console(env=_without_display())
    assert proc.returncode == 1
    assert proc.stderr.startswith("htdesk: no display:") and proc.stderr.count("\n") == 1, proc.stderr
    assert "xcb" not in proc.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is an X11/Wayland matter")
def test_a_display_or_an_explicit_platform_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert no_display()
    for name, value in (("DISPLAY", ":0"), ("WAYLAND_DISPLAY", "wayland-0"), ("QT_QPA_PLATFORM", "offscreen")):
        monkeypatch.setenv(name, value)
        assert no_display() is None
        monkeypatch.delenv(name)


def test_main_without_display_does_not_touch_the_data_commands(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("OK:")
