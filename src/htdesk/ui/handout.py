"""The handout dialog: pick a bookmarks folder, preview and print it, or save it as PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from htdesk.output.files import OutputError
from htdesk.output.handout import HandoutError, handout_html, handout_items, write_handout_pdf
from htdesk.output.printing import SheetOptions, SheetPrinter, default_paper
from htdesk.store.report import ReportStore
from htdesk.ui.printing import print_preview


class HandoutDialog(QDialog):
    """Print a folder as a handout: cover, contents, each page with its note and source."""

    def __init__(self, store: ReportStore, bookmarks: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Print a handout")
        self._store = store
        self._service = bookmarks
        self.folder = QComboBox()
        self.folder.setAccessibleName("Folder")
        for f in bookmarks.folders():  # type: ignore[attr-defined]
            n = len(bookmarks.bookmarks(f.id))  # type: ignore[attr-defined]
            self.folder.addItem(f"{f.name} ({n} page{'s' if n != 1 else ''})", f.id)
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.paper.setCurrentIndex(self.paper.findData(default_paper()))
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("Folder", self.folder)
        form.addRow("Paper", self.paper)
        form.addRow(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        preview = QPushButton("Preview and print…")
        pdf = QPushButton("Save as PDF…")
        buttons.addButton(preview, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(pdf, QDialogButtonBox.ButtonRole.ActionRole)
        preview.clicked.connect(self.preview)
        pdf.clicked.connect(self.save_pdf)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if self.folder.count() == 0:
            self.status.setText("No bookmark folders yet: bookmark pages with Ctrl+D and file them in a folder.")
            preview.setEnabled(False)
            pdf.setEnabled(False)

    def _folder(self) -> object | None:
        fid = self.folder.currentData()
        return self._service.folder(fid) if fid is not None else None  # type: ignore[attr-defined]

    def save_pdf(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save handout as PDF", f"{folder.name}.pdf", "PDF (*.pdf)")  # type: ignore[attr-defined]
        if not path:
            return
        try:
            pages = write_handout_pdf(self._store, self._service.store, folder, Path(path), self.paper.currentData())  # type: ignore[attr-defined, arg-type]
        except (OutputError, HandoutError) as exc:
            QMessageBox.warning(self, "Could not save the handout", str(exc))
            return
        self.status.setText(f"Saved {Path(path).name} ({pages} pages).")

    def preview(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        marks = self._service.bookmarks(folder.id)  # type: ignore[attr-defined]
        if not marks:
            self.status.setText("This folder has no bookmarks yet.")
            return
        html = handout_html(folder, handout_items(self._store, marks), date.today())  # type: ignore[arg-type]
        opts = SheetOptions(
            title="HT Desk — handout",
            subtitle=folder.name,  # type: ignore[attr-defined]
            paper=self.paper.currentData(),
            date_text=date.today().isoformat(),
        )
        print_preview(self, SheetPrinter(self), lambda: html, opts, "Print handout")
