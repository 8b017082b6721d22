"""Country profiles: thirteen countries, ten dimensions each, every statement the report's own."""

from __future__ import annotations

import bisect
import json
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from html import unescape
from pathlib import Path

import pytest

from htdesk.__main__ import main
from htdesk.build.assemble import Content
from htdesk.build.pages import FOOTER_RE, build_page_map
from htdesk.build.sections import BARE_NUMBER_RE, find_footnotes, load_spec
from htdesk.content.models import NOT_COVERED, Country, Dimension
from htdesk.paths import content_dir, report_path
from htdesk.render.html import page_html
from htdesk.store.pages import link_index, page_data
from htdesk.store.report import ReportStore
from tests.content.wording import take_words

LINES = report_path().read_text("utf-8").split("\n")
PAGES = build_page_map(LINES)

CODES = ["au", "be", "bg", "br", "ca", "co", "fr", "gb", "it", "nl", "no", "se", "us"]

# -- a normaliser: the report's words, whatever the extraction did to them ----------------------
# Citations in parentheses ("(GRETA, 2013b)", "(Figure 18)") are dropped on both sides: curators
# may leave them out of a statement.
_CITATION = re.compile(r"\((?:[^()]*\b(?:19|20)\d\d[a-z]?\b[^()]*|Figures? \d+[^()]*)\)")
# One- and two-digit numbers are dropped on both sides: footnote calls stick to words in the
# extraction ("Sweden38 39does", "human trafficking. 14") and cannot be told from counts.
_SHORT_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


def skeleton(text: str) -> str:
    """Lower-case letters and digits only.

    Line breaks, lost or mended hyphens, quotes and spacing cannot hide a match.
    """
    text = _SHORT_NUMBER.sub("", _CITATION.sub("", text))
    return re.sub(r"[\W_]", "", text.replace("’", "'").lower())


def _without_insertions(text: str) -> str:
    """Curators' bracketed insertions ("This plan [National Action Plan ...] is") taken out."""
    return re.sub(r"\s*\[[^\]]*\]", "", text)


@dataclass(frozen=True)
class Stream:
    """Report lines folded into one skeleton string, with the line each character came from."""

    text: str
    starts: tuple[int, ...]  # offset in text where each kept line starts
    numbers: tuple[int, ...]  # 1-based report line of each kept line

    @classmethod
    def of(cls, keep: set[int]) -> Stream:
        kept = sorted(keep)
        raw = "\n".join(LINES[n - 1] for n in kept)
        # Citations wrap over line breaks: blank them in the joined text, keeping every offset,
        # before cutting it back into lines.
        raw = _CITATION.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), raw)
        parts, starts, pos = [], [], 0
        for line in raw.split("\n"):
            s = skeleton(line)
            parts.append(s)
            starts.append(pos)
            pos += len(s)
        return cls("".join(parts), tuple(starts), tuple(kept))

    def lines_of(self, text: str) -> list[int]:
        s = skeleton(text)
        if not s:
            return []
        return [
            self.numbers[bisect.bisect_right(self.starts, m.start()) - 1] for m in re.finditer(re.escape(s), self.text)
        ]


@cache
def streams() -> tuple[Stream, Stream]:
    """The body text and the whole text of the report, folded.

    The body leaves out footnotes, footers and page numbers, so a sentence reads across a page
    break; the whole text serves statements quoting a footnote.
    """
    spec = load_spec(content_dir() / "sections.toml")
    blocks = find_footnotes(LINES, PAGES, spec.footnote_blocks, spec.footnote_numbers)
    footnote_lines = set().union(*(b.lines for b in blocks))
    every = set(range(1, len(LINES) + 1))
    body = {
        n
        for n in every
        if n not in footnote_lines and not FOOTER_RE.search(LINES[n - 1]) and not BARE_NUMBER_RE.match(LINES[n - 1])
    }
    return Stream.of(body), Stream.of(every)


WINDOW_BEFORE, WINDOW_AFTER = 5, 150  # a statement's parts lie after its cited line, figures between


def _segments(text: str) -> list[str]:
    """A statement's sentences, clauses and list items.

    Curators join a lead-in and the items of a list with ': ' and '; '.
    """
    parts = re.split(r"\.\.\.|…|:\s|;\s|\.\s|\.$", _CITATION.sub("", _without_insertions(text)))
    return [p for p in parts if skeleton(p)]


