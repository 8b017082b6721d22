"""Rules that hold records to each other (glossary to institutions, countries to the comparison table); no SQL."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from htdesk.content.kinds import Dimension
from htdesk.content.models import Country, Figure, GlossaryEntry, Institution, Section, Table
from htdesk.content.passages import letters

COMPARISON_TABLE = "figure/comparison-table"
COMPARISON_REF = "Chapter III, comparison table"
# The columns of the comparison table each dimension of a country profile may quote. The review
# year of Australia's plan ("Review planned for 2014") is printed in the plan's column.
COLUMNS_OF: dict[Dimension, frozenset[str]] = {
    Dimension.NAP: frozenset({"National Action Plan", "Themes"}),
    Dimension.COORDINATION: frozenset({"National Coordination Mechanisms"}),
    Dimension.DATA_COLLECTION: frozenset({"Data Gathering System"}),
    Dimension.NGO_INVOLVEMENT: frozenset({"NGO Involvement"}),
    Dimension.EVALUATION: frozenset({"National Action Plan"}),
}
# A point of a statement is placed by the cell that holds most of its words; below this share a
# point is the curator's wording ("National Action Plan: 2003") and places nothing.
PLACING_SHARE = 0.8
# Words that say nothing about where a point belongs.
_STOP = frozenset({"a", "an", "and", "the", "of", "in", "on", "for", "to", "by", "is", "are", "with", "at", "it"})


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.replace("’", "'").casefold())


def _dropped_words(expansion: str, name: str) -> bool:
    """Whether ``expansion`` is ``name`` with words left out of its middle.

    "Directorate of Consular Affairs" for "Directorate General of Consular Affairs" is a name copied
    short; a name with other words is the report naming a body two ways, which it does.
    """
    short, full = _words(expansion), _words(name)
    if not short or len(short) >= len(full):
        return False
    # Compare with the end of the name: the text before "(ACR)" may start with more ("THB unit within the ...").
    i, j, gaps, started = 0, 0, 0, False
    while i < len(short) and j < len(full):
        if short[i] == full[j]:
            i, started = i + 1, True
        elif started:
            gaps += 1
        j += 1
    return i == len(short) and gaps > 0


def _named_before(acronyms: Sequence[str], texts: Iterable[str]) -> list[str]:
    """The text that stands before each "(ACR)" of the given acronyms: the name the acronym shortens."""
    out = []
    for text in texts:
        for a in acronyms:
            for m in re.finditer(rf"\({re.escape(a)}\)", text):
                out.append(text[: m.start()])
    return out


def glossary_problems(glossary: Sequence[GlossaryEntry], institutions: Sequence[Institution]) -> list[str]:
    """An institution's acronym links to its country's meaning, whose expansion is the name the institution gives.

    - an acronym with several meanings has each bound to the countries that use it (``countries``);
    - a glossary entry bound to countries may be linked only from their institutions;
    - where an acronym has a meaning for the institution's country, the institution links that one;
    - an expansion must not be the institution's name with words left out.
    """
    by_id = {g.id: g for g in glossary}
    meanings: dict[str, list[GlossaryEntry]] = {}
    for g in glossary:
        if g.acronym:
            meanings.setdefault(g.acronym, []).append(g)
    problems = [
        f"{g.id}: {acronym} has {len(same)} meanings; each needs the countries it is used for"
        for acronym, same in meanings.items()
        if len(same) > 1
        for g in same
        if not g.countries
    ]
    for inst in institutions:
        for gid in inst.glossary:
            g = by_id.get(gid)
            if g is None:
                continue  # a dangling link is reported by the links rule
            if g.countries and inst.country not in g.countries:
                problems.append(
                    f"{inst.id} links {gid}, the meaning of {g.acronym} in {', '.join(g.countries)}, "
                    f"not in {inst.country}"
                )
                continue
            own = [m for m in meanings.get(g.acronym, []) if inst.country in m.countries]
            if own and g not in own:
                problems.append(f"{inst.id} links {gid}, but {own[0].id} is {g.acronym} in {inst.country}")
                continue
            names = _named_before(
                [x for x in (g.acronym, g.acronym_fr, *g.variants) if x], [inst.name, *inst.composition, *inst.mission]
            )
            if inst.acronym == g.acronym:
                names.append(inst.name)
            for expansion in (g.expansion_en, g.expansion_fr):
                if expansion and any(_dropped_words(expansion, n) for n in names):
                    problems.append(
                        f"{gid} expands {g.acronym} as {expansion!r}, which leaves words out of {inst.id}'s name"
                    )
                    break
    return problems


def _table_of(figure: Figure) -> Table | None:
    return next((b for b in figure.body if isinstance(b, Table)), None)


def _points(text: str) -> list[str]:
    """A statement's points: its sentences and "; " items, without a leading column label ("Themes: ")."""
    parts = re.split(r"(?<=[.;])\s+", text)
    return [re.sub(r"^[A-Z][A-Za-z ]{2,40}:\s+", "", p) for p in parts if p.strip()]


