"""`htdesk compare`: the one-page sheet and the full layout as PDF and OpenDocument, read back as a reader would."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from htdesk.__main__ import main
from htdesk.content.kinds import DIMENSION_LABELS, REPORT_CITATION, ROW_LABELS, Dimension
from htdesk.content.models import Country
from htdesk.store.report import ReportStore

FOUR = ["be", "fr", "no", "se"]


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def norm(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(str(path))
    return norm(" ".join(p.extract_text() for p in reader.pages)), len(reader.pages)


def text_heights(path: Path) -> list[float]:
    """Each text run's size by its glyphs' height (a sheet draws its face narrower, not shorter)."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            sizes.append(round(size * (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5, 2))

    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def foot_sources(flat: str) -> dict[int, str]:
    """The numbered source list at the sheet's foot: number -> "Chapter III, 1.3, p. 36"."""
    foot = flat.split("Sources in the ICPC report (section or appendix, page):", 1)[1]
    foot = foot.split("Source: International Centre", 1)[0]
    return {int(n): cite.strip() for n, cite in re.findall(r"(\d+) (.+?)(?: ·|$)", foot.strip())}


def markers(flat: str, after: str) -> list[int]:
    """The reference numbers printed right after ``after`` ("1", "2,12,13", "17–21")."""
    m = re.search(re.escape(norm(after)) + r" ?(\d+(?:[,–]\d+)*)", flat)
    assert m, f"no reference after {after[:50]!r}"
    out: list[int] = []
    for part in m.group(1).split(","):
        lo, _, hi = part.partition("–")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


@pytest.mark.parametrize(
    ("codes", "paper"),
    [(FOUR, "a4"), (FOUR, "letter"), (["be", "no"], "a4"), (["be", "no", "se"], "letter")],
)
def test_sheet_is_one_page_with_a_source_on_every_cell(
    capsys: pytest.CaptureFixture[str], built_db: Path, store: ReportStore, tmp_path: Path, codes: list, paper: str
) -> None:
    out = tmp_path / "sheet.pdf"
    code, said, err = run(capsys, built_db, "compare", *codes, "--pdf", str(out), "--paper", paper)
    assert code == 0, err
    assert "(1 page)" in said
    flat, pages = pdf_text(out)
    assert pages == 1
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert size and float(size[1]) > float(size[2])  # landscape
    assert round(float(size[2])) == (612 if paper == "letter" else 595)
    sources = foot_sources(flat)
    for label in DIMENSION_LABELS.values():
        assert norm(label) in flat
    assert "At a glance" in flat
    assert "Page 1 of 1" in flat and norm(REPORT_CITATION) in flat  # footer: the report's full reference
    assert "HT Desk — country comparison" in flat
    sizes = text_heights(out)
    assert max(set(sizes), key=sizes.count) >= 7.5  # the body: never shrunk below legible
    for c in codes:
        country = store.record(f"country/{c}")
        assert isinstance(country, Country)
        assert country.name in flat
        for dim in Dimension:
            summary = country.summaries[dim]
            if summary.source is None:
                continue  # "Not covered in the report": nothing to cite
            cited = {sources[n] for n in markers(flat, summary.text)}
            assert summary.source.cite() in cited, (c, dim)
            assert {s.cite() for s in summary.see_also} <= cited


def test_full_layout_on_request(capsys: pytest.CaptureFixture[str], built_db: Path, tmp_path: Path) -> None:
    sheet, full = tmp_path / "sheet.pdf", tmp_path / "full.pdf"
    assert run(capsys, built_db, "compare", *FOUR, "--pdf", str(sheet))[0] == 0
    code, said, err = run(capsys, built_db, "compare", *FOUR, "--layout", "full", "--pdf", str(full))
    assert code == 0, err
    flat, pages = pdf_text(full)
    assert pages > 5 and f"({pages} pages)" in said
    assert "In short:" in flat  # the short answer above the statements


@pytest.mark.parametrize("layout", ["sheet", "full"])
def test_no_record_link_reaches_a_pdf(
    capsys: pytest.CaptureFixture[str], built_db: Path, tmp_path: Path, layout: str
) -> None:
    out = tmp_path / f"{layout}.pdf"
    assert run(capsys, built_db, "compare", *FOUR, "--layout", layout, "--pdf", str(out))[0] == 0
    urls = subprocess.run(["pdfinfo", "-url", str(out)], capture_output=True, text=True, check=True).stdout
    assert "ht:" not in urls
    # The acronyms are still there, as text: "KOM" links to its glossary entry on screen.
    assert "KOM" in pdf_text(out)[0]


