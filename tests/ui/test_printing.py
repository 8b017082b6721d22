"""The shared print preview paginates as the PDF does: the page count a trainer sees is the one printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from htdesk.content.kinds import Dimension
from htdesk.output.printing import SheetPrinter, sheet_options
from htdesk.render.html import comparison_html
from htdesk.store.pages import comparison_data, link_index
from htdesk.store.report import ReportStore
from htdesk.ui.printing import preview_printer


@pytest.mark.parametrize("codes", [["be", "fr", "no", "se"], ["au", "gb", "us"], ["be", "no"]])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_preview_counts_the_pages_of_the_pdf(
    qtbot: QtBot, store: ReportStore, tmp_path: Path, codes: list[str], paper: str
) -> None:
    data = comparison_data(store, codes)
    html = comparison_html(data, list(Dimension), links=link_index(store), for_print=True)
    opts = sheet_options([c.name for c in data.countries], paper, "auto")
    sheet = SheetPrinter()
    out = tmp_path / "sheet.pdf"
    pages = sheet.to_pdf(html, out, opts)
    assert len(PdfReader(out).pages) == pages

    printer = preview_printer(opts)  # the widget does not own it
    preview = QPrintPreviewWidget(printer)
    qtbot.addWidget(preview)
    painted: list[QPrinter] = []

    def paint(printer: QPrinter) -> None:
        painted.append(printer)
        sheet.print_to(printer, html, opts)

    preview.paintRequested.connect(paint)
    preview.updatePreview()
    assert painted
    assert preview.pageCount() == pages


def test_print_to_file_goes_through_the_writer(
    qtbot: QtBot, store: ReportStore, tmp_path: Path, user_dir: Path
) -> None:
    """Print to file, in Qt's print dialog, is a PDF: refused over HT Desk's own files, verified otherwise."""
    from htdesk.output.files import OutputError

    data = comparison_data(store, ["be", "no"])
    html = comparison_html(data, list(Dimension), links=link_index(store), for_print=True)
    opts = sheet_options(["Belgium", "Norway"], "a4", "auto")
    printer = preview_printer(opts)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    own = user_dir / "bookmarks.sqlite"
    own.write_bytes(b"bookmarks")
    printer.setOutputFileName(str(own))
    with pytest.raises(OutputError, match="own files"):
        SheetPrinter().print_to(printer, html, opts)
    assert own.read_bytes() == b"bookmarks"
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = SheetPrinter().print_to(printer, html, opts)
    assert len(PdfReader(out).pages) == pages
    assert printer.outputFileName() == str(out)  # the dialog's choice is left as the user made it
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["printed.pdf"]
