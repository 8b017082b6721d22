"""Full-text search over the report: ranked, grouped, forgiving; the app and the CLI share it."""

from __future__ import annotations

import bisect
import difflib
import functools
import re
import threading
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from htdesk.content.kinds import Kind, cite_pages
from htdesk.content.passages import letters, passage_page
from htdesk.i18n import cite
from htdesk.store.crosslang import translate
from htdesk.store.query import (
    MAX_FORMS,
    MIN_STEM,
    SHORT_WORD,
    Alternatives,
    Matcher,
    ParsedQuery,
    alternatives_expression,
    alternatives_of,
    fold,
    fold_words,
    matcher_of,
    parse_query,
    query_expression,
    stem,
    without_fragment,
)
from htdesk.store.report import ReportStore

HL_START, HL_END = "\x02", "\x03"  # snippet markers; renderers turn them into highlighting

GROUP_ORDER = (Kind.GLOSSARY, Kind.COUNTRY, Kind.INSTITUTION, Kind.PRACTICE, Kind.SECTION, Kind.FIGURE)
_GROUP_VALUES = tuple((k, k.value) for k in GROUP_ORDER)  # Kind.value is a descriptor call: read once
KIND_LABELS = {
    Kind.GLOSSARY: "Glossary",
    Kind.COUNTRY: "Countries",
    Kind.INSTITUTION: "Institutions",
    Kind.PRACTICE: "Practices",
    Kind.SECTION: "Sections",
    Kind.FIGURE: "Figures",
}
INDEX = "search_fts"
# bm25 weights for (title, keywords, headings, body, notes): a match in a title or an acronym
# counts most, one in a footnote least ("Norway": Norway's records above those mentioning it).
WEIGHTS = (10.0, 8.0, 4.0, 1.0, 0.5)
SNIPPET_CHARS = 200  # about thirty words: two lines of a results list in the sidebar
SNIPPET_LEAD = 40  # context kept before the first match
SNIPPET_SCAN = 400  # how far past the first match to look for a denser window
FOLD_CHUNK = 1024  # how much of a text is folded first, to find its first match
MIRROR_FACTOR = 0.5  # bm25 scores are negative: a factor below 1 moves a record down
FEW_HITS = 3  # below this many matches, offer "Did you mean ..."
# Up to this database size (the bundled one is about 2 MB) every row's text is held in memory,
# as typed and folded, for snippets: fetching and folding a shown row's pages per keystroke costs
# more than all the rest of a search. Larger databases fetch the shown rows' text per search.
HOLD_TEXT_BYTES = 32_000_000
# Up to this many rows one query gives every match with its score; above, a count of matches
# and a ranked query for the best few are cheaper (`htdesk bench` at 100x the bundled size).
ONE_QUERY_ROWS = 5_000
LINE_BREAK_RE = re.compile(r"\s*\n\s*")
LINE_BREAK_MARK = "·"  # what a snippet shows for a line break of its text, between spaces
FRAMEWORK_TITLE = re.compile(
    r"(?P<appendix>Appendix \d+)\. Institutional Framework of (?:the )?(?P<country>[^(]+?)(?: \(.*)?$"
)


class SearchError(Exception):
    """A bad filter (unknown kind or country); the query text itself never raises."""


@dataclass(frozen=True)
class Hit:
    id: str
    kind: Kind
    title: str
    where: str  # country and place in the report: "Norway · Appendix 4, p. 104"
    snippet: str  # one line, with HL_START/HL_END around matched words
    score: float
    country: str | None

    @property
    def snippet_text(self) -> str:
        return self.snippet.replace(HL_START, "").replace(HL_END, "")


@dataclass
class SearchResult:
    """The hits of one query, with what the filters and "Did you mean" need.

    ``counts`` are per kind within the country filter (ignoring the kind filter) and
    ``country_counts`` per country within the kind filter, so that a filter list can show what
    each choice would give.
    """

    query: str
    hits: list[Hit] = field(default_factory=list)
    counts: dict[Kind, int] = field(default_factory=dict)
    country_counts: dict[str, int] = field(default_factory=dict)
    total: int = 0  # matches within both filters; hits holds at most ``limit`` of them
    suggestion: str | None = None
    corrected: str | None = None  # the spelling whose results these are, when the typed one found none
    translated: str | None = None  # the report's English searched for a French query ("forced labour")
    # Records with some of the words but not all, most words first (only when all find few).
    partial: list[Hit] = field(default_factory=list)
    partial_total: int = 0
    words: list[str] = field(default_factory=list)  # typed words, accents and case folded
    forms: list[str] = field(default_factory=list)  # other word forms that were matched
    # Everything the query matched (words, prefixes, spellings, hyphenations): what an opened
    # page highlights, with the matcher that marked the snippets.
    matches: Alternatives = field(default_factory=Alternatives)

    def grouped(self) -> list[tuple[Kind, list[Hit]]]:
        """Hits by kind; the group holding the best hit comes first, so the top result stays on top."""
        groups: dict[Kind, list[Hit]] = {}
        for h in self.hits:
            groups.setdefault(h.kind, []).append(h)
        return list(groups.items())


# -- what is loaded once per database -----------------------------------------------------


