"""Country summaries: one short, sourced answer per dimension, the report's own words condensed."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from htdesk.__main__ import main
from htdesk.build.assemble import Content
from htdesk.build.pages import build_page_map, page_texts
from htdesk.content.curated import ContentError, load_country
from htdesk.content.models import NOT_COVERED_SUMMARY, SUMMARY_MAX_WORDS, Dimension, DimensionSummary, Source
from htdesk.content.trace import names_in, summary_passage, summary_problems, untraced
from htdesk.paths import content_dir, report_path
from htdesk.store.check import check_database
from htdesk.store.report import ReportStore

LINES = report_path().read_text("utf-8").split("\n")
PAGES = build_page_map(LINES)
REPORT_PAGES = page_texts(LINES, PAGES)
SOURCE = {"ref": "Chapter III, 1.3", "page": 38}


def page_text(page: int) -> str:
    return REPORT_PAGES.get(page, "")


# -- the model -------------------------------------------------------------------------------------
def test_a_summary_of_thirty_words_passes_thirty_one_do_not() -> None:
    assert DimensionSummary(text=" ".join(["word"] * 30), source=SOURCE)
    with pytest.raises(ValueError, match="at most 30 words, this one has 31"):
        DimensionSummary(text=" ".join(["word"] * 31), source=SOURCE)


def test_only_not_covered_goes_without_a_source() -> None:
    assert DimensionSummary(text=NOT_COVERED_SUMMARY).sources == []
    with pytest.raises(ValueError, match="needs a source"):
        DimensionSummary(text="Yes, since 1995")
    with pytest.raises(ValueError, match="cites no source"):
        DimensionSummary(text=NOT_COVERED_SUMMARY, source=SOURCE)


def test_sources_lists_the_main_citation_first() -> None:
    s = DimensionSummary(text="2008 per one; 2009 per the other", source=SOURCE, see_also=[{"ref": "Appendix 8"}])
    assert s.sources == [Source(**SOURCE), Source(ref="Appendix 8")]


# -- the loader ------------------------------------------------------------------------------------
def _country_file(tmp_path: Path, summary: str, code: str = "be") -> Path:
    """A country's file with one summary replaced (or, with an unknown dimension, added)."""
    dim = re.match(r"\[summaries\.(\w+)\]", summary)
    assert dim
    text = (content_dir() / "countries" / f"{code}.toml").read_text("utf-8")
    kept = [b for b in text.split("\n\n") if not b.lstrip().startswith(f"[summaries.{dim.group(1)}]")]
    path = tmp_path / "countries" / f"{code}.toml"
    path.parent.mkdir(parents=True)
    path.write_text("\n\n".join(kept) + "\n\n" + summary, "utf-8")
    return path


def test_loader_turns_summary_lines_into_pages(tmp_path: Path) -> None:
    path = _country_file(
        tmp_path,
        '[summaries.nap]\ntext = "Yes, since 1995"\nsource = { ref = "Chapter III, 1.3", line = 1229 }\n'
        'see_also = [{ ref = "Chapter III, comparison table", line = 2819 }]\n',
    )
    nap = load_country(path, PAGES.page_of).summaries[Dimension.NAP]
    assert [s.cite() for s in nap.sources] == [
        f"Chapter III, 1.3, p. {PAGES.page_of(1229)}",
        f"Chapter III, comparison table, p. {PAGES.page_of(2819)}",
    ]


@pytest.mark.parametrize(
    ("summary", "message"),
    [
        ('[summaries.nap]\ntext = "Yes"\n', "be.toml: field summaries.nap: Value error, a summary needs a source"),
        (
            '[summaries.related_strategies]\ntext = "Yes"\nsource = { ref = "x", line = 1229 }\n',
            f"no statements on related_strategies, so '{NOT_COVERED_SUMMARY}'",
        ),
        (
            f'[summaries.nap]\ntext = "{NOT_COVERED_SUMMARY}"\n',
            "says 'Not covered in the report' but nap has statements",
        ),
        ('[summaries.napp]\ntext = "Yes"\n', "be.toml: field summaries.napp"),
    ],
)
def test_a_wrong_summary_is_named_in_one_line(tmp_path: Path, summary: str, message: str) -> None:
    with pytest.raises(ContentError, match=re.escape(message)) as err:
        load_country(_country_file(tmp_path, summary), PAGES.page_of)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("gone", ["[summaries.demand]", "[summaries."])
