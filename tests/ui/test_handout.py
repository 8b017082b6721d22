"""The handout dialog: notes only when asked, and a preview of exactly the pages the PDF gets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from htdesk.output.printing import SheetPrinter
from htdesk.store.bookmarks import BookmarkStore
from htdesk.store.report import ReportStore
from htdesk.ui.bookmarks.service import BookmarkService
from htdesk.ui.handout import HandoutDialog

RECORDS = ["country/se", "institution/no/kom", "practice/truckstop", "glossary/gla", "glossary/greta", "country/no"]


@pytest.fixture
def dialog(qtbot: QtBot, store: ReportStore, user_dir: Path) -> Iterator[HandoutDialog]:
    marks = BookmarkStore(user_dir / "bookmarks.sqlite")
    service = BookmarkService(marks, poll_ms=0)
    for rid in RECORDS:
        service.add(rid, rid, "Session 3", note=f"my note on {rid}")
    d = HandoutDialog(store, service)
    qtbot.addWidget(d)
    yield d
    marks.close()


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


def _preview_pages(dialog: HandoutDialog, qtbot: QtBot) -> int:
    handout = dialog.handout()
    assert handout is not None
    printer = dialog.preview_printer(handout)  # kept alive: the widget does not own it
    widget = QPrintPreviewWidget(printer)
    qtbot.addWidget(widget)
    sheet = SheetPrinter(widget)
    opts = handout.options(dialog.paper.currentData())
    widget.paintRequested.connect(lambda p: sheet.render(p, handout, opts))
    widget.updatePreview()
    return widget.pageCount()


@pytest.mark.parametrize("one_per_page", [False, True])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_preview_shows_the_pages_of_the_pdf(
    dialog: HandoutDialog, qtbot: QtBot, tmp_path: Path, paper: str, one_per_page: bool
) -> None:
    dialog.paper.setCurrentIndex(dialog.paper.findData(paper))
    dialog.one_per_page.setChecked(one_per_page)
    out = tmp_path / "h.pdf"
    dialog.write_pdf(out)
    assert _preview_pages(dialog, qtbot) == len(PdfReader(str(out)).pages)


def test_notes_only_with_the_box_ticked(dialog: HandoutDialog, tmp_path: Path) -> None:
    assert not dialog.notes.isChecked()
    dialog.write_pdf(tmp_path / "room.pdf")
    assert "my note on" not in _text(tmp_path / "room.pdf")
    dialog.notes.setChecked(True)
    dialog.write_pdf(tmp_path / "mine.pdf")
    text = _text(tmp_path / "mine.pdf")
    assert "my note on glossary/gla" in text and "Trainer's note" in text
