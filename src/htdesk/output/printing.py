"""Paginated printing and PDF export of rendered HTML, with header, footer and the bundled font."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMarginsF, QObject, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from htdesk.fonts import load_bundled_fonts
from htdesk.output.files import OutputError, shown, write_with
from htdesk.render.html import COMPARE_TITLE, stylesheet
from htdesk.render.theme import PRINT

CREATOR = "HT Desk"
BODY_PT = 9.5  # the sheet's smallest text is 9 pt: legible when photocopied
HEADER_PT = 9.0
PDF_DPI = 300  # PDFs and the print preview lay text out at the same resolution, so they paginate alike
CITATION = (
    "Source: ICPC, Human Trafficking, Other Forms of Exploitation and Prevention Policies "
    "(report for Public Safety Canada, 2014)"
)


def default_paper() -> str:
    """US Letter where the locale measures in inches (US, Canada's default printers), else A4."""
    from PySide6.QtCore import QLocale

    loc = QLocale.system()
    if loc.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return "letter"
    if loc.territory() in (QLocale.Country.UnitedStates, QLocale.Country.Canada):
        return "letter"
    return "a4"


@dataclass(frozen=True)
class SheetOptions:
    """How a printout is laid out; ``doc_title`` and ``subject`` go into a PDF's properties."""

    title: str
    subtitle: str = ""
    paper: str = "a4"
    landscape: bool = False
    date_text: str = ""
    doc_title: str = ""
    subject: str = ""


class Composed(Protocol):
    """A printout that arranges itself once laid out (a handout: page breaks, contents' page numbers)."""

    def document(self, make: Callable[[str], QTextDocument], page_height: float) -> QTextDocument:
        """The document to print, made from HTML by ``make`` for the device's page body."""
        ...

    def outline(self) -> Sequence[tuple[str, int]]:
        """After ``document``: (title, 0-based page) of each entry of the PDF's outline."""
        ...


def page_size(paper: str) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)


def page_layout(opts: SheetOptions) -> QPageLayout:
    """Paper, orientation and margins: the same for a PDF, a printer and the print preview.

    A printer left with its own margins lays the text out on another width, and the preview then
    counts other pages than the PDF.
    """
    return QPageLayout(
        page_size(opts.paper),
        QPageLayout.Orientation.Landscape if opts.landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(14, 12, 14, 12),
        QPageLayout.Unit.Millimeter,
    )


def sheet_options(names: list[str], paper: str, orientation: str) -> SheetOptions:
    """Portrait for two countries, landscape for three or four, unless the user chose."""
    landscape = len(names) >= 3 if orientation == "auto" else orientation == "landscape"
    return SheetOptions(
        title=COMPARE_TITLE,
        subtitle=", ".join(names),
        paper=paper,
        landscape=landscape,
        date_text=date.today().isoformat(),
    )


def print_stylesheet() -> str:
    # Paper keeps every text at 9 pt or more; the screen's small print is 0.8 of the text (8 pt at 10).
    return stylesheet(PRINT, small_print="9pt")


