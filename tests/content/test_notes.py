"""Notes: the report's words apart from HT Desk's editorial remarks, which speak plainly to a trainer."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from htdesk.build.assemble import Content
from htdesk.content.kinds import Kind, NoteKind
from htdesk.content.models import Note
from htdesk.render.html import home_html, page_html
from htdesk.store.pages import link_index, page_data
from htdesk.store.report import ReportStore

# What trainers met in notes before notes had kinds: words about how the text was got, and file lines.
NOT_FOR_TRAINERS = [
    "placement of this cell is uncertain in the source",
    "flattened by the extraction",
    "French name not in the text",
    "extraction",
    "extracted",
]


def _notes(content: Content) -> list[tuple[str, Note]]:
    recs = [*content.glossary, *content.institutions, *content.figures]
    return [(r.id, n) for r in recs for n in r.notes]  # type: ignore[attr-defined]


def test_every_note_has_a_kind_and_both_kinds_are_used(content: Content) -> None:
    kinds = {n.kind for _, n in _notes(content)}
    assert kinds == {NoteKind.REPORT, NoteKind.EDITORIAL}


def test_no_page_speaks_of_extraction_or_file_lines(store: ReportStore) -> None:
    bad = []
    for rid, html in store.rows("SELECT id, html FROM pages"):
        text = re.sub(r"<[^>]+>", " ", html)
        bad += [f"{rid}: {w!r}" for w in NOT_FOR_TRAINERS if w.casefold() in text.casefold()]
        bad += [f"{rid}: {m!r}" for m in re.findall(r"\blines? \d{3,4}\b", text)]
    assert not bad, "\n".join(bad[:20])


def test_an_editorial_note_may_not_name_lines_or_extraction() -> None:
    with pytest.raises(ValidationError, match="plain words"):
        Note(kind=NoteKind.EDITORIAL, text="The cell is split in the extraction")
    with pytest.raises(ValidationError, match="plain words"):
        Note(kind=NoteKind.EDITORIAL, text="See line 3469")
    assert Note(kind=NoteKind.EDITORIAL, text="The report's table is ambiguous here: p. 66").text


def test_editorial_notes_are_set_apart_on_screen_and_printed_only_on_request(store: ReportStore) -> None:
    data = page_data(store, "institution/gb/police")
    assert data is not None
    links = link_index(store)
    screen = page_html(data, links)
    printed = page_html(data, links, for_print=True)
    asked = page_html(data, links, for_print=True, editorial=True)
    editorial = [n.text for n in data.record.notes if n.kind is NoteKind.EDITORIAL]  # type: ignore[attr-defined]
    report = [n.text for n in data.record.notes if n.kind is NoteKind.REPORT]  # type: ignore[attr-defined]
    assert editorial and report
    assert '<p class="editorial"><b>HT Desk note:</b>' in screen and '<p class="editorial">' in asked
    assert '<p class="editorial">' not in printed
    assert "table is ambiguous" in screen and "table is ambiguous" not in printed
    assert "Figure 23" in printed  # the report's own notes are printed


def test_export_carries_note_kinds(store: ReportStore, tmp_path: Path) -> None:
    from htdesk.build.assemble import load_content
    from htdesk.build.database import export_document
    from htdesk.paths import content_dir, report_path

    doc = json.loads(json.dumps(export_document(load_content(report_path(), content_dir()), {})))
    kinds = {n["kind"] for key in ("glossary", "institutions", "figures") for r in doc[key] for n in r["notes"]}
    assert kinds == {"report", "editorial"}


def test_home_page_says_how_many_glossary_entries_give_a_french_name(store: ReportStore) -> None:
    html = home_html(store.meta(), store.summaries(Kind.COUNTRY), [], store.home_counts())
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    french = sum(1 for g in store.records(Kind.GLOSSARY) if g.expansion_fr)  # type: ignore[attr-defined]
    assert french < store.counts()["glossary"]
    assert f"{store.counts()['glossary']} entries, {french} of them with the French name the report gives" in text
    assert "English and French" not in text


def test_handout_prints_editorial_notes_only_in_the_trainers_copy(store: ReportStore) -> None:
    from types import SimpleNamespace

    from htdesk.output.handout import handout_items

    mark = SimpleNamespace(record_id="institution/gb/police", title="Police", note="")
    plain = handout_items(store, [mark])[0].html  # type: ignore[list-item]
    asked = handout_items(store, [mark], notes=True)[0].html  # type: ignore[list-item]  # the trainer's copy
    assert "table is ambiguous" not in plain and "table is ambiguous" in asked
