"""`htdesk search`: the same search as the app, on the command line, for any text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from htdesk.__main__ import main


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_ranked_hits(capsys: pytest.CaptureFixture[str], built_db: Path) -> None:
    code, out, _ = run(capsys, built_db, "KOM", "--json", "--limit", "2")
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == ["glossary/kom", "institution/no/kom"]
    assert all("\x02" not in r["snippet"] for r in rows)


def test_filters(capsys: pytest.CaptureFixture[str], built_db: Path) -> None:
    code, out, _ = run(capsys, built_db, "police", "--kind", "institution", "--country", "Norway", "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows and all(r["kind"] == "institution" and r["id"].startswith("institution/no/") for r in rows)


def test_text_output_says_what_it_corrected_and_no_results(capsys: pytest.CaptureFixture[str], built_db: Path) -> None:
    code, out, _ = run(capsys, built_db, "rapoteur")
    assert code == 0
    assert out.startswith("No results for rapoteur; showing results for rapporteur.\n[")
    code, out, _ = run(capsys, built_db, "zzqqxx")
    assert code == 0 and out == "No results.\n"


def test_text_output_lists_records_with_some_of_the_words(capsys: pytest.CaptureFixture[str], built_db: Path) -> None:
    code, out, _ = run(capsys, built_db, "supply chains disclosure California")
    assert code == 0
    assert "Results with some of your words (" in out
    assert "Transparency in Supply Chains Act" in out.partition("Results with some of your words")[2]


def test_unknown_kind_is_one_line_on_stderr(capsys: pytest.CaptureFixture[str], built_db: Path) -> None:
    code, out, err = run(capsys, built_db, "police", "--kind", "planets")
    assert code == 1
    assert out == ""
    assert err.startswith("htdesk: unknown kind") and err.count("\n") == 1


NASTY = st.sampled_from(
    ["AND", "OR", "NOT", "NEAR(", "*", "^", "-", ":", '"', "(", ")", "😀", "\x01", "\ud800", "victim", "KOM"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.one_of(
        st.text(st.characters(codec=None, exclude_categories=()), max_size=40),
        st.lists(NASTY, max_size=10).map(" ".join),
        st.text(max_size=20).map(lambda s: (s or "y") * (10_000 // max(1, len(s or "y")))),
    )
)
def test_any_text_exits_0_with_valid_json(capsys: pytest.CaptureFixture[str], built_db: Path, text: str) -> None:
    # "--" ends the options, so that a query starting with "-" is still a query.
    code, out, err = run(capsys, built_db, "--json", "--", text)
    assert code == 0, err
    assert isinstance(json.loads(out), list)
