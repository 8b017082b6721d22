"""The compare view and its printed sheet, read back from the PDF as a trainer would."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from htdesk.content.kinds import ROW_LABELS, Listing
from htdesk.content.models import DIMENSION_LABELS, NOT_COVERED, Country, Dimension
from htdesk.output.files import OutputError
from htdesk.render.html import FULL, SHEET
from htdesk.store.report import ReportStore
from htdesk.ui.compare import CodeRole, CompareView
from htdesk.ui.settings import settings


@pytest.fixture
def view(qtbot: QtBot, store: ReportStore, user_dir: Path) -> CompareView:
    v = CompareView(store, settings())
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    return v


def _tick(view: CompareView, code: str) -> None:
    for i in range(view.countries.count()):
        item = view.countries.item(i)
        if item.data(CodeRole) == code:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(code)


def _pdf_text(path: Path) -> tuple[str, PdfReader]:
    reader = PdfReader(str(path))
    return "\n".join(p.extract_text() for p in reader.pages), reader


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_ticking_countries_builds_the_table(view: CompareView, store: ReportStore) -> None:
    assert not view.pdf_button.isEnabled()  # one country is not a comparison
    _tick(view, "be")
    assert not view.pdf_button.isEnabled()
    _tick(view, "no")
    assert view.selected_countries() == ["be", "no"]
    assert view.pdf_button.isEnabled()
    norway = store.record("country/no")
    assert isinstance(norway, Country)
    assert view.layout() == SHEET  # the sheet first: a short answer a cell
    text = view.view.toPlainText()
    for label in DIMENSION_LABELS.values():
        assert label in text
    assert _norm(norway.summaries[Dimension.STATUS].text) in _norm(text)
    assert _norm(norway.dimensions[Dimension.STATUS][0].text)[:60] not in _norm(text)
    assert "prints on one page" in view.message.text()
    view.set_layout(FULL)  # every statement, each under its dimension's short answer
    text = _norm(view.view.toPlainText())
    assert _norm(norway.dimensions[Dimension.STATUS][0].text)[:60] in text
    assert "In short: " + _norm(norway.summaries[Dimension.STATUS].text) in text
    assert view.message.text() == ""


def test_fifth_country_is_refused(view: CompareView) -> None:
    for code in ("be", "no", "se", "us", "fr"):
        _tick(view, code)
    assert view.selected_countries() == ["be", "no", "se", "us"]
    assert "at most 4" in view.message.text()


def test_dimension_toggle_is_remembered(view: CompareView, store: ReportStore, qtbot: QtBot) -> None:
    view.set_countries(["be", "no"])
    view.set_dimension_shown(Dimension.DEMAND, False)
    assert "Position on demand" not in view.view.toPlainText()
    again = CompareView(store, settings())
    qtbot.addWidget(again)
    assert Dimension.DEMAND not in again.selected_dimensions()
    assert Dimension.NAP in again.selected_dimensions()


def test_reordering_changes_column_order(view: CompareView) -> None:
    view.set_countries(["no", "be"])
    assert view.selected_countries() == ["no", "be"]
    view.countries.setCurrentRow(1)
    view._move(-1)
    assert view.selected_countries() == ["be", "no"]


def test_not_covered_is_visibly_different(view: CompareView, store: ReportStore) -> None:
    view.set_countries(["co", "no"])
    html = view.view.toHtml()
    assert NOT_COVERED.capitalize() in view.view.toPlainText()
    assert "italic" in html  # shown in italics, not as if it were the report's text


def test_full_pdf_export_reads_back(view: CompareView, tmp_path: Path) -> None:
    view.set_layout(FULL)
    view.set_countries(["be", "no", "se"])
    view.set_dimension_shown(Dimension.VICTIMS, False)
    out = tmp_path / "sheet.pdf"
    pages = view.export_pdf(out)
    text, reader = _pdf_text(out)
    flat = _norm(text)
    assert len(reader.pages) == pages
    assert "HT Desk — country comparison" in flat
    for name in ("Belgium", "Norway", "Sweden"):
        assert name in flat
    for dim in view.selected_dimensions():
        assert _norm(ROW_LABELS[dim]) in flat
    assert "Victims" not in [line.strip() for line in text.splitlines()]
    assert "ICPC report, Chapter III" in flat
    assert f"Page 1 of {pages}" in flat and f"Page {pages} of {pages}" in flat
    assert "Public Safety Canada, National Crime Prevention Centre. Montreal: ICPC, 2014." in flat  # the footer
    box = reader.pages[0].mediabox
    assert box.width > box.height  # three countries print landscape


def _font_sizes(reader: PdfReader) -> list[float]:
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            sizes.append(size * scale)

    for page in reader.pages[:3]:
        page.extract_text(visitor_text=visit)
    return sizes


def _heights(reader: PdfReader) -> list[float]:
    """Text sizes by the glyphs' height (a sheet's text is drawn narrower than the face, not shorter)."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            sizes.append(round(size * scale, 2))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_four_countries_all_dimensions_stay_legible(view: CompareView, tmp_path: Path) -> None:
    view.set_layout(FULL)
    view.set_countries(["be", "no", "se", "us"])
    out = tmp_path / "four.pdf"
    view.export_pdf(out)
    text, reader = _pdf_text(out)
    flat = _norm(text)
    for label in DIMENSION_LABELS.values():
        assert _norm(label) in flat
    # 300 dpi device units: 9 pt is 37.5 units; pypdf reports sizes in user space (1/72 in).
    sizes = _font_sizes(reader)
    assert sizes and min(sizes) >= 8.9
    fonts = set()
    for page in reader.pages[:2]:
        for f in page["/Resources"]["/Font"].values():
            font = f.get_object()
            desc = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            desc = desc.get_object()
            assert "/FontFile2" in desc or "/FontFile3" in desc or "/FontFile" in desc  # embedded
            fonts.add(str(font["/BaseFont"]))
    assert any("DejaVu" in f for f in fonts)


