"""Figures: every numbered figure of the report is there, or its absence is explained."""

from __future__ import annotations

import re

import pytest

from htdesk.build.assemble import Content
from htdesk.content.models import Figure, Table
from htdesk.paths import report_path

REPORT = report_path().read_text("utf-8")
LINES = REPORT.split("\n")
# The captions the report prints ("Figure 12. Victim distribution ..."), read independently.
CAPTIONS = [(n, int(m.group(1))) for n, t in enumerate(LINES, 1) if (m := re.match(r"\s*Figure (\d+)\.", t))]


def _numbered(content: Content) -> dict[int, list[Figure]]:
    out: dict[int, list[Figure]] = {}
    for f in content.figures:
        if f.number is not None:
            out.setdefault(f.number, []).append(f)
    return out


def _notes_near(content: Content, missing: int) -> str:
    """The notes of the figures printed around a missing number, unnumbered ones included."""
    figures = content.figures
    numbers = [f.number for f in figures]
    before = max(i for i, n in enumerate(numbers) if n is not None and n < missing)
    after = min(i for i, n in enumerate(numbers) if n is not None and n > missing)
    return " ".join(note for f in figures[before : after + 1] for note in (n.text for n in f.notes))


def test_captions_in_the_report_are_the_figures() -> None:
    printed = sorted({number for _, number in CAPTIONS})
    assert printed == [n for n in range(1, 33) if n not in (17, 27, 28, 29)]


@pytest.mark.parametrize("number", range(1, 33))
def test_every_figure_number_is_present_or_its_absence_explained(content: Content, number: int) -> None:
    numbered = _numbered(content)
    if any(n == number for _, n in CAPTIONS):
        assert number in numbered, f"Figure {number} is printed in the report but missing"
        for figure in numbered[number]:
            assert figure.body
            assert figure.id.startswith(f"figure/{number}")
    else:
        assert number not in numbered, f"the report prints no Figure {number}"
        notes = _notes_near(content, number)
        assert re.search(rf"\b{number}\b", notes), f"no note on a neighbouring figure explains Figure {number}"


def test_the_two_figures_numbered_25(content: Content) -> None:
    assert [line for line, n in CAPTIONS if n == 25] == [2384, 2489]
    first, second = (next(f for f in content.figures if f.id == i) for i in ("figure/25", "figure/25b"))
    assert first.number == second.number == 25
    assert first.label != second.label  # a reader can tell them apart in lists and citations
    assert first.title != second.title
    assert first.title in LINES[2384 - 1]
    assert second.title in LINES[2489 - 1]
    assert first.section == "section/3-2-2"
    assert second.section == "section/3-3-1"
    assert any("25" in note for note in (n.text for n in first.notes))
    assert any("25" in note for note in (n.text for n in second.notes))


def _table(figure: Figure) -> Table:
    tables = [b for b in figure.body if b.type == "table"]
    assert len(tables) == 1
    return tables[0]  # type: ignore[return-value]


# The comparison table (lines 2730-3333) as the report prints each country's NAP cell: the
# country's name and, a few lines below, the plan's years. Australia's cell also holds the
# fragments "Review" (2789), "planned for" (2769) and "2014" (2779).
NAP_CELLS = [
    ("Australia", 2731, "2003", 2735),
    ("Belgium", 2813, "2012-2014", 2819),
    ("United States", 2914, "2001", 2916),
    ("France", 2976, "2014-2016", 2980),
    ("Norway", 3066, "2011-2014", 3068),
    ("Netherlands", 3139, "2011-2014", 3141),
    ("United Kingdom", 3208, "2007", 3210),
    ("Sweden", 3264, "2011-2014", 3266),
]


def test_comparison_table_shape(content: Content) -> None:
    table = _table(next(f for f in content.figures if f.id == "figure/comparison-table"))
    assert table.header == [
        "Country",
        "National Action Plan",
        "Themes",
        "National Coordination Mechanisms",
        "Data Gathering System",
        "NGO Involvement",
    ]
    assert len(table.rows) == 8
    assert all(len(row) == 6 and all(cell.strip() for cell in row) for row in table.rows)
    assert [row[0] for row in table.rows] == [country for country, *_ in NAP_CELLS]


@pytest.mark.parametrize(("country", "country_line", "years", "years_line"), NAP_CELLS, ids=[c[0] for c in NAP_CELLS])
def test_comparison_table_nap_cells_match_the_report(
    content: Content, country: str, country_line: int, years: str, years_line: int
) -> None:
    # The name may wrap: " United" / "Kingdom".
    assert LINES[country_line - 1].strip().startswith(country.split()[0])
    assert LINES[years_line - 1].strip() == years
    assert 0 < years_line - country_line < 12  # the cell sits on the country's row
    table = _table(next(f for f in content.figures if f.id == "figure/comparison-table"))
    row = next(r for r in table.rows if r[0] == country)
    assert row[1].startswith(years)
    if country == "Australia":
        for fragment in ("Review", "planned for", "2014"):
            assert fragment in row[1]
            assert any(line.strip() == fragment for line in LINES[2730:2800])
    else:
        assert row[1] == years


@pytest.mark.parametrize(
    ("fid", "caption_line"),
    [("figure/1", 450), ("figure/2", 472), ("figure/12", 876)],
)
def test_percentages_are_table_data_that_sum_to_the_whole(content: Content, fid: str, caption_line: int) -> None:
    figure = next(f for f in content.figures if f.id == fid)
    table = _table(figure)
    assert table.header[-1] == "Share (%)"
    shares = [int(row[-1]) for row in table.rows]
    assert 98 <= sum(shares) <= 102
    # Each row is printed in the figure's own lines as "Label : NN%" or "Label: NN%".
    printed = " ".join(LINES[caption_line - 1 : caption_line + 12])
    for label, share in ((row[0], row[-1]) for row in table.rows):
        assert re.search(rf"{re.escape(label)}\W+{share}\b", printed), (label, share)
