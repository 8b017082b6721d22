"""The print preview every printout shares: the PDF's page layout, printing through the output writer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from htdesk.output.files import OutputError
from htdesk.output.printing import SheetOptions, SheetPrinter, page_layout


def preview_printer(opts: SheetOptions) -> QPrinter:
    """A printer laid out exactly as the PDF export is, so the preview counts the PDF's pages."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(opts))
    return printer


def print_preview(
    parent: QWidget, sheet: SheetPrinter, html: Callable[[], str], opts: SheetOptions, title: str
) -> QPrintPreviewDialog:
    """Show the preview; its Print button prints, and "Print to file" is written as an export is."""
    dialog = QPrintPreviewDialog(preview_printer(opts), parent)
    dialog.setWindowTitle(title)

    def paint(printer: QPrinter) -> None:
        try:
            sheet.print_to(printer, html(), opts)
        except OutputError as exc:
            QMessageBox.warning(parent, "Could not print to the file", str(exc))

    dialog.paintRequested.connect(paint)
    dialog.exec()
    return dialog
