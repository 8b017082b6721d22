"""The report's text as a reader sees it: every section, in order, clean, with its footnotes."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from htdesk.build.assemble import Content
from htdesk.build.sections import strip_calls
from htdesk.content.models import Section
from htdesk.content.text import block_text
from htdesk.paths import report_path

REPORT = report_path().read_text("utf-8")
LINES = REPORT.split("\n")
FLAT = re.sub(r"\s+", " ", REPORT)  # the report with its line breaks undone
VOCABULARY = Counter(w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+", REPORT))

# The report's table of contents as read from its headings: (id suffix, number, parent suffix).
HIERARCHY: list[tuple[str, str | None, str | None]] = [
    ("message", None, None),
    ("executive-summary", None, None),
    ("introduction", None, None),
    ("1", "I", None),
    ("1-1", "1", "1"),
    ("1-1-1", "1.1", "1-1"),
    ("1-1-2", "1.2", "1-1"),
    ("1-1-3", "1.3", "1-1"),
    ("1-2", "2", "1"),
    ("2", "II", None),
    ("2-1", "1", "2"),
    ("2-2", "2", "2"),
    ("2-3", "3", "2"),
    ("3", "III", None),
    ("3-1", "1", "3"),
    ("3-1-1", "1.1", "3-1"),
    ("3-1-2", "1.2", "3-1"),
    ("3-1-3", "1.3", "3-1"),
    ("3-2", "2", "3"),
    ("3-2-1", "2.1", "3-2"),
    ("3-2-2", "2.2", "3-2"),
    ("3-2-2-conclusion", None, "3-2-2"),
    ("3-2-3", "2.3", "3-2"),
    ("3-3", "3", "3"),
    ("3-3-1", "3.1", "3-3"),
    ("3-3-2", "3.2", "3-3"),
    ("3-3-conclusion", None, "3-3"),
    ("3-4", "4", "3"),
    ("3-4-1", "4.1", "3-4"),
    ("3-4-2", "4.2", "3-4"),
    ("3-5", "5", "3"),
    ("3-5-1", "5.1", "3-5"),
    ("3-5-2", "5.2", "3-5"),
    ("3-6", "6", "3"),
    ("3-6-1", "6.1", "3-6"),
    *[(f"3-6-1-{x}", f"6.1.{x}", "3-6-1") for x in "abcdef"],
    ("3-6-2", "6.2", "3-6"),
    ("3-6-2-a", "6.2.a", "3-6-2"),
    ("3-6-3", "6.3", "3-6"),
    ("3-6-3-a", "6.3.a", "3-6-3"),
    ("3-6-4", "6.4", "3-6"),
    *[(f"3-6-4-{x}", f"6.4.{x}", "3-6-4") for x in "abc"],
    ("3-6-5", "6.5", "3-6"),
    *[(f"3-6-5-{x}", f"6.5.{x}", "3-6-5") for x in "abcdef"],
    ("3-6-6", "6.6", "3-6"),
    *[(f"3-6-6-{x}", f"6.6.{x}", "3-6-6") for x in "abc"],
    ("3-6-7", "6.7", "3-6"),
    *[(f"3-6-7-{x}", f"6.7.{x}", "3-6-7") for x in "ab"],
    ("3-6-8", "6.8", "3-6"),
    *[(f"3-6-8-{x}", f"6.8.{x}", "3-6-8") for x in "ab"],
    ("3-6-conclusion", None, "3-6"),
    ("conclusion", None, None),
    ("appendices", None, None),  # the divider page: only its footnote 57 survives
    *[(f"appendix-{k}", f"Appendix {k}", None) for k in range(1, 10)],
]
# Headings the report follows straight away with a subheading: no text of their own.
NO_TEXT_OF_THEIR_OWN = {"1", "2", "3", "3-3", "3-6-5", "3-6-7", "3-6-8"}
# Appendices 2-9 are tables read as institutions (institutions/*.toml), not as prose.
TABLE_APPENDICES = {f"appendix-{k}" for k in range(2, 10)}
# Footnotes 1-61 as printed; 57 (lines 4144-4145) is the appendices' divider page's (its call went with the title).
FOOTNOTES = list(range(1, 62))


def _texts(section: Section) -> list[str]:
    return [*block_text(section.body)]


def _by_id(content: Content) -> dict[str, Section]:
    return {s.id.removeprefix("section/"): s for s in content.sections}


# ------------------------------------------------------------------ structure


def test_sections_are_the_reports_in_its_order_and_hierarchy(content: Content) -> None:
    got = [
        (s.id.removeprefix("section/"), s.number, (s.parent or "").removeprefix("section/") or None)
        for s in content.sections
    ]
    assert got == HIERARCHY
    assert [s.order for s in content.sections] == sorted(s.order for s in content.sections)


def test_section_count_is_pinned(content: Content) -> None:
    assert len(content.sections) == 78


def test_levels_follow_the_parents(content: Content) -> None:
    sections = _by_id(content)
    for s in content.sections:
        parent = (s.parent or "").removeprefix("section/")
        assert s.level == (0 if not parent else sections[parent].level + 1), s.id


@pytest.mark.parametrize("sid", [h[0] for h in HIERARCHY])
def test_every_prose_section_has_text(content: Content, sid: str) -> None:
    section = _by_id(content)[sid]
    if sid in TABLE_APPENDICES:
        return
    if sid == "appendices":  # the divider page holds only its footnote
        assert section.body == [] and [f.number for f in section.footnotes] == [57]
        return
    if sid in NO_TEXT_OF_THEIR_OWN:
        assert section.body == []
        return
    assert section.body, sid
    assert sum(len(t) for t in _texts(section)) > 150, sid


def test_headings_without_text_really_have_none_in_the_report(content: Content) -> None:
    # Between such a heading and the next one the report prints nothing but its title.
    ordered = content.sections
    for here, nxt in pairwise(ordered):
        sid = here.id.removeprefix("section/")
        if sid in NO_TEXT_OF_THEIR_OWN:
            assert nxt.parent == here.id, f"{sid} is followed by its first subsection"


def test_every_section_cites_its_page(content: Content) -> None:
    pages = []
    for s in content.sections:
        if s.id in ("section/message", "section/executive-summary"):
            assert s.source.page is None  # the front matter's pages cannot be derived
            continue
        assert s.source.page is not None, s.id
        pages.append(s.source.page)
    assert pages == sorted(pages)
    assert _by_id(content)["3-2-2"].source.cite() == "Chapter III, 2.2, pp. 49–58"
    assert _by_id(content)["appendix-4"].source.cite() == "Appendix 4, pp. 107–108"


# ------------------------------------------------------------------ clean text

FOOTER_TEXT = re.compile(r"prevention policies\s*/\s*\d+", re.IGNORECASE)


@pytest.mark.parametrize("sid", [h[0] for h in HIERARCHY if h[0] not in TABLE_APPENDICES])
def test_text_is_clean(content: Content, sid: str) -> None:
    section = _by_id(content)[sid]
    called = {f.number for f in section.footnotes}
    for text in _texts(section):
        assert not FOOTER_TEXT.search(text), text
        assert not re.fullmatch(r"\s*\d{1,3}\s*", text), f"bare number line {text!r}"
        assert not re.search(r"\bSources? ?:", text), f"a figure's source line leaked: {text!r}"
        # A footnote call glued to a word ("Belgium10", "2009).46") or to the next one ("39does").
        glued = r"(?<=[a-z\)”’])(\d{1,2})\b|\b(\d{1,2})(?=[a-z]{2,})(?!st\b|nd\b|rd\b|th\b)"
        for m in re.finditer(glued, text):
            number = int(m.group(1) or m.group(2))
            where = text[max(0, m.start() - 40) : m.end() + 20]
            assert number not in FOOTNOTES, f"footnote call {number} left in {where!r}"
        for number in called:
            # A spaced call: "report 4, which", "Netherlands, 30 the", "trafficking. 14".
            spaced = rf"(?<=[A-Za-z\)]) {number}(?=[,.;:](?: |$)|$)|(?<=[a-z],) {number}(?= [a-z])"
            for m in re.finditer(spaced, text):
                before = text[: m.start()].split()
                # "Chapter 1:", "Figure 14," are references, not calls.
                if before and before[-1] in ("Chapter", "Figure", "Appendix", "Article", "Section"):
                    continue
                pytest.fail(f"footnote call {number} left in {text!r}")
        assert not re.search(r"\b(?:19|20)\d\d(?:19|20)\d\d\b", text), f"year range run together in {text!r}"
        assert "  " not in text and " ," not in text and ".." not in text.replace("...", ""), text


def _first_word(text: str) -> str:
    m = re.match(r"[A-Za-zÀ-ÿ]+", text)
    return m.group(0) if m else ""


def _last_word(text: str) -> str:
    m = re.search(r"[A-Za-zÀ-ÿ]+$", text)
    return m.group(0) if m else ""


def test_no_paragraph_ends_in_half_a_word(content: Content) -> None:
    # A word the report has only as two halves ("traf" / "ficking") means a wrong split.
    for s in content.sections:
        texts = _texts(s)
        for here, nxt in pairwise(texts):
            a, b = _last_word(here), _first_word(nxt)
            if a and b and VOCABULARY[a.lower()] <= 1 and VOCABULARY[(a + b).lower()] >= 1:
                pytest.fail(f"{s.id}: {a!r} / {b!r} is one word split between two blocks")


def test_paragraphs_do_not_break_mid_sentence(content: Content) -> None:
    for s in content.sections:
        for block in s.body:
            if block.type == "p":
                assert not block.text[0].islower(), f"{s.id} paragraph starts mid-sentence: {block.text[:60]!r}"


@pytest.mark.parametrize(
    ("broken", "mended"),
    [
        ("networkbuilding", "network-building"),
        ("20072010", "2007-2010"),
        ("day-today", "day-to-day"),
        ("coresponsibility", "co-responsibility"),
        ("revictimization", "re-victimization"),
    ],
)
def test_words_the_extraction_broke_are_mended(content: Content, broken: str, mended: str) -> None:
    assert broken in FLAT  # the damage is in the source ...
    text = "\n".join(t for s in content.sections for t in _texts(s))
    assert broken not in text  # ... not in what the reader sees
    assert mended in text


def test_the_acronym_table_is_not_read_as_the_executive_summary(content: Content) -> None:
    text = " ".join(_texts(_by_id(content)["executive-summary"]))
    assert "Council of the Baltic Sea States" not in text
    assert "CAVAC" not in text
    assert text.rstrip().endswith("and rehabilitation.")


def test_chapter_three_title_lines_stay_out_of_the_text(content: Content) -> None:
    sections = _by_id(content)
    assert sections["3"].title == (
        "Exploration and analysis of strategies and initiatives related to the prevention of human trafficking"
    )
    assert sections["3"].body == []
    assert _texts(sections["3-1"])[0].startswith("This section outlines the function of a national action plan")


# ------------------------------------------------------------------ headings and lists


@pytest.mark.parametrize(
    ("sid", "headings"),
    [
        (
            "executive-summary",
            [
                "Chapter 1: International context",
                "Chapter 2: Methodology",
                "Chapter 3: Exploration and analysis of strategies and initiatives related to the prevention"
                " of human trafficking",
            ],
        ),
        ("1-1-1", ["Migratory movements", "Types of trafficking", "Victims", "Traffickers"]),
        ("1-1-3", ["Addressing the root causes", "Awareness-raising", "Discouraging demand"]),
        (
            "appendix-1",
            [
                "COMPARATIVE REPORT ON HUMAN TRAFFICKING SURVEY",
                "Exploration of strategies and initiatives regarding the prevention of human trafficking at"
                " the international level",
                "Context:",
                "Strategies regarding the prevention of human trafficking:",
                "Related strategies regarding the prevention of human trafficking:",
                "Identification and dissemination of information, and coordination across different levels:",
                "Targeted approach of the prevention of human trafficking:",
                "Practices regarding the prevention of human trafficking:",
                "The demand side:",
                "Evaluation:",
                "Other comments:",
            ],
        ),
    ],
)
def test_unnumbered_subheadings_are_headings(content: Content, sid: str, headings: list[str]) -> None:
    section = _by_id(content)[sid]
    assert [b.text for b in section.body if b.type == "heading"] == headings  # type: ignore[union-attr]
    for h in headings:
        assert h.rstrip(":").replace(" SURVEY", "") in FLAT


def test_subheadings_open_their_paragraphs(content: Content) -> None:
    body = _by_id(content)["1-1-1"].body
    kinds = [b.type for b in body]
    assert kinds[0] == "heading"
    first = body[1]
    assert first.type == "p" and first.text.startswith("The attention paid to human trafficking")  # type: ignore[union-attr]


def _lists(section: Section) -> list[list[str]]:
    return [b.items for b in section.body if b.type == "list"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sid", "first", "last", "count"),
    [
        ("1-1-3", "Employer demand", "Third parties involved in the process", 3),
        ("2-2", "Strategies regarding the prevention of human trafficking:", "Other comments:", 8),
        ("3-1-3", "Changes to legislation;", "Creation of an optimal data collection process.", 5),
        ("3-1-3", "Integrated approach;", "Internet.", 11),
        ("3-2-2", "Clarification of KOM clientele", "To what extent KOM must engage", 5),
        ("3-2-2", "The National Coordinator against Prostitution", "The National Task Force against", 2),
        ("3-3-1", "The comprehensive gathering of qualitative", "The systematic analysis", 2),
        ("3-3-2", "The Office of Immigration", "The Criminal Policy Service.", 6),
        ("3-6-5-a", "The campaign targets sixth form college students", "ProCentre develops", 4),
        ("3-6-8-a", "Target, dismantle and disrupt", "Identify and combat forced labour", 6),
        (
            "appendix-1",
            "Is there a link between national and local level",
            "Is there a system for collecting",
            5,
        ),
    ],
)
def test_lists_stay_lists(content: Content, sid: str, first: str, last: str, count: int) -> None:
    matching = [items for items in _lists(_by_id(content)[sid]) if items[0].startswith(first)]
    assert matching, f"no list starting {first!r} in {sid}"
    items = matching[0]
    assert len(items) == count
    assert items[-1].startswith(last)


def test_questionnaire_questions_are_all_list_items(content: Content) -> None:
    section = _by_id(content)["appendix-1"]
    questions = [t for items in _lists(section) for t in items]
    assert len(questions) == 15
    assert all(q.rstrip().endswith("?") for q in questions)
    prose = [b.text for b in section.body if b.type == "p"]  # type: ignore[union-attr]
    assert not any("?" in p for p in prose)


# ------------------------------------------------------------------ footnotes


def test_every_footnote_is_kept_once(content: Content) -> None:
    numbers = [f.number for s in content.sections for f in s.footnotes]
    assert sorted(numbers) == FOOTNOTES


@pytest.mark.parametrize(
    ("number", "sid", "starts"),
    [
        (1, "executive-summary", "Canada’s National Action Plan to Combat Human Trafficking"),
        (
            2,
            "introduction",
            "Protocol to Prevent, Suppress and Punish Trafficking in Persons",
        ),  # "in 2000.2 One"
        (4, "introduction", "The 2012 International Report on Crime Prevention"),  # "report 4, which"
        (5, "1-1-1", "The continuum of trafficking refers to"),  # "trafficking 5. Conversely"
        (8, "2-2", "See Appendix 1, Questionnaire."),  # called from the heading
        (13, "3-1-3", "The trafficking of children in Europe"),  # "Rom origin 13, for"
        (14, "3-1-3", "During finalization of the report"),  # "trafficking. 14"
        (15, "3-1-3", "Based on the responses to the questionnaire"),  # "in 2014.15"
        (17, "3-1-3", "See Appendix 4 for information concerning the composition"),
        (30, "3-2-2", "See Appendix 5"),  # "Netherlands, 30 the"
        (37, "3-2-2", "Created in 2006, CEOP’s mission"),  # called inside Figure 23
        (39, "3-2-2", "Note that when researching Sweden"),  # "Sweden38 39does"
        (44, "3-3-2", "CBSS Website"),  # "(CBSS, 2013) 44."
        (45, "3-3-conclusion", "French PAN 2014-2016 was published in May 2014."),  # in the comparison table
        (49, "3-6-4-a", "NTNU Samfunnsforskning AS"),  # "Expertise) 49 in"
        (50, "3-6-4-b", "PAG-ASA: http"),  # "PAG-ASA50" in the heading
        (56, "3-6-8-a", "See the GLA’s website"),  # lost its number line (curated)
        (58, "appendix-1", "http://www.crime-prevention-intl.org/"),  # "(ICPC) 58,"
        (59, "appendix-2", "http://www.diversite.be/"),  # a bare number in a table cell
        (61, "appendix-6", "For more information: http://www.afp.gov.au/"),  # "Australia61" in the heading
    ],
)
def test_footnotes_stay_with_the_section_that_calls_them(content: Content, number: int, sid: str, starts: str) -> None:
    notes = {f.number: f.text for f in _by_id(content)[sid].footnotes}
    assert number in notes, f"footnote {number} not in {sid}"
    assert notes[number].startswith(starts)
    assert notes[number][:40] in FLAT


def test_footnote_texts_come_from_the_report(content: Content) -> None:
    for s in content.sections:
        for f in s.footnotes:
            # Every footnote opens with words printed in the report (wrapped lines joined).
            assert f.text[:30] in FLAT, (f.number, f.text[:30])


def test_calls_are_taken_out_of_the_text(content: Content) -> None:
    sections = _by_id(content)
    text = " ".join(" ".join(_texts(s)) for s in sections.values())
    for mended in [
        "In the Netherlands, the Ministry of Security and Justice (VenJ)",
        "Sweden does not have a national coordinator",
        "often of Rom origin, for purposes of forced begging",
        "combating human trafficking. However, a project for a plan",
        "adopted by the UN in 2000. One hundred and forty-eight countries",
        "National Centre of Expertise) in 2008",
        "Due to its geographical location, Belgium is mainly known",
    ]:
        assert mended in text


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=200), st.sets(st.integers(1, 61)))
def test_a_line_without_digits_loses_nothing(line: str, numbers: set[int]) -> None:
    assert strip_calls(line, numbers) == (line, [])


@given(st.sampled_from(["Belgium", "Centre", "trafficking", "Europe"]), st.integers(1, 61))
def test_a_glued_call_is_taken_out_and_reported(word: str, number: int) -> None:
    text, called = strip_calls(f"In {word}{number} the text goes on.", {number})
    assert text == f"In {word} the text goes on."
    assert called == [number]


def test_numbers_in_prose_are_not_calls() -> None:
    for line, numbers in [
        ("least 2.4 million victims around the world (ILO, 2005), 27% of whom", {2, 4, 27}),
        ("expert groups (Figure 14). The plan", {14}),
        ("Source: PSC, 2013, p.6.", {6}),
        ("The questionnaire was sent to 30 experts in 11 countries", {30, 11}),
    ]:
        assert strip_calls(line, numbers) == (line, [])
