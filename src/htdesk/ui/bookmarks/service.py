"""The bookmarks service: the store behind undoable commands, with a changed signal for the views."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QObject,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from htdesk.store.bookmarks import (
    Bookmark,
    BookmarkError,
    BookmarkStore,
    Folder,
    ImportCounts,
    Progress,
    Removed,
)


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

        self._push(
            self.tr("Bookmark “{title}”").format(title=bookmark.title),
            undo,
            lambda: self._store.restore(state["removed"]),
        )
        return bookmark

    def set_note(self, bookmark_id: int, note: str) -> None:
        old = self._store.set_note(bookmark_id, note)
        if old != note:
            self._push(
                self.tr("Edit note"),
                lambda: self._store.set_note(bookmark_id, old),
                lambda: self._store.set_note(bookmark_id, note),
            )

    def set_title(self, bookmark_id: int, title: str) -> None:
        old = self._store.set_title(bookmark_id, title)
        new = title.strip()
        if old != new:
            self._push(
                self.tr("Rename bookmark"),
                lambda: self._store.set_title(bookmark_id, old),
                lambda: self._store.set_title(bookmark_id, new),
            )

    def create_folder(self, name: str, notes: str = "") -> Folder:
        folder = self._store.create_folder(name, notes)
        state: dict[str, Removed] = {}

        def undo() -> None:
            state["removed"] = self._store.delete((), [folder.id])

        self._push(
            self.tr("New folder “{name}”").format(name=folder.name), undo, lambda: self._store.restore(state["removed"])
        )
        return folder

    def rename_folder(self, folder_id: int, name: str) -> None:
        old = self._store.rename_folder(folder_id, name)
        new = (self._store.folder(folder_id) or Folder(folder_id, name, 0, "")).name
        if old != new:
            self._push(
                self.tr("Rename folder"),
                lambda: self._store.rename_folder(folder_id, old),
                lambda: self._store.rename_folder(folder_id, new),
            )

    def set_folder_notes(self, folder_id: int, notes: str) -> None:
        """The folder's notes: the trainer's text for the handout's cover."""
        old = self._store.set_folder_notes(folder_id, notes)
        if old != notes:
            self._push(
                self.tr("Edit folder notes"),
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

        self._push(
            self.tr("Move %n bookmark(s)", "", len(ids)),
            swap,
            swap,
        )

    def move_folders(self, folder_ids: Sequence[int], position: int) -> None:
        """Reorder folders: these (in this order) start at ``position`` among the others."""
        ids = list(dict.fromkeys(folder_ids))
        order = [f.id for f in self._store.folders() if f.id not in ids]
        position = max(0, min(position, len(order)))
        state = {"other": self._store.order_folders(order[:position] + ids + order[position:])}

        def swap() -> None:
            state["other"] = self._store.order_folders(state["other"])

        self._push(self.tr("Move folder"), swap, swap)

    def delete(self, bookmark_ids: Sequence[int] = (), folder_ids: Sequence[int] = ()) -> None:
        """Delete bookmarks and whole folders; undo puts everything back exactly."""
        ids, fids = list(bookmark_ids), list(folder_ids)
        state = {"removed": self._store.delete(ids, fids)}
        removed = state["removed"]
        if not removed.bookmarks and not removed.folders:
            return
        count = len(removed.bookmarks)
        if removed.folders:
            if len(fids) == 1:
                text = self.tr("Delete folder “{name}”").format(name=removed.folders[0].name)
            else:
                text = self.tr("Delete %n folder(s)", "", len(fids))
        else:
            text = self.tr("Delete %n bookmark(s)", "", count)

        def redo() -> None:
            state["removed"] = self._store.delete(ids, fids)

        self._push(text, lambda: self._store.restore(state["removed"]), redo)

    # -- files -------------------------------------------------------------------------
    def export_to(self, path: Path, folder_id: int | None = None) -> None:
        """Write one folder, or all, to a JSON file (whole or not at all)."""
        self._store.export_file(path, folder_id)

    def import_from(self, path: Path, progress: Progress | None = None) -> ImportCounts:
        """Merge a JSON file written by ``export_to``; a bad (or cancelled) import raises and changes nothing."""
        counts = self._store.import_file(path, progress)
        self.changed.emit()
        return counts
