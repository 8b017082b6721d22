"""Plain-text views of records: titles, searchable text and cross-references; no Qt, no SQL."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from htdesk.content.models import (
    DIMENSION_LABELS,
    Block,
    Country,
    Figure,
    GlossaryEntry,
    Institution,
    Note,
    NoteKind,
    Practice,
    Record,
    Section,
)


def report_notes(notes: Iterable[Note]) -> list[str]:
    """The texts of the notes that are the report's words: editorial notes are HT Desk's, never searched."""
    return [n.text for n in notes if n.kind is NoteKind.REPORT]


def title_of(rec: Record) -> str:
    """The title a reader sees in lists, tabs and citations."""
    match rec:
        case Section(number=num, title=t) if num:
            return f"{num} {t}" if not num.startswith("Appendix") else f"{num}. {t}"
        case Section(title=t) | Figure(title=t):
            if isinstance(rec, Figure):
                # Unnumbered figures go by their title alone, not "Unnumbered figure. ...".
                return t if rec.number is None and rec.label.startswith("Unnumbered") else f"{rec.label}. {t}"
            return t
        case GlossaryEntry():
            return rec.name
        case Institution(name=n, acronym=a):
            return f"{n} ({a})" if a and a not in n else n
        case Country(name=n) | Practice(name=n):
            return n
    raise TypeError(f"unknown record {rec!r}")


def block_text(blocks: Iterable[Block], headings: bool | None = None) -> Iterator[str]:
    """The text of blocks: all of it, only the headings (``headings=True``) or all but them (False)."""
    for b in blocks:
        if headings is not None and (b.type == "heading") != headings:
            continue
        match b.type:
            case "p" | "quote" | "heading":
                yield b.text  # type: ignore[union-attr]
            case "list":
                yield from b.items  # type: ignore[union-attr]
            case "table":
                yield " | ".join(b.header)  # type: ignore[union-attr]
                for row in b.rows:  # type: ignore[union-attr]
                    yield " | ".join(row)


def keywords_of(rec: Record) -> str:
    """Names a trainer may type that are not in the title: acronyms, variants, French forms."""
    match rec:
        case GlossaryEntry():
            parts = [
                rec.acronym or "",
                rec.acronym_fr or "",
                *rec.variants,
                rec.expansion_en or "",
                rec.expansion_fr or "",
            ]
        case Institution():
            parts = [rec.acronym or "", rec.name_national or ""]
        case Country():
            parts = [rec.code.upper(), *rec.status_tags]
        case Practice():
            parts = [*rec.organisations]
        case Figure():
            parts = [rec.label]
        case _:
            parts = []
    return " ".join(p for p in parts if p)


# A web address in the report's footnotes: shown on pages, but its pieces are not words of the
# report ("traffic_NGO" in a path matched the typo "trafficing"), so search neither finds nor
# suggests them. The search text keeps an omission mark in its place.
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:)\]]", re.IGNORECASE)
OMITTED_ADDRESS = "[…]"


class SearchText(NamedTuple):
    """A record's searchable text by field, weighted apart: headings, body, notes (footnotes, sources)."""

    headings: str
    body: str
    notes: str


def search_text_of(rec: Record) -> SearchText:
    """All the text of a record a reader can see, by field, for full-text search and snippets.

    Editorial notes are left out: they are HT Desk's words to a trainer, not the report's (shown,
    not searched); and web addresses (WEB_ADDRESS), which are not words.
    """
    headings: list[str] = []
    notes: list[str] = []
    match rec:
        case Section():
            headings = [*block_text(rec.body, headings=True)]
            body = [*block_text(rec.body, headings=False)]
            notes = [f.text for f in rec.footnotes]
        case Figure():
            body = [*block_text(rec.body)]
            notes = [rec.source_line or "", *report_notes(rec.notes)]
        case GlossaryEntry():
            body = [rec.expansion_en or "", rec.expansion_fr or ""]
            notes = report_notes(rec.notes)
        case Institution():
            body = [rec.name, rec.name_national or "", *rec.composition, *rec.mission]
            notes = report_notes(rec.notes)
        case Country():
            body = [rec.summary or ""]
            for dim, statements in rec.dimensions.items():
                body.append(DIMENSION_LABELS[dim])
                body.extend(s.text for s in statements)
        case Practice():
            headings = [*block_text(rec.description, headings=True)]
            body = [
                *block_text(rec.description, headings=False),
                rec.target_group or "",
                rec.evaluation or "",
                *rec.organisations,
            ]
        case _:
            body = []

    def joined(parts: list[str]) -> str:
        return WEB_ADDRESS.sub(OMITTED_ADDRESS, "\n".join(p for p in parts if p))

    return SearchText(joined(headings), joined(body), joined(notes))


def references_of(rec: Record) -> Iterator[tuple[str, str]]:
    """(relation, target id) for every cross-reference a record makes."""
    match rec:
        case Section(parent=p) if p:
            yield "parent", p
        case Figure():
            yield "section", rec.section
        case Institution():
            yield "country", f"country/{rec.country}"
            if rec.parent:
                yield "parent", rec.parent
            for g in rec.glossary:
                yield "glossary", g
            for s in rec.sections:
                yield "section", s
        case Practice():
            for c in rec.countries:
                yield "country", f"country/{c}"
            yield "theme", rec.theme
            for f in rec.figures:
                yield "figure", f
            for i in rec.institutions:
                yield "institution", i
    return