def test_two_countries_print_portrait_on_letter(view: CompareView, tmp_path: Path) -> None:
    view.set_layout(FULL)
    view.set_countries(["be", "no"])
    view.paper.setCurrentIndex(view.paper.findData("letter"))
    out = tmp_path / "two.pdf"
    view.export_pdf(out)
    box = PdfReader(str(out)).pages[0].mediabox
    assert box.height > box.width
    assert round(float(box.width)) == 612  # US Letter, 8.5 in


def test_csv_round_trips(view: CompareView, tmp_path: Path, store: ReportStore) -> None:
    view.set_countries(["nl", "gb"])
    out = tmp_path / "sheet.csv"
    view.export_csv(out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Dimension", "Netherlands", "United Kingdom"]
    nl = store.record("country/nl")
    assert isinstance(nl, Country)
    dims = [d for d in view.selected_dimensions() if isinstance(d, Dimension)]
    for row, dim in zip(rows[1:], dims, strict=False):
        assert row[0] == DIMENSION_LABELS[dim]
        statements = nl.dimensions[dim]
        if statements:
            assert statements[0].text in row[1] and statements[0].source.cite() in row[1]
        else:
            assert row[1] == NOT_COVERED


def test_pdf_into_missing_folder_leaves_nothing(view: CompareView, tmp_path: Path) -> None:
    view.set_countries(["be", "no"])
    with pytest.raises(OutputError, match="does not exist"):
        view.export_pdf(tmp_path / "gone" / "sheet.pdf")
    assert not (tmp_path / "gone").exists()


def test_failed_pdf_keeps_the_previous_file(view: CompareView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure half-way (disk full) must not destroy the sheet the trainer printed yesterday."""
    view.set_countries(["be", "no"])
    out = tmp_path / "sheet.pdf"
    out.write_bytes(b"yesterday's sheet")

    def boom(*_a: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(view._printer, "render", boom)
    with pytest.raises(OutputError, match="No space left"):
        view.export_pdf(out)
    assert out.read_bytes() == b"yesterday's sheet"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["sheet.pdf"]


def test_saving_over_the_settings_file_is_refused_with_a_message(
    view: CompareView, user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trainer who picks HT Desk's own settings file in the save dialog is told, and it is kept."""
    view.set_countries(["be", "no"])
    own = user_dir / "settings.ini"
    own.write_text("[compare]\npaper=a4\n", encoding="utf-8")
    before = own.read_bytes()
    warnings: list[str] = []
    monkeypatch.setattr("htdesk.ui.compare.QFileDialog.getSaveFileName", lambda *a, **k: (str(own), ""))
    monkeypatch.setattr("htdesk.ui.plain.warning", lambda _p, _t, text: warnings.append(text))
    view._ask_pdf()
    view._ask_csv()
    assert len(warnings) == 2 and all("own files" in w for w in warnings)
    assert own.read_bytes() == before


def test_layout_choice_offers_the_sheet_first_and_is_remembered(
    view: CompareView, store: ReportStore, qtbot: QtBot
) -> None:
    assert [view.layout_choice.itemData(i) for i in range(view.layout_choice.count())] == [SHEET, FULL]
    view.set_layout(FULL)
    again = CompareView(store, settings())
    qtbot.addWidget(again)
    assert again.layout() == FULL


def test_institutions_and_practices_follow_the_choice(view: CompareView) -> None:
    for layout in (FULL, SHEET):
        view.set_layout(layout)
        view.set_countries(["be", "no"])
        lines = [line.strip() for line in view.view.toPlainText().splitlines()]
        assert "Institutions" in lines and "Practices" in lines
        view.set_dimension_shown(Listing.INSTITUTIONS, False)
        lines = [line.strip() for line in view.view.toPlainText().splitlines()]
        assert "Institutions" not in lines and "Practices" in lines
        view.set_dimension_shown(Listing.INSTITUTIONS, True)


def test_preview_prints_the_pages_the_pdf_has_at_any_printer_resolution(view: CompareView, tmp_path: Path) -> None:
    """Pages are laid out at one resolution whatever the printer's.

    A printer that keeps its own 1,200 dpi still gets the PDF's pages (laid out at its resolution, 19 against 20).
    """
    from PySide6.QtPrintSupport import QPrinter

    from htdesk.ui.printing import preview_printer

    view.set_layout(FULL)
    view.set_countries(["be", "fr", "no", "se"])
    pdf_pages = view.export_pdf(tmp_path / "full.pdf")
    printer = preview_printer(view.sheet_options())  # what the preview dialog gets
    printer.setResolution(1200)  # as a physical printer may insist
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert view._printer.render(printer, view.printable(), view.sheet_options()) == pdf_pages > 5
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == pdf_pages


def test_a_sheet_too_long_for_one_page_says_so(
    view: CompareView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from htdesk.output import printing

    # Four countries do fit at 7.5 pt; at a floor of 8.9 pt they cannot, which shows what a set too
    # long for one page does: it flows on at the floor, and the view says so before printing.
    monkeypatch.setattr(printing, "MIN_BODY_PT", 8.9)
    view.set_countries(["be", "fr", "no", "se"])
    assert "does not fit one page" in view.message.text() and "on 2 pages" in view.message.text()
    pages = view.export_pdf(tmp_path / "two.pdf")
    assert pages == 2
    sizes = _heights(PdfReader(str(tmp_path / "two.pdf")))
    body = max(set(sizes), key=sizes.count)  # the size most text is printed at
    assert 8.9 <= body < 9.0  # at the floor, not below


def test_odt_export(view: CompareView, tmp_path: Path) -> None:
    import zipfile

    view.set_countries(["be", "no"])
    out = tmp_path / "sheet.odt"
    view.export_odt(out)
    with zipfile.ZipFile(out) as z:
        content = z.read("content.xml").decode("utf-8")
    assert "Belgium" in content and "Norway" in content and "National rapporteur" in content


def test_full_layout_cells_are_not_tinted_by_their_short_answer(view: CompareView) -> None:
    """Qt gives a cell its first paragraph's background: the short answer must not tint the whole cell."""
    from PySide6.QtCore import Qt as QtCore
    from PySide6.QtGui import QTextTable

    view.set_layout(FULL)
    view.set_countries(["be", "no"])
    doc = view.view.document()
    table = next(f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable))
    assert "In short:" in view.view.toPlainText()
    for row in range(2, table.rows()):
        for col in range(1, table.columns()):
            assert table.cellAt(row, col).format().background().style() == QtCore.BrushStyle.NoBrush
