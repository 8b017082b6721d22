"""Paginated printing and PDF export of rendered HTML, with header, footer and the bundled font."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QObject, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from htdesk.content.kinds import REPORT_CITATION
from htdesk.fonts import load_bundled_fonts
from htdesk.i18n import QT_TRANSLATE_NOOP, translate
from htdesk.output.files import OutputError, shown, write_with
from htdesk.render.html import COMPARE_TITLE, FULL, SHEET, printout_html, stylesheet
from htdesk.render.theme import PRINT

BODY_PT = 9.5  # the sheet's smallest text is 9 pt: legible when photocopied
HEADER_PT = 9.0
# Every page is laid out at this resolution, whatever it is painted on (a PDF, the preview, a
# 1,200 dpi printer), so that each breaks lines and pages exactly where the PDF does.
PDF_DPI = 300
SHEET_BODY_PT = 9.0  # a comparison sheet's text before it is fitted to one page
MIN_BODY_PT = 7.5  # never smaller: a sheet that does not fit at this size flows onto a second page
MARGINS_MM = (14.0, 12.0, 14.0, 12.0)  # left, top, right, bottom
# A sheet is one page of dense text: narrower margins (still inside every printer's reach) and
# the bundled face drawn at 90% width, as DejaVu Sans Condensed is, give its text room.
SHEET_MARGINS_MM = (10.0, 8.0, 10.0, 8.0)
SHEET_STRETCH = 90
CITATION = QT_TRANSLATE_NOOP("output", "Source: {citation}")
CREATOR = "HT Desk"


def footer_text(opts: SheetOptions) -> str:
    """The printout's footer: its own, or the report's full reference ("Source: …", "Source : …")."""
    return opts.footer or translate("output", CITATION).format(citation=REPORT_CITATION)


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
    body_pt: float = BODY_PT
    # Shrink the text (down to MIN_BODY_PT) until the whole document fits one page.
    fit_one_page: bool = False
    footer: str = ""  # "" is the report's reference, in the language of the printout
    margins_mm: tuple[float, float, float, float] = MARGINS_MM
    stretch: int = 100  # the text's width, in percent of the face's own
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
        QMarginsF(*opts.margins_mm),
        QPageLayout.Unit.Millimeter,
    )


@dataclass
class Laid:
    """A document laid out on pages: what render() paints and what a preview reports."""

    doc: QTextDocument
    scale: float  # the text is painted at this share of its size (1.0 but for fitted sheets)
    band: float  # the header's and the footer's height, in layout pixels
    body: QSizeF  # a page's text area, in layout pixels
    pages: int
    body_pt: float  # the body text's printed size

    @property
    def fits_one_page(self) -> bool:
        return self.pages == 1


def sheet_options(names: list[str], paper: str, orientation: str, layout: str = FULL) -> SheetOptions:
    """How a comparison prints, unless the user chose the orientation.

    The sheet: landscape, fitted to one page. The full layout: portrait for two countries, landscape
    for three or four.
    """
    sheet = layout == SHEET
    auto = sheet or len(names) >= 3
    return SheetOptions(
        title=translate("render", COMPARE_TITLE),
        subtitle=", ".join(names),
        paper=paper,
        landscape=auto if orientation in ("auto", "", None) else orientation == "landscape",
        date_text=date.today().isoformat(),
        body_pt=SHEET_BODY_PT if sheet else BODY_PT,
        fit_one_page=sheet,
        margins_mm=SHEET_MARGINS_MM if sheet else MARGINS_MM,
        stretch=SHEET_STRETCH if sheet else 100,
    )


def print_stylesheet() -> str:
    # Paper keeps every text at 9 pt or more; the screen's small print is 0.8 of the text (8 pt at 10).
    return stylesheet(PRINT, small_print="9pt")


# An anchor whose target is not on the web: "ht:" record links and anything else no reader can follow.
_RECORD_LINK = re.compile(r"<a\s+href=\"(?!https?:|mailto:)[^\"]*\"[^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)


def plain_record_links(html: str) -> str:
    """Links to the app's records become plain text: a PDF reader or a word processor cannot follow them.

    Web addresses stay links. Done on the HTML, not the laid-out document, where each change relayouts.
    """
    return _RECORD_LINK.sub(r"\1", html)


class SheetPrinter(QObject):
    """Lays rendered HTML out on pages with a header and a footer, for PDFs and printers."""

    progress = Signal(int, int)  # page, of pages

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.family = load_bundled_fonts()
        self._ref: QPdfWriter | None = None
        self._buffer: QBuffer | None = None

    def print_font(self, point_size: float, stretch: int = 100) -> QFont:
        """The bundled font without ligatures: "ﬃ" in a PDF breaks copying and searching "Trafficking"."""
        font = QFont(self.family)
        font.setPointSizeF(point_size)
        font.setStretch(stretch)
        for tag in ("liga", "clig"):
            font.setFeature(QFont.Tag(tag), 0)
        return font

    def _layout_device(self, layout: QPageLayout) -> QPdfWriter:
        """A PDF writer into memory that is never painted on: the one device every page is laid out for."""
        if self._ref is None:
            self._buffer = QBuffer()
            self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            self._ref = QPdfWriter(self._buffer)
            self._ref.setResolution(PDF_DPI)
        self._ref.setPageLayout(layout)
        return self._ref

    def _document(
        self,
        html: str,
        device: QPagedPaintDevice,
        page: QSizeF | None = None,
        opts: SheetOptions | None = None,
        *,
        width: float | None = None,
    ) -> QTextDocument:
        """``html`` laid out once, as it goes in: on pages of ``page``, or unpaginated at ``width``."""
        opts = opts or SheetOptions(title="")
        doc = QTextDocument()
        if page is not None:
            doc.setPageSize(page)
        elif width:
            doc.setTextWidth(width)
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(self.print_font(opts.body_pt, opts.stretch))
        doc.setDefaultStyleSheet(print_stylesheet())
        doc.setDocumentMargin(0)
        doc.setHtml(plain_record_links(html))
        return doc

    def lay_out(self, content: str | Composed, opts: SheetOptions, layout: QPageLayout | None = None) -> Laid:
        """Lay ``content`` out on the pages of ``layout`` (default: the options'), fitted if the options ask."""
        device = self._layout_device(layout or page_layout(opts))
        paint = device.pageLayout().paintRectPixels(PDF_DPI)
        band = QFontMetricsF(self.print_font(HEADER_PT, opts.stretch), device).height() * 2.6
        body = QSizeF(paint.width(), paint.height() - 2 * band)
        # The body text's size as printed: fonts take whole pixels (9 pt is 37.5 px at 300 dpi, drawn at 38).
        body_pt = QFontInfo(QFont(self.print_font(opts.body_pt, opts.stretch), device)).pixelSize() * 72 / PDF_DPI
        if not isinstance(content, str):
            doc = content.document(lambda html: self._document(html, device, body, opts), body.height())
            return Laid(doc, 1.0, band, body, doc.pageCount(), body_pt)
        if not opts.fit_one_page:
            doc = self._document(content, device, body, opts)
            return Laid(doc, 1.0, band, body, doc.pageCount(), body_pt)
        doc = self._document(content, device, opts=opts, width=body.width())
        scale = self._fit(doc, body, max(MIN_BODY_PT / body_pt, 0.01))
        if doc.size().height() * scale > body.height():
            # Too long for one page at the smallest legible size: it flows on at that size.
            doc.setPageSize(QSizeF(body.width() / scale, body.height() / scale))
        # One page: the unpaginated layout the fit ended on is the page; no relayout.
        return Laid(doc, scale, band, body, max(1, doc.pageCount()), body_pt * scale)

    @staticmethod
    def _fit(doc: QTextDocument, body: QSizeF, smallest: float) -> float:
        """The largest scale (at most 1, at least ``smallest``) at which ``doc`` is about one page high.

        ``doc`` is left laid out, unpaginated, at the width of the scale returned.
        """

        def height(scale: float) -> float:
            if doc.textWidth() != body.width() / scale:
                doc.setTextWidth(body.width() / scale)  # unpaginated: its natural height at that width
            return doc.size().height() * scale

        natural = height(1.0)
        if natural <= body.height():
            return 1.0
        # Text flows like a liquid: at scale s its height is about h(1) * s^2. Start a little under
        # that, so that the first guess usually fits, and correct by the same rule: two or three layouts.
        scale = max(smallest, min(1.0, 0.99 * (body.height() / natural) ** 0.5))
        for _ in range(4):
            h = height(scale)
            if h <= body.height() or scale <= smallest:
                break
            scale = max(smallest, scale * min(0.99, (body.height() / h) ** 0.5))
        return scale

    def render(self, device: QPagedPaintDevice, content: str | Composed, opts: SheetOptions) -> int:
        """Paint every page on ``device`` (a QPdfWriter or a QPrinter); return the page count.

        The page layout is the device's (a preview may have changed it); the text is laid out at
        PDF_DPI and painted scaled to the device, so every device gets the same pages.
        """
        laid = self.lay_out(content, opts, device.pageLayout())
        painter = QPainter()
        if not painter.begin(device):
            raise OSError(f"cannot start printing to {device}")
        try:
            k = device.resolution() / PDF_DPI
            full = QRectF(0, 0, laid.body.width(), laid.body.height() + 2 * laid.band)
            hfont = self.print_font(HEADER_PT, opts.stretch)  # one face fewer to embed than another width
            s = laid.scale
            page_h = laid.body.height() / s  # a page of text, in the document's own units
            for page in range(laid.pages):
                if page:
                    device.newPage()
                painter.save()
                painter.scale(k, k)
                painter.save()
                painter.translate(0, laid.band)
                painter.scale(s, s)
                painter.translate(0, -page * page_h)
                laid.doc.drawContents(painter, QRectF(0, page * page_h, laid.body.width() / s, page_h))
                painter.restore()
                self._decorate(painter, full, laid.band, hfont, opts, page + 1, laid.pages)
                painter.restore()
                self.progress.emit(page + 1, laid.pages)
            return laid.pages
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
        metrics = QFontMetricsF(font, self._ref)  # the layout device's: the painter is scaled from it
        line_h = metrics.height()
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
        page_text = translate("output", "Page {n} of {m}").format(n=n, m=m)
        page_w = metrics.horizontalAdvance(page_text) + line_h
        cite_rect = QRectF(foot.left(), foot.top(), foot.width() - page_w, foot.height())
        p.drawText(cite_rect, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, footer_text(opts))
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
            writer.setResolution(PDF_DPI)  # the layout's: no scaling between layout and paint
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

    def odt_document(self, html: str, opts: SheetOptions) -> QTextDocument:
        """The printout as one flowing document: its header and footer lines become its first and last paragraphs."""
        doc = QTextDocument()
        doc.setDefaultFont(self.print_font(opts.body_pt))
        doc.setDefaultStyleSheet(print_stylesheet())
        doc.setHtml(
            plain_record_links(printout_html(html, opts.title, opts.subtitle, opts.date_text, footer_text(opts)))
        )
        return doc

    def to_odt(self, html: str, path: Path, opts: SheetOptions) -> None:
        """Write an OpenDocument text (.odt) whole or not at all, for editing in LibreOffice or Word."""
        write_odt(self.odt_document(html, opts), path)


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
