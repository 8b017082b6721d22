"""Where a quoted passage stands in the report: its page, found by its letters; no pydantic, no SQL."""

from __future__ import annotations

import re
from collections.abc import Callable

# Letters of a passage enough to tell it from any other passage of its pages.
PASSAGE_LETTERS = 24


def letters(text: str) -> str:
    """Lower-case letters only: line breaks, hyphens, quotes and footnote calls cannot hide a name."""
    return re.sub(r"[\W\d_]", "", text.lower())


def passage_page(page_letters: Callable[[int], str], first: int, last: int, passage: str) -> int | None:
    """The page from ``first`` to ``last`` whose text holds ``passage`` (a snippet, a selection), if one does.

    ``page_letters(n)`` gives the letters of printed page n. A snippet's "…" cuts are not in the report,
    so the longest stretch between them is what is looked for; a stretch too short to place gives None.
    """
    pieces = [letters(p) for p in re.split(r"…|\.\.\.", passage)]
    probe = max(pieces, key=len, default="")
    if len(probe) < PASSAGE_LETTERS:
        return None
    middle = (len(probe) - PASSAGE_LETTERS) // 2
    probe = probe[middle : middle + PASSAGE_LETTERS]  # the middle: a stretch's ends may run over a page break
    for page in range(first, last + 1):
        if probe in page_letters(page):
            return page
    return None
