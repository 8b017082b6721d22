"""French queries in English: a query made of French terms becomes the report's English words for them."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from htdesk.store.report import ReportStore, StoreError

# Elided articles and pronouns ("l'", "d'", "qu'"...): "plan d'action" is "plan action" to the matcher.
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# French words that carry no search meaning of their own; a query of nothing else is not translated.
STOPWORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "au",
        "aux",
        "a",
        "et",
        "ou",
        "en",
        "dans",
        "pour",
        "par",
        "sur",
        "avec",
        "sans",
        "sous",
        "entre",
        "vers",
        "chez",
        "que",
        "qui",
        "quoi",
        "dont",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "notre",
        "nos",
        "votre",
        "vos",
        "est",
        "sont",
        "comme",
        "plus",
    ]
)
MAX_TERM_WORDS = 8  # the longest French form has six words; a query is matched greedily, longest first


def fold(text: str) -> str:
    """Lower case without accents: "Travail forcé" and "travail force" are typed alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of a French text, elisions and hyphens undone: "l'État-major" -> etat, major."""
    return _WORD.findall(fold(_ELISION.sub(" ", text)))


def term_key(text: str) -> str:
    """A French form as the matcher stores it: its folded words joined by spaces."""
    return " ".join(words(text))


@dataclass(frozen=True)
class Translation:
    """The English a French query stands for, and the French terms it was read from."""

    english: str  # a query in the report's words: sexual exploitation norway
    terms: tuple[tuple[str, str], ...]  # (the French as typed, its English), in query order

    @property
    def shown(self) -> str:
        """The English as a trainer reads it back: sexual exploitation, norway."""
        return ", ".join(english for _, english in self.terms)


_tables: WeakKeyDictionary[ReportStore, dict[str, list[str]]] = WeakKeyDictionary()


def _table(store: ReportStore) -> dict[str, list[str]]:
    table = _tables.get(store)
    if table is None:
        try:
            rows = store.query("SELECT form, en FROM french_terms")
        except StoreError:  # a database built before the French terms: no translation, never an error
            rows = []
        table = {row["form"]: json.loads(row["en"]) for row in rows}
        _tables[store] = table
    return table


def translate(store: ReportStore, text: str) -> Translation | None:
    """The query in English when every meaningful word of it is a known French term, else None.

    English queries go untouched: a query is read as French only when all of its words (French
    articles aside) make up French terms, and at least one term differs from its English.
    """
    table = _table(store)
    if not table or not text.strip():
        return None
    typed = words(text)
    out: list[str] = []
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(typed):
        for size in range(min(MAX_TERM_WORDS, len(typed) - i), 0, -1):
            key = " ".join(typed[i : i + size])
            english = table.get(key)
            if english and not (size == 1 and key in STOPWORDS):
                out.append(english[0])  # as a trainer would type it: the search weighs the phrase itself
                found.append((key, english[0]))
                i += size
                break
        else:
            if typed[i] not in STOPWORDS:
                return None  # a word that is no French term: the query is not (only) French
            i += 1
    if not found or all(fold(en) == fr for fr, en in found):
        return None
    return Translation(" ".join(out), tuple(found))