def test_a_missing_summary_is_named(tmp_path: Path, gone: str) -> None:
    """One summary left out, or all of them: the message names what is missing and what to write."""
    text = (content_dir() / "countries" / "be.toml").read_text("utf-8")
    path = tmp_path / "countries" / "be.toml"
    path.parent.mkdir()
    path.write_text("\n\n".join(b for b in text.split("\n\n") if not b.lstrip().startswith(gone)), "utf-8")
    expected = "['demand']" if gone == "[summaries.demand]" else str([d.value for d in Dimension])
    with pytest.raises(
        ContentError, match=re.escape(f"be.toml: field summaries: Value error, missing summaries {expected}")
    ):
        load_country(path, PAGES.page_of)


# -- the content -----------------------------------------------------------------------------------
def test_every_country_has_all_ten_short_summaries(content: Content) -> None:
    assert len(content.countries) == 13
    for c in content.countries:
        assert list(c.summaries) == list(Dimension), c.code
        for d, s in c.summaries.items():
            assert len(s.text.split()) <= SUMMARY_MAX_WORDS, f"{c.code} {d}"
            assert (s.text == NOT_COVERED_SUMMARY) == (not c.dimensions[d]), f"{c.code} {d}"
            # Every cited page is a page of the report (the front matter has none to hold a summary to).
            assert all(src.page for src in s.sources), f"{c.code} {d}: a source without a page"


def test_every_summary_states_only_what_its_cited_pages_hold(content: Content) -> None:
    assert summary_problems(content.countries, page_text) == []


def test_a_summary_is_held_to_each_of_its_numbers_and_names(content: Content) -> None:
    """Every number and name of a written summary counts: changing any one of them is caught."""
    checked = 0
    for c in content.countries:
        for s in c.summaries.values():
            if s.source is None:
                continue
            passage = summary_passage(s, page_text)
            for number in set(re.findall(r"\d+", s.text)):
                wrong = str(int(number) + 7) + "1"  # a number no cited page holds nearby
                if wrong not in passage:
                    assert untraced(s.text.replace(number, wrong), passage), f"{c.code}: {s.text}"
                    checked += 1
            for name in names_in(s.text):
                if "Zanzibar" not in passage:
                    assert untraced(s.text.replace(name, f"{name} Zanzibar Council"), passage), s.text
                    checked += 1
    assert checked > 150


def test_a_number_or_name_not_on_the_cited_page_fails(content: Content, tmp_path: Path) -> None:
    """The proof: Belgium's NAP summary with a wrong year, or a body its page does not name."""
    nap = next(c for c in content.countries if c.code == "be").summaries[Dimension.NAP]
    assert nap.source is not None
    line = '[summaries.nap]\ntext = "{}"\nsource = {{ ref = "Chapter III, 1.3", line = 1229 }}\n'
    for text, culprit in [
        (nap.text.replace("1995", "1996"), "1996"),
        (nap.text + "; with the Council of the Baltic Sea States", "Council of the Baltic Sea States"),
        (nap.text + " (GRETA)", None),  # on the page: not a problem
        (nap.text + " (KOM)", "KOM"),
    ]:
        country = load_country(
            _country_file(tmp_path / culprit if culprit else tmp_path / "ok", line.format(text)), PAGES.page_of
        )
        problems = summary_problems([country], page_text)
        if culprit is None:
            assert problems == []
        else:
            assert len(problems) == 1 and f"states {culprit}, which the page it cites does not" in problems[0]
            assert f"(Chapter III, 1.3, p. {PAGES.page_of(1229)})" in problems[0]


