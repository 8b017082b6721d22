"""Handouts: a bookmarks folder as a document for participants (cover, contents, records, comparisons)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from htdesk.content.comparison import ComparisonRef
from htdesk.i18n import translate
from htdesk.render.html import (
    SHEET,
    comparison_html,
    handout_comparison_html,
    handout_cover_html,
    handout_item_html,
    missing_html,
)
from htdesk.store.bookmarks import Bookmark, BookmarkStore, Folder
from htdesk.store.pages import comparison_data, link_index, page_data
from htdesk.store.report import ReportStore

if TYPE_CHECKING:
    from PySide6.QtGui import QTextBlock, QTextDocument, QTextTable

    from htdesk.output.printing import SheetOptions
    from htdesk.store.pages import ComparisonData, LinkIndex

# A record begins on a new page rather than in the last quarter of one.
LAST_QUARTER = 0.75


class HandoutError(ValueError):
    """A handout that cannot be made; the message says what to do."""


@dataclass(frozen=True)
class HandoutItem:
    """One entry: its title and source for the contents, its HTML; a sheet begins a page of its own."""

    title: str
    cite: str
    html: str
    own_page: bool = False
    # A stacked comparison sheet made again with its rows numbered here each beginning a page.
    remake: Callable[[frozenset[int]], str] | None = None


def find_folder(bookmarks: BookmarkStore, name: str) -> Folder:
    """The folder named ``name`` (case and spacing ignored), or a HandoutError listing the folders."""
    wanted = " ".join(name.split()).casefold()
    for f in bookmarks.folders():
        if " ".join(f.name.split()).casefold() == wanted:
            return f
    names = ", ".join(repr(f.name) for f in bookmarks.folders()) or translate("output", "none yet")
    raise HandoutError(
        translate("output", "no bookmarks folder named {name}; folders: {names}").format(name=repr(name), names=names)
    )


STACKED_FROM = 3  # countries on a comparison sheet from which each row's name goes above its cells


def _sheet_html(
    data: ComparisonData, ref: ComparisonRef, links: LinkIndex, note: str | None, stacked: bool, breaks: frozenset[int]
) -> str:
    """A bookmarked comparison as a handout prints it: as bookmarked (the sheet, or every statement)."""
    html = comparison_html(
        data, ref.dimensions, links=links, for_print=True, layout=ref.layout, stacked=stacked, breaks=breaks
    )
    return handout_comparison_html([c.name for c in data.countries], html, note)


def handout_items(store: ReportStore, marks: Sequence[Bookmark], *, notes: bool = False) -> list[HandoutItem]:
    """Each bookmark rendered for paper; the trainer's note only when ``notes`` (the trainer's copy).

    The trainer's copy also carries HT Desk's editorial notes on the report's text: written for the
    trainer, they are printed only on that request.
    """
    links = link_index(store)
    items = []
    for b in marks:
        note = b.note if notes else None
        try:
            ref = ComparisonRef.parse(b.record_id)
        except ValueError:
            ref = None  # a malformed comparison id prints as a page this version cannot show
        if ref is not None:
            data = comparison_data(store, list(ref.countries))
            if len(data.countries) == len(ref.countries):
                names = [c.name for c in data.countries]
                # A handout's pages are portrait: three or four countries leave no room for a column of row names.
                stacked = len(names) >= STACKED_FROM
                sheet = partial(_sheet_html, data, ref, links, note, stacked)
                title = translate("output", "Comparison: {countries}").format(countries=", ".join(names))
                cite = translate("output", "country profiles")
                remake = sheet if stacked and ref.layout == SHEET else None
                items.append(HandoutItem(title, cite, sheet(frozenset()), own_page=True, remake=remake))
                continue
        data_ = None if ref is not None else page_data(store, b.record_id)
        if data_ is None:
            # The record left the database in an upgrade: keep the saved title, say so.
            missing = missing_html(b.record_id, b.title)
            items.append(HandoutItem(b.title, "not in this version of the report", missing))
            continue
        items.append(
            HandoutItem(data_.title, data_.record.source.cite(), handout_item_html(data_, links, note, editorial=notes))
        )
    return items


def _is_rule(block: QTextBlock) -> bool:
    from PySide6.QtGui import QTextFormat

    return block.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)


def _record_starts(doc: QTextDocument, count: int) -> list[QTextBlock]:
    """The first block of each entry: the rule drawn before it.

    Found by structure, not by anchors (a named anchor splits its word in a PDF's text): the cover
    has the document's first h1, every entry one more, each after a rule.
    """
    starts: list[QTextBlock] = []
    rule = None
    block = doc.begin()
    while block.isValid() and len(starts) < count:
        if _is_rule(block):
            rule = block
        elif block.blockFormat().headingLevel() == 1 and rule is not None:
            starts.append(rule)
            rule = None
        block = block.next()
    return starts


def _contents_table(doc: QTextDocument, count: int) -> QTextTable | None:
    """The cover's contents: its table of ``count`` entries under a header row, before any entry."""
    from PySide6.QtGui import QTextTable

    starts = _record_starts(doc, 1)
    end = starts[0].position() if starts else doc.characterCount()
    for frame in doc.rootFrame().childFrames():
        is_contents = isinstance(frame, QTextTable) and frame.columns() == 3 and frame.rows() == count + 1
        if is_contents and frame.firstPosition() < end:
            return frame  # type: ignore[return-value]
    return None


def _break_before(block: QTextBlock) -> None:
    from PySide6.QtGui import QTextCursor, QTextFormat

    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)


