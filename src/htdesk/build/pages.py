"""Derive the printed page number of any line of the report text."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

FOOTER_RE = re.compile(r"prevention policies\s*/\s*(\d+)\s*$")
# In the appendices a few bare page numbers survived on their own line ("123").
PAGE_NUMBER_RE = re.compile(r"^\s*(1\d\d)\s*$")

# Lines that begin with a space but are not page starts: table cells and list items that
# the PDF extraction indented. Found by calibrating against the surviving footers (the
# count of page starts between two footers must equal the page difference) and, past the
# last footer, by reading: each sits in the middle of a table row or list.
NOT_PAGE_STARTS: frozenset[int] = frozenset(
    {
        2744,  # "Interdepartmental", inside Australia's row of the comparison table
        3487,  # "6.1. Awareness campaigns", 13 lines after the page that starts section 6
        4023,  # a footnote at the foot of the page that starts at 4024
        4711,  # "are", a cell continuation in Appendix 2
        5296,
        5310,
        5312,
        5314,
        5316,  # "Central ..." cells of Appendix 3
        6930,
        6933,
        6935,
        6940,
        6946,
        6949,
        6950,
        6953,  # mission items of Appendix 8
        7449,
        7451,
        7473,  # mission items of Appendix 9
    }
)

# Before the introduction the acronym table scatters indented cells everywhere, so the
# front matter's pages cannot be derived: they stay unknown rather than guessed.
FIRST_DERIVABLE_LINE = 354
# The list of acronyms (these lines) ends just before the Introduction, so it is on the page before
# the Introduction's: its one page is derived from there, not counted (its indented cells hide page starts).
ACRONYM_LIST_LINES = (103, 353)


@dataclass(frozen=True)
class PageMap:
    """Maps 1-based line numbers of report.txt to printed page numbers."""

    starts: tuple[int, ...]  # first line of each page, ascending
    numbers: tuple[int, ...]  # printed page number of each of those pages

    def page_of(self, line: int) -> int | None:
        """Return the printed page of ``line``, or None where it cannot be derived."""
        if ACRONYM_LIST_LINES[0] <= line <= ACRONYM_LIST_LINES[1]:
            first = self.page_of(FIRST_DERIVABLE_LINE)
            return first - 1 if first else None
        if line < FIRST_DERIVABLE_LINE:
            return None
        i = bisect_right(self.starts, line) - 1
        return self.numbers[i] if i >= 0 else None


def page_texts(lines: Sequence[str], pm: PageMap) -> dict[int, str]:
    """The report's text page by page (printed number -> its lines), the front matter left out."""
    out: dict[int, list[str]] = {}
    first = min(FIRST_DERIVABLE_LINE, ACRONYM_LIST_LINES[0])  # the list of acronyms has its page
    for n, text in enumerate(lines[first - 1 :], start=first):
        page = pm.page_of(n)
        if page is not None:
            out.setdefault(page, []).append(text)
    return {page: "\n".join(texts) for page, texts in out.items()}


def build_page_map(lines: Sequence[str]) -> PageMap:
    """Anchor page numbers on the surviving footers and count page starts between them."""
    footers = _footers(lines)
    if not footers:
        raise ValueError("no page footer found: cannot derive page numbers")
    starts = [
        i + 1
        for i, t in enumerate(lines)
        if t.startswith(" ")
        and i + 1 >= FIRST_DERIVABLE_LINE
        and i + 1 not in NOT_PAGE_STARTS
        and not FOOTER_RE.search(t)
    ]
    # The line after a surviving footer starts a page even when it is not indented.
    starts = sorted(set(starts) | {line + 1 for line, _ in footers})
    # Number the pages by walking from the first footer: the page that ends at a footer
    # carries that footer's number, and every page start after it adds one.
    first_line, first_page = footers[0]
    before = [s for s in starts if s <= first_line]
    numbers: dict[int, int] = {}
    for k, s in enumerate(reversed(before)):
        numbers[s] = first_page - k
    # Every surviving footer re-anchors the count, so one missed page start cannot shift
    # the pages after the next footer.
    after_footer = {line + 1: page for line, page in footers}
    page = first_page
    for s in starts:
        if s > first_line:
            page = after_footer[s] + 1 if s in after_footer else page + 1
            numbers[s] = page
    ordered = sorted(numbers)
    return PageMap(tuple(ordered), tuple(numbers[s] for s in ordered))


def _footers(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(line, page) of every surviving footer or bare page number."""
    out = []
    for i, t in enumerate(lines):
        m = FOOTER_RE.search(t) or PAGE_NUMBER_RE.match(t)
        if m:
            out.append((i + 1, int(m.group(1))))
    return out


def check_calibration(lines: Sequence[str]) -> list[str]:
    """Return a message for every footer whose page disagrees with the count of page starts.

    Counted from the previous footer, not re-anchored, so a missed or spurious page start
    between two footers shows here.
    """
    pm = build_page_map(lines)
    problems = []
    footers = _footers(lines)
    for (a, pa), (b, pb) in itertools.pairwise(footers):
        counted = sum(1 for s in pm.starts if a < s <= b)
        if pa + counted != pb:
            problems.append(f"line {b}: footer says {pb}, counting from line {a} gives {pa + counted}")
    return problems


if __name__ == "__main__":  # a helper for curators: print the page of given lines
    import sys
    from pathlib import Path

    text = Path(__file__).resolve().parents[3].joinpath("data/source/report.txt").read_text("utf-8")
    pm = build_page_map(text.split("\n"))
    for arg in sys.argv[1:]:
        print(arg, pm.page_of(int(arg)))
