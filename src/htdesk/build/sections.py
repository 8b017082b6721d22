"""Turn the report's running text into clean, cited section records."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from htdesk.build.pages import FOOTER_RE, PAGE_NUMBER_RE, PageMap
from htdesk.content.models import Footnote, Heading, ListBlock, Paragraph, Section, Source

BARE_NUMBER_RE = re.compile(r"^\s*(\d{1,2})\s*$")
# Where a footnote call can stand: glued to a word, a closing bracket or quote, or to
# punctuation that does not follow a digit (so "31.6%" and "2.1" are left alone).
CALL_BEFORE = r"(?:(?<=[A-Za-z\)’”\"])|(?<=[^\d\s][.,;:]))"
CALL_AFTER = r"(?![\d%]|\.\d)"
YEAR_RANGE_RE = re.compile(r"\b((?:19|20)\d\d)((?:19|20)\d\d)\b")
# A wrapped line of body text runs to about 100 characters; a shorter line that ends a
# sentence closes its paragraph (the extraction kept no blank lines between paragraphs).
WRAP_WIDTH = 86
FOOTNOTE_WRAP_WIDTH = 95
MAX_TEXT_BEFORE_NUMBER = 4
# The extraction turned each bullet of a bulleted list into a run of blank lines, while
# paragraphs follow each other with no blank line (or one, around a figure): an item is
# text that follows at least this many blank lines.
BULLET_BLANKS = 2
# A line that ends in an abbreviation ends no sentence: "at risk (e.g." goes on.
ABBREVIATION_END_RE = re.compile(r"\b(?:e\.g|i\.e|cf|p|pp|Art|No|St)\.$")
# Words after which a spaced number is a reference ("Figure 14, ", "Article 5 of"), never
# a footnote call.
REFERENCE_WORDS = frozenset(
    {
        "annex",
        "appendix",
        "article",
        "articles",
        "chapter",
        "directive",
        "figure",
        "figures",
        "no",
        "p",
        "page",
        "pages",
        "part",
        "phase",
        "section",
        "sections",
        "table",
    }
)


@dataclass
class HeadingSpec:
    """One row of sections.toml."""

    id: str
    title: str
    line: int
    ref: str
    number: str | None = None
    title_lines: int = 0
    table: bool = False
    # Unnumbered subheadings: a line number, or [first, last] for one that wraps.
    subheadings: list[int | list[int]] = field(default_factory=list)
    list_lines: list[list[int]] = field(default_factory=list)

    def subheading_lines(self) -> dict[int, int]:
        """First line of each subheading -> its last line."""
        out: dict[int, int] = {}
        for s in self.subheadings:
            a, b = (s, s) if isinstance(s, int) else (s[0], s[-1])
            out[int(a)] = int(b)
        return out


@dataclass
class SectionsSpec:
    """The heading table plus the curated repairs the build applies to the text."""

    headings: list[HeadingSpec]
    fixes: list[tuple[str, str]]
    drop_lines: set[int]
    footnote_blocks: dict[int, list[int]]  # page start line -> the lines of its footnotes
    footnote_numbers: dict[int, list[int]]  # page start line -> numbers the text lost


def load_spec(path: Path) -> SectionsSpec:
    raw: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    headings = [HeadingSpec(**h) for h in raw.get("section", [])]
    fixes = [(f["from"], f["to"]) for f in raw.get("fix", [])]
    drop = {int(n) for d in raw.get("drop", []) for n in range(d["lines"][0], d["lines"][1] + 1)}
    blocks = {int(b["page"]): [n for a, z in b["lines"] for n in range(a, z + 1)] for b in raw.get("footnotes", [])}
    lost = {int(b["page"]): list(b["numbers"]) for b in raw.get("footnotes", []) if "numbers" in b}
    return SectionsSpec(headings, fixes, drop, blocks, lost)


@dataclass
class FootnoteBlock:
    """The footnotes printed at the foot of one page."""

    page: tuple[int, int]  # the page's first line and the line after its last
    lines: set[int]
    notes: dict[int, str]
    paired: bool  # False where texts and numbers did not pair one to one


def _page_ranges(lines: Sequence[str], pm: PageMap) -> list[tuple[int, int]]:
    # Before the first derivable page the front matter's own page starts still mark where
    # its footnotes end (the acronym table, whose cells are indented, has no footnotes).
    front = [i + 1 for i, t in enumerate(lines[:100]) if t.startswith(" ")]
    starts = sorted(set(front) | set(pm.starts))
    n_lines = len(lines)
    ends = [*starts[1:], n_lines + 1]
    return list(zip(starts, ends, strict=True))


def find_footnotes(
    lines: Sequence[str],
    pm: PageMap,
    curated: dict[int, list[int]] | None = None,
    lost_numbers: dict[int, list[int]] | None = None,
) -> list[FootnoteBlock]:
    """Find each page's footnote block and pair its texts with its numbers.

    The extraction printed a page's footnotes at its end with their numbers scattered among
    the texts; the texts kept their order, so they pair with the numbers sorted.
    """
    blocks: list[FootnoteBlock] = []
    for start, end in _page_ranges(lines, pm):
        numbered = [i for i in range(start, end) if (m := BARE_NUMBER_RE.match(lines[i - 1])) and int(m.group(1)) > 0]
        if not numbered and not (curated and start in curated):
            continue
        if curated and start in curated:
            block = curated[start]
        else:
            # A footnote's text may stand just before its number: take up to four lines
            # back to a blank line; longer runs are body text (pages where this guess is
            # wrong are curated in sections.toml).
            first = numbered[0]
            begin = first
            for back in range(first - 1, max(start, first - MAX_TEXT_BEFORE_NUMBER - 1) - 1, -1):
                if not lines[back - 1].strip():
                    begin = back
                    break
            block = list(range(begin, end))
        numbers: list[int] = []
        items: list[str] = []
        prev_long = False
        block_lines = set()
        for i in block:
            text = lines[i - 1].strip()
            block_lines.add(i)
            if not text or FOOTER_RE.search(text):
                prev_long = False
                continue
            if m := BARE_NUMBER_RE.match(text):
                numbers.append(int(m.group(1)))
                prev_long = False
                continue
            # A footnote wraps when its line ran full and did not end a sentence; a line
            # that starts in lower case or with an address always continues one.
            continues = prev_long or re.match(r"[a-z0-9]|http", text) is not None
            if items and continues:
                items[-1] = _join(items[-1], text)
            else:
                items.append(text)
            prev_long = len(lines[i - 1].rstrip()) >= FOOTNOTE_WRAP_WIDTH and text[-1] not in ".!?"
        numbers = sorted(set(numbers) | set((lost_numbers or {}).get(start, [])))
        notes: dict[int, str] = {}
        if len(numbers) == len(items):
            notes = dict(zip(numbers, items, strict=True))
        else:
            # Pair what can be paired and keep the rest under the last number rather than
            # lose text; such pages are few and the text stays readable.
            for k, num in enumerate(numbers):
                if k < len(items):
                    notes[num] = items[k] if k < len(numbers) - 1 else " ".join(items[k:])
        blocks.append(FootnoteBlock((start, end), block_lines, notes, len(numbers) == len(items)))
    return blocks


@cache
def _call_patterns(num: int) -> tuple[re.Pattern[str], ...]:
    """The shapes a call of footnote ``num`` took in the extraction, most specific first."""
    n = str(num)
    return (
        # glued to a word or bracket: "Belgium10", "2009).46", "questionnaire8" (but a page
        # number after "p." is no call: "PSC, 2013, p.6")
        re.compile(rf"(?<!\bp\.){CALL_BEFORE}{n}{CALL_AFTER}"),
        # after a year that ends a sentence: "adopted in 2000.2 One hundred"
        re.compile(rf"(?<=\b(?:19|20)\d\d\.){n}(?=\s|$)"),
        # set apart by a space before punctuation: "report 4, which", "trafficking 5.
        # Conversely", "Centre 37." (a reference such as "Figure 14," is skipped; a count
        # such as "presents 19 proposals" is followed by a word, so it is no call)
        re.compile(rf"(?<=[A-Za-z\)’”])\s+{n}(?=[.,;:](?:\s|$)|\s*$)"),
        # after a closing bracket, before the sentence goes on: "Expertise) 49 in 2008"
        re.compile(rf"(?<=\))\s+{n}(?=\s+[a-z])"),
        # after a comma, before the sentence goes on: "In the Netherlands, 30 the Ministry"
        re.compile(rf"(?<=[A-Za-z],)\s+{n}(?=\s+[a-z])"),
        # after a full stop at the end of a line: "combating human trafficking. 14"
        re.compile(rf"(?<=[a-z]\.)\s+{n}\s*$"),
        # glued to the next word instead: "Sweden38 39does not have"
        re.compile(rf"(?<=\s){n}(?=[a-z]{{2,}})(?!(?:st|nd|rd|th)\b)"),
    )


def strip_calls(text: str, numbers: Iterable[int]) -> tuple[str, list[int]]:
    """Remove the calls of the given footnotes from one line; return the line and what it called.

    Only the numbers of the footnotes printed on the line's own page are candidates, so a
    number in prose ("2.4 million", "30 experts") is left alone unless a footnote of that
    very page bears it and it stands where a call stands.
    """
    called: list[int] = []
    for num in sorted(numbers, reverse=True):  # "13" before "1", so "Rom13" never loses a "3"
        for pattern in _call_patterns(num):
            for m in reversed(list(pattern.finditer(text))):
                before = re.findall(r"[A-Za-z]+", text[: m.start()])
                if before and before[-1].lower() in REFERENCE_WORDS and m.group(0).startswith(" "):
                    continue
                text = text[: m.start()] + text[m.end() :]
                if num not in called:
                    called.append(num)
    return text, called


def _join(left: str, right: str) -> str:
    """Join two wrapped lines; a trailing hyphen joins without a space."""
    if left.endswith("-") and not left.endswith(" -"):
        return left + right
    return f"{left} {right}"


def clean_inline(text: str, fixes: Sequence[tuple[str, str]]) -> str:
    """Mend one paragraph: run-together year ranges, curated fixes, stray spaces."""
    text = YEAR_RANGE_RE.sub(r"\1-\2", text)
    for old, new in fixes:
        text = text.replace(old, new)
    # A space the extraction left before punctuation ("services .", "fate. .").
    text = re.sub(r"\s+([,.;:])(?=\s|$)", r"\1", text)
    text = re.sub(r"(?<=[a-z])\.\.(?=\s|$)", ".", text)
    return re.sub(r"\s{2,}", " ", text).strip()


@dataclass
class _Builder:
    """Accumulates paragraphs, list items and subheadings from a section's lines."""

    out: list[tuple[str, list[str]]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # the report line each block of ``out`` starts on
    para: list[str] = field(default_factory=list)
    line: int = 0  # the line being read
    para_start: int = 0
    list_open: bool = False  # the last block is a list that may take more items
    item_open: bool = False  # its last item may still take wrapped lines

    def add(self, kind: str, items: list[str], start: int) -> None:
        self.out.append((kind, items))
        self.starts.append(start)

    def flush(self) -> None:
        if self.para:
            self.add("p", [" ".join(self.para)], self.para_start)
            self.para.clear()

    def close_list(self) -> None:
        self.list_open = self.item_open = False

    def item(self, text: str, width: int) -> None:
        self.flush()
        if self.list_open and self.out and self.out[-1][0] == "list":
            self.out[-1][1].append(text)
        else:
            self.add("list", [text], self.line)
        self.list_open = True
        self.item_open = not _ends_paragraph(text, width)

    def continue_item(self, text: str, width: int) -> None:
        items = self.out[-1][1]
        items[-1] = _join(items[-1], text)
        self.item_open = not _ends_paragraph(text, width)

    def unfinished(self) -> bool:
        """Whether the paragraph being written stops mid-sentence."""
        return bool(self.para) and self.para[-1][-1] not in '.:;!?"”)’'

    def text(self, text: str, width: int) -> None:
        if self.para:
            self.para[-1] = _join(self.para[-1], text)
        else:
            self.para.append(text)
            self.para_start = self.line
        if _ends_paragraph(text, width):
            self.flush()


def _ends_paragraph(line: str, width: int) -> bool:
    """A line that stops short of the margin after a sentence ends its paragraph or item.

    ``width`` is the printed line's length, footnote calls included: "trafficking. 14" ran
    to the margin, so the next line still belongs to its paragraph.
    """
    return width < WRAP_WIDTH and line[-1] in '.:;!?"”)' and not ABBREVIATION_END_RE.search(line)


def _blocks(
    body_lines: list[tuple[int, str | None]],
    subheadings: dict[int, int],
    list_ranges: list[tuple[int, int]],
    widths: dict[int, int] | None = None,
) -> list[tuple[str, list[str], int]]:
    """Group cleaned lines into paragraphs, list items and subheadings, each with the line it starts on.

    A line given as None was left out (a figure, a footnote block): it neither breaks the
    text nor counts as blank, so the blank lines around a figure do not make a bullet.
    """
    b = _Builder()
    blanks = 0
    gap = False  # lines were left out since the last text line (a page break, a figure)
    heading_of = {n: first for first, last in subheadings.items() for n in range(first, last + 1)}

    def forced(n: int) -> bool:
        return any(a <= n <= z for a, z in list_ranges)

    for n, text in body_lines:
        b.line = n
        if text is None:
            blanks = 0
            gap = True
            continue
        width = (widths or {}).get(n, len(text))
        if not text:
            blanks += 1
            b.item_open = False
            continue
        if blanks and b.unfinished() and (text[0].islower() or gap) and n not in heading_of:
            # A blank line inside a sentence is an extraction gap, not a paragraph break:
            # "Following the HT roundtable" / "" / "organized by the Australian government";
            # so is a page break that a sentence runs across.
            b.text(text, width)
            blanks = 0
            gap = False
            continue
        gap = False
        if blanks:
            b.flush()
        if n in heading_of:
            b.flush()
            b.close_list()
            if n == heading_of[n]:
                b.add("heading", [text], n)
            else:  # a wrapped subheading
                b.out[-1][1][0] = _join(b.out[-1][1][0], text)
        elif forced(n):
            # Curated list lines: each line is an item, unless it plainly carries on the
            # previous one (lower-case start after an item that did not end).
            prev = b.out[-1][1][-1] if b.list_open and b.out else ""
            if b.item_open and prev and prev[-1] not in ".;:" and text[0].islower():
                b.continue_item(text, width)
            else:
                b.item(text, width)
        elif blanks >= BULLET_BLANKS:
            b.item(text, width)
        elif b.list_open and blanks <= 1 and b.out[-1][1][-1].endswith(";") and not b.item_open:
            # An item that ends in ";" promises another: text right after it with at most
            # one blank line (a page break took the bullet's blank lines) is that item.
            b.item(text, width)
        elif b.item_open:
            b.continue_item(text, width)
        else:
            b.close_list()
            b.text(text, width)
        blanks = 0
    b.flush()
    # Two bullets the extraction printed on one line ("Consensus for horizontal framework;
    # Clarification of KOM's role ...") part where an item's ";" is followed by a capital.
    split = [
        (kind, [part for item in items for part in re.split(r"(?<=;)\s+(?=[A-Z])", item)], start)
        if kind == "list"
        else (kind, items, start)
        for (kind, items), start in zip(b.out, b.starts, strict=True)
    ]
    return _lists_from_semicolons(split)


def _lists_from_semicolons(blocks: list[tuple[str, list[str], int]]) -> list[tuple[str, list[str], int]]:
    """Runs of short paragraphs ending in ";" (the last one in ".") were bulleted lists.

    Each block keeps the report line it starts on (a list, its first item's).
    """
    out: list[tuple[str, list[str], int]] = []
    run: list[tuple[str, int]] = []

    def close() -> None:
        if len(run) >= 2:
            out.append(("list", [t for t, _ in run], run[0][1]))
        else:
            out.extend(("p", [t], start) for t, start in run)
        run.clear()

    for kind, items, start in blocks:
        text = items[0] if kind == "p" else ""
        if kind == "p" and text.endswith((";", "; and", ";and")):
            run.append((text, start))
            continue
        if kind == "p" and run and len(text) < 2 * WRAP_WIDTH:
            run.append((text, start))  # the list's last item ends with a full stop
            close()
            continue
        close()
        out.append((kind, items, start))
    close()
    return out


@dataclass
class FootnoteCalls:
    """Where the text calls each footnote, with the calls taken out of the lines."""

    lines: dict[int, str]  # line number -> the line without its calls (only lines that had some)
    called_at: dict[int, list[int]]  # footnote number -> the lines that call it


def find_calls(lines: Sequence[str], footnotes: Sequence[FootnoteBlock]) -> FootnoteCalls:
    """Find the footnote calls of every line, against the footnotes of that line's page."""
    footnote_lines = set().union(*(b.lines for b in footnotes)) if footnotes else set()
    mended: dict[int, str] = {}
    called_at: dict[int, list[int]] = {}
    for block in footnotes:
        for n in range(block.page[0], block.page[1]):
            raw = lines[n - 1]
            if n in footnote_lines or FOOTER_RE.search(raw) or BARE_NUMBER_RE.match(raw):
                continue
            text, called = strip_calls(raw, block.notes)
            if called:
                mended[n] = text
                for num in called:
                    called_at.setdefault(num, []).append(n)
    return FootnoteCalls(mended, called_at)


def parse_sections(
    lines: Sequence[str],
    pm: PageMap,
    spec: SectionsSpec,
    figure_ranges: Sequence[tuple[int, int]],
) -> list[Section]:
    """Cut the report into its sections, in order, with clean text and their footnotes."""
    footnotes = find_footnotes(lines, pm, spec.footnote_blocks, spec.footnote_numbers)
    footnote_lines = set().union(*(b.lines for b in footnotes)) if footnotes else set()
    calls = find_calls(lines, footnotes)
    texts = {num: text for b in footnotes for num, text in b.notes.items()}
    printed_at = {num: min(b.lines) for b in footnotes for num in b.notes}  # a footnote is on its block's page
    in_figure = {n for a, b in figure_ranges for n in range(a, b + 1)}
    heads = sorted(spec.headings, key=lambda h: h.line)
    spans = [(head, (nxt.line - 1) if nxt else len(lines)) for head, nxt in zip(heads, [*heads[1:], None], strict=True)]
    owner = _footnote_owners(spans, footnotes, calls)
    sections: list[Section] = []
    for order, (head, last) in enumerate(spans):
        first = head.line + 1 + head.title_lines
        body_lines: list[tuple[int, str | None]] = []
        if not head.table:
            for n in range(first, last + 1):
                raw = lines[n - 1]
                if (
                    n in in_figure
                    or n in footnote_lines
                    or n in spec.drop_lines
                    or FOOTER_RE.search(raw)
                    or BARE_NUMBER_RE.match(raw)
                ):
                    body_lines.append((n, None))
                    continue
                body_lines.append((n, calls.lines.get(n, raw).strip()))
        ranges = [(int(r[0]), int(r[-1])) for r in head.list_lines]
        widths = {n: len(lines[n - 1].strip()) for n, _ in body_lines}
        grouped = _blocks(body_lines, head.subheading_lines(), ranges, widths)
        blocks: list[Paragraph | Heading | ListBlock] = []
        for kind, items, start in grouped:
            page = pm.page_of(start)
            cleaned = [clean_inline(t, spec.fixes) for t in items]
            cleaned = [c for c in cleaned if c]
            if not cleaned:
                continue
            if kind == "heading":
                blocks.append(Heading(text=cleaned[0], page=page))
            elif kind == "list":
                blocks.append(ListBlock(items=cleaned, page=page))
            else:
                blocks.append(Paragraph(text=cleaned[0], page=page))
        parent = _parent_id(head.id, {h.id for h in heads})
        level = 0 if parent is None else (1 + next(s.level for s in sections if s.id == parent))
        notes = sorted(num for num, sid in owner.items() if sid == head.id)
        sections.append(
            Section(
                id=head.id,
                title=head.title,
                number=head.number,
                parent=parent,
                order=order,
                level=min(level, 4),
                body=blocks,
                footnotes=[
                    Footnote(number=k, text=clean_inline(texts[k], spec.fixes), page=pm.page_of(printed_at[k]))
                    for k in notes
                ],
                source=_source(head, last, lines, pm),
            )
        )
    return sections


def _source(head: HeadingSpec, last: int, lines: Sequence[str], pm: PageMap) -> Source:
    """The section's pages: from its heading's to that of the last printed line before the next heading.

    Its text, figures, table rows and footnotes all stand in that span; a footer is not text.
    """
    page = pm.page_of(head.line)
    printed = [
        n
        for n in range(head.line, last + 1)
        if lines[n - 1].strip() and not FOOTER_RE.search(lines[n - 1]) and not PAGE_NUMBER_RE.match(lines[n - 1])
    ]
    end = pm.page_of(max(printed, default=head.line))
    return Source(ref=head.ref, page=page, page_end=end if page and end and end > page else None)


def _footnote_owners(
    spans: Sequence[tuple[HeadingSpec, int]], footnotes: Sequence[FootnoteBlock], calls: FootnoteCalls
) -> dict[int, str]:
    """Footnote number -> the id of the section that keeps it.

    A footnote goes with the section whose text (heading, prose, or a figure inside it)
    calls it first. A footnote whose call the extraction lost (a bare number in a table
    cell, say) stays with the section in which it is printed, so no footnote is dropped.
    """

    def section_at(line: int) -> str:
        for head, last in spans:
            if head.line <= line <= last:
                return head.id
        return spans[0][0].id

    owner: dict[int, str] = {}
    for block in footnotes:
        for num in block.notes:
            if num in calls.called_at:
                owner[num] = section_at(min(calls.called_at[num]))
            else:
                owner[num] = section_at(min(block.lines))
    return owner


def _parent_id(sid: str, known: set[str]) -> str | None:
    """section/3-6-1-b -> section/3-6-1; top-level parts have no parent."""
    prefix, _, rest = sid.partition("/")
    parts = rest.split("-")
    while len(parts) > 1:
        parts = parts[:-1]
        candidate = f"{prefix}/{'-'.join(parts)}"
        if candidate in known:
            return candidate
    return None
