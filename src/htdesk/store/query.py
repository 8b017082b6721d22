"""Turn whatever a user types into safe FTS5 queries; pure logic, no SQL run here."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 300
MAX_TERMS = 12
WORD_RE = re.compile(r"\w+", re.UNICODE)
PHRASE_RE = re.compile(r"\"([^\"]*)\"")


@dataclass(frozen=True)
class ParsedQuery:
    """The words and phrases of a query; every element is plain text, never FTS syntax."""

    terms: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases

    def words(self) -> list[str]:
        """Every word, for highlighting and suggestions."""
        return [*self.terms, *(w for p in self.phrases for w in p)]


def normalise(text: str) -> str:
    """Drop control characters and unpaired surrogates; keep letters, digits and marks."""
    text = text[: MAX_QUERY_CHARS * 4]
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in " \t")
    return unicodedata.normalize("NFC", text)[:MAX_QUERY_CHARS]


def parse_query(text: str) -> ParsedQuery:
    """Split into quoted phrases and loose words; anything else (operators, *, ^, :) is dropped.

    FTS5 operators typed by a user (AND, OR, NOT, NEAR) are kept as ordinary words: trainers
    search prose, and "NOT" is as likely to be a word they want as an operator.
    """
    text = normalise(text)
    phrases = []
    for m in PHRASE_RE.finditer(text):
        words = tuple(w.casefold() for w in WORD_RE.findall(m.group(1)))
        if words:
            phrases.append(words)
    rest = PHRASE_RE.sub(" ", text)
    terms = [w.casefold() for w in WORD_RE.findall(rest) if w != "_"]
    seen: set[str] = set()
    unique = [t for t in terms if not (t in seen or seen.add(t))]  # type: ignore[func-returns-value]
    return ParsedQuery(tuple(unique[:MAX_TERMS]), tuple(phrases[:MAX_TERMS]))


def _quote(word: str) -> str:
    # Inside double quotes FTS5 reads everything as one string; a quote is doubled.
    return '"' + word.replace('"', '""') + '"'


def fts_expression(q: ParsedQuery, prefix: bool) -> str:
    """The MATCH expression: all words (each as a prefix if asked) and all phrases."""
    parts = [_quote(t) + ("*" if prefix else "") for t in q.terms]
    parts += [_quote(" ".join(p)) for p in q.phrases]
    return " AND ".join(parts)
