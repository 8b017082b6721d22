"""Country comparison as plain data: row choice, rows and CSV, and the printout's HTML and options; no SQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from htdesk.content.comparison import MAX_COUNTRIES, MIN_COUNTRIES
from htdesk.content.kinds import ALL_ROWS, NOT_COVERED, ROW_LABELS, CompareRow, Dimension, Listing
from htdesk.i18n import translate
from htdesk.store.pages import ComparisonData, comparison_data, link_index

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from htdesk.output.printing import SheetOptions
    from htdesk.render.html import Fragment
    from htdesk.store.pages import LinkIndex
    from htdesk.store.report import ReportStore


class CompareError(ValueError):
    """A comparison that cannot be made; the message says what to do instead."""


def parse_dimensions(text: str | None) -> list[CompareRow]:
    """Rows named in "nap,coordination,practices" order; None or an empty string means all of them."""
    if not text:
        return list(ALL_ROWS)
    out: list[CompareRow] = []
    valid: dict[str, CompareRow] = {r.value: r for r in ALL_ROWS}
    labels = {v.casefold(): k for k, v in ROW_LABELS.items()}
    for raw in text.split(","):
        key = raw.strip().casefold().replace("-", "_").replace(" ", "_")
        if not key:
            continue
        dim = valid.get(key) or labels.get(raw.strip().casefold())
        if dim is None:
            raise CompareError(
                translate("output", "unknown dimension {name}; valid: {valid}").format(
                    name=repr(raw.strip()), valid=", ".join(valid)
                )
            )
        if dim not in out:
            out.append(dim)
    return out or list(ALL_ROWS)


def check_count(n: int) -> None:
    if not MIN_COUNTRIES <= n <= MAX_COUNTRIES:
        raise CompareError(
            translate("output", "compare {low} to {high} countries (got {n})").format(
                low=MIN_COUNTRIES, high=MAX_COUNTRIES, n=n
            )
        )


def cell_text(statements: Sequence) -> str:
    """A cell as plain text: each statement followed by its source."""
    if not statements:
        return NOT_COVERED
    return "\n".join(f"{s.text} [{s.source.cite()}]" for s in statements)


def comparison_rows(data: ComparisonData, dims: Sequence[CompareRow]) -> list[list[str]]:
    """The table as text: a header row, then one row per chosen dimension or listing."""
    rows = [["Dimension", *(c.name for c in data.countries)]]
    for d in dims:
        row = [ROW_LABELS[d]]
        for c in data.countries:
            if isinstance(d, Dimension):
                row.append(cell_text(c.dimensions[d]))
                continue
            items = (data.institutions if d is Listing.INSTITUTIONS else data.practices).get(c.code, [])
            row.append("\n".join(f"{s.title} [{s.cite()}]" for s in items) if items else NOT_COVERED)
        rows.append(row)
    return rows


def to_csv(rows: Sequence[Sequence[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def comparison_print(
    store: ReportStore,
    codes: Sequence[str],
    rows: Sequence[CompareRow],
    *,
    layout: str = "sheet",
    paper: str | None = None,
    orientation: str | None = None,
) -> tuple[str | FullComparison, SheetOptions]:
    """A comparison as SheetPrinter prints it, and the options to print it with.

    The sheet is HTML; the full layout a FullComparison, which cuts itself into pages (its ``html``
    is the whole table, for an editable export). For anything that prints a comparison: the CLI,
    the comparison view, and documents that embed a sheet (handouts).
    """
    from htdesk.output.printing import default_paper, sheet_options
    from htdesk.render.html import comparison_html

    data = comparison_data(store, list(codes))
    names = [c.name for c in data.countries]
    opts = sheet_options(names, paper or default_paper(), orientation or "auto", layout)
    if layout == "full":
        return FullComparison(data, list(rows), link_index(store)), opts
    # No link index for the sheet: on paper its short answers link nothing (web addresses aside,
    # which need none), and gathering it is a tenth of the sheet's time.
    return comparison_html(data, rows, for_print=True, layout=layout), opts


def editable_html(content: str | FullComparison) -> str:
    """What an OpenDocument export holds: the sheet, or the full layout's whole table."""
    return content.html if isinstance(content, FullComparison) else content


