"""The Bookmarks panel: filter box, folder tree, context menu, keyboard, import and export."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QRegularExpression,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from htdesk.store.bookmarks import (
    BookmarkError,
    BookmarkImportCancelled,
)
from htdesk.ui import plain
from htdesk.ui.bookmarks.model import BookmarkRole, BookmarksModel
from htdesk.ui.bookmarks.service import BookmarkService


def filter_pattern(text: str) -> str:
    """A regular expression matching text that contains every word typed, in any order."""
    words = text.split()
    if not words:
        return ""  # the proxy shows every row without reading any
    # Anchored: a lookahead alone is tried again from every character of a text that lacks the
    # word, which made a keystroke matching nothing cost more than one matching everything. Lazy
    # (.*?): each word is looked for from the start of the text, not back from its end, which
    # halved the filter of 10,000 bookmarks for three words (htdesk bench, 'Title 3 1').
    return r"\A" + "".join(f"(?=.*?{QRegularExpression.escape(w)})" for w in words)


def safe_file_name(name: str) -> str:
    """A folder's name as a file name: no path separators, no characters Windows refuses."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip(" .")
    return (cleaned or "bookmarks")[:80]


# A large import shows its progress, with Cancel, once it has taken this long (a small one never does).
IMPORT_PROGRESS_AFTER_MS = 400


class _ImportProgress:
    """The store's import progress callback, shown in a progress dialog whose Cancel stops the import."""

    def __init__(self, dialog: QProgressDialog) -> None:
        self.dialog = dialog

    def __call__(self, done: int, total: int) -> bool:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)  # a modal progress dialog lets the app repaint and take the Cancel click
        return not self.dialog.wasCanceled()

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


