"""Start to first paint: `htdesk --quit-after-show` against a minimal PySide6 window, in one run.

Not a test: machines are noisy, so it prints medians and their ratio (goal: at most 1.3x). The
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        user, stamp = Path(tmp) / "user", Path(tmp) / "first-paint"
        env = {**os.environ, "HTDESK_USER_DIR": str(user)}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Byte-compiled as an installed copy is: the first run writes the .pyc files (a machine
        # that sets PYTHONDONTWRITEBYTECODE would otherwise compile our sources at every start).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app_cmd = [*htdesk_command(), "--quit-after-show"]
        base_cmd = [sys.executable, str(MINIMAL), "--quit-after-show"]
        time_start(app_cmd, env, stamp), time_start(base_cmd, env, stamp)  # warm the file cache for both
        app, base = [], []
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            base.append(time_start(base_cmd, env, stamp))
            app.append(time_start(app_cmd, env, stamp))
    for i, what in enumerate(("launch to first paint", "launch to exit")):
        a, b = statistics.median(t[i] for t in app), statistics.median(t[i] for t in base)
        a_min, b_min = min(t[i] for t in app), min(t[i] for t in base)
        print(f"{what}: htdesk {a * 1000:.0f} ms, minimal window {b * 1000:.0f} ms (medians of {args.runs})")
        print(f"  ratio {a / b:.2f}x" + (f" (goal <= {GOAL}x)" if i == 0 else ""))
        # The fastest runs are the least disturbed by the machine's other work.
        fastest = f"htdesk {a_min * 1000:.0f} ms, minimal {b_min * 1000:.0f} ms"
        print(f"  fastest runs: {fastest}, ratio {a_min / b_min:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
