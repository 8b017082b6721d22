"""`htdesk bench`: search speed against a bare FTS5 query, at bundled size and 100x, and in the UI."""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from htdesk.store.query import parse_query, prefix_expression
from htdesk.store.report import ReportStore
from htdesk.store.search import INDEX, prepare, search, search_expression

RELEVANCE_FILE = Path(__file__).resolve().parents[2] / "tests" / "store" / "relevance.toml"
# Used when the relevance set is not at hand (an installed copy has no tests/).
FALLBACK_QUERIES = (
    "loverboy", "berry pickers", "hotline", "KOM", "forced begging", "truck drivers", "Schijn Bedriegt",
    "national rapporteur", "coordination", "GRETA", "comensha", "victims of trafficking",
)  # fmt: skip
RESULT_LIMIT = 20  # what the bare query returns; the app is asked for the same
ROUNDS = 5
SCALE = 100
GOAL_RATIO = 1.5
FRAME_MS = 16.0
WORD_RE = re.compile(r"[A-Za-z]{4,}")


@dataclass
class Timing:
    """Latencies in seconds of the app's search and of the baseline, over the same inputs."""

    app: list[float]
    base: list[float]

    @staticmethod
    def pct(values: list[float], p: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000

    def line(self, label: str) -> str:
        a50, a99 = self.pct(self.app, 0.5), self.pct(self.app, 0.99)
        b50, b99 = self.pct(self.base, 0.5), self.pct(self.base, 0.99)
        r50, r99 = a50 / b50, a99 / b99
        verdict = "ok" if max(r50, r99) <= GOAL_RATIO else f"above the {GOAL_RATIO}x goal"
        return (
            f"{label}: app p50 {a50:.3f} ms, p99 {a99:.3f} ms | bare FTS5 p50 {b50:.3f} ms, "
            f"p99 {b99:.3f} ms | ratio p50 {r50:.2f}x, p99 {r99:.2f}x ({verdict})"
        )


def bench_queries() -> list[str]:
    """The relevance set's queries and every prefix of each, as a trainer types them."""
    queries: Iterable[str] = FALLBACK_QUERIES
    if RELEVANCE_FILE.is_file():
        with RELEVANCE_FILE.open("rb") as fh:
            queries = [case["query"] for case in tomllib.load(fh)["case"]]
    out = {q[:i].strip() for q in queries for i in range(1, len(q) + 1)}
    return sorted(p for p in out if p)


def _bare(store: ReportStore, expression: str) -> None:
    store.query(
        f"SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH ? ORDER BY rank LIMIT {RESULT_LIMIT}", (expression,)
    )


def time_search(store: ReportStore, queries: list[str], expression: Callable[[str], str]) -> Timing:
    """Each query through the app's search() and through a bare MATCH, interleaved, ROUNDS times."""
    prepare(store)
    exprs = {q: expression(q) for q in queries}
    for q in queries:  # warm the page cache and the word-form cache alike for both
        search(store, q, limit=RESULT_LIMIT)
        if exprs[q]:
            _bare(store, exprs[q])
    timing = Timing([], [])
    clock = time.perf_counter
    for _ in range(ROUNDS):
        for q in queries:
            if not exprs[q]:
                continue
            t0 = clock()
            search(store, q, limit=RESULT_LIMIT)
            t1 = clock()
            _bare(store, exprs[q])
            t2 = clock()
            timing.app.append(t1 - t0)
            timing.base.append(t2 - t1)
    return timing


def naive_expression(text: str) -> str:
    """What a minimal search box sends: each typed word as a prefix."""
    return prefix_expression(parse_query(text))


def app_expression(store: ReportStore) -> Callable[[str], str]:
    """The very expression search() sends (prefixes and word forms), for a like-for-like baseline."""
    return lambda text: search_expression(store, text)


# -- the synthetic database ---------------------------------------------------------------


def _perturb(words: list[str], rng: random.Random, rate: float) -> None:
    """Misspell a share of the words in place, so the copies grow the vocabulary as real text would."""
    for i in rng.sample(range(len(words)), int(len(words) * rate)):
        w = words[i]
        j = rng.randrange(1, len(w) - 1)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :] if rng.random() < 0.5 else w[:j] + w[j + 1 :]


