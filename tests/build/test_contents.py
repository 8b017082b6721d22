"""The contents tree worked out at build time: every record reachable, each where a trainer looks for it."""

from __future__ import annotations

from collections import defaultdict

import pytest

from htdesk.build.assemble import Content
from htdesk.build.contents import ContentsRow, contents_rows
from htdesk.content.text import title_of
from htdesk.store.report import ReportStore


@pytest.fixture(scope="module")
def rows(content: Content) -> list[ContentsRow]:
    return contents_rows(content)


def _children(rows: list[ContentsRow]) -> dict[int | None, list[ContentsRow]]:
    out: dict[int | None, list[ContentsRow]] = defaultdict(list)
    for row in rows:
        out[row.parent].append(row)
    return out


def _path(rows: list[ContentsRow], row: ContentsRow) -> list[str]:
    by_node = {r.node: r for r in rows}
    path = [row.title]
    while row.parent is not None:
        row = by_node[row.parent]
        path.insert(0, row.title)
    return path


def test_numbered_in_display_order_parents_first(rows: list[ContentsRow]) -> None:
    assert [r.node for r in rows] == list(range(1, len(rows) + 1))
    assert all(r.parent is None or r.parent < r.node for r in rows)


def test_five_top_level_nodes(rows: list[ContentsRow]) -> None:
    tops = [r.title for r in _children(rows)[None]]
    assert tops == ["Report", "Countries", "Practices", "Glossary", "Figures & tables"]


def test_every_record_is_in_the_tree_with_its_citation(rows: list[ContentsRow], content: Content) -> None:
    records = {rec.id: rec for rec in content.all()}
    shown = {r.record_id for r in rows}
    assert not set(records) - shown
    tops = {r.node for r in rows if r.parent is None}
    for row in rows:
        rec = records.get(row.record_id or "")
        if rec is None or row.node in tops or row.tooltip == "Chapter III":  # headings: a line of their own
            continue
        assert row.tooltip == rec.source.cite(), row  # the hover text is where it is in the report


def test_sections_follow_the_report(rows: list[ContentsRow], content: Content) -> None:
    by_node = {r.node: r for r in rows}
    report = _children(rows)[None][0].node
    for s in content.sections:
        row = next(r for r in rows if r.record_id == s.id and r.parent and _path(rows, r)[0] == "Report")
        parent = by_node[row.parent] if row.parent else None
        assert (parent.record_id if parent and parent.node != report else None) == s.parent, s.id
        assert row.title == title_of(s)


def test_countries_hold_profile_framework_and_practices(rows: list[ContentsRow], content: Content) -> None:
    kids = _children(rows)
    countries = next(r for r in kids[None] if r.title == "Countries")
    assert [r.record_id for r in kids[countries.node]] == [c.id for c in content.countries]
    france = next(r for r in kids[countries.node] if r.record_id == "country/fr")
    parts = [r.title for r in kids[france.node]]
    assert parts[:2] == ["Profile", "Institutional framework"]
    frame = kids[france.node][1]
    bodies = [i for i in content.institutions if i.country == "fr"]
    assert frame.tooltip == f"{len(bodies)} bodies"
    # A body that sits inside a ministry is shown under it, not beside it.
    nested = next(i for i in bodies if i.parent)
    row = next(r for r in rows if r.record_id == nested.id)
    assert next(r for r in rows if r.node == row.parent).record_id == nested.parent
    sweden = next(r for r in kids[countries.node] if r.record_id == "country/se")
    practices = next(r for r in kids[sweden.node] if r.title == "Practices")
    assert {r.record_id for r in kids[practices.node]} == {p.id for p in content.practices if "se" in p.countries}


def test_practices_by_theme_and_glossary_by_letter(rows: list[ContentsRow], content: Content) -> None:
    kids = _children(rows)
    themes = next(r for r in kids[None] if r.title == "Practices")
    for p in content.practices:
        row = next(r for r in rows if r.record_id == p.id and r.parent and _path(rows, r)[0] == "Practices")
        assert next(r for r in rows if r.node == row.parent).record_id in (p.theme, themes.record_id)
    glossary = next(r for r in kids[None] if r.title == "Glossary")
    for letter in kids[glossary.node]:
        assert letter.record_id is None and all(e.title[:1].upper() == letter.title for e in kids[letter.node])


def test_the_database_holds_the_tree_as_built(store: ReportStore, rows: list[ContentsRow]) -> None:
    assert [ContentsRow(*r) for r in store.contents()] == rows


def test_the_home_page_lists_the_themes_the_tree_files_practices_under(
    store: ReportStore, rows: list[ContentsRow], content: Content
) -> None:
    """The home page's "by theme" list and the tree's Practices node name the same sections, in order."""
    kids = _children(rows)
    themes = next(r for r in kids[None] if r.title == "Practices")
    in_tree = [r.record_id for r in kids[themes.node] if r.record_id and r.record_id.startswith("section/")]
    assert [s.id for s in store.theme_sections()] == in_tree
    assert set(in_tree) >= {p.theme for p in content.practices if p.theme}  # every practice's theme is one
