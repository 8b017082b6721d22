"""`htdesk bench`'s own parts: the inputs it types, the scaled database it makes, the UI it times."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from htdesk.cli import bench
from htdesk.store.report import ReportStore
from htdesk.store.search import search


def test_inputs_are_the_relevance_queries_and_their_prefixes() -> None:
    queries = bench.bench_queries()
    assert {"l", "lo", "lover", "loverboy", "K", "KO", "KOM"} <= set(queries)
    assert all(q == q.strip() and q for q in queries)


def test_scaled_copy_repeats_every_row_and_stays_searchable(tmp_path: Path, built_db: Path) -> None:
    big = ReportStore(bench.make_scaled_copy(built_db, tmp_path / "x3.sqlite", scale=3))
    small = ReportStore(built_db)
    try:
        n = small.query("SELECT count(*) FROM search_index")[0][0]
        assert big.query("SELECT count(*) FROM search_index")[0][0] == 3 * n
        # Titles are copied as they are (bodies get a few misspellings): every copy is found by its title.
        assert search(big, "TruckSTOP", kind="practice").total == 3 * search(small, "TruckSTOP", kind="practice").total
    finally:
        big.close()
        small.close()


def test_ui_timing_types_each_input_in_the_main_window(
    qtbot: object, store: ReportStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "UI_ROUNDS", 2)
    timings = bench.time_ui(store, ["KOM", "victims", "zzzz"])
    assert len(timings) == 6 and all(t > 0 for t in timings)


UI_RUN = """
import sys
from pathlib import Path
from htdesk.cli import bench
from htdesk.store.report import ReportStore
bench.UI_ROUNDS = 1
if sys.argv[2] == "unfiltered":
    bench.OFFSCREEN_NOTE = ""  # lets the note through: shows that this run does produce it
bench.time_ui(ReportStore(Path(sys.argv[1])), ["KOM", "victims", "zzzz"])
"""


def test_ui_timing_keeps_the_offscreen_platforms_note_out_of_the_output(built_db: Path) -> None:
    def run(mode: str) -> str:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(
            [sys.executable, "-c", UI_RUN, str(built_db), mode], capture_output=True, text=True, env=env, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stderr

    assert bench.OFFSCREEN_NOTE in run("unfiltered")
    assert bench.OFFSCREEN_NOTE not in run("filtered")


def test_sheet_benchmark_gives_the_ratio_to_the_full_layout_in_one_run(store: ReportStore) -> None:
    (line,) = bench.bench_sheet(store, runs=1)
    assert re.search(r"Comparison sheet, be fr no se to PDF \(\d+ pages?\): median \d+ ms", line)
    assert re.search(r"full layout \(\d+ pages\): \d+ ms \(CPU \d+ ms\); ratio \d\.\d\dx", line)


def test_search_timing_measures_the_app_the_floor_and_the_bare_query(store: ReportStore) -> None:
    from htdesk.cli.bench import FLOOR_SQL, app_expression, time_search

    timing = time_search(store, ["KOM", "victims of trafficking"], app_expression(store), rounds=1)
    assert len(timing.app) == len(timing.floor) == len(timing.typed) == len(timing.bare) == 2
    line = timing.line("bundled")
    assert "floor (FTS5 bm25 + snippet() for the rows shown)" in line
    assert "for reference: the floor of the typed words alone" in line and "bare FTS5" in line
    # The floor does the visible work: snippets of the ranked rows, with markers.
    rows = store.rows(FLOOR_SQL, (app_expression(store)("KOM"), 20))
    assert rows and any("\x02" in (snippet or "") for _, snippet in rows)


@pytest.mark.parametrize(
    ("typed", "source"),
    [
        ("trafficing", "trafficking"),  # a typo: the app shows the corrected spelling's records
        ("travail forcé", "forced labour"),  # French: the app shows the English's records (and the French's)
        ("Child Focus", "Child Focus"),
    ],
)
def test_the_floor_shows_the_rows_the_app_shows(store: ReportStore, typed: str, source: str) -> None:
    from htdesk.cli.bench import FLOOR_SQL, floor_work
    from htdesk.store.search import search_expression

    result = search(store, typed, limit=20)
    work = floor_work(store, typed, result)
    assert work[0] == (search_expression(store, source), 20)
    shown = sum(len(store.rows(FLOOR_SQL, step)) for step in work)
    assert shown >= len(result.hits) + len(result.partial)  # as many rows as the app listed, each with a snippet


def test_the_floor_adds_records_with_some_of_the_words_when_the_app_does(store: ReportStore) -> None:
    from htdesk.cli.bench import FLOOR_SQL, floor_work

    typed = "supply chains disclosure California"
    result = search(store, typed, limit=20)
    assert result.partial  # the report has one record with all four words
    work = floor_work(store, typed, result)
    assert len(work) == 2 and " OR " in work[1][0] and work[1][1] == len(result.partial)
    assert len(store.rows(FLOOR_SQL, work[1])) == len(result.partial)


def test_bench_prints_relevance(store: ReportStore) -> None:
    from htdesk.cli.bench import bench_relevance

    lines = list(bench_relevance(store))
    assert lines[0].startswith("Relevance: ") and "MRR" in lines[0] and "nDCG@10" in lines[0]


def test_bench_times_a_20_record_handout_against_bare_qt(store: ReportStore, user_dir: Path) -> None:
    [line] = list(bench.bench_handout(store, runs=1))
    assert re.fullmatch(
        r"Handout PDF, 20 records \(\d+ pages\): median \d+ ms over 1 runs; "
        r"Qt printing the same HTML bare: \d+ ms; ratio \d+\.\d\dx",
        line,
    ), line
    assert not any(user_dir.iterdir())  # the folder was made in a temporary bookmarks file
    assert bench.bench_handout in bench.BENCHMARKS


def test_bench_times_a_bookmarks_import_and_the_filter_against_floors(store: ReportStore, user_dir: Path) -> None:
    lines = list(bench.bench_bookmarks(store, folders=4, per_folder=25))
    assert re.fullmatch(r"Bookmarks: import of 100 in 4 folders \d+ ms, \d+\.\dx reading its JSON", lines[0]), lines[0]
    filters = lines[1:]
    assert len(filters) == len(bench.FILTER_INPUTS)
    assert re.fullmatch(
        r"Bookmarks filter 'Nor' \(100 of 100 match\): [\d.]+ ms, \d+x the matching alone \(.+\)", filters[2]
    )
    assert "(0 of 100 match)" in filters[4]  # 'zzz'
    assert not any(user_dir.iterdir())  # a temporary bookmarks file, never the user's
    assert bench.bench_bookmarks in bench.BENCHMARKS
