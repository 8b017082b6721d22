"""The bookmarks store: filing, ordering, undo data, import/export, concurrency and damaged files."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from htdesk.store.bookmarks import (
    DEFAULT_FOLDER,
    FORMAT,
    MAX_IMPORT_BOOKMARKS,
    MAX_IMPORT_FOLDERS,
    BookmarkEnvironmentError,
    BookmarkError,
    BookmarkImportCancelled,
    BookmarkImportError,
    BookmarkInputError,
    BookmarkNotFound,
    BookmarkReadOnly,
    BookmarkStore,
    default_path,
)


@pytest.fixture
def bm(tmp_path: Path) -> Iterator[BookmarkStore]:
    s = BookmarkStore(tmp_path / "bookmarks.sqlite")
    yield s
    s.close()


def records(store: BookmarkStore, folder_id: int) -> list[str]:
    return [b.record_id for b in store.bookmarks(folder_id)]


def snapshot(store: BookmarkStore) -> Any:
    """Everything a user could see, to check that a refused operation changed nothing."""
    doc = store.export_json()
    doc.pop("exported")
    return doc, [(f.id, f.position) for f in store.folders()], [(b.id, b.position) for b in store.bookmarks()]


# -- filing ----------------------------------------------------------------------------------


def test_add_files_in_default_or_named_folder_in_order(bm: BookmarkStore) -> None:
    a = bm.add("country/be", "Belgium")
    b = bm.add("institution/be/myria", "Myria", folder="Session 2 — labour exploitation", note="Role play")
    c = bm.add("country/fr", "France", folder="session 2 — LABOUR exploitation")  # same folder, any case
    folders = bm.folders()
    assert [f.name for f in folders] == [DEFAULT_FOLDER, "Session 2 — labour exploitation"]
    assert a.folder_id == folders[0].id
    assert b.folder_id == c.folder_id == folders[1].id
    assert records(bm, folders[1].id) == ["institution/be/myria", "country/fr"]
    assert bm.bookmark(b.id) == b and b.note == "Role play" and b.title == "Myria"
    assert bm.is_bookmarked("country/fr") and not bm.is_bookmarked("country/no")


def test_adding_a_record_twice_to_a_folder_keeps_one(bm: BookmarkStore) -> None:
    first = bm.add("country/be", "Belgium", folder="S1", note="original")
    again = bm.add("country/be", "Belgium (new title)", folder="S1", note="other")
    assert again == first
    assert len(bm.bookmarks()) == 1
    other = bm.add("country/be", "Belgium", folder="S2")  # another session may use it too
    assert [b.id for b in bm.bookmarks_of("country/be")] == [first.id, other.id]


def test_blank_title_falls_back_to_the_record_id_and_blank_record_is_refused(bm: BookmarkStore) -> None:
    assert bm.add("country/be", "   ").title == "country/be"
    with pytest.raises(BookmarkInputError):
        bm.add("  ", "Nothing")


def test_notes_titles_and_folder_names(bm: BookmarkStore) -> None:
    b = bm.add("country/be", "Belgium", folder="S1")
    assert bm.set_note(b.id, "Start here") == ""
    assert bm.set_title(b.id, "Belgium — overview") == "Belgium"
    assert bm.rename_folder(b.folder_id, "Session 1") == "S1"
    assert bm.set_folder_notes(b.folder_id, "Bring the flip chart") == ""
    got = bm.bookmark(b.id)
    assert got is not None and (got.note, got.title) == ("Start here", "Belgium — overview")
    folder = bm.folder(b.folder_id)
    assert folder is not None and (folder.name, folder.notes) == ("Session 1", "Bring the flip chart")
    assert bm.folder_named("  session   1 ") == folder


def test_folder_names_are_unique_ignoring_case_and_never_blank(bm: BookmarkStore) -> None:
    s1 = bm.create_folder("Session 1")
    s2 = bm.create_folder("Session 2")
    before = snapshot(bm)
    with pytest.raises(BookmarkInputError, match="already a folder"):
        bm.create_folder("SESSION 1")
    with pytest.raises(BookmarkInputError, match="already a folder"):
        bm.rename_folder(s2.id, "session 1")
    with pytest.raises(BookmarkInputError, match="name"):
        bm.rename_folder(s1.id, "   ")
    assert snapshot(bm) == before
    bm.rename_folder(s1.id, "SESSION 1")  # changing only the case of its own name is fine
    assert [f.name for f in bm.folders()] == ["SESSION 1", "Session 2"]


def test_stale_ids_are_reported_not_crashed_on(bm: BookmarkStore) -> None:
    b = bm.add("country/be", "Belgium")
    bm.delete([b.id])
    with pytest.raises(BookmarkNotFound):
        bm.set_note(b.id, "x")
    with pytest.raises(BookmarkNotFound):
        bm.rename_folder(9999, "x")
    with pytest.raises(BookmarkNotFound):
        bm.export_json(9999)


# -- moving and reordering -----------------------------------------------------------------


def test_reorder_within_a_folder_and_undo_exactly(bm: BookmarkStore) -> None:
    ids = [bm.add(f"country/{c}", c, folder="S").id for c in ("a", "b", "c", "d")]
    folder = bm.folder_named("S")
    assert folder is not None
    before = bm.move([ids[0], ids[1]], folder.id, 2)  # a, b to the end (after c, d)
    assert records(bm, folder.id) == ["country/c", "country/d", "country/a", "country/b"]
    assert [b.position for b in bm.bookmarks(folder.id)] == [0, 1, 2, 3]
    after = bm.arrange(before)
    assert records(bm, folder.id) == ["country/a", "country/b", "country/c", "country/d"]
    bm.arrange(after)  # redo
    assert records(bm, folder.id) == ["country/c", "country/d", "country/a", "country/b"]


def test_move_between_folders_and_undo_exactly(bm: BookmarkStore) -> None:
    a = bm.add("country/a", "A", folder="S1")
    b = bm.add("country/b", "B", folder="S1")
    c = bm.add("country/c", "C", folder="S1")
    x = bm.add("country/x", "X", folder="S2")
    before = bm.move(b.id, x.folder_id, 0)
    assert records(bm, a.folder_id) == ["country/a", "country/c"]
    assert records(bm, x.folder_id) == ["country/b", "country/x"]
    moved = bm.bookmark(b.id)
    assert moved is not None and moved.folder_id == x.folder_id and moved.created == b.created
    bm.arrange(before)
    assert bm.bookmarks(a.folder_id) == [a, b, c]
    assert bm.bookmarks(x.folder_id) == [x]


def test_position_past_the_end_appends(bm: BookmarkStore) -> None:
    a = bm.add("country/a", "A", folder="S1")
    bm.add("country/b", "B", folder="S1")
    bm.move(a.id, a.folder_id, 99)
    assert records(bm, a.folder_id) == ["country/b", "country/a"]


def test_moving_into_a_folder_that_has_the_record_is_refused(bm: BookmarkStore) -> None:
    a = bm.add("country/be", "Belgium", folder="S1")
    bm.add("country/be", "Belgium", folder="S2")
    s2 = bm.folder_named("S2")
    assert s2 is not None
    before = snapshot(bm)
    with pytest.raises(BookmarkInputError, match="already in the folder"):
        bm.move(a.id, s2.id, 0)
    assert snapshot(bm) == before


def test_arrange_keeps_bookmarks_added_meanwhile_and_skips_deleted(bm: BookmarkStore) -> None:
    a = bm.add("country/a", "A", folder="S")
    b = bm.add("country/b", "B", folder="S")
    before = bm.move(b.id, a.folder_id, 0)
    c = bm.add("country/c", "C", folder="S")
    bm.delete([a.id])
    bm.arrange(before)
    assert [x.id for x in bm.bookmarks(a.folder_id)] == [b.id, c.id]


def test_folders_reorder(bm: BookmarkStore) -> None:
    f1, f2, f3 = (bm.create_folder(n) for n in ("One", "Two", "Three"))
    before = bm.move_folder(f3.id, 0)
    assert [f.name for f in bm.folders()] == ["Three", "One", "Two"]
    bm.order_folders(before)
    assert [f.id for f in bm.folders()] == [f1.id, f2.id, f3.id]


# -- delete and restore ---------------------------------------------------------------------


def test_delete_and_restore_bring_back_ids_places_notes_and_dates(bm: BookmarkStore) -> None:
    made = [bm.add(f"country/{c}", c.upper(), folder="S", note=f"note {c}") for c in "abcde"]
    everything = bm.bookmarks()
    removed = bm.delete([made[1].id, made[3].id, made[4].id])
    assert records(bm, made[0].folder_id) == ["country/a", "country/c"]
    assert [b.position for b in bm.bookmarks()] == [0, 1]
    bm.restore(removed)
    assert bm.bookmarks() == everything


def test_delete_folder_and_restore(bm: BookmarkStore) -> None:
    bm.add("country/a", "A", folder="One")
    bm.add("country/b", "B", folder="Two", note="keep me")
    bm.add("country/c", "C", folder="Three")
    two = bm.folder_named("Two")
    assert two is not None
    bm.set_folder_notes(two.id, "Cover text")
    folders, marks = bm.folders(), bm.bookmarks()
    removed = bm.delete_folder(two.id)
    assert [f.name for f in bm.folders()] == ["One", "Three"]
    assert [f.position for f in bm.folders()] == [0, 1]
    assert not bm.is_bookmarked("country/b")
    bm.restore(removed)
    assert bm.folders() == folders
    assert bm.bookmarks() == marks


def test_restore_when_the_name_was_taken_meanwhile(bm: BookmarkStore) -> None:
    b = bm.add("country/a", "A", folder="Session")
    removed = bm.delete_folder(b.folder_id)
    bm.create_folder("Session")
    bm.restore(removed)
    assert [f.name for f in bm.folders()] == ["Session (restored)", "Session"]
    assert bm.bookmark(b.id) is not None


# -- export / import ------------------------------------------------------------------------


def fill(store: BookmarkStore) -> None:
    store.add("country/be", "Belgium", folder="Session 1", note="Intro")
    store.add("institution/be/myria", "Myria", folder="Session 1")
    store.add("country/fr", "France", folder="Session 2 — labour exploitation", note="Case study")
    s2 = store.folder_named("Session 2 — labour exploitation")
    assert s2 is not None
    store.set_folder_notes(s2.id, "Bring printed copies")


def test_export_import_round_trip(bm: BookmarkStore, tmp_path: Path) -> None:
    fill(bm)
    out = tmp_path / "out" / "all.json"
    out.parent.mkdir()
    bm.export_file(out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == FORMAT and doc["version"] == 1
    with BookmarkStore(tmp_path / "other.sqlite") as other:
        counts = other.import_file(out)
        assert (counts.folders_added, counts.bookmarks_added, counts.duplicates) == (2, 3, 0)
        assert snapshot(other)[0] == snapshot(bm)[0]
        assert [b.created for b in other.bookmarks()] == [b.created for b in bm.bookmarks()]


def test_import_merges_without_duplicates(bm: BookmarkStore) -> None:
    fill(bm)
    doc = bm.export_json()
    again = bm.import_json(doc)
    assert (again.folders_added, again.bookmarks_added, again.duplicates) == (0, 0, 3)
    # One new bookmark in an existing folder and a new folder: only those are added.
    doc["folders"][0]["bookmarks"].append({"record_id": "country/no", "title": "Norway"})
    doc["folders"].append({"name": "Session 3", "bookmarks": [{"record_id": "country/be", "title": "B"}]})
    counts = bm.import_json(doc)
    assert (counts.folders_added, counts.bookmarks_added, counts.duplicates) == (1, 2, 3)
    s1 = bm.folder_named("Session 1")
    assert s1 is not None
    assert records(bm, s1.id) == ["country/be", "institution/be/myria", "country/no"]
    assert len(bm.bookmarks()) == 5


def test_export_one_folder(bm: BookmarkStore) -> None:
    fill(bm)
    s2 = bm.folder_named("Session 2 — labour exploitation")
    assert s2 is not None
    doc = bm.export_json(s2.id)
    assert [f["name"] for f in doc["folders"]] == ["Session 2 — labour exploitation"]
    assert doc["folders"][0]["notes"] == "Bring printed copies"
    assert [b["record_id"] for b in doc["folders"][0]["bookmarks"]] == ["country/fr"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not JSON"),
        (b'{"format": "htdesk-bookmarks", "version": 1, "folders": [', "not JSON"),
        (b'{"bookmarks": [{"url": "https://example.org"}]}', "not an HT Desk bookmarks"),
        (b'[{"record_id": "country/be"}]', "not an HT Desk bookmarks"),
        (b'{"format": "firefox-places", "folders": []}', "not an HT Desk bookmarks"),
        (b'{"format": "htdesk-bookmarks", "version": 99, "folders": []}', "newer HT Desk"),
        (b'{"format": "htdesk-bookmarks", "version": 1}', "damaged"),
        (b'{"format": "htdesk-bookmarks", "version": 1, "folders": [{"name": ""}]}', "damaged"),
        (
            b'{"format": "htdesk-bookmarks", "version": 1, "folders": '
            b'[{"name": "S", "bookmarks": [{"title": "no id"}]}]}',
            "damaged",
        ),
        (
            b'{"format": "htdesk-bookmarks", "version": 1, "folders": '
            b'[{"name": "S", "bookmarks": [{"record_id": 12}]}]}',
            "damaged",
        ),
    ],
)
def test_malformed_or_foreign_file_is_refused_and_changes_nothing(
    bm: BookmarkStore, tmp_path: Path, content: bytes, message: str
) -> None:
    fill(bm)
    before = snapshot(bm)
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(BookmarkImportError, match=message) as info:
        bm.import_file(bad)
    assert "\n" not in str(info.value) and "Nothing was imported" in str(info.value)
    assert snapshot(bm) == before


def test_a_bad_bookmark_late_in_the_file_imports_nothing_at_all(bm: BookmarkStore) -> None:
    doc = {
        "format": FORMAT,
        "version": 1,
        "folders": [
            {"name": "Good", "bookmarks": [{"record_id": "country/be", "title": "Belgium"}]},
            {"name": "Bad", "bookmarks": [{"record_id": "country/fr", "note": ["not", "text"]}]},
        ],
    }
    with pytest.raises(BookmarkImportError, match=r"folders → 1 → bookmarks → 0 → note"):
        bm.import_json(doc)
    assert bm.folders() == [] and bm.bookmarks() == []


def test_export_to_a_missing_folder_is_a_clear_error(bm: BookmarkStore, tmp_path: Path) -> None:
    fill(bm)
    with pytest.raises(BookmarkEnvironmentError, match="Nothing was exported"):
        bm.export_file(tmp_path / "no such folder" / "x.json")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
almost_valid = st.fixed_dictionaries(
    {
        "format": st.just(FORMAT) | st.text(max_size=5),
        "version": st.just(1) | json_values,
        "folders": st.lists(
            st.dictionaries(
                st.sampled_from(["name", "notes", "bookmarks"]),
                json_values | st.lists(st.dictionaries(st.sampled_from(["record_id", "title", "note"]), json_values)),
            ),
            max_size=3,
        )
        | json_values,
    }
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=json_values | almost_valid)
def test_any_json_is_imported_whole_or_refused_cleanly(bm: BookmarkStore, data: Any) -> None:
    before = snapshot(bm)
    try:
        counts = bm.import_json(data)
    except BookmarkImportError as exc:
        assert str(exc).endswith("Nothing was imported.")
        assert snapshot(bm) == before
    else:
        assert len(bm.bookmarks()) == len(before[2]) + counts.bookmarks_added


names = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40).filter(lambda s: s.split() != [])


@settings(max_examples=40, deadline=None)
@given(
    folders=st.dictionaries(
        names,
        st.lists(st.tuples(st.from_regex(r"[a-z]+/[a-z0-9-]{1,12}", fullmatch=True), st.text()), max_size=5),
        max_size=4,
    ),
)
def test_export_then_import_reproduces_and_a_second_import_adds_nothing(
    folders: dict[str, list[tuple[str, str]]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp, BookmarkStore(Path(tmp) / "a.sqlite") as a:
        for name, marks in folders.items():
            try:
                a.create_folder(name)
            except BookmarkInputError:
                continue  # same name up to case or spacing: fine, it is one folder
            for record_id, note in marks:
                a.add(record_id, record_id.upper(), folder=name, note=note)
        doc = json.loads(json.dumps(a.export_json()))
        with BookmarkStore(Path(tmp) / "b.sqlite") as b:
            b.import_json(doc)
            assert snapshot(b)[0] == snapshot(a)[0]
            assert b.import_json(doc).bookmarks_added == 0
            assert snapshot(b)[0] == snapshot(a)[0]


# -- two processes ---------------------------------------------------------------------------

WORKER = """
import sys, time
from pathlib import Path
from htdesk.store.bookmarks import BookmarkStore
path, name, n, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
store = BookmarkStore(path)
(go.parent / f"ready-{name}").touch()
while not go.exists():
    time.sleep(0.002)
