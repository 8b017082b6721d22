"""Full-text search over the report: ranked, grouped, forgiving; the app and the CLI share it."""

from __future__ import annotations

import difflib
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from htdesk.content.models import Kind
from htdesk.store.query import ParsedQuery, fts_expression, parse_query
from htdesk.store.report import ReportStore, StoreError

HL_START, HL_END = "\x02", "\x03"  # snippet markers; renderers turn them into highlighting

GROUP_ORDER = (Kind.GLOSSARY, Kind.COUNTRY, Kind.INSTITUTION, Kind.PRACTICE, Kind.SECTION, Kind.FIGURE)
KIND_LABELS = {
    Kind.GLOSSARY: "Glossary",
    Kind.COUNTRY: "Countries",
    Kind.INSTITUTION: "Institutions",
    Kind.PRACTICE: "Practices",
    Kind.SECTION: "Sections",
    Kind.FIGURE: "Figures",
}
# bm25 weights for (title, keywords, body): a match in a title or an acronym counts more.
WEIGHTS = (10.0, 8.0, 1.0)
FEW_HITS = 3


class SearchError(Exception):
    """A bad filter (unknown kind or country); the query text itself never raises."""


@dataclass(frozen=True)
class Hit:
    id: str
    kind: Kind
    title: str
    where: str
    snippet: str  # with HL_START/HL_END around matched words
    score: float
    country: str | None

    @property
    def snippet_text(self) -> str:
        return self.snippet.replace(HL_START, "").replace(HL_END, "")


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    counts: dict[Kind, int] = field(default_factory=dict)
    suggestion: str | None = None
    words: list[str] = field(default_factory=list)

    def grouped(self) -> list[tuple[Kind, list[Hit]]]:
        return [
            (k, [h for h in self.hits if h.kind is k])
            for k in GROUP_ORDER
            if any(h.kind is k for h in self.hits)
        ]


def _resolve_country(store: ReportStore, country: str | None) -> str | None:
    if not country:
        return None
    wanted = country.strip().casefold()
    for row in store.query("SELECT code, name FROM countries"):
        if wanted in (row["code"], row["name"].casefold()):
            return row["code"]
    valid = ", ".join(r["code"] for r in store.query("SELECT code FROM countries ORDER BY code"))
    raise SearchError(f"unknown country {country!r}; valid: {valid}")


def _resolve_kind(kind: str | None) -> Kind | None:
    if not kind:
        return None
    k = kind.strip().casefold().rstrip("s")
    aliases = {"countrie": "country", "practice": "practice", "glossary": "glossary", "acronym": "glossary"}
    k = aliases.get(k, k)
    try:
        return Kind(k)
    except ValueError:
        raise SearchError(f"unknown kind {kind!r}; valid: {', '.join(x.value for x in Kind)}") from None


def _filters(kind: Kind | None, country: str | None) -> tuple[str, list[Any]]:
    sql, params = "", []
    if kind:
        sql += " AND s.kind = ?"
        params.append(kind.value)
    if country:
        sql += " AND (',' || s.country || ',') LIKE ?"
        params.append(f"%,{country},%")
    return sql, params


def _ranked(
    store: ReportStore, table: str, expr: str, filt: tuple[str, list[Any]], limit: int
) -> list[sqlite3.Row]:
    w = ", ".join(str(x) for x in WEIGHTS)
    sql = (
        f"SELECT s.rowid, s.id, s.kind, s.title, s.country, r.source_ref, r.source_page, "
        f"bm25({table}, {w}) AS score, "
        f"snippet({table}, 2, '{HL_START}', '{HL_END}', '…', 14) AS snip, "
        f"snippet({table}, 0, '{HL_START}', '{HL_END}', '…', 14) AS title_snip "
        f"FROM {table} JOIN search_index s ON s.rowid = {table}.rowid "
        f"JOIN records r ON r.rowid = s.rowid "
        f"WHERE {table} MATCH ?{filt[0]} ORDER BY score LIMIT ?"
    )
    return store.query(sql, (expr, *filt[1], limit))


