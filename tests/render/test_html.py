"""The renderer: links, sources, "not covered", and safe HTML whatever the text holds."""

from __future__ import annotations

import re
import shutil
import sqlite3
from html import unescape
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from htdesk.content.models import NOT_COVERED, Country, Dimension, Kind
from htdesk.history import History
from htdesk.render.html import Linker, comparison_html, home_html, page_html, stylesheet
from htdesk.render.theme import DARK, LIGHT
from htdesk.store.pages import ComparedCountry, ComparisonData, LinkIndex, comparison_data, link_index, page_data
from htdesk.store.report import ReportStore, StoreError

INDEX = LinkIndex(
    acronyms={"KOM": ("glossary/kom", "National Coordination Unit"), "GRETA": ("glossary/greta", "Group of Experts")},
    names={"Norway": "country/no"},
    appendices={4: "section/appendix-4"},
)


def _strip_tags(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_acronyms_become_links_with_their_expansion() -> None:
    html = Linker(INDEX).html("The KOM reports to GRETA; KOMPASS is not KOM.")
    assert html.count('href="ht:glossary/kom"') == 2  # "KOMPASS" is a different word
    assert 'title="National Coordination Unit"' in html
    assert _strip_tags(html) == "The KOM reports to GRETA; KOMPASS is not KOM."


def test_appendix_mentions_and_names_link_once_per_paragraph() -> None:
    html = Linker(INDEX).html("See Appendix 4. Norway and Norway again; Appendix 9 is not known.")
    assert 'href="ht:section/appendix-4"' in html
    assert html.count('href="ht:country/no"') == 1
    assert "Appendix 9" in _strip_tags(html)


def test_a_page_does_not_link_to_itself() -> None:
    html = Linker(INDEX, self_id="glossary/kom").html("KOM")
    assert "href" not in html


@given(st.text(max_size=400))
def test_any_text_is_escaped_and_kept(text: str) -> None:
    html = Linker(INDEX).html(text)
    assert "<script" not in html.casefold() or "&lt;script" in html.casefold()
    assert _strip_tags(html) == text


def test_every_page_has_its_source_line(store: ReportStore) -> None:
    links = link_index(store)
    for kind in Kind:
        for s in store.summaries(kind)[:5]:
            data = page_data(store, s.id)
            assert data is not None
            html = page_html(data, links)
            assert f"Source: ICPC report, {s.source.cite()}" in _strip_tags(html)


def test_uncovered_dimension_is_marked(store: ReportStore) -> None:
    links = link_index(store)
    for c in store.records(Kind.COUNTRY):
        assert isinstance(c, Country)
        empty = [d for d in Dimension if not c.dimensions[d]]
        if empty:
            text = _strip_tags(page_html(page_data(store, c.id), links))  # type: ignore[arg-type]
            assert NOT_COVERED.capitalize() in text
            return
    raise AssertionError("every country covers every dimension: the marker is never exercised")


def test_comparison_has_a_column_per_country(store: ReportStore) -> None:
    data = comparison_data(store, ["be", "no", "se"])
    html = comparison_html(data, list(Dimension))
    assert html.count("<th ") + html.count("<th>") == 4
    assert "<thead>" in html  # the header row repeats on every printed page


def test_comparison_reads_every_country_as_the_content_model_does(store: ReportStore) -> None:
    models: list[Country] = list(store.records(Kind.COUNTRY))  # type: ignore[arg-type]
    read = comparison_data(store, [c.code for c in models])
    assert len(read.countries) == len(models) > 2
    for model, country in zip(models, read.countries, strict=True):
        assert isinstance(country, ComparedCountry)
        assert (country.code, country.name, country.first_nap_year, country.has_rapporteur) == (
            model.code,
            model.name,
            model.first_nap_year,
            model.has_rapporteur,
        )
        assert country.status_tags == list(model.status_tags)
        assert set(country.dimensions) == set(model.dimensions) == set(Dimension)
        for dim, statements in model.dimensions.items():
            assert [(s.text, s.source.ref, s.source.page) for s in statements] == [
                (s.text, s.source.ref, s.source.page) for s in country.dimensions[dim]
            ]
    # And so the comparison is the one the models would give, cell for cell and source for source.
    links = link_index(store)
    as_models = ComparisonData(models, read.institutions, read.practices)  # type: ignore[arg-type]
    assert comparison_html(read, list(Dimension), links=links) == comparison_html(
        as_models, list(Dimension), links=links
    )


def test_a_country_the_comparison_cannot_read_is_a_store_error(built_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(built_db, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE records SET data = json_remove(data, '$.dimensions') WHERE id = 'country/be'")
    damaged = ReportStore(copy)
    try:
        with pytest.raises(StoreError, match="country/be"):
            comparison_data(damaged, ["be", "no"])
    finally:
        damaged.close()


def test_home_page_names_the_report_and_its_date(store: ReportStore) -> None:
    html = home_html(store.meta(), store.summaries(Kind.COUNTRY), [], store.counts())
    text = _strip_tags(html)
    assert "Human Trafficking, Other Forms of Exploitation and Prevention Policies" in text
    assert "2014" in text and "not covered" in text


def test_themes_differ() -> None:
    assert stylesheet(LIGHT) != stylesheet(DARK)
    assert LIGHT.text in stylesheet(LIGHT) and DARK.text in stylesheet(DARK)


def test_history_back_forward() -> None:
    h = History()
    for page in ("home", "a", "b"):
        h.visit(page)
    assert h.back() == "a" and h.back() == "home" and not h.can_back()
    assert h.forward() == "a"
    h.visit("c")  # visiting drops the forward stack
    assert not h.can_forward() and h.current == "c"
    h.visit("c")
    assert h.back() == "a"


@given(st.lists(st.sampled_from(["a", "b", "c", "back", "forward"]), max_size=60))
def test_history_never_loses_the_current_page(steps: list[str]) -> None:
    h = History(limit=10)
    h.visit("home")
    for s in steps:
        if s == "back":
            h.back()
        elif s == "forward":
            h.forward()
        else:
            h.visit(s)
        assert h.current is not None


@given(st.text())
def test_escape_matches_the_standard_library(text: str) -> None:
    import html

    from htdesk.render.html import escape

    assert escape(text) == html.escape(text, quote=True)


def test_web_addresses_are_links_without_the_sentence_end() -> None:
    html = Linker(INDEX).html("See http://www.rcmp-grc.gc.ca/ht-tp/index-eng.htm. Then KOM (https://x.org/a_b).")
    assert '<a href="http://www.rcmp-grc.gc.ca/ht-tp/index-eng.htm">' in html
    assert '<a href="https://x.org/a_b">' in html
    assert _strip_tags(html) == "See http://www.rcmp-grc.gc.ca/ht-tp/index-eng.htm. Then KOM (https://x.org/a_b)."


def test_paper_has_no_record_links_and_no_screen_controls(store: ReportStore) -> None:
    links = link_index(store)
    for rid in store.record_ids():
        data = page_data(store, rid)
        assert data is not None
        printed = page_html(data, links, for_print=True)
        assert 'href="ht:' not in printed, rid
        assert "with other countries…" not in printed, rid
    norway = page_data(store, "country/no")
    assert norway is not None
    screen = page_html(norway, links)
    assert "Compare Norway with other countries…" in screen and 'href="ht:' in screen
    data = comparison_data(store, ["be", "no"])
    assert 'href="ht:' not in comparison_html(data, list(Dimension), links=links, for_print=True)
    assert 'href="ht:' in comparison_html(data, list(Dimension), links=links)


def test_country_page_gives_each_short_answer_above_its_statements(store: ReportStore) -> None:
    norway = store.record("country/no")
    assert isinstance(norway, Country)
    text = " ".join(_strip_tags(page_html(page_data(store, norway.id), link_index(store))).split())  # type: ignore[arg-type]
    for dim in Dimension:
        summary = norway.summaries[dim]
        if not norway.dimensions[dim]:
            assert f"In short: {summary.text}" not in text  # "not covered" is said once, below
            continue
        short = text.index(f"In short: {' '.join(summary.text.split())}")
        first = text.index(" ".join(norway.dimensions[dim][0].text.split())[:50])
        assert short < first
        assert f"ICPC report, {summary.source.cite()}" in text[short:first]  # type: ignore[union-attr]


def test_sheet_cites_every_cell_with_a_numbered_source(store: ReportStore) -> None:
    from htdesk.content.kinds import ALL_ROWS
    from htdesk.render.html import SHEET

    data = comparison_data(store, ["be", "no"])
    html = comparison_html(data, list(ALL_ROWS), layout=SHEET, for_print=True)
    cells = re.findall(r"<td>(.*?)</td>", html)
    assert len(cells) == 2 * (len(ALL_ROWS) + 1)  # the badges row, then one row a dimension or listing
    for cell in cells[2:]:
        assert "<sup>" in cell or "Not covered in the report" in cell
    foot = html.rsplit('<p class="sources">', 1)[1]
    numbers = [int(n) for n in re.findall(r"<b>(\d+)</b>", foot)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert "1 Chapter III, 1.3, p. 36" in " ".join(_strip_tags(foot).split())
    assert "Norway appears" not in html  # the short answers, not the statements


def test_a_stacked_sheet_names_each_row_above_it_and_splits_where_asked(store: ReportStore) -> None:
    from htdesk.content.kinds import ALL_ROWS
    from htdesk.render.html import SHEET

    data = comparison_data(store, ["be", "fr", "no", "se"])
    whole = comparison_html(data, list(ALL_ROWS), layout=SHEET, for_print=True, stacked=True)
    names = re.findall(r'<td class="label" colspan="4">(.*?)</td>', whole)
    assert names[0] == "At a glance" and len(names) == len(ALL_ROWS) + 1  # every row named, across the table
    assert 'class="corner"' not in whole  # no column of names
    split = comparison_html(data, list(ALL_ROWS), layout=SHEET, for_print=True, stacked=True, breaks={3, 7})
    tables = split.split("<table")[1:]
    assert len(tables) == 3
    assert all("page-break-before: always" in t.split(">", 1)[0] for t in tables[1:])
    assert all("<thead>" in t and "Sweden" in t.split("</thead>")[0] for t in tables)  # the countries again
    assert re.findall(r'colspan="4">(.*?)</td>', split) == names  # the same rows, in order, none lost
    assert [re.findall(r'colspan="4">(.*?)</td>', t)[0] for t in tables[1:]] == [names[3], names[7]]


def test_sheet_reference_runs_read_as_ranges() -> None:
    from htdesk.content.kinds import SourceRef
    from htdesk.render.html import SourceNumbers

    refs = SourceNumbers()
    assert refs.sup([SourceRef("Appendix 2", p) for p in (95, 96, 97, 98)]) == "<sup>1–4</sup>"
    assert refs.sup([SourceRef("Appendix 2", 96), SourceRef("Appendix 3", 100)]) == "<sup>2,5</sup>"
    assert refs.sup([SourceRef("Appendix 2", 95), SourceRef("Appendix 2", 96)]) == "<sup>1,2</sup>"
    assert refs.sup([]) == ""


@given(
    st.lists(
        st.tuples(st.sampled_from(["home", "country/be", "compare:be,no", "glossary/kom"]), st.integers(0, 9999)),
        min_size=1,
        max_size=80,
    ),
    st.integers(0, 100),
)
def test_history_comes_back_from_its_saved_line(visits: list[tuple[str, int]], back: int) -> None:
    h = History()
    for page, position in visits:
        h.visit(page)
        h.set_position(position)
    for _ in range(back):
        h.back()
    again = History.load(h.dump())
    pages = [p for _, p in h.entries()]
    kept = [p for _, p in again.entries()]
    # The last 50 at most, in order, always with the open page and where the reader was on it.
    assert 1 <= len(kept) <= 50 and any(pages[i : i + len(kept)] == kept for i in range(len(pages)))
    assert again.current == h.current and again.position == h.position


@given(st.text(max_size=200))
def test_any_saved_history_line_loads_or_gives_an_empty_history(line: str) -> None:
    h = History.load(line)
    assert h.current is None or h.current in [p for _, p in h.entries()]
