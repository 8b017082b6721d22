"""`htdesk bench`: search speed against a bare FTS5 query, at bundled size and 100x, and in the UI."""

from __future__ import annotations

import math
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from htdesk.store.crosslang import translate
from htdesk.store.report import ReportStore
from htdesk.store.search import (
    INDEX,
    WEIGHTS_SQL,
    SearchResult,
    prepare,
    search,
    search_expression,
    some_words_expression,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

RELEVANCE_FILE = Path(__file__).resolve().parents[3] / "tests" / "store" / "relevance.toml"
# Used when the relevance set is not at hand (an installed copy has no tests/).
FALLBACK_QUERIES = (
    "loverboy", "berry pickers", "hotline", "KOM", "forced begging", "truck drivers", "Schijn Bedriegt",
    "national rapporteur", "coordination", "GRETA", "comensha", "victims of trafficking",
)  # fmt: skip
RESULT_LIMIT = 20  # what the bare query returns; the app is asked for the same
ROUNDS = 3
ROUNDS_SCALED = 1  # at 100x one round of a quarter of the inputs takes minutes
SCALED_EVERY = 4  # at 100x every 4th input (in sorted order: every query's prefixes are spread over it)
UI_ROUNDS = 1  # every input painted once: thousands of paints
SCALE = 100
GOAL_RATIO = 1.0  # the app against the floor: no slower than FTS5 doing the same visible work
FRAME_MS = 16.0
WORD_RE = re.compile(r"[A-Za-z]{4,}")


@dataclass
class Timing:
    """Latencies in seconds of the app's search and of three baselines, over the same inputs.

    ``floor``: FTS5 doing the same visible work: for the rows the app shows (see floor_work()),
    the MATCH ranked by bm25 with the app's weights and SQLite's own snippet() for each row.
    ``typed``: the same for the typed words alone, the floor's earlier definition, which shows no
    rows where the app shows corrected, translated or some-words results. ``bare``: the typed
    words' MATCH ranked, nothing else. Both are kept for reference.
    """

    app: list[float]
    floor: list[float]
    typed: list[float]
    bare: list[float]

    @staticmethod
    def pct(values: list[float], p: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000

    def ratios(self, base: list[float]) -> tuple[float, float]:
        return self.pct(self.app, 0.5) / self.pct(base, 0.5), self.pct(self.app, 0.99) / self.pct(base, 0.99)

    def line(self, label: str) -> str:
        a50, a99 = self.pct(self.app, 0.5), self.pct(self.app, 0.99)
        f50, f99 = self.pct(self.floor, 0.5), self.pct(self.floor, 0.99)
        b50, b99 = self.pct(self.bare, 0.5), self.pct(self.bare, 0.99)
        r50, r99 = self.ratios(self.floor)
        t50, t99 = self.ratios(self.typed)
        q50, q99 = self.ratios(self.bare)
        verdict = "ok" if max(r50, r99) <= GOAL_RATIO else f"above the {GOAL_RATIO}x goal"
        return (
            f"{label}: app p50 {a50:.3f} ms, p99 {a99:.3f} ms | floor (FTS5 bm25 + snippet() for the rows shown) "
            f"p50 {f50:.3f} ms, p99 {f99:.3f} ms | ratio p50 {r50:.2f}x, p99 {r99:.2f}x ({verdict}) | "
            f"for reference: the floor of the typed words alone, ratio p50 {t50:.2f}x, p99 {t99:.2f}x; "
            f"bare FTS5 p50 {b50:.3f} ms, p99 {b99:.3f} ms, ratio p50 {q50:.2f}x, p99 {q99:.2f}x"
        )


# -- relevance ------------------------------------------------------------------------------

GOAL_MRR = 0.9
GRADES = {"top5": 3, "good": 2, "related": 1}  # a relevance case's lists and the grade of each


def load_relevance() -> list[dict]:
    """The relevance set's cases (tests/store/relevance.toml); empty when it is not at hand."""
    if not RELEVANCE_FILE.is_file():
        return []
    with RELEVANCE_FILE.open("rb") as fh:
        return list(tomllib.load(fh)["case"])


def grades(case: dict) -> dict[str, int]:
    """Record id -> grade of a case's judgments (3: must be in the top five, 2: answers it, 1: related)."""
    out: dict[str, int] = {}
    for key, grade in sorted(GRADES.items(), key=lambda kv: kv[1]):
        out.update(dict.fromkeys(case.get(key, []), grade))
    return out


def ranked_ids(store: ReportStore, query: str, n: int = 10) -> list[str]:
    """The first ``n`` records as the panel lists them: all-words results, then those with some words."""
    result = search(store, query, limit=n)
    return [h.id for h in [*result.hits, *result.partial]][:n]


def relevance(store: ReportStore, cases: list[dict]) -> tuple[float, float, list[str]]:
    """MRR (the first result graded 2 or more), mean nDCG@10, and the queries missing a must-find in the top 5."""
    rr, ndcg, missing = [], [], []
    for case in cases:
        judged = grades(case)
        got = ranked_ids(store, case["query"])
        first = next((i for i, rid in enumerate(got, 1) if judged.get(rid, 0) >= 2), 0)
        rr.append(1 / first if first else 0.0)
        dcg = sum((2 ** judged.get(rid, 0) - 1) / math.log2(i + 1) for i, rid in enumerate(got, 1))
        ideal = sorted(judged.values(), reverse=True)[:10]
        best = sum((2**g - 1) / math.log2(i + 1) for i, g in enumerate(ideal, 1))
        ndcg.append(dcg / best if best else 0.0)
        if any(rid not in got[:5] for rid in case["top5"]):
            missing.append(case["query"])
    n = max(1, len(cases))
    return sum(rr) / n, sum(ndcg) / n, missing


def bench_relevance(store: ReportStore) -> Iterator[str]:
    """The relevance set's MRR and nDCG@10, and any must-find outside the top five."""
    cases = load_relevance()
    if not cases:
        yield "Relevance: the relevance set is not at hand (tests/store/relevance.toml)."
        return
    mrr, ndcg, missing = relevance(store, cases)
    verdict = "ok" if mrr >= GOAL_MRR and not missing else f"below the goal (MRR {GOAL_MRR}, every must-find)"
    yield (
        f"Relevance: {len(cases)} queries, MRR {mrr:.3f}, nDCG@10 {ndcg:.3f}, "
        f"must-finds outside the top 5: {len(missing)} ({verdict})"
    )
    for query in missing:
        yield f"  missing a must-find: {query!r}"


def bench_queries() -> list[str]:
    """The relevance set's queries and every prefix of each, as a trainer types them."""
    queries: Iterable[str] = [case["query"] for case in load_relevance()] or FALLBACK_QUERIES
    out = {q[:i].strip() for q in queries for i in range(1, len(q) + 1)}
    return sorted(p for p in out if p)


def _bare(store: ReportStore, expression: str) -> None:
    store.query(f"SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH ? ORDER BY rank LIMIT {RESULT_LIMIT}", (expression,))


# The rows shown ranked with the app's weights, each with SQLite's own snippet (about as many
# words as the app's), in one statement: the fastest of the forms tried (a LIMIT subquery with
# snippet() outside it, or snippet() per row, were slower).
FLOOR_SQL = (
    f"SELECT rowid, snippet({INDEX}, -1, char(2), char(3), '…', 24) FROM {INDEX} WHERE {INDEX} MATCH ?"
    f" ORDER BY bm25({INDEX}, {WEIGHTS_SQL}) LIMIT ?"
)

FloorWork = list[tuple[str, int]]  # (MATCH expression, rows shown from it)


def floor_work(store: ReportStore, text: str, result: SearchResult) -> FloorWork:
    """What FTS5 runs to show the rows search() showed for ``text``, each ranked and with a snippet.

    The rows come from the words as typed, or from their corrected spelling ("trafficing" shows
    trafficking's), or from the English of a French query (and the French's own, which the app
    searches too); and, when all the words find few records, from any of them ("Results with some
    of your words"), as many as the app showed. A floor of the typed words alone would show
    nothing for such queries while the app shows a page: not the same visible work.
    """
    french = translate(store, text)
    source = result.corrected or (french.english if french is not None and result.translated else text)
    work = [(search_expression(store, source), RESULT_LIMIT)]
    if french is not None and result.translated:
        work.append((search_expression(store, text), RESULT_LIMIT))
    if result.partial:
        work.append((some_words_expression(store, source), len(result.partial)))
    return [(expr, rows) for expr, rows in work if expr]


def _floor(store: ReportStore, work: FloorWork) -> None:
    for expression, rows in work:
        store.rows(FLOOR_SQL, (expression, rows))


def time_search(
    store: ReportStore, queries: list[str], expression: Callable[[str], str], rounds: int = ROUNDS
) -> Timing:
    """Each query through the app's search() (every hit's snippet read) and the three baselines, interleaved."""
    prepare(store)
    exprs = {q: expression(q) for q in queries}
    floors: dict[str, FloorWork] = {}
    for q in queries:  # warm the page cache and the word-form cache alike for all
        floors[q] = floor_work(store, q, search(store, q, limit=RESULT_LIMIT))
        if exprs[q]:
            _floor(store, floors[q])
            _bare(store, exprs[q])
    timing = Timing([], [], [], [])
    clock = time.perf_counter
    for _ in range(rounds):
        for q in queries:
            if not exprs[q]:
                continue
            t0 = clock()
            result = search(store, q, limit=RESULT_LIMIT)
            for hit in [*result.hits, *result.partial]:
                hit.snippet  # noqa: B018  # what the list shows: read, as the panel reads it
            t1 = clock()
            _floor(store, floors[q])
            t2 = clock()
            _floor(store, [(exprs[q], RESULT_LIMIT)])
            t3 = clock()
            _bare(store, exprs[q])
            t4 = clock()
            timing.app.append(t1 - t0)
            timing.floor.append(t2 - t1)
            timing.typed.append(t3 - t2)
            timing.bare.append(t4 - t3)
    return timing


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
        columns = [r[1] for r in conn.execute("PRAGMA table_info(search_index)")]
        body_at = columns.index("body")
        rows = conn.execute(f"SELECT {', '.join(columns)} FROM search_index").fetchall()
        recs = {r[0]: r for r in conn.execute("SELECT * FROM records")}
        next_rowid = 1 + max(r[0] for r in rows)
        rng = random.Random(seed)
        with conn:
            for n in range(1, scale):
                new_index, new_records = [], []
                for row in rows:
                    rowid, rid, body = row[0], row[1], row[body_at]
                    parts = WORD_RE.split(body or "")
                    words = WORD_RE.findall(body or "")
                    if words:
                        _perturb(words, rng, 0.05)
                    text = "".join(p + w for p, w in zip(parts, [*words, ""], strict=True))
                    new_id = f"{rid}-copy{n}"
                    new_row = [next_rowid, new_id, *row[2:]]
                    new_row[body_at] = text
                    new_index.append(tuple(new_row))
                    rec = recs[rowid]
                    new_records.append((next_rowid, new_id, *rec[2:]))
                    next_rowid += 1
                conn.executemany(f"INSERT INTO search_index VALUES ({', '.join('?' * len(columns))})", new_index)
                marks = ", ".join("?" * len(new_records[0]))
                conn.executemany(f"INSERT INTO records VALUES ({marks})", new_records)
            conn.execute(f"INSERT INTO {INDEX}({INDEX}) VALUES('rebuild')")
            conn.execute(f"INSERT INTO {INDEX}({INDEX}) VALUES('optimize')")
        conn.execute("VACUUM")
    finally:
        conn.close()
    return out


# -- the UI -------------------------------------------------------------------------------

# The offscreen platform's word on each relayout of a shown window: dozens of lines, no news.
OFFSCREEN_NOTE = "This plugin does not support propagateSizeHints()"


def print_qt_message(_mode: object, _context: object, message: str) -> None:
    """Qt's messages to stderr, as Qt's own handler prints them, but for OFFSCREEN_NOTE."""
    if message != OFFSCREEN_NOTE:
        print(message, file=sys.stderr)


def time_ui(store: ReportStore, queries: list[str]) -> list[float]:
    """Seconds from the debounce firing to the results model updated and the view laid out and painted.

    The search panel where trainers use it: in the main window's sidebar, the window 1280 x 800
    (settings in a throw-away file, no bookmarks), so what a keystroke re-lays out is what it is in use.
    """
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["htdesk-bench", "-platform", "offscreen"])
    previous = qInstallMessageHandler(print_qt_message)
    try:
        return _time_panel(app, store, queries)
    finally:
        qInstallMessageHandler(previous)


def _time_panel(app: QCoreApplication, store: ReportStore, queries: list[str]) -> list[float]:
    from PySide6.QtCore import QSettings

    from htdesk.ui.mainwindow import SEARCH_TAB, MainWindow

    with tempfile.TemporaryDirectory(prefix="htdesk-bench-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, settings, bookmarks=None)
        window.resize(1280, 800)
        window.show()
        window.show_sidebar_tab(SEARCH_TAB)
        app.processEvents()
        panel = window.search_panel
        assert panel is not None  # made when its tab is shown
        out = []
        for _ in range(UI_ROUNDS):
            for q in queries:
                # The text as typed, without starting the debounce: the clock starts when it fires.
                panel.search_edit.blockSignals(True)
                panel.search_edit.setText(q)
                panel.search_edit.blockSignals(False)
                t0 = time.perf_counter()
                panel.run_search()
                app.processEvents()
                out.append(time.perf_counter() - t0)
        window.close()
        window.deleteLater()
        app.processEvents()
    return out


def bench_search(store: ReportStore) -> Iterator[str]:
    """Every search figure, as lines to print, each as soon as it is measured."""
    queries = bench_queries()
    yield f"Search: {len(queries)} inputs (relevance queries and their prefixes), {ROUNDS} rounds each."
    yield time_search(store, queries, app_expression(store)).line("bundled, same expression")
    with tempfile.TemporaryDirectory(prefix="htdesk-bench-") as tmp:
        t0 = time.perf_counter()
        big_path = make_scaled_copy(store.path, Path(tmp) / f"x{SCALE}.sqlite")
        made = time.perf_counter() - t0
        big = ReportStore(big_path)
        try:
            n = big.query("SELECT count(*) AS n FROM search_index")[0]["n"]
            mb = big_path.stat().st_size / 1e6
            yield f"Synthetic {SCALE}x database: {n} rows, {mb:.0f} MB, made in {made:.1f} s."
            sample = queries[::SCALED_EVERY]
            same = time_search(big, sample, app_expression(big), ROUNDS_SCALED)
            label = f"{SCALE}x, same expression, every {SCALED_EVERY}th input ({len(sample)}), {ROUNDS_SCALED} round"
            yield same.line(label)
        finally:
            big.close()
    ui = time_ui(store, queries)
    p50, p99 = Timing.pct(ui, 0.5), Timing.pct(ui, 0.99)
    verdict = "ok" if p99 < FRAME_MS else f"above one frame ({FRAME_MS:.0f} ms)"
    yield (
        f"UI at bundled size (the panel in the main window), debounce fired -> results shown: "
        f"p50 {p50:.2f} ms, p99 {p99:.2f} ms, mean {statistics.fmean(ui) * 1000:.2f} ms ({verdict})"
    )


def time_against_bare_qt(
    write: Callable[[Path], int], html: str, folder: Path, runs: int
) -> tuple[list[float], list[float], int]:
    """Our PDF (``write(path)`` -> pages) and Qt printing the same HTML bare, interleaved, ``runs`` times each.

    The first round only loads fonts and warms caches for both and is not counted.
    """
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    from htdesk.output.printing import print_stylesheet

    ours: list[float] = []
    bare: list[float] = []
    pages = 0
    for i in range(runs + 1):
        t = time.perf_counter()
        pages = write(folder / f"ours{i}.pdf")
        if i:
            ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        writer = QPdfWriter(str(folder / f"bare{i}.pdf"))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        doc = QTextDocument()
        doc.setDefaultStyleSheet(print_stylesheet())
        doc.setHtml(html)
        doc.print_(writer)
        del writer
        if i:
            bare.append(time.perf_counter() - t)
    return ours, bare, pages


def bench_print(store: ReportStore, runs: int = 5) -> Iterator[str]:
    """The 4-country, all-dimensions comparison PDF, against Qt printing the same HTML bare.

    The baseline is QTextDocument.print_() to a QPdfWriter: no header, footer or page numbers,
    so the ratio is what our sheet layout costs on top of Qt's own text layout.
    """
    import tempfile

    from htdesk.cli.compare import write_comparison_pdf
    from htdesk.output.compare import parse_dimensions
    from htdesk.qtenv import ensure_gui_application

    ensure_gui_application()

    from htdesk.render.html import comparison_html
    from htdesk.store.pages import comparison_data, link_index

    codes, dims = ["be", "no", "se", "us"], parse_dimensions(None)
    html = comparison_html(comparison_data(store, codes), dims, links=link_index(store), for_print=True, layout="full")
    with tempfile.TemporaryDirectory() as tmp:
        ours, bare, pages = time_against_bare_qt(
            lambda out: write_comparison_pdf(store, codes, dims, out, layout="full"), html, Path(tmp), runs
        )
    a, b = statistics.median(ours), statistics.median(bare)
    yield (
        f"Comparison PDF, 4 countries x all dimensions ({pages} pages): median {a * 1000:.0f} ms over {runs} runs "
        f"(goal 300 ms); Qt printing the same HTML bare: {b * 1000:.0f} ms; ratio {a / b:.2f}x"
    )


SHEET_GOAL_RATIO = 0.5  # the one-page sheet against the full layout, both to PDF
SHEET_GOAL_MS = 100.0


def time_layouts(
    store: ReportStore, codes: list[str], runs: int
) -> tuple[list[tuple[float, float]], list[tuple[float, float]], int, int]:
    """(wall, CPU) seconds to write the comparison of ``codes`` to PDF as a sheet and in the full layout.

    Interleaved; each run goes through what `htdesk compare --pdf` runs (gathering, rendering,
    fitting or cutting, writing); the first of each is left out: it loads fonts and warms caches.
    CPU time is the process's own: on a shared machine the wall clock also counts others' work.
    """
    from htdesk.cli.compare import write_comparison_pdf
    from htdesk.output.compare import parse_dimensions

    rows = parse_dimensions(None)
    sheet, full = [], []
    sheet_pages = full_pages = 0
    wall, cpu = time.perf_counter, time.process_time
    with tempfile.TemporaryDirectory(prefix="htdesk-bench-") as tmp:
        for i in range(runs + 1):
            t, c = wall(), cpu()
            sheet_pages = write_comparison_pdf(store, codes, rows, Path(tmp) / "sheet.pdf", "a4", layout="sheet")
            t1, c1 = wall(), cpu()
            full_pages = write_comparison_pdf(store, codes, rows, Path(tmp) / "full.pdf", "a4", layout="full")
            t2, c2 = wall(), cpu()
            if i:
                sheet.append((t1 - t, c1 - c))
                full.append((t2 - t1, c2 - c1))
    return sheet, full, sheet_pages, full_pages


def bench_sheet(store: ReportStore, runs: int = 7) -> Iterator[str]:
    """The 4-country comparison sheet to PDF against the full layout of the same comparison, in one run."""
    codes = ["be", "fr", "no", "se"]
    sheet, full, sheet_pages, full_pages = time_layouts(store, codes, runs)
    a, b = (statistics.median(t for t, _ in sheet) * 1000, statistics.median(t for t, _ in full) * 1000)
    a_cpu, b_cpu = (statistics.median(c for _, c in sheet) * 1000, statistics.median(c for _, c in full) * 1000)
    ratio = a / b

    def ok(good: bool) -> str:
        return "ok" if good else "above the goal"

    yield (
        f"Comparison sheet, {' '.join(codes)} to PDF ({sheet_pages} page): median {a:.0f} ms "
        f"(CPU {a_cpu:.0f} ms) over {runs} runs; full layout ({full_pages} pages): {b:.0f} ms (CPU {b_cpu:.0f} ms); "
        f"ratio {ratio:.2f}x (goal <= {SHEET_GOAL_RATIO}x: {ok(ratio <= SHEET_GOAL_RATIO)}); "
        f"goal < {SHEET_GOAL_MS:.0f} ms: wall {ok(a < SHEET_GOAL_MS)}, CPU {ok(a_cpu < SHEET_GOAL_MS)}"
    )


HANDOUT_RECORDS = {"glossary": 6, "practice": 6, "institution": 6, "country": 2}  # 20 records


def bench_handout(store: ReportStore, runs: int = 5) -> Iterator[str]:
    """A 20-record folder to PDF as `htdesk handout` writes it, against Qt printing its HTML bare.

    Ours lays the handout out, arranges the breaks, fills in the contents' page numbers, paints
    header and footer and adds the outline; the baseline is QTextDocument.print_() of the same
    HTML to a QPdfWriter. The folder lives in a temporary bookmarks file, never the user's.
    """
    import tempfile
    from datetime import date

    from htdesk.content.kinds import Kind
    from htdesk.qtenv import ensure_gui_application

    ensure_gui_application()

    from htdesk.output.handout import Handout, handout_items, write_handout_pdf
    from htdesk.store.bookmarks import BookmarkStore

    ids = [s.id for kind, n in HANDOUT_RECORDS.items() for s in store.summaries(Kind(kind))[:n]]
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as tmp, BookmarkStore(Path(tmp) / "bookmarks.sqlite") as marks:
        folder = marks.create_folder("Bench session")
        for rid in ids:
            marks.add(rid, rid, folder.id, note="A note of the trainer's.")
        html = Handout(folder, handout_items(store, marks.bookmarks(folder.id)), date.today()).html()
        ours, bare, pages = time_against_bare_qt(
            lambda out: write_handout_pdf(store, marks, folder, out, "a4"), html, Path(tmp), runs
        )
    a, b = statistics.median(ours), statistics.median(bare)
    yield (
        f"Handout PDF, {len(ids)} records ({pages} pages): median {a * 1000:.0f} ms over {runs} runs; "
        f"Qt printing the same HTML bare: {b * 1000:.0f} ms; ratio {a / b:.2f}x"
    )


BOOKMARK_FOLDERS, BOOKMARKS_PER_FOLDER = 100, 100  # 10,000: the import limit, the size
FILTER_INPUTS = ("N", "No", "Nor", "Norw", "zzz", "Title 3 1")


def bench_bookmarks(
    store: ReportStore, folders: int = BOOKMARK_FOLDERS, per_folder: int = BOOKMARKS_PER_FOLDER
) -> Iterator[str]:
    """Importing the most one import takes, and a filter keystroke over it, each against a floor.

    Floors: for the import, reading and parsing the same JSON file; for a keystroke, Python testing
    every bookmark's text for the typed words (the matching any filter must do). The keystroke is
    the panel's filter applied and the tree laid out and painted, offscreen.
    """
    import json

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from htdesk.store.bookmarks import FORMAT, BookmarkStore
    from htdesk.ui.bookmarks.panel import BookmarksPanel
    from htdesk.ui.bookmarks.service import BookmarkService

    app = QApplication.instance() or QApplication(["htdesk-bench", "-platform", "offscreen"])
    doc = {
        "format": FORMAT,
        "version": 1,
        "folders": [
            {
                "name": f"Folder {f}",
                "bookmarks": [
                    {"record_id": f"country/x{f}-{i}", "title": f"Title {f} {i} Norway", "note": "n"}
                    for i in range(per_folder)
                ],
            }
            for f in range(folders)
        ],
    }
    previous = qInstallMessageHandler(print_qt_message)
    with tempfile.TemporaryDirectory(prefix="htdesk-bench-") as tmp:
        path = Path(tmp) / "import.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        t0 = time.perf_counter()
        json.loads(path.read_text(encoding="utf-8"))
        parse = time.perf_counter() - t0
        bookmarks = BookmarkStore(Path(tmp) / "bookmarks.sqlite")
        try:
            t0 = time.perf_counter()
            bookmarks.import_file(path)
            imported = time.perf_counter() - t0
            n = folders * per_folder
            yield (
                f"Bookmarks: import of {n} in {folders} folders {imported * 1000:.0f} ms, "
                f"{imported / parse:.1f}x reading its JSON"
            )
            texts = [f"{b.title}\n{b.note}\n{b.record_id}".casefold() for b in bookmarks.bookmarks()]
            panel = BookmarksPanel(BookmarkService(bookmarks, poll_ms=0))
            panel.resize(400, 800)
            panel.show()
            app.processEvents()
            for text in FILTER_INPUTS:
                words = text.casefold().split()
                t0 = time.perf_counter()
                matched = sum(all(w in t for w in words) for t in texts)
                floor = time.perf_counter() - t0
                t0 = time.perf_counter()
                panel.filter_edit.setText(text)
                app.processEvents()
                took = time.perf_counter() - t0
                verdict = "ok" if took * 1000 < FRAME_MS else f"above one frame ({FRAME_MS:.0f} ms)"
                yield (
                    f"Bookmarks filter {text!r} ({matched} of {n} match): {took * 1000:.1f} ms, "
                    f"{took / max(floor, 1e-6):.0f}x the matching alone ({verdict})"
                )
            panel.close()
            panel.deleteLater()
            app.processEvents()
        finally:
            bookmarks.close()
            qInstallMessageHandler(previous)


# Each benchmark takes the store and yields its figures as lines.
BENCHMARKS: list[Callable[[ReportStore], Iterable[str]]] = [
    bench_relevance,
    bench_search,
    bench_print,
    bench_sheet,
    bench_handout,
    bench_bookmarks,
]


def run_bench(store: ReportStore) -> int:
    """Run every benchmark and print its figures as they come."""
    for bench in BENCHMARKS:
        for line in bench(store):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    from htdesk.paths import database_path

    sys.exit(run_bench(ReportStore(Path(sys.argv[1]) if len(sys.argv) > 1 else database_path())))
