"""Gather everything one page or one comparison needs, so the renderer never queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from htdesk.content.kinds import APPENDICES, Dimension, Kind, SourceRef
from htdesk.store.report import DatabaseCorrupt, ReportStore, Summary

if TYPE_CHECKING:
    from htdesk.content.models import Record, Section


@dataclass(frozen=True)
class LinkIndex:
    """What the renderer may turn into links: acronyms, names, appendices."""

    acronyms: dict[str, tuple[str, str]]  # acronym -> (glossary id, expansion tooltip)
    names: dict[str, str]  # country name -> record id
    appendices: dict[int, str]  # appendix number -> section id
    bodies: dict[str, dict[str, str]] = field(default_factory=dict)  # country code -> body name -> id
    # country code -> acronym -> (glossary id, tooltip): that country's meaning of an acronym with several
    country_acronyms: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    # Compiled link patterns per page country, filled by the renderer: one regex of every
    # acronym and name costs more to compile than to render a page.
    patterns: dict[str | None, object] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class PageData:
    """One record with its place in the report and the records it relates to."""

    record: Record
    title: str
    breadcrumbs: list[Summary] = field(default_factory=list)
    related: list[tuple[str, list[Summary]]] = field(default_factory=list)  # (heading, records)
    # The report's own warnings that bear on the record (the appendices' footnote 57), with their source.
    caveats: list[tuple[str, SourceRef]] = field(default_factory=list)


class ComparedStatement(NamedTuple):
    """A statement on a dimension, with its source: the content model's Statement, as a comparison reads it."""

    text: str
    source: SourceRef


class ComparedSummary(NamedTuple):
    """A country's short answer on a dimension (the content model's DimensionSummary), as a comparison reads it."""

    text: str
    source: SourceRef | None
    see_also: list[SourceRef]

    @property
    def sources(self) -> list[SourceRef]:
        """Every source the summary cites, the main one first."""
        return ([self.source] if self.source else []) + self.see_also


def _source(data: dict[str, Any]) -> SourceRef:
    return SourceRef(data["ref"], data.get("page"))


class ComparedCountry(NamedTuple):
    """What a comparison shows of a country profile (content.models.Country), read from its stored JSON.

    Not through pydantic: a comparison is opened early and often, and loading pydantic would add some
    150 ms to the first one (or to a start on it). The JSON was validated when the database was built,
    and `htdesk check` validates it again; tests hold this reading to the model's.
    """

    code: str
    name: str
    status_tags: list[str]
    first_nap_year: int | None
    has_rapporteur: bool | None
    dimensions: dict[Dimension, list[ComparedStatement]]
    summaries: dict[Dimension, ComparedSummary]
    source: SourceRef  # the country's profile in the report

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ComparedCountry:
        """From a country record's data as the database stores it (the model's JSON dump)."""
        return cls(
            code=data["code"],
            name=data["name"],
            status_tags=list(data.get("status_tags") or []),
            first_nap_year=data.get("first_nap_year"),
            has_rapporteur=data.get("has_rapporteur"),
            dimensions={
                Dimension(dim): [ComparedStatement(s["text"], _source(s["source"])) for s in said]
                for dim, said in data["dimensions"].items()
            },
            summaries={
                Dimension(dim): ComparedSummary(
                    s["text"],
                    _source(s["source"]) if s.get("source") else None,
                    [_source(x) for x in s.get("see_also") or []],
                )
                for dim, s in (data.get("summaries") or {}).items()
            },
            source=_source(data["source"]),
        )


@dataclass
class ComparisonData:
    """Countries side by side, with each one's institutions and practices."""

    countries: list[ComparedCountry]
    institutions: dict[str, list[Summary]]
    practices: dict[str, list[Summary]]


def link_index(store: ReportStore) -> LinkIndex:
    appendices = {}
    for sid, _parent, _title in store.section_tree():
        if sid.startswith("section/appendix-"):
            appendices[int(sid.rsplit("-", 1)[1])] = sid
    return LinkIndex(
        store.glossary_index(), store.name_index(), appendices, store.body_names(), store.country_glossary_index()
    )


def _crumbs(store: ReportStore, rec: Record) -> list[Summary]:
    """The path from the report's top to the record, for breadcrumbs and the tree."""
    chain: list[Summary] = []
    r: Any = rec
    match r.kind:
        case Kind.SECTION:
            parents = {sid: parent for sid, parent, _ in store.section_tree()}
            cur = parents.get(r.id)
            while cur:
                if s := store.summary(cur):
                    chain.insert(0, s)
                cur = parents.get(cur)
        case Kind.FIGURE:
            if s := store.summary(r.section):
                chain = [*_crumbs(store, store.record(r.section)), s]  # type: ignore[arg-type]
        case Kind.INSTITUTION:
            if s := store.summary(f"country/{r.country}"):
                chain.append(s)
            parent = r.parent
            parents: list[Summary] = []
            while parent:
                p: Any = store.record(parent)
                if p is None or p.kind is not Kind.INSTITUTION:
                    break
                parents.insert(0, store.summary(parent))  # type: ignore[arg-type]
                parent = p.parent
            chain.extend(parents)
        case Kind.PRACTICE:
            if s := store.summary(r.theme):
                chain.append(s)
    return chain


