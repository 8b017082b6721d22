"""Turn whatever a user types into safe FTS5 queries; pure logic, no SQL run here."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 300
MAX_TERMS = 12
# Above this many word forms a term is matched as typed and by prefix only: the OR grows, not recall.
MAX_FORMS = 24
MIN_PREFIX = 2  # a single letter is a word ("a", "i"), not a prefix of half the dictionary
MIN_STEM = 3
# In a query of several words, a word shorter than this is matched whole: "in" in "Awareness
# campaign in Australia" is the word "in", not the start of "industry" and "Institutions".
SHORT_WORD = 4
WORD_RE = re.compile(r"\w+", re.UNICODE)
# Words joined by hyphens ("co-operation", "anti-trafficking"): one word, also written apart.
HYPHENATED_RE = re.compile(r"\w+(?:[-\u2010\u2011]\w+)+", re.UNICODE)
PHRASE_RE = re.compile(r"\"([^\"]*)\"?")


@dataclass(frozen=True)
class ParsedQuery:
    """The words and phrases of a query; every element is plain text, never FTS syntax."""

    terms: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    # Terms typed with hyphens, as one word ("cooperation") -> their parts ("co", "operation").
    parts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    typing: str = ""  # the last loose word when the text ends in it, not in a space: still being typed

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases

    def words(self) -> list[str]:
        """Every word, for highlighting and suggestions."""
        return [*self.terms, *(w for p in self.phrases for w in p)]

    def prefixed(self, term: str) -> bool:
        """Whether ``term`` also matches the words it begins (as it does while being typed).

        A lone word does ("traff" finds trafficking); in a query of several words only a word of
        SHORT_WORD letters or more does, so that "in" or "of" stay the words they are, and the
        word still being typed at the end.
        """
        if len(term) < MIN_PREFIX:
            return False
        if len(term) >= SHORT_WORD or len(self.terms) + len(self.phrases) == 1:
            return True
        # The word being typed at the end may be the start of a longer one ("Federal Bur"), but
        # two letters are too few to say which ("victims of" would find "officers").
        return term == self.typing and len(term) > MIN_PREFIX


def fold(word: str) -> str:
    """Lower case without accents, as the index's unicode61 tokenizer stores a word ("Grünerlokka")."""
    if word.isascii():
        return word.lower()  # nothing to decompose: the common case, and much cheaper
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """Drop control characters and unpaired surrogates; keep letters, digits and marks."""
    text = text[: MAX_QUERY_CHARS * 4]
    if not text.isprintable():  # printable text holds no control character: skip the loop
        text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in " \t")
    text = unicodedata.normalize("NFC", text)
    if len(text) > MAX_QUERY_CHARS:
        # Our cut, not the user's: end at a word boundary rather than make a stray prefix.
        cut = text.rfind(" ", 0, MAX_QUERY_CHARS + 1)
        text = text[: cut if cut > 0 else MAX_QUERY_CHARS]
    return text


def _words(text: str) -> list[str]:
    # "_" is a word character for \w but a separator for the index; split on it as the index does.
    return [w for chunk in WORD_RE.findall(text) for w in chunk.split("_") if w]


def _loose_words(text: str) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """The words of ``text``, hyphenated ones joined ("co-operation" -> "cooperation"), and their parts."""
    words: list[str] = []
    parts: dict[str, tuple[str, ...]] = {}
    pos = 0
    for m in HYPHENATED_RE.finditer(text):
        words += [fold(w) for w in _words(text[pos : m.start()])]
        pieces = tuple(fold(w) for w in _words(m.group(0)))
        if len(pieces) > 1:
            joined = "".join(pieces)
            parts[joined] = pieces
            words.append(joined)
        else:
            words += pieces
        pos = m.end()
    words += [fold(w) for w in _words(text[pos:])]
    return words, parts


