"""Query parsing, the Porter stemmer and the match pattern: pure logic, no database."""

from __future__ import annotations

import re
import sqlite3
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from htdesk.store.query import (
    MAX_QUERY_CHARS,
    MAX_TERMS,
    fold,
    fold_same_length,
    fold_words,
    fts_expression,
    match_pattern,
    matcher,
    normalise,
    parse_query,
    stem,
    without_fragment,
)


def test_words_are_folded_for_case_and_accents() -> None:
    q = parse_query("Grünerlokka CoMensha")
    assert q.terms == ("grunerlokka", "comensha")


def test_fts_operators_are_ordinary_words() -> None:
    q = parse_query("victims AND NOT (police OR NEAR) *traff^ col:body -x")
    assert q.terms == ("victims", "and", "not", "police", "or", "near", "traff", "col", "body", "x")


def test_quoted_phrase_is_kept_as_a_phrase_and_an_unclosed_quote_runs_to_the_end() -> None:
    assert parse_query('"labour exploitation" sweden').phrases == (("labour", "exploitation"),)
    assert parse_query('sweden "labour exploi').phrases == (("labour", "exploi"),)
    assert parse_query('"berry"').terms == ("berry",)  # one quoted word is just a word


def test_long_input_is_bounded() -> None:
    q = parse_query(" ".join(f"w{i}" for i in range(5000)))
    assert len(q.terms) == MAX_TERMS
    assert len(parse_query("x" * 10_000).terms[0]) == MAX_QUERY_CHARS
    assert parse_query("ab " * 200).terms == ("ab",)  # cut at a word boundary, no stray "a"