def _counts(store: ReportStore, table: str, expr: str, filt: tuple[str, list[Any]]) -> dict[str, set[int]]:
    sql = (
        f"SELECT s.kind, s.rowid FROM {table} JOIN search_index s ON s.rowid = {table}.rowid "
        f"WHERE {table} MATCH ?{filt[0]}"
    )
    out: dict[str, set[int]] = {}
    for row in store.query(sql, (expr, *filt[1])):
        out.setdefault(row["kind"], set()).add(row["rowid"])
    return out


def _acronym_ids(store: ReportStore, q: ParsedQuery) -> list[str]:
    """Records whose acronym is exactly the single word typed: its glossary entry, then its body."""
    if len(q.terms) != 1 or q.phrases:
        return []
    word = q.terms[0]
    rows = store.query(
        "SELECT id FROM glossary WHERE lower(acronym) = ? OR lower(acronym_fr) = ? ORDER BY id", (word, word)
    )
    rows += store.query("SELECT id FROM institutions WHERE lower(acronym) = ? ORDER BY id", (word,))
    return [r["id"] for r in rows]


_VOCAB: dict[int, list[str]] = {}


def _vocabulary(store: ReportStore) -> list[str]:
    key = id(store)
    if key not in _VOCAB:
        rows = store.query("SELECT term FROM search_vocab WHERE length(term) > 2 AND term NOT GLOB '*[0-9]*'")
        _VOCAB[key] = [r["term"] for r in rows]
    return _VOCAB[key]


def suggest(store: ReportStore, q: ParsedQuery) -> str | None:
    """A spelling the database knows, for a query that found little: "rapoteur" -> "rapporteur"."""
    words = q.words()
    if not words:
        return None
    vocab = _vocabulary(store)
    known = set(vocab)
    joined = "".join(words)
    if len(words) > 1 and joined in known:
        return joined  # "lover boy" -> "loverboy"
    out, changed = [], False
    for w in words:
        if w in known or len(w) < 3:
            out.append(w)
            continue
        close = difflib.get_close_matches(w, [v for v in vocab if v[0] == w[0]], n=1, cutoff=0.75)
        if not close:
            close = difflib.get_close_matches(w, vocab, n=1, cutoff=0.8)
        if close:
            out.append(close[0])
            changed = True
        else:
            out.append(w)
    return " ".join(out) if changed else None


def search(
    store: ReportStore,
    text: str,
    *,
    kind: str | Kind | None = None,
    country: str | None = None,
    limit: int = 50,
) -> SearchResult:
    """Search every record; any text gives hits or none, never an error."""
    q = parse_query(text)
    result = SearchResult(query=text, words=q.words())
    if q.empty:
        return result
    k = kind if isinstance(kind, Kind) else _resolve_kind(kind)
    filt = _filters(k, _resolve_country(store, country))
    found: dict[int, tuple[float, sqlite3.Row]] = {}
    members: dict[str, set[int]] = {}
    # Prefixes on the plain index ("coordinat*") and word forms on the Porter index
    # ("coordinate" ~ "coordination"); a record found by both keeps its better score.
    for table, prefix in (("search_fts", True), ("search_stem", True)):
        expr = fts_expression(q, prefix=prefix)
        try:
            rows = _ranked(store, table, expr, filt, limit * 2)
            for kind_name, ids in _counts(store, table, expr, filt).items():
                members.setdefault(kind_name, set()).update(ids)
        except StoreError:
            raise
        for row in rows:
            prev = found.get(row["rowid"])
            if prev is None or row["score"] < prev[0]:
                found[row["rowid"]] = (row["score"], row)
    boosted = _acronym_ids(store, q)
    ordered = sorted(found.values(), key=lambda sr: sr[0])
    ordered.sort(key=lambda sr: boosted.index(sr[1]["id"]) if sr[1]["id"] in boosted else len(boosted))
    for score, row in ordered[:limit]:
        page = row["source_page"]
        where = row["source_ref"] + (f", p. {page}" if page else "")
        snip = row["snip"] or row["title_snip"] or ""
        result.hits.append(
            Hit(row["id"], Kind(row["kind"]), row["title"], where, snip, round(-score, 4), row["country"])
        )
    result.counts = {Kind(name): len(ids) for name, ids in members.items()}
    if len(result.hits) < FEW_HITS:
        result.suggestion = suggest(store, q)
    return result
