"""The htdesk command: export, check, build-db, compare, and clean failures on bad databases."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from htdesk.__main__ import main
from htdesk.build.database import content_hash
from htdesk.content.models import EXPORT_KEYS, Country, Dimension, Kind
from htdesk.paths import database_path
from htdesk.store.report import SCHEMA_VERSION, ReportStore


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_has_every_kind_with_sources(capsys: pytest.CaptureFixture[str], built_db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(built_db), "export")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {"meta", *EXPORT_KEYS.values()}
    for key in EXPORT_KEYS.values():
        assert doc[key], f"{key} is empty"
        for rec in doc[key]:
            assert rec["id"] and rec["title"]
            assert rec["source"]["ref"].strip()
            assert rec["source"]["page"] is None or rec["source"]["page"] > 0
    g = next(r for r in doc["glossary"] if r["acronym"] == "KOM")
    assert {"acronym", "expansion_en", "acronym_fr", "expansion_fr", "variants", "from_body"} <= set(g)


def test_export_to_file(capsys: pytest.CaptureFixture[str], built_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    code, _, _ = run(capsys, "--db", str(built_db), "export", "--out", str(out))
    assert code == 0
    assert json.loads(out.read_text("utf-8"))["meta"]["schema_version"] == str(SCHEMA_VERSION)


def test_bundled_database_passes_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check")
    assert code == 0, err
    assert out.startswith("OK:")


def test_bundled_database_matches_a_clean_rebuild(bundled_store: ReportStore, content: object) -> None:
    """The committed data/ht.sqlite holds exactly what the content builds today."""
    assert bundled_store.meta()["content_hash"] == content_hash(content)  # type: ignore[arg-type]


def test_build_db_without_the_build_code_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The installed app leaves the build code out (build/qt_trim.py): build-db then fails in a line."""
    monkeypatch.setitem(sys.modules, "htdesk.build.assemble", None)  # import now raises ImportError
    out = tmp_path / "ht.sqlite"
    code, _, err = run(capsys, "build-db", "--out", str(out))
    assert code == 1 and "source checkout" in err
    assert not out.exists()


def test_rebuild_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    assert run(capsys, "build-db", "--out", str(a))[0] == 0
    assert run(capsys, "build-db", "--out", str(b))[0] == 0
    dumps = []
    for p in (a, b):
        _code, out, _ = run(capsys, "--db", str(p), "export")
        doc = json.loads(out)
        doc["meta"].pop("build_time")
        dumps.append(json.dumps(doc, sort_keys=True))
    assert dumps[0] == dumps[1]


@pytest.fixture
def db_copy(tmp_path: Path, built_db: Path) -> Path:
    p = tmp_path / "copy.sqlite"
    shutil.copyfile(built_db, p)
    return p


def _one_line_error(code: int, err: str) -> None:
    assert code != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_check_fails_cleanly_on_corrupted_copy(capsys: pytest.CaptureFixture[str], db_copy: Path) -> None:
    data = bytearray(db_copy.read_bytes())
    # Scribble over pages in the middle of the file: the header stays valid, the b-trees do not.
    for off in range(len(data) // 3, len(data) // 3 + 40000, 97):
        data[off] = (data[off] + 0x55) % 256
    db_copy.write_bytes(bytes(data))
    code, _, err = run(capsys, "--db", str(db_copy), "check")
    _one_line_error(code, err)


def test_check_fails_cleanly_on_truncated_file(capsys: pytest.CaptureFixture[str], db_copy: Path) -> None:
    db_copy.write_bytes(db_copy.read_bytes()[:50_000])
    code, _, err = run(capsys, "--db", str(db_copy), "check")
    _one_line_error(code, err)


def test_newer_schema_is_refused(capsys: pytest.CaptureFixture[str], db_copy: Path) -> None:
    with sqlite3.connect(db_copy) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    for argv in (["check"], ["search", "KOM"], ["export"]):
        code, _, err = run(capsys, "--db", str(db_copy), *argv)
        _one_line_error(code, err)
        assert "newer" in err


def test_fts_out_of_step_is_reported(capsys: pytest.CaptureFixture[str], db_copy: Path) -> None:
    with sqlite3.connect(db_copy) as conn:
        conn.execute("UPDATE search_index SET body = 'nothing of the sort' WHERE rowid = 3")
    code, _, err = run(capsys, "--db", str(db_copy), "check")
    _one_line_error(code, err)
    assert "out of step" in err


def test_dangling_reference_is_reported(capsys: pytest.CaptureFixture[str], db_copy: Path) -> None:
    with sqlite3.connect(db_copy) as conn:
        conn.execute("INSERT INTO links VALUES ('glossary/kom', 'see', 'institution/xx/nowhere')")
    code, _, err = run(capsys, "--db", str(db_copy), "check")
    _one_line_error(code, err)
    assert "institution/xx/nowhere" in err


def test_contents_entry_opening_nothing_is_reported(capsys: pytest.CaptureFixture[str], db_copy: Path) -> None:
    with sqlite3.connect(db_copy) as conn:
        conn.execute("UPDATE contents SET record_id = 'practice/nowhere' WHERE record_id = 'practice/truckstop'")
    code, _, err = run(capsys, "--db", str(db_copy), "check")
    assert code != 0 and "practice/nowhere" in err and "Traceback" not in err


def test_database_of_an_older_schema_is_refused(capsys: pytest.CaptureFixture[str], db_copy: Path) -> None:
    with sqlite3.connect(db_copy) as conn:
        conn.execute("DROP TABLE contents")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    code, _, err = run(capsys, "--db", str(db_copy), "check")
    _one_line_error(code, err)


def test_missing_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "nope.sqlite"), "check")
    _one_line_error(code, err)
    assert "missing" in err