def test_expression_quotes_every_word_and_adds_prefix_and_forms() -> None:
    q = parse_query('coordinate "a b"')
    expr = fts_expression(q, lambda t: ("coordination",))
    assert expr == '("coordinate" OR "coordinate"* OR "coordination") AND "a b"'


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("coordination", "coordin"),
        ("coordinating", "coordin"),
        ("coordinate", "coordin"),
        ("victims", "victim"),
        ("berries", "berri"),
        ("police", "polic"),
        ("policy", "polici"),
        ("trafficking", "traffick"),
    ],
)
def test_porter_stems(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_stemmer_agrees_with_sqlites_porter_tokenizer() -> None:
    # Our word forms must group words exactly as an FTS5 porter index would.
    words = [
        "generalization", "happiness", "relational", "conditional", "possibly", "hopping", "hoping",
        "agreed", "feed", "sky", "skies", "controlling", "rolling", "electrical", "adjustment",
        "dependent", "adoption", "communism", "activate", "effective", "bowdlerize", "formaliti",
        "sensibiliti", "triplicate", "analogous", "rating", "filing", "failing", "trafficked",
    ]  # fmt: skip
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(w, tokenize='porter ascii')")
    conn.executemany("INSERT INTO t(rowid, w) VALUES (?, ?)", list(enumerate(words, 1)))
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    sqlite_stems = {words[doc - 1]: term for term, doc in conn.execute("SELECT term, doc FROM v")}
    assert {w: stem(w) for w in words} == sqlite_stems


def test_pattern_finds_accented_text_from_a_plain_word_and_prefixes() -> None:
    pattern = match_pattern(parse_query("grunerlokka coordinat"))
    assert pattern is not None
    text = "Grünerlokka social service; Coordinating bodies; uncoordinated"
    folded = fold_same_length(text)
    assert len(folded) == len(text)
    assert [text[m.start() : m.end()] for m in pattern.finditer(folded)] == ["Grünerlokka", "Coordinating"]


def test_fold() -> None:
    assert fold("Êtres Humains") == "etres humains"


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_parse_never_yields_fts_syntax(text: str) -> None:
    q = parse_query(text)
    for word in q.words():
        assert re.fullmatch(r"\w+", word) and "_" not in word, word  # letters and digits only: no FTS syntax


def test_a_letter_just_typed_after_other_words_is_left_out() -> None:
    text = "organisation international d"
    assert without_fragment(parse_query(text), text).terms == ("organisation", "international")
    assert without_fragment(parse_query(text + " "), text + " ").terms[-1] == "d"  # a finished word
    assert without_fragment(parse_query("a"), "a").terms == ("a",)  # a lone letter is the query


# -- the Matcher finds exactly what the regex finds ------------------------------------------

# Few letters, so that words, prefixes, forms and phrases meet often; accents, capitals, digits,
# "_", line breaks and characters beyond Latin-1 for the edges of folding and of \w.
TEXT_CHARS = list("abcab éÉA_1 ,.’\nœ-")
WORDS = st.text(alphabet="abcé", min_size=1, max_size=4)
# A hyphenated word is also the phrase of its parts: several phrases, and phrases that share words.
TYPED_WORDS = WORDS | st.lists(WORDS, min_size=2, max_size=3).map("-".join)


@st.composite
def typed_queries(draw: st.DrawFn) -> str:
    words = draw(st.lists(TYPED_WORDS, min_size=1, max_size=4))
    if draw(st.booleans()) and len(words) > 1:
        cut = draw(st.integers(1, len(words) - 1))
        return " ".join(words[:cut]) + ' "' + " ".join(words[cut:]) + '"'  # a phrase after loose words
    return " ".join(words)


@settings(max_examples=400, deadline=None)
@given(
    typed=typed_queries(),
    forms=st.lists(st.text(alphabet="abc", min_size=1, max_size=5), max_size=4),
    text=st.text(alphabet=TEXT_CHARS, max_size=120),
    start=st.integers(0, 130),
    size=st.integers(0, 130),
)
def test_matcher_agrees_with_the_regex(typed: str, forms: list[str], text: str, start: int, size: int) -> None:
    q = parse_query(typed)
    found = matcher(q, tuple(sorted(set(forms))))
    pattern = match_pattern(q, sorted(set(forms)))
    assert found is not None and pattern is not None
    folded, words = fold_same_length(text), fold_words(text)  # what the regex reads, what the Matcher reads
    m = pattern.search(folded)
    assert found.first(words) == (m.start() if m else -1)
    stop = start + size
    assert found.spans(words, start, stop) == [x.span() for x in pattern.finditer(folded, start, stop)]


@st.composite
def query_and_text(draw: st.DrawFn) -> tuple[str, str]:
    """A query and a text made of its own words (and a few others), so that phrases match often, at the very end too."""
    typed = draw(typed_queries())
    own = re.findall(r"[a-zé]+", typed)
    tokens = draw(st.lists(st.sampled_from(own) | WORDS, max_size=12))
    if draw(st.booleans()):
        tokens += own  # the query's words in order at the end: its phrases end the text
    gaps = draw(
        st.lists(st.sampled_from([" ", "-", ", ", "\n", "’", "_", ""]), min_size=len(tokens), max_size=len(tokens))
    )
    return typed, "".join(g + t for g, t in zip(gaps, tokens, strict=True))


@settings(max_examples=400, deadline=None)
@given(pair=query_and_text(), start=st.integers(0, 60), size=st.integers(0, 80))
def test_matcher_agrees_with_the_regex_on_texts_of_its_words(pair: tuple[str, str], start: int, size: int) -> None:
    typed, text = pair
    q = parse_query(typed)
    found, pattern = matcher(q), match_pattern(q)
    assert found is not None and pattern is not None
    folded, words = fold_same_length(text), fold_words(text)
    m = pattern.search(folded)
    assert found.first(words) == (m.start() if m else -1)
    assert found.spans(words, start, start + size) == [x.span() for x in pattern.finditer(folded, start, start + size)]
    for i in range(len(folded)):
        if not (i and (folded[i - 1].isalnum() or folded[i - 1] == "_")):  # after a non-word character
            m = pattern.match(folded, i)
            assert found.end(words, i, len(folded) + 5) == (m.end() if m else -1)


def test_the_longer_of_two_phrases_at_one_place_is_the_match() -> None:
    # "anti-trafficking-law" is the phrase of its parts, and "anti trafficking" a phrase typed:
    # where both match, the regex takes the longer, and so must the Matcher.
    q = parse_query('anti-trafficking-law "anti trafficking"')
    found = matcher(q)
    assert found is not None
    text = "An anti-trafficking law, and anti-trafficking work."
    spans = [text[a:b] for a, b in found.spans(fold_words(text), 0, len(text))]
    assert spans == ["anti-trafficking law", "anti-trafficking"]


def test_matcher_keeps_only_literals_no_other_begins() -> None:
    found = matcher(parse_query("coordinat traf"), ("coordination", "trafficking", "victim"))
    assert found is not None
    assert sorted(found.literals) == ["coordinat", "traf", "victim"]
    assert matcher(parse_query("")) is None


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_normalise_fast_path_drops_what_the_slow_one_does(text: str) -> None:
    kept = "".join(ch for ch in text[: MAX_QUERY_CHARS * 4] if unicodedata.category(ch)[0] != "C" or ch in " \t")
    assert normalise(text) == normalise(kept)
    assert fold(text) == "".join(
        ch for ch in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(ch)
    )
