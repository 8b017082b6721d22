"""`htdesk check`: verify a report database is whole, current and self-consistent."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from htdesk.content.models import MODEL_OF, Kind
from htdesk.content.trace import summary_problems
from htdesk.store.report import ReportStore, StoreError

FTS_TABLES = ("search_fts",)


def _fts_problems(path: Path) -> list[str]:
    """Ask FTS5 to compare each index with its content table.

    The check is a write statement, and the shipped database is opened read-only, so it
    runs on a private copy.
    """
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "check.sqlite"
        shutil.copyfile(path, copy)
        conn = sqlite3.connect(copy)
        try:
            for table in FTS_TABLES:
                try:
                    conn.execute(f"INSERT INTO {table}({table}, rank) VALUES('integrity-check', 1)")
                except sqlite3.DatabaseError as exc:
                    out.append(f"{table} is out of step with the records: {exc}")
        finally:
            conn.close()
    return out


# Every record's page as this HT Desk renders it (htdesk.render.pages.rendered_pages): passed in by
# the caller, as the store never imports the renderer.
RenderPages = Callable[[ReportStore], list[dict[str, str]]]


def _page_problems(store: ReportStore, rendered_pages: RenderPages) -> list[str]:
    """Stored pages that this HT Desk's renderer would not make: the database needs rebuilding."""
    stored = dict(store.rows("SELECT id, html FROM pages"))
    return [
        f"{page['id']}'s page is not what this HT Desk renders: rebuild the database (htdesk build-db)"
        for page in rendered_pages(store)
        if page["id"] in stored and stored[page["id"]] != page["html"]
    ]


def _consistency_problems(store: ReportStore) -> list[str]:
    """Records that contradict each other: glossary against institutions, countries against the comparison table."""
    from htdesk.content.consistency import comparison_problems, glossary_problems, quote_page_problems

    glossary, institutions = list(store.records(Kind.GLOSSARY)), list(store.records(Kind.INSTITUTION))
    countries, figures = list(store.records(Kind.COUNTRY)), list(store.records(Kind.FIGURE))
    pages = store.report_pages()
    return (
        glossary_problems(glossary, institutions)  # type: ignore[arg-type]
        + comparison_problems(countries, figures)  # type: ignore[arg-type]
        + quote_page_problems(list(store.records(Kind.SECTION)), lambda p: pages.get(p, ""))  # type: ignore[arg-type]
    )


def _summary_problems(store: ReportStore) -> list[str]:
    """Summaries stating a number or name that no page they cite holds (content.trace)."""
    pages = store.report_pages()
    countries = list(store.records(Kind.COUNTRY))
    return summary_problems(countries, lambda page: pages.get(page, ""))  # type: ignore[arg-type]


def check_database(store: ReportStore, render: RenderPages | None = None) -> list[str]:
    """Return one line per problem; an empty list means the database is sound.

    With ``render`` (htdesk.render.pages.rendered_pages) the stored pages are held to it too.
    """
    problems: list[str] = []
    try:
        result = store.query("PRAGMA integrity_check")
        if [r[0] for r in result] != ["ok"]:
            # SQLite's first finding may itself span lines ("*** in database main ***\nPage 169: ...").
            problems.append(f"integrity check failed: {' '.join(str(result[0][0]).split())}")
            return problems
        meta = store.meta()
        for key in ("schema_version", "app_version", "build_time", "content_hash", "citation"):
            if not meta.get(key):
                problems.append(f"metadata lacks {key}")
        n_records = store.query("SELECT count(*) FROM records")[0][0]
        n_index = store.query("SELECT count(*) FROM search_index")[0][0]
        if n_records != n_index:
            problems.append(f"search index holds {n_index} rows for {n_records} records")
        problems.extend(_fts_problems(store.path))
        for row in store.query("SELECT id FROM records WHERE source_ref IS NULL OR trim(source_ref) = ''"):
            problems.append(f"{row['id']} has no source")
        for row in store.query(
            "SELECT l.src, l.rel, l.dst FROM links l LEFT JOIN records r ON r.id = l.dst WHERE r.id IS NULL"
        ):
            problems.append(f"{row['src']} refers to missing {row['dst']} ({row['rel']})")
        # The contents tree: every node opens a record (or the glossary's index), under a parent shown before it.
        for row in store.query(
            "SELECT c.node, c.title, c.record_id FROM contents c LEFT JOIN records r ON r.id = c.record_id "
            "WHERE c.record_id IS NOT NULL AND c.record_id != 'glossary' AND r.id IS NULL"
        ):
            problems.append(f"contents entry {row['title']!r} opens missing {row['record_id']}")
        for row in store.query("SELECT node, title FROM contents WHERE parent IS NOT NULL AND parent >= node"):
            problems.append(f"contents entry {row['title']!r} comes before its parent")
        unfit = False
        for row in store.query("SELECT id, kind, data FROM records"):
            try:
                MODEL_OF[Kind(row["kind"])].model_validate(json.loads(row["data"]))
            except (ValidationError, ValueError) as exc:
                problems.append(f"{row['id']} does not fit the content model: {str(exc).splitlines()[0]}")
                unfit = True
        for row in store.query("SELECT r.id FROM records r LEFT JOIN pages p ON p.id = r.id WHERE p.id IS NULL"):
            problems.append(f"{row['id']} has no page")
        if not unfit:  # records that do not fit the model cannot be rendered or held to each other
            problems.extend(_consistency_problems(store))
            problems.extend(_summary_problems(store))
            if render is not None:
                problems.extend(_page_problems(store, render))
    except StoreError as exc:
        problems.append(str(exc))
    return problems