def arrange(
    doc: QTextDocument,
    page_height: float,
    count: int,
    *,
    one_per_page: bool = False,
    own_page: Sequence[bool] = (),
) -> list[int]:
    """Page breaks between a laid-out handout's entries; returns each entry's 0-based page.

    The first entry follows the cover on a new page. The others follow one another and begin a new
    page only where they would begin in a page's last quarter, or where a short entry (one that fits
    on a page) would be split; or every one on its own page with ``one_per_page``. An entry marked
    ``own_page`` (a comparison sheet) always begins a page.
    """
    layout = doc.documentLayout()
    # setHtml() lays out lazily, a step at a time; a change made in a part not yet laid out is lost
    # in it (blocks left with no lines): the whole document is laid out before any change.
    layout.blockBoundingRect(doc.lastBlock())
    starts = _record_starts(doc, count)
    pages = []
    for n, block in enumerate(starts):
        if n == 0 or one_per_page or (n < len(own_page) and own_page[n]):
            _break_before(block)
        else:
            top = layout.blockBoundingRect(block).top()
            if n + 1 < len(starts):
                end = layout.blockBoundingRect(starts[n + 1]).top()
            else:
                end = layout.blockBoundingRect(doc.lastBlock()).bottom()
            offset = top - (top // page_height) * page_height
            height = end - top
            if offset > LAST_QUARTER * page_height or (height <= page_height and offset + height > page_height):
                _break_before(block)
        pages.append(int(layout.blockBoundingRect(block).top() // page_height))
    return pages


MAX_SPLITS = 12  # stacked sheets made again to keep a row's name with its row: a few per sheet at most


def _named_rows(table: QTextTable) -> list[int]:
    """The rows of a stacked comparison sheet that name the row below them: one cell across the table.

    None in any other table: only a stacked sheet alternates such a row with a row of cells.
    """
    cols = table.columns()
    named = [r for r in range(table.rows()) if table.cellAt(r, 0).columnSpan() == cols]
    if cols < 2 or not named or any(r + 1 >= table.rows() or r + 1 in named for r in named):
        return []
    return named


def orphaned_name(
    doc: QTextDocument, page_height: float, count: int, entries: Collection[int]
) -> tuple[int, int] | None:
    """The first row name a page ends on, apart from its row: (entry, row number in its sheet), or None.

    Only the tables of ``entries`` (those holding a stacked sheet) are looked at.
    """
    import bisect

    from PySide6.QtGui import QTextTable

    layout = doc.documentLayout()
    layout.blockBoundingRect(doc.lastBlock())  # laid out to the end
    starts = [block.position() for block in _record_starts(doc, count)]
    seen: dict[int, int] = {}  # entry -> the row names of its sheet met so far (a sheet may be split)
    for frame in doc.rootFrame().childFrames():
        named = _named_rows(frame) if isinstance(frame, QTextTable) else []
        if not named:
            continue
        entry = bisect.bisect_right(starts, frame.firstPosition()) - 1
        if entry not in entries:
            continue
        before = seen.get(entry, 0)
        seen[entry] = before + len(named)
        for k, r in enumerate(named):
            name = doc.findBlock(frame.cellAt(r, 0).firstPosition())
            below = doc.findBlock(frame.cellAt(r + 1, 0).firstPosition())
            if int(layout.blockBoundingRect(name).top() // page_height) != int(
                layout.blockBoundingRect(below).top() // page_height
            ):
                return entry, before + k
    return None


class Handout:
    """A folder as a printout: a cover with the contents, then its entries; arranged once laid out."""

    def __init__(
        self,
        folder: Folder,
        items: Sequence[HandoutItem],
        today: date,
        *,
        notes: bool = False,
        one_per_page: bool = False,
    ) -> None:
        self.folder, self.items, self.today = folder, list(items), today
        self.notes, self.one_per_page = notes, one_per_page
        self.pages: list[int] = []  # each entry's 0-based page, once laid out
        self.breaks: dict[int, set[int]] = {}  # entry -> rows of its stacked sheet that begin a page

    def html(self, pages: Sequence[int | None] = ()) -> str:
        """Cover with contents (page numbers as given), then every entry after a rule."""
        toc = [(i.title, i.cite) for i in self.items]
        cover = handout_cover_html(self.folder.name, self.today, toc, pages, self.folder.notes if self.notes else None)
        return cover + "".join(f"<hr/>{self._html_of(n)}" for n in range(len(self.items)))

    def _html_of(self, n: int) -> str:
        item, breaks = self.items[n], self.breaks.get(n)
        return item.remake(frozenset(breaks)) if breaks and item.remake is not None else item.html

    def document(self, make: Callable[[str], QTextDocument], page_height: float) -> QTextDocument:
        """Lay out once to learn where each entry starts, then write the page numbers in the contents."""
        own_page = [i.own_page for i in self.items]
        stacked = {n for n, i in enumerate(self.items) if i.remake is not None}
        self.breaks = {}  # found anew for these pages: another paper size ends its pages elsewhere
        for _ in range(MAX_SPLITS + 1):
            doc = make(self.html([0] * len(self.items)))  # room for the numbers: the cover keeps its height
            pages = arrange(doc, page_height, len(self.items), one_per_page=self.one_per_page, own_page=own_page)
            # Only stacked sheets have row names to keep with their rows; other handouts skip the look.
            orphan = orphaned_name(doc, page_height, len(self.items), stacked) if stacked else None
            if orphan is None or orphan[1] in self.breaks.get(orphan[0], ()):
                break
            # A page ends on a row's name: the sheet is made again with that row beginning the next page.
            self.breaks.setdefault(orphan[0], set()).add(orphan[1])
        toc = _contents_table(doc, len(pages))
        if toc is not None:
            from PySide6.QtGui import QTextCursor

            # One edit block: the document is laid out again once, not once per number (20 entries: 0.7 s).
            cursor = QTextCursor(doc)
            cursor.beginEditBlock()
            for n, page in enumerate(pages):
                cell = toc.cellAt(n + 1, 2)
                cursor.setPosition(cell.firstCursorPosition().position())
                cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(str(page + 1))
            cursor.endEditBlock()
        self.pages = pages
        # Edits are laid out lazily: asking where the last block is finishes the layout, so that
        # pageCount() counts every page.
        doc.documentLayout().blockBoundingRect(doc.lastBlock())
        return doc

    def outline(self) -> list[tuple[str, int]]:
        return [(i.title, p) for i, p in zip(self.items, self.pages, strict=True)]

    def options(self, paper: str) -> SheetOptions:
        from htdesk.output.printing import SheetOptions

        n = len(self.items)
        copy = (
            translate("output", "trainer's copy, with notes") if self.notes else translate("output", "for participants")
        )
        title = translate("output", "HT Desk — handout")
        if self.notes:
            title = translate("output", "{title} (trainer's copy)").format(title=title)
        return SheetOptions(
            title=title,
            subtitle=self.folder.name,
            paper=paper,
            date_text=self.today.isoformat(),
            doc_title=self.folder.name,
            subject=translate(
                "output", "Handout ({copy}): {n} entries from the ICPC report on human trafficking prevention policies"
            ).format(copy=copy, n=n),
        )


def make_handout(
    store: ReportStore,
    bookmarks: BookmarkStore,
    folder: Folder,
    *,
    notes: bool = False,
    one_per_page: bool = False,
) -> Handout:
    """The folder's handout, or a HandoutError if it has nothing to print."""
    marks = bookmarks.bookmarks(folder.id)
    if not marks:
        raise HandoutError(translate("output", "the folder {name} has no bookmarks yet").format(name=repr(folder.name)))
    items = handout_items(store, marks, notes=notes)
    return Handout(folder, items, date.today(), notes=notes, one_per_page=one_per_page)


def write_handout_pdf(
    store: ReportStore,
    bookmarks: BookmarkStore,
    folder: Folder,
    path: Path,
    paper: str | None = None,
    *,
    notes: bool = False,
    one_per_page: bool = False,
) -> int:
    """Render a folder to PDF with the shared renderer and printer; returns the page count."""
    from htdesk.qtenv import ensure_gui_application

    ensure_gui_application()
    from htdesk.output.printing import SheetPrinter, default_paper

    handout = make_handout(store, bookmarks, folder, notes=notes, one_per_page=one_per_page)
    return SheetPrinter().to_pdf(handout, path, handout.options(paper or default_paper()))


def write_handout_odt(
    store: ReportStore, bookmarks: BookmarkStore, folder: Folder, path: Path, *, notes: bool = False
) -> None:
    """The handout as OpenDocument text, to adapt in a word processor (contents without page numbers)."""
    from htdesk.qtenv import ensure_gui_application

    ensure_gui_application()
    from PySide6.QtGui import QTextDocument

    from htdesk.output.printing import BODY_PT, SheetPrinter, print_stylesheet, write_odt

    handout = make_handout(store, bookmarks, folder, notes=notes)
    doc = QTextDocument()
    doc.setDefaultFont(SheetPrinter().print_font(BODY_PT))
    doc.setDefaultStyleSheet(print_stylesheet())
    doc.setHtml(handout.html())
    starts = _record_starts(doc, len(handout.items))
    if starts:
        _break_before(starts[0])  # the cover is a page of its own, as on paper
    write_odt(doc, path)
