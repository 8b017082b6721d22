"""Retake the README's screenshots: five pages at 1280 x 800, light and dark, offscreen.

Each page opens in a fresh window (throw-away settings, no bookmarks), as a trainer first sees it.
Run from the checkout: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take.py
With ``--lang fr`` the same pages in the French edition, as ``<page>-fr-<theme>.png``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# File stem -> the record shown (the README's table names them).
PAGES = {
    "home": "home",
    "country": "country/se",
    "institution": "institution/no/kom",
    "glossary": "glossary/greta",
    "figure": "figure/comparison-table",
}
THEMES = ("light", "dark")


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QSettings

    from htdesk.app import choose_language, make_application
    from htdesk.paths import database_path
    from htdesk.store.report import ReportStore
    from htdesk.ui.mainwindow import MainWindow

    lang = argv[argv.index("--lang") + 1] if "--lang" in argv else "en"
    app = make_application()
    choose_language(app, lang, None)
    suffix = "" if lang == "en" else f"-{lang}"
    store = ReportStore(database_path())
    with tempfile.TemporaryDirectory(prefix="htdesk-shots-") as tmp:
        for theme in THEMES:
            for stem, record in PAGES.items():
                settings = QSettings(str(Path(tmp) / f"{theme}-{stem}.ini"), QSettings.Format.IniFormat)
                settings.setValue("view/theme", theme)
                window = MainWindow(store, settings, bookmarks=None)
                window.resize(1280, 800)
                window.show()
                # The sidebar as a first start lays it out for this width (set before the resize).
                window.splitter.setSizes([340, 1280 - 340])
                if not window.open(record):
                    print(f"not in the database: {record}", file=sys.stderr)
                    return 1
                app.processEvents()
                out = HERE / f"{stem}{suffix}-{theme}.png"
                if not window.grab().save(str(out)):
                    print(f"could not write {out}", file=sys.stderr)
                    return 1
                print(out.relative_to(HERE.parents[1]))
                window.close()
                window.deleteLater()
                app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
