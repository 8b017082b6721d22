"""`htdesk bookmarks list|export|import`: the app's file format and checks, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from htdesk.__main__ import main
from htdesk.store.bookmarks import BookmarkStore


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filed(user_dir: Path) -> Path:
    with BookmarkStore.open_default() as store:
        store.add("country/se", "Sweden", "Session 1", note="Start here")
        store.add("glossary/gla", "GLA", "Session 1")
        store.add("country/no", "Norway", "Session 2")
    return user_dir


def test_list_shows_folders_and_their_bookmarks(filed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "bookmarks", "list")
    assert code == 0
    assert out.splitlines() == [
        "Session 1 (2 bookmarks)",
        "  1. Sweden — country/se  [note]",
        "  2. GLA — glossary/gla",
        "Session 2 (1 bookmark)",
        "  1. Norway — country/no",
    ]


def test_export_a_folder_then_import_it_elsewhere(
    filed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "s1.json"
    code, said, _ = run(capsys, "bookmarks", "export", str(out), "--folder", "session 1")
    assert code == 0 and str(out) in said
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [f["name"] for f in doc["folders"]] == ["Session 1"]
    other = tmp_path / "other-user"
    other.mkdir()
    monkeypatch.setenv("HTDESK_USER_DIR", str(other))
    code, said, _ = run(capsys, "bookmarks", "import", str(out))
    assert code == 0 and said.strip() == "Imported 2 bookmarks and 1 new folder."
    code, said, _ = run(capsys, "bookmarks", "import", str(out))
    assert said.strip() == "Imported 0 bookmarks and 0 new folders, 2 already present."


def test_export_of_an_unknown_folder_names_the_folders(
    filed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "bookmarks", "export", str(tmp_path / "x.json"), "--folder", "Session 9")
    assert code != 0 and "'Session 1', 'Session 2'" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    "content",
    [
        b"not json at all",
        b'{"format": "something-else"}',
        b'{"format": "htdesk-bookmarks", "version": 99, "folders": []}',
        b'{"format": "htdesk-bookmarks", "version": 1, "folders": [{"name": "X", "bookmarks": [{"title": "no id"}]}]}',
        b'{"format": "htdesk-bookmarks", "version": 1, "folders": [{"name": "X", "bookmarks": '
        b'[{"record_id": "c", "comparison": {"countries": ["be"], "dimensions": ["nap"]}}]}]}',
    ],
)
def test_a_bad_file_changes_nothing_and_says_why_in_one_line(
    filed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with BookmarkStore.open_default() as store:
        listed = store.export_json()["folders"]
    code, out, err = run(capsys, "bookmarks", "import", str(bad))
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Nothing was imported" in err and "Traceback" not in err
    with BookmarkStore.open_default() as store:
        assert store.export_json()["folders"] == listed


def test_a_missing_file_is_one_line(user_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "bookmarks", "import", str(tmp_path / "nowhere.json"))
    assert code != 0 and "nowhere.json" in err and len(err.strip().splitlines()) == 1
