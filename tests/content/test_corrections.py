"""Corrections held against the report: footnote 57's place, the list of acronyms' rows, residue."""

from __future__ import annotations

import re

from htdesk.build.assemble import Content
from htdesk.content.kinds import Kind
from htdesk.paths import report_path
from htdesk.store.report import ReportStore

LINES = report_path().read_text("utf-8").split("\n")
WARNING = "The information below may not reflect the latest updates."


def _section(content: Content, sid: str):  # type: ignore[no-untyped-def]
    return next(s for s in content.sections if s.id == sid)


def test_footnote_57_is_the_appendices_divider_note_not_the_conclusion(content: Content) -> None:
    # Lines 4144-4145, on the divider page (p. 94) before Appendix 1.
    assert WARNING.split()[-1] in LINES[4144]
    conclusion = _section(content, "section/conclusion")
    assert all(WARNING not in getattr(b, "text", "") for b in conclusion.body)
    divider = _section(content, "section/appendices")
    assert [(f.number, f.page) for f in divider.footnotes] == [(57, 94)]
    assert divider.footnotes[0].text.endswith(WARNING)


def test_every_appendix_and_institution_page_shows_the_reports_warning(store: ReportStore) -> None:
    ids = [s.id for s in store.summaries(Kind.INSTITUTION)]
    ids += [s.id for s in store.summaries(Kind.SECTION) if s.id.startswith("section/appendix-")]
    assert len(ids) == 109
    for rid in ids:
        page = store.page(rid) or ""
        assert '<p class="warning">' in page and WARNING in page, rid
        assert "Appendices, note 57, p. 94" in page, rid
    assert WARNING not in (store.page("section/conclusion") or "")


def test_list_of_acronyms_rows_without_a_legible_acronym_are_in_the_glossary(content: Content) -> None:
    # Lines 107 and 141: "Coordonnateur national" / "National Coordinator"; lines 190-191 and 267:
    # "Groupe de travail national contre la traite de personnes" / "National Task Force against Human Trafficking".
    assert LINES[106].strip() == "Coordonnateur national" and LINES[140].strip() == "National Coordinator"
    by_id = {g.id: g for g in content.glossary}
    coordinator = by_id["glossary/national-coordinator"]
    assert (coordinator.acronym, coordinator.expansion_en, coordinator.expansion_fr) == (
        None,
        "National Coordinator",
        "Coordonnateur national",
    )
    task_force = by_id["glossary/national-task-force-against-human-trafficking"]
    assert task_force.expansion_fr == "Groupe de travail national contre la traite de personnes"
    assert task_force.acronym is None and task_force.source.ref == "List of acronyms"


def test_residue_is_mended(store: ReportStore) -> None:
    footnotes = store.page("section/3-6-1-d") or ""
    assert "traffic_NGO_2008.pdf" in footnotes and "NGO_200 8" not in footnotes and "at:https" not in footnotes
    training = store.page("section/3-6-2") or ""
    assert "2000, art. 10). Human trafficking" in training and "art. 10 52" not in training
    # The report writes "underrepresentation" (line 2584); no page writes it another way.
    assert "underrepresentation" in LINES[2583]
    for rid, html in store.rows("SELECT id, html FROM pages"):
        assert not re.search(r"under-representation", html), rid
    assert "over- or underrepresentation" in (store.page("country/no") or "")
