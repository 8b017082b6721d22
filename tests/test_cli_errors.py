"""The command line's errors: one line, what was typed cut to a readable length, no traceback for a NUL."""

from __future__ import annotations

from pathlib import Path

import pytest

from htdesk.__main__ import main

LONG = "x" * 10_000


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err
    return lines[-1]


def _failure_line(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run the CLI on ``argv`` ("{tmp}" standing for tmp_path): it must fail, and this is its message."""
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) != 0
    return _error_line(capsys)


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "be", LONG],
        ["compare", "be", "no", "--dimensions", LONG],
        ["search", "police", "--kind", LONG],
        ["search", "police", "--country", LONG],
        ["handout", LONG, "--pdf", "{tmp}/h.pdf"],
    ],
    ids=["country", "dimension", "kind", "search-country", "handout-folder"],
)
def test_a_long_argument_is_cut_in_the_message(
    argv: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path, user_dir: Path
) -> None:
    line = _failure_line(argv, tmp_path, capsys)
    assert "x" * 200 + "…" in line and "x" * 201 not in line
    assert len(line) < 1200


def test_argparse_errors_are_cut_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["compare", "be", "no", "--paper", LONG])
    assert info.value.code == 2
    line = _error_line(capsys)
    assert "x" * 200 + "…" in line and "x" * 201 not in line and "choose from" in line


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--out", "{tmp}/a\x00b.json"],
        ["compare", "be", "no", "--pdf", "{tmp}/a\x00b.pdf"],
        ["handout", "Session 1", "--odt", "{tmp}/h\x00.odt"],
        ["--db", "{tmp}/ht\x00.sqlite", "check"],
    ],
    ids=["export", "compare", "handout", "db"],
)
def test_a_nul_in_an_argument_is_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path, user_dir: Path
) -> None:
    line = _failure_line(argv, tmp_path, capsys)
    assert "NUL character" in line
    assert list(tmp_path.iterdir()) == [user_dir] or list(tmp_path.iterdir()) == []


def test_a_nul_in_a_search_is_searched_past(capsys: pytest.CaptureFixture[str]) -> None:
    """The query is searched, not opened: a NUL in it is no reason to refuse (the search takes any text)."""
    assert main(["search", "--json", "--", "forced\x00labour"]) == 0
    assert capsys.readouterr().out.startswith("[")


def test_the_command_line_speaks_french(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """With --lang fr the messages are French, with French typography; paths and names stay as typed."""
    from htdesk import i18n

    try:
        assert main(["--lang", "fr", "compare", "zz", "no"]) != 0
        assert "pays inconnu 'zz'\u202f; valides\u00a0:" in capsys.readouterr().err
        out = tmp_path / "no" / "x.pdf"
        assert main(["--lang", "fr", "compare", "be", "no", "--pdf", str(out)]) != 0
        assert f"impossible d’écrire {out}\u00a0: le dossier" in capsys.readouterr().err
        assert main(["--lang", "fr", "search", "travail forcé"]) == 0
        assert "Recherche en anglais\u00a0: forced labour" in capsys.readouterr().out
    finally:
        i18n.set_language("en")


def test_a_bad_bookmarks_file_is_refused_in_french(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, user_dir: Path
) -> None:
    """The bookmarks' own messages come from the catalogue too."""
    from htdesk import i18n

    bad = tmp_path / "x.json"
    bad.write_text("not json", encoding="utf-8")
    try:
        assert main(["--lang", "fr", "bookmarks", "import", str(bad)]) != 0
        assert "n’est pas un fichier de signets de HT Desk" in capsys.readouterr().err
    finally:
        i18n.set_language("en")


def test_help_and_argument_errors_follow_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang fr is read before the parser is built: its help and argparse's own words are French."""
    from htdesk import i18n

    try:
        with pytest.raises(SystemExit) as done:
            main(["--lang", "fr", "compare", "--help"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("utilisation\u00a0: htdesk compare") and "2 à 4 codes ou noms de pays" in out
        with pytest.raises(SystemExit):
            main(["--lang=fr", "compare", "be", "--layout", "x"])
        assert "choix invalide\u00a0: 'x'" in capsys.readouterr().err
    finally:
        i18n.set_language("en")
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    assert capsys.readouterr().out.startswith("usage: htdesk compare")