def locate(text: str, cited: int) -> int | None:
    """The report line where a statement's text starts, nearest its cited line.

    None when some part of it is not the report's wording near there.
    """
    whole = _without_insertions(text)
    for stream in streams():
        if hits := stream.lines_of(whole):
            return min(hits, key=lambda n: abs(n - cited))
    first: int | None = None
    for seg in _segments(text):
        near = [
            n
            for stream in streams()
            for n in stream.lines_of(seg)
            if cited - WINDOW_BEFORE <= n <= cited + WINDOW_AFTER
        ]
        if not near:
            return None
        if first is None:
            first = min(near, key=lambda n: abs(n - cited))
    return first


# Statements compiled from a table or figure whose cells the extraction scattered: the words are
# the report's, checked as a bag within the lines of the table. Labels are the curators'
# (the comparison table prints its row headings once per page).
COMPILED_REF = re.compile(r"comparison table|Appendix \d|Figure \d")
LABELS = Counter(
    [
        "national",
        "action",
        "plan",
        "themes",
        "coordination",
        "mechanisms",
        "data",
        "gathering",
        "system",
        "ngo",
        "involvement",
    ]
)


def _bag(text: str) -> Counter[str]:
    return Counter(re.sub(r"[\W_]", "", w) for w in skeleton_words(text))


def skeleton_words(text: str) -> list[str]:
    text = _SHORT_NUMBER.sub("", text.replace("’", "'").lower())
    return [w for w in re.split(r"[\s/]+", text) if re.search(r"[^\W_]", w)]


def missing_from_table(text: str, cited: int) -> list[str]:
    """Words of a compiled statement not among the table's lines.

    A row's cells may start well above the line where the cited cell does, and run on below it.
    """
    lines = "\n".join(LINES[max(0, cited - 150) : cited + 200])
    have = _bag(lines)
    # A hyphen at a line end joins its halves; a footnote call glues digits to a word ("PITF2000").
    have.update(a + b for a, b in re.findall(r"([^\W_]+)-\s*\n\s*([^\W_]+)", lines.lower()))
    have.update(p for w in list(have) if re.search(r"[a-z]\d|\d[a-z]", w) for p in re.findall(r"[a-z]+|\d+", w))
    have += LABELS
    return take_words(skeleton_words(_without_insertions(text)), have)


def _raw_statements() -> list[tuple[str, str, int, dict[str, object]]]:
    """(country, dimension, index, statement as written) - the cited line is not in the model."""
    out = []
    for path in sorted((content_dir() / "countries").glob("*.toml")):
        raw = tomllib.loads(path.read_text("utf-8"))
        for d in Dimension:
            for k, st in enumerate(raw.get(d.value, [])):
                out.append((path.stem, d.value, k, st))
    return out


RAW = _raw_statements()
CHECKED = ("status", "nap", "coordination")


def _id(entry: tuple[str, str, int, dict[str, object]]) -> str:
    return f"{entry[0]}-{entry[1]}-{entry[2]}"


# -- counts and presence --------------------------------------------------------------------------
def test_count_of_countries(content: Content) -> None:
    assert sorted(c.code for c in content.countries) == CODES


def test_every_dimension_has_sourced_text_or_is_empty(content: Content) -> None:
    for c in content.countries:
        assert list(c.dimensions) == list(Dimension), c.id
        for d, statements in c.dimensions.items():
            for s in statements:
                assert s.text.strip() and s.text.strip() != NOT_COVERED, f"{c.id} {d}"
                assert s.source.ref.strip(), f"{c.id} {d}: a statement without a source"
                # Only the front matter (before the introduction) has no derivable page.
                assert s.source.page is not None or s.source.ref.startswith("Executive summary"), f"{c.id} {d}"


def test_empty_dimensions_render_not_covered(store: ReportStore) -> None:
    links = link_index(store)
    for code in CODES:
        country = store.record(f"country/{code}")
        assert isinstance(country, Country)
        data = page_data(store, country.id)
        assert data is not None
        text = unescape(re.sub(r"<[^>]+>", " ", page_html(data, links)))
        empty = sum(1 for d in Dimension if not country.dimensions[d])
        assert text.count(NOT_COVERED.capitalize()) == empty, code
        for statements in country.dimensions.values():
            for s in statements:
                assert s.source.cite() in text, f"{code}: {s.source.cite()} not shown"