def parse_query(text: str) -> ParsedQuery:
    """Split into quoted phrases and loose words; anything else (operators, *, ^, :) is dropped.

    FTS5 operators typed by a user (AND, OR, NOT, NEAR) are kept as ordinary words: trainers
    search prose, and "NOT" is as likely to be a word they want as an operator. An unclosed quote
    runs to the end of the text, as it does while the closing quote is still being typed.
    """
    text = normalise(text)
    phrases: list[tuple[str, ...]] = []
    for m in PHRASE_RE.finditer(text):
        words = tuple(fold(w) for w in _words(m.group(1)))
        if len(words) == 1:
            text = text.replace(m.group(0), f" {words[0]} ", 1)  # a quoted word is just a word
        elif words and words not in phrases:
            phrases.append(words)
    rest = PHRASE_RE.sub(" ", text)
    terms, parts = _loose_words(rest)
    unique = list(dict.fromkeys(terms))[:MAX_TERMS]
    split = tuple((t, parts[t]) for t in unique if t in parts)
    typing = terms[-1] if terms and rest == rest.rstrip() and rest.rstrip()[-1:].isalnum() else ""
    return ParsedQuery(tuple(unique), tuple(phrases[:MAX_TERMS]), split, typing)


def without_fragment(q: ParsedQuery, text: str) -> ParsedQuery:
    """Drop a single letter just typed after other words ("organisation international d"); a digit stays ("Appendix 4").

    It is the start of a word still being typed; matched as a word it would empty the results at
    every new word, matched as a prefix it would match half the report.
    """
    if len(q.terms) < 2 or len(q.terms[-1]) != 1 or not q.terms[-1].isalpha() or text != text.rstrip():
        return q
    last = _words(normalise(text))[-1:]
    if last and fold(last[0]) == q.terms[-1] and not text.rstrip().endswith('"'):
        return ParsedQuery(q.terms[:-1], q.phrases, q.parts, q.typing)
    return q


def _quote(word: str) -> str:
    # Inside double quotes FTS5 reads everything as one string; a quote is doubled.
    return '"' + word.replace('"', '""') + '"'


@dataclass(frozen=True)
class Alternatives:
    """What a typed word matches: whole words, word beginnings and word sequences; plain text, no FTS syntax.

    A word's other forms, spellings ("labour" -> "labor") and writings ("cooperation" ->
    "co operation") are all alternatives of it; so could be its translations (see
    search.EXPANDERS). The union of every word's alternatives is what a page highlights.
    """

    words: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    def __or__(self, other: Alternatives) -> Alternatives:
        return Alternatives(
            tuple(dict.fromkeys([*self.words, *other.words])),
            tuple(dict.fromkeys([*self.prefixes, *other.prefixes])),
            tuple(dict.fromkeys([*self.phrases, *other.phrases])),
        )

    @property
    def empty(self) -> bool:
        return not self.words and not self.prefixes and not self.phrases


def alternatives_of(q: ParsedQuery, term: str, forms: Iterable[str] = ()) -> Alternatives:
    """A typed word's own alternatives: itself, itself as a prefix where it is one, its forms, its parts."""
    parts = dict(q.parts).get(term)
    return Alternatives(
        tuple(dict.fromkeys([term, *sorted(set(forms) - {term})])),
        (term,) if q.prefixed(term) else (),
        (parts,) if parts else (),
    )


def alternatives_expression(alt: Alternatives) -> str:
    """One typed word as FTS: its first word (the one typed) first, so that bm25 scores it best."""
    out = [_quote(w) for w in alt.words[:1]]
    out += [_quote(p) + "*" for p in alt.prefixes]
    # A word a prefix already matches would count twice in bm25 ("labour" beside "labour"*).
    prefixes = tuple(alt.prefixes)
    out += [_quote(w) for w in alt.words[1:] if not w.startswith(prefixes)]
    out += [_quote(" ".join(p)) for p in alt.phrases]
    out = list(dict.fromkeys(out))
    return out[0] if len(out) == 1 else "(" + " OR ".join(out) + ")"


def term_expression(term: str, forms: Iterable[str] = ()) -> str:
    """One typed word: itself, itself as a prefix (while typing), and its other word forms.

    The exact word is its own alternative so that bm25 scores a record containing "police"
    above one that only has "policemen".
    """
    return alternatives_expression(alternatives_of(parse_query(term), term, forms))


def query_expression(alternatives: Iterable[Alternatives], phrases: Iterable[tuple[str, ...]] = ()) -> str:
    """The MATCH expression for every word's alternatives and every typed phrase, all required."""
    parts = [alternatives_expression(a) for a in alternatives if not a.empty]
    parts += [_quote(" ".join(p)) for p in phrases]
    return " AND ".join(parts)


def fts_expression(q: ParsedQuery, forms_of: Callable[[str], Iterable[str]] | None = None) -> str:
    """The MATCH expression: every word (with prefixes and word forms) and every phrase."""
    alts = [alternatives_of(q, t, forms_of(t) if forms_of else ()) for t in q.terms]
    return query_expression(alts, q.phrases)


