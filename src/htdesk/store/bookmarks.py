"""The user's bookmarks: folders of report records in their own SQLite file (no Qt here)."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from htdesk.content.comparison import ComparisonRef
from htdesk.i18n import translate
from htdesk.output.files import OutputError, protect, write_bytes
from htdesk.paths import BOOKMARKS_FILE, user_dir

SCHEMA_VERSION = 1
FORMAT = "htdesk-bookmarks"
FORMAT_VERSION = 1
DEFAULT_FOLDER = "Unfiled"
FILE_NAME = BOOKMARKS_FILE
# Seconds a writer waits for another window or copy of the app to finish its transaction.
BUSY_TIMEOUT = 10.0
if TYPE_CHECKING:
    from htdesk.store.bookmark_file import FileIn

MAX_NAME = 200
MAX_TEXT = 20_000
# Far beyond any real export (a bookmark is ~200 bytes); refuses a wrong file before reading it all.
MAX_IMPORT_BYTES = 50_000_000
# What one import may bring: far more than a trainer files (tens of folders, hundreds of pages), and
# few enough that an import takes well under a second and the panel stays quick (issue 20).
MAX_IMPORT_FOLDERS = 1_000
MAX_IMPORT_BOOKMARKS = 10_000
# An import reports its progress (and may be cancelled) after this many bookmarks.
PROGRESS_STEP = 250

# The schema is created inside one IMMEDIATE transaction, so two copies of the app opening a new
# file at the same moment cannot both create it. AUTOINCREMENT: an id is never reused, so undo can
# put a deleted bookmark back under its old id and anything holding that id still finds it.
_SCHEMA = (
    """CREATE TABLE folders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        position INTEGER NOT NULL,
        notes TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id TEXT NOT NULL,
        title TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        created TEXT NOT NULL,
        UNIQUE (folder_id, record_id)
    )""",
    "CREATE INDEX bookmarks_record ON bookmarks(record_id)",
)
# Added later, to files of the same schema version (an older HT Desk reads them as before): new
# folders go after the last (max(position)) and the panel reads folders and bookmarks in order.
_INDEXES = {
    "folders_position": "CREATE INDEX IF NOT EXISTS folders_position ON folders(position)",
    "bookmarks_folder": "CREATE INDEX IF NOT EXISTS bookmarks_folder ON bookmarks(folder_id, position, id)",
}

# What each table must have: a file whose tables lack one (a renamed column) is damaged.
_COLUMNS = {
    "folders": {"id", "name", "position", "notes"},
    "bookmarks": {"id", "record_id", "title", "note", "folder_id", "position", "created"},
}

# Primary SQLite result codes (extended codes carry them in the low byte).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26


# -- errors ------------------------------------------------------------------------------


class BookmarkError(Exception):
    """Bookmarks cannot do what was asked; the message is one line a user can act on."""


class BookmarkEnvironmentError(BookmarkError):
    """The computer's fault, not the user's: read-only folder, full disk, damaged or locked file."""


class BookmarkReadOnly(BookmarkEnvironmentError):
    """The bookmarks folder or file cannot be written; bookmarks can be read but not changed."""


class BookmarkInputError(BookmarkError):
    """What was asked is not possible: a duplicate folder name, an empty name, a stale id."""


class BookmarkNotFound(BookmarkInputError):
    """The bookmark or folder no longer exists (deleted meanwhile, perhaps by another window)."""


class BookmarkImportError(BookmarkInputError):
    """An import file is malformed or not an HT Desk bookmarks file; nothing was imported."""


class BookmarkImportCancelled(BookmarkInputError):
    """The user cancelled an import; nothing was imported."""


# -- values ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Folder:
    """A folder of bookmarks, e.g. one training session; ``notes`` go on the handout's cover."""

    id: int
    name: str
    position: int
    notes: str


@dataclass(frozen=True)
class Bookmark:
    """A report record saved by the user; ``title`` is the record's title when it was saved."""

    id: int
    record_id: str
    title: str
    note: str
    folder_id: int
    position: int
    created: str


@dataclass(frozen=True)
class Removed:
    """Everything a delete took away, exactly as it was, so that ``restore`` can put it back."""

    folders: tuple[Folder, ...] = ()
    bookmarks: tuple[Bookmark, ...] = ()


@dataclass(frozen=True)
class ImportCounts:
    """What an import did: new folders, new bookmarks, and bookmarks skipped as already present."""

    folders_added: int
    bookmarks_added: int
    duplicates: int

    def summary(self) -> str:
        """What happened, in one sentence for the user (the app's message and the CLI's)."""
        marks, folders = self.bookmarks_added, self.folders_added
        marks_text = translate("store", "1 bookmark") if marks == 1 else translate("store", "{n} bookmarks")
        folders_text = translate("store", "1 new folder") if folders == 1 else translate("store", "{n} new folders")
        text = translate("store", "Imported {bookmarks} and {folders}").format(
            bookmarks=marks_text.format(n=marks), folders=folders_text.format(n=folders)
        )
        if self.duplicates:
            text += translate("store", ", {n} already present").format(n=self.duplicates)
        return text + "."