def test_odt_holds_the_sheet(
    capsys: pytest.CaptureFixture[str], built_db: Path, store: ReportStore, tmp_path: Path
) -> None:
    out = tmp_path / "sheet.odt"
    code, said, err = run(capsys, built_db, "compare", "be", "no", "--odt", str(out))
    assert code == 0, err
    assert f"Wrote {out}" in said
    with zipfile.ZipFile(out) as z:
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert z.testzip() is None
        content = z.read("content.xml").decode("utf-8")
    assert "<table:table " in content  # a real table a word processor edits
    text = norm(re.sub(r"<[^>]+>", " ", content))
    norway = store.record("country/no")
    assert isinstance(norway, Country)
    for label in DIMENSION_LABELS.values():
        assert norm(label).replace("&", "&amp;") in text
    assert norm(norway.summaries[Dimension.NAP].text) in text
    assert "Sources in the ICPC report" in text and "Montreal: ICPC, 2014" in text
    assert "ht:" not in content


def test_odt_of_the_full_layout(
    capsys: pytest.CaptureFixture[str], built_db: Path, store: ReportStore, tmp_path: Path
) -> None:
    out = tmp_path / "full.odt"
    assert run(capsys, built_db, "compare", "be", "no", "--layout", "full", "--odt", str(out))[0] == 0
    with zipfile.ZipFile(out) as z:
        text = norm(re.sub(r"<[^>]+>", " ", z.read("content.xml").decode("utf-8")))
    norway = store.record("country/no")
    assert isinstance(norway, Country)
    assert norm(norway.dimensions[Dimension.NAP][0].text)[:60] in text


@pytest.mark.parametrize(
    "argv",
    [
        ["be", "atlantis"],  # unknown country
        ["be"],  # one country
        ["be", "no", "se", "us", "fr"],  # five
    ],
)
@pytest.mark.parametrize("flag", ["--pdf", "--odt"])
def test_bad_input_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], built_db: Path, tmp_path: Path, argv: list[str], flag: str
) -> None:
    out = tmp_path / "sheet.out"
    code, said, err = run(capsys, built_db, "compare", *argv, flag, str(out))
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and err.startswith("htdesk: ")
    assert "Traceback" not in err and not said
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("flag", ["--pdf", "--odt", "--csv"])
def test_unwritable_path_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], built_db: Path, tmp_path: Path, flag: str
) -> None:
    target = tmp_path / "no-such-folder" / "sheet.out"
    code, _, err = run(capsys, built_db, "compare", "be", "no", flag, str(target))
    assert code != 0 and len(err.strip().splitlines()) == 1 and "does not exist" in err
    assert list(tmp_path.iterdir()) == []
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code, _, err = run(capsys, built_db, "compare", "be", "no", flag, str(folder))
    assert code != 0 and "folder" in err
    assert list(folder.iterdir()) == []


def test_dimensions_choose_the_rows_of_both_layouts(
    capsys: pytest.CaptureFixture[str], built_db: Path, tmp_path: Path
) -> None:
    for layout in ("sheet", "full"):
        out = tmp_path / f"{layout}.pdf"
        argv = ["compare", "be", "no", "--layout", layout, "--dimensions", "nap,practices", "--pdf", str(out)]
        assert run(capsys, built_db, *argv)[0] == 0
        flat, _ = pdf_text(out)
        assert "National action plan" in flat and "Practices" in flat
        assert "Institutions" not in flat and "Coordination mechanism" not in flat


def test_full_layout_keeps_statements_whole_and_labels_every_page(
    capsys: pytest.CaptureFixture[str], built_db: Path, store: ReportStore, tmp_path: Path
) -> None:
    """Qt broke rows mid-sentence and left continuation pages without a dimension's name."""
    out = tmp_path / "full.pdf"
    assert run(capsys, built_db, "compare", *FOUR, "--layout", "full", "--pdf", str(out))[0] == 0
    pages = [norm(p.extract_text()) for p in PdfReader(str(out)).pages]
    labels = [norm(label) for label in ROW_LABELS.values()]
    long_texts = [
        norm(s.text)
        for code in FOUR
        for said in store.record(f"country/{code}").dimensions.values()  # type: ignore[union-attr]
        for s in said
        if len(s.text) > 900
    ]
    continued = 0
    for n, text in enumerate(pages):
        body = text.split("Dimension Belgium France Norway Sweden", 1)[1].strip()  # after the header row
        if not any(body.startswith(label) for label in [*labels, "At a glance"]):
            # Only a statement taller than a page's column runs on by itself, from where it started.
            assert any(body[:40] in t for t in long_texts), f"page {n + 1}: {body[:60]}"
        continued += body.startswith(tuple(f"{label} (continued)" for label in labels))
    assert continued >= 3  # rows do go on over pages, under their name
    whole = 0
    for code in FOUR:
        country = store.record(f"country/{code}")
        assert isinstance(country, Country)
        for dim in Dimension:
            for s in country.dimensions[dim]:
                if len(s.text) > 900:  # longer than a page's column: printed from where it starts
                    continue
                said = (norm(s.text) + " ICPC report, " + s.source.cite()).replace("- ", "-")
                # A line may end after a hyphen ("PAG-" / "ASA"): read back, that is a space.
                assert any(said in text.replace("- ", "-") for text in pages), (code, dim, s.text[:50])
                whole += 1
    assert whole > 100
