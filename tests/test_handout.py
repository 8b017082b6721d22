"""Handouts: a bookmarks folder printed to PDF and read back as a trainer would check it."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from htdesk.__main__ import main
from htdesk.output.handout import (
    HandoutError,
    arrange,
    find_folder,
    handout_items,
    make_handout,
    write_handout_odt,
    write_handout_pdf,
)
from htdesk.store.bookmarks import BookmarkStore, Folder
from htdesk.store.report import ReportStore
from tests.textlayout import broken_words

PAGES = [
    ("country/se", "Sweden", "Start with the quiz on slide three."),
    ("institution/no/kom", "KOM", "Who sits on it?"),
    ("practice/truckstop", "TruckSTOP", ""),
    ("glossary/gla", "GLA", "Spell it out for the room."),
]
COVER_NOTE = "Two hours with labour inspectors."

# The issue's session: three glossary entries, a practice and an institution, each with a note.
SESSION = [
    ("glossary/gla", "Ask: who checks the employer?"),
    ("glossary/kom", "Pause here for questions."),
    ("glossary/greta", "Hand out the GRETA summary."),
    ("practice/truckstop", "Show the truck-stop poster."),
    ("institution/no/kom", "Compare with our own unit."),
]


def _flat(reader: PdfReader) -> str:
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _page_texts(reader: PdfReader) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in reader.pages]


def _links(reader: PdfReader) -> list[str]:
    uris = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


@pytest.fixture
def folder_store(user_dir: Path) -> Iterator[BookmarkStore]:
    store = BookmarkStore.open_default()
    folder = store.create_folder("Session 2 — labour exploitation", COVER_NOTE)
    for rid, title, note in PAGES:
        store.add(rid, title, folder.id, note)
    store.add("institution/zz/closed-office", "An office that closed", folder.id, "")
    yield store
    store.close()


@pytest.fixture
def session(user_dir: Path) -> Iterator[tuple[BookmarkStore, Folder]]:
    store = BookmarkStore.open_default()
    folder = store.create_folder("Session 1", "Keep this part to ninety minutes.")
    for rid, note in SESSION:
        store.add(rid, rid, folder.id, note)
    yield store, folder
    store.close()


def test_handout_pdf_reads_back(folder_store: BookmarkStore, store: ReportStore, tmp_path: Path) -> None:
    folder = find_folder(folder_store, "session 2 — LABOUR exploitation")
    out = tmp_path / "handout.pdf"
    pages = write_handout_pdf(store, folder_store, folder, out, "a4")
    reader = PdfReader(str(out))
    text = _flat(reader)
    assert len(reader.pages) == pages
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Session 2 — labour exploitation" in cover
    assert "Contents" in cover
    for rid, _title, _note in PAGES:
        summary = store.summary(rid)
        assert summary is not None
        assert summary.title in cover  # the table of contents lists every page
        assert f"ICPC report, {summary.source.cite()}" in text  # each page carries its source
    assert "An office that closed" in text and "not in this version" in text  # kept, not dropped
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Public Safety Canada, National Crime Prevention Centre. Montreal: ICPC, 2014." in text  # the footer


def test_notes_stay_out_unless_asked_for(folder_store: BookmarkStore, store: ReportStore, tmp_path: Path) -> None:
    folder = find_folder(folder_store, "Session 2 — labour exploitation")
    notes = [n for _rid, _title, n in PAGES if n] + [COVER_NOTE]
    write_handout_pdf(store, folder_store, folder, tmp_path / "room.pdf")
    room = _flat(PdfReader(str(tmp_path / "room.pdf")))
    assert not [n for n in notes if n in room]
    assert "Trainer" not in room
    write_handout_pdf(store, folder_store, folder, tmp_path / "mine.pdf", notes=True)
    mine = PdfReader(str(tmp_path / "mine.pdf"))
    text = _flat(mine)
    assert [n for n in notes if n in text] == notes
    # Marked as the trainer's, each beside its record.
    assert text.count("Trainer's note (not for participants)") == sum(1 for *_, n in PAGES if n)
    assert "Trainer's notes for this session" in _page_texts(mine)[0]
    assert "trainer's copy" in text.casefold()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=st.text(min_size=1, max_size=300), cover=st.text(max_size=300))
def test_a_note_never_reaches_the_default_handout(
    folder_store: BookmarkStore, store: ReportStore, note: str, cover: str
) -> None:
    folder = find_folder(folder_store, "Session 2 — labour exploitation")
    before = make_handout(store, folder_store, folder).html()
    mark = folder_store.bookmarks(folder.id)[0]
    old_note = folder_store.set_note(mark.id, note)
    old_cover = folder_store.set_folder_notes(folder.id, cover)
    try:
        changed = folder_store.folder(folder.id)
        assert changed is not None
        # Whatever the notes say, the participants' handout is the same, to the byte.
        assert make_handout(store, folder_store, changed).html() == before
    finally:
        folder_store.set_note(mark.id, old_note)
        folder_store.set_folder_notes(folder.id, old_cover)


def test_five_short_records_fit_four_pages_with_contents_outline_and_metadata(
    session: tuple[BookmarkStore, Folder], store: ReportStore, tmp_path: Path
) -> None:
    marks, folder = session
    out = tmp_path / "f.pdf"
    pages = write_handout_pdf(store, marks, folder, out, "a4")
    reader = PdfReader(str(out))
    assert pages == len(reader.pages) <= 4
    texts = _page_texts(reader)
    assert not [n for _rid, n in SESSION if n in " ".join(texts)]
    titles = [store.summary(rid).title for rid, _ in SESSION]  # type: ignore[union-attr]
    # The outline: one entry per record, each pointing at the page where the record's title is.
    outline = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline]  # type: ignore[union-attr]
    assert [t for t, _ in outline] == titles
    for title, page in outline:
        assert title in texts[page]
    # The contents give the same pages, counted from 1.
    cover = texts[0]
    for title, page in outline:
        assert re.search(rf"{re.escape(title)} — .*? {page + 1}\b", cover), (title, page + 1)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Session 1"
    assert meta.creator == "HT Desk"
    assert meta.subject and "participants" in meta.subject and "5 entries" in meta.subject


def test_one_record_per_page_on_request(
    session: tuple[BookmarkStore, Folder], store: ReportStore, tmp_path: Path
) -> None:
    marks, folder = session
    out = tmp_path / "each.pdf"
    pages = write_handout_pdf(store, marks, folder, out, one_per_page=True)
    reader = PdfReader(str(out))
    assert pages == 1 + len(SESSION)
    assert [reader.get_destination_page_number(o) for o in reader.outline] == [1, 2, 3, 4, 5]  # type: ignore[arg-type]


def test_compact_flow_breaks_only_before_the_last_quarter_or_a_split(
    session: tuple[BookmarkStore, Folder], store: ReportStore, qapp: object, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPdfWriter, QTextFormat

    from htdesk.output.handout import _break_before, _record_starts
    from htdesk.output.printing import SheetPrinter

    marks, folder = session
    handout = make_handout(store, marks, folder)
    printer = SheetPrinter()
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))  # a layout device: no painter is started on it
    writer.setResolution(300)
    body = QSizeF(2000, 3000)
    doc = printer._document(handout.html([0] * len(SESSION)), writer, body)
    pages = arrange(doc, body.height(), len(SESSION))
    starts = _record_starts(doc, len(SESSION))
    layout = doc.documentLayout()
    broken = [b.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore for b in starts]
    assert broken[0]  # the first record follows the cover on a page of its own
    assert pages == sorted(pages) and pages[0] == 1
    for n in range(1, len(starts)):
        top = layout.blockBoundingRect(starts[n]).top()
        offset = top % body.height()
        if not broken[n]:
            # A record that follows on the same page starts above the last quarter.
            assert offset <= 0.75 * body.height()
    # The incremental layout is the one a fresh document with the same breaks gets.
    fresh = printer._document(handout.html([0] * len(SESSION)), writer, body)
    fresh_starts = _record_starts(fresh, len(SESSION))
    for block, brk in zip(fresh_starts, broken, strict=True):
        if brk:
            _break_before(block)
    fresh.documentLayout().blockBoundingRect(fresh.lastBlock())
    assert fresh.pageCount() == doc.pageCount()
    assert [int(fresh.documentLayout().blockBoundingRect(b).top() // body.height()) for b in fresh_starts] == pages


def test_no_record_link_reaches_the_pdf_web_addresses_do(user_dir: Path, store: ReportStore, tmp_path: Path) -> None:
    with BookmarkStore.open_default() as marks:
        folder = marks.create_folder("Links")
        for rid in ("section/1-2", "country/no", "institution/no/kom", "glossary/kom"):
            marks.add(rid, rid, folder.id)
        write_handout_pdf(store, marks, folder, tmp_path / "links.pdf")
    reader = PdfReader(str(tmp_path / "links.pdf"))
    uris = _links(reader)
    assert not [u for u in uris if not u.startswith(("http://", "https://"))]
    assert "http://www.rcmp-grc.gc.ca/ht-tp/publications/index-eng.htm" in uris
    text = _flat(reader)
    assert "Compare Norway with other countries" not in text
    assert "Norway" in text


def test_odt_holds_the_records_without_notes(folder_store: BookmarkStore, store: ReportStore, tmp_path: Path) -> None:
    folder = find_folder(folder_store, "Session 2 — labour exploitation")
    out = tmp_path / "h.odt"
    write_handout_odt(store, folder_store, folder, out)
    with zipfile.ZipFile(out) as z:
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = z.read("content.xml").decode("utf-8")
    assert "TruckSTOP" in content and "Session 2 — labour exploitation" in content
    assert "quiz on slide three" not in content and COVER_NOTE not in content
    write_handout_odt(store, folder_store, folder, out, notes=True)
    with zipfile.ZipFile(out) as z:
        assert "quiz on slide three" in z.read("content.xml").decode("utf-8")


def test_unknown_folder_lists_the_folders(folder_store: BookmarkStore) -> None:
    with pytest.raises(HandoutError, match="Session 2"):
        find_folder(folder_store, "Session 9")


def test_cli_handout(folder_store: BookmarkStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.pdf"
    assert main(["handout", "Session 2 — labour exploitation", "--pdf", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "quiz on slide three" not in _flat(PdfReader(str(out)))
    assert main(["handout", "Session 2 — labour exploitation", "--pdf", str(out), "--notes"]) == 0
    assert "quiz on slide three" in _flat(PdfReader(str(out)))
    odt = tmp_path / "h.odt"
    assert main(["handout", "Session 2 — labour exploitation", "--odt", str(odt), "--page-per-record"]) == 0
    assert zipfile.is_zipfile(odt)
    code = main(["handout", "Session 9", "--pdf", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code != 0 and "Session 2 — labour exploitation" in err
    assert not (tmp_path / "x.pdf").exists()
    assert main(["handout", "Session 2 — labour exploitation"]) == 2
    assert "--pdf" in capsys.readouterr().err


def test_empty_folder_is_refused(folder_store: BookmarkStore, store: ReportStore, tmp_path: Path) -> None:
    empty = folder_store.create_folder("Nothing yet")
    with pytest.raises(HandoutError, match="no bookmarks"):
        write_handout_pdf(store, folder_store, empty, tmp_path / "e.pdf")


def test_items_keep_the_folder_order(folder_store: BookmarkStore, store: ReportStore) -> None:
    folder = find_folder(folder_store, "Session 2 — labour exploitation")
    items = handout_items(store, folder_store.bookmarks(folder.id))
    assert [i.title for i in items][:2] == ["Sweden", store.summary("institution/no/kom").title]  # type: ignore[union-attr]
    assert date.today().isoformat() in make_handout(store, folder_store, folder).html()


def test_the_issue_session_from_the_command_line(user_dir: Path, tmp_path: Path, store: ReportStore) -> None:
    """Imported with `htdesk bookmarks import`, printed with `htdesk handout`: as the issue asks."""
    doc = {
        "format": "htdesk-bookmarks",
        "version": 1,
        "folders": [
            {
                "name": "Session 1",
                "notes": "Keep this part to ninety minutes.",
                "bookmarks": [{"record_id": rid, "title": rid, "note": note} for rid, note in SESSION],
            },
            {
                "name": "Session 2",
                "bookmarks": [
                    {"record_id": "glossary/kom", "title": "KOM"},
                    {
                        "record_id": "compare/be,no",
                        "title": "Comparison: Belgium, Norway",
                        "comparison": {"countries": ["be", "no"], "dimensions": ["nap", "rapporteur"]},
                    },
                ],
            },
        ],
    }
    src = tmp_path / "sessions.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["bookmarks", "import", str(src)]) == 0
    out = tmp_path / "f.pdf"
    assert main(["handout", "Session 1", "--pdf", str(out)]) == 0
    reader = PdfReader(str(out))
    text = _flat(reader)
    assert len(reader.pages) <= 4
    assert not [n for _rid, n in SESSION if n in text] and "ninety minutes" not in text
    assert not [u for u in _links(reader) if u.startswith("ht:")]
    assert len(reader.outline) == len(SESSION)
    assert main(["handout", "Session 1", "--pdf", str(out), "--notes"]) == 0
    text = _flat(PdfReader(str(out)))
    assert [n for _rid, n in SESSION if n in text] == [n for _rid, n in SESSION]
    assert "ninety minutes" in text
    # A folder holding a comparison prints its sheet, on a page of its own.
    assert main(["handout", "Session 2", "--pdf", str(out)]) == 0
    reader = PdfReader(str(out))
    pages = _page_texts(reader)
    outline = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline]  # type: ignore[union-attr]
    assert outline[1][0] == "Comparison: Belgium, Norway"
    sheet = " ".join(pages[outline[1][1] :])
    assert pages[outline[1][1]].count("COUNTRY COMPARISON") == 1
    for label in ("Belgium", "Norway", "National action plan", "National rapporteur"):
        assert label in sheet
    assert "Position on demand" not in sheet  # only the dimensions bookmarked
    assert "Sources in the ICPC report" in sheet  # the sheet layout: short answers, numbered sources
    assert outline[1][1] > outline[0][1]


def test_self_test_prints_a_handout_with_its_outline(user_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^ok   handout PDF: \d+ pages, 2 outline entries$", out, re.MULTILINE), out
    assert not any(user_dir.iterdir())  # its bookmarks live in a temporary folder


@pytest.mark.parametrize(
    ("countries", "stacked", "lang"),
    [("be,fr,no,se", True, "en"), ("be,fr,no,se", True, "fr"), ("au,be,no", True, "en"), ("be,no", False, "en")],
)
def test_a_comparison_sheet_on_a_handout_page_breaks_no_word(
    user_dir: Path, store: ReportStore, qtbot: object, countries: str, stacked: bool, lang: str
) -> None:
    # A portrait page left three or four countries beside a column of row names so little room that
    # names and badges broke inside words ("destinatio|n", "19|95"): there each name goes above its
    # row, and a badge wraps between its words (French: "Premier plan d'action 1|995" did not fit).
    from PySide6.QtGui import QTextTable

    from htdesk import i18n
    from htdesk.output.printing import SheetPrinter

    marks = BookmarkStore.open_default()
    i18n.set_language(lang)
    try:
        folder = marks.create_folder("Session 4", "")
        marks.add(f"compare/{countries}?layout=sheet", "Countries side by side", folder.id, "")
        handout = make_handout(store, marks, folder)
    finally:
        i18n.set_language("en")
        marks.close()
    laid = SheetPrinter().lay_out(handout, handout.options("a4"))
    assert broken_words(laid.doc) == []
    n = len(countries.split(","))
    named = [
        (table, r)
        for table in laid.doc.rootFrame().childFrames()
        if isinstance(table, QTextTable)
        for r in range(table.rows())
        if laid.doc.findBlock(table.cellAt(r, 0).firstPosition()).text() in ("Victims", "Victimes")
    ]
    assert named, "every row is named"
    table, row = named[0]
    assert table.columns() == (n if stacked else n + 1)
    assert (table.cellAt(row, 0).columnSpan() == n) is stacked  # the name across the table, above its row


@pytest.mark.parametrize("countries", ["be,fr,no,se", "au,it,nl,gb", "bg,ca,co", "br,fr,us,se"])
def test_a_page_never_ends_on_a_row_name_of_a_stacked_sheet(
    user_dir: Path, store: ReportStore, qtbot: object, countries: str
) -> None:
    from PySide6.QtGui import QTextTable

    from htdesk.output.printing import SheetPrinter

    marks = BookmarkStore.open_default()
    try:
        folder = marks.create_folder("Session 5", "")
        marks.add("country/no", "Norway", folder.id, "")  # a record before, so the sheet is not alone
        marks.add(f"compare/{countries}?layout=sheet", "Countries side by side", folder.id, "")
        handout = make_handout(store, marks, folder)
    finally:
        marks.close()
    laid = SheetPrinter().lay_out(handout, handout.options("a4"))
    doc, page = laid.doc, laid.body.height()
    layout = doc.documentLayout()
    n = len(countries.split(","))
    named = 0
    for table in doc.rootFrame().childFrames():
        if not isinstance(table, QTextTable) or table.columns() != n:
            continue
        for r in range(table.rows() - 1):
            if table.cellAt(r, 0).columnSpan() != n:
                continue
            named += 1
            name = layout.blockBoundingRect(doc.findBlock(table.cellAt(r, 0).firstPosition()))
            row = layout.blockBoundingRect(doc.findBlock(table.cellAt(r + 1, 0).firstPosition()))
            assert int(name.top() // page) == int(row.top() // page), doc.findBlock(
                table.cellAt(r, 0).firstPosition()
            ).text()
    assert named >= 10  # every row's name was looked at, across the pages the sheet takes


def test_a_handout_laid_out_again_on_other_paper_splits_its_sheet_for_that_paper(
    user_dir: Path, store: ReportStore, qtbot: object
) -> None:
    # The preview may switch A4 to Letter: where a page ends on a row name depends on the paper.
    from htdesk.output.printing import SheetPrinter

    marks = BookmarkStore.open_default()
    try:
        folder = marks.create_folder("Session 6", "")
        marks.add("country/no", "Norway", folder.id, "")
        marks.add("compare/be,fr,no,se?layout=sheet", "Four countries", folder.id, "")
        both, letter_only = make_handout(store, marks, folder), make_handout(store, marks, folder)
    finally:
        marks.close()
    printer = SheetPrinter()
    printer.lay_out(both, both.options("a4"))
    on_a4 = {n: set(rows) for n, rows in both.breaks.items()}
    printer.lay_out(both, both.options("letter"))
    printer.lay_out(letter_only, letter_only.options("letter"))
    assert on_a4, "on A4 a page ended on a row name of this sheet"
    assert both.breaks == letter_only.breaks  # nothing kept from A4
