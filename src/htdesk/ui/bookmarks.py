"""Bookmarks in the window: an undoable service, the folder tree model, the panel and the add dialog."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QFont, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from htdesk.store.bookmarks import (
    DEFAULT_FOLDER,
    Bookmark,
    BookmarkError,
    BookmarkStore,
    Folder,
    ImportCounts,
    Removed,
)

MIME_TYPE = "application/x-htdesk-bookmarks"

ModelIndex = QModelIndex | QPersistentModelIndex


# -- the service -----------------------------------------------------------------------------


class _Command(QUndoCommand):
    """One change on the undo stack; the change was already made when the command is pushed."""

    def __init__(
        self, service: BookmarkService, text: str, undo: Callable[[], object], redo: Callable[[], object]
    ) -> None:
        super().__init__(text)
        self._service, self._undo, self._redo = service, undo, redo
        self._pushed = False

    def redo(self) -> None:
        """QUndoCommand override: QUndoStack.push calls this at once; the first time is a no-op."""
        if not self._pushed:
            self._pushed = True
            return
        self._service._replay(self, self._redo)

    def undo(self) -> None:
        """QUndoCommand override."""
        self._service._replay(self, self._undo)


class BookmarkService(QObject):
    """The bookmarks for the UI: ``BookmarkStore`` plus change notification and undo.

    Signals: ``changed()`` after any change (ours, undo/redo, or another window or copy of the
    app, noticed by polling); ``error(str)`` when an undo/redo or an edit made through a model
    fails (direct calls raise ``BookmarkError`` instead). Deletes, moves, renames, notes and adds
    go on ``undo_stack``; import does not.
    """

    changed = Signal()
    error = Signal(str)

    def __init__(self, store: BookmarkStore, parent: QObject | None = None, *, poll_ms: int = 2000) -> None:
        """Wrap an open store; ``poll_ms`` is how often to look for other processes' changes (0: never)."""
        super().__init__(parent)
        self._store = store
        self._undo_stack = QUndoStack(self)
        self.last_folder: str | None = None
        self._version = self._data_version()
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.refresh)
        if poll_ms > 0:
            self._poll.start(poll_ms)

    @property
    def store(self) -> BookmarkStore:
        return self._store

    @property
    def undo_stack(self) -> QUndoStack:
        """Put ``undo_stack.createUndoAction(...)`` in the Edit menu (or use ``create_undo_action``)."""
        return self._undo_stack

    @property
    def read_only(self) -> bool:
        return self._store.read_only

    def recovery_message(self) -> str | None:
        """Tell the user this once at start-up if it is not None: a damaged file was set aside."""
        return self._store.recovery_message()

    def create_undo_action(self, parent: QObject) -> QAction:
        action = self._undo_stack.createUndoAction(parent, "Undo")
        action.setShortcut(QKeySequence.StandardKey.Undo)
        return action

    def create_redo_action(self, parent: QObject) -> QAction:
        action = self._undo_stack.createRedoAction(parent, "Redo")
        action.setShortcut(QKeySequence.StandardKey.Redo)
        return action

    # -- change tracking ---------------------------------------------------------------
    def _data_version(self) -> int:
        try:
            return self._store.data_version()
        except BookmarkError:
            return -1

    def refresh(self) -> None:
        """Emit ``changed`` if another window or copy of the app changed the bookmarks (polled)."""
        version = self._data_version()
        if version != self._version:
            self._version = version
            self.changed.emit()

    def report_error(self, message: str) -> None:
        self.error.emit(message)

    def _replay(self, command: _Command, action: Callable[[], object]) -> None:
        try:
            action()
        except BookmarkError as exc:
            # The world moved on (deleted elsewhere, disk full): say so and drop the command,
            # rather than leave an undo entry that no longer matches the bookmarks.
            command.setObsolete(True)
            self.error.emit(str(exc))
        self.changed.emit()

    def _push(self, text: str, undo: Callable[[], object], redo: Callable[[], object]) -> None:
        self._undo_stack.push(_Command(self, text, undo, redo))
        self.changed.emit()

    # -- reading -----------------------------------------------------------------------
    def folders(self) -> list[Folder]:
        return self._store.folders()

    def folder(self, folder_id: int) -> Folder | None:
        return self._store.folder(folder_id)

    def bookmarks(self, folder_id: int | None = None) -> list[Bookmark]:
        """A folder's bookmarks in order (a handout's pages), or all of them."""
        return self._store.bookmarks(folder_id)

    def bookmarks_of(self, record_id: str) -> list[Bookmark]:
        return self._store.bookmarks_of(record_id)

    def is_bookmarked(self, record_id: str) -> bool:
        """For the toolbar star."""
        return self._store.is_bookmarked(record_id)

    # -- changes (each raises BookmarkError, and is undoable) --------------------------
    def add(self, record_id: str, title: str, folder: int | str | None = None, note: str = "") -> Bookmark:
        """Bookmark a record (folder: id, name — created if new — or None for the default folder)."""
        had = {b.id for b in self._store.bookmarks_of(record_id)}
        folder_ids = {f.id for f in self._store.folders()}
        bookmark = self._store.add(record_id, title, folder, note)
        folder_obj = self._store.folder(bookmark.folder_id)
        self.last_folder = folder_obj.name if folder_obj else None
        if bookmark.id in had:
            return bookmark
        new_folder = [bookmark.folder_id] if bookmark.folder_id not in folder_ids else []
        state: dict[str, Removed] = {}

        def undo() -> None:
            state["removed"] = self._store.delete([bookmark.id], new_folder)

        self._push(f"Bookmark “{bookmark.title}”", undo, lambda: self._store.restore(state["removed"]))
        return bookmark

    def set_note(self, bookmark_id: int, note: str) -> None:
        old = self._store.set_note(bookmark_id, note)
        if old != note:
            self._push(
                "Edit note",
                lambda: self._store.set_note(bookmark_id, old),
                lambda: self._store.set_note(bookmark_id, note),
            )

    def set_title(self, bookmark_id: int, title: str) -> None:
        old = self._store.set_title(bookmark_id, title)
        new = title.strip()
        if old != new:
            self._push(
                "Rename bookmark",
                lambda: self._store.set_title(bookmark_id, old),
                lambda: self._store.set_title(bookmark_id, new),
            )

    def create_folder(self, name: str, notes: str = "") -> Folder:
        folder = self._store.create_folder(name, notes)
        state: dict[str, Removed] = {}

        def undo() -> None:
            state["removed"] = self._store.delete((), [folder.id])

        self._push(f"New folder “{folder.name}”", undo, lambda: self._store.restore(state["removed"]))
        return folder

    def rename_folder(self, folder_id: int, name: str) -> None:
        old = self._store.rename_folder(folder_id, name)
        new = (self._store.folder(folder_id) or Folder(folder_id, name, 0, "")).name
        if old != new:
            self._push(
                "Rename folder",
                lambda: self._store.rename_folder(folder_id, old),
                lambda: self._store.rename_folder(folder_id, new),
            )

    def set_folder_notes(self, folder_id: int, notes: str) -> None:
        """The folder's notes: the trainer's text for the handout's cover."""
        old = self._store.set_folder_notes(folder_id, notes)
        if old != notes:
            self._push(
                "Edit folder notes",
                lambda: self._store.set_folder_notes(folder_id, old),
                lambda: self._store.set_folder_notes(folder_id, notes),
            )

    def move(self, bookmark_ids: Sequence[int], folder_id: int, position: int) -> None:
        """Move bookmarks (in this order) so that the first is at ``position`` of the folder.

        ``position`` counts the folder's other bookmarks, i.e. it is the first one's final index.
        """
        ids = list(bookmark_ids)
        state = {"other": self._store.move(ids, folder_id, position)}

        def swap() -> None:
            state["other"] = self._store.arrange(state["other"])

        self._push("Move bookmark" if len(ids) == 1 else f"Move {len(ids)} bookmarks", swap, swap)

    def move_folders(self, folder_ids: Sequence[int], position: int) -> None:
        """Reorder folders: these (in this order) start at ``position`` among the others."""
        ids = list(dict.fromkeys(folder_ids))
        order = [f.id for f in self._store.folders() if f.id not in ids]
        position = max(0, min(position, len(order)))
        state = {"other": self._store.order_folders(order[:position] + ids + order[position:])}

        def swap() -> None:
            state["other"] = self._store.order_folders(state["other"])

        self._push("Move folder", swap, swap)

    def delete(self, bookmark_ids: Sequence[int] = (), folder_ids: Sequence[int] = ()) -> None:
        """Delete bookmarks and whole folders; undo puts everything back exactly."""
        ids, fids = list(bookmark_ids), list(folder_ids)
        state = {"removed": self._store.delete(ids, fids)}
        removed = state["removed"]
        if not removed.bookmarks and not removed.folders:
            return
        count = len(removed.bookmarks)
        if removed.folders:
            text = f"Delete folder “{removed.folders[0].name}”" if len(fids) == 1 else "Delete folders"
        else:
            text = "Delete bookmark" if count == 1 else f"Delete {count} bookmarks"

        def redo() -> None:
            state["removed"] = self._store.delete(ids, fids)

        self._push(text, lambda: self._store.restore(state["removed"]), redo)

    # -- files -------------------------------------------------------------------------
    def export_to(self, path: Path, folder_id: int | None = None) -> None:
        """Write one folder, or all, to a JSON file (whole or not at all)."""
        self._store.export_file(path, folder_id)

    def import_from(self, path: Path) -> ImportCounts:
        """Merge a JSON file written by ``export_to``; a bad file raises and changes nothing."""
        counts = self._store.import_file(path)
        self.changed.emit()
        return counts


