"""Shared by the content tests: which words of a curated text a stretch of the report lacks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable


def take_words(words: Iterable[str], have: Counter[str]) -> list[str]:
    """The words not found in ``have``, each found word used up once.

    A hyphenated word counts when found whole ("antitrafficking") or as its two halves: in a
    scattered table the halves may have other cells' words between them.
    """
    missing = []
    for raw in words:
        word = re.sub(r"[\W_]", "", raw)
        if not word:
            continue
        halves = [h for h in re.split(r"[\W_]+", raw) if h]
        if have[word] > 0:
            have[word] -= 1
        elif len(halves) > 1 and all(have[h] > 0 for h in halves):
            have.subtract(halves)
        else:
            missing.append(word)
    return missing
