"""Traceability of summaries: every number and proper name a summary states is on a page it cites."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from htdesk.content.models import Country, DimensionSummary
from htdesk.content.passages import letters

# Digits with thousands separators or decimals read as one number ("1,500", "2.5").
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
# Two years the PDF extraction glued when it lost the hyphen ("20072010" for "2007-2010").
_GLUED_YEARS_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)((?:19|20)\d\d)(?!\d)")
# An acronym: two capitals or more, digits allowed after the first ("KOM", "CECLR", "G8"); "NGOs" is NGO.
_ACRONYM_RE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]*[A-Z][A-Z0-9&]*)s?(?![\w-])")
_WORD_RE = re.compile(r"[\w’'-]+|[^\w\s]")
# Small words that join the capitalised words of one name ("Centre for Equal Opportunities and
# Opposition to Racism", "Ministry of Justice") but never start or end one.
_JOINERS = frozenset({"of", "for", "and", "the", "against", "in", "on", "to", "de", "du", "des", "la", "le", "et"})
# Punctuation after which a capital may just start a clause ("…; Several NGOs are members"). Not an
# opening bracket or quote: what follows one is as often a name ("(United States Department of State").
_CLAUSE_BREAKS = frozenset(";:.!?")


def _norm_number(text: str) -> str:
    return text.replace(",", "")


def numbers_in(text: str) -> set[str]:
    """Every number in a passage of the report, glued years taken apart."""
    found = {_norm_number(m) for m in _NUMBER_RE.findall(text)}
    for a, b in _GLUED_YEARS_RE.findall(text):
        found |= {a, b}
    return found


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def names_in(text: str) -> list[str]:
    """Acronyms, and runs of two or more capitalised words (small joining words allowed inside).

    A capital opening the text or a clause may be an ordinary word ("Several NGOs are members"):
    such a word is left out of the run, which is kept if two capitalised words remain.
    """
    out = [m.group(1) for m in _ACRONYM_RE.finditer(text)]
    tokens = _WORD_RE.findall(text)
    run: list[str] = []

    def close() -> None:
        # A joiner beside an acronym joins two names, not the words of one ("KOM and NGOs").
        parts: list[list[str]] = [[]]
        for i, w in enumerate(run):
            beside = run[i - 1 : i] + run[i + 1 : i + 2]
            if w in _JOINERS and any(_ACRONYM_RE.fullmatch(b) for b in beside):
                parts.append([])
            else:
                parts[-1].append(w)
        for part in parts:
            while part and part[-1] in _JOINERS:
                part.pop()
            if sum(1 for w in part if _capitalised(w)) >= 2 and not all(_ACRONYM_RE.fullmatch(w) for w in part):
                out.append(" ".join(part))
        run.clear()

    previous = ""
    for tok in tokens:
        clause_start = previous == "" or previous in _CLAUSE_BREAKS
        if (_capitalised(tok) and not clause_start) or (tok in _JOINERS and run):
            run.append(tok)
        else:
            close()
        previous = tok
    close()
    return out


def untraced(text: str, passage: str) -> list[str]:
    """The numbers and names of ``text`` that ``passage`` does not contain, in order of appearance."""
    have_numbers = numbers_in(passage)
    have_letters = letters(passage)
    missing = [n for n in dict.fromkeys(_norm_number(m) for m in _NUMBER_RE.findall(text)) if n not in have_numbers]

    def found(name: str) -> bool:
        if _ACRONYM_RE.fullmatch(name):
            # As a word of its own; a plural "s" or a footnote call glued to it ("KOM27") may follow.
            return re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![a-rt-zA-Z])", passage) is not None
        return letters(name) in have_letters

    for name in dict.fromkeys(names_in(text)):
        # "China and Vietnam" is two names, where the report may list them otherwise: each must be there.
        if not found(name) and not (" and " in name and all(found(part) for part in name.split(" and "))):
            missing.append(name)
    return missing


def summary_passage(summary: DimensionSummary, page_text: Callable[[int], str]) -> str:
    """The report text a summary cites: each cited page and the one after it (a passage may run over)."""
    pages = sorted({p for s in summary.sources if s.page for p in (s.page, s.page + 1)})
    return "\n".join(page_text(p) for p in pages)


def summary_problems(countries: Iterable[Country], page_text: Callable[[int], str]) -> list[str]:
    """One line per number or name a summary states that is not on a page it cites."""
    problems = []
    for country in countries:
        for dim, summary in country.summaries.items():
            if summary.source is None:
                continue
            missing = untraced(summary.text, summary_passage(summary, page_text))
            if missing:
                cited = "; ".join(s.cite() for s in summary.sources)
                problems.append(
                    f"{country.id} summary of {dim.value} states {', '.join(missing)}, "
                    f"which the page it cites does not ({cited})"
                )
    return problems
