"""The printer: links on paper, fitting a sheet to one page, and never below the legible size."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader

from htdesk.output.printing import MIN_BODY_PT, SheetOptions, SheetPrinter, plain_record_links


def test_record_links_become_text_and_web_addresses_stay_links(qapp: object, tmp_path: Path) -> None:
    html = (
        '<p>See <a href="ht:country/no" title="Norway">Norway</a>, the <a href="ht:glossary/kom">KOM</a> and '
        '<a href="https://www.unodc.org/">https://www.unodc.org/</a>.</p>'
    )
    assert plain_record_links(html) == (
        '<p>See Norway, the KOM and <a href="https://www.unodc.org/">https://www.unodc.org/</a>.</p>'
    )
    out = tmp_path / "links.pdf"
    SheetPrinter().to_pdf(html, out, SheetOptions(title="Links"))
    urls = subprocess.run(["pdfinfo", "-url", str(out)], capture_output=True, text=True, check=True).stdout
    assert "https://www.unodc.org/" in urls and "ht:" not in urls
    assert "See Norway, the KOM" in " ".join(PdfReader(str(out)).pages[0].extract_text().split())


def _table(rows: int) -> str:
    cells = "".join(
        f"<tr><td>Row {i}</td><td>{'A statement of some length, as a short answer is. ' * 3}</td></tr>"
        for i in range(rows)
    )
    return f'<table class="sheet" width="100%" border="1" cellspacing="0" cellpadding="2">{cells}</table>'


def test_a_sheet_shrinks_to_one_page_then_flows_on_at_the_floor(qapp: object) -> None:
    printer = SheetPrinter()
    opts = SheetOptions(title="Sheet", landscape=True, body_pt=9.0, fit_one_page=True)
    short = printer.lay_out(_table(10), opts)
    assert short.pages == 1 and short.scale == 1.0  # fits as it is: not shrunk
    snug = printer.lay_out(_table(38), opts)
    assert snug.pages == 1 and MIN_BODY_PT <= snug.body_pt < 9.0  # shrunk to fit
    long = printer.lay_out(_table(60), opts)
    assert long.pages >= 2 and abs(long.body_pt - MIN_BODY_PT) < 0.05  # at the floor, and on
    unfitted = printer.lay_out(_table(120), SheetOptions(title="Sheet", landscape=True, body_pt=9.0))
    assert unfitted.scale == 1.0  # only sheets are fitted