@dataclass
class _Lexicon:
    """The index's vocabulary and each row's kind and countries, read once per database."""

    vocab: list[str]  # every word of the index, sorted
    doc_freq: dict[str, int]
    acronyms: dict[str, list[str]]  # folded acronym -> glossary ids, then institution ids
    countries: dict[str, str]  # code -> name
    kind_of: dict[int, str]  # rowid -> kind
    countries_of: dict[int, tuple[str, ...]]  # rowid -> country codes
    rowid_of: dict[str, int]
    practice_of: dict[int, int]  # section rowid -> the practice record that carries its text
    titled: dict[str, list[int]]  # a title's folded words, space-joined -> rowids
    shown_as: dict[int, tuple[str, Kind, str, str | None]]  # rowid -> id, kind, title, country codes
    source_of: dict[int, tuple[str, int | None, int | None]]  # rowid -> place in the report, pages
    classes: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # distinct (kind, country codes)
    class_of: list[int] = field(default_factory=list)  # rowid -> its index in classes (-1: no row)
    vocab_by_initial: dict[str, list[str]] = field(default_factory=dict)  # alphabetic words only
    # A word the report also writes hyphenated, as one word -> its parts ("cooperation" -> co, operation)
    compounds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    compound_words: list[str] = field(default_factory=list)  # compounds' keys, sorted: found by bisection
    forms_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    spell_cache: dict[str, str] = field(default_factory=dict)
    where_cache: dict[int, str] = field(default_factory=dict)
    title_count: Counter[str] = field(default_factory=Counter)
    display_cache: dict[int, str] = field(default_factory=dict)
    page_letters: dict[int, str] = field(default_factory=dict)  # printed page -> its letters, read on demand
    # rowid -> keywords, body, both as a Matcher reads them (fold_words); empty when the database is too large
    texts: dict[int, tuple[str, str, str, str]] = field(default_factory=dict)

    def display_title(self, rowid: int) -> str:
        """The title a result shows, told apart from the others': the country first where titles repeat.

        Six appendices read "Appendix N. Institutional Framework of …" and several countries have
        "Non-Governmental Organizations (NGOs)": cut to a sidebar's width they all looked alike.
        """
        shown = self.display_cache.get(rowid)
        if shown is None:
            _, kind, shown, codes = self.shown_as[rowid]
            m = FRAMEWORK_TITLE.match(shown)
            if m:
                shown = f"{m['country']}: Institutional Framework ({m['appendix']})"
            elif codes and kind is not Kind.COUNTRY and self.title_count.get(_title_key(shown), 0) > 1:
                names = ", ".join(self.countries.get(c, c.upper()) for c in codes.split(","))
                shown = f"{names}: {shown}"
            self.display_cache[rowid] = shown
        return shown

    def known(self, word: str) -> bool:
        """The word, or a word it begins (while still being typed), is in the index."""
        i = bisect.bisect_left(self.vocab, word)
        return i < len(self.vocab) and self.vocab[i].startswith(word)

    def forms(self, term: str, prefixed: bool = True) -> tuple[str, ...]:
        """Words of the index with the same Porter stem: "coordinate" -> coordination, coordinating.

        Words that ``term`` begins are left out when it is matched as a prefix (which finds them).
        """
        every = self.all_forms(term)
        return tuple(w for w in every if not w.startswith(term)) if prefixed else every

    def all_forms(self, term: str) -> tuple[str, ...]:
        """Every word of the index with ``term``'s Porter stem, the most frequent first."""
        if term in self.forms_cache:
            return self.forms_cache[term]
        out: tuple[str, ...] = ()
        if len(term) >= MIN_STEM and term.isalpha():
            s = stem(term)
            # A stem is a prefix of its words except for a final e or i it gained ("hope", "berri").
            start = s[:-1] if s[-1] in "ei" and len(s) > MIN_STEM else s
            i = bisect.bisect_left(self.vocab, start)
            found = []
            while i < len(self.vocab) and self.vocab[i].startswith(start):
                w = self.vocab[i]
                if w != term and stem(w) == s:
                    found.append(w)
                i += 1
            found.sort(key=lambda w: -self.doc_freq.get(w, 0))
            out = tuple(found[:MAX_FORMS])
        if len(self.forms_cache) > 4096:
            self.forms_cache.clear()
        self.forms_cache[term] = out
        return out


_LEXICONS: weakref.WeakKeyDictionary[ReportStore, _Lexicon] = weakref.WeakKeyDictionary()
_LEXICON_LOCK = threading.Lock()


def prepare(store: ReportStore) -> None:
    """Read the vocabulary now (a few ms at bundled size), so that the first keystroke does not."""
    _lexicon(store)


def _lexicon(store: ReportStore) -> _Lexicon:
    with _LEXICON_LOCK:
        lex = _LEXICONS.get(store)
        if lex is None:
            vocab = store.query("SELECT term, doc FROM search_vocab ORDER BY term")
            acronyms: dict[str, list[str]] = {}
            for name, (gid, _tip) in store.glossary_index().items():
                acronyms.setdefault(fold(name), []).append(gid)
            for row in store.query("SELECT id, acronym FROM institutions WHERE acronym IS NOT NULL"):
                acronyms.setdefault(fold(row["acronym"]), []).append(row["id"])
            rows = store.query("SELECT rowid, id, kind, title, country FROM search_index")
            titled: dict[str, list[int]] = {}
            for r in rows:
                titled.setdefault(" ".join(parse_query(r["title"]).terms), []).append(r["rowid"])
            refs = store.query("SELECT rowid, kind, source_ref, source_page, source_page_end FROM records")
            practice_at = {r["source_ref"]: r["rowid"] for r in refs if r["kind"] == "practice"}
            lex = _Lexicon(
                vocab=[r["term"] for r in vocab],
                doc_freq={r["term"]: r["doc"] for r in vocab},
                acronyms={k: list(dict.fromkeys(v)) for k, v in acronyms.items()},
                countries={r["code"]: r["name"] for r in store.query("SELECT code, name FROM countries")},
                kind_of={r["rowid"]: r["kind"] for r in rows},
                countries_of={r["rowid"]: tuple(r["country"].split(",")) if r["country"] else () for r in rows},
                rowid_of={r["id"]: r["rowid"] for r in rows},
                titled=titled,
                shown_as={r["rowid"]: (r["id"], Kind(r["kind"]), r["title"], r["country"]) for r in rows},
                source_of={r["rowid"]: (r["source_ref"], r["source_page"], r["source_page_end"]) for r in refs},
                practice_of={
                    r["rowid"]: practice_at[r["source_ref"]]
                    for r in refs
                    if r["kind"] == "section" and r["source_ref"] in practice_at
                },
            )
            index: dict[tuple[str, tuple[str, ...]], int] = {}
            lex.class_of = [-1] * (max(lex.kind_of, default=0) + 1)
            for rowid, kind in lex.kind_of.items():
                lex.class_of[rowid] = index.setdefault((kind, lex.countries_of[rowid]), len(index))
            lex.classes = list(index)
            lex.title_count = Counter(_title_key(title) for _, _, title, _ in lex.shown_as.values())
            for w in lex.vocab:
                if w.isalpha() and len(w) > 2:
                    lex.vocab_by_initial.setdefault(w[0], []).append(w)
            if store.query("SELECT 1 FROM sqlite_master WHERE name = 'search_compounds'"):
                for joined, parts in store.rows("SELECT word, parts FROM search_compounds"):
                    lex.compounds[joined] = tuple(parts.split())
                lex.compound_words = sorted(lex.compounds)
            if store.path.stat().st_size <= HOLD_TEXT_BYTES:
                for rowid, keywords, *fields in store.rows(_TEXT_SQL):
                    keywords, body = keywords or "", _snippet_text(*fields)
                    lex.texts[rowid] = (keywords, body, fold_words(keywords), fold_words(body))
            _LEXICONS[store] = lex
        return lex


# -- filters ------------------------------------------------------------------------------


def resolve_country(store: ReportStore, country: str | None) -> str | None:
    """A country code from a code or a name ("no", "Norway"); None for no filter."""
    if not country or not country.strip():
        return None
    names = _lexicon(store).countries
    wanted = fold(country.strip())
    for code, name in names.items():
        if wanted in (code, fold(name)):
            return code
    raise SearchError(f"unknown country {country!r}; valid: {', '.join(sorted(names))}")


def resolve_kind(kind: str | Kind | None) -> Kind | None:
    """A kind from its name or its group label ("institution", "Institutions", "acronyms")."""
    if isinstance(kind, Kind) or not kind:
        return kind or None
    wanted = kind.strip().casefold()
    for k, label in KIND_LABELS.items():
        if wanted in (k.value, label.casefold(), k.value + "s"):
            return k
    if wanted in ("acronym", "acronyms"):
        return Kind.GLOSSARY
    raise SearchError(f"unknown kind {kind!r}; valid: {', '.join(x.value for x in Kind)}")