def test_a_see_also_page_counts_for_the_summary(content: Content) -> None:
    """Sweden's rapporteur: 1998 in Chapter III, 1997 only in Appendix 8, which see_also cites."""
    rap = next(c for c in content.countries if c.code == "se").summaries[Dimension.RAPPORTEUR]
    assert [s.ref for s in rap.see_also] == ["Appendix 8"]
    assert untraced(rap.text, summary_passage(rap, page_text)) == []
    alone = rap.model_copy(update={"see_also": []})
    assert untraced(rap.text, summary_passage(alone, page_text)) == ["1997", "8"]  # "Appendix 8" too


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Yes, since 1995; chaired by the Ministry of Justice", ["Ministry of Justice"]),
        ("Several NGOs are members of KOM and NGOs", ["NGO", "KOM", "NGO"]),
        ("Child Focus sits in the unit", []),  # a capital opening the text may be an ordinary word
        (
            "led by the Centre for Equal Opportunities and Opposition to Racism (CEOOR).",
            ["CEOOR", "Centre for Equal Opportunities and Opposition to Racism"],
        ),
        ("figures (United States Department of State, 2010)", ["United States Department of State"]),
    ],
)
def test_names_are_acronyms_and_capitalised_runs(text: str, names: list[str]) -> None:
    assert names_in(text) == names


def test_glued_years_and_thousands_read_as_the_report_prints_them() -> None:
    assert untraced("plan 2007–2010 with 1,481 victims", "the 20072010 plan: 1,481 victims") == []
    assert untraced("plan 2007–2011", "the 20072010 plan") == ["2011"]


@settings(max_examples=500)
@given(st.text(max_size=200))
def test_any_text_traces_against_itself(text: str) -> None:
    """Whatever a curator types, the rule runs, and a passage holding the text holds its claims."""
    assert untraced(text, text) == []


# -- the database: export and check ----------------------------------------------------------------
def test_export_carries_each_summary_with_text_and_source(
    capsys: pytest.CaptureFixture[str], built_db: Path, content: Content
) -> None:
    assert main(["--db", str(built_db), "export"]) == 0
    exported = {c["code"]: c for c in json.loads(capsys.readouterr().out)["countries"]}
    for c in content.countries:
        assert list(exported[c.code]["summaries"]) == [d.value for d in Dimension]
        for d, s in c.summaries.items():
            out = exported[c.code]["summaries"][d.value]
            assert out["text"] == s.text
            assert out["source"] == (s.source.model_dump() if s.source else None)
            assert out["see_also"] == [x.model_dump() for x in s.see_also]


def test_the_database_holds_the_report_page_by_page(store: ReportStore) -> None:
    assert store.report_pages() == REPORT_PAGES
    assert "Belgium was the first country to introduce an NAP" in store.report_pages()[PAGES.page_of(1229) or 0]


def test_check_finds_a_summary_the_cited_page_does_not_back(built_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "ht.sqlite"
    shutil.copyfile(built_db, copy)
    conn = sqlite3.connect(copy)
    (data,) = conn.execute("SELECT data FROM records WHERE id = 'country/no'").fetchone()
    record = json.loads(data)
    record["summaries"]["nap"]["text"] = record["summaries"]["nap"]["text"].replace("2003", "2002")
    with conn:
        conn.execute("UPDATE records SET data = ? WHERE id = 'country/no'", (json.dumps(record),))
    conn.close()
    store = ReportStore(copy)
    try:
        problems = check_database(store)
    finally:
        store.close()
    page = PAGES.page_of(1359)
    assert [p for p in problems if "summary" in p] == [
        f"country/no summary of nap states 2002, which the page it cites does not (Chapter III, 1.3, p. {page})"
    ]
    assert main(["--db", str(copy), "check"]) != 0


def test_check_passes_the_built_database(store: ReportStore) -> None:
    assert [p for p in check_database(store) if "summary" in p] == []