other = go.parent / ("half-two" if name == "one" else "half-one")
start = time.monotonic()
for i in range(n):
    if i == n // 2:
        # Meet the other writer halfway, so that the two runs overlap however the machine
        # schedules them (on a busy machine one could otherwise finish before the other starts).
        (go.parent / f"half-{name}").touch()
        deadline = time.monotonic() + 60
        while not other.exists() and time.monotonic() < deadline:
            time.sleep(0.001)
    store.add(f"practice/{name}-{i}", f"{name} {i}", folder="Shared session")
print(start, time.monotonic())
"""


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    path, go, n = tmp_path / "bookmarks.sqlite", tmp_path / "go", 400
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), name, str(n), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    ready = [tmp_path / "ready-one", tmp_path / "ready-two"]
    deadline = time.monotonic() + 60
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.005)
    go.touch()  # both have the file open: they start adding together
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    spans = [tuple(map(float, out.split())) for out, _ in outs]
    assert max(s[0] for s in spans) < min(s[1] for s in spans), "the two writers did not overlap"
    with BookmarkStore(path) as store:
        (folder,) = store.folders()  # both created "Shared session" at once: still one folder
        marks = store.bookmarks(folder.id)
        assert len(marks) == 2 * n
        assert sorted(b.position for b in marks) == list(range(2 * n))
        for name in ("one", "two"):
            mine = [b.record_id for b in marks if b.record_id.startswith(f"practice/{name}-")]
            assert mine == [f"practice/{name}-{i}" for i in range(n)]  # each kept its own order


OPENER = """
import sys
from pathlib import Path
from htdesk.store.bookmarks import BookmarkError, BookmarkStore
path, go, name = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
(go.parent / f"ready-{name}").touch()
while not go.exists():
    pass
