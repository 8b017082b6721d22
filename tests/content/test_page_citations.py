"""Citations to the page: a section cites its range, each paragraph, list and footnote its own page."""

from __future__ import annotations

import json
import re

from htdesk.build.assemble import Content
from htdesk.content.consistency import quote_page_problems
from htdesk.content.kinds import Kind, SourceRef
from htdesk.content.models import Paragraph
from htdesk.content.passages import letters
from htdesk.store.report import ReportStore
from htdesk.store.search import search


def _section(content: Content, sid: str):  # type: ignore[no-untyped-def]
    return next(s for s in content.sections if s.id == sid)


def test_a_section_over_several_pages_cites_its_range(content: Content) -> None:
    assert _section(content, "section/3-1-3").source.cite() == "Chapter III, 1.3, pp. 36–48"
    assert _section(content, "section/3-2-2").source.cite().startswith("Chapter III, 2.2, pp. 49–")
    assert _section(content, "section/3-6-1-d").source.cite() == "Chapter III, 6.1.d, p. 78"
    tables = {f"section/appendix-{k}" for k in range(2, 10)}  # the institutional frameworks
    prose = [s for s in content.sections if s.id not in tables]
    assert sum(1 for s in prose if s.source.page_end) == 30  # of the 70 prose sections (the 30 of 77)


def test_every_block_and_footnote_carries_the_page_it_is_printed_on(content: Content, store: ReportStore) -> None:
    pages = store.report_pages()
    sections = [s for s in content.sections if s.source.page is not None]
    blocks = [b for s in sections for b in s.body]
    assert blocks and all(b.page is not None for b in blocks)
    assert all(f.page is not None for s in sections for f in s.footnotes)
    assert quote_page_problems(content.sections, lambda p: pages.get(p, "")) == []
    # The check would see a paragraph cited on the wrong page.
    s = _section(content, "section/3-1-3")
    moved = s.model_copy(update={"body": [Paragraph(text=s.body[-1].text, page=36)]})  # type: ignore[union-attr]
    assert quote_page_problems([moved], lambda p: pages.get(p, ""))


def test_list_of_acronyms_entries_cite_its_page(content: Content) -> None:
    listed = [g for g in content.glossary if g.source.ref == "List of acronyms"]
    assert len(listed) == 55
    assert {g.source.cite() for g in listed} == {"List of acronyms, p. 11"}  # the page before the Introduction's


def test_summaries_and_search_quote_the_page(store: ReportStore) -> None:
    summary = store.summary("section/3-1-3")
    assert summary is not None and summary.cite() == "Chapter III, 1.3, pp. 36–48"
    assert SourceRef("Appendix 4", 107).cite() == "Appendix 4, p. 107"
    # A hit on a section over several pages cites the page its snippet is quoted from.
    pages = store.report_pages()
    cited = []
    for hit in search(store, "victims", limit=200).hits:
        summary = store.summary(hit.id)
        if hit.kind is Kind.SECTION and summary is not None and summary.source.page_end:
            m = re.search(r", p\. (\d+)$", hit.where)
            if m is None:  # a snippet that cannot be placed (one cut from headings) cites the range
                assert hit.where.endswith(summary.cite()), hit.where
                continue
            page = int(m.group(1))
            piece = letters(max(hit.snippet_text.split("…"), key=len))
            middle = piece[(len(piece) - 24) // 2 :][:24]  # a snippet may run over a page break: its middle
            assert middle in letters(pages[page]), (hit.id, page)
            cited.append(page != summary.source.page)
    assert cited and any(cited)  # some snippets are quoted from a later page than the section's first


def test_export_carries_page_ranges(store: ReportStore) -> None:
    from htdesk.build.assemble import load_content
    from htdesk.build.database import export_document
    from htdesk.paths import content_dir, report_path

    doc = json.loads(json.dumps(export_document(load_content(report_path(), content_dir()), {})))
    sec = next(s for s in doc["sections"] if s["id"] == "section/3-1-3")
    assert sec["source"] == {"ref": "Chapter III, 1.3", "page": 36, "page_end": 48}
    assert all("page" in b for b in sec["body"])
    assert re.fullmatch(r"\d+", str(sec["footnotes"][0]["page"]))
    assert store.counts()[Kind.SECTION.value] == 78