# -- Porter stemmer -----------------------------------------------------------------------
# Word forms come from the index's own vocabulary grouped by Porter stem, so that one plain
# index (which keeps whole words and so answers prefixes) also answers "coordinate" ->
# "coordination". This is Porter's original algorithm as SQLite's porter tokenizer runs it.


def _cons(w: str, i: int) -> bool:
    ch = w[i]
    if ch in "aeiou":
        return False
    if ch == "y":
        return i == 0 or not _cons(w, i - 1)
    return True


def _measure(stem: str) -> int:
    """Porter's m: the number of vowel-consonant runs in the stem."""
    n, i, size = 0, 0, len(stem)
    while i < size and _cons(stem, i):
        i += 1
    while i < size:
        while i < size and not _cons(stem, i):
            i += 1
        if i >= size:
            break
        n += 1
        while i < size and _cons(stem, i):
            i += 1
    return n


def _has_vowel(stem: str) -> bool:
    return any(not _cons(stem, i) for i in range(len(stem)))


def _double_cons(w: str) -> bool:
    return len(w) >= 2 and w[-1] == w[-2] and _cons(w, len(w) - 1)


def _cvc(w: str) -> bool:
    n = len(w)
    return n >= 3 and _cons(w, n - 3) and not _cons(w, n - 2) and _cons(w, n - 1) and w[-1] not in "wxy"


def _replace(w: str, rules: tuple[tuple[str, str], ...], min_m: int) -> str:
    # Only the first rule whose suffix ends the word applies, as in Porter's C reference.
    for suffix, repl in rules:
        if w.endswith(suffix):
            stem = w[: len(w) - len(suffix)]
            return stem + repl if _measure(stem) > min_m else w
    return w


_STEP2 = (
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
    ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
    ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
    ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ("logi", "log"),
)  # fmt: skip
_STEP3 = (
    ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
    ("ness", ""),
)  # fmt: skip
_STEP4 = (
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize",
)  # fmt: skip


def _step4(w: str) -> str:
    # Suffixes are tried longest first among those sharing an ending ("ement" before "ment").
    for suffix in sorted(_STEP4, key=len, reverse=True):
        if w.endswith(suffix):
            stem = w[: len(w) - len(suffix)]
            if suffix == "ion" and not stem.endswith(("s", "t")):
                return w
            return stem if _measure(stem) > 1 else w
    return w


def stem(word: str) -> str:
    """The Porter stem of a lower-case word: "coordination" and "coordinating" -> "coordin"."""
    w = word
    if len(w) < 3 or len(w) > 64 or not w.isascii() or not w.isalpha():
        return w
    # Step 1a: plurals.
    if w.endswith("sses") or w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    # Step 1b: -ed, -ing.
    if w.endswith("eed"):
        if _measure(w[:-3]) > 0:
            w = w[:-1]
    else:
        for suffix in ("ed", "ing"):
            if w.endswith(suffix) and _has_vowel(w[: -len(suffix)]):
                w = w[: -len(suffix)]
                if w.endswith(("at", "bl", "iz")):
                    w += "e"
                elif _double_cons(w) and w[-1] not in "lsz":
                    w = w[:-1]
                elif _measure(w) == 1 and _cvc(w):
                    w += "e"
                break
    # Step 1c: y -> i after a vowel.
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    w = _replace(w, _STEP2, 0)
    w = _replace(w, _STEP3, 0)
    w = _step4(w)
    # Step 5: a final -e, a final double l.
    if w.endswith("e"):
        m = _measure(w[:-1])
        if m > 1 or (m == 1 and not _cvc(w[:-1])):
            w = w[:-1]
    if _measure(w) > 1 and _double_cons(w) and w.endswith("l"):
        w = w[:-1]
    return w


# -- matching in plain text (snippets, highlighting an opened page) -----------------------


def _fold_bytes() -> bytes:
    table = bytearray(range(256))
    for code in range(256):
        folded = fold(chr(code))
        if folded and ord(folded[0]) < 256:
            table[code] = ord(folded[0])
    return bytes(table)


FOLD_BYTES = _fold_bytes()


def fold_same_length(text: str) -> str:
    """Lower case without Latin-1 accents, one character for one, so that spans carry over to ``text``.

    Done in C through Latin-1 bytes: a body runs to pages and this runs per hit. Characters
    beyond Latin-1 become "?" (the report's names, Grünerlokka or Être, are all Latin-1).
    """
    return text.encode("latin-1", "replace").translate(FOLD_BYTES).decode("latin-1")