# -- snippets -----------------------------------------------------------------------------


Finder = re.Pattern[str] | Matcher  # what finds matches in folded text: a bare regex, or one with its literals


def make_snippet(text: str, pattern: Finder | None, width: int = SNIPPET_CHARS) -> str:
    """One line of ``text`` around its best matches, matches wrapped in HL_START/HL_END.

    ``pattern`` comes from match_pattern() or matcher() and runs on the folded text; only a
    stretch after the first match is examined: bodies run to pages, a snippet is a line.
    """
    folded = fold_words(text)
    return _snippet_at(text, folded, _first(pattern, folded), pattern, width)


def _first(pattern: Finder | None, folded: str) -> int:
    """Where the first match starts; -1 for none."""
    if pattern is None:
        return -1
    if isinstance(pattern, Matcher):
        return pattern.first(folded)
    m = pattern.search(folded)
    return m.start() if m else -1


def _spans(pattern: Finder, folded: str, start: int, stop: int) -> list[tuple[int, int]]:
    if isinstance(pattern, Matcher):
        return pattern.spans(folded, start, stop)
    return [m.span() for m in pattern.finditer(folded, start, stop)]


def _snippet_at(
    text: str,
    folded: str,
    first: int,
    pattern: Finder | None,
    width: int = SNIPPET_CHARS,
) -> str:
    if first == -1 or pattern is None:
        return _one_line(text[: width * 2], width)
    begin = max(0, first - SNIPPET_LEAD)
    if begin:
        space = text.find(" ", begin, first)
        begin = space + 1 if space != -1 else first
    stop = first + SNIPPET_SCAN
    region, spans = text[begin:stop], [(a - begin, b - begin) for a, b in _spans(pattern, folded, begin, stop)]
    # The window holding the most distinct matched words wins ("forced ... begging" over
    # "forced ... forced"); the earliest among equals.
    lead = first - begin
    # Spans come in order and never overlap, so their ends rise too: the words inside a window
    # starting at span i are a run words[i:k], k found by bisection, not by a pass over every
    # span for each window.
    words = [region[a:b].lower() for a, b in spans]
    ends = [b for _, b in spans]
    best, best_score = 0, len(set(words[: bisect.bisect_right(ends, width)]))
    for i in range(1, min(len(spans), 12)):
        start = spans[i][0]
        inside = len(set(words[i : bisect.bisect_right(ends, start + width - lead)]))
        if inside > best_score:
            best, best_score = start, inside
    if best:
        space = region.find(" ", best - lead, best)
        cut = space + 1 if space != -1 else best
        spans = [(a - cut, b - cut) for a, b in spans if a >= cut]
        region, begin = region[cut:], begin + cut
    end = min(len(region), width)
    if end < len(region):
        space = region.rfind(" ", lead, end)
        end = space if space > lead else end
    out, pos = [], 0
    for a, b in spans:
        a, b = max(a, pos), min(b, end)
        if a < b:
            out += [region[pos:a], HL_START, region[a:b], HL_END]
            pos = b
    out.append(region[pos:end])
    more = begin + end < len(text.rstrip())
    return _flat(("…" if begin else "") + "".join(out).strip() + ("…" if more else ""))


