"""The contents tree (report, countries, practices, glossary, figures), worked out at build time.

The app shows it as the database holds it: reading one small table at start-up is a few times
cheaper than shaping the tree from the records' tables before the first paint.
"""

from __future__ import annotations

from typing import NamedTuple

from htdesk.build.assemble import Content
from htdesk.content.kinds import THEMES_CONCLUSION, THEMES_SECTION
from htdesk.content.models import Institution, Practice, Section
from htdesk.content.text import title_of
from htdesk.i18n import QT_TRANSLATE_NOOP


class ContentsRow(NamedTuple):
    """A node of the tree, numbered in display order; ``record_id`` is None for a grouping node."""

    node: int
    parent: int | None
    title: str
    record_id: str | None
    tooltip: str


class _Node:
    __slots__ = ("children", "record_id", "title", "tooltip")

    def __init__(self, title: str, record_id: str | None = None, tooltip: str = "") -> None:
        self.title, self.record_id, self.tooltip = title, record_id, tooltip
        self.children: list[_Node] = []

    def add(self, child: _Node) -> _Node:
        self.children.append(child)
        return child


def _tree(content: Content) -> _Node:
    root = _Node("root")
    report = root.add(
        _Node(
            QT_TRANSLATE_NOOP("contents", "Report"),
            "section/introduction",
            QT_TRANSLATE_NOOP("contents", "The report's text, in its order"),
        )
    )
    sections: list[Section] = sorted(content.sections, key=lambda s: s.order)
    by_id: dict[str, _Node] = {}
    for s in sections:
        node = _Node(title_of(s), s.id, s.source.cite())
        (by_id[s.parent] if s.parent else report).add(node)
        by_id[s.id] = node

    countries = root.add(
        _Node(
            QT_TRANSLATE_NOOP("contents", "Countries"),
            None,
            QT_TRANSLATE_NOOP("contents", "Country profiles, institutions and practices"),
        )
    )
    for c in content.countries:
        node = countries.add(_Node(title_of(c), c.id, c.source.cite()))
        node.add(_Node(QT_TRANSLATE_NOOP("contents", "Profile"), c.id, c.source.cite()))
        bodies: list[Institution] = [i for i in content.institutions if i.country == c.code]
        if bodies:
            frame = node.add(
                _Node(QT_TRANSLATE_NOOP("contents", "Institutional framework"), None, f"{len(bodies)} bodies")
            )
            nodes = {i.id: _Node(title_of(i), i.id, i.source.cite()) for i in bodies}
            for i in bodies:  # a body inside another (France's ministries) sits under it
                nodes.get(i.parent or "", frame).add(nodes[i.id])
        own: list[Practice] = [p for p in content.practices if c.code in p.countries]
        if own:
            practices = node.add(_Node(QT_TRANSLATE_NOOP("contents", "Practices"), None, f"{len(own)} practices"))
            for p in own:
                practices.add(_Node(title_of(p), p.id, p.source.cite()))

    themes = root.add(
        _Node(
            QT_TRANSLATE_NOOP("contents", "Practices"),
            THEMES_SECTION,
            QT_TRANSLATE_NOOP("contents", "Prevention practices, by theme"),
        )
    )
    theme_nodes = {
        s.id: themes.add(_Node(title_of(s), s.id, "Chapter III"))
        for s in sections
        if s.parent == THEMES_SECTION and s.id != THEMES_CONCLUSION
    }
    for p in content.practices:
        (theme_nodes.get(p.theme) or themes).add(_Node(title_of(p), p.id, p.source.cite()))

    glossary = root.add(
        _Node(
            QT_TRANSLATE_NOOP("contents", "Glossary"),
            "glossary",
            QT_TRANSLATE_NOOP("contents", "Acronyms, English and French"),
        )
    )
    letters: dict[str, _Node] = {}
    for g in content.glossary:
        title = title_of(g)
        letter = title[:1].upper()
        if letter not in letters:
            letters[letter] = glossary.add(_Node(letter))
        letters[letter].add(_Node(title, g.id, g.source.cite()))

    figures = root.add(
        _Node(
            QT_TRANSLATE_NOOP("contents", "Figures & tables"),
            None,
            QT_TRANSLATE_NOOP("contents", "Every figure and table of the report"),
        )
    )
    for f in content.figures:
        figures.add(_Node(title_of(f), f.id, f.source.cite()))
    return root


def contents_rows(content: Content) -> list[ContentsRow]:
    """Every node of the contents tree, parents before their children, siblings in order."""
    rows: list[ContentsRow] = []

    def walk(node: _Node, parent: int | None) -> None:
        for child in node.children:
            rows.append(ContentsRow(len(rows) + 1, parent, child.title, child.record_id, child.tooltip))
            walk(child, len(rows))

    walk(_tree(content), None)
    return rows
