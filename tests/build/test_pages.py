"""Page derivation: every printed page a trainer cites must match the report's own footers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from htdesk.build.pages import ACRONYM_LIST_LINES, FIRST_DERIVABLE_LINE, PageMap, build_page_map, check_calibration
from htdesk.paths import report_path

LINES = report_path().read_text("utf-8").split("\n")
# Read independently of the code under test: the running footer, and the bare page numbers
# that survived in the appendices ("123" alone on a line past the last chapter).
FOOTER = re.compile(r"Human trafficking, other forms of exploitation and prevention policies\s*/\s*(\d+)\s*$")
BARE_PAGE = re.compile(r"^\s*(1[0-2]\d)\s*$")
APPENDIX_TABLES_START = 4265  # bare numbers before this line are footnote numbers, not pages


def _surviving_footers() -> list[tuple[int, int]]:
    out = []
    for n, text in enumerate(LINES, start=1):
        m = FOOTER.search(text) or (BARE_PAGE.match(text) if n > APPENDIX_TABLES_START else None)
        if m:
            out.append((n, int(m.group(1))))
    return out


FOOTERS = _surviving_footers()
_PM = build_page_map(LINES)  # for hypothesis, which does not mix with function-scoped fixtures


@pytest.fixture(scope="module")
def pm() -> PageMap:
    return build_page_map(LINES)


def test_the_report_keeps_enough_footers_to_anchor_on() -> None:
    # Six running footers (pp. 14, 21, 23, 38, 77, 83) and two bare numbers (pp. 123, 125).
    assert [page for _, page in FOOTERS] == [14, 21, 23, 38, 77, 83, 123, 125]


@pytest.mark.parametrize(("line", "page"), FOOTERS, ids=[f"p{p}" for _, p in FOOTERS])
def test_every_surviving_footer_agrees_with_the_derived_page(pm: PageMap, line: int, page: int) -> None:
    # A footer closes its page: the footer line is on that page, the next line on the next.
    assert pm.page_of(line) == page
    assert pm.page_of(line + 1) == page + 1


def test_counting_page_starts_between_footers_never_drifts() -> None:
    assert check_calibration(LINES) == []


@pytest.mark.parametrize(
    ("line", "page", "what"),
    [
        # Right after a footer: the page number is the footer's plus one.
        (441, 15, "Chapter I 1.1, subheading 'Types of trafficking' (footer p. 14 at line 439)"),
        (663, 22, "Chapter I 1.3, 'Most international tools ...' (footer p. 21 at line 661)"),
        (3552, 78, "Chapter III 6.1.d heading (footer p. 77 at line 3550)"),
        (3787, 84, "Chapter III 6.5.c, 'In France, the 2006-2011 ...' (footer p. 83 at line 3785)"),
        # Appendix 9 opens on the page whose bare number "123" survives at line 7229, with no
        # page start between the heading (line 7134) and that number.
        (7134, 123, "Appendix 9 heading"),
        # Chapter III 2.2 (line 1814): counted by reading from the footer of p. 38 (line 1302):
        # line 1303 opens p. 39 and ten indented page-start lines follow before the heading,
        # so p. 49; counting back from the footer of p. 77 (line 3550) gives the same.
        (1814, 49, "Chapter III 2.2 heading"),
        # Appendix 4 (line 5660): from the footer of p. 83 (line 3785), 24 page starts (30
        # indented lines, of which 7 are table cells and list items), so p. 107; from the bare
        # "123" (line 7229) back, 16 page starts (24 indented lines, 8 of them cells): p. 107.
        (5660, 107, "Appendix 4 heading"),
    ],
)
def test_known_pages(pm: PageMap, line: int, page: int, what: str) -> None:
    assert pm.page_of(line) == page, what


def test_front_matter_has_no_guessed_page(pm: PageMap) -> None:
    # The acronym table's indented cells hide the page starts: better no page than a wrong one, but
    # the list itself ends just before the Introduction, so it is on the page before.
    assert pm.page_of(1) is None
    assert pm.page_of(ACRONYM_LIST_LINES[0] - 1) is None  # the executive summary
    assert pm.page_of(ACRONYM_LIST_LINES[0]) == pm.page_of(ACRONYM_LIST_LINES[1]) == 11  # the list of acronyms
    assert pm.page_of(FIRST_DERIVABLE_LINE) == 12  # the Introduction


@given(st.integers(1, len(LINES)), st.integers(1, len(LINES)))
def test_page_of_never_goes_backwards(a: int, b: int) -> None:
    low, high = sorted((a, b))
    p_low, p_high = _PM.page_of(low), _PM.page_of(high)
    if p_low is not None:
        assert p_high is not None
        assert p_low <= p_high
        # A page never spans more of the report than the whole range covers.
        assert p_high - p_low <= high - low + 1
