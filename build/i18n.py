"""Update the translation sources (pyside6-lupdate) and compile them (pyside6-lrelease).

    python build/i18n.py          # both steps: after changing any tr()/translate() text
    python build/i18n.py release  # only compile resources/i18n/*.ts to the .qm files the app loads

htdesk_fr.ts holds every message and its French; htdesk_en.ts only the plural forms ("%n result(s)"
reads "1 result", "2 results"), as Qt asks of a source language. Translate new messages in
htdesk_fr.ts (Qt Linguist: pyside6-linguist, or any editor), then run this again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "src" / "htdesk"


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project's dependencies (PySide6) first")
    return found


def update() -> None:
    files = [str(p) for p in sorted(SOURCES.rglob("*.py"))]
    lupdate = tool("pyside6-lupdate")
    subprocess.run(
        [lupdate, *files, "-no-obsolete", "-locations", "none", "-ts", str(I18N / "htdesk_fr.ts")], check=True
    )
    subprocess.run(
        [lupdate, *files, "-no-obsolete", "-locations", "none", "-pluralonly", "-ts", str(I18N / "htdesk_en.ts")],
        check=True,
    )


def release() -> None:
    for ts in sorted(I18N.glob("htdesk_*.ts")):
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    if sys.argv[1:] != ["release"]:
        update()
    release()
