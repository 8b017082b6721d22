"""Remake docs/handout-example.pdf and the PNG of its first two pages that the README shows.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_handout_example.py

The session's folder is made in a temporary bookmarks file (never the user's), with notes of the
trainer's on the folder and on each bookmark: the participants' handout leaves them all out.
The PNG needs pdftoppm and ImageMagick's convert (poppler-utils, imagemagick).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from htdesk.content.comparison import ComparisonRef
from htdesk.output.handout import write_handout_pdf
from htdesk.paths import database_path
from htdesk.store.bookmarks import BookmarkStore
from htdesk.store.report import ReportStore

DOCS = Path(__file__).resolve().parent
FOLDER = "Session 3 — Norway: who coordinates?"
COVER_NOTE = "Frontline session for police and social workers. Goal: know who to call in Norway."
ENTRIES = [
    ("institution/no/kom", "Start here: who sits on it?"),
    ("figure/20", "Draw the two working groups on the board."),
    ("practice/rosa-project-norway", "Ask who has referred someone to ROSA."),
    ("glossary/udi", ""),
    (ComparisonRef.make(["no", "se"], ["coordination", "rapporteur", "nap"]).record_id, "Close with Sweden."),
]


def main() -> None:
    store = ReportStore(database_path())
    with tempfile.TemporaryDirectory() as tmp, BookmarkStore(Path(tmp) / "bookmarks.sqlite") as marks:
        folder = marks.create_folder(FOLDER, COVER_NOTE)
        for record_id, note in ENTRIES:
            summary = store.summary(record_id)
            marks.add(record_id, summary.title if summary else "Comparison: Norway, Sweden", folder.id, note)
        pdf = DOCS / "handout-example.pdf"
        pages = write_handout_pdf(store, marks, folder, pdf, "a4")
        print(f"Wrote {pdf} ({pages} pages)")
        # The first two pages side by side, at a size a README shows whole.
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), f"{tmp}/page"], check=True)
        shots = sorted(Path(tmp).glob("page-*.png"))
        png = DOCS / "handout-example.png"
        convert = shutil.which("convert") or "convert"
        cmd = [convert, *map(str, shots), "-bordercolor", "#bbbbbb", "-border", "1", "+append", str(png)]
        subprocess.run(cmd, check=True)
        print(f"Wrote {png}")


if __name__ == "__main__":
    main()