def test_export_lists_every_country_with_all_fields(
    capsys: pytest.CaptureFixture[str], built_db: Path, content: Content
) -> None:
    assert main(["--db", str(built_db), "export"]) == 0
    doc = json.loads(capsys.readouterr().out)
    exported = {c["id"]: c for c in doc["countries"]}
    assert sorted(exported) == [f"country/{c}" for c in CODES]
    for c in content.countries:
        rec = exported[c.id]
        assert set(rec["dimensions"]) == {d.value for d in Dimension}
        for d, statements in c.dimensions.items():
            assert [s["text"] for s in rec["dimensions"][d.value]] == [s.text for s in statements]
            assert [s["source"]["ref"] for s in rec["dimensions"][d.value]] == [s.source.ref for s in statements]
        for field in ("name", "status_tags", "first_nap_year", "has_rapporteur", "source"):
            assert field in rec, f"{c.id} lacks {field}"


# -- status, NAP and coordination against the report -------------------------------------------------
# Read from the report (Chapter I, 2 for Canada; Chapter III 1.3, 2.2, the comparison table and the
# appendices for the others): for each country and dimension, the opening words and reference of
# every statement, in order. Countries only mentioned in passing (bg, br, co, it) cover few.
EXPECTED: dict[str, dict[str, list[tuple[str, str]]]] = {
    "au": {
        "status": [("Chapter III, 1.3", "Australia is primarily a country of origin and destination")],
        "nap": [
            ("Chapter III, 1.3", "In 2003, the government adopted The Australian Government Action Plan"),
            ("Chapter III, 1.3", "Between 2004 and 2010, the government invested funds"),
            ("Chapter III, 1.3", "Components of the NAP: Prevention"),
            ("Chapter III, comparison table", "National Action Plan: 2003."),
        ],
        "coordination": [
            (
                "Chapter III, 2.2",
                "In Australia, the Interdepartmental Committee on Human Trafficking and Slavery",
            ),
            ("Chapter III, 2.2", "Roundtables were set up in 2008"),
            ("Chapter III, 2.2, Figure 22", "Figure 22: Interdepartmental Committee"),
            ("Appendix 6", "Interdepartmental Committee on Human Trafficking and Slavery, IDC"),
            (
                "Chapter III, comparison table",
                "National Coordination Mechanisms: Interdepartmental Committee",
            ),
        ],
    },
    "be": {
        "status": [("Chapter III, 1.3", "Due to its geographical location, Belgium is mainly known as a destination")],
        "nap": [
            ("Chapter III, 1.3", "Belgium’s national strategy meets the recommendations"),
            ("Chapter III, 1.3", "Belgium was the first country to introduce an NAP"),
            ("Chapter III, 1.3", "As it is now well beyond its initial trials, the 2012-2014 NAP"),
            ("Chapter III, comparison table", "National Action Plan: 2012-2014."),
        ],
        "coordination": [
            ("Chapter III, 2.2", "A coordination mechanism - the Inter-departmental Co-ordination Unit"),
            ("Chapter III, 2.2", "“The Unit meets two or three times per year"),
            (
                "Chapter III, 2.2, Figure 18",
                "Figure 18: Members of the Inter-departmental Co-ordination Unit",
            ),
            ("Appendix 2", "Inter-Departmental Co-ordination Unit for Action against Trafficking"),
            (
                "Chapter III, comparison table",
                "National Coordination Mechanisms: Interdepartmental coordination unit",
            ),
        ],
    },
    "bg": {
        "status": [
            (
                "Chapter III, 1.3, Figure 14",
                "Developing international cooperation, namely with countries of origin",
            ),
            (
                "Chapter III, 1.3",
                "In 2012, victims [in the Netherlands] mainly came from Nigeria, Romania, Bulgaria",
            ),
        ],
        "nap": [],
        "coordination": [],
    },
    "br": {
        "status": [
            ("Chapter III, 6.3.a", "Some time ago, a human trafficking chain between Brazil and Portugal"),
            ("Chapter III, 1.3", "Most trafficking in France involves prostitution networks"),
        ],
        "nap": [],
        "coordination": [],
    },
    "ca": {
        "status": [
            ("Chapter I, 2", "Canada is a country of origin, transit and destination"),
            ("Chapter I, 2", "Moreover, according to the Canadian government, “human trafficking occurs"),
            ("Executive summary", "Faced with the same challenges as other source, transit and destination"),
        ],
        "nap": [
            ("Chapter I, 2", "In 2012, Canada launched its first National Action Plan"),
            ("Chapter I, 2", "In terms of prevention, the national plan focuses on awareness and research"),
            ("Chapter I, 2", "On the international front, the Department of Foreign Affairs"),
            (
                "Chapter I, 2, Figure 13",
                "Figure 13: Canada’s National Action Plan and its focus on prevention",
            ),
            ("Chapter I, 2", "Prevention strategies have been developed at the provincial level"),
        ],
        "coordination": [
            ("Chapter I, 2", "The working group on human trafficking is led by Public Safety Canada"),
            ("Chapter I, 2", "Human Trafficking Taskforce: Public Safety Canada"),
            ("Chapter I, 2", "In terms of prevention, many forums are organized"),
            ("Chapter I, 2", "The federal government has confirmed its support of local governments"),
        ],
    },
    "co": {
        "status": [],
        "nap": [("Chapter III, 6.8.b", "Strengthen institutions: Decentralize public policy")],
        "coordination": [],
    },
    "fr": {
        "status": [("Chapter III, 1.3", "France is mainly a destination country")],
        "nap": [
            ("Chapter III, 1.3", "To date, France has not adopted a national plan"),
            ("Chapter III, 1.3", "The plan focuses on seven priorities"),
            ("Chapter III, 1.3", "MIPROF"),
            (
                "Chapter III, 1.3, footnote 14",
                "During finalization of the report, France presented its first",
            ),
            ("Chapter III, 1.3, Figure 14", "Figure 14: The main components of the draft NAP"),
            ("Chapter III, 1.3", "The current prevention strategy is based on identifying victims"),
            ("Chapter III, comparison table", "National Action Plan: 2014-2016."),
            ("Chapter III, 6.6.b", "A number of such initiatives [cultural mediators] have been launched"),
        ],
        "coordination": [
            ("Chapter III, 2.2", "In France, the institutional framework for the fight against trafficking"),
            ("Chapter III, 2.2, Figure 19", "Figure 19: Members of the Interministerial Mission"),
            ("Chapter III, 2.2", "Since 2013, coordination of France’s national efforts"),
            ("Chapter III, comparison table", "National Coordination Mechanisms: Interministerial Mission"),
        ],
    },
    "gb": {
        "status": [("Chapter III, 1.3", "The United Kingdom is a country of origin, transit and destination.")],
        "nap": [
            ("Chapter III, 1.3", "The first action plan against trafficking was adopted in 2007."),
            ("Chapter III, 1.3", "The 2011, the strategy, “Human Trafficking: The Government’s Strategy”"),
            ("Chapter III, comparison table", "National Action Plan: 2007."),
        ],
        "coordination": [
            ("Chapter III, 2.2", "In the United Kingdom, the Home Office assumes overall responsibility"),
            ("Chapter III, 2.2, Figure 23", "Figure 23: Home Office departments"),
            (
                "Chapter III, 2.2",
                "The Inter-Departmental Ministerial Group (IDMG), which was established in 2005",
            ),
            ("Chapter III, 2.2", "In 2011, the U.K. government set up a Strategic Board"),
            ("Appendix 7", "Inter-Departmental Ministerial Group (IMDG) - 2005"),
            ("Chapter III, 2.2, footnote 34", "NCA coordinates human trafficking detection and repression"),
            (
                "Chapter III, comparison table",
                "National Coordination Mechanisms: United Kingdom Human Trafficking Centre (UKHTC). Home Office.",
            ),
        ],
    },
    "it": {"status": [], "nap": [], "coordination": []},
    "nl": {
        "status": [("Chapter III, 1.3", "The Netherlands is a country of origin, transit and destination")],
        "nap": [
            ("Chapter III, 1.3", "In 2004, the government of the Netherlands adopted a National Action Plan"),
            ("Chapter III, 1.3", "The NAP 2011-2014 is based on the “barrier model”"),
            ("Chapter III, 1.3", "The plan includes eleven chapters"),
            ("Chapter III, comparison table", "National Action Plan: 2011-2014."),
            ("Chapter III, 6.5.e", "Dutch authorities are paying great attention to the loverboy phenomenon"),
        ],
        "coordination": [
            (
                "Chapter III, 2.2",
                "In the Netherlands, the Ministry of Security and Justice (VenJ) is in charge",
            ),
            ("Chapter III, 2.2", "In 2008, the Dutch government, through VenJ, created a Working Group"),
            ("Chapter III, 2.2", "The working group is responsible for maintaining links"),
            ("Chapter III, 2.2, Figure 21", "Figure 21: Task Force on Human Trafficking"),
            (
                "Chapter III, 3.2",
                "With respect to the exchange of information at the national and local level",
            ),
            ("Chapter III, comparison table", "National Coordination Mechanisms: National Working Group"),
        ],
    },
    "no": {
        "status": [("Chapter III, 1.3", "Norway appears to be exclusively a country of destination")],
        "nap": [
            ("Chapter III, 1.3", "Norway has adopted many plans since 2003."),
            (
                "Chapter III, 1.3",
                "This plan was not subjected to an evaluation, and was replaced by the current 2011-2014 plan",
            ),
            ("Chapter III, comparison table", "National Action Plan: 2011-2014."),
        ],
        "coordination": [
            (
                "Chapter III, 2.2",
                "The National Coordination Unit for Victims of Trafficking (Koordineringsenheten",
            ),
            ("Chapter III, 2.2", "Based on the evaluation and its recommendations, the Ministry of Justice"),
            ("Chapter III, 2.2", "The KOM chairs two groups"),
            ("Chapter III, 2.2", "Since 2003, Norway has had an Interministerial Working Group"),
            ("Appendix 4", "Inter-ministerial Working Group against Human Trafficking - 2003"),
            ("Chapter III, comparison table", "National Coordination Mechanisms: KOM"),
        ],
    },
    "se": {
        "status": [("Chapter III, 1.3", "Sweden is a source, transit and destination country")],
        "nap": [
            ("Chapter III, 1.3", "Widely known for its position on prostitution that penalizes the client"),
            ("Chapter III, 1.3", "Sweden adopted its first National Action Plan in 2008-2010"),
            ("Chapter III, 1.3, Figure 16", "Figure 16: Preventive measures in Sweden’s NAP"),
            ("Chapter III, comparison table", "National Action Plan: 2011-2014."),
        ],
        "coordination": [
            ("Chapter III, 2.2", "Sweden does not have a national coordinator"),
            ("Chapter III, 2.2", "The Ministry of Education and Research (Department of Gender Equality)"),
            ("Chapter III, 2.2", "The County Administrative Board of Stockholm coordinates joint efforts"),
            (
                "Chapter III, 2.2",
                "The County Administrative Board of Stockholm includes two coordinating bodies",
            ),
            (
                "Chapter III, 2.2, Figure 24",
                "Figure 24: National Task Force against Prostitution and Trafficking",
            ),
            (
                "Chapter III, 2.2",
                "The National Coordinator against Prostitution and Human Trafficking is often",
            ),
            ("Chapter III, 2.2", "The Foreign Affairs Ministry includes a special ambassador"),
            ("Appendix 8", "National Co-ordinator against Prostitution and Trafficking – 2009"),
            (
                "Chapter III, comparison table",
                "National Coordination Mechanisms: County Administrative Board",
            ),
        ],
    },
    "us": {
        "status": [("Chapter III, 1.3", "The United States is a country of origin, transit and destination.")],
        "nap": [
            (
                "Chapter III, 1.3",
                "The goal of the Trafficking Victims Protection Act (TVPA), adopted in 2000",
            ),
            ("Chapter III, comparison table", "National Action Plan: 2001."),
        ],
        "coordination": [
            ("Chapter III, 1.3", "One of the first prerogatives of the TVPA was the creation"),
            ("Chapter III, 2.2", "In the United States, the Presidential Interagency Task Force"),
            ("Chapter III, 2.2, Figure 25", "Figure 25: Presidential Interagency Task Force"),
            (
                "Appendix 9",
                "President’s Interagency Task Force to Monitor and Combat Trafficking, PITF - 2000",
            ),
            (
                "Chapter III, comparison table",
                "National Coordination Mechanisms: Interdepartmental Working Group",
            ),
        ],
    },
}


