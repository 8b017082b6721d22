"""Screenshots of a first start on small screens: 1366 x 768, 1024 x 600 and 800 x 600, light and dark.

Each shot is a real start of the app (the htdesk script beside this Python) on its own X server
(Xvfb, no window manager) with a fresh profile: only the appearance and the page to open are set,
so the window's size and place are the app's own first choice. The whole screen is captured,
so a window that does not fit shows it. Needs Xvfb, xdotool and ImageMagick's `import`.

Run from the checkout: .venv/bin/python docs/screenshots/small_screens.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCREENS = ((1366, 768), (1024, 600), (800, 600))
THEMES = ("light", "dark")
# File stem -> the page the session "ended on": the comparison table and a side-by-side comparison
# are the widest pages there are.
PAGES = {"figure": "figure/comparison-table", "compare": "compare:be,no,se"}
DISPLAY = ":77"


def _wait_for_window(env: dict[str, str], timeout: float = 30.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "HT Desk"], env=env, capture_output=True, text=True
        )
        if found.stdout.strip():
            return True
        time.sleep(0.3)
    return False


def shoot(width: int, height: int, theme: str, stem: str, page: str, app: str) -> Path:
    out = HERE / f"{stem}-{width}x{height}-{theme}.png"
    xvfb = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        with tempfile.TemporaryDirectory(prefix="htdesk-small-") as profile:
            # A fresh profile but for the appearance and the page the last session "ended on".
            Path(profile, "settings.ini").write_text(
                f'[view]\ntheme={theme}\n\n[session]\nlast_page="{page}"\n', encoding="utf-8"
            )
            env = {
                **os.environ,
                "DISPLAY": DISPLAY,
                "HTDESK_USER_DIR": profile,
                "QT_QPA_PLATFORM": "xcb",
                "QT_SCALE_FACTOR": "1",
            }
            proc = subprocess.Popen([app], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                if not _wait_for_window(env):
                    raise SystemExit(f"no window on {width}x{height}: {proc.stderr.read().decode()[-500:]}")
                time.sleep(2.5)  # the first paint and what follows it (search, bookmarks)
                subprocess.run(["import", "-window", "root", str(out)], env=env, check=True)
            finally:
                proc.terminate()
                proc.wait(timeout=10)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    return out


def main() -> int:
    missing = [tool for tool in ("Xvfb", "xdotool", "import") if shutil.which(tool) is None]
    if missing:
        print(f"needs {', '.join(missing)}", file=sys.stderr)
        return 1
    app = str(Path(sys.executable).with_name("htdesk"))
    for width, height in SCREENS:
        for theme in THEMES:
            for stem, page in PAGES.items():
                print(shoot(width, height, theme, stem, page, app).relative_to(HERE.parents[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