def test_not_a_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    p = tmp_path / "ht.sqlite"
    p.write_text("this is not sqlite")
    code, _, err = run(capsys, "--db", str(p), "export")
    _one_line_error(code, err)


def test_data_commands_do_not_import_qt(built_db: Path) -> None:
    """export, search and check must work without a display and start fast."""
    code = (
        "import sys; from htdesk.__main__ import main; "
        f"[main(a) for a in (['--db', {str(built_db)!r}, 'check'], ['--db', {str(built_db)!r}, 'search', 'KOM'])]; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "HT Desk" in capsys.readouterr().out


# -- compare ---------------------------------------------------------------------------------
def test_compare_refuses_unknown_country_with_valid_list(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    code, _, err = run(capsys, "compare", "be", "atlantis", "--pdf", str(out))
    assert code != 0
    assert "atlantis" in err and "no (Norway)" in err
    assert not out.exists()


def test_compare_refuses_unwritable_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "sheet.csv"
    code, _, err = run(capsys, "compare", "be", "no", "--csv", str(target))
    assert code != 0 and "does not exist" in err
    assert not target.parent.exists()


def test_compare_csv_round_trips(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "sheet.csv"
    code, _, err = run(capsys, "compare", "Belgium", "no", "se", "--dimensions", "nap,coordination", "--csv", str(out))
    assert code == 0, err
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Dimension", "Belgium", "Norway", "Sweden"]
    # Institutions and practices follow the choice like the dimensions: not asked for, not there.
    assert [r[0] for r in rows[1:]] == ["National action plan", "Coordination mechanism"]
    norway = ReportStore(database_path()).record("country/no")
    assert isinstance(norway, Country)
    first_nap = norway.dimensions[Dimension.NAP][0]
    assert first_nap.text in rows[1][2]
    assert first_nap.source.cite() in rows[1][2]


def test_compare_counts_are_enforced(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "compare", "be")[0] != 0
    assert run(capsys, "compare", "be", "no", "se", "us", "fr")[0] != 0


def test_kinds_are_all_exported(built_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "--db", str(built_db), "export")
    doc = json.loads(out)
    counts = json.loads(ReportStore(built_db).meta()["counts"])
    for kind in Kind:
        assert len(doc[EXPORT_KEYS[kind]]) == counts[EXPORT_KEYS[kind]]


@pytest.mark.parametrize(
    "argv", [[], ["--quit-after-show"], ["--reset-settings"], ["--reset-settings", "--quit-after-show"]]
)
def test_plain_app_start_reads_its_flags_as_argparse_does(argv: list[str]) -> None:
    from htdesk.__main__ import _parser, app_launch

    fast = app_launch(argv)
    assert fast is not None
    assert vars(fast) == {k: v for k, v in vars(_parser().parse_args(argv)).items() if k in vars(fast)}
    assert set(vars(fast)) >= {"command", "db", "self_test", "quit_after_show", "reset_settings"}


@pytest.mark.parametrize("argv", [["--db", "x.sqlite"], ["--self-test"], ["check"], ["--version"], ["-h"], ["--bogus"]])
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    from htdesk.__main__ import app_launch

    assert app_launch(argv) is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("DELETE FROM pages WHERE id = 'practice/truckstop'", "practice/truckstop has no page"),
        (
            "UPDATE pages SET html = replace(html, 'Norway', 'Narnia') WHERE id = 'institution/no/kom'",
            "institution/no/kom's page is not what this HT Desk renders: rebuild the database",
        ),
    ],
)
def test_missing_or_stale_page_is_reported(
    capsys: pytest.CaptureFixture[str], db_copy: Path, change: str, message: str
) -> None:
    with sqlite3.connect(db_copy) as conn:
        conn.execute(change)
    code, _, err = run(capsys, "--db", str(db_copy), "check")
    _one_line_error(code, err)
    assert message in err
