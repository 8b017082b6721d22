"""The one path every file HT Desk writes goes through: checked target, complete content, atomic replace."""

from __future__ import annotations

import contextlib
import itertools
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from htdesk.i18n import QT_TRANSLATE_NOOP, translate
from htdesk.paths import user_files

# SQLite keeps a database's pending writes beside it: writing over these corrupts the database too.
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")
SHOWN_CHARS = 200  # a path longer than this is cut in the middle in messages: a message is one line

_protected: set[Path] = set()
_serial = itertools.count()


class OutputError(Exception):
    """A file that cannot be written; the message names the user's path and says why, in one line."""


def shown(path: Path | str) -> str:
    """The path as a message shows it: whole, or cut in the middle past SHOWN_CHARS characters."""
    text = str(path).replace("\x00", "\\0")
    if len(text) <= SHOWN_CHARS:
        return text
    half = SHOWN_CHARS // 2
    return f"{text[:half]}…{text[-half:]}"


def protect(path: Path | str) -> None:
    """Never write over this file (nor its SQLite sidecars): a database the app has open, say."""
    _protected.add(Path(path).absolute())


def _protected_files() -> Iterable[Path]:
    from htdesk.paths import database_path

    for base in {database_path().absolute(), *user_files(), *_protected}:
        yield base
        for suffix in SQLITE_SIDECARS:
            yield base.with_name(base.name + suffix)


def _is_app_file(target: Path) -> bool:
    real = Path(os.path.realpath(target))
    for own in _protected_files():
        if real == Path(os.path.realpath(own)):
            return True
        # The same file under another name (a hard link, a case-insensitive file system).
        with contextlib.suppress(OSError):
            if target.exists() and own.exists() and target.samefile(own):
                return True
    return False


_KINDS = (
    (stat.S_ISDIR, QT_TRANSLATE_NOOP("output", "a folder")),
    (stat.S_ISCHR, QT_TRANSLATE_NOOP("output", "a device")),
    (stat.S_ISBLK, QT_TRANSLATE_NOOP("output", "a device")),
    (stat.S_ISFIFO, QT_TRANSLATE_NOOP("output", "a pipe (FIFO)")),
    (stat.S_ISSOCK, QT_TRANSLATE_NOOP("output", "a socket")),
)


def check_target(path: Path | str) -> Path:
    """The file to write for ``path`` (a symlink's target), or OutputError before anything is produced.

    Refused: HT Desk's own files (the report database, the bookmarks file and its -wal/-shm, the
    settings, the error log, any database the app has open), anything that exists and is not a
    regular file, a folder that is missing or not writable, and a path with a NUL character.
    """
    text = os.fspath(path)
    if "\x00" in text:
        raise OutputError(
            translate("output", "cannot write {path}: the path contains a NUL character").format(path=shown(text))
        )
    if not text.strip():
        raise OutputError(translate("output", "cannot write: no file name given"))
    given = Path(text)
    target = Path(os.path.realpath(given))  # writes go through a symlink to the file it names
    if _is_app_file(target):
        raise OutputError(
            translate("output", "cannot write {path}: it is one of HT Desk's own files; choose another name").format(
                path=shown(given)
            )
        )
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(
            translate("output", "cannot write {path}: {reason}").format(path=shown(given), reason=exc.strerror or exc)
        ) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        what = next((name for test, name in _KINDS if test(st.st_mode)), "not a regular file")
        raise OutputError(
            translate("output", "cannot write {path}: it is {what}, not a file").format(
                path=shown(given), what=translate("output", what)
            )
        )
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(
            translate("output", "cannot write {path}: the folder {folder} does not exist").format(
                path=shown(given), folder=shown(folder)
            )
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(
            translate("output", "cannot write {path}: the folder {folder} is not writable").format(
                path=shown(given), folder=shown(folder)
            )
        )
    return target


def _new_file_mode() -> int:
    # What open() would give a new file: 0666 less the umask (os.umask can only be read by setting it).
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _temp_beside(target: Path) -> Path:
    """A new, empty file in the target's folder (so the final rename stays on one file system)."""
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{next(_serial)}.part")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(17, "No free temporary name", str(target.parent))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_with(
    path: Path | str,
    produce: Callable[[Path], object],
    verify: Callable[[Path], None] | None = None,
) -> Path:
    """Have ``produce(tmp)`` write a temporary file beside the target, check it, then put it in place.

    ``verify(tmp)`` raises OutputError when the content is incomplete (Qt's writers do not report
    a full disk). The target is replaced atomically and keeps its permission bits (and owner, where
    allowed); a new file gets the usual umask mode. On any failure the old file is untouched, no
    temporary file is left, and OutputError names the user's path. Returns the file written.
    """
    target = check_target(path)
    given = shown(path)
    try:
        tmp = _temp_beside(target)
    except OSError as exc:
        raise OutputError(
            translate("output", "cannot write {path}: {reason}").format(path=given, reason=exc.strerror or exc)
        ) from None
    try:
        produce(tmp)
        if verify is not None:
            verify(tmp)
        _fsync(tmp)
        try:
            old = target.stat()
        except FileNotFoundError:
            old = None
        if old is None:
            tmp.chmod(_new_file_mode())
        else:
            tmp.chmod(stat.S_IMODE(old.st_mode))
            with contextlib.suppress(OSError, AttributeError):  # only root may give a file away
                os.chown(tmp, old.st_uid, old.st_gid)
        # The target may have been swapped for something else while the content was made.
        check_target(path)
        tmp.replace(target)
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(
            translate("output", "cannot write {path}: {reason}").format(path=given, reason=exc.strerror or exc)
        ) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return target


def write_bytes(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or not at all (see write_with)."""

    def produce(tmp: Path) -> None:
        with tmp.open("wb") as fh:
            fh.write(data)

    def verify(tmp: Path) -> None:
        if tmp.stat().st_size != len(data):
            raise OutputError(
                translate("output", "cannot write {path}: only part of it could be written (is the disk full?)").format(
                    path=shown(path)
                )
            )

    return write_with(path, produce, verify)
