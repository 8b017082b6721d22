"""The print preview every printout shares: the PDF's page layout, printing through the output writer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from htdesk.output.files import OutputError
from htdesk.output.printing import PDF_DPI, Composed, SheetOptions, SheetPrinter, page_layout
from htdesk.ui import plain


def preview_printer(opts: SheetOptions) -> QPrinter:
    """A printer laid out exactly as the PDF export is, so the preview counts the PDF's pages."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(opts))
    # Text is laid out in device pixels: at another resolution lines break elsewhere, and a 4-country
    # comparison came to 19 pages in the preview and 20 in the PDF.
    printer.setResolution(PDF_DPI)
    return printer


def print_preview(
    parent: QWidget, sheet: SheetPrinter, html: Callable[[], str | Composed], opts: SheetOptions, title: str
) -> None:
    """Show the preview; its Print button prints, and "Print to file" is written as an export is."""
    printer = preview_printer(opts)  # held here: the dialog does not own it, and uses it until exec() returns
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)

    def paint(printer: QPrinter) -> None:
        try:
            sheet.print_to(printer, html(), opts)
        except OutputError as exc:
            plain.warning(parent, QCoreApplication.translate("printing", "Could not print to the file"), str(exc))

    dialog.paintRequested.connect(paint)
    dialog.exec()
    dialog.deleteLater()