# -- the tree model ------------------------------------------------------------------------


class BookmarkRole(IntEnum):
    """Extra data roles of ``BookmarksModel``."""

    RECORD_ID = Qt.ItemDataRole.UserRole + 1
    BOOKMARK_ID = Qt.ItemDataRole.UserRole + 2
    FOLDER_ID = Qt.ItemDataRole.UserRole + 3
    NOTE = Qt.ItemDataRole.UserRole + 4
    MISSING = Qt.ItemDataRole.UserRole + 5
    FILTER_TEXT = Qt.ItemDataRole.UserRole + 6


class _FolderItem:
    __slots__ = ("children", "folder", "row")

    def __init__(self, folder: Folder, row: int) -> None:
        self.folder, self.row = folder, row
        self.children: list[_BookmarkItem] = []


class _BookmarkItem:
    __slots__ = ("bookmark", "missing", "parent", "row")

    def __init__(self, bookmark: Bookmark, parent: _FolderItem, row: int, missing: bool) -> None:
        self.bookmark, self.parent, self.row, self.missing = bookmark, parent, row, missing


class BookmarksModel(QAbstractItemModel):
    """Folders and their bookmarks as a tree, with drag and drop to reorder and refile.

    ``exists(record_id)`` says whether a record is still in the report (the model never queries
    the report itself); a bookmark whose record is gone is shown with its saved title, marked
    missing. The model reloads (a reset) shortly after the service's ``changed``.
    """

    def __init__(
        self,
        service: BookmarkService,
        exists: Callable[[str], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._exists = exists or (lambda _record_id: True)
        self._folders: list[_FolderItem] = []
        # Reload after the current event: never reset under a view that is mid-drop or mid-edit.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.reload)
        service.changed.connect(self._pending.start)
        self.reload()

    @property
    def service(self) -> BookmarkService:
        return self._service

    def reload(self) -> None:
        """Rebuild from the store now (normally automatic after ``changed``)."""
        self._pending.stop()
        try:
            folders = self._service.folders()
            marks = self._service.bookmarks()
        except BookmarkError as exc:
            self._service.report_error(str(exc))
            folders, marks = [], []
        known: dict[str, bool] = {}
        self.beginResetModel()
        self._folders = [_FolderItem(f, row) for row, f in enumerate(folders)]
        by_id = {item.folder.id: item for item in self._folders}
        for b in marks:
            parent = by_id.get(b.folder_id)
            if parent is None:
                continue
            if b.record_id not in known:
                known[b.record_id] = self._record_exists(b.record_id)
            parent.children.append(_BookmarkItem(b, parent, len(parent.children), not known[b.record_id]))
        self.endResetModel()

    def _record_exists(self, record_id: str) -> bool:
        try:
            return bool(self._exists(record_id))
        except Exception:
            # The report could not be asked (its own error is shown elsewhere): better to show
            # the bookmark as present than to call it missing, or to lose the whole tree.
            return True

    # -- lookups used by the panel and tests ------------------------------------------
    def folder_index(self, folder_id: int) -> QModelIndex:
        for item in self._folders:
            if item.folder.id == folder_id:
                return self.createIndex(item.row, 0, item)
        return QModelIndex()

    def bookmark_index(self, bookmark_id: int) -> QModelIndex:
        for folder in self._folders:
            for item in folder.children:
                if item.bookmark.id == bookmark_id:
                    return self.createIndex(item.row, 0, item)
        return QModelIndex()

    def bookmark_at(self, index: ModelIndex) -> Bookmark | None:
        item = self._item(index)
        return item.bookmark if isinstance(item, _BookmarkItem) else None

    def folder_at(self, index: ModelIndex) -> Folder | None:
        """The folder of a folder row, or the folder holding a bookmark row."""
        item = self._item(index)
        if isinstance(item, _BookmarkItem):
            return item.parent.folder
        return item.folder if isinstance(item, _FolderItem) else None

    def is_missing(self, index: ModelIndex) -> bool:
        item = self._item(index)
        return isinstance(item, _BookmarkItem) and item.missing

    def _item(self, index: ModelIndex) -> _FolderItem | _BookmarkItem | None:
        if not index.isValid() or index.model() is not self:
            return None
        item = index.internalPointer()
        return item if isinstance(item, _FolderItem | _BookmarkItem) else None

    # -- QAbstractItemModel -----------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        """QAbstractItemModel override."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self._folders[row])
        item = self._item(parent)
        if isinstance(item, _FolderItem):
            return self.createIndex(row, column, item.children[row])
        return QModelIndex()

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """QAbstractItemModel override."""
        item = self._item(index)
        if isinstance(item, _BookmarkItem):
            return self.createIndex(item.parent.row, 0, item.parent)
        return QModelIndex()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """QAbstractItemModel override."""
        if not parent.isValid():
            return len(self._folders)
        item = self._item(parent)
        if isinstance(item, _FolderItem) and parent.column() == 0:
            return len(item.children)
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """QAbstractItemModel override."""
        return 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """QAbstractItemModel override."""
        item = self._item(index)
        if isinstance(item, _FolderItem):
            return self._folder_data(item, role)
        if isinstance(item, _BookmarkItem):
            return self._bookmark_data(item, role)
        return None

    def _folder_data(self, item: _FolderItem, role: int) -> Any:
        f = item.folder
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return f.name
        if role == Qt.ItemDataRole.ToolTipRole:
            count = len(item.children)
            head = f"{f.name}: {count} bookmark{'s' if count != 1 else ''}"
            return f"{head}\n{f.notes}" if f.notes else head
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return f"Folder, {len(item.children)} bookmarks"
        if role == BookmarkRole.FOLDER_ID:
            return f.id
        if role == BookmarkRole.NOTE:
            return f.notes
        if role == BookmarkRole.FILTER_TEXT:
            return f"{f.name}\n{f.notes}"
        return None

    def _bookmark_data(self, item: _BookmarkItem, role: int) -> Any:
        b = item.bookmark
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{b.title} (missing)" if item.missing else b.title
        if role == Qt.ItemDataRole.EditRole:
            return b.title
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [b.title]
            if item.missing:
                lines.append("This page is no longer in the report. You can remove this bookmark.")
            if b.note:
                lines.append(f"Note: {b.note}")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return "Missing: no longer in the report" if item.missing else (b.note or "Bookmark")
        if role == Qt.ItemDataRole.FontRole and item.missing:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and item.missing:
            return QBrush(Qt.GlobalColor.gray)
        if role == BookmarkRole.RECORD_ID:
            return b.record_id
        if role == BookmarkRole.BOOKMARK_ID:
            return b.id
        if role == BookmarkRole.FOLDER_ID:
            return b.folder_id
        if role == BookmarkRole.NOTE:
            return b.note
        if role == BookmarkRole.MISSING:
            return item.missing
        if role == BookmarkRole.FILTER_TEXT:
            return f"{b.title}\n{b.note}\n{b.record_id}"
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """QAbstractItemModel override."""
        item = self._item(index)
        if item is None:
            return Qt.ItemFlag.ItemIsDropEnabled  # between folders: folders can be reordered
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._service.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        if isinstance(item, _FolderItem):
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemNeverHasChildren

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """QAbstractItemModel override: renames a folder or a bookmark (undoable)."""
        item = self._item(index)
        if item is None or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value)
        try:
            if isinstance(item, _FolderItem):
                if text != item.folder.name:
                    self._service.rename_folder(item.folder.id, text)
            elif text.strip() != item.bookmark.title:
                self._service.set_title(item.bookmark.id, text)
        except BookmarkError as exc:
            self._service.report_error(str(exc))
            return False
        return True

    # -- drag and drop ---------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        """QAbstractItemModel override."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        """QAbstractItemModel override."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """QAbstractItemModel override."""
        return [MIME_TYPE]

    def mimeData(self, indexes: Iterable[ModelIndex]) -> QMimeData:
        """QAbstractItemModel override: the dragged bookmark and folder ids, in tree order."""
        items = {id(i): i for i in (self._item(x) for x in indexes) if i is not None}.values()
        marks = sorted((i for i in items if isinstance(i, _BookmarkItem)), key=lambda i: (i.parent.row, i.row))
        folders = sorted((i for i in items if isinstance(i, _FolderItem)), key=lambda i: i.row)
        payload = {"bookmarks": [i.bookmark.id for i in marks], "folders": [i.folder.id for i in folders]}
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
        data.setText("\n".join([i.folder.name for i in folders] + [i.bookmark.title for i in marks]))
        return data

    @staticmethod
    def _payload(data: QMimeData) -> tuple[list[int], list[int]] | None:
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
            marks = [int(x) for x in payload.get("bookmarks", [])]
            folders = [int(x) for x in payload.get("folders", [])]
        except (ValueError, TypeError, AttributeError):
            return None
        return marks, folders

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        """QAbstractItemModel override: bookmarks go into folders, folders between folders."""
        payload = self._payload(data)
        if payload is None or self._service.read_only:
            return False
        marks, folders = payload
        if action not in (Qt.DropAction.MoveAction, Qt.DropAction.IgnoreAction):
            return False
        if marks and not folders:
            return self._item(parent) is not None
        if folders and not marks:
            return not parent.isValid()
        return False

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex) -> bool:
        """QAbstractItemModel override: move, as one undoable step, via the service.

        ``row`` is where the items go in the folder (or among folders) as it is now, -1 for the end.
        """
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        payload = self._payload(data)
        assert payload is not None
        marks, folders = payload
        try:
            if marks:
                target = self._item(parent)
                if isinstance(target, _BookmarkItem):  # dropped onto a bookmark: before it
                    target, row = target.parent, target.row
                assert isinstance(target, _FolderItem)
                row = len(target.children) if row < 0 else min(row, len(target.children))
                moved = set(marks)
                position = row - sum(1 for c in target.children[:row] if c.bookmark.id in moved)
                self._service.move(marks, target.folder.id, position)
            else:
                row = len(self._folders) if row < 0 else min(row, len(self._folders))
                moved = set(folders)
                position = row - sum(1 for f in self._folders[:row] if f.folder.id in moved)
                self._service.move_folders(folders, position)
        except BookmarkError as exc:
            self._service.report_error(str(exc))
            return False
        return True


