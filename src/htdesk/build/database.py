"""Write data/ht.sqlite from the content: schema, a pure populate(), and a thin writer."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from htdesk import __version__
from htdesk.build.assemble import Content
from htdesk.build.contents import contents_rows
from htdesk.content.kinds import REPORT_CITATION
from htdesk.content.models import EXPORT_KEYS, Kind, Record
from htdesk.content.text import keywords_of, references_of, search_text_of, title_of
from htdesk.render.pages import rendered_pages
from htdesk.store.query import fold
from htdesk.store.report import SCHEMA_VERSION, ReportStore

# One plain index: it answers prefixes as a trainer types ("coordinat*"). A Porter index would
# store "coordin" and miss that prefix; word forms ("coordinate" ~ "coordination") are found
# instead by expanding each word to the vocabulary words with the same stem (store/query.py).
FTS_TOKENIZERS = {
    "search_fts": "unicode61 remove_diacritics 2",
}
# Weighted apart by the search (store/search.py WEIGHTS): a title counts most, then names and
# acronyms, headings, the running text, and notes (footnotes, sources) least.
FTS_COLUMNS = ("title", "keywords", "headings", "body", "notes")
# A word written with hyphens ("co-operation"): search finds it from "cooperation" too.
HYPHENATED = re.compile(r"(?<![\w-])\w+(?:-\w+)+(?![\w-])")

KIND_COLUMNS: dict[Kind, dict[str, type]] = {
    Kind.SECTION: {"parent": str, "ord": int, "level": int, "number": str},
    Kind.FIGURE: {"number": int, "label": str, "section": str},
    Kind.GLOSSARY: {
        "acronym": str,
        "expansion_en": str,
        "acronym_fr": str,
        "expansion_fr": str,
        "from_body": int,
    },
    Kind.COUNTRY: {"code": str, "name": str},
    Kind.INSTITUTION: {"country": str, "name": str, "acronym": str, "parent": str},
    Kind.PRACTICE: {"name": str, "theme": str, "year": int},
}

# One table per kind, named as the export names the kind.
TABLE_OF: dict[Kind, str] = EXPORT_KEYS


def _kind_row(rec: Record) -> dict[str, Any]:
    data = rec.model_dump(mode="json")
    row: dict[str, Any] = {"id": rec.id}
    for col in KIND_COLUMNS[rec.kind]:
        if col == "ord":
            row[col] = data["order"]
        elif col == "from_body":
            row[col] = int(data["from_body"])
        else:
            row[col] = data.get(col)
    return row


def _country_of(rec: Record) -> str | None:
    data = rec.model_dump()
    if "country" in data:
        return data["country"]
    if "code" in data:
        return data["code"]
    if data.get("countries"):
        return ",".join(data["countries"])
    return None


def export_document(content: Content, meta: dict[str, Any]) -> dict[str, Any]:
    """The stable JSON view of the data: {"meta", "sections", ..., "practices"}."""
    doc: dict[str, Any] = {"meta": meta}
    for kind, recs in content.by_kind().items():
        items = []
        for rec in recs:
            item = {"id": rec.id, "title": title_of(rec), **rec.model_dump(mode="json", exclude={"id"})}
            items.append(item)
        doc[EXPORT_KEYS[kind]] = items
    return doc


def french_term_rows(content: Content) -> list[tuple[str, list[str]]]:
    """Each French form (folded) and its English: the curated terms, then the glossary's own pairs."""
    from htdesk.store.crosslang import term_key

    pairs: dict[str, list[str]] = {}

    def add(french: str, english: list[str]) -> None:
        key = term_key(french)
        if key and english:
            known = pairs.setdefault(key, [])
            known += [e for e in english if e not in known]

    for term in content.french_terms:
        for form in term.fr:
            add(form, list(term.en))
    for entry in content.glossary:
        # The report's own bilingual pairs: "Gendarmerie royale du Canada" finds the RCMP's records.
        if entry.expansion_fr and entry.expansion_en:
            add(entry.expansion_fr, [entry.expansion_en])
        if entry.acronym_fr and entry.acronym_fr.casefold() != entry.acronym.casefold():
            add(entry.acronym_fr, [entry.acronym])
    return sorted(pairs.items())


