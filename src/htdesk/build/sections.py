"""Turn the report's running text into clean, cited section records."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from htdesk.build.pages import FOOTER_RE, PageMap
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
    subheadings: list[int] = field(default_factory=list)
    list_lines: list[list[int]] = field(default_factory=list)


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
    blocks = {
        int(b["page"]): [n for a, z in b["lines"] for n in range(a, z + 1)] for b in raw.get("footnotes", [])
    }
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
        numbered = [
            i for i in range(start, end) if (m := BARE_NUMBER_RE.match(lines[i - 1])) and int(m.group(1)) > 0
        ]
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


def _join(left: str, right: str) -> str:
    """Join two wrapped lines; a trailing hyphen joins without a space."""
    if left.endswith("-") and not left.endswith(" -"):
        return left + right
    return f"{left} {right}"


def clean_inline(text: str, footnote_numbers: set[int], fixes: Sequence[tuple[str, str]]) -> str:
    """Mend one paragraph: footnote calls, run-together year ranges, curated fixes."""
    for num in sorted(footnote_numbers, reverse=True):
        # A footnote call is glued to the word or punctuation it follows ("Belgium10",
        # "2009).46"); real numbers in prose stand apart from words.
        text = re.sub(rf"{CALL_BEFORE}{num}{CALL_AFTER}", "", text)
    text = YEAR_RANGE_RE.sub(r"\1-\2", text)
    for old, new in fixes:
        text = text.replace(old, new)
    text = re.sub(r"\s+([,.;:])(?=\s|$)", r"\1", text) if " ." in text or " ," in text else text
    return re.sub(r"\s{2,}", " ", text).strip()


def _blocks(
    body_lines: list[tuple[int, str]], subheadings: set[int], list_ranges: list[tuple[int, int]]
) -> list[tuple[str, list[str]]]:
    """Group cleaned lines into paragraphs, list items and subheadings."""
    out: list[tuple[str, list[str]]] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append(("p", [" ".join(current)]))
            current.clear()

    def in_list(n: int) -> bool:
        return any(a <= n <= b for a, b in list_ranges)

    for n, text in body_lines:
        if not text:
            flush()
            continue
        if n in subheadings:
            flush()
            out.append(("heading", [text]))
            continue
        if in_list(n):
            flush()
            if out and out[-1][0] == "list-open":
                out[-1][1].append(text)
            else:
                out.append(("list-open", [text]))
            continue
        if out and out[-1][0] == "list-open":
            out[-1] = ("list", out[-1][1])
        if current:
            current[-1] = _join(current[-1], text)
        else:
            current.append(text)
        if len(text) < WRAP_WIDTH and text[-1] in '.:;!?"”)':
            flush()
    flush()
    blocks = [("list", items) if kind == "list-open" else (kind, items) for kind, items in out]
    return _lists_from_semicolons(blocks)


def _lists_from_semicolons(blocks: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Runs of short paragraphs ending in ";" (the last one in ".") were bulleted lists."""
    out: list[tuple[str, list[str]]] = []
    run: list[str] = []

    def close() -> None:
        if len(run) >= 2:
            out.append(("list", run.copy()))
        else:
            out.extend(("p", [t]) for t in run)
        run.clear()

    for kind, items in blocks:
        text = items[0] if kind == "p" else ""
        if kind == "p" and text.endswith((";", "; and", ";and")):
            run.append(text)
            continue
        if kind == "p" and run and len(text) < 2 * WRAP_WIDTH:
            run.append(text)  # the list's last item ends with a full stop
            close()
            continue
        close()
        out.append((kind, items))
    close()
    return out


def parse_sections(
    lines: Sequence[str],
    pm: PageMap,
    spec: SectionsSpec,
    figure_ranges: Sequence[tuple[int, int]],
) -> list[Section]:
    """Cut the report into its sections, in order, with clean text and their footnotes."""
    footnotes = find_footnotes(lines, pm, spec.footnote_blocks, spec.footnote_numbers)
    footnote_lines = set().union(*(b.lines for b in footnotes)) if footnotes else set()
    in_figure = {n for a, b in figure_ranges for n in range(a, b + 1)}
    heads = sorted(spec.headings, key=lambda h: h.line)
    sections: list[Section] = []
    for order, (head, nxt) in enumerate(zip(heads, [*heads[1:], None], strict=True)):
        first = head.line + 1 + head.title_lines
        last = (nxt.line - 1) if nxt else len(lines)
        # A footnote is printed on the page that calls it: a section's notes are those of
        # the pages it spans that its text calls.
        notes = {
            num: text
            for b in footnotes
            if b.page[0] <= last and b.page[1] > first
            for num, text in b.notes.items()
            if _calls_in(lines, first, last, num)
        }
        body_lines: list[tuple[int, str]] = []
        if not head.table:
            for n in range(first, last + 1):
                raw = lines[n - 1]
                if n in in_figure or n in footnote_lines or n in spec.drop_lines or FOOTER_RE.search(raw):
                    continue
                if BARE_NUMBER_RE.match(raw):
                    continue
                body_lines.append((n, raw.strip()))
        ranges = [(a, b) for a, b in (tuple(r) for r in head.list_lines)]
        grouped = _blocks(body_lines, set(head.subheadings), ranges)  # type: ignore[arg-type]
        blocks: list[Paragraph | Heading | ListBlock] = []
        for kind, items in grouped:
            cleaned = [clean_inline(t, set(notes), spec.fixes) for t in items]
            cleaned = [c for c in cleaned if c]
            if not cleaned:
                continue
            if kind == "heading":
                blocks.append(Heading(text=cleaned[0]))
            elif kind == "list":
                blocks.append(ListBlock(items=cleaned))
            else:
                blocks.append(Paragraph(text=cleaned[0]))
        parent = _parent_id(head.id, {h.id for h in heads})
        level = 0 if parent is None else (1 + next(s.level for s in sections if s.id == parent))
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
                    Footnote(number=k, text=clean_inline(v, set(), spec.fixes))
                    for k, v in sorted(notes.items())
                ],
                source=Source(ref=head.ref, page=pm.page_of(head.line)),
            )
        )
    return sections


def _calls_in(lines: Sequence[str], first: int, last: int, num: int) -> bool:
    """Whether the section's text calls footnote ``num`` (a number glued to a word)."""
    text = "\n".join(lines[first - 1 : last])
    return re.search(rf"{CALL_BEFORE}{num}{CALL_AFTER}", text) is not None


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
