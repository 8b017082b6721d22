"""Read-only access to the bundled report database (data/ht.sqlite)."""

from __future__ import annotations

# The extension module itself, not the `sqlite3` package: the package's dbapi2 layer only adds the
# deprecated date and time adapters, and importing it pulls in `datetime` too, some 3 ms of a start
# before the first paint (build/make.py measure). Its connect, Row and errors are the same objects.
import _sqlite3 as sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from htdesk.content.kinds import THEMES_CONCLUSION, THEMES_SECTION, Kind, SourceRef

if TYPE_CHECKING:
    from htdesk.content.models import Record

SCHEMA_VERSION = 5  # 2: the contents table; 3: the pages table; 4: the report_pages table; 5: records.source_page_end
SUMMARY_COLUMNS = "id, kind, title, country, source_ref, source_page, source_page_end"


class StoreError(Exception):
    """The database cannot be used; the message is one line a user can act on."""


class DatabaseMissing(StoreError):
    pass


class DatabaseCorrupt(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


# A NamedTuple rather than a frozen dataclass: defined at start-up, where a dataclass takes 1-2 ms to build.
class Summary(NamedTuple):
    """A record as lists show it: no body, just enough to title, place and cite it."""

    id: str
    kind: Kind
    title: str
    country: str | None
    source: SourceRef

    def cite(self) -> str:
        return self.source.cite()


def _summary(row: sqlite3.Row) -> Summary:
    return Summary(
        id=row["id"],
        kind=Kind(row["kind"]),
        title=row["title"],
        country=row["country"],
        source=SourceRef(ref=row["source_ref"], page=row["source_page"], page_end=row["source_page_end"]),
    )


class ReportStore:
    """The report's records, opened read-only; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise DatabaseMissing(f"The report database is missing: {path}. Reinstall HT Desk.")
        try:
            self._conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            self._conn.row_factory = sqlite3.Row
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise DatabaseCorrupt(f"The report database is damaged ({exc}): {path}. Reinstall HT Desk.") from None
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(
                f"The report database is newer (schema {version}) than this HT Desk (schema "
                f"{SCHEMA_VERSION}): install the newer HT Desk."
            )
        if version < SCHEMA_VERSION or not {"records", "meta", "contents", "pages", "report_pages"} <= tables:
            raise DatabaseCorrupt(f"The report database is incomplete or not an HT Desk database: {path}.")
        self._lock = threading.Lock()

    def close(self) -> None:
        self._conn.close()

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Run one read query; damage found late (a truncated page) becomes a StoreError."""
        try:
            with self._lock:
                return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise DatabaseCorrupt(f"The report database is damaged ({exc}). Reinstall HT Desk.") from None

    def rows(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        """As query(), with rows as plain tuples: cheaper to make than sqlite3.Row, for hot paths."""
        try:
            with self._lock:
                cur = self._conn.cursor()
                cur.row_factory = None
                return cur.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise DatabaseCorrupt(f"The report database is damaged ({exc}). Reinstall HT Desk.") from None

    # -- metadata ------------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.query("SELECT key, value FROM meta")}

    def report_pages(self) -> dict[int, str]:
        """The report's text by printed page (what summaries are held to)."""
        return dict(self.rows("SELECT page, text FROM report_pages ORDER BY page"))

    def counts(self) -> dict[str, int]:
        return {r["kind"]: r["n"] for r in self.query("SELECT kind, count(*) AS n FROM records GROUP BY kind")}

    def home_counts(self) -> dict[str, int]:
        """counts(), and under "glossary_fr" the glossary entries that give a French name (the home page says so)."""
        french = self.rows("SELECT count(*) FROM glossary WHERE expansion_fr IS NOT NULL")[0][0]
        return {**self.counts(), "glossary_fr": french}

    # -- records -------------------------------------------------------------------------
    def record(self, record_id: str) -> Record | None:
        # The content model (pydantic) loads on the first record, not at start-up.
        from pydantic import ValidationError

        from htdesk.content.models import MODEL_OF

        stored = self._stored(record_id)
        if stored is None:
            return None
        kind, data = stored
        try:
            return MODEL_OF[kind].model_validate_json(data)
        except ValidationError as exc:
            raise DatabaseCorrupt(f"Record {record_id} does not fit this HT Desk: {exc.errors()[0]['msg']}") from None

    def record_data(self, record_id: str) -> tuple[Kind, dict[str, Any]] | None:
        """A record's kind and its data as stored (the content model's JSON), without the model."""
        import json  # not needed before the first paint

        stored = self._stored(record_id)
        if stored is None:
            return None
        try:
            return stored[0], json.loads(stored[1])
        except ValueError as exc:
            raise DatabaseCorrupt(f"Record {record_id} is damaged: {exc}") from None

    def _stored(self, record_id: str) -> tuple[Kind, str] | None:
        """A record's kind and its JSON as stored, for record() and record_data()."""
        rows = self.rows("SELECT kind, data FROM records WHERE id = ?", (record_id,))
        if not rows:
            return None
        try:
            return Kind(rows[0][0]), rows[0][1]
        except ValueError:
            raise DatabaseCorrupt(f"Record {record_id} has an unknown kind: {rows[0][0]!r}") from None

    def page(self, record_id: str) -> str | None:
        """The record's page as the reading pane shows it: rendered when the database was built.

        Opening a page is then one read, without the content model (pydantic takes some 150 ms to
        load) or the link index: a start on the page a trainer closed on costs what one on Home does.
        """
        rows = self.rows("SELECT html FROM pages WHERE id = ?", (record_id,))
        return rows[0][0] if rows else None

    def record_ids(self) -> list[str]:
        """Every record's id, in the database's order."""
        return [r[0] for r in self.rows("SELECT id FROM records ORDER BY rowid")]

    def summary(self, record_id: str) -> Summary | None:
        rows = self.query("SELECT * FROM records WHERE id = ?", (record_id,))
        return _summary(rows[0]) if rows else None

    def summaries(self, kind: Kind | None = None) -> list[Summary]:
        # Named columns: a list has no use for each record's JSON, which is most of a row.
        if kind is None:
            rows = self.query(f"SELECT {SUMMARY_COLUMNS} FROM records ORDER BY rowid")
        else:
            rows = self.query(f"SELECT {SUMMARY_COLUMNS} FROM records WHERE kind = ? ORDER BY ord", (kind.value,))
        return [_summary(r) for r in rows]

    def records(self, kind: Kind) -> Iterator[Record]:
        from htdesk.content.models import MODEL_OF

        model = MODEL_OF[kind]
        for row in self.query("SELECT data FROM records WHERE kind = ? ORDER BY ord", (kind.value,)):
            yield model.model_validate_json(row["data"])

    def contents(self) -> list[tuple[int, int | None, str, str | None, str]]:
        """The contents tree: (node, parent node, title, record id, tooltip), parents first, in order."""
        return self.rows("SELECT node, parent, title, record_id, tooltip FROM contents ORDER BY node")

    def section_tree(self) -> list[tuple[str, str | None, str]]:
        """(id, parent id, title) of every section, in the report's order."""
        rows = self.query("SELECT s.id, s.parent, r.title FROM sections s JOIN records r ON r.id = s.id ORDER BY s.ord")
        return [(r["id"], r["parent"], r["title"]) for r in rows]

    def linked_from(self, target: str, rel: str | None = None) -> list[Summary]:
        """Records that refer to ``target`` (e.g. the institutions of a country)."""
        sql = "SELECT r.* FROM links l JOIN records r ON r.id = l.src WHERE l.dst = ?"
        params: tuple[Any, ...] = (target,)
        if rel:
            sql += " AND l.rel = ?"
            params = (target, rel)
        return [_summary(r) for r in self.query(sql + " ORDER BY r.kind, r.ord", params)]

    def theme_sections(self) -> list[Summary]:
        """The sections that are the practices' themes (Chapter III 6's, but its conclusion), in order."""
        rows = self.query(
            "SELECT r.* FROM sections s JOIN records r ON r.id = s.id WHERE s.parent = ? AND s.id != ? ORDER BY s.ord",
            (THEMES_SECTION, THEMES_CONCLUSION),
        )
        return [_summary(r) for r in rows]

    def institutions_of(self, code: str) -> list[Summary]:
        rows = self.query(
            "SELECT r.* FROM institutions i JOIN records r ON r.id = i.id WHERE i.country = ? ORDER BY r.ord",
            (code,),
        )
        return [_summary(r) for r in rows]

    def glossary_expansions(self) -> dict[str, str]:
        """Glossary id -> its English expansion, or the French one where only that is known."""
        rows = self.query("SELECT id, expansion_en, expansion_fr FROM glossary")
        return {r["id"]: r["expansion_en"] or r["expansion_fr"] or "" for r in rows}

    def practices_of(self, code: str) -> list[Summary]:
        return [s for s in self.linked_from(f"country/{code}", "country") if s.kind is Kind.PRACTICE]

    def glossary_index(self) -> dict[str, tuple[str, str]]:
        """Acronym (and variants) -> (glossary id, expansion shown as a tooltip)."""
        # Variants come out of each record's JSON through SQLite's json_each: the page links need
        # this index before the first paint, and Python's json module is not otherwise loaded by then.
        variants: dict[str, list[str]] = {}
        for row in self.query(
            "SELECT r.id, j.value FROM records r, json_each(r.data, '$.variants') j "
            "WHERE r.kind = 'glossary' ORDER BY r.rowid, j.key"
        ):
            variants.setdefault(row[0], []).append(row[1])
        out: dict[str, tuple[str, str]] = {}
        rows = self.query(
            "SELECT g.id, g.acronym, g.acronym_fr, g.expansion_en, g.expansion_fr FROM glossary g "
            "JOIN records r ON r.id = g.id ORDER BY r.rowid"
        )
        for row in rows:
            tip = " / ".join(x for x in (row["expansion_en"], row["expansion_fr"]) if x)
            for name in [row["acronym"], row["acronym_fr"], *variants.get(row["id"], [])]:
                if name and name not in out:
                    out[name] = (row["id"], tip)
        return out

    def country_glossary_index(self) -> dict[str, dict[str, tuple[str, str]]]:
        """Per country code, acronym -> (glossary id, tooltip) of the meanings bound to that country.

        An acronym can name different bodies in different countries (NRM: the UK's National Referral
        Mechanism, the Dutch National Rapporteur): a page about a country links that country's meaning.
        """
        out: dict[str, dict[str, tuple[str, str]]] = {}
        rows = self.query(
            "SELECT g.id, g.acronym, g.acronym_fr, g.expansion_en, g.expansion_fr, c.value AS country "
            "FROM glossary g JOIN records r ON r.id = g.id, json_each(r.data, '$.countries') c ORDER BY r.rowid"
        )
        for row in rows:
            tip = " / ".join(x for x in (row["expansion_en"], row["expansion_fr"]) if x)
            for name in (row["acronym"], row["acronym_fr"]):
                if name:
                    out.setdefault(row["country"], {}).setdefault(name, (row["id"], tip))
        return out

    def name_index(self) -> dict[str, str]:
        """Country names -> their record id, for linking mentions."""
        return {row["name"]: row["id"] for row in self.query("SELECT id, name FROM countries")}

    def body_names(self) -> dict[str, dict[str, str]]:
        """Per country code, its institutions' names -> record id.

        A name only identifies a body within its country ("Ministry of Justice" exists in several),
        so pages link a body's name only on pages about that country; generic one-word names
        ("Police", "NGOs") never link.
        """
        out: dict[str, dict[str, str]] = {}
        for row in self.query("SELECT id, name, country FROM institutions ORDER BY id"):
            if len(row["name"].split()) >= 2:
                out.setdefault(row["country"], {}).setdefault(row["name"], row["id"])
        return out