def _flat(text: str) -> str:
    """``LINE_BREAK_RE.sub(" · ", text)``: each line break, with the white space around it, as " · ".

    With str methods, several times faster than the regex, which tries every position.
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    # Lines of white space only join their neighbours' breaks into one.
    middle = [line.strip() for line in lines[1:-1] if line and not line.isspace()]
    return f" {LINE_BREAK_MARK} ".join([lines[0].rstrip(), *middle, lines[-1].lstrip()])


def _one_line(text: str, width: int) -> str:
    text = _flat(text.strip())
    if len(text) <= width:
        return text
    space = text.rfind(" ", 0, width)
    return text[: space if space > 0 else width] + "…"


def _snippet(
    keywords: str,
    body: str,
    pattern: Finder | None,
    folded_kw: str | None = None,
    folded_body: str | None = None,
    title: str = "",
    lead: Finder | None = None,
) -> str:
    # The body says most; a record matched only by an acronym or French name shows those.
    if folded_body is None:
        folded, first = _fold_to_first(body, pattern)
    else:
        folded, first = folded_body, _first(pattern, folded_body)
    if lead is not None and first != -1:
        # Start at the first telling word ("Australia"), not at the first "in" of the text.
        if len(folded) < len(body):
            folded = fold_words(body)
        telling = _first(lead, folded)
        first = telling if telling != -1 else first
    if first == -1 and pattern and keywords:
        folded_kw = fold_words(keywords) if folded_kw is None else folded_kw
        in_keywords = _first(pattern, folded_kw)
        if in_keywords != -1:
            return _snippet_at(keywords, folded_kw, in_keywords, pattern)
    if first == -1 and pattern and title:
        # Matched by its title alone, which the result shows shortened ("GRETA" in "Appendix 2.
        # Institutional Framework of Belgium (GRETA, 2013a)"): the whole title says why.
        folded_title = fold_words(title)
        in_title = _first(pattern, folded_title)
        if in_title != -1:
            return _snippet_at(title, folded_title, in_title, pattern)
    if first != -1 and len(folded) < min(len(body), first + SNIPPET_SCAN):
        folded = fold_words(body[: first + SNIPPET_SCAN])  # what _snippet_at reads, no more
    return _snippet_at(body, folded, first, pattern)


def _fold_to_first(text: str, pattern: Finder | None, chunk: int = FOLD_CHUNK) -> tuple[str, int]:
    """The folded text (all of it, or a beginning that holds the first match) and where that match starts.

    Folding a body of pages to find a match in its first lines is most of a snippet's cost, so
    the first ``chunk`` characters are tried alone. Folding is one character for one, so that
    beginning is the start of the whole folded text; what is found there stands when the match
    ends before the cut (no word continues past it) and the query has no phrase (whose match can
    run on past a cut). Everything else folds the whole text.
    """
    if isinstance(pattern, Matcher) and not pattern.phrases and len(text) > chunk:
        folded = fold_words(text[:chunk])
        first = pattern.first(folded)
        if first != -1 and pattern.end(folded, first, chunk) < chunk:
            return folded, first
    folded = fold_words(text)
    return folded, _first(pattern, folded)


# -- what a typed word matches -----------------------------------------------------------

# UK and US spellings of one word, each way: labour/labor, organisation/organization,
# programme/program, centre/center, defence/defense, analyse/analyze, counselling/counseling,
# paediatric/pediatric. A rule only proposes a spelling; it counts when the report uses it.
_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"^(\w{2,})our(s|ed|ing|er|ers|ite|ites|able|ably|ful|less)?$", r"\1or\2"),
        (r"^(\w{2,}[^o])or(s|ed|ing|er|ers|ite|ites|able|ably|ful|less)?$", r"\1our\2"),
        (r"^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$", r"\1iz\2"),
        (r"^(\w{3,})iz(e|es|ed|ing|ation|ations|er|ers)$", r"\1is\2"),
        (r"^(\w+)ys(e|es|ed|ing|er|ers)$", r"\1yz\2"),
        (r"^(\w+)yz(e|es|ed|ing|er|ers)$", r"\1ys\2"),
        (r"^(\w*(?:cent|theat|fib|spect|lust|somb))re(s)?$", r"\1er\2"),
        (r"^(\w*(?:cent|theat|fib|spect|lust|somb))er(s)?$", r"\1re\2"),
        (r"^(\w*(?:defen|offen|licen|preten))ce(s)?$", r"\1se\2"),
        (r"^(\w*(?:defen|offen|licen|preten))se(s)?$", r"\1ce\2"),
        (r"^(\w*)programme(s)?$", r"\1program\2"),
        (r"^(\w*)program(s)?$", r"\1programme\2"),
        (r"^(\w+e)ll(ing|ed|er|ers|or|ors)$", r"\1l\2"),
        (r"^(\w+e)l(ing|ed|er|ers|or|ors)$", r"\1ll\2"),
        (r"^(\w*)paed(\w*)$", r"\1ped\2"),
        (r"^(\w*)ped(\w+)$", r"\1paed\2"),
    )
)


def _title_key(title: str) -> str:
    """A title as its words, case, accents and UK/US spelling aside: "Organisations" and "Organizations" are one."""
    # Cheaper than spellings(): titles are compared, not searched, and this runs on every title.
    return " ".join(t.replace("iz", "is").replace("our", "or") for t in parse_query(title).terms)


@functools.lru_cache(maxsize=4096)
def spellings(word: str) -> tuple[str, ...]:
    """The other spellings a rule proposes for ``word`` (UK <-> US), whether or not the report has them.

    Kept per word (sixteen rules tried on each typed word were a tenth of a search).
    """
    out = []
    for pattern, repl in _SPELLINGS:
        other = pattern.sub(repl, word)
        if other != word:
            out.append(other)
    return tuple(out)


def _word_forms(lex: _Lexicon, q: ParsedQuery, term: str) -> Alternatives:
    """The word, as a prefix where it is one, its other forms ("coordinate" -> coordination) and parts."""
    return alternatives_of(q, term, lex.forms(term, q.prefixed(term)))


def _other_spellings(lex: _Lexicon, q: ParsedQuery, term: str) -> Alternatives:
    """The report's other spelling of the word and that spelling's forms ("labour" -> labor, laborers)."""
    words: list[str] = []
    prefixes: list[str] = []
    for other in spellings(term):
        if other in lex.doc_freq:
            words += [other, *lex.all_forms(other)]
            # As a prefix too, where the word is one and the other spelling no shorter ("labor*"
            # would find "laboratory"): "organisation" -> "organizational".
            if q.prefixed(term) and len(other) >= len(term):
                prefixes.append(other)
    return Alternatives(tuple(dict.fromkeys(words)), tuple(prefixes))


def _hyphenations(lex: _Lexicon, q: ParsedQuery, term: str) -> Alternatives:
    """The word as the report also writes it, hyphenated: "cooperation" -> "co-operation", both ways."""
    found = [lex.compounds[term]] if term in lex.compounds else []
    if q.prefixed(term) and len(term) >= MIN_STEM:
        # The compounds that begin with the word sit together in sorted order: a slice, not a scan
        # of every compound at each keystroke.
        words = lex.compound_words
        i = bisect.bisect_right(words, term)
        while i < len(words) and words[i].startswith(term):
            found.append(lex.compounds[words[i]])
            i += 1
    return Alternatives(phrases=tuple(dict.fromkeys(found)))


# What a typed word matches, each expander adding alternatives (ORed in the MATCH, highlighted
# on pages): the one place a query grows into other words. A cross-language expander (a French
# query term -> the report's English terms) is appended here.
Expander = Callable[[_Lexicon, ParsedQuery, str], Alternatives]
EXPANDERS: list[Expander] = [_word_forms, _other_spellings, _hyphenations]


def expand(lex: _Lexicon, q: ParsedQuery) -> list[Alternatives]:
    """Every typed word's alternatives, in the order typed."""
    out = []
    for term in q.terms:
        alt = Alternatives()
        for expander in EXPANDERS:
            alt |= expander(lex, q, term)
        # A form or spelling the report also writes hyphenated is matched that way too.
        more = tuple(lex.compounds[w] for w in alt.words[1:] if w in lex.compounds)
        out.append(alt | Alternatives(phrases=more) if more else alt)
    return out


# -- the search ---------------------------------------------------------------------------


def suggest(store: ReportStore, q: ParsedQuery) -> str | None:
    """A spelling the database knows, for a query that found little: "rapoteur" -> "rapporteur"."""
    words = q.words()
    if not words:
        return None
    lex = _lexicon(store)
    joined = _joined(lex, q)
    if joined:
        return joined
    out = [_respell(lex, w) for w in words]
    return " ".join(out) if out != words else None


def _respell(lex: _Lexicon, word: str) -> str:
    """The index's closest word to an unknown one, or the word itself."""
    if len(word) < 3 or not word.isalpha() or lex.known(word):
        return word
    if word in lex.spell_cache:
        return lex.spell_cache[word]
    # Typos keep the first letter and roughly the length; comparing only those words keeps
    # difflib (slow per word) to a few hundred comparisons.
    near = [v for v in lex.vocab_by_initial.get(word[0], ()) if abs(len(v) - len(word)) <= 2]
    close = difflib.get_close_matches(word, near, n=3, cutoff=0.75)
    best = word
    if close:
        # Among spellings about as close, the one the report uses most.
        def closeness(v: str) -> tuple[float, int]:
            return round(difflib.SequenceMatcher(None, word, v).ratio(), 1), lex.doc_freq.get(v, 0)

        best = max(close, key=closeness)
    if len(lex.spell_cache) > 4096:
        lex.spell_cache.clear()
    lex.spell_cache[word] = best
    return best


def _joined(lex: _Lexicon, q: ParsedQuery) -> str | None:
    """Words typed apart that the report writes as one: "lover boy" -> "loverboy"."""
    words = q.words()
    joined = "".join(words)
    return joined if len(words) > 1 and joined in lex.doc_freq else None


def _spec(q: ParsedQuery, alternatives: list[Alternatives]) -> Alternatives:
    """Everything the query matches, in a canonical order (so equal queries share a cached Matcher)."""
    spec = Alternatives(phrases=q.phrases)
    for alt in alternatives:
        spec |= alt
    return Alternatives(tuple(sorted(spec.words)), tuple(sorted(spec.prefixes)), tuple(sorted(spec.phrases)))


def search_expression(store: ReportStore, text: str) -> str:
    """The MATCH expression search() sends for this text ("" for none), for benchmarks."""
    q = without_fragment(parse_query(text), text)
    return query_expression(expand(_lexicon(store), q), q.phrases) if not q.empty else ""


