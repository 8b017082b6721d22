"""The handout dialog: pick a bookmarks folder, preview and print it, or save it as PDF or ODT."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QPushButton,
    QWidget,
)

from htdesk.output.files import OutputError
from htdesk.output.handout import Handout, HandoutError, make_handout, write_handout_odt, write_handout_pdf
from htdesk.output.printing import SheetPrinter, default_paper
from htdesk.store.report import ReportStore
from htdesk.ui import plain
from htdesk.ui.bookmarks.panel import safe_file_name
from htdesk.ui.printing import preview_printer, print_preview


class HandoutDialog(QDialog):
    """Print a folder as a handout: cover, contents, each page with its source; notes only if asked."""

    def __init__(self, store: ReportStore, bookmarks: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print a handout"))
        self._store = store
        self._service = bookmarks
        self.folder = QComboBox()
        self.folder.setAccessibleName(self.tr("Folder"))
        for f in bookmarks.folders():  # type: ignore[attr-defined]
            n = len(bookmarks.bookmarks(f.id))  # type: ignore[attr-defined]
            self.folder.addItem(self.tr("{name} (%n page(s))", "", n).format(name=f.name), f.id)
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.paper.setCurrentIndex(self.paper.findData(default_paper()))
        # Notes are the trainer's: a handout leaves them out unless asked (the trainer's copy).
        self.notes = QCheckBox(self.tr("Include my notes (the trainer's copy)"))
        self.one_per_page = QCheckBox(self.tr("One record per page"))
        self.status = plain.label()
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Folder"), self.folder)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.notes)
        form.addRow(self.one_per_page)
        form.addRow(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        preview = QPushButton(self.tr("Preview and print…"))
        pdf = QPushButton(self.tr("Save as PDF…"))
        odt = QPushButton(self.tr("Save as ODT…"))
        odt.setToolTip(self.tr("OpenDocument text, to adapt in a word processor"))
        for b in (preview, pdf, odt):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        preview.clicked.connect(self.preview)
        pdf.clicked.connect(self.save_pdf)
        odt.clicked.connect(self.save_odt)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if self.folder.count() == 0:
            self.status.setText(
                self.tr("No bookmark folders yet: bookmark pages with Ctrl+D and file them in a folder.")
            )
            for b in (preview, pdf, odt):
                b.setEnabled(False)

    def _folder(self) -> object | None:
        fid = self.folder.currentData()
        return self._service.folder(fid) if fid is not None else None  # type: ignore[attr-defined]

    def save_pdf(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        suggested = f"{safe_file_name(folder.name)}.pdf"  # type: ignore[attr-defined]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save handout as PDF"), suggested, "PDF (*.pdf)")
        if path:
            self.write_pdf(Path(path))

    def write_pdf(self, path: Path) -> None:
        folder = self._folder()
        try:
            pages = write_handout_pdf(
                self._store,
                self._service.store,  # type: ignore[attr-defined]
                folder,  # type: ignore[arg-type]
                path,
                self.paper.currentData(),
                notes=self.notes.isChecked(),
                one_per_page=self.one_per_page.isChecked(),
            )
        except (OutputError, HandoutError) as exc:
            plain.warning(self, self.tr("Could not save the handout"), str(exc))
            return
        self.status.setText(self.tr("Saved {name} ({pages} pages).").format(name=path.name, pages=pages))

    def save_odt(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save handout as OpenDocument text"),
            f"{safe_file_name(folder.name)}.odt",  # type: ignore[attr-defined]
            "OpenDocument text (*.odt)",
        )
        if not path:
            return
        try:
            write_handout_odt(self._store, self._service.store, folder, Path(path), notes=self.notes.isChecked())  # type: ignore[attr-defined, arg-type]
        except (OutputError, HandoutError) as exc:
            plain.warning(self, self.tr("Could not save the handout"), str(exc))
            return
        self.status.setText(self.tr("Saved {name}.").format(name=Path(path).name))

    def handout(self) -> Handout | None:
        """The chosen folder's handout with the chosen options; None (and says why) if there is none."""
        folder = self._folder()
        if folder is None:
            return None
        try:
            return make_handout(
                self._store,
                self._service.store,  # type: ignore[attr-defined]
                folder,  # type: ignore[arg-type]
                notes=self.notes.isChecked(),
                one_per_page=self.one_per_page.isChecked(),
            )
        except HandoutError as exc:
            self.status.setText(f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
            return None

    def preview_printer(self, handout: Handout) -> QPrinter:
        """The printer behind the preview, set up as the PDF writer is: the same pages in both."""
        return preview_printer(handout.options(self.paper.currentData()))

    def preview(self) -> None:
        handout = self.handout()
        if handout is None:
            return
        opts = handout.options(self.paper.currentData())
        print_preview(self, SheetPrinter(self), lambda: handout, opts, self.tr("Print handout"))
