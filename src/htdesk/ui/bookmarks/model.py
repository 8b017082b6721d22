"""The bookmarks tree model: folders and bookmarks, drag and drop to reorder and refile."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QFont

from htdesk.store.bookmarks import (
    Bookmark,
    BookmarkError,
    Folder,
)
from htdesk.ui import plain
from htdesk.ui.bookmarks.service import BookmarkService

MIME_TYPE = "application/x-htdesk-bookmarks"

ModelIndex = QModelIndex | QPersistentModelIndex


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


_FILTER_ROLE = int(BookmarkRole.FILTER_TEXT)
_BASE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CHANGE = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
# (a folder?, writable?) -> the item's flags.
_FLAGS = {
    (True, True): _BASE | _CHANGE | Qt.ItemFlag.ItemIsDropEnabled,
    (True, False): _BASE | Qt.ItemFlag.ItemIsDropEnabled,
    (False, True): _BASE | _CHANGE | Qt.ItemFlag.ItemNeverHasChildren,
    (False, False): _BASE | Qt.ItemFlag.ItemNeverHasChildren,
}


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
        return self._own(index)

    @staticmethod
    def _own(index: ModelIndex) -> _FolderItem | _BookmarkItem | None:
        """The item of an index Qt passes to an override: always this model's (no model() check).

        The view asks index(), parent(), rowCount() and flags() of every row it lays out, a
        filter's expandAll() of every bookmark: each saved call into Python counts (issue 20).
        """
        item = index.internalPointer() if index.isValid() else None
        return item if isinstance(item, _FolderItem | _BookmarkItem) else None

    # -- QAbstractItemModel -----------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        """QAbstractItemModel override."""
        # Bounds checked here rather than by hasIndex(), which calls back into rowCount().
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, self._folders[row]) if row < len(self._folders) else QModelIndex()
        item = self._own(parent)
        if isinstance(item, _FolderItem) and row < len(item.children) and parent.column() == 0:
            return self.createIndex(row, 0, item.children[row])
        return QModelIndex()

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """QAbstractItemModel override."""
        item = self._own(index)
        if isinstance(item, _BookmarkItem):
            return self.createIndex(item.parent.row, 0, item.parent)
        return QModelIndex()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """QAbstractItemModel override."""
        if not parent.isValid():
            return len(self._folders)
        item = self._own(parent)
        if isinstance(item, _FolderItem) and parent.column() == 0:
            return len(item.children)
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """QAbstractItemModel override."""
        return 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """QAbstractItemModel override."""
        item = self._own(index)
        if role == _FILTER_ROLE:  # asked of every row for each letter typed in the filter: first, as an int
            if isinstance(item, _BookmarkItem):
                b = item.bookmark
                return f"{b.title}\n{b.note}\n{b.record_id}"
            return f"{item.folder.name}\n{item.folder.notes}" if isinstance(item, _FolderItem) else None
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
            head = self.tr("{name}: %n bookmark(s)", "", len(item.children)).format(name=f.name)
            return plain.tooltip(f"{head}\n{f.notes}" if f.notes else head)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.tr("Folder, %n bookmark(s)", "", len(item.children))
        if role == BookmarkRole.FOLDER_ID:
            return f.id
        if role == BookmarkRole.NOTE:
            return f.notes
        return None

    def _bookmark_data(self, item: _BookmarkItem, role: int) -> Any:
        b = item.bookmark
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("{title} (missing)").format(title=b.title) if item.missing else b.title
        if role == Qt.ItemDataRole.EditRole:
            return b.title
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [b.title]
            if item.missing:
                lines.append(self.tr("This page is no longer in the report. You can remove this bookmark."))
            if b.note:
                lines.append(self.tr("Note: {note}").format(note=b.note))
            return plain.tooltip("\n".join(lines))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.tr("Missing: no longer in the report") if item.missing else (b.note or self.tr("Bookmark"))
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
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """QAbstractItemModel override."""
        item = self._own(index)
        if item is None:
            return Qt.ItemFlag.ItemIsDropEnabled  # between folders: folders can be reordered
        # Made once (see _FLAGS): combining Qt.ItemFlag values in Python is slow, and this is
        # asked of every row laid out.
        return _FLAGS[isinstance(item, _FolderItem), not self._service.read_only]

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