def test_every_country_has_its_expectations() -> None:
    assert sorted(EXPECTED) == CODES
    assert all(set(v) == set(CHECKED) for v in EXPECTED.values())


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("dimension", CHECKED)
def test_status_nap_coordination_against_the_report(content: Content, code: str, dimension: str) -> None:
    country = next(c for c in content.countries if c.code == code)
    got = [(s.source.ref, s.text) for s in country.dimensions[Dimension(dimension)]]
    want = EXPECTED[code][dimension]
    assert [ref for ref, _ in got] == [ref for ref, _ in want]
    for (_, text), (_, opening) in zip(got, want, strict=True):
        assert text.startswith(opening), f"{text[:80]!r} does not open with {opening!r}"


def test_status_tags_say_what_the_status_statements_say(content: Content) -> None:
    for c in content.countries:
        said = " ".join(s.text.lower() for s in c.dimensions[Dimension.STATUS])
        for tag in c.status_tags:
            word = {"origin": r"origin|source", "transit": "transit", "destination": "destination"}[tag]
            assert re.search(word, said), f"{c.id} is tagged {tag} but no status statement says so"


@pytest.mark.parametrize("entry", [e for e in RAW if e[1] in CHECKED], ids=_id)
def test_statement_is_the_reports_wording_on_its_page(entry: tuple[str, str, int, dict[str, object]]) -> None:
    """Status, NAP and coordination statements are the report's words, on the cited page.

    Read across line breaks, hyphen repairs, footnote calls and citations.
    """
    _, _, _, st = entry
    text = str(st["text"])
    cited = int(st["source"]["line"])  # type: ignore[index]
    ref = str(st["source"]["ref"])  # type: ignore[index]
    if COMPILED_REF.search(ref):
        assert not missing_from_table(text, cited), f"not among the table's words: {missing_from_table(text, cited)}"
        return
    found = locate(text, cited)
    if found is None:
        bad = [s for s in _segments(text) if not any(stream.lines_of(s) for stream in streams())]
        pytest.fail(f"not the report's wording near line {cited}: {bad or _segments(text)}")
    assert PAGES.page_of(found) == PAGES.page_of(cited), f"text is at line {found}, cited {cited}"


