"""Handouts: a bookmarks folder printed to PDF and read back as a trainer would check it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from htdesk.__main__ import main
from htdesk.output.handout import HandoutError, find_folder, write_handout_pdf
from htdesk.store.bookmarks import BookmarkStore
from htdesk.store.report import ReportStore

PAGES = [
    ("country/se", "Sweden", "Start with the berry pickers."),
    ("institution/no/kom", "KOM", "Who sits on it?"),
    ("practice/truckstop", "TruckSTOP", ""),
    ("glossary/gla", "GLA", "Spell it out for the room."),
]


def _flat(reader: PdfReader) -> str:
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


@pytest.fixture
def folder_store(user_dir: Path) -> Iterator[BookmarkStore]:
    store = BookmarkStore.open_default()
    folder = store.create_folder("Session 2 — labour exploitation", "Two hours with labour inspectors.")
    for rid, title, note in PAGES:
        store.add(rid, title, folder.id, note)
    store.add("institution/zz/closed-office", "An office that closed", folder.id, "")
    yield store
    store.close()


def test_handout_pdf_reads_back(folder_store: BookmarkStore, store: ReportStore, tmp_path: Path) -> None:
    folder = find_folder(folder_store, "session 2 — LABOUR exploitation")
    out = tmp_path / "handout.pdf"
    pages = write_handout_pdf(store, folder_store, folder, out, "a4")
    reader = PdfReader(str(out))
    text = _flat(reader)
    assert len(reader.pages) == pages >= 6  # a cover and at least one page per record
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Session 2 — labour exploitation" in cover
    assert "Two hours with labour inspectors." in cover
    assert "Contents" in cover
    for rid, _title, note in PAGES:
        summary = store.summary(rid)
        assert summary is not None
        assert summary.title in cover  # the table of contents lists every page
        assert f"ICPC report, {summary.source.cite()}" in text  # each page carries its source
        if note:
            assert note in text
    assert "An office that closed" in text and "not in this version" in text  # kept, not dropped
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Public Safety Canada, 2014" in text


def test_unknown_folder_lists_the_folders(folder_store: BookmarkStore) -> None:
    with pytest.raises(HandoutError, match="Session 2"):
        find_folder(folder_store, "Session 9")


def test_cli_handout(folder_store: BookmarkStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.pdf"
    assert main(["handout", "Session 2 — labour exploitation", "--pdf", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    code = main(["handout", "Session 9", "--pdf", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code != 0 and "Session 2 — labour exploitation" in err
    assert not (tmp_path / "x.pdf").exists()


def test_empty_folder_is_refused(folder_store: BookmarkStore, store: ReportStore, tmp_path: Path) -> None:
    empty = folder_store.create_folder("Nothing yet")
    with pytest.raises(HandoutError, match="no bookmarks"):
        write_handout_pdf(store, folder_store, empty, tmp_path / "e.pdf")