def _placing_column(point: str, row: Sequence[str], header: Sequence[str]) -> str | None:
    """The column of ``row`` that holds most of the point's words, if one holds enough to place it."""
    words = [w for w in _words(point) if w not in _STOP]
    if len(words) < 2:
        return None
    best, share = None, 0.0
    for col, cell in zip(header[1:], row[1:], strict=True):
        cell_words = set(_words(cell))
        s = sum(w in cell_words for w in words) / len(words)
        if s > share:
            best, share = col, s
    return best if share >= PLACING_SHARE else None


def comparison_problems(countries: Sequence[Country], figures: Sequence[Figure]) -> list[str]:
    """A country's statement taken from the comparison table sits under the dimension whose column holds it."""
    figure = next((f for f in figures if f.id == COMPARISON_TABLE), None)
    table = _table_of(figure) if figure else None
    if table is None:
        return []
    rows = {row[0]: row for row in table.rows}
    problems = []
    for country in countries:
        row = rows.get(country.name)
        if row is None:
            continue
        for dim, statements in country.dimensions.items():
            allowed = COLUMNS_OF.get(dim)
            for s in statements:
                if s.source.ref != COMPARISON_REF or allowed is None:
                    continue
                for point in _points(s.text):
                    col = _placing_column(point, row, table.header)
                    if col is not None and col not in allowed:
                        problems.append(
                            f"{country.id}: {point!r} is under {dim.value}, "
                            f"but the comparison table prints it under {col}"
                        )
    return problems


# Letters a quotation's opening must share with its page: enough to tell it from any other passage.
OPENING_LETTERS = 30


def quote_page_problems(sections: Sequence[Section], page_text: Callable[[int], str]) -> list[str]:
    """Every paragraph, list and footnote of a section opens on the page it cites (``page_text``: the report's page)."""
    cache: dict[int, str] = {}

    def on(page: int, text: str) -> bool:
        if page not in cache:
            cache[page] = letters(page_text(page))
        return letters(text)[:OPENING_LETTERS] in cache[page]

    problems = []
    for s in sections:
        for i, b in enumerate(s.body):
            text = b.items[0] if b.type == "list" else getattr(b, "text", "")
            page = getattr(b, "page", None)
            if page is not None and text and not on(page, text):
                problems.append(f"{s.id}: block {i + 1} ({text[:40]!r}) is not on p. {page}, which it cites")
        for f in s.footnotes:
            if f.page is not None and not on(f.page, f.text):
                problems.append(f"{s.id}: footnote {f.number} is not on p. {f.page}, which it cites")
        if s.source.page_end is not None and s.source.page is not None and s.source.page_end < s.source.page:
            problems.append(f"{s.id}: its pages run backwards ({s.source.cite()})")
    return problems