def search(
    store: ReportStore,
    text: str,
    *,
    kind: str | Kind | None = None,
    country: str | None = None,
    limit: int = 50,
    correct: bool = True,
) -> SearchResult:
    """Search every record; any text gives hits or none, never an error (bad filters raise SearchError).

    A query that finds nothing while its likely spelling does shows that spelling's results
    (``corrected`` says so; ``correct=False`` searches for the text as typed). A query of several
    words that finds few records adds those with some of its words (``partial``).
    """
    want_kind = resolve_kind(kind)
    want_country = resolve_country(store, country)
    limit = max(0, limit)
    french = translate(store, text)
    if french is not None:
        english, add_extras = _all_words(store, french.english, want_kind, want_country, limit)
        if english.total:
            # The English's records with some of the words count; its suggestion would not be shown.
            # Found nothing, the English is dropped without either: the French is searched as typed.
            add_extras(False, True)
            # The French's own hits join the English's, but not its suggestion or its records with
            # some of the words: worked out and thrown away, they made French searches the slowest.
            typed = _search(store, text, want_kind, want_country, limit, extras=False)
            # The French as one phrase: found, it is a name the report gives in French ("traite des
            # êtres humains" in a French body's name) and comes first.
            phrase = '"' + text.replace('"', " ").strip() + '"'
            named = _search(store, phrase, want_kind, want_country, limit, extras=False) if typed.total else typed
            return _in_english(typed, named, english, french.shown, limit)
    result, add_extras = _all_words(store, text, want_kind, want_country, limit)
    if correct and result.total == 0:
        # Of the two results only one is shown: the other's records with some of the words, and
        # the corrected spelling's own suggestion, are never worked out.
        add_extras(True, False)
        if result.suggestion:
            fixed, fixed_extras = _all_words(store, result.suggestion, want_kind, want_country, limit)
            if fixed.total:
                fixed_extras(False, True)
                fixed.query, fixed.corrected = text, result.suggestion
                return fixed
        add_extras(False, True)
        return result
    add_extras(True, True)
    return result


def _in_english(
    typed: SearchResult, named: SearchResult, english: SearchResult, shown: str, limit: int
) -> SearchResult:
    """A French query's results: the French as a phrase, then the English's, then the French words' other hits.

    The typed words found apart come last: French words that happen to occur in the report
    ("travail" in a body's French name, "forcé" as "task force") are weaker evidence than the terms
    they translate.
    """
    english.query, english.translated, english.suggestion = typed.query, shown, None
    if typed.total:
        first = named.hits if named.total else []
        seen = {h.id for h in first}
        middle = [h for h in english.hits if h.id not in seen]
        seen |= {h.id for h in middle}
        last = [h for h in typed.hits if h.id not in seen]
        hits = first + middle + last
        extra = [h for h in hits if h.id not in {e.id for e in english.hits}]
        english.hits = hits[:limit] if limit else hits
        english.total += len(extra)
        for h in extra:
            english.counts[h.kind] = english.counts.get(h.kind, 0) + 1
    return english


def _search(
    store: ReportStore, text: str, want_kind: Kind | None, want_country: str | None, limit: int, *, extras: bool = True
) -> SearchResult:
    """The records holding every word of ``text``; ``extras``: the suggestion and the records with some of them too."""
    result, add_extras = _all_words(store, text, want_kind, want_country, limit)
    if extras:
        add_extras(True, True)
    return result


def _all_words(
    store: ReportStore, text: str, want_kind: Kind | None, want_country: str | None, limit: int
) -> tuple[SearchResult, Callable[[bool, bool], None]]:
    """The records holding every word of ``text``, and what adds the extras to them: (suggestion, partial).

    The extras cost as much as the search again when all the words find few records: a caller
    that may throw the result away asks for them only once it keeps it.
    """
    q = without_fragment(parse_query(text), text)
    result = SearchResult(query=text, words=q.words())
    if q.empty:
        return result, lambda _suggestion, _partial: None
    lex = _lexicon(store)
    alternatives = expand(lex, q)
    result.matches = spec = _spec(q, alternatives)
    result.forms = sorted(set(spec.words) - set(q.terms))
    expr = query_expression(alternatives, q.phrases)

    # An exact acronym ("KOM") puts its glossary entry, then the body itself, first; an exact
    # name ("Sweden", "TruckSTOP") puts what bears it next (those of them that match, below).
    named: list[int | None] = []
    if not q.phrases:
        named = [lex.rowid_of.get(i) for i in lex.acronyms.get(" ".join(q.terms), [])]
        named += lex.titled.get(" ".join(q.terms), [])

    # One pass over the index gives every match with its score, best first; counting, filtering
    # and the top places are then worked out here from what the lexicon holds for each row.
    matched: list[tuple[int, float]] = []
    best: list[tuple[int, float]] = []
    if len(lex.kind_of) <= ONE_QUERY_ROWS:
        matched = store.rows(_MATCH_SQL, (expr,))
        near = _proximity(store, lex, q) if matched else {}
        if near:
            matched = _boosted(matched, near)
        rowids = list(map(itemgetter(0), matched))  # C loops from here on
    else:
        # A match can have 30,000 rows here: sorting and passing them all costs more than the
        # MATCH. Rowids come as one string, the best few (as many as can be shown) beside them.
        one_word = len(alternatives) == 1 and not q.phrases
        rowids, best = _match_large(store, expr, want_kind, want_country, 2 * limit + len(named) + 10, one_word)
        near = _proximity(store, lex, q, [rowid for rowid, _ in best]) if best else {}
        if near:
            best = _boosted(best, near)
    if want_kind is None and want_country is None:
        within, kind_counts, country_counts = rowids, Counter(), Counter()
        # Rows fall into a few dozen classes of kind and countries: counting classes (a list
        # lookup per row, in C) and then spreading them is several times cheaper than counting
        # kinds and countries row by row, which at 100x size took milliseconds.
        for cls, n in Counter(map(lex.class_of.__getitem__, within)).items():
            kind, codes = lex.classes[cls]
            kind_counts[kind] += n
            for code in codes:
                country_counts[code] += n
    else:
        within, kind_counts, country_counts = [], Counter(), Counter()
        for rowid in rowids:
            codes = lex.countries_of[rowid]
            in_country = want_country is None or want_country in codes
            in_kind = want_kind is None or lex.kind_of[rowid] == want_kind.value
            if in_country:
                kind_counts[lex.kind_of[rowid]] += 1
            if in_kind:
                country_counts.update(codes)
                if in_country:
                    within.append(rowid)
    result.counts = {k: kind_counts[v] for k, v in _GROUP_VALUES if kind_counts[v]}
    result.country_counts = dict(sorted(country_counts.items()))
    result.total = len(within)

    boosted: list[int] = []
    if named:
        found = set(rowids)
        boosted = [
            rid
            for rid in dict.fromkeys(named)
            if rid in found
            and (want_kind is None or lex.kind_of[rid] == want_kind.value)
            and (want_country is None or want_country in lex.countries_of[rid])
        ]
    top = 2 * limit + len(boosted) + 10
    if not matched:
        ranked = dict(best[:top])  # rows come best first
    elif within is rowids:
        ranked = dict(matched[:top])  # rows come best first
    else:
        score = dict(matched)
        ranked = {rid: score[rid] for rid in within[:top]}
    # A practice is the curated page of its section's text: when both match, the section
    # steps back so that the top places go to different things ("hotline": ROSA, not ROSA twice).
    adjusted = {rid: s * MIRROR_FACTOR if lex.practice_of.get(rid) in ranked else s for rid, s in ranked.items()}
    by_score = sorted(adjusted, key=adjusted.__getitem__)
    order = boosted + [rid for rid in by_score if rid not in boosted]
    result.hits = _hits(store, lex, order[:limit], adjusted, spec)

    def add_extras(suggestion: bool, partial: bool) -> None:
        if suggestion:
            result.suggestion = suggest(store, q) if result.total < FEW_HITS else _joined(lex, q)
        if partial and result.total < SOME_WORDS_BELOW and len(q.terms) + len(q.phrases) > 1:
            # As many as fill the page the all-words results leave; more load as the list scrolls.
            wanted = max(0, limit - len(result.hits))
            some, scores, result.partial_total = _some_words(
                store, lex, q, alternatives, rowids, want_kind, want_country, wanted
            )
            result.partial = _hits(store, lex, some[:wanted], scores, spec)

    return result, add_extras


