"""The dialog for bookmarking the open page: folder, note, remove."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from htdesk.store.bookmarks import (
    DEFAULT_FOLDER,
    Bookmark,
    BookmarkError,
    Folder,
)
from htdesk.ui import plain
from htdesk.ui.bookmarks.service import BookmarkService


class BookmarkDialog(QDialog):
    """Bookmark the open page: pick a folder (or type a new name) and add a note.

    If the page is already in the chosen folder, its note is updated instead. ``remove_button``
    (shown when the page is bookmarked) deletes the bookmark in the chosen folder. After
    acceptance ``bookmark`` is the saved bookmark, or None if it was removed.
    """

    def __init__(self, service: BookmarkService, record_id: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bookmark This Page"))
        self.setAccessibleName(self.tr("Bookmark this page"))
        self._service, self._record_id, self._title = service, record_id, title
        self.bookmark: Bookmark | None = None

        existing = self._existing_any()
        self.title_label = plain.label(title, self)
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleName(self.tr("Page title"))
        self.folder_box = QComboBox(self)
        self.folder_box.setEditable(True)
        self.folder_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.folder_box.setAccessibleName(self.tr("Folder"))
        self.folder_box.setToolTip(self.tr("Choose a folder, or type a new name to create one"))
        names = [f.name for f in self._folders()]
        self.folder_box.addItems(names or [DEFAULT_FOLDER])
        if existing is not None:
            folder = service.folder(existing.folder_id)
            self.folder_box.setCurrentText(folder.name if folder else DEFAULT_FOLDER)
        else:
            self.folder_box.setCurrentText(service.last_folder or (names[0] if names else DEFAULT_FOLDER))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Optional note, e.g. what to discuss"))
        self.note_edit.setTabChangesFocus(True)
        if existing is not None:
            self.note_edit.setPlainText(existing.note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save") if existing else self.tr("Bookmark"))
        self.ok_button.setAccessibleName(self.tr("Save bookmark"))
        self.remove_button = QPushButton(self.tr("Remove Bookmark"), self)
        self.remove_button.setAccessibleName(self.tr("Remove bookmark"))
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove_button.setVisible(existing is not None and not service.read_only)
        self.remove_button.clicked.connect(self.remove)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.setEnabled(not service.read_only)

        form = QFormLayout(self)
        form.addRow(self.tr("Page:"), self.title_label)
        form.addRow(self.tr("&Folder:"), self.folder_box)
        form.addRow(self.tr("&Note:"), self.note_edit)
        form.addRow(self.buttons)

    def _folders(self) -> list[Folder]:
        try:
            return self._service.folders()
        except BookmarkError:
            return []

    def _existing_any(self) -> Bookmark | None:
        try:
            marks = self._service.bookmarks_of(self._record_id)
        except BookmarkError:
            return None
        return marks[0] if marks else None

    def _existing_in_chosen(self) -> Bookmark | None:
        folder = self._service.store.folder_named(self.folder_box.currentText())
        if folder is None:
            return None
        return next((b for b in self._service.bookmarks_of(self._record_id) if b.folder_id == folder.id), None)

    def _error(self, message: str) -> None:
        # The panel's word for the same title, translated once.
        title = QCoreApplication.translate("BookmarksPanel", "Bookmarks")
        box = plain.message_box(self, QMessageBox.Icon.Warning, title, message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def accept(self) -> None:
        """QDialog override: save, and close only if saving worked."""
        note = self.note_edit.toPlainText()
        try:
            existing = self._existing_in_chosen()
            if existing is not None:
                self._service.set_note(existing.id, note)
                self.bookmark = self._service.store.bookmark(existing.id)
            else:
                self.bookmark = self._service.add(self._record_id, self._title, self.folder_box.currentText(), note)
        except BookmarkError as exc:
            self._error(str(exc))
            return
        super().accept()

    def remove(self) -> None:
        """Delete this page's bookmark in the chosen folder (undoable) and close."""
        try:
            existing = self._existing_in_chosen()
            if existing is not None:
                self._service.delete([existing.id])
        except BookmarkError as exc:
            self._error(str(exc))
            return
        self.bookmark = None
        self.done(QDialog.DialogCode.Accepted)