# -- the panel -------------------------------------------------------------------------------


def filter_pattern(text: str) -> str:
    """A regular expression matching text that contains every word typed, in any order."""
    words = text.split()
    return "".join(f"(?=.*{QRegularExpression.escape(w)})" for w in words)


def _safe_file_name(name: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip(" .")
    return (cleaned or "bookmarks")[:80]


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
        self.setAccessibleName("Bookmarks")
        self._service = service
        self.model = BookmarksModel(service, exists, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)  # a folder that matches shows all its bookmarks
        self.proxy.setFilterRole(BookmarkRole.FILTER_TEXT)

        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Bookmarks notice")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._show_notice()

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter bookmarks")
        self.filter_edit.setAccessibleName("Filter bookmarks")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)
        self.filter_edit.installEventFilter(self)

        self.tree = QTreeView(self)
        self.tree.setAccessibleName("Bookmark folders")
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
        self.open_action = self._action("&Open", self.open_current)
        self.rename_action = self._action("&Rename", self.rename_current, QKeySequence(Qt.Key.Key_F2))
        self.note_action = self._action("Edit &Note…", self.edit_note)
        self.delete_action = self._action(
            "&Delete", self.delete_selected, QKeySequence(QKeySequence.StandardKey.Delete)
        )
        self.new_folder_action = self._action("New &Folder…", self.new_folder)
        self.export_folder_action = self._action("&Export Folder…", self.export_folder)
        self.export_all_action = self._action("Export &All Bookmarks…", self.export_all)
        self.import_action = self._action("&Import Bookmarks…", self.import_bookmarks)
        self._update_actions()

    def _update_actions(self) -> None:
        writable = not self._service.read_only
        current = self.tree.currentIndex()
        bookmark = self.model.bookmark_at(self.proxy.mapToSource(current))
        folder = self.model.folder_at(self.proxy.mapToSource(current))
        self.open_action.setEnabled(bookmark is not None)
        self.rename_action.setEnabled(writable and current.isValid())
        self.note_action.setEnabled(writable and current.isValid())
        self.note_action.setText("Edit &Note…" if bookmark else "Edit Folder &Notes (Handout Cover)…")
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
        box = QMessageBox(icon, "Bookmarks", text, QMessageBox.StandardButton.Ok, self)
        box.setAccessibleName("Bookmarks message")
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
        if self._service.read_only:
            lines.append(
                f"The bookmarks folder {self._service.store.path.parent} is read-only: "
                "bookmarks can be opened but not changed."
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
        self.proxy.setFilterRegularExpression(expr)
        if text.strip():
            self.tree.expandAll()
        else:
            self._restore_view_state()

    def _key_of(self, proxy_index: QModelIndex) -> tuple[str, int] | None:
        source = self.proxy.mapToSource(proxy_index)
        bookmark = self.model.bookmark_at(source)
        if bookmark is not None:
            return ("b", bookmark.id)
        folder = self.model.folder_at(source)
        return ("f", folder.id) if folder is not None else None

    def _save_view_state(self) -> None:
        self._expanded = set()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            key = self._key_of(index)
            if key and self.tree.isExpanded(index):
                self._expanded.add(key[1])
        self._current = self._key_of(self.tree.currentIndex())

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
                self.tree.setCurrentIndex(index)
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
                f"“{bookmark.title}” is no longer in the report, so it cannot be opened. You can delete this bookmark.",
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
            text, ok = QInputDialog.getMultiLineText(
                self, "Bookmark Note", f"Note for “{bookmark.title}”:", bookmark.note
            )
            if ok:
                self._run(lambda: self._service.set_note(bookmark.id, text))
            return
        folder = self.model.folder_at(source)
        if folder is not None:
            text, ok = QInputDialog.getMultiLineText(
                self,
                "Folder Notes",
                f"Notes for “{folder.name}” (printed on the handout's cover):",
                folder.notes,
            )
            if ok:
                self._run(lambda: self._service.set_folder_notes(folder.id, text))

    def new_folder(self) -> None:
        name, ok = QInputDialog.getText(self, "New Folder", "Folder name:")
        if ok and name.strip():
            self._run(lambda: self._service.create_folder(name))

    def _ask_save_path(self, suggested: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self, "Export Bookmarks", str(Path(folder) / suggested), "HT Desk bookmarks (*.json)"
        )
        if not path:
            return None
        chosen = Path(path)
        return chosen if chosen.suffix else chosen.with_suffix(".json")

    def export_folder(self) -> None:
        folder = self.model.folder_at(self.proxy.mapToSource(self.tree.currentIndex()))
        if folder is None:
            return
        path = self._ask_save_path(f"{_safe_file_name(folder.name)}.json")
        if path is not None:
            self._run(lambda: self._service.export_to(path, folder.id))

    def export_all(self) -> None:
        path = self._ask_save_path("HT Desk bookmarks.json")
        if path is not None:
            self._run(lambda: self._service.export_to(path))

    def import_bookmarks(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(
            self, "Import Bookmarks", folder, "HT Desk bookmarks (*.json);;All files (*)"
        )
        if not path:
            return
        try:
            counts = self._service.import_from(Path(path))
        except BookmarkError as exc:
            self.show_error(str(exc))
            return
        skipped = f", {counts.duplicates} already present" if counts.duplicates else ""
        self._message(
            QMessageBox.Icon.Information,
            f"Imported {counts.bookmarks_added} bookmark{'s' if counts.bookmarks_added != 1 else ''} "
            f"and {counts.folders_added} new folder{'s' if counts.folders_added != 1 else ''}{skipped}.",
        )


# -- the dialog for bookmarking the open page --------------------------------------------------


class BookmarkDialog(QDialog):
    """Bookmark the open page: pick a folder (or type a new name) and add a note.

    If the page is already in the chosen folder, its note is updated instead. ``remove_button``
    (shown when the page is bookmarked) deletes the bookmark in the chosen folder. After
    acceptance ``bookmark`` is the saved bookmark, or None if it was removed.
    """

    def __init__(self, service: BookmarkService, record_id: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bookmark This Page")
        self.setAccessibleName("Bookmark this page")
        self._service, self._record_id, self._title = service, record_id, title
        self.bookmark: Bookmark | None = None

        existing = self._existing_any()
        self.title_label = QLabel(title, self)
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleName("Page title")
        self.folder_box = QComboBox(self)
        self.folder_box.setEditable(True)
        self.folder_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.folder_box.setAccessibleName("Folder")
        self.folder_box.setToolTip("Choose a folder, or type a new name to create one")
        names = [f.name for f in self._folders()]
        self.folder_box.addItems(names or [DEFAULT_FOLDER])
        if existing is not None:
            folder = service.folder(existing.folder_id)
            self.folder_box.setCurrentText(folder.name if folder else DEFAULT_FOLDER)
        else:
            self.folder_box.setCurrentText(service.last_folder or (names[0] if names else DEFAULT_FOLDER))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setPlaceholderText("Optional note, e.g. what to discuss")
        self.note_edit.setTabChangesFocus(True)
        if existing is not None:
            self.note_edit.setPlainText(existing.note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Save" if existing else "Bookmark")
        self.ok_button.setAccessibleName("Save bookmark")
        self.remove_button = QPushButton("Remove Bookmark", self)
        self.remove_button.setAccessibleName("Remove bookmark")
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove_button.setVisible(existing is not None and not service.read_only)
        self.remove_button.clicked.connect(self.remove)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.setEnabled(not service.read_only)

        form = QFormLayout(self)
        form.addRow("Page:", self.title_label)
        form.addRow("&Folder:", self.folder_box)
        form.addRow("&Note:", self.note_edit)
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
        box = QMessageBox(QMessageBox.Icon.Warning, "Bookmarks", message, QMessageBox.StandardButton.Ok, self)
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
