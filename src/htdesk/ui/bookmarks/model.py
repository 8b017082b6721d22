"""The bookmarks tree model: folders and bookmarks, drag and drop to reorder and refile."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QFont, QStandardItem, QStandardItemModel

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


# The roles as ints, made once: reload() sets them on every item.
_RECORD_ID, _BOOKMARK_ID, _FOLDER_ID, _NOTE, _MISSING, _FILTER_TEXT = (int(r) for r in BookmarkRole)
_EDIT = int(Qt.ItemDataRole.EditRole)

_BASE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CHANGE = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
# (a folder?, writable?) -> the item's flags.
_FLAGS = {
    (True, True): _BASE | _CHANGE | Qt.ItemFlag.ItemIsDropEnabled,
    (True, False): _BASE | Qt.ItemFlag.ItemIsDropEnabled,
    (False, True): _BASE | _CHANGE | Qt.ItemFlag.ItemNeverHasChildren,
    (False, False): _BASE | Qt.ItemFlag.ItemNeverHasChildren,
}


class _MissingItem(QStandardItem):
    """A bookmark whose record is gone: shown "title (missing)", edited as its plain title.

    A QStandardItem keeps one text for display and editing, so this one answers the edit
    role itself. Every read of such a row, by the filter or the view, is a call into Python:
    affordable because missing bookmarks are few (a thousand among 10,000 add about 4 ms to a
    filter keystroke).
    """

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title

    def data(self, role: int = Qt.ItemDataRole.UserRole + 1) -> Any:
        """QStandardItem override."""
        return self._title if role == _EDIT else super().data(role)


# A folder row's content: the folder, its bookmarks, which of them are missing, and whether the
# file can be written. Equal contents make equal rows, so a reload keeps the row it has.
_Content = tuple[Folder, tuple[Bookmark, ...], tuple[bool, ...], bool]


def _prototype(flags: Qt.ItemFlag, data: dict[int, Any] | None = None) -> QStandardItem:
    item = QStandardItem()
    item.setFlags(flags)
    for role, value in (data or {}).items():
        item.setData(value, role)
    return item


class BookmarksModel(QStandardItemModel):
    """Folders and their bookmarks as a tree, with drag and drop to reorder and refile.

    ``exists(record_id)`` says whether a record is still in the report (the model never queries
    the report itself); a bookmark whose record is gone is shown with its saved title, marked
    missing. The model reloads (a reset) shortly after the service's ``changed``.

    Every row is a QStandardItem holding its text, ids, tooltip and flags, made on reload: a
    filter keystroke has the proxy and the view ask each row's index, parent, row count, flags
    and data, and none of those calls comes back into Python (issue 20: 10,000 bookmarks
    filtered in a frame). Only what is rare is Python here: renames, drag and drop, lookups.
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
        self._folders: dict[int, Folder] = {}
        self._bookmarks: dict[int, Bookmark] = {}
        self._folder_order: list[int] = []  # folder ids, by row
        self._children: dict[int, list[int]] = {}  # folder id -> its bookmark ids, by row
        self._contents: dict[int, _Content] = {}  # folder id -> what its row was built from
        self.setColumnCount(1)
        self.invisibleRootItem().setFlags(Qt.ItemFlag.ItemIsDropEnabled)  # between folders: folders can be reordered
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
        children: dict[int, list[Bookmark]] = {f.id: [] for f in folders}
        for b in marks:
            if b.folder_id in children:
                children[b.folder_id].append(b)
        known: dict[str, bool] = {}
        for b in marks:
            if b.record_id not in known:
                known[b.record_id] = self._record_exists(b.record_id)
        writable = not self._service.read_only
        contents = {
            f.id: (f, tuple(children[f.id]), tuple(not known[b.record_id] for b in children[f.id]), writable)
            for f in folders
        }
        self.beginResetModel()
        # The rows change inside the reset, unannounced: row signals have no place within a
        # reset (the model tester fails on them), and the proxy and the view rebuild on modelReset.
        blocked = self.blockSignals(True)
        try:
            self._update_rows([f.id for f in folders], contents)
        finally:
            self.blockSignals(blocked)
        self._contents = contents
        self._folders = {f.id: f for f in folders}
        self._bookmarks = {b.id: b for kids in children.values() for b in kids}
        self._folder_order = [f.id for f in folders]
        self._children = {fid: [b.id for b in kids] for fid, kids in children.items()}
        self.endResetModel()

    def _record_exists(self, record_id: str) -> bool:
        try:
            return bool(self._exists(record_id))
        except Exception:
            # The report could not be asked (its own error is shown elsewhere): better to show
            # the bookmark as present than to call it missing, or to lose the whole tree.
            return True

    def _update_rows(self, order: list[int], contents: dict[int, _Content]) -> None:
        """Make the folder rows ``order``, building again only the folders whose content changed.

        A change (a rename, a note, a drop, a delete) touches a folder or two: at 10,000 bookmarks
        building every row again took half of each reload. Folders moved among themselves, and
        the first load, build every row.
        """
        root = self.invisibleRootItem()
        make = self._row_maker()
        old = self._folder_order
        kept = set(old) & set(order)
        if not kept or [i for i in old if i in kept] != [i for i in order if i in kept]:
            root.removeRows(0, root.rowCount())
            root.appendRows([make(*contents[i]) for i in order])
            return
        for row in reversed(range(len(old))):
            if old[row] not in kept:
                root.removeRow(row)
        for row, i in enumerate(order):
            if i in kept and contents[i] == self._contents[i]:
                continue
            if i in kept:
                root.removeRow(row)
            # insertRows with a list, as appendRows: PySide's insertRow(row, item) leaves the item
            # Python's, to be deleted under the model, and setChild() keeps a Python wrapper of the
            # item after Qt deletes it at the next change.
            root.insertRows(row, [make(*contents[i])])

    def _row_maker(self) -> Callable[[Folder, Sequence[Bookmark], Sequence[bool], bool], QStandardItem]:
        """For one reload: a function making a folder's row, holding its bookmarks' rows."""
        # Rows are copies of prototypes holding what they share (flags, not missing): at 10,000
        # rows each call saved per row counts. The texts are translated once, not once per row.
        folder_protos = {w: _prototype(_FLAGS[True, w]) for w in (True, False)}
        mark_protos = {w: _prototype(_FLAGS[False, w], {_MISSING: False}) for w in (True, False)}
        missing_title = self.tr("{title} (missing)")
        missing_tip = self.tr("This page is no longer in the report. You can remove this bookmark.")
        note_line = self.tr("Note: {note}")
        missing_description = self.tr("Missing: no longer in the report")
        bookmark_description = self.tr("Bookmark")
        italic = QFont()
        italic.setItalic(True)
        grey = QBrush(Qt.GlobalColor.gray)

        def bookmark(b: Bookmark, missing: bool, writable: bool) -> QStandardItem:
            lines = [b.title]
            if missing:
                item: QStandardItem = _MissingItem(b.title)
                item.setFlags(_FLAGS[False, writable])
                item.setText(missing_title.format(title=b.title))
                item.setAccessibleDescription(missing_description)
                item.setData(True, _MISSING)
                item.setFont(italic)
                item.setForeground(grey)
                lines.append(missing_tip)
            else:
                item = mark_protos[writable].clone()
                item.setText(b.title)
                item.setAccessibleDescription(b.note or bookmark_description)
            if b.note:
                lines.append(note_line.format(note=b.note))
            item.setToolTip(plain.tooltip("\n".join(lines)))
            item.setData(f"{b.title}\n{b.note}\n{b.record_id}", _FILTER_TEXT)
            item.setData(b.record_id, _RECORD_ID)
            item.setData(b.id, _BOOKMARK_ID)
            item.setData(b.folder_id, _FOLDER_ID)
            item.setData(b.note, _NOTE)
            return item

        def folder(f: Folder, kids: Sequence[Bookmark], missing: Sequence[bool], writable: bool) -> QStandardItem:
            item = folder_protos[writable].clone()
            item.setText(f.name)
            item.setData(f"{f.name}\n{f.notes}", _FILTER_TEXT)
            item.setData(f.id, _FOLDER_ID)
            item.setData(f.notes, _NOTE)
            head = self.tr("{name}: %n bookmark(s)", "", len(kids)).format(name=f.name)
            item.setToolTip(plain.tooltip(f"{head}\n{f.notes}" if f.notes else head))
            item.setAccessibleDescription(self.tr("Folder, %n bookmark(s)", "", len(kids)))
            item.appendRows([bookmark(b, gone, writable) for b, gone in zip(kids, missing, strict=True)])
            return item

        return folder

    # -- lookups used by the panel and tests ------------------------------------------
    def folder_index(self, folder_id: int) -> QModelIndex:
        try:
            return self.index(self._folder_order.index(folder_id), 0)
        except ValueError:
            return QModelIndex()

    def bookmark_index(self, bookmark_id: int) -> QModelIndex:
        b = self._bookmarks.get(bookmark_id)
        if b is None:
            return QModelIndex()
        folder = self.folder_index(b.folder_id)
        return self.index(self._children[b.folder_id].index(bookmark_id), 0, folder)

    def bookmark_at(self, index: ModelIndex) -> Bookmark | None:
        if not self._own(index):
            return None
        return self._bookmarks.get(index.data(_BOOKMARK_ID))

    def folder_at(self, index: ModelIndex) -> Folder | None:
        """The folder of a folder row, or the folder holding a bookmark row."""
        if not self._own(index):
            return None
        return self._folders.get(index.data(_FOLDER_ID))

    def is_missing(self, index: ModelIndex) -> bool:
        return self._own(index) and index.data(_MISSING) is True

    def _own(self, index: ModelIndex) -> bool:
        return index.isValid() and index.model() is self

    # -- QStandardItemModel ---------------------------------------------------------------
    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """QStandardItemModel override: renames a folder or a bookmark (undoable), through the service.

        The item itself is left as it is: the reload that follows the change shows the new name.
        """
        if role != Qt.ItemDataRole.EditRole:
            return False
        bookmark, folder = self.bookmark_at(index), self.folder_at(index)
        text = str(value)
        try:
            if bookmark is not None:
                if text.strip() != bookmark.title:
                    self._service.set_title(bookmark.id, text)
            elif folder is not None:
                if text != folder.name:
                    self._service.rename_folder(folder.id, text)
            else:
                return False
        except BookmarkError as exc:
            self._service.report_error(str(exc))
            return False
        return True

    def removeRows(self, row: int, count: int, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        """QStandardItemModel override: refused; rows go only through the service.

        After a drop the view removes the rows it dragged itself (QAbstractItemView's move), as
        if the model had not moved them already; the drop has moved them, in the store.
        """
        return False

    def insertRows(self, row: int, count: int, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        """QStandardItemModel override: refused; rows come only from the store."""
        return False

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
        marks: dict[int, tuple[tuple[int, int], Bookmark]] = {}
        folders: dict[int, tuple[int, Folder]] = {}
        for index in indexes:
            bookmark = self.bookmark_at(index)
            if bookmark is not None:
                marks[bookmark.id] = ((index.parent().row(), index.row()), bookmark)
            elif (folder := self.folder_at(index)) is not None:
                folders[folder.id] = (index.row(), folder)
        marks_in_order = [b for _, b in sorted(marks.values(), key=lambda x: x[0])]
        folders_in_order = [f for _, f in sorted(folders.values(), key=lambda x: x[0])]
        payload = {"bookmarks": [b.id for b in marks_in_order], "folders": [f.id for f in folders_in_order]}
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
        data.setText("\n".join([f.name for f in folders_in_order] + [b.title for b in marks_in_order]))
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
            return self.folder_at(parent) is not None
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
                target = self.folder_at(parent)
                assert target is not None
                if self.bookmark_at(parent) is not None:  # dropped onto a bookmark: before it
                    row = parent.row()
                children = self._children[target.id]
                row = len(children) if row < 0 else min(row, len(children))
                moved = set(marks)
                position = row - sum(1 for c in children[:row] if c in moved)
                self._service.move(marks, target.id, position)
            else:
                order = self._folder_order
                row = len(order) if row < 0 else min(row, len(order))
                moved = set(folders)
                position = row - sum(1 for f in order[:row] if f in moved)
                self._service.move_folders(folders, position)
        except BookmarkError as exc:
            self._service.report_error(str(exc))
            return False
        return True