def content_hash(content: Content) -> str:
    doc = export_document(content, {})
    blob = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def populate(db: sqlite_utils.Database, content: Content, build_time: str) -> None:
    """Create the schema and insert every record; pure apart from the given database."""
    conn = db.conn
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db["records"].create(
        {
            "rowid": int,
            "id": str,
            "kind": str,
            "title": str,
            "ord": int,
            "country": str,
            "source_ref": str,
            "source_page": int,
            "source_page_end": int,
            "data": str,
        },
        pk="rowid",
        not_null={"id", "kind", "title", "source_ref", "data"},
    )
    db["records"].create_index(["id"], unique=True)
    db["records"].create_index(["kind", "ord"])
    for kind, cols in KIND_COLUMNS.items():
        db[TABLE_OF[kind]].create({"id": str, **cols}, pk="id")
    db["links"].create({"src": str, "rel": str, "dst": str}, pk=("src", "rel", "dst"))
    db["links"].create_index(["dst"])
    db["search_index"].create(
        {
            "rowid": int,
            "id": str,
            "kind": str,
            "title": str,
            "keywords": str,
            "headings": str,
            "body": str,
            "notes": str,
            "country": str,
        },
        pk="rowid",
    )
    # Every record's page as the reading pane shows it (filled by write_pages once the rest is in).
    db["pages"].create({"id": str, "html": str}, pk="id", not_null={"html"})
    # The report's text page by page, so that `htdesk check` can hold summaries to the pages they
    # cite where the report itself is not installed.
    db["report_pages"].create({"page": int, "text": str}, pk="page", not_null={"text"})
    # French forms a trainer may type, folded, and the report's English for them (store.crosslang).
    db["french_terms"].create({"form": str, "en": str}, pk="form", not_null={"en"})
    # The app's contents tree as it shows it, so that start-up reads it rather than shapes it.
    db["contents"].create(
        {"node": int, "parent": int, "title": str, "record_id": str, "tooltip": str},
        pk="node",
        not_null={"title", "tooltip"},
    )

    # Rows are gathered first and written with insert_all: one statement batch per table
    # instead of a commit per record keeps a build to a second.
    records, index, links = [], [], []
    country_names = {c.code: c.name for c in content.by_kind().get(Kind.COUNTRY, [])}  # type: ignore[attr-defined]
    kind_rows: dict[Kind, list[dict[str, Any]]] = {k: [] for k in KIND_COLUMNS}
    rowid = 0
    for kind, recs in content.by_kind().items():
        for ord_, rec in enumerate(recs):
            rowid += 1
            title = title_of(rec)
            country = _country_of(rec)
            records.append(
                {
                    "rowid": rowid,
                    "id": rec.id,
                    "kind": kind.value,
                    "title": title,
                    "ord": ord_,
                    "country": country,
                    "source_ref": rec.source.ref,
                    "source_page": rec.source.page,
                    "source_page_end": rec.source.page_end,
                    "data": rec.model_dump_json(),
                }
            )
            kind_rows[kind].append(_kind_row(rec))
            links.extend({"src": rec.id, "rel": rel, "dst": dst} for rel, dst in references_of(rec))
            text = search_text_of(rec)
            # A record of a country is found by the country's name as by a name of its own:
            # "Norway" puts Norway's institutions and practices above profiles that mention it.
            names = [country_names[c] for c in (country or "").split(",") if c in country_names]
            if kind is Kind.COUNTRY:
                names = []  # the profile's title is the name
            index.append(
                {
                    "rowid": rowid,
                    "id": rec.id,
                    "kind": kind.value,
                    "title": title,
                    "keywords": " ".join(p for p in (keywords_of(rec), *names) if p),
                    "headings": text.headings,
                    "body": text.body,
                    "notes": text.notes,
                    "country": country,
                }
            )
    db["records"].insert_all(records)
    for kind, rows in kind_rows.items():
        db[TABLE_OF[kind]].insert_all(rows)
    db["links"].insert_all(links, ignore=True)
    db["search_index"].insert_all(index)
    db["contents"].insert_all(row._asdict() for row in contents_rows(content))
    db["french_terms"].insert_all(
        {"form": form, "en": json.dumps(en, ensure_ascii=False)} for form, en in french_term_rows(content)
    )
    db["report_pages"].insert_all({"page": page, "text": text} for page, text in sorted(content.report_pages.items()))

    cols = ", ".join(FTS_COLUMNS)
    for table, tokenizer in FTS_TOKENIZERS.items():
        prefix = ", prefix='2 3 4'" if "porter" not in tokenizer else ""
        conn.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5({cols}, content='search_index', "
            f"content_rowid='rowid', tokenize='{tokenizer}'{prefix})"
        )
        conn.execute(f"INSERT INTO {table}({table}) VALUES('rebuild')")
        conn.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")
    # The vocabulary of the plain index, for "Did you mean ..." suggestions.
    conn.execute("CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')")
    db["search_compounds"].create({"word": str, "parts": str}, pk="word")
    db["search_compounds"].insert_all(
        ({"word": w, "parts": " ".join(p)} for w, p in hyphenated_words(index)),
        replace=True,
    )

    counts = {EXPORT_KEYS[k]: len(v) for k, v in content.by_kind().items()}
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "app_version": __version__,
        "build_time": build_time,
        "content_hash": content_hash(content),
        "citation": REPORT_CITATION,
        "report_date": "2014",
        "counts": json.dumps(counts, sort_keys=True),
    }
    db["meta"].insert_all(({"key": k, "value": v} for k, v in meta.items()))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def hyphenated_words(rows: Iterable[dict[str, Any]]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Words the rows write with hyphens, folded and joined, and their parts: ("cooperation", ("co", "operation"))."""
    for row in rows:
        for col in FTS_COLUMNS:
            for m in HYPHENATED.finditer(row[col] or ""):
                parts = tuple(fold(p) for p in m.group(0).split("-"))
                if "_" not in m.group(0):
                    yield "".join(parts), parts


def write_pages(db: sqlite_utils.Database, path: Path) -> None:
    """Render the pages from the records already written to ``path`` (committed) and store them.

    Rendered from the database itself, through the store calls and the renderer the app uses for
    everything else it shows; `htdesk check` holds each stored page to a fresh rendering.
    """
    store = ReportStore(path)
    try:
        pages = rendered_pages(store)
    finally:
        store.close()
    db["pages"].insert_all(pages)


def write_database(content: Content, out: Path) -> Path:
    """Build into a temporary file and move it into place, so a failed build leaves no half file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".ht-", suffix=".sqlite", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        db = sqlite_utils.Database(conn)
        build_time = datetime.now(UTC).replace(microsecond=0).isoformat()
        with conn:
            populate(db, content, build_time)
        with conn:
            write_pages(db, tmp)
        conn.execute("VACUUM")
        conn.close()
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out