def make_scaled_copy(source: Path, out: Path, scale: int = SCALE, seed: int = 6) -> Path:
    """A copy of the database with every search row repeated ``scale`` times (perturbed), re-indexed."""
    shutil.copyfile(source, out)
    conn = sqlite3.connect(out)
    try:
        rows = conn.execute(
            "SELECT rowid, id, kind, title, keywords, body, country FROM search_index"
        ).fetchall()
        recs = {r[0]: r for r in conn.execute("SELECT * FROM records")}
        next_rowid = 1 + max(r[0] for r in rows)
        rng = random.Random(seed)
        with conn:
            conn.execute("DROP TABLE IF EXISTS search_stem")  # not used by search(); saves build time
            for n in range(1, scale):
                new_index, new_records = [], []
                for rowid, rid, kind, title, keywords, body, country in rows:
                    parts = WORD_RE.split(body or "")
                    words = WORD_RE.findall(body or "")
                    if words:
                        _perturb(words, rng, 0.05)
                    text = "".join(p + w for p, w in zip(parts, [*words, ""], strict=True))
                    new_id = f"{rid}-copy{n}"
                    new_index.append((next_rowid, new_id, kind, title, keywords, text, country))
                    rec = recs[rowid]
                    new_records.append((next_rowid, new_id, *rec[2:]))
                    next_rowid += 1
                conn.executemany("INSERT INTO search_index VALUES (?, ?, ?, ?, ?, ?, ?)", new_index)
                marks = ", ".join("?" * len(new_records[0]))
                conn.executemany(f"INSERT INTO records VALUES ({marks})", new_records)
            conn.execute(f"INSERT INTO {INDEX}({INDEX}) VALUES('rebuild')")
            conn.execute(f"INSERT INTO {INDEX}({INDEX}) VALUES('optimize')")
        conn.execute("VACUUM")
    finally:
        conn.close()
    return out


# -- the UI -------------------------------------------------------------------------------


def time_ui(store: ReportStore, queries: list[str]) -> list[float]:
    """Seconds from the debounce firing to the results model updated and the view laid out."""
    from PySide6.QtWidgets import QApplication

    from htdesk.ui.search_panel import SearchPanel

    app = QApplication.instance() or QApplication(["htdesk-bench", "-platform", "offscreen"])
    panel = SearchPanel(store)
    panel.resize(480, 720)
    panel.show()
    app.processEvents()
    out = []
    for _ in range(ROUNDS):
        for q in queries:
            panel.set_query_silently(q)
            t0 = time.perf_counter()
            panel.run_search()
            app.processEvents()
            out.append(time.perf_counter() - t0)
    panel.close()
    panel.deleteLater()
    app.processEvents()
    return out


def bench_search(store: ReportStore) -> list[str]:
    """Every search figure, as lines to print."""
    queries = bench_queries()
    lines = [f"Search: {len(queries)} inputs (relevance queries and their prefixes), {ROUNDS} rounds each."]
    lines.append(time_search(store, queries, app_expression(store)).line("bundled, same expression"))
    lines.append(time_search(store, queries, naive_expression).line("bundled, prefix-only expression"))
    with tempfile.TemporaryDirectory(prefix="htdesk-bench-") as tmp:
        t0 = time.perf_counter()
        big_path = make_scaled_copy(store.path, Path(tmp) / f"x{SCALE}.sqlite")
        made = time.perf_counter() - t0
        big = ReportStore(big_path)
        try:
            n = big.query("SELECT count(*) AS n FROM search_index")[0]["n"]
            mb = big_path.stat().st_size / 1e6
            lines.append(f"Synthetic {SCALE}x database: {n} rows, {mb:.0f} MB, made in {made:.1f} s.")
            lines.append(time_search(big, queries, app_expression(big)).line(f"{SCALE}x, same expression"))
            lines.append(
                time_search(big, queries, naive_expression).line(f"{SCALE}x, prefix-only expression")
            )
        finally:
            big.close()
    ui = time_ui(store, queries)
    p50, p99 = Timing.pct(ui, 0.5), Timing.pct(ui, 0.99)
    verdict = "ok" if p99 < FRAME_MS else f"above one frame ({FRAME_MS:.0f} ms)"
    lines.append(
        f"UI, debounce fired -> results shown: p50 {p50:.2f} ms, p99 {p99:.2f} ms, "
        f"mean {statistics.fmean(ui) * 1000:.2f} ms ({verdict})"
    )
    return lines


def bench_print(store: ReportStore) -> list[str]:
    """Printing figures, as lines to print; the lead adds the 4-country PDF timing here."""
    return []


def run_bench(store: ReportStore) -> int:
    """Run every benchmark and print the figures; 0 unless something could not be measured."""
    for line in bench_search(store):
        print(line, flush=True)
    for line in bench_print(store):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    from htdesk.paths import database_path

    sys.exit(run_bench(ReportStore(Path(sys.argv[1]) if len(sys.argv) > 1 else database_path())))