try:
    BookmarkStore(path).add(f"practice/copy-{name}", f"Copy {name}")
except BookmarkError as exc:
    sys.exit(f"failed: {exc}")
"""


def test_copies_started_together_on_a_first_run_share_one_bookmarks_file(tmp_path: Path) -> None:
    """Several copies opening a new file at once: none is refused, none sets the new file aside.

    Both happened here before: a copy that met another's switch to WAL was told the file was
    locked (about one opening in five), and a copy that read the schema version before another
    created the schema and the tables after took the new file for another program's and moved it
    aside, with the bookmarks already in it (about one opening in a hundred). This test failed
    5 runs in 5.
    """
    copies = 4
    for attempt in range(10):
        folder = tmp_path / str(attempt)
        folder.mkdir()
        path, go = folder / "bookmarks.sqlite", folder / "go"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, str(path), str(go), str(i)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for i in range(copies)
        ]
        deadline = time.monotonic() + 60
        while len(list(folder.glob("ready-*"))) < copies and time.monotonic() < deadline:
            time.sleep(0.002)
        go.touch()  # all of them have imported the store: they open the file together
        for p in procs:
            _, err = p.communicate(timeout=60)
            assert p.returncode == 0, err
        assert not list(folder.glob("*corrupt*")), "a new file was set aside as damaged"
        with BookmarkStore(path) as store:
            assert all(store.is_bookmarked(f"practice/copy-{i}") for i in range(copies))


def test_a_schema_another_copy_creates_during_the_check_is_not_taken_for_a_foreign_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check reads the version and the tables in one snapshot.

    Here another copy creates the schema exactly between the two reads. Read apart, the check
    saw version 0 with tables (another program's database, by the rules) and set the file aside.
    """
    path = tmp_path / "bookmarks.sqlite"
    sqlite3.connect(path).execute("PRAGMA journal_mode=WAL").close()  # a first copy got this far
    real_connect = sqlite3.connect
    others: list[BookmarkStore] = []

    class Checking(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
            cursor = super().execute(sql, *args)
            if sql.startswith("PRAGMA user_version") and not others:
                with monkeypatch.context() as m:
                    m.setattr(sqlite3, "connect", real_connect)
                    others.append(BookmarkStore(path))  # the other copy, start to finish
                others[0].add("country/be", "Belgium")
            return cursor

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: real_connect(*a, factory=Checking, **k))
    with BookmarkStore(path) as store:
        assert others, "the other copy did not run between the reads"
        assert store.recovered_from is None
        assert store.is_bookmarked("country/be")
    others[0].close()