def _word_bytes() -> bytes:
    # \w as re has it, of each folded character: a letter or digit, or "_".
    return bytes(c if chr(c).isalnum() or c == ord("_") else ord(" ") for c in FOLD_BYTES)


WORD_BYTES = _word_bytes()


def fold_words(text: str) -> str:
    """fold_same_length(text) with every character that is not a letter, a digit or "_" a space: what a Matcher reads.

    Word boundaries become a space, so that a word's beginning is found by str.find(" " + word)
    in C, without trying each place the letters occur inside other words. One for one still.
    """
    return text.encode("latin-1", "replace").translate(WORD_BYTES).decode("latin-1")


def spec_of(q: ParsedQuery, forms: Iterable[str] = ()) -> Alternatives:
    """Everything a query matches in text, for a query without expansion but ``forms``."""
    spec = Alternatives(phrases=q.phrases)
    for t in q.terms:
        spec |= alternatives_of(q, t)
    return spec | Alternatives(tuple(forms))


_GAP = re.compile(" +")


def _phrase_pattern(phrase: tuple[str, ...]) -> str:
    return r"\W+".join(re.escape(w) for w in phrase) + r"(?!\w)"


def pattern_of(spec: Alternatives) -> re.Pattern[str] | None:
    """A regex finding what ``spec`` matches in ``fold_same_length(text)``: whole words, prefixes, sequences."""
    alts = [re.escape(p) + r"\w*" for p in spec.prefixes]
    alts += [re.escape(w) + r"(?!\w)" for w in spec.words]
    alts += [_phrase_pattern(p) for p in spec.phrases]
    if not alts:
        return None
    alts = list(dict.fromkeys(alts))
    alts.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + ")")


def match_pattern(q: ParsedQuery, forms: Iterable[str] = ()) -> re.Pattern[str] | None:
    """A regex finding what the query matches in ``fold_same_length(text)``: words (as prefixes), forms, phrases."""
    return pattern_of(spec_of(q, forms))