def _hits(
    store: ReportStore, lex: _Lexicon, shown: list[int], scores: dict[int, float], spec: Alternatives
) -> list[Hit]:
    """The rows ``shown`` as hits: titles, places and snippets with what ``spec`` matches marked."""
    if not shown:
        return []
    pattern = matcher_of(spec)
    short = [w for w in spec.words if len(w) < SHORT_WORD]
    telling = Alternatives(tuple(w for w in spec.words if len(w) >= SHORT_WORD), spec.prefixes, spec.phrases)
    # A snippet starts at the first word that says something; the short ones ("in") are marked only.
    says_more = telling.words or telling.phrases or any(p not in short for p in telling.prefixes)
    lead = matcher_of(telling) if short and says_more else None
    texts = _texts(store, lex, shown)
    lowest = min(scores.values(), default=0.0)
    hits = []
    for rowid in shown:
        rid, k, title, codes = lex.shown_as[rowid]
        keywords, body, folded_kw, folded_body = texts[rowid]
        snippet = _snippet(keywords, body, pattern, folded_kw, folded_body, title, lead)
        hits.append(
            Hit(
                id=rid,
                kind=k,
                title=lex.display_title(rowid),
                where=_where(lex, rowid, store, snippet),
                snippet=snippet,
                score=round(-scores.get(rowid, lowest), 4),
                country=codes,
            )
        )
    return hits


# A record where the typed words stand together counts this much more (bm25 scores are
# negative: a factor above 1 moves a record up): as a phrase in its title or names, as a phrase
# anywhere, or within NEAR_TOKENS words of each other.
TITLE_PHRASE_BOOST = 3.0
PHRASE_BOOST = 2.0
NEAR_BOOST = 1.3
NEAR_TOKENS = 8


def _proximity(store: ReportStore, lex: _Lexicon, q: ParsedQuery, among: list[int] | None = None) -> dict[int, float]:
    """Rowid -> boost for records holding the typed words as a phrase ("Child Focus") or near each other.

    ``among``: the only rows whose boost is wanted (None: every row). Asked of the whole index
    and filtered after: handed to FTS5 as rowid lookups (rowid IN ...), each phrase was evaluated
    row by row, ten times slower at 100x the bundled size for a prefix ("Human Traff*").
    """
    if len(q.terms) < 2 or q.phrases:
        return {}
    words = []
    for t in q.terms:
        # A word the report writes hyphenated is its parts there ("interdepartmental").
        parts = dict(q.parts).get(t) or lex.compounds.get(t) or (t,)
        words += [_quoted(w) for w in parts]
    if q.prefixed(q.terms[-1]) and len(words) == len(q.terms) and q.terms[-1] not in dict(q.parts):
        words[-1] += "*"  # the last word may still be being typed
    phrase = " + ".join(words)
    near = f"NEAR({' '.join(words)}, {NEAR_TOKENS})"
    # "+rowid": the unary plus keeps the IN list a filter on the match's rows (see above). At
    # 100x a phrase of common words has tens of thousands of rows: only the few wanted come back.
    within = f" AND +rowid IN ({', '.join('?' * len(among))})" if among is not None else ""
    params: list[Any] = []
    for expr in (f"{{title keywords}} : ({phrase})", phrase, near):
        params += [expr, *(among or ())]
    rows = store.rows(
        f"SELECT rowid, {TITLE_PHRASE_BOOST} FROM {INDEX} WHERE {INDEX} MATCH ?{within}"
        f" UNION ALL SELECT rowid, {PHRASE_BOOST} FROM {INDEX} WHERE {INDEX} MATCH ?{within}"
        f" UNION ALL SELECT rowid, {NEAR_BOOST} FROM {INDEX} WHERE {INDEX} MATCH ?{within}",
        tuple(params),
    )
    out: dict[int, float] = {}
    for rowid, factor in rows:
        out[rowid] = max(factor, out.get(rowid, 1.0))
    return out


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _boosted(rows: list[tuple[int, float]], boost: dict[int, float]) -> list[tuple[int, float]]:
    """``rows`` (rowid, bm25 score) with boosted scores, best first again."""
    return sorted(((r, s * boost.get(r, 1.0)) for r, s in rows), key=itemgetter(1))


SOME_WORDS_BELOW = 5  # all the words in fewer records than this: add records with some of them
# A word in more than this share of the records says nothing about what is wanted ("in", "of"):
# a record holding only such words is not one "with some of your words".
COMMON_SHARE = 0.4


def _some_words(
    store: ReportStore,
    lex: _Lexicon,
    q: ParsedQuery,
    alternatives: list[Alternatives],
    found: list[int],
    want_kind: Kind | None,
    want_country: str | None,
    wanted: int,
) -> tuple[list[int], dict[int, float], int]:
    """The best ``wanted`` records with some of the words but not all, their scores, and how many there are.

    Most words first, then by score.
    """
    rows = max(1, len(lex.kind_of))
    telling = _telling(lex, q, alternatives)
    if not telling:
        return [], {}, 0
    if want_kind is None and want_country is None:
        parts = sum(not a.empty for a in alternatives) + len(q.phrases)
        if len(telling) == 1 or len(telling) == parts == 2:
            return _some_words_either(store, telling, found, wanted)
        if rows <= ONE_QUERY_ROWS:
            return _some_words_scored(store, telling, found, wanted)
        return _some_words_ranked(store, telling, found, wanted)
    return _some_words_counted(store, lex, telling, found, want_kind, want_country, wanted)


