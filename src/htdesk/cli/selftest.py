"""`htdesk --self-test`: prove an installation works end to end, without a display."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def _handout(store: object, tmp: Path) -> tuple[bool, str]:
    """A two-entry handout from a bookmarks file in ``tmp`` (never the user's), read back with pypdf.

    The outline is added by pypdf: this proves an installed copy carries it.
    """
    from htdesk.content.comparison import ComparisonRef
    from htdesk.output.files import OutputError
    from htdesk.output.handout import write_handout_pdf
    from htdesk.store.bookmarks import BookmarkError, BookmarkStore

    try:
        with BookmarkStore(tmp / "self-test-bookmarks.sqlite") as marks:
            folder = marks.create_folder("Self-test")
            marks.add("glossary/kom", "KOM", folder.id, "a note that must not print")
            marks.add(ComparisonRef.make(["be", "no"], ["nap"]).record_id, "Comparison", folder.id)
            pages = write_handout_pdf(store, marks, folder, tmp / "handout.pdf")  # type: ignore[arg-type]
        from pypdf import PdfReader

        reader = PdfReader(str(tmp / "handout.pdf"))
        text = " ".join(page.extract_text() for page in reader.pages)
        ok = len(reader.outline) == 2 and "must not print" not in text
        return ok, f"{pages} pages, {len(reader.outline)} outline entries"
    except (OSError, OutputError, BookmarkError, ImportError) as exc:
        return False, str(exc)


def run_self_test(db: Path | None = None) -> int:
    """Open the database, check it, search, render a page, write a comparison and a handout PDF; 0 if all pass."""
    from htdesk.paths import database_path
    from htdesk.store.check import check_database
    from htdesk.store.report import ReportStore, StoreError

    steps: list[tuple[str, bool, str]] = []

    def step(name: str, ok: bool, detail: str = "") -> bool:
        steps.append((name, ok, detail))
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
        return ok

    try:
        store = ReportStore(db or database_path())
    except StoreError as exc:
        step("open database", False, str(exc))
        return 1
    step("open database", True, str(store.path))
    from htdesk.render.pages import rendered_pages

    problems = check_database(store, rendered_pages)
    step("check", not problems, problems[0] if problems else f"{sum(store.counts().values())} records")

    from htdesk.store.search import search

    result = search(store, "KOM", limit=5)
    step(
        "search",
        bool(result.hits) and result.hits[0].id == "glossary/kom",
        f"{len(result.hits)} hits for KOM",
    )

    from htdesk.qtenv import ensure_gui_application

    ensure_gui_application()
    from PySide6.QtGui import QTextDocument

    from htdesk.render.html import page_html
    from htdesk.store.pages import link_index, page_data

    data = page_data(store, "country/no")
    html = page_html(data, link_index(store)) if data else ""
    doc = QTextDocument()
    doc.setHtml(html)
    step("render page", "Norway" in doc.toPlainText(), f"{len(html)} characters of HTML")

    from htdesk.cli.compare import write_comparison_pdf
    from htdesk.output.compare import parse_dimensions

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "self-test.pdf"
        try:
            pages = write_comparison_pdf(store, ["be", "no"], parse_dimensions(None), out)
            ok = out.stat().st_size > 1000 and out.read_bytes().startswith(b"%PDF")
            step("comparison PDF", ok, f"{pages} pages, {out.stat().st_size} bytes")
        except OSError as exc:
            step("comparison PDF", False, str(exc))
        step("handout PDF", *_handout(store, Path(tmp)))
    failed = [n for n, ok, _ in steps if not ok]
    print("self-test passed" if not failed else f"self-test FAILED: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0