# Folder id -> the ids of its bookmarks in order; what ``move`` replaced and ``arrange`` restores.
Arrangement = dict[int, list[int]]
# An import's progress report: (bookmarks done, bookmarks in the file) -> go on?
Progress = Callable[[int, int], bool]


# -- locations -----------------------------------------------------------------------------


def default_path() -> Path:
    """The user's bookmarks file, in the user's data folder (see htdesk.paths.user_dir)."""
    return user_dir() / FILE_NAME


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _wal(conn: sqlite3.Connection) -> None:
    """Put the file in WAL mode, waiting for another copy of the app doing the same.

    Turning a new file to WAL takes an exclusive lock, and SQLite answers a copy that meets that
    lock with "database is locked" at once, not after the busy timeout: two copies of the app
    started together on a first run would otherwise leave one without bookmarks.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if _code(exc) != _SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file is at ``path`` (device and inode; the file index on Windows), None for none."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _writable(path: Path) -> bool:
    """Whether this process may write ``path`` (its effective user, where the platform tells)."""
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", -1) or -1) & 0xFF


def _clean_name(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise BookmarkInputError(translate("store", "A folder needs a name."))
    if len(name) > MAX_NAME:
        raise BookmarkInputError(
            translate("store", "A folder name can have at most {MAX_NAME} characters.").format(MAX_NAME=MAX_NAME)
        )
    return name


def _clean_text(text: str, what: str) -> str:
    text = str(text)
    if len(text) > MAX_TEXT:
        raise BookmarkInputError(
            translate("store", "The {what} is too long (at most {MAX_TEXT} characters).").format(
                what=what, MAX_TEXT=MAX_TEXT
            )
        )
    return text


def _folder(row: sqlite3.Row) -> Folder:
    return Folder(id=row["id"], name=row["name"], position=row["position"], notes=row["notes"])


def _bookmark(row: sqlite3.Row) -> Bookmark:
    return Bookmark(
        id=row["id"],
        record_id=row["record_id"],
        title=row["title"],
        note=row["note"],
        folder_id=row["folder_id"],
        position=row["position"],
        created=row["created"],
    )


class _Unusable(Exception):
    """Internal: the file is damaged or not a bookmarks database, so it must be moved aside."""


# -- the store -----------------------------------------------------------------------------


class BookmarkStore:
    """The user's bookmarks database: every write is one transaction, safe across processes.

    Opening never fails on a damaged file: it is moved aside as
    ``bookmarks-corrupt-YYYYmmdd-HHMMSS.sqlite`` and ``recovered_from`` names it. In a folder that
    cannot be written the store opens read-only (``read_only``) and every change raises
    ``BookmarkReadOnly``. All failures are ``BookmarkError`` with a one-line message.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        protect(self.path)  # an export chosen over the open bookmarks would destroy them
        self.recovered_from: Path | None = None
        self.read_only = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BookmarkEnvironmentError(
                translate("store", "Cannot create the bookmarks folder {parent}: {reason}.").format(
                    parent=self.path.parent, reason=exc.strerror or exc
                )
            ) from None
        found = _identity(self.path)
        try:
            self._conn = self._open()
        except _Unusable:
            # Another copy of the app that found the same damaged file may have set it aside and
            # started a new one meanwhile: that one is to be used, not set aside in turn with the
            # other copy's bookmarks in it.
            if _identity(self.path) == found:
                self.recovered_from = self._move_aside()
            try:
                self._conn = self._open()
            except _Unusable:
                raise BookmarkEnvironmentError(
                    translate("store", "A new bookmarks database could not be created at {path}.").format(
                        path=self.path
                    )
                ) from None

    @classmethod
    def open_default(cls) -> BookmarkStore:
        """The store at ``default_path()``, creating the folder and file as needed."""
        return cls(default_path())

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- opening, checking, recovering -------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        existed = self.path.exists()
        if existed and not _writable(self.path) and _writable(self.path.parent):
            return self._open_read_only()  # a read-only file: readable, every change refused
        if existed:
            self._inspect()
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            if existed and os.access(self.path.parent, os.W_OK):
                raise _Unusable from None  # an unreadable file in a writable folder: set it aside
            raise self._error(exc) from None
        conn.row_factory = sqlite3.Row
        try:
            # Check before anything writes: another program's database must be kept unaltered.
            new = self._check(conn) == 0
            # WAL lets one copy of the app read while another writes; it persists in the file.
            _wal(conn)
            if new:
                self._create_schema(conn)
            self._add_indexes(conn)
            conn.execute("PRAGMA foreign_keys=ON")
            return conn
        except _Unusable:
            self._keep_wal()
            conn.close()
            raise
        except sqlite3.Error as exc:
            code = _code(exc)
            if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
                self._keep_wal()
                conn.close()
                raise _Unusable from None
            conn.close()
            if code in (_SQLITE_READONLY, _SQLITE_CANTOPEN) and existed:
                return self._open_read_only()
            raise self._error(exc) from None
        except BaseException:
            conn.close()
            raise

    def _inspect(self) -> None:
        """Check an existing file through a read-only connection: _Unusable if damaged or foreign.

        A read-write connection that finds a leftover WAL folds it into the file when it closes: the
        file of another program (or a damaged one) would be changed before being set aside.
        """
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error:
            return  # cannot be opened read-only here (no -shm can be made): the checks below decide
        try:
            try:
                self._check(conn)
            except sqlite3.Error as exc:
                if _code(exc) not in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
                    return  # busy, or a WAL this connection cannot read: the read-write checks decide
                raise _Unusable from None
        except _Unusable:
            self._keep_wal()  # as the read-write path does: what was found damaged is kept whole
            raise
        finally:
            conn.close()

    def _keep_wal(self) -> None:
        """Read a damaged file's WAL before closing, as SQLite deletes it when the last connection closes."""
        wal = self.path.with_name(self.path.name + "-wal")
        try:
            self._damaged_wal: bytes | None = wal.read_bytes() if wal.exists() else None
        except OSError:
            self._damaged_wal = None

    def _check(self, conn: sqlite3.Connection) -> int:
        """The file's schema version (0: new and empty), without writing; _Unusable if damaged or foreign."""
        # One read transaction, one snapshot: another copy of the app creating the schema meanwhile
        # would otherwise be seen half-way (user_version 0 read before its commit, its tables after)
        # and its new file taken for another program's and set aside.
        conn.execute("BEGIN")
        try:
            version = self._check_snapshot(conn)
        except BaseException:
            with suppress(sqlite3.Error):  # the check's own failure is the one to report
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return version

    def _check_snapshot(self, conn: sqlite3.Connection) -> int:
        """_check's reads, inside its transaction."""
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise _Unusable
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise BookmarkEnvironmentError(
                translate(
                    "store",
                    "The bookmarks database {path} was written by a newer HT Desk (schema "
                    "{version}); install the newer HT Desk to use it.",
                ).format(path=self.path, version=version)
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version == 0 and tables:
            raise _Unusable  # some other program's database: keep it, but not here
        if version and not {"folders", "bookmarks"} <= tables:
            raise _Unusable
        for table, needed in _COLUMNS.items() if version else ():
            if not needed <= {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}:
                raise _Unusable  # read as it is, every bookmark would fail with an IndexError
        return version

    def _create_schema(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read under the write lock: another process may have created it meanwhile.
            if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
                for statement in (*_SCHEMA, *_INDEXES.values()):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _read_only_words(self) -> str:
        if self.file_is_read_only():
            return translate("store", "it is read-only")
        return translate("store", "its folder is read-only")

    def _add_indexes(self, conn: sqlite3.Connection) -> None:
        """Give a file the indexes it lacks (files made before they existed): one write, once."""
        have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        missing = [sql for name, sql in _INDEXES.items() if name not in have]
        if not missing:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in missing:
                conn.execute(statement)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _open_read_only(self) -> sqlite3.Connection:
        """Open a file in a folder we cannot write, or a read-only file: readable, every change refused."""
        # immutable: a WAL database cannot even be read without creating its -shm file, which a
        # read-only folder forbids; nobody can be writing to it there anyway.
        uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            conn.row_factory = sqlite3.Row
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error as exc:
            raise BookmarkEnvironmentError(
                translate(
                    "store",
                    "The bookmarks database {path} cannot be read ({exc}) and {read_only_words}; "
                    "check its permissions.",
                ).format(path=self.path, exc=exc, read_only_words=self._read_only_words())
            ) from None
        if version != SCHEMA_VERSION:
            conn.close()
            raise BookmarkEnvironmentError(
                translate("store", "The bookmarks database {path} cannot be updated: {read_only_words}.").format(
                    path=self.path, read_only_words=self._read_only_words()
                )
            )
        self.read_only = True
        return conn

    def _move_aside(self) -> Path:
        """Rename the damaged file (and its WAL) to a timestamped name beside it; never delete it."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}-corrupt-{stamp}{self.path.suffix}")
        n = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.stem}-corrupt-{stamp}-{n}{self.path.suffix}")
            n += 1
        try:
            self.path.replace(target)
            # A stale -wal beside a fresh file would be replayed into it: it goes with the old file.
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    side.replace(target.with_name(target.name + suffix))
            wal = getattr(self, "_damaged_wal", None)
            if wal and not target.with_name(target.name + "-wal").exists():
                target.with_name(target.name + "-wal").write_bytes(wal)
        except OSError as exc:
            raise BookmarkEnvironmentError(
                translate(
                    "store",
                    "The bookmarks database {path} is damaged and could not be moved aside "
                    "({reason}); move or delete it, then restart HT Desk.",
                ).format(path=self.path, reason=exc.strerror or exc)
            ) from None
        return target

    def file_is_read_only(self) -> bool:
        """The file itself is read-only in a folder that can be written (else it is the folder)."""
        # The folder first: with it read-only, a writable file still cannot be changed (its journal).
        return _writable(self.path.parent) and self.path.exists() and not _writable(self.path)

    def read_only_reason(self) -> str:
        """Which is read-only, the bookmarks file or its folder, in words naming it."""
        if self.file_is_read_only():
            return translate("store", "The bookmarks file {path} is read-only").format(path=self.path)
        return translate("store", "The bookmarks folder {path} is read-only").format(path=self.path.parent)

    def recovery_message(self) -> str | None:
        """What to tell the user if a damaged file was replaced on opening, else None."""
        if self.recovered_from is None:
            return None
        return translate(
            "store",
            "Your bookmarks database was damaged and could not be read. It was kept as {path} and a new, "
            "empty one was started.",
        ).format(path=self.recovered_from)

    # -- error mapping and transactions ------------------------------------------------
    def _error(self, exc: sqlite3.Error) -> BookmarkError:
        """An SQLite failure as a one-line message that says whose fault it is and what to do."""
        code = _code(exc)
        where = self.path.parent
        if code == _SQLITE_READONLY:
            return BookmarkReadOnly(
                translate("store", "{read_only_reason}: the change was not saved.").format(
                    read_only_reason=self.read_only_reason()
                )
            )
        if code == _SQLITE_FULL:
            return BookmarkEnvironmentError(
                translate(
                    "store",
                    "The disk holding {where} is full: the change was not saved. Free some space and try again.",
                ).format(where=where)
            )
        if code == _SQLITE_CANTOPEN:
            return BookmarkEnvironmentError(
                translate(
                    "store",
                    "Cannot open or create the bookmarks database in {where}: check that the folder "
                    "exists and can be written.",
                ).format(where=where)
            )
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return BookmarkEnvironmentError(
                translate(
                    "store",
                    "The bookmarks are being changed by another copy of HT Desk: the change was not saved; try again.",
                )
            )
        if code == _SQLITE_IOERR:
            return BookmarkEnvironmentError(
                translate(
                    "store", "The disk reported an error writing {path} ({exc}): the change was not saved."
                ).format(path=self.path, exc=exc)
            )
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return BookmarkEnvironmentError(
                translate("store", "The bookmarks database {path} is damaged; restart HT Desk to recover it.").format(
                    path=self.path
                )
            )
        return BookmarkEnvironmentError(
            translate("store", "The bookmarks database failed ({exc}): the change was not saved.").format(exc=exc)
        )

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it is saved or none of it; failures become BookmarkError."""
        if self.read_only:
            raise BookmarkReadOnly(
                translate("store", "{read_only_reason}: bookmarks cannot be changed.").format(
                    read_only_reason=self.read_only_reason()
                )
            )
        # IMMEDIATE takes the write lock up front: a deferred transaction that upgrades later can
        # fail with "database is locked" without waiting, which would lose a concurrent add.
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise self._error(exc) from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            with suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Several reads that see one state, even while another window or process writes."""
        try:
            self._conn.execute("BEGIN")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            yield
        finally:
            self._rollback()  # nothing was written: ending the read transaction is all it does

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def data_version(self) -> int:
        """A number that changes when another connection (window, process) commits a change."""
        return int(self._query("PRAGMA data_version")[0][0])

    # -- reading -------------------------------------------------------------------------
    def folders(self) -> list[Folder]:
        """Every folder, in the user's order."""
        return [_folder(r) for r in self._query("SELECT * FROM folders ORDER BY position, id")]

    def folder(self, folder_id: int) -> Folder | None:
        rows = self._query("SELECT * FROM folders WHERE id = ?", (folder_id,))
        return _folder(rows[0]) if rows else None

    def folder_named(self, name: str) -> Folder | None:
        """The folder of that name, ignoring case and extra spaces."""
        rows = self._query("SELECT * FROM folders WHERE name = ?", (" ".join(name.split()),))
        return _folder(rows[0]) if rows else None

    def bookmarks(self, folder_id: int | None = None) -> list[Bookmark]:
        """The bookmarks of one folder in order, or all of them folder by folder."""
        if folder_id is None:
            rows = self._query(
                "SELECT b.* FROM bookmarks b JOIN folders f ON f.id = b.folder_id "
                "ORDER BY f.position, f.id, b.position, b.id"
            )
        else:
            rows = self._query("SELECT * FROM bookmarks WHERE folder_id = ? ORDER BY position, id", (folder_id,))
        return [_bookmark(r) for r in rows]

    def bookmark(self, bookmark_id: int) -> Bookmark | None:
        rows = self._query("SELECT * FROM bookmarks WHERE id = ?", (bookmark_id,))
        return _bookmark(rows[0]) if rows else None

    def bookmarks_of(self, record_id: str) -> list[Bookmark]:
        """Every bookmark of one record (it may be filed in several folders)."""
        rows = self._query(
            "SELECT b.* FROM bookmarks b JOIN folders f ON f.id = b.folder_id WHERE b.record_id = ? "
            "ORDER BY f.position, f.id",
            (record_id,),
        )
        return [_bookmark(r) for r in rows]

    def is_bookmarked(self, record_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM bookmarks WHERE record_id = ? LIMIT 1", (record_id,)))

    # -- helpers used inside a transaction ---------------------------------------------
    def _folder_in(self, conn: sqlite3.Connection, folder_id: int) -> Folder:
        row = conn.execute("SELECT * FROM folders WHERE id = ?", (folder_id,)).fetchone()
        if row is None:
            raise BookmarkNotFound(translate("store", "That folder no longer exists."))
        return _folder(row)

    def _bookmark_in(self, conn: sqlite3.Connection, bookmark_id: int) -> Bookmark:
        row = conn.execute("SELECT * FROM bookmarks WHERE id = ?", (bookmark_id,)).fetchone()
        if row is None:
            raise BookmarkNotFound(translate("store", "That bookmark no longer exists."))
        return _bookmark(row)

    def _insert_folder(self, conn: sqlite3.Connection, name: str, notes: str = "") -> Folder:
        position = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM folders").fetchone()[0]
        cur = conn.execute("INSERT INTO folders (name, position, notes) VALUES (?, ?, ?)", (name, position, notes))
        return Folder(id=int(cur.lastrowid or 0), name=name, position=position, notes=notes)

    def _resolve_folder(self, conn: sqlite3.Connection, folder: int | str | None) -> Folder:
        """A folder id, or a name (created if new), or None for the default folder."""
        if isinstance(folder, int):
            return self._folder_in(conn, folder)
        name = _clean_name(DEFAULT_FOLDER if folder is None else folder)
        row = conn.execute("SELECT * FROM folders WHERE name = ?", (name,)).fetchone()
        return _folder(row) if row else self._insert_folder(conn, name)

    def _order(self, conn: sqlite3.Connection, folder_id: int) -> list[int]:
        rows = conn.execute(
            "SELECT id FROM bookmarks WHERE folder_id = ? ORDER BY position, id", (folder_id,)
        ).fetchall()
        return [r[0] for r in rows]

    def _apply(self, conn: sqlite3.Connection, folder_id: int, ids: Sequence[int]) -> None:
        conn.executemany(
            "UPDATE bookmarks SET folder_id = ?, position = ? WHERE id = ?",
            [(folder_id, pos, bid) for pos, bid in enumerate(ids)],
        )

    # -- folders -------------------------------------------------------------------------
    def create_folder(self, name: str, notes: str = "") -> Folder:
        """A new folder at the end; a name already in use (ignoring case) is refused."""
        name = _clean_name(name)
        notes = _clean_text(notes, translate("store", "folder's notes"))
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM folders WHERE name = ?", (name,)).fetchone():
                raise BookmarkInputError(
                    translate("store", "There is already a folder named “{name}”.").format(name=name)
                )
            return self._insert_folder(conn, name, notes)

    def rename_folder(self, folder_id: int, name: str) -> str:
        """Rename a folder; returns the old name (for undo)."""
        name = _clean_name(name)
        with self._write() as conn:
            old = self._folder_in(conn, folder_id)
            clash = conn.execute("SELECT id FROM folders WHERE name = ?", (name,)).fetchone()
            if clash and clash[0] != folder_id:
                raise BookmarkInputError(
                    translate("store", "There is already a folder named “{name}”.").format(name=name)
                )
            conn.execute("UPDATE folders SET name = ? WHERE id = ?", (name, folder_id))
            return old.name

    def set_folder_notes(self, folder_id: int, notes: str) -> str:
        """Set a folder's notes (the handout's cover text); returns the old notes."""
        notes = _clean_text(notes, translate("store", "folder's notes"))
        with self._write() as conn:
            old = self._folder_in(conn, folder_id)
            conn.execute("UPDATE folders SET notes = ? WHERE id = ?", (notes, folder_id))
            return old.notes

    def order_folders(self, folder_ids: Sequence[int]) -> list[int]:
        """Put the folders in this order (unlisted ones follow); returns the previous order."""
        with self._write() as conn:
            before = [r[0] for r in conn.execute("SELECT id FROM folders ORDER BY position, id")]
            wanted = [f for f in dict.fromkeys(folder_ids) if f in before]
            order = wanted + [f for f in before if f not in wanted]
            conn.executemany("UPDATE folders SET position = ? WHERE id = ?", list(enumerate(order)))
            return before

    def move_folder(self, folder_id: int, position: int) -> list[int]:
        """Move one folder so that it ends at ``position``; returns the previous order."""
        order = [f.id for f in self.folders() if f.id != folder_id]
        if self.folder(folder_id) is None:
            raise BookmarkNotFound(translate("store", "That folder no longer exists."))
        order.insert(max(0, min(position, len(order))), folder_id)
        return self.order_folders(order)

    def delete_folder(self, folder_id: int) -> Removed:
        """Delete a folder and its bookmarks; returns them for ``restore``."""
        return self.delete((), (folder_id,))

    # -- bookmarks -----------------------------------------------------------------------
    def add(self, record_id: str, title: str, folder: int | str | None = None, note: str = "") -> Bookmark:
        """Bookmark a record at the end of a folder (id, name, or None for the default folder).

        A folder given by a new name is created. If the record is already in that folder, the
        existing bookmark is returned unchanged.
        """
        record_id = str(record_id).strip()
        if not record_id:
            raise BookmarkInputError(translate("store", "Nothing to bookmark: no page is open."))
        title = _clean_text(title, translate("store", "title")).strip() or record_id
        note = _clean_text(note, translate("store", "note"))
        with self._write() as conn:
            target = self._resolve_folder(conn, folder)
            row = conn.execute(
                "SELECT * FROM bookmarks WHERE folder_id = ? AND record_id = ?", (target.id, record_id)
            ).fetchone()
            if row:
                return _bookmark(row)
            position = conn.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM bookmarks WHERE folder_id = ?", (target.id,)
            ).fetchone()[0]
            created = _now()
            cur = conn.execute(
                "INSERT INTO bookmarks (record_id, title, note, folder_id, position, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (record_id, title, note, target.id, position, created),
            )
            return Bookmark(int(cur.lastrowid or 0), record_id, title, note, target.id, position, created)

    def set_note(self, bookmark_id: int, note: str) -> str:
        """Set a bookmark's note; returns the old note."""
        note = _clean_text(note, translate("store", "note"))
        with self._write() as conn:
            old = self._bookmark_in(conn, bookmark_id)
            conn.execute("UPDATE bookmarks SET note = ? WHERE id = ?", (note, bookmark_id))
            return old.note

    def set_title(self, bookmark_id: int, title: str) -> str:
        """Rename a bookmark (its shown title); returns the old title."""
        title = _clean_text(title, translate("store", "title")).strip()
        if not title:
            raise BookmarkInputError(translate("store", "A bookmark needs a title."))
        with self._write() as conn:
            old = self._bookmark_in(conn, bookmark_id)
            conn.execute("UPDATE bookmarks SET title = ? WHERE id = ?", (title, bookmark_id))
            return old.title

    def move(self, bookmark_ids: int | Sequence[int], folder_id: int, position: int) -> Arrangement:
        """Move bookmarks, keeping their order, so the first ends at ``position`` in the folder.

        ``position`` counts the folder's bookmarks other than the moved ones (so it is the final
        index). Returns the previous arrangement of every folder touched, for ``arrange`` (undo).
        """
        ids = list(dict.fromkeys([bookmark_ids] if isinstance(bookmark_ids, int) else bookmark_ids))
        with self._write() as conn:
            target = self._folder_in(conn, folder_id)
            moving = [self._bookmark_in(conn, b) for b in ids]
            for b in moving:
                clash = conn.execute(
                    "SELECT 1 FROM bookmarks WHERE folder_id = ? AND record_id = ? AND id != ?",
                    (target.id, b.record_id, b.id),
                ).fetchone()
                if clash or sum(m.record_id == b.record_id for m in moving) > 1:
                    raise BookmarkInputError(
                        translate("store", "“{title}” is already in the folder “{name}”.").format(
                            title=b.title, name=target.name
                        )
                    )
            affected = {target.id} | {b.folder_id for b in moving}
            before = {f: self._order(conn, f) for f in sorted(affected)}
            for f in affected - {target.id}:
                self._apply(conn, f, [b for b in before[f] if b not in ids])
            order = [b for b in before[target.id] if b not in ids]
            position = max(0, min(position, len(order)))
            self._apply(conn, target.id, order[:position] + ids + order[position:])
            return before

    def arrange(self, arrangement: Arrangement) -> Arrangement:
        """Give folders exactly these orders (undo/redo of ``move``); returns the replaced ones.

        Ids deleted meanwhile are skipped; bookmarks added meanwhile stay, after the listed ones.
        """
        with self._write() as conn:
            wanted: dict[int, list[int]] = {}
            placed: set[int] = set()
            for folder_id, ids in arrangement.items():
                if conn.execute("SELECT 1 FROM folders WHERE id = ?", (folder_id,)).fetchone() is None:
                    continue
                present = [
                    b
                    for b in ids
                    if b not in placed and conn.execute("SELECT 1 FROM bookmarks WHERE id = ?", (b,)).fetchone()
                ]
                wanted[folder_id] = present
                placed.update(present)
            sources = {
                r[0]
                for b in placed
                for r in conn.execute("SELECT folder_id FROM bookmarks WHERE id = ?", (b,)).fetchall()
            }
            affected = sorted(set(wanted) | sources)
            before = {f: self._order(conn, f) for f in affected}
            for f in affected:
                listed = wanted.get(f, [])
                rest = [b for b in before[f] if b not in placed]
                self._apply(conn, f, listed + rest)
            return before

    def delete(self, bookmark_ids: Sequence[int] = (), folder_ids: Sequence[int] = ()) -> Removed:
        """Delete bookmarks and whole folders; returns exactly what went, for ``restore``."""
        with self._write() as conn:
            folders = [
                _folder(r)
                for f in dict.fromkeys(folder_ids)
                for r in conn.execute("SELECT * FROM folders WHERE id = ?", (f,)).fetchall()
            ]
            gone_folders = {f.id for f in folders}
            rows: list[Bookmark] = []
            for f in folders:
                rows += [
                    _bookmark(r)
                    for r in conn.execute("SELECT * FROM bookmarks WHERE folder_id = ? ORDER BY position, id", (f.id,))
                ]
            for b in dict.fromkeys(bookmark_ids):
                row = conn.execute("SELECT * FROM bookmarks WHERE id = ?", (b,)).fetchone()
                if row and row["folder_id"] not in gone_folders:
                    rows.append(_bookmark(row))
            conn.executemany("DELETE FROM bookmarks WHERE id = ?", [(b.id,) for b in rows])
            conn.executemany("DELETE FROM folders WHERE id = ?", [(f.id,) for f in folders])
            for f in {b.folder_id for b in rows} - gone_folders:
                self._apply(conn, f, self._order(conn, f))
            if folders:
                order = [r[0] for r in conn.execute("SELECT id FROM folders ORDER BY position, id")]
                conn.executemany("UPDATE folders SET position = ? WHERE id = ?", list(enumerate(order)))
            return Removed(
                folders=tuple(sorted(folders, key=lambda f: f.position)),
                bookmarks=tuple(sorted(rows, key=lambda b: (b.folder_id, b.position))),
            )

    def restore(self, removed: Removed) -> None:
        """Put back what ``delete`` removed: same ids, places, notes and dates.

        If a folder's name was taken meanwhile the folder comes back as "name (restored)"; a
        bookmark whose folder is gone goes to the default folder; one already back is skipped.
        """
        with self._write() as conn:
            for f in sorted(removed.folders, key=lambda f: f.position):
                if conn.execute("SELECT 1 FROM folders WHERE id = ?", (f.id,)).fetchone():
                    continue
                name, n = f.name, 1
                while conn.execute("SELECT 1 FROM folders WHERE name = ?", (name,)).fetchone():
                    name = f"{f.name} (restored)" if n == 1 else f"{f.name} (restored {n})"
                    n += 1
                order = [r[0] for r in conn.execute("SELECT id FROM folders ORDER BY position, id")]
                conn.execute(
                    "INSERT INTO folders (id, name, position, notes) VALUES (?, ?, ?, ?)",
                    (f.id, name, len(order), f.notes),
                )
                order.insert(min(f.position, len(order)), f.id)
                conn.executemany("UPDATE folders SET position = ? WHERE id = ?", list(enumerate(order)))
            for b in sorted(removed.bookmarks, key=lambda b: (b.folder_id, b.position)):
                if conn.execute("SELECT 1 FROM bookmarks WHERE id = ?", (b.id,)).fetchone():
                    continue
                folder_id = b.folder_id
                if conn.execute("SELECT 1 FROM folders WHERE id = ?", (folder_id,)).fetchone() is None:
                    folder_id = self._resolve_folder(conn, None).id
                if conn.execute(
                    "SELECT 1 FROM bookmarks WHERE folder_id = ? AND record_id = ?", (folder_id, b.record_id)
                ).fetchone():
                    continue
                order = self._order(conn, folder_id)
                conn.execute(
                    "INSERT INTO bookmarks (id, record_id, title, note, folder_id, position, created) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (b.id, b.record_id, b.title, b.note, folder_id, len(order), b.created),
                )
                order.insert(min(b.position, len(order)), b.id)
                self._apply(conn, folder_id, order)

    # -- export / import -----------------------------------------------------------------
    def export_json(self, folder: int | None = None) -> dict[str, Any]:
        """One folder, or every folder, as a JSON-ready document marked with its format and version."""
        with self._snapshot():
            if folder is None:
                folders = self.folders()
            else:
                one = self.folder(folder)
                if one is None:
                    raise BookmarkNotFound(translate("store", "That folder no longer exists."))
                folders = [one]
            return {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "exported": _now(),
                "folders": [
                    {
                        "name": f.name,
                        "notes": f.notes,
                        "bookmarks": [_bookmark_json(b) for b in self.bookmarks(f.id)],
                    }
                    for f in folders
                ],
            }

    def import_json(self, data: Any, progress: Progress | None = None) -> ImportCounts:
        """Merge an exported document: folders matched by name, a record already in the folder skipped.

        The whole document is checked before anything is written, and written in one transaction:
        a malformed or foreign document, or one beyond the limits (MAX_IMPORT_FOLDERS,
        MAX_IMPORT_BOOKMARKS), raises BookmarkImportError and changes nothing. ``progress(done,
        total)`` is called every PROGRESS_STEP bookmarks; if it returns False the import stops,
        nothing is kept, and BookmarkImportCancelled is raised.
        """
        doc = _parse_import(data)
        total = sum(len(f.bookmarks) for f in doc.folders)
        folders_added = added = duplicates = 0
        with self._write() as conn:
            for f in doc.folders:
                name = _clean_name(f.name)
                row = conn.execute("SELECT * FROM folders WHERE name = ?", (name,)).fetchone()
                if row is None:
                    target = self._insert_folder(conn, name, f.notes)
                    folders_added += 1
                else:
                    target = _folder(row)
                    if not target.notes and f.notes:
                        conn.execute("UPDATE folders SET notes = ? WHERE id = ?", (f.notes, target.id))
                position = len(self._order(conn, target.id))
                for b in f.bookmarks:
                    if conn.execute(
                        "SELECT 1 FROM bookmarks WHERE folder_id = ? AND record_id = ?",
                        (target.id, b.record_id),
                    ).fetchone():
                        duplicates += 1
                        continue
                    conn.execute(
                        "INSERT INTO bookmarks (record_id, title, note, folder_id, position, created) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            b.record_id,
                            b.title.strip() or b.record_id,
                            b.note,
                            target.id,
                            position,
                            _created(b.created),
                        ),
                    )
                    position += 1
                    added += 1
                    done = added + duplicates
                    if progress is not None and done % PROGRESS_STEP == 0 and not progress(done, total):
                        raise BookmarkImportCancelled("The import was cancelled. Nothing was imported.")
        return ImportCounts(folders_added=folders_added, bookmarks_added=added, duplicates=duplicates)

    def export_file(self, path: Path, folder: int | None = None) -> None:
        """Write ``export_json`` to a file, whole or not at all."""
        data = json.dumps(self.export_json(folder), ensure_ascii=False, indent=2).encode("utf-8")
        try:
            write_bytes(Path(path), data)
        except OutputError as exc:
            raise BookmarkEnvironmentError(
                translate("store", "{error}. Nothing was exported.").format(error=str(exc)[:1].upper() + str(exc)[1:])
            ) from None

    def import_file(self, path: Path, progress: Progress | None = None) -> ImportCounts:
        """Read a file written by ``export_file`` and merge it (see ``import_json``)."""
        return self.import_json(read_import_file(path), progress)


def _bookmark_json(b: Bookmark) -> dict[str, Any]:
    """A bookmark as the export file has it; a comparison also spelled out (countries, dimensions, layout)."""
    out: dict[str, Any] = {"record_id": b.record_id, "title": b.title, "note": b.note, "created": b.created}
    with suppress(ValueError):  # a malformed comparison id is exported as it is, like any record id
        if (ref := ComparisonRef.parse(b.record_id)) is not None:
            out["comparison"] = ref.as_json()
    return out


def _created(value: str | None) -> str:
    if value:
        with suppress(ValueError):
            return datetime.fromisoformat(value).isoformat(timespec="seconds")
    return _now()


def read_import_file(path: Path) -> Any:
    """The JSON in a file chosen for import; unreadable or non-JSON content is refused clearly."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise BookmarkImportError(
                translate("store", "{name} is too large to be an HT Desk bookmarks file. Nothing was imported.").format(
                    name=path.name
                )
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise BookmarkEnvironmentError(
            translate("store", "Could not read {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BookmarkImportError(
            translate(
                "store", "{name} is not an HT Desk bookmarks file (it is not JSON). Nothing was imported."
            ).format(name=path.name)
        ) from None


def _check_size(data: dict[str, Any]) -> None:
    """Refuse a document beyond the import limits before validating it, saying which limit."""
    folders = data.get("folders")
    if not isinstance(folders, list):
        return  # validation says what is wrong
    if len(folders) > MAX_IMPORT_FOLDERS:
        raise BookmarkImportError(
            translate(
                "store",
                "The file has {count:,} folders; HT Desk imports at most {MAX_IMPORT_FOLDERS:,} "
                "folders at a time. Nothing was imported.",
            ).format(count=len(folders), MAX_IMPORT_FOLDERS=MAX_IMPORT_FOLDERS)
        )
    marks = sum(len(f["bookmarks"]) for f in folders if isinstance(f, dict) and isinstance(f.get("bookmarks"), list))
    if marks > MAX_IMPORT_BOOKMARKS:
        raise BookmarkImportError(
            translate(
                "store",
                "The file has {marks:,} bookmarks; HT Desk imports at most {MAX_IMPORT_BOOKMARKS:,} "
                "bookmarks at a time. Nothing was imported.",
            ).format(marks=marks, MAX_IMPORT_BOOKMARKS=MAX_IMPORT_BOOKMARKS)
        )


def _parse_import(data: Any) -> FileIn:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BookmarkImportError(
            translate("store", "This file is not an HT Desk bookmarks export. Nothing was imported.")
        )
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise BookmarkImportError(
            translate(
                "store",
                "This bookmarks file was made by a newer HT Desk (format {version}); update HT Desk "
                "to import it. Nothing was imported.",
            ).format(version=version)
        )
    _check_size(data)
    # pydantic loads here, on import, not when the app starts.
    from pydantic import ValidationError

    from htdesk.store.bookmark_file import FileIn

    try:
        return FileIn.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = " → ".join(str(p) for p in err["loc"]) or "the file"
        raise BookmarkImportError(
            translate("store", "The bookmarks file is damaged ({where}: {reason}). Nothing was imported.").format(
                where=where, reason=err["msg"]
            )
        ) from None