def _telling(lex: _Lexicon, q: ParsedQuery, alternatives: list[Alternatives]) -> list[str]:
    """Each word's (and phrase's) MATCH expression, but for words too common to tell records apart."""
    rows = max(1, len(lex.kind_of))
    exprs = [alternatives_expression(a) for a in alternatives if not a.empty]
    exprs += [_quoted(" ".join(p)) for p in q.phrases]
    common = [lex.doc_freq.get(t, 0) > COMMON_SHARE * rows for t in q.terms] + [False] * len(q.phrases)
    return [e for e, c in zip(exprs, common, strict=False) if not c]


def some_words_expression(store: ReportStore, text: str) -> str:
    """The records holding any of the words that "Results with some of your words" weighs, as one MATCH (benchmarks)."""
    q = without_fragment(parse_query(text), text)
    lex = _lexicon(store)
    return " OR ".join(_telling(lex, q, expand(lex, q))) if not q.empty else ""


def _some_words_counted(
    store: ReportStore,
    lex: _Lexicon,
    telling: list[str],
    found: list[int],
    want_kind: Kind | None,
    want_country: str | None,
    wanted: int,
) -> tuple[list[int], dict[int, float], int]:
    """_some_words() with filters: every match scored and counted here, kept where it passes them.

    Filters are rarer than plain typing, and the all-words records within them are few, but
    ``found`` (every all-words record) need not be.
    """
    matches = " UNION ALL ".join(
        f"SELECT rowid AS r, bm25({INDEX}, {_WEIGHTS}) AS s FROM {INDEX} WHERE {INDEX} MATCH ?" for _ in telling
    )
    skipped = set(found)
    covered: Counter[int] = Counter()
    scores: dict[int, float] = {}
    for rowid, score in store.rows(matches, tuple(telling)):
        if rowid in skipped:
            continue
        if want_kind is not None and lex.kind_of[rowid] != want_kind.value:
            continue
        if want_country is not None and want_country not in lex.countries_of[rowid]:
            continue
        covered[rowid] += 1
        scores[rowid] = scores.get(rowid, 0.0) + score
    order = sorted(covered, key=lambda r: (-covered[r], scores[r], r))
    return order[:wanted], {r: scores[r] for r in order[:wanted]}, len(order)


def _some_words_either(
    store: ReportStore, telling: list[str], found: list[int], wanted: int
) -> tuple[list[int], dict[int, float], int]:
    """_some_words() when every record it lists holds as many of the words as any other: ranked by one OR.

    So it is with one telling word, or two words both telling (a record with both is in
    ``found``, all the words' records). bm25() of an OR is the sum of what each of its phrases
    scores alone, the sum the other ways add up: the same order and scores from one match with
    scores, where they run one per word and count the levels first (twice the time, `htdesk bench`).
    """
    either = " OR ".join(f"({t})" for t in telling)
    # Every record of ``found`` holds the words, so it is among the OR's: left out of its count.
    total = store.rows(f"SELECT count(*) FROM {INDEX} WHERE {INDEX} MATCH ?", (either,))[0][0] - len(found)
    if wanted <= 0 or total <= 0:
        return [], {}, max(0, total)
    skip = f"AND +rowid NOT IN ({', '.join('?' * len(found))})" if found else ""
    top = store.rows(
        f"SELECT rowid, bm25({INDEX}, {_WEIGHTS}) AS s FROM {INDEX} WHERE {INDEX} MATCH ? {skip}"
        " ORDER BY s, rowid LIMIT ?",
        (either, *found, wanted),
    )
    return [r for r, _ in top], dict(top), total


def _some_words_scored(
    store: ReportStore, telling: list[str], found: list[int], wanted: int
) -> tuple[list[int], dict[int, float], int]:
    """_some_words() without filters in one statement: every match scored, counted and ranked by SQLite.

    At the bundled size one statement costs less than the two of _some_words_ranked(); every
    match is then few enough to score. ``found``: as in _some_words_ranked().
    """
    skip = f"WHERE r NOT IN ({', '.join('?' * len(found))})" if found else ""
    scored = " UNION ALL ".join(
        f"SELECT rowid AS r, bm25({INDEX}, {_WEIGHTS}) AS s FROM {INDEX} WHERE {INDEX} MATCH ?" for _ in telling
    )
    # LIMIT -1 (no limit): see _some_words_ranked(). A CTE read twice is gathered once.
    ranked = store.rows(
        f"WITH g AS (SELECT r, count(*) AS n, sum(s) AS s FROM ({scored} LIMIT -1) {skip} GROUP BY r)"
        " SELECT NULL, (SELECT count(*) FROM g), NULL"
        " UNION ALL SELECT * FROM (SELECT r, n, s FROM g ORDER BY n DESC, s, r LIMIT ?)",
        (*telling, *found, wanted),
    )
    # The row of the count is told by its NULL (a rowid never is), not by its place.
    total = next(row[1] for row in ranked if row[0] is None)
    top = [row for row in ranked if row[0] is not None]
    return [r for r, _, _ in top], {r: s for r, _, s in top}, total


def _some_words_ranked(
    store: ReportStore, telling: list[str], found: list[int], wanted: int
) -> tuple[list[int], dict[int, float], int]:
    """_some_words() without filters, counted and ranked by SQLite, scoring only the records that can be shown.

    Each word alone can match tens of thousands of rows at 100x the bundled size: bringing them
    all into Python, or scoring them all with bm25() (five times the cost of the match itself),
    was most of such a search (`htdesk bench` p99). How many records hold how many of the words
    comes from rowids alone; then only the records of the levels that fill the page are scored.
    The order is the one all scores would give: a record of a lower level never comes first.
    One statement: as two (the levels, then the scores), every word's match ran once more.
    ``found`` is the few all-words records (fewer than SOME_WORDS_BELOW: only then is this
    asked), listed to leave them out.
    """
    skip = f"WHERE r NOT IN ({', '.join('?' * len(found))})" if found else ""
    covered = " UNION ALL ".join(f"SELECT rowid AS r FROM {INDEX} WHERE {INDEX} MATCH ?" for _ in telling)
    if wanted <= 0:
        counted = f"SELECT count(*) FROM (SELECT r FROM ({covered}) {skip} GROUP BY r)"
        return [], {}, store.rows(counted, (*telling, *found))[0][0]
    # "+rowid": the unary plus keeps SQLite from handing the IN list to FTS5 as rowid lookups, each
    # one a full-text query of its own (seconds at 100x); the match runs once and c only filters it.
    scored = " UNION ALL ".join(
        f"SELECT rowid AS r, bm25({INDEX}, {_WEIGHTS}) AS s FROM {INDEX} WHERE {INDEX} MATCH ? AND +rowid IN c"
        for _ in telling
    )
    # sum() OVER needs SQLite 3.25 (2018), older than the SQLite of any Python 3.11 build.
    # g: each record's number of words (read three times, gathered once). The lowest level shown
    # is the highest whose records and those above it fill the page, or the lowest of all. LIMIT -1
    # (no limit) keeps the scores in a subquery of their own: flattened into the sum of a single
    # word's scores, bm25() is refused ("unable to use function bm25 in the requested context").
    ranked = store.rows(
        f"WITH g AS (SELECT r, count(*) AS n FROM ({covered}) {skip} GROUP BY r),"
        " levels AS (SELECT n, count(*) AS k FROM g GROUP BY n),"
        " upto AS (SELECT n, sum(k) OVER (ORDER BY n DESC) AS k FROM levels),"
        " c AS (SELECT r FROM g WHERE n >= coalesce("
        "(SELECT max(n) FROM upto WHERE k >= ?), (SELECT min(n) FROM levels)))"
        " SELECT NULL, (SELECT count(*) FROM g), NULL"
        f" UNION ALL SELECT * FROM (SELECT r, count(*) AS n, sum(s) AS s FROM ({scored} LIMIT -1)"
        " GROUP BY r ORDER BY n DESC, s, r LIMIT ?)",
        (*telling, *found, wanted, *telling, wanted),
    )
    # The row of the count is told by its NULL (a rowid never is), not by its place.
    total = next(row[1] for row in ranked if row[0] is None)
    top = [row for row in ranked if row[0] is not None]
    return [r for r, _, _ in top], {r: s for r, _, s in top}, total