def test_two_copies_finding_one_damaged_file_set_it_aside_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second copy to find the damaged file uses the new one the first started.

    Here the other copy sets the file aside, starts a new one and adds a bookmark while this one is
    still finding the file damaged. Before, this copy then set the other's new file aside too, and
    the other copy's bookmarks went on into a file nobody would open.
    """
    path = tmp_path / "bookmarks.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    keep_wal = BookmarkStore._keep_wal
    others: list[BookmarkStore] = []
    started: list[bool] = []

    def other_copy_runs(self: BookmarkStore) -> None:
        keep_wal(self)
        if not started:  # once, for this copy: the other one goes its own way
            started.append(True)
            others.append(BookmarkStore(path))  # finds the damage too, sets it aside, starts anew
            others[0].add("country/be", "Belgium")

    monkeypatch.setattr(BookmarkStore, "_keep_wal", other_copy_runs)
    with BookmarkStore(path) as store:
        assert others and others[0].recovered_from is not None
        assert store.recovered_from is None
        assert store.is_bookmarked("country/be")
    others[0].close()
    aside = [p for p in tmp_path.iterdir() if "corrupt" in p.name and p.suffix == ".sqlite"]
    assert aside == [others[0].recovered_from]


def test_another_connection_sees_changes_and_data_version_moves(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite"
    with BookmarkStore(path) as window_a, BookmarkStore(path) as window_b:
        version = window_a.data_version()
        window_b.add("country/be", "Belgium")
        assert window_a.data_version() != version
        assert window_a.is_bookmarked("country/be")


# -- damaged files -----------------------------------------------------------------------------


def test_garbage_file_is_moved_aside_and_a_fresh_database_works(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite"
    junk = b"this was never a database " * 200
    path.write_bytes(junk)
    (tmp_path / "bookmarks.sqlite-wal").write_bytes(b"stale wal")
    with BookmarkStore(path) as store:
        kept = store.recovered_from
        assert kept is not None and kept.parent == tmp_path
        assert kept.name.startswith("bookmarks-corrupt-") and kept.suffix == ".sqlite"
        assert len(kept.stem) == len("bookmarks-corrupt-YYYYmmdd-HHMMSS")
        assert kept.read_bytes() == junk
        assert kept.with_name(kept.name + "-wal").read_bytes() == b"stale wal"
        message = store.recovery_message()
        assert message is not None and str(kept) in message
        store.add("country/be", "Belgium")
        assert store.is_bookmarked("country/be")
    with BookmarkStore(path) as again:  # the fresh file is healthy on the next start
        assert again.recovered_from is None and again.is_bookmarked("country/be")


def test_damaged_pages_are_detected_and_the_file_kept(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite"
    with BookmarkStore(path) as store:
        for i in range(300):
            store.add(f"practice/p-{i}", "x" * 100, folder=f"F{i % 5}")
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[3 * page : 5 * page] = b"\xa5" * (2 * page)  # header intact, table pages destroyed
    path.write_bytes(bytes(data))
    with BookmarkStore(path) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.read_bytes() == bytes(data)
        assert store.bookmarks() == []


def test_another_programs_database_is_moved_aside_not_altered(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE moz_places (url TEXT)")
    other.close()
    original = path.read_bytes()
    with BookmarkStore(path) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.read_bytes() == original


def test_two_recoveries_in_one_second_keep_both_files(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite"
    kept = []
    for junk in (b"first" * 100, b"second" * 100):
        path.write_bytes(junk)
        with BookmarkStore(path) as store:
            assert store.recovered_from is not None
            kept.append(store.recovered_from)
        path.unlink()
    assert kept[0] != kept[1]
    assert {p.read_bytes()[:5] for p in kept} == {b"first", b"secon"}


def test_a_newer_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite"
    BookmarkStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 7")
    conn.close()
    original = path.read_bytes()
    with pytest.raises(BookmarkEnvironmentError, match="newer HT Desk"):
        BookmarkStore(path)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir() if "corrupt" in p.name] == []


# -- read-only folders and full disks ------------------------------------------------------


@contextmanager
def as_ordinary_user() -> Iterator[None]:
    """Permissions do not bind root (as in some containers): act as 'nobody' meanwhile."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder 'nobody' can reach (pytest's tmp_path sits under a root-only folder)."""
    d = Path(tempfile.mkdtemp(prefix="htdesk-ro-"))
    d.chmod(0o755)
    yield d
    for p in (d, *d.rglob("*")):
        p.chmod(0o777)
    shutil.rmtree(d)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX folder permissions")
