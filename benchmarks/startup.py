"""Start to first paint: `htdesk --quit-after-show` against a minimal PySide6 window, in one run.

Not a test: machines are noisy, so it prints medians and their ratio (goal: at most 1.3x), for a
start on Home and for one on a record's page (where the last session ended, as it often will). The
minimal window (a tree and a text browser) is build/baseline_main.py, the same program the frozen
comparison (`build/make.py measure`) freezes. Each program writes the moment of its first paint to
a file (HTDESK_FIRST_PAINT_FILE); the time from launch to that moment is the figure the goal is
about. Launch to exit (the interpreter's teardown included) is printed beside it.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "build" / "baseline_main.py"
FIRST_PAINT_FILE = "HTDESK_FIRST_PAINT_FILE"  # the name htdesk.app and baseline_main.py read
GOAL = 1.3


def time_start(cmd: list[str], env: dict[str, str], stamp: Path) -> tuple[float, float]:
    """Seconds from launch to the first paint, and from launch to exit, of one run of cmd."""
    stamp.unlink(missing_ok=True)
    start = time.time()  # the wall clock: the child stamps its first paint with the same clock
    subprocess.run(cmd, env={**env, FIRST_PAINT_FILE: str(stamp)}, check=True, capture_output=True)
    end = time.time()
    return float(stamp.read_text()) - start, end - start


def htdesk_command() -> list[str]:
    """How the README starts HT Desk: the `htdesk` script pip installed beside this Python.

    Run by this Python, as the minimal window's script is. Not `python -m htdesk`, which would also
    import runpy and importlib.util (a few ms the script does not pay); that is the fallback where
    the script is not a Python file (Windows installs a launcher .exe, a process of its own).
    """
    script = Path(sys.executable).parent / "htdesk"
    if script.is_file() and script.read_bytes()[:2] == b"#!":
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "htdesk"]


# The page a start on a record opens: the last session closed on it (settings.ini says so).
RECORD_PAGE = "institution/no/kom"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stamp = Path(tmp) / "first-paint"
        env = {**os.environ}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Byte-compiled as an installed copy is: the first run writes the .pyc files (a machine
        # that sets PYTHONDONTWRITEBYTECODE would otherwise compile our sources at every start).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # Two users: one whose last session ended on Home, one whose ended on a record's page.
        home_env = {**env, "HTDESK_USER_DIR": str(Path(tmp) / "home")}
        page_user = Path(tmp) / "page"
        page_user.mkdir()
        (page_user / "settings.ini").write_text(f"[session]\nlast_page={RECORD_PAGE}\n", encoding="utf-8")
        page_env = {**env, "HTDESK_USER_DIR": str(page_user)}
        app_cmd = [*htdesk_command(), "--quit-after-show"]
        base_cmd = [sys.executable, str(MINIMAL), "--quit-after-show"]
        for e in (home_env, page_env):  # warm the file cache for every program
            time_start(app_cmd, e, stamp)
        time_start(base_cmd, home_env, stamp)
        runs: dict[str, list[tuple[float, float]]] = {"home": [], "page": [], "base": []}
        for _ in range(args.runs):  # interleaved, so drift hits all alike
            runs["base"].append(time_start(base_cmd, home_env, stamp))
            runs["home"].append(time_start(app_cmd, home_env, stamp))
            runs["page"].append(time_start(app_cmd, page_env, stamp))
    for i, what in enumerate(("launch to first paint", "launch to exit")):
        med = {k: statistics.median(t[i] for t in v) for k, v in runs.items()}
        fast = {k: min(t[i] for t in v) for k, v in runs.items()}
        print(
            f"{what} (medians of {args.runs}): htdesk on Home {med['home'] * 1000:.0f} ms, "
            f"on {RECORD_PAGE} {med['page'] * 1000:.0f} ms, minimal window {med['base'] * 1000:.0f} ms"
        )
        goal = f" (goal <= {GOAL}x)" if i == 0 else ""
        print(f"  ratio {med['home'] / med['base']:.2f}x on Home, {med['page'] / med['base']:.2f}x on the page{goal}")
        # Machines like this switch speeds for stretches of runs: each run against the baseline run
        # just before it is steadier than a ratio of medians when the mix of speeds differs.
        paired = {
            k: statistics.median(t[i] / b[i] for t, b in zip(runs[k], runs["base"], strict=True))
            for k in ("home", "page")
        }
        print(f"  median of paired runs: {paired['home']:.2f}x on Home, {paired['page']:.2f}x on the page")
        # The fastest runs are the least disturbed by the machine's other work.
        print(
            f"  fastest runs: {fast['home'] * 1000:.0f} / {fast['page'] * 1000:.0f} / {fast['base'] * 1000:.0f} ms, "
            f"ratios {fast['home'] / fast['base']:.2f}x / {fast['page'] / fast['base']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