@dataclass(frozen=True)
class Matcher:
    """Finds in ``fold_words(text)`` what pattern_of(spec) finds in ``fold_same_length(text)``, with str.find.

    A regex with a lookbehind and an alternation tries every position of the text in Python's re
    (about 35 µs per 1,000 characters) and takes from a tenth of a millisecond to several to
    compile, which a search paid for every new query; str.find runs in C. Every alternative starts
    with one of ``literals`` at the start of a word, which in fold_words() text is after a space:
    only the places " " + literal occurs are tried, and the results are the regex's own (the
    same leftmost match, the same non-overlapping spans), which the tests check against the regex.
    """

    spec: Alternatives
    literals: tuple[str, ...]  # what every match starts with; none starts with another
    prefixes: tuple[str, ...]  # words matched as prefixes: the whole word is the match
    exact: frozenset[str]  # words matched whole: word forms, short words, other spellings
    # Phrases by their first word, each word's in the order the regex tries them (longest pattern
    # first). Where one matches it beats any word or prefix: those match only the word it starts
    # with, and their patterns, shorter, come after it in the regex.
    phrases: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False)
    # Literals that are prefixes themselves: every word they begin is a match, unchecked.
    open_literals: frozenset[str] = frozenset()

    def _phrase_end(self, text: str, i: int, stop: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Where the first of ``phrases`` (their first word is the word at ``i``) matching there ends; -1 for none."""
        for phrase in phrases:
            pos = i + len(phrase[0])
            for word in phrase[1:]:
                # Words are separated by spaces (\W+ in the regex), at least one.
                if pos >= stop or text[pos] != " ":
                    break
                pos = _GAP.match(text, pos, stop).end()  # type: ignore[union-attr]  # text[pos] is a space
                if not text.startswith(word, pos, stop):
                    break
                pos += len(word)
            else:
                if pos >= stop or text[pos] == " ":
                    return pos
        return -1

    def end(self, text: str, i: int, stop: int) -> int:
        """Where the match starting at ``i`` (a word's start) ends; -1 for none."""
        stop = min(stop, len(text))
        end = text.find(" ", i, stop)
        end = stop if end == -1 else end
        word = text[i:end]
        if self.phrases and word in self.phrases:
            found = self._phrase_end(text, i, stop, self.phrases[word])
            if found != -1:
                return found
        # Any other alternative, whichever wins, matches exactly the word at i.
        return end if word in self.exact or word.startswith(self.prefixes) else -1

    def first(self, text: str) -> int:
        """Where the leftmost match in ``text`` starts, as ``pattern.search(folded)`` finds it; -1 for none."""
        best, size = -1, len(text)
        for lit in self.literals:
            key, checked = " " + lit, lit not in self.open_literals
            if text.startswith(lit) and (not checked or self.end(text, 0, size) != -1):
                return 0  # nothing starts before it
            # Only a start before the best so far can improve on it: i = j + 1 < best.
            limit = size if best == -1 else best + len(lit)
            j = text.find(key, 0, limit)
            while j != -1:
                if not checked or self.end(text, j + 1, size) != -1:
                    best = j + 1
                    break
                j = text.find(key, j + 1, limit)
        return best

    def _starts(self, text: str, lit: str, start: int, stop: int) -> list[int]:
        """Where words beginning with ``lit`` start in ``text[start:stop]`` (the word's end may pass ``stop``)."""
        out = [start] if (start == 0 or text[start - 1] == " ") and text.startswith(lit, start, stop) else []
        key = " " + lit
        j = text.find(key, start, stop)
        while j != -1:
            out.append(j + 1)
            j = text.find(key, j + len(key), stop)
        return out

    def spans(self, text: str, start: int, stop: int) -> list[tuple[int, int]]:
        """Spans of the matches in ``text[start:stop]``, as ``pattern.finditer(folded, start, stop)`` gives them."""
        stop = min(stop, len(text))
        if start >= stop:
            return []
        if self.phrases:
            return self._spans_with_phrases(text, start, stop)
        out: list[tuple[int, int]] = []
        exact, prefixes, find = self.exact, self.prefixes, text.find
        for lit in self.literals:
            for i in self._starts(text, lit, start, stop):
                end = find(" ", i, stop)
                end = stop if end == -1 else end
                if lit in self.open_literals or text[i:end] in exact or text.startswith(prefixes, i, end):
                    out.append((i, end))
        # No literal starts with another, so no two share a place; each literal's come in order.
        if len(self.literals) > 1:
            out.sort()
        return out

    def _spans_with_phrases(self, text: str, start: int, stop: int) -> list[tuple[int, int]]:
        # A phrase's match can run over the places of other literals' words: every place a
        # match starts is found first, then they are taken left to right, as finditer does,
        # each after the end of the one before.
        starts = sorted(i for lit in self.literals for i in self._starts(text, lit, start, stop))
        out: list[tuple[int, int]] = []
        done = start
        for i in starts:
            if i < done:
                continue
            end = self.end(text, i, stop)
            if end != -1:
                out.append((i, end))
                done = end
        return out


def matcher(q: ParsedQuery, forms: tuple[str, ...] = ()) -> Matcher | None:
    """The Matcher of a query and its word forms (None for a query without words)."""
    return None if q.empty else matcher_of(spec_of(q, forms))


@functools.lru_cache(maxsize=1024)
def matcher_of(spec: Alternatives) -> Matcher | None:
    """The Matcher of everything a query matches (None for nothing)."""
    if spec.empty:
        return None
    # A literal that starts with another finds no place the other does not. In sorted order every
    # word between a word and one it begins also begins with it: the last kept one is the one to test.
    literals: list[str] = []
    for w in sorted({*spec.words, *spec.prefixes, *(p[0] for p in spec.phrases)}):
        if not literals or not w.startswith(literals[-1]):
            literals.append(w)
    # The regex's order: longest pattern first, ties as listed (sort is stable).
    phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
    for p in sorted(dict.fromkeys(spec.phrases), key=lambda p: len(_phrase_pattern(p)), reverse=True):
        phrases[p[0]] = (*phrases.get(p[0], ()), p)
    open_literals = frozenset(lit for lit in literals if lit in spec.prefixes)
    return Matcher(spec, tuple(literals), spec.prefixes, frozenset(spec.words), phrases, open_literals)


def highlight_spans(spec: Alternatives, text: str) -> list[tuple[int, int]]:
    """Where ``spec`` matches in ``text`` (any case and accents), as the search's snippets mark it."""
    found = matcher_of(spec)
    return found.spans(fold_words(text), 0, len(text)) if found else []