# Every match and its score, best first: the same ordering FTS5 gives ``ORDER BY rank``, with our weights.
WEIGHTS_SQL = _WEIGHTS = ", ".join(str(x) for x in WEIGHTS)
_MATCH_SQL = f"SELECT rowid, bm25({INDEX}, {_WEIGHTS}) AS score FROM {INDEX} WHERE {INDEX} MATCH ? ORDER BY score"


def _match_large(
    store: ReportStore, expr: str, kind: Kind | None, country: str | None, limit: int, one_word: bool = False
) -> tuple[list[int], list[tuple[int, float]]]:
    """Every matching rowid, and the best ``limit`` matches within the filters with their scores, best first.

    Several words: one statement, the match gathered once and both answers read from it. As two
    statements, a rowid list and a ranked LIMIT query, the MATCH of words that must all occur
    ran twice, an eighth to a fifth of a typical search at 100x the bundled size (`htdesk bench`).
    ``one_word`` (its forms OR-ed): two statements. Such a MATCH only reads one word's rows, and
    costs less than gathering them all with their scores (218 of 241 one-word bench queries).
    """
    ranked_sql = "SELECT m.r, m.s FROM m"
    params: list[Any] = [expr]
    if kind or country:
        # Filters are rarer than plain typing; only they pay for the join.
        ranked_sql += " JOIN records AS r ON r.rowid = m.r WHERE 1"
        if kind:
            ranked_sql += " AND r.kind = ?"
            params.append(kind.value)
        if country:
            ranked_sql += " AND (',' || r.country || ',') LIKE ?"
            params.append(f"%,{country},%")
    params.append(limit)
    if one_word:
        joined = store.rows(f"SELECT group_concat(rowid) FROM {INDEX} WHERE {INDEX} MATCH ?", (expr,))[0][0]
        best = store.rows(
            f"WITH m AS (SELECT rowid AS r, bm25({INDEX}, {_WEIGHTS}) AS s FROM {INDEX} WHERE {INDEX} MATCH ?)"
            f" {ranked_sql} ORDER BY m.s LIMIT ?",
            tuple(params),
        )
        return (list(map(int, joined.split(","))) if joined else []), best
    # A CTE read twice is gathered once by SQLite 3.35 and later without being told (the
    # MATERIALIZED hint would be a syntax error before 3.35; there the match runs twice, as before).
    rows = store.rows(
        f"WITH m AS (SELECT rowid AS r, bm25({INDEX}, {_WEIGHTS}) AS s FROM {INDEX} WHERE {INDEX} MATCH ?)"
        f" SELECT NULL, (SELECT group_concat(r) FROM m)"
        f" UNION ALL SELECT * FROM ({ranked_sql} ORDER BY m.s LIMIT ?)",
        tuple(params),
    )
    # The row of rowids is told by its NULL (a rowid never is), not by its place.
    joined = next(row[1] for row in rows if row[0] is None)
    return (list(map(int, joined.split(","))) if joined else []), [row for row in rows if row[0] is not None]


def _texts(store: ReportStore, lex: _Lexicon, rowids: list[int]) -> dict[int, tuple[str, str, str | None, str | None]]:
    """Rowid -> keywords, body and (when held in memory) both folded, of the rows shown."""
    if lex.texts:
        return {rowid: lex.texts[rowid] for rowid in rowids}
    marks = ", ".join("?" * len(rowids))
    rows = store.rows(f"{_TEXT_SQL} WHERE rowid IN ({marks})", tuple(rowids))
    return {r[0]: (r[1] or "", _snippet_text(*r[2:]), None, None) for r in rows}


_TEXT_SQL = "SELECT rowid, keywords, body, notes, headings FROM search_index"


def _snippet_text(body: str | None, notes: str | None, headings: str | None) -> str:
    """The text a snippet is cut from: the running text, then notes, then headings (the likeliest first)."""
    return "\n".join(p for p in (body, notes, headings) if p)


def _where(lex: _Lexicon, rowid: int, store: ReportStore | None = None, snippet: str = "") -> str:
    """Country and place in the report ("Norway · Appendix 4, p. 104"), made once per row.

    A record over several pages cites the page its snippet is quoted from ("Chapter III, 1.3, p. 38"),
    or its range where the snippet cannot be placed.
    """
    ref, page, end = lex.source_of[rowid]
    if store is not None and snippet and page and end and end > page:
        quoted = snippet.replace(HL_START, "").replace(HL_END, "")
        at = passage_page(lambda n: _letters_of_page(store, lex, n), page, end, quoted)
        if at is not None:
            return _with_countries(lex, rowid, cite(cite_pages(ref, at)))
    where = lex.where_cache.get(rowid)
    if where is None:  # in the interface's language: "annexe 4, p. 104" in French
        where = lex.where_cache[rowid] = _with_countries(lex, rowid, cite(cite_pages(ref, page, end)))
    return where


def _with_countries(lex: _Lexicon, rowid: int, where: str) -> str:
    _, kind, _, country = lex.shown_as[rowid]
    if kind is not Kind.COUNTRY and country:
        names = ", ".join(lex.countries.get(c, c.upper()) for c in country.split(","))
        return f"{names} · {where}"
    return where


def _letters_of_page(store: ReportStore, lex: _Lexicon, page: int) -> str:
    if page not in lex.page_letters:
        rows = store.rows("SELECT text FROM report_pages WHERE page = ?", (page,))
        lex.page_letters[page] = letters(rows[0][0]) if rows else ""
    return lex.page_letters[page]


def countries(store: ReportStore) -> dict[str, str]:
    """Code -> name of every country a search can be filtered by, in name order."""
    names = _lexicon(store).countries
    return dict(sorted(names.items(), key=lambda item: item[1]))
