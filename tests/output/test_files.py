"""The one output writer: what it refuses, how it replaces a file, and what a failure leaves behind."""

from __future__ import annotations

import errno
import hashlib
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from htdesk.__main__ import main
from htdesk.output.files import OutputError, check_target, protect, shown, write_bytes, write_with
from htdesk.paths import database_path
from htdesk.store.bookmarks import BookmarkStore


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture
def bookmarks(user_dir: Path) -> Iterator[BookmarkStore]:
    store = BookmarkStore.open_default()
    folder = store.create_folder("Session 1")
    store.add("glossary/gla", "GLA", folder.id, "Spell it out.")
    yield store
    store.close()


# -- what it refuses ----------------------------------------------------------------------------


OWN_FILES = ["bookmarks.sqlite", "bookmarks.sqlite-wal", "bookmarks.sqlite-shm", "settings.ini", "errors.log"]


@pytest.mark.parametrize("name", OWN_FILES)
def test_the_users_own_files_are_refused(user_dir: Path, name: str) -> None:
    own = user_dir / name
    own.write_bytes(b"the user's data")
    with pytest.raises(OutputError, match="HT Desk's own files"):
        write_bytes(own, b"%PDF-1.4 a handout")
    assert own.read_bytes() == b"the user's data"
    assert leftovers(user_dir) == []


def test_the_report_database_is_refused_under_any_name(tmp_path: Path) -> None:
    before = digest(database_path())
    with pytest.raises(OutputError, match="own files"):
        check_target(database_path())
    # Through a symlink, and through a relative path with ".." in it.
    link = tmp_path / "report.pdf"
    link.symlink_to(database_path())
    with pytest.raises(OutputError, match="own files"):
        write_bytes(link, b"x")
    roundabout = database_path().parent / ".." / "data" / database_path().name
    with pytest.raises(OutputError, match="own files"):
        check_target(roundabout)
    assert digest(database_path()) == before


def test_a_database_opened_with_db_is_protected_with_its_sidecars(tmp_path: Path) -> None:
    db = tmp_path / "other.sqlite"
    db.write_bytes(b"SQLite format 3\x00")
    check_target(db)  # not protected until the app opens it
    protect(db)
    for name in ("other.sqlite", "other.sqlite-wal", "other.sqlite-journal"):
        with pytest.raises(OutputError, match="own files"):
            check_target(tmp_path / name)


def test_a_fifo_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match=r"pipe \(FIFO\)"):
        write_bytes(fifo, b"data")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_device_node_stays_a_device(tmp_path: Path) -> None:
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # /dev/null's numbers, in our own folder
    except PermissionError:
        pytest.skip("creating a device node needs root")
    with pytest.raises(OutputError, match="a device"):
        write_bytes(node, b"data")
    assert stat.S_ISCHR(node.lstat().st_mode)


def test_sockets_and_folders_are_refused(tmp_path: Path) -> None:
    sock_path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        with pytest.raises(OutputError, match="a socket"):
            write_bytes(sock_path, b"x")
    with pytest.raises(OutputError, match="a folder"):
        write_bytes(tmp_path, b"x")
    assert tmp_path.is_dir()


def test_a_missing_folder_and_a_nul_say_so_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist") as missing:
        write_bytes(tmp_path / "no" / "such.pdf", b"x")
    with pytest.raises(OutputError, match="NUL") as nul:
        write_bytes(str(tmp_path / "a\x00b.pdf"), b"x")
    for exc in (missing, nul):
        assert "\n" not in str(exc.value)
        assert "\x00" not in str(exc.value)


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=2000))
def test_messages_are_one_short_line_whatever_the_path(text: str) -> None:
    message = shown(text)
    assert len(message) <= 201
    assert "\x00" not in message


# -- how it writes ------------------------------------------------------------------------------


def test_an_existing_file_keeps_its_permission_bits(tmp_path: Path) -> None:
    out = tmp_path / "sheet.csv"
    out.write_bytes(b"old")
    out.chmod(0o640)
    write_bytes(out, b"new")
    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_mode_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_bytes(tmp_path / "new.csv", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o644


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_bytes(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_failure_leaves_the_old_file_and_names_the_users_path(tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"a good old PDF")

    def produce(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp))

    with pytest.raises(OutputError) as exc:
        write_with(out, produce)
    assert "No space left on device" in str(exc.value)
    assert str(out) in str(exc.value)
    assert ".part" not in str(exc.value)
    assert out.read_bytes() == b"a good old PDF"
    assert leftovers(tmp_path) == []


def test_verify_stops_an_incomplete_file_from_replacing_a_good_one(tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"a good old PDF")

    def verify(tmp: Path) -> None:
        raise OutputError("cannot write: incomplete")

    with pytest.raises(OutputError):
        write_with(out, lambda tmp: tmp.write_bytes(b"truncated"), verify)
    assert out.read_bytes() == b"a good old PDF"
    assert leftovers(tmp_path) == []


# -- the commands and the app use it ------------------------------------------------------------


def test_handout_over_the_bookmarks_file_changes_nothing(
    bookmarks: BookmarkStore, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(bookmarks.path)
    assert main(["handout", "Session 1", "--pdf", str(bookmarks.path)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "own files" in err
    assert digest(bookmarks.path) == before
    assert [f.name for f in bookmarks.folders()][-1] == "Session 1"


def test_export_over_the_report_database_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(database_path())
    assert main(["export", "--out", str(database_path())]) != 0
    assert "own files" in capsys.readouterr().err
    assert digest(database_path()) == before


def test_compare_csv_into_a_fifo_leaves_the_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["compare", "be", "no", "--csv", str(fifo)]) != 0
    assert "FIFO" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_bookmark_export_over_the_bookmarks_file_is_refused(bookmarks: BookmarkStore) -> None:
    from htdesk.store.bookmarks import BookmarkError

    before = digest(bookmarks.path)
    with pytest.raises(BookmarkError, match="own files"):
        bookmarks.export_file(bookmarks.path)
    assert digest(bookmarks.path) == before
    bookmarks.add("glossary/kom", "KOM", None, "")  # the store goes on working in its own file
    assert bookmarks.is_bookmarked("glossary/kom")


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_pdf_cut_short_by_a_file_size_limit_fails_and_keeps_the_old_pdf(tmp_path: Path) -> None:
    import resource

    good = tmp_path / "good.pdf"
    assert main(["compare", "be", "no", "--pdf", str(good)]) == 0
    before = digest(good)
    limit = 20 * 1024  # as `ulimit -f 20`: the 4-country full comparison is far larger

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    run = subprocess.run(
        [sys.executable, "-m", "htdesk", "compare", "be", "fr", "no", "se", "--pdf", str(good)],
        capture_output=True,
        text=True,
        preexec_fn=small_files,  # the limit must hold in the child only
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=120,
    )
    assert run.returncode != 0, run.stdout
    assert "incomplete" in run.stderr or "File too large" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert digest(good) == before
    assert leftovers(tmp_path) == []