def page_data(store: ReportStore, record_id: str) -> PageData | None:
    rec = store.record(record_id)
    summary = store.summary(record_id)
    if rec is None or summary is None:
        return None
    data = PageData(record=rec, title=summary.title, breadcrumbs=_crumbs(store, rec))
    rel = data.related
    r: Any = rec
    match r.kind:
        case Kind.SECTION:
            children = [store.summary(sid) for sid, parent, _ in store.section_tree() if parent == rec.id]
            rel.append(("In this section", [c for c in children if c]))
            rel.append(("Figures and tables", store.linked_from(rec.id, "section")))
            rel[-1] = ("Figures and tables", [s for s in rel[-1][1] if s.kind is Kind.FIGURE])
            rel.append(
                (
                    "Institutions discussed here",
                    [s for s in store.linked_from(rec.id, "section") if s.kind is Kind.INSTITUTION],
                )
            )
            rel.append(("Practices", store.linked_from(rec.id, "theme")))
            if rec.id.startswith("section/appendix-"):
                code = _appendix_country(store, r)
                if code:
                    rel.insert(0, ("Institutions in this appendix", store.institutions_of(code)))
        case Kind.COUNTRY:
            rel.append(("Institutional framework", store.institutions_of(r.code)))
            rel.append(("Prevention practices", store.practices_of(r.code)))
        case Kind.INSTITUTION:
            if r.parent and (p := store.summary(r.parent)):
                rel.append(("Part of", [p]))
            rel.append(("Bodies within it", store.linked_from(rec.id, "parent")))
            rel.append(("Glossary", [s for g in r.glossary if (s := store.summary(g))]))
            rel.append(("Discussed in", [s for sec in r.sections if (s := store.summary(sec))]))
        case Kind.GLOSSARY:
            rel.append(("Bodies with this acronym", store.linked_from(rec.id, "glossary")))
        case Kind.PRACTICE:
            rel.append(("Countries", [s for c in r.countries if (s := store.summary(f"country/{c}"))]))
            rel.append(("Figures", [s for f in r.figures if (s := store.summary(f))]))
            rel.append(("Institutions", [s for i in r.institutions if (s := store.summary(i))]))
        case Kind.FIGURE:
            rel.append(("Practices", store.linked_from(rec.id, "figure")))
    data.related = [(h, items) for h, items in rel if items]
    if r.kind is Kind.INSTITUTION or rec.id.startswith("section/appendix-"):
        data.caveats = _appendix_caveats(store)
    return data


def _appendix_caveats(store: ReportStore) -> list[tuple[str, SourceRef]]:
    """The footnotes of the appendices' divider page, cited: the report's warning about its institutional data."""
    divider: Any = store.record(APPENDICES)
    if divider is None:
        return []
    return [(f.text, SourceRef(f"{divider.source.ref}, note {f.number}", f.page)) for f in divider.footnotes]


def _appendix_country(store: ReportStore, rec: Section) -> str | None:
    for row in store.query("SELECT code, name FROM countries"):
        if row["name"] in rec.title:
            return row["code"]
    return None


def comparison_data(store: ReportStore, codes: list[str]) -> ComparisonData:
    countries: list[ComparedCountry] = []
    for code in codes:
        data = store.record_data(f"country/{code}")
        if data is not None and data[0] is Kind.COUNTRY:
            try:
                countries.append(ComparedCountry.from_json(data[1]))
            except (KeyError, TypeError, ValueError) as exc:  # as the model's validation error would be
                raise DatabaseCorrupt(f"Record country/{code} does not fit this HT Desk: {exc!r}") from None
    return ComparisonData(
        countries=countries,
        institutions={c.code: store.institutions_of(c.code) for c in countries},
        practices={c.code: store.practices_of(c.code) for c in countries},
    )


def resolve_countries(store: ReportStore, names: list[str]) -> tuple[list[str], list[str]]:
    """Codes for the given codes or names, and the inputs that match no country."""
    rows = store.query("SELECT code, name FROM countries ORDER BY name")
    by_key = {}
    for r in rows:
        by_key[r["code"]] = r["code"]
        by_key[r["name"].casefold()] = r["code"]
        by_key[r["name"].casefold().removeprefix("the ")] = r["code"]
    aliases = {"uk": "gb", "united kingdom": "gb", "usa": "us", "us": "us", "holland": "nl"}
    codes, unknown = [], []
    for n in names:
        key = n.strip().casefold()
        code = by_key.get(key) or (aliases.get(key) if aliases.get(key) in by_key else None)
        if code:
            if code not in codes:
                codes.append(code)
        else:
            unknown.append(n)
    return codes, unknown


def country_choices(store: ReportStore) -> list[tuple[str, str]]:
    """(code, name) of every country with a profile, by name."""
    return [(r["code"], r["name"]) for r in store.query("SELECT code, name FROM countries ORDER BY name")]
