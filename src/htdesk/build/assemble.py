"""Gather every record from the report text and the curated content, validated and ordered."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from htdesk.build.pages import build_page_map, page_texts
from htdesk.build.sections import load_spec, parse_sections
from htdesk.content.curated import (
    ContentError,
    check_unique,
    figure_line_ranges,
    load_country,
    load_figures,
    load_french_terms,
    load_glossary,
    load_institutions,
    load_practices,
)
from htdesk.content.models import (
    Country,
    Figure,
    FrenchTerm,
    GlossaryEntry,
    Institution,
    Kind,
    Practice,
    Record,
    Section,
)
from htdesk.content.text import references_of


@dataclass
class Content:
    """Every record of the report, each kind in display order."""

    sections: list[Section] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    practices: list[Practice] = field(default_factory=list)
    # French search terms (a search aid: never shown as the report's content).
    french_terms: list[FrenchTerm] = field(default_factory=list)
    # The report's text by printed page: what summaries are held to (content.trace) when built and checked.
    report_pages: dict[int, str] = field(default_factory=dict)

    def by_kind(self) -> dict[Kind, list[Record]]:
        return {
            Kind.SECTION: list(self.sections),
            Kind.FIGURE: list(self.figures),
            Kind.GLOSSARY: list(self.glossary),
            Kind.COUNTRY: list(self.countries),
            Kind.INSTITUTION: list(self.institutions),
            Kind.PRACTICE: list(self.practices),
        }

    def all(self) -> list[Record]:
        return [r for recs in self.by_kind().values() for r in recs]


def load_content(report: Path, content_dir: Path) -> Content:
    """Parse the report and read the curated files; raise ContentError on any bad record."""
    lines = report.read_text("utf-8").split("\n")
    pm = build_page_map(lines)
    page_of = pm.page_of
    figures_file = content_dir / "figures.toml"
    ranges = figure_line_ranges(figures_file) if figures_file.exists() else []
    c = Content(report_pages=page_texts(lines, pm))
    c.sections = parse_sections(lines, pm, load_spec(content_dir / "sections.toml"), ranges)
    if figures_file.exists():
        c.figures = load_figures(figures_file, page_of)
    if (g := content_dir / "glossary.toml").exists():
        c.glossary = sorted(load_glossary(g, page_of), key=lambda e: (e.name.casefold(), e.id))
    for p in sorted((content_dir / "countries").glob("*.toml")):
        c.countries.append(load_country(p, page_of))
    c.countries.sort(key=lambda x: x.name)
    for p in sorted((content_dir / "institutions").glob("*.toml")):
        c.institutions.extend(load_institutions(p, page_of))
    if (pr := content_dir / "practices.toml").exists():
        c.practices = load_practices(pr, page_of)
    if (ft := content_dir / "french_terms.toml").exists():
        c.french_terms = load_french_terms(ft)
    check_unique(c.all())
    return c


def dangling_references(content: Content) -> list[str]:
    """Every cross-reference whose target is not a record, as 'source -> target'."""
    ids = {r.id for r in content.all()}
    return [
        f"{r.id} -> {target} ({rel})" for r in content.all() for rel, target in references_of(r) if target not in ids
    ]


__all__ = ["Content", "ContentError", "dangling_references", "load_content"]