def test_read_only_folder_shows_bookmarks_refuses_changes_and_keeps_the_file(shared_dir: Path) -> None:
    folder = shared_dir / "user"
    folder.mkdir()
    path = folder / "bookmarks.sqlite"
    with BookmarkStore(path) as store:
        fill(store)
        expected = snapshot(store)
    original = path.read_bytes()
    path.chmod(0o644)
    folder.chmod(0o555)
    with as_ordinary_user(), BookmarkStore(path) as store:
        assert store.read_only
        assert snapshot(store) == expected  # still readable
        b = store.bookmarks()[0]
        for change in (
            lambda: store.add("country/no", "Norway"),
            lambda: store.set_note(b.id, "x"),
            lambda: store.delete([b.id]),
            lambda: store.import_json(store.export_json()),
        ):
            with pytest.raises(BookmarkReadOnly, match="read-only") as info:
                change()
            assert str(folder) in str(info.value)
    assert path.read_bytes() == original
    assert sorted(p.name for p in folder.iterdir()) == ["bookmarks.sqlite"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX folder permissions")
def test_no_database_can_be_created_in_a_read_only_folder(shared_dir: Path) -> None:
    folder = shared_dir / "user"
    folder.mkdir()
    folder.chmod(0o555)
    with as_ordinary_user(), pytest.raises(BookmarkEnvironmentError, match="can be written"):
        BookmarkStore(folder / "bookmarks.sqlite")
    with as_ordinary_user(), pytest.raises(BookmarkEnvironmentError, match="Cannot create"):
        BookmarkStore(folder / "sub" / "bookmarks.sqlite")


def test_full_disk_is_a_clear_error_and_nothing_is_half_saved(bm: BookmarkStore) -> None:
    fill(bm)
    before = snapshot(bm)
    big = {
        "format": FORMAT,
        "version": 1,
        "folders": [
            {
                "name": f"F{i}",
                "bookmarks": [{"record_id": f"x/{i}-{j}", "note": "n" * 2000} for j in range(20)],
            }
            for i in range(20)
        ],
    }
    # SQLite's own page limit reports SQLITE_FULL exactly as a full disk does.
    pages = bm._conn.execute("PRAGMA page_count").fetchone()[0]
    bm._conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(BookmarkEnvironmentError, match="full") as info:
        bm.import_json(big)
    assert "not saved" in str(info.value)
    assert snapshot(bm) == before


# -- location --------------------------------------------------------------------------------


def test_default_location_is_the_user_dir(user_dir: Path) -> None:
    assert default_path() == user_dir / "bookmarks.sqlite"
    with BookmarkStore.open_default() as store:
        store.add("country/be", "Belgium")
    assert (user_dir / "bookmarks.sqlite").is_file()


def test_errors_share_one_base() -> None:
    for cls in (BookmarkEnvironmentError, BookmarkReadOnly, BookmarkInputError, BookmarkImportError):
        assert issubclass(cls, BookmarkError)
    assert not issubclass(BookmarkImportError, BookmarkEnvironmentError)
    assert not issubclass(BookmarkReadOnly, BookmarkInputError)


# -- comparisons in folders -----------------------------------------------------------------------

# A file as HT Desk wrote it before comparisons could be bookmarked (no "comparison" anywhere).
OLD_FILE = """{
  "format": "htdesk-bookmarks",
  "version": 1,
  "exported": "2026-11-20T09:12:40+00:00",
  "folders": [
    {"name": "Session 2 — labour exploitation", "notes": "Two hours.",
     "bookmarks": [
       {"record_id": "country/se", "title": "Sweden", "note": "Start here", "created": "2026-11-20T09:10:02+00:00"},
       {"record_id": "glossary/gla", "title": "GLA", "note": "", "created": "2026-11-20T09:11:15+00:00"}
     ]}
  ]
}"""


def test_an_old_file_without_comparisons_imports_as_before(bm: BookmarkStore, tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(OLD_FILE, encoding="utf-8")
    counts = bm.import_file(path)
    assert (counts.folders_added, counts.bookmarks_added, counts.duplicates) == (1, 2, 0)
    folder = bm.folder_named("Session 2 — labour exploitation")
    assert folder is not None and folder.notes == "Two hours."
    marks = bm.bookmarks(folder.id)
    assert [(b.record_id, b.title, b.note, b.created) for b in marks] == [
        ("country/se", "Sweden", "Start here", "2026-11-20T09:10:02+00:00"),
        ("glossary/gla", "GLA", "", "2026-11-20T09:11:15+00:00"),
    ]
    # Exported again, it reads as it did: no comparison key where there is no comparison.
    again = bm.export_json(folder.id)["folders"][0]["bookmarks"]
    assert all("comparison" not in b for b in again)


def test_a_comparison_is_filed_exported_and_imported(bm: BookmarkStore, tmp_path: Path) -> None:
    from htdesk.content.comparison import ComparisonRef

    ref = ComparisonRef.make(["be", "no", "se"], ["nap", "coordination"], "sheet")
    folder = bm.create_folder("Session 4")
    bm.add(ref.record_id, "Comparison: Belgium, Norway, Sweden", folder.id, "Start with this")
    bm.add("glossary/kom", "KOM", folder.id)
    path = tmp_path / "s4.json"
    bm.export_file(path, folder.id)
    doc = json.loads(path.read_text(encoding="utf-8"))
    first = doc["folders"][0]["bookmarks"][0]
    assert first["comparison"] == {
        "countries": ["be", "no", "se"],
        "dimensions": ["nap", "coordination"],
        "layout": "sheet",
    }
    other = BookmarkStore(tmp_path / "other.sqlite")
    try:
        other.import_file(path)
        got = other.bookmarks(other.folder_named("Session 4").id)  # type: ignore[union-attr]
        assert [b.record_id for b in got] == [ref.record_id, "glossary/kom"]
        assert ComparisonRef.parse(got[0].record_id) == ref
        assert got[0].note == "Start with this"
    finally:
        other.close()


@pytest.mark.parametrize(
    ("comparison", "why"),
    [
        ({"countries": ["be"], "dimensions": ["nap"]}, "2 to 4 countries"),
        ({"countries": ["be", "no", "se", "fr", "it"], "dimensions": ["nap"]}, "2 to 4 countries"),
        ({"countries": ["be", "Norway!"], "dimensions": ["nap"]}, "not a country code"),
        ({"countries": ["be", "no"], "dimensions": ["weather"]}, "unknown dimension"),
        ({"countries": ["be", "no"], "dimensions": []}, "at least one dimension"),
        ({"countries": ["be", "no"], "dimensions": ["nap"], "layout": "poster"}, "layout"),
        ({"countries": "be,no", "dimensions": ["nap"]}, "countries"),
    ],
)
def test_a_bad_comparison_imports_nothing_and_says_why(
    bm: BookmarkStore, tmp_path: Path, comparison: dict[str, Any], why: str
) -> None:
    bm.add("country/se", "Sweden", "Kept")
    before = bm.export_json()["folders"]
    doc = json.loads(OLD_FILE)
    doc["folders"][0]["bookmarks"].append({"record_id": "compare/x", "title": "C", "comparison": comparison})
    with pytest.raises(BookmarkImportError, match=why) as exc:
        bm.import_json(doc)
    assert "\n" not in str(exc.value) and "Nothing was imported" in str(exc.value)
    assert bm.export_json()["folders"] == before


def test_a_malformed_comparison_id_without_its_object_is_refused(bm: BookmarkStore) -> None:
    doc = json.loads(OLD_FILE)
    doc["folders"][0]["bookmarks"].append({"record_id": "compare/be?dimensions=nap", "title": "C"})
    with pytest.raises(BookmarkImportError, match="2 to 4 countries"):
        bm.import_json(doc)
    assert bm.folders() == []


# -- files that are not what they seem (issue 20, item 7) ------------------------------------


def test_a_file_with_a_renamed_column_is_set_aside_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite"
    with BookmarkStore(path) as store:
        fill(store)
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE bookmarks RENAME COLUMN note TO remark")
    conn.close()
    original = path.read_bytes()
    with BookmarkStore(path) as store:
        assert store.recovered_from is not None  # was: opened, then an IndexError on every read
        assert store.bookmarks() == [] and store.folders() == []
        assert store.recovered_from.read_bytes() == original


def test_another_programs_database_with_a_leftover_wal_is_set_aside_unchanged(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    live = sqlite3.connect(work / "other.sqlite")
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("PRAGMA wal_autocheckpoint=0")  # its rows stay in the WAL, as after a crash
    live.execute("CREATE TABLE notes (body TEXT)")
    live.executemany("INSERT INTO notes VALUES (?)", [(f"note {i}",) for i in range(200)])
    live.commit()
    path = tmp_path / "bookmarks.sqlite"
    for suffix in ("", "-wal"):  # the files as that program left them, still open
        shutil.copyfile(work / f"other.sqlite{suffix}", tmp_path / f"bookmarks.sqlite{suffix}")
    live.close()
    main, wal = path.read_bytes(), (tmp_path / "bookmarks.sqlite-wal").read_bytes()
    assert len(wal) > 0
    with BookmarkStore(path) as store:
        kept = store.recovered_from
        assert kept is not None and store.folders() == []
    assert kept.read_bytes() == main  # was: the WAL folded into it as the check's connection closed
    assert kept.with_name(kept.name + "-wal").read_bytes() == wal
    with sqlite3.connect(f"{kept.as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 200
    conn.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file permissions")
def test_a_read_only_file_in_a_writable_folder_is_named_as_such(shared_dir: Path) -> None:
    folder = shared_dir / "user"
    folder.mkdir()
    folder.chmod(0o777)
    path = folder / "bookmarks.sqlite"
    with BookmarkStore(path) as store:
        fill(store)
        expected = snapshot(store)
    path.chmod(0o444)
    original = path.read_bytes()
    with as_ordinary_user(), BookmarkStore(path) as store:
        assert store.read_only
        assert snapshot(store) == expected
        assert store.read_only_reason() == f"The bookmarks file {path} is read-only"
        with pytest.raises(BookmarkReadOnly) as info:
            store.add("country/no", "Norway")
        assert f"file {path} is read-only" in str(info.value) and "folder" not in str(info.value)
    assert path.read_bytes() == original


# -- large imports (issue 20, item 6) ----------------------------------------------------------


def _doc(folders: int, per_folder: int) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": 1,
        "folders": [
            {"name": f"F{f}", "bookmarks": [{"record_id": f"x/{f}-{i}", "title": f"T {i}"} for i in range(per_folder)]}
            for f in range(folders)
        ],
    }


@pytest.mark.parametrize(
    ("folders", "per_folder", "says"),
    [
        (
            MAX_IMPORT_FOLDERS + 1,
            0,
            f"{MAX_IMPORT_FOLDERS + 1:,} folders; HT Desk imports at most {MAX_IMPORT_FOLDERS:,}",
        ),
        (2, MAX_IMPORT_BOOKMARKS // 2 + 1, f"{MAX_IMPORT_BOOKMARKS + 2:,} bookmarks; HT Desk imports at most"),
    ],
    ids=["folders", "bookmarks"],
)
def test_an_import_beyond_the_limits_says_which_and_imports_nothing(
    bm: BookmarkStore, folders: int, per_folder: int, says: str
) -> None:
    fill(bm)
    before = snapshot(bm)
    with pytest.raises(BookmarkImportError, match="Nothing was imported") as info:
        bm.import_json(_doc(folders, per_folder))
    assert says in str(info.value)
    assert snapshot(bm) == before


def test_an_import_at_the_limits_is_taken_whole(bm: BookmarkStore) -> None:
    counts = bm.import_json(_doc(100, MAX_IMPORT_BOOKMARKS // 100))
    assert (counts.folders_added, counts.bookmarks_added) == (100, MAX_IMPORT_BOOKMARKS)


def test_an_import_reports_progress_and_a_cancel_keeps_nothing(bm: BookmarkStore) -> None:
    fill(bm)
    before = snapshot(bm)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return len(seen) < 3

    with pytest.raises(BookmarkImportCancelled):
        bm.import_json(_doc(4, 500), progress)
    assert seen == [(250, 2000), (500, 2000), (750, 2000)]
    assert snapshot(bm) == before


def _plan(store: BookmarkStore, sql: str, params: tuple[Any, ...] = ()) -> str:
    return " | ".join(r[-1] for r in store._conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_a_file_made_before_the_indexes_gets_them_and_keeps_working(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite"
    with BookmarkStore(path) as store:
        fill(store)
        expected = snapshot(store)
        store._conn.execute("DROP INDEX folders_position")
        store._conn.execute("DROP INDEX bookmarks_folder")
    with BookmarkStore(path) as store:
        assert snapshot(store) == expected
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == 1  # older HT Desk still opens it
        # Where the import spent its time (a scan of every folder for each new one) and the
        # panel's read (a sort of every bookmark), the indexes answer.
        assert "folders_position" in _plan(store, "SELECT coalesce(max(position) + 1, 0) FROM folders")
        panel = _plan(
            store,
            "SELECT b.* FROM bookmarks b JOIN folders f ON f.id = b.folder_id "
            "ORDER BY f.position, f.id, b.position, b.id",
        )
        assert "TEMP B-TREE" not in panel and "bookmarks_folder" in panel, panel