class BookmarksPanel(QWidget):
    """The Bookmarks dock: filter box, folder tree, context menu, keyboard and drag and drop.

    Emits ``open_requested(record_id)`` on Enter or double-click on a bookmark. Delete deletes
    (undo through ``service.undo_stack``, which the main window puts in its Edit menu). Every
    error is shown in a message box with its one-line message.
    """

    open_requested = Signal(str)

    def __init__(
        self,
        service: BookmarkService,
        exists: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Bookmarks"))
        self._service = service
        self.model = BookmarksModel(service, exists, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)  # a folder that matches shows all its bookmarks
        self.proxy.setFilterRole(BookmarkRole.FILTER_TEXT)

        self.notice = plain.label(parent=self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Bookmarks notice"))
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._show_notice()

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter bookmarks"))
        self.filter_edit.setAccessibleName(self.tr("Filter bookmarks"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)
        self.filter_edit.installEventFilter(self)

        self.tree = QTreeView(self)
        self.tree.setAccessibleName(self.tr("Bookmark folders"))
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.doubleClicked.connect(self._activated)
        self.tree.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)

        self._make_actions()
        self._expanded: set[int] = set()
        self._known: set[int] = set()
        self._current: tuple[str, int] | None = None
        self._filtering = False  # while a filter is typed, _expanded keeps the folders open before it
        self.proxy.modelAboutToBeReset.connect(self._save_view_state)
        self.proxy.modelReset.connect(self._restore_view_state)
        self.tree.selectionModel().selectionChanged.connect(self._update_actions)
        self.tree.selectionModel().currentChanged.connect(self._update_actions)
        service.error.connect(self.show_error)
        self._restore_view_state()

    # -- actions ---------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], None], shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tree.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.open_action = self._action(self.tr("&Open"), self.open_current)
        self.rename_action = self._action(self.tr("&Rename"), self.rename_current, QKeySequence(Qt.Key.Key_F2))
        self.note_action = self._action(self.tr("Edit &Note…"), self.edit_note)
        self.delete_action = self._action(
            self.tr("&Delete"), self.delete_selected, QKeySequence(QKeySequence.StandardKey.Delete)
        )
        self.new_folder_action = self._action(self.tr("New &Folder…"), self.new_folder)
        self.export_folder_action = self._action(self.tr("&Export Folder…"), self.export_folder)
        self.export_all_action = self._action(self.tr("Export &All Bookmarks…"), self.export_all)
        self.import_action = self._action(self.tr("&Import Bookmarks…"), self.import_bookmarks)
        self._update_actions()

    def _update_actions(self) -> None:
        writable = not self._service.read_only
        current = self.tree.currentIndex()
        bookmark = self.model.bookmark_at(self.proxy.mapToSource(current))
        folder = self.model.folder_at(self.proxy.mapToSource(current))
        self.open_action.setEnabled(bookmark is not None)
        self.rename_action.setEnabled(writable and current.isValid())
        self.note_action.setEnabled(writable and current.isValid())
        self.note_action.setText(self.tr("Edit &Note…") if bookmark else self.tr("Edit Folder &Notes (Handout Cover)…"))
        self.delete_action.setEnabled(writable and bool(self.tree.selectionModel().selectedRows()))
        self.new_folder_action.setEnabled(writable)
        self.import_action.setEnabled(writable)
        self.export_folder_action.setEnabled(folder is not None)

    def _context_menu(self, pos: Any) -> None:
        self._update_actions()
        menu = QMenu(self)
        for action in (self.open_action, self.rename_action, self.note_action, self.delete_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.new_folder_action)
        menu.addSeparator()
        for action in (self.export_folder_action, self.export_all_action, self.import_action):
            menu.addAction(action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- messages --------------------------------------------------------------------
    def _message(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        # open(), not exec(): a message never blocks the app (or a test) in a nested event loop.
        # Plain text: titles, notes and folder names come from users and from imported files.
        box = plain.message_box(self, icon, self.tr("Bookmarks"), text)
        box.setAccessibleName(self.tr("Bookmarks message"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def show_error(self, message: str) -> None:
        self._message(QMessageBox.Icon.Warning, message)

    def _show_notice(self) -> None:
        lines = []
        recovered = self._service.recovery_message()
        if recovered:
            lines.append(recovered)
        if self._service.read_only and self._service.store.file_is_read_only():
            lines.append(
                self.tr("The bookmarks file {file} is read-only: bookmarks can be opened but not changed.").format(
                    file=self._service.store.path
                )
            )
        elif self._service.read_only:
            lines.append(
                self.tr("The bookmarks folder {folder} is read-only: bookmarks can be opened but not changed.").format(
                    folder=self._service.store.path.parent
                )
            )
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(bool(lines))

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except BookmarkError as exc:
            self.show_error(str(exc))
            return False
        return True

    # -- filter and view state ---------------------------------------------------------
    def set_filter(self, text: str) -> None:
        """Show only bookmarks (and folders) containing every word of ``text``, ignoring case."""
        if self.filter_edit.text() != text:
            self.filter_edit.setText(text)  # re-enters through textChanged
            return
        expr = QRegularExpression(
            filter_pattern(text),
            QRegularExpression.PatternOption.CaseInsensitiveOption
            | QRegularExpression.PatternOption.DotMatchesEverythingOption
            | QRegularExpression.PatternOption.UseUnicodePropertiesOption,
        )
        filtering = bool(text.strip())
        if filtering and not self._filtering:
            self._save_view_state()  # the folders open now come back open when the filter is cleared
        elif self._filtering and not filtering:
            # What was chosen while filtering stays chosen, and its folder opens to show it.
            self._current = self._key_of(self.tree.currentIndex())
        self._filtering = filtering
        self.proxy.setFilterRegularExpression(expr)
        if filtering:
            # The folders only, laid out once at the next paint. expandAll() also keeps every
            # bookmark as a persistent index among the expanded ones, which each row range the
            # next keystroke hides or shows walks; expandToDepth(0) lays out after each folder.
            self.tree.expandRecursively(QModelIndex(), 1)
        else:
            # The filter opened folders the user had closed; those it hid lost their open state.
            self.tree.collapseAll()
            self._restore_view_state()

    def _key_of(self, proxy_index: QModelIndex) -> tuple[str, int] | None:
        source = self.proxy.mapToSource(proxy_index)
        bookmark = self.model.bookmark_at(source)
        if bookmark is not None:
            return ("b", bookmark.id)
        folder = self.model.folder_at(source)
        return ("f", folder.id) if folder is not None else None

    def _save_view_state(self) -> None:
        self._current = self._key_of(self.tree.currentIndex())
        if self._filtering:
            return  # the folders a filter opened are not the user's: the state before it stays
        self._expanded = set()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            key = self._key_of(index)
            if key and self.tree.isExpanded(index):
                self._expanded.add(key[1])

    def _restore_view_state(self) -> None:
        # Folders stay open or closed across reloads; new folders open so the new bookmark shows.
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            key = self._key_of(index)
            if key is None:
                continue
            if key[1] in self._expanded or key[1] not in self._known or self.filter_edit.text().strip():
                self.tree.expand(index)
            self._known.add(key[1])
        if self._current is not None:
            kind, ident = self._current
            source = self.model.bookmark_index(ident) if kind == "b" else self.model.folder_index(ident)
            index = self.proxy.mapFromSource(source)
            if index.isValid():
                if index.parent().isValid():
                    self.tree.expand(index.parent())
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
        self._update_actions()

    def select_bookmark(self, bookmark_id: int) -> bool:
        """Make a bookmark current (e.g. after adding it); False if it is not shown."""
        index = self.proxy.mapFromSource(self.model.bookmark_index(bookmark_id))
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    # -- keyboard --------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """QObject override: Enter opens; Down or Enter in the filter box goes to the tree."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            editing = self.tree.state() == QAbstractItemView.State.EditingState
            if watched is self.tree and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing:
                self._activated(self.tree.currentIndex(), toggle_folder=True)
                return True
            if watched is self.filter_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._focus_first_match()
                return True
        return super().eventFilter(watched, event)

    def _focus_first_match(self) -> None:
        """From the filter box to the tree, on the first bookmark shown (or the first folder)."""
        self.tree.setFocus()
        first = QModelIndex()
        for row in range(self.proxy.rowCount()):
            folder = self.proxy.index(row, 0)
            if not first.isValid():
                first = folder
            if self.proxy.rowCount(folder):
                first = self.proxy.index(0, 0, folder)
                break
        if first.isValid():
            self.tree.setCurrentIndex(first)

    def _activated(self, index: QModelIndex, toggle_folder: bool = False) -> None:
        if not index.isValid():
            return
        source = self.proxy.mapToSource(index)
        bookmark = self.model.bookmark_at(source)
        if bookmark is None:
            if toggle_folder:  # Enter on a folder; a double-click already toggles it
                self.tree.setExpanded(index, not self.tree.isExpanded(index))
            return
        if self.model.is_missing(source):
            self._message(
                QMessageBox.Icon.Information,
                self.tr(
                    "“{title}” is no longer in the report, so it cannot be opened. You can delete this bookmark."
                ).format(title=bookmark.title),
            )
            return
        self.open_requested.emit(bookmark.record_id)

    def open_current(self) -> None:
        self._activated(self.tree.currentIndex())

    # -- commands --------------------------------------------------------------------
    def _selection(self) -> tuple[list[int], list[int]]:
        marks: list[int] = []
        folders: list[int] = []
        for index in self.tree.selectionModel().selectedRows():
            source = self.proxy.mapToSource(index)
            bookmark = self.model.bookmark_at(source)
            if bookmark is not None:
                marks.append(bookmark.id)
            elif (folder := self.model.folder_at(source)) is not None:
                folders.append(folder.id)
        return marks, folders

    def delete_selected(self) -> None:
        """Delete the selected bookmarks and folders (a folder with its bookmarks); undoable."""
        marks, folders = self._selection()
        if marks or folders:
            self._run(lambda: self._service.delete(marks, folders))

    def rename_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index)

    def edit_note(self) -> None:
        """Edit the current bookmark's note, or the current folder's notes for the handout cover."""
        source = self.proxy.mapToSource(self.tree.currentIndex())
        bookmark = self.model.bookmark_at(source)
        if bookmark is not None:
            text, ok = plain.ask_multiline(
                self,
                self.tr("Bookmark Note"),
                self.tr("Note for “{title}”:").format(title=bookmark.title),
                bookmark.note,
            )
            if ok:
                self._run(lambda: self._service.set_note(bookmark.id, text))
            return
        folder = self.model.folder_at(source)
        if folder is not None:
            text, ok = plain.ask_multiline(
                self,
                self.tr("Folder Notes"),
                self.tr("Notes for “{name}” (printed on the handout's cover):").format(name=folder.name),
                folder.notes,
            )
            if ok:
                self._run(lambda: self._service.set_folder_notes(folder.id, text))

    def new_folder(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New Folder"), self.tr("Folder name:"))
        if ok and name.strip():
            self._run(lambda: self._service.create_folder(name))

    def _ask_save_path(self, suggested: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Bookmarks"), str(Path(folder) / suggested), "HT Desk bookmarks (*.json)"
        )
        if not path:
            return None
        chosen = Path(path)
        return chosen if chosen.suffix else chosen.with_suffix(".json")

    def export_folder(self) -> None:
        folder = self.model.folder_at(self.proxy.mapToSource(self.tree.currentIndex()))
        if folder is None:
            return
        path = self._ask_save_path(f"{safe_file_name(folder.name)}.json")
        if path is not None:
            self._run(lambda: self._service.export_to(path, folder.id))

    def export_all(self) -> None:
        path = self._ask_save_path("HT Desk bookmarks.json")
        if path is not None:
            self._run(lambda: self._service.export_to(path))

    def _import_progress(self) -> _ImportProgress:
        dialog = QProgressDialog(self)
        dialog.setWindowTitle(self.tr("Import Bookmarks"))
        dialog.setLabelText(self.tr("Importing bookmarks…"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(IMPORT_PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return _ImportProgress(dialog)

    def import_bookmarks(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Bookmarks"), folder, "HT Desk bookmarks (*.json);;All files (*)"
        )
        if not path:
            return
        progress = self._import_progress()
        try:
            counts = self._service.import_from(Path(path), progress)
        except BookmarkImportCancelled:
            return  # the user's own choice: nothing to say
        except BookmarkError as exc:
            self.show_error(str(exc))
            return
        finally:
            progress.close()
        text = self.tr("{bookmarks} and {folders}").format(
            bookmarks=self.tr("Imported %n bookmark(s)", "", counts.bookmarks_added),
            folders=self.tr("%n new folder(s)", "", counts.folders_added),
        )
        if counts.duplicates:
            text = self.tr("{imported}, {present}").format(
                imported=text, present=self.tr("%n already present", "", counts.duplicates)
            )
        self._message(QMessageBox.Icon.Information, self.tr("{message}.").format(message=text))