class SheetPrinter(QObject):
    """Lays rendered HTML out on pages with a header and a footer, for PDFs and printers."""

    progress = Signal(int, int)  # page, of pages

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.family = load_bundled_fonts()

    def print_font(self, point_size: float) -> QFont:
        """The bundled font without ligatures: "ﬃ" in a PDF breaks copying and searching "Trafficking"."""
        font = QFont(self.family)
        font.setPointSizeF(point_size)
        for tag in ("liga", "clig"):
            font.setFeature(QFont.Tag(tag), 0)
        return font

    def _document(self, html: str, device: QPagedPaintDevice, body: QSizeF) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        font = self.print_font(BODY_PT)
        doc.setDefaultFont(font)
        doc.setDefaultStyleSheet(print_stylesheet())
        # The page size first: setHtml then lays the text out once, at its final width.
        doc.setPageSize(body)
        doc.setHtml(html)
        return doc

    def render(self, device: QPagedPaintDevice, content: str | Composed, opts: SheetOptions) -> int:
        """Paint every page on ``device`` (a QPdfWriter or a QPrinter); return the page count."""
        painter = QPainter()
        if not painter.begin(device):
            raise OSError(f"cannot start printing to {device}")
        try:
            paint = device.pageLayout().paintRectPixels(device.resolution())
            full = QRectF(0, 0, paint.width(), paint.height())
            hfont = self.print_font(HEADER_PT)
            hfont_pixels = QFontMetricsF(hfont, device)
            band = hfont_pixels.height() * 2.6
            body = QSizeF(full.width(), full.height() - 2 * band)
            if isinstance(content, str):
                doc = self._document(content, device, body)
            else:
                doc = content.document(lambda html: self._document(html, device, body), body.height())
            pages = doc.pageCount()
            for page in range(pages):
                if page:
                    device.newPage()
                painter.save()
                painter.translate(0, band - page * body.height())
                doc.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
                painter.restore()
                self._decorate(painter, full, band, hfont, opts, page + 1, pages)
                self.progress.emit(page + 1, pages)
            return pages
        finally:
            painter.end()

    def _decorate(
        self,
        p: QPainter,
        full: QRectF,
        band: float,
        font: QFont,
        opts: SheetOptions,
        n: int,
        m: int,
    ) -> None:
        p.save()
        p.setFont(font)
        p.setPen(Qt.GlobalColor.black)
        line_h = QFontMetricsF(font, p.device()).height()
        top = QRectF(full.left(), full.top(), full.width(), line_h)
        bold = QFont(font)
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, opts.title)
        p.setFont(font)
        p.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, opts.date_text)
        if opts.subtitle:
            sub = QRectF(full.left(), full.top() + line_h, full.width(), line_h)
            p.drawText(sub, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, opts.subtitle)
        rule_y = full.top() + band - line_h * 0.4
        p.setPen(Qt.GlobalColor.gray)
        p.drawLine(QPointF(full.left(), rule_y), QPointF(full.right(), rule_y))
        foot_y = full.bottom() - line_h * 2
        p.drawLine(QPointF(full.left(), foot_y - line_h * 0.3), QPointF(full.right(), foot_y - line_h * 0.3))
        p.setPen(Qt.GlobalColor.black)
        foot = QRectF(full.left(), foot_y, full.width(), line_h * 2)
        page_text = f"Page {n} of {m}"
        page_w = QFontMetricsF(font, p.device()).horizontalAdvance(page_text) + line_h
        cite_rect = QRectF(foot.left(), foot.top(), foot.width() - page_w, foot.height())
        p.drawText(cite_rect, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, CITATION)
        p.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page_text)
        p.restore()

    def to_pdf(self, content: str | Composed, path: Path, opts: SheetOptions) -> int:
        """Write a PDF through the one output writer: checked, verified complete, then put in place.

        Returns the page count; raises OutputError (nothing written, an old file untouched) when the
        path is refused or the PDF comes out incomplete (Qt's PDF writer ignores a full disk). A
        composed printout gets its outline (the reader's bookmarks pane); the title, subject and
        creator go into the PDF's properties.
        """
        pages = 0

        def produce(tmp: Path) -> None:
            nonlocal pages
            writer = QPdfWriter(str(tmp))
            writer.setTitle(opts.doc_title or opts.title)
            writer.setCreator(CREATOR)
            writer.setResolution(PDF_DPI)
            writer.setPageLayout(page_layout(opts))
            pages = self.render(writer, content, opts)
            del writer  # closes the file
            outline = [] if isinstance(content, str) else list(content.outline())
            if outline or opts.subject:
                finish_pdf(tmp, opts, outline)

        write_with(path, produce, lambda tmp: verify_pdf(tmp, pages, path))
        return pages

    def print_to(self, printer: QPrinter, content: str | Composed, opts: SheetOptions) -> int:
        """Print on ``printer``; "Print to file" (a PDF) goes through the output writer as exports do."""
        target = printer.outputFileName()
        if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not target:
            return self.render(printer, content, opts)
        pages = 0

        def produce(tmp: Path) -> None:
            nonlocal pages
            printer.setOutputFileName(str(tmp))
            try:
                pages = self.render(printer, content, opts)
            finally:
                printer.setOutputFileName(target)

        write_with(Path(target), produce, lambda tmp: verify_pdf(tmp, pages, target))
        return pages


def finish_pdf(pdf: Path, opts: SheetOptions, outline: Sequence[tuple[str, int]]) -> None:
    """Add what QPdfWriter cannot write (an outline, the subject) to a PDF it wrote, in place."""
    # Qt has no outline API (QPdfWriter writes pages, a title and a creator): pypdf adds it after,
    # on the temporary file the output writer then verifies and puts in place.
    import io

    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(pdf))
    for title, page in outline:
        writer.add_outline_item(title=title, page_number=page)
    writer.add_metadata(
        {"/Title": opts.doc_title or opts.title, "/Subject": opts.subject, "/Creator": CREATOR, "/Producer": CREATOR}
    )
    if outline:
        writer.page_mode = "/UseOutlines"  # readers open with the outline shown
    buf = io.BytesIO()
    writer.write(buf)
    pdf.write_bytes(buf.getvalue())


def write_odt(doc: QTextDocument, path: Path) -> None:
    """A document as OpenDocument text (Qt's own ODF writer), through the one output writer."""
    from PySide6.QtGui import QTextDocumentWriter

    def produce(tmp: Path) -> None:
        if not QTextDocumentWriter(str(tmp), b"odf").write(doc):
            raise OutputError(f"cannot write {shown(path)}: the document could not be written")

    def verify(tmp: Path) -> None:
        import zipfile

        # An ODT is a zip whose directory comes last: a file cut short (a full disk) is no zip.
        if not zipfile.is_zipfile(tmp):
            raise OutputError(f"cannot write {shown(path)}: the document is incomplete (is the disk full?)")

    write_with(path, produce, verify)


_PAGES_COUNT = re.compile(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", re.DOTALL)


def verify_pdf(pdf: Path, expected_pages: int, shown_as: Path | str) -> None:
    """OutputError unless ``pdf`` is a whole PDF of ``expected_pages`` pages.

    A PDF cut short (a full disk, a file size limit) lacks the trailer, which comes last; a page
    tree with another count means the writer dropped pages.
    """
    data = pdf.read_bytes()
    why = ""
    if not data.startswith(b"%PDF-"):
        why = "it is not a PDF"
    elif b"%%EOF" not in data[-1024:]:
        why = "the PDF is incomplete (is the disk full?)"
    else:
        found = _PAGES_COUNT.search(data)
        if found is None or int(found.group(1)) != expected_pages:
            got = found.group(1).decode() if found else "no"
            why = f"the PDF has {got} pages where {expected_pages} were printed"
    if why:
        raise OutputError(f"cannot write {shown(shown_as)}: {why}; nothing was saved")
