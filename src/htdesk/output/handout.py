"""Handouts: a bookmarks folder as a printable document (cover, contents, pages, notes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from htdesk.render.html import handout_cover_html, handout_item_html, missing_html
from htdesk.store.bookmarks import Bookmark, BookmarkStore, Folder
from htdesk.store.pages import link_index, page_data
from htdesk.store.report import ReportStore

PAGE_BREAK = '<p style="page-break-before: always; margin: 0px;"></p>'


class HandoutError(ValueError):
    """A handout that cannot be made; the message says what to do."""


@dataclass(frozen=True)
class HandoutItem:
    title: str
    cite: str
    html: str


def find_folder(bookmarks: BookmarkStore, name: str) -> Folder:
    """The folder named ``name`` (case and spacing ignored), or a HandoutError listing the folders."""
    wanted = " ".join(name.split()).casefold()
    for f in bookmarks.folders():
        if " ".join(f.name.split()).casefold() == wanted:
            return f
    names = ", ".join(repr(f.name) for f in bookmarks.folders()) or "none yet"
    raise HandoutError(f"no bookmarks folder named {name!r}; folders: {names}")


def handout_items(store: ReportStore, marks: Sequence[Bookmark]) -> list[HandoutItem]:
    """Each bookmarked record rendered as on screen, with the trainer's note and its source."""
    links = link_index(store)
    items = []
    for b in marks:
        data = page_data(store, b.record_id)
        if data is None:
            # The record left the database in an upgrade: keep the saved title, say so.
            items.append(HandoutItem(b.title, "not in this version of the report", missing_html(b.record_id, b.title)))
            continue
        items.append(HandoutItem(data.title, data.record.source.cite(), handout_item_html(data, links, b.note)))
    return items


def handout_html(folder: Folder, items: Sequence[HandoutItem], today: date) -> str:
    """Cover with contents, then one record per page."""
    cover = handout_cover_html(folder.name, folder.notes, today, [(i.title, i.cite) for i in items])
    return cover + "".join(f"{PAGE_BREAK}{i.html}" for i in items)


def write_handout_pdf(
    store: ReportStore, bookmarks: BookmarkStore, folder: Folder, path: Path, paper: str | None = None
) -> int:
    """Render a folder to PDF with the shared renderer and printer; returns the page count."""
    from htdesk.qtenv import ensure_gui_application

    ensure_gui_application()
    from htdesk.output.printing import SheetOptions, SheetPrinter, default_paper

    marks = bookmarks.bookmarks(folder.id)
    if not marks:
        raise HandoutError(f"the folder {folder.name!r} has no bookmarks yet")
    html = handout_html(folder, handout_items(store, marks), date.today())
    opts = SheetOptions(
        title="HT Desk — handout",
        subtitle=folder.name,
        paper=paper or default_paper(),
        date_text=date.today().isoformat(),
    )
    return SheetPrinter().to_pdf(html, path, opts)