@pytest.mark.parametrize("entry", [e for e in RAW if e[1] not in CHECKED], ids=_id)
def test_other_statements_are_the_reports_words(entry: tuple[str, str, int, dict[str, object]]) -> None:
    """The other dimensions: every word is the report's, near the cited line."""
    _, _, _, st = entry
    text = str(st["text"])
    cited = int(st["source"]["line"])  # type: ignore[index]
    if COMPILED_REF.search(str(st["source"]["ref"])) or locate(text, cited) is None:  # type: ignore[index]
        assert not missing_from_table(text, cited), missing_from_table(text, cited)


# -- contradictions kept with both sources ------------------------------------------------------------
def test_sweden_rapporteur_shows_both_years(content: Content) -> None:
    se = next(c for c in content.countries if c.code == "se")
    statements = se.dimensions[Dimension.RAPPORTEUR]
    from_appendix = [s for s in statements if s.source.ref == "Appendix 8" and "1997" in s.text]
    from_chapter = [s for s in statements if s.source.ref == "Chapter III, 3.2" and "1998" in s.text]
    assert from_appendix and from_chapter
    # Each is on the page its line gives, and the report does say both.
    assert from_appendix[0].source.page == PAGES.page_of(6922)
    assert "since 1998" in from_chapter[0].text
    assert from_chapter[0].source.page == PAGES.page_of(next(n for n, t in enumerate(LINES, 1) if "since 1998" in t))
    assert se.has_rapporteur is True


def test_france_nap_shows_not_adopted_and_the_2014_plan(content: Content) -> None:
    fr = next(c for c in content.countries if c.code == "fr")
    nap = fr.dimensions[Dimension.NAP]
    not_adopted = [s for s in nap if "France has not adopted a national plan" in s.text]
    plan_2014 = [s for s in nap if "footnote 14" in s.source.ref and "May 2014" in s.text]
    assert not_adopted and plan_2014
    assert not_adopted[0].source.ref == "Chapter III, 1.3"
    assert fr.first_nap_year == 2014