@dataclass
class FullComparison:
    """The full layout as a printout that cuts itself into pages (output.printing.Composed).

    Qt breaks a table row anywhere, mid-sentence, and shows a row's label only where the row
    begins. This lays the table out once, measures every block of every cell (the short answer,
    each statement with its source, each listed record) and cuts rows between blocks only; each
    page is a table of its own whose rows carry their label, "(continued)" where a row goes on.
    """

    data: ComparisonData
    rows: Sequence[CompareRow]
    links: LinkIndex | None = None
    pages: list[list[Fragment]] = field(default_factory=list)

    @property
    def html(self) -> str:
        """The whole table, uncut: what an editable export (ODT) holds."""
        from htdesk.render.html import comparison_html

        return comparison_html(self.data, self.rows, links=self.links, for_print=True, layout="full")

    def document(self, make: Callable[[str], QTextDocument], page_height: float) -> QTextDocument:
        from htdesk.render.html import comparison_pages_html

        doc = make(self.html)
        measured = self._measure(doc)
        if measured is None:  # not the table this class renders: leave Qt's own page breaks
            return doc
        # A little room for what measuring cannot see; doubled if a page still overflows.
        for slack in (0.01, 0.03, 0.06):
            measured.oversize = False
            self.pages = _cut(measured, page_height * (1 - slack))
            out = make(comparison_pages_html(self.data, self.rows, self.pages, links=self.links))
            if out.pageCount() == len(self.pages) or measured.oversize:
                return out
        return out

    def outline(self) -> Sequence[tuple[str, int]]:
        return []

    def _measure(self, doc: QTextDocument) -> _Measured | None:
        """Each row's height, padding and every cell's blocks (top, bottom) as laid out unpaginated."""
        from PySide6.QtGui import QTextTable

        from htdesk.render.html import _linker, full_cell_items

        doc.setTextWidth(doc.pageSize().width())  # unpaginated: no page gaps in the positions
        tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
        n = len(self.data.countries)
        if len(tables) != 1 or tables[0].rows() != len(self.rows) + 2 or tables[0].columns() != n + 1:
            return None
        table, lay = tables[0], doc.documentLayout()
        frame = lay.frameBoundingRect(table)

        def blocks(r: int, c: int) -> list[tuple[float, float]]:
            cell = table.cellAt(r, c)
            out, block = [], doc.findBlock(cell.firstPosition())
            while block.isValid() and block.position() <= cell.lastPosition():
                if block.text().strip():
                    rect = lay.blockBoundingRect(block)
                    out.append((rect.top(), rect.bottom()))
                block = block.next()
            return out

        label_tops = [blocks(r, 0)[0][0] for r in range(table.rows())]
        pad = label_tops[0] - frame.top()
        tops = [t - pad for t in label_tops] + [frame.bottom()]
        link = _linker(self.links, True)
        cells: list[list[list[tuple[float, float]]]] = []
        for i, row in enumerate(self.rows):
            got = [blocks(i + 2, k + 1) for k in range(n)]
            want = [len(full_cell_items(self.data, c, row, link, True)) for c in self.data.countries]
            if [len(g) for g in got] != want:
                return None
            cells.append(got)
        return _Measured(head=tops[1] - tops[0], start=frame.top(), tops=tops, cells=cells)


@dataclass
class _Measured:
    head: float  # the header row, repeated on every page
    start: float  # where a page's table begins
    tops: list[float]  # each table row's top, then the table's bottom
    cells: list[list[list[tuple[float, float]]]]  # row -> country -> each block's (top, bottom)
    oversize: bool = False  # set by _cut: a block taller than a page runs onto the next by itself


def _extent(blocks: list[tuple[float, float]], i: int, j: int) -> float:
    """Height of blocks i..j-1 of a cell, with the space to the next block."""
    if j <= i:
        return 0.0
    end = blocks[j][0] if j < len(blocks) else blocks[-1][1]
    return end - blocks[i][0]


def _cut(m: _Measured, page_height: float) -> list[list[Fragment]]:
    """Rows onto pages, cut only between blocks; a row goes on under its label, "continued"."""
    from htdesk.render.html import GLANCE

    room = page_height - m.start - m.head
    pages: list[list[Fragment]] = [[(GLANCE, False, ())]]
    used = m.tops[2] - m.tops[1]
    for i, cells in enumerate(m.cells):
        row_h = m.tops[i + 3] - m.tops[i + 2]
        overhead = row_h - max((_extent(b, 0, len(b)) for b in cells), default=0.0)
        pos = [0] * len(cells)
        continued = False
        while any(p < len(b) for p, b in zip(pos, cells, strict=True)):
            avail = room - used - overhead
            ends = []
            for p, b in zip(pos, cells, strict=True):
                j = p
                while j < len(b) and _extent(b, p, j + 1) <= avail:
                    j += 1
                ends.append(j)
            if ends == pos:  # nothing fits in what is left of the page
                nxt = [_extent(b, p, p + 1) for p, b in zip(pos, cells, strict=True) if p < len(b)]
                if used > 0 and min(nxt) <= room - overhead:
                    pages.append([])
                    used = 0.0
                    continue
                # A block taller than a page: it starts here, and Qt breaks it where it must.
                ends = [min(p + 1, len(b)) for p, b in zip(pos, cells, strict=True)]
                m.oversize = True
            spans = tuple(zip(pos, ends, strict=True))
            height = overhead + max(_extent(b, p, e) for b, (p, e) in zip(cells, spans, strict=True))
            pages[-1].append((i, continued, spans))
            used += height
            pos = ends
            if any(p < len(b) for p, b in zip(pos, cells, strict=True)):
                pages.append([])
                used = 0.0
                continued = True
    return [p for p in pages if p]
