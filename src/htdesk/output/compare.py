"""Country comparison as plain data: row choice, rows and CSV, and the printout's HTML and options; no SQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from htdesk.content.comparison import MAX_COUNTRIES, MIN_COUNTRIES
from htdesk.content.kinds import ALL_ROWS, NOT_COVERED, ROW_LABELS, CompareRow, Dimension, Listing
from htdesk.store.pages import ComparisonData, comparison_data, link_index

if TYPE_CHECKING:
    from htdesk.output.printing import SheetOptions
    from htdesk.store.report import ReportStore


class CompareError(ValueError):
    """A comparison that cannot be made; the message says what to do instead."""


def parse_dimensions(text: str | None) -> list[CompareRow]:
    """Rows named in "nap,coordination,practices" order; None or an empty string means all of them."""
    if not text:
        return list(ALL_ROWS)
    out: list[CompareRow] = []
    valid: dict[str, CompareRow] = {r.value: r for r in ALL_ROWS}
    labels = {v.casefold(): k for k, v in ROW_LABELS.items()}
    for raw in text.split(","):
        key = raw.strip().casefold().replace("-", "_").replace(" ", "_")
        if not key:
            continue
        dim = valid.get(key) or labels.get(raw.strip().casefold())
        if dim is None:
            raise CompareError(f"unknown dimension {raw.strip()!r}; valid: {', '.join(valid)}")
        if dim not in out:
            out.append(dim)
    return out or list(ALL_ROWS)


def check_count(n: int) -> None:
    if not MIN_COUNTRIES <= n <= MAX_COUNTRIES:
        raise CompareError(f"compare {MIN_COUNTRIES} to {MAX_COUNTRIES} countries (got {n})")


def cell_text(statements: Sequence) -> str:
    """A cell as plain text: each statement followed by its source."""
    if not statements:
        return NOT_COVERED
    return "\n".join(f"{s.text} [{s.source.cite()}]" for s in statements)


def comparison_rows(data: ComparisonData, dims: Sequence[CompareRow]) -> list[list[str]]:
    """The table as text: a header row, then one row per chosen dimension or listing."""
    rows = [["Dimension", *(c.name for c in data.countries)]]
    for d in dims:
        row = [ROW_LABELS[d]]
        for c in data.countries:
            if isinstance(d, Dimension):
                row.append(cell_text(c.dimensions[d]))
                continue
            items = (data.institutions if d is Listing.INSTITUTIONS else data.practices).get(c.code, [])
            row.append("\n".join(f"{s.title} [{s.cite()}]" for s in items) if items else NOT_COVERED)
        rows.append(row)
    return rows


def to_csv(rows: Sequence[Sequence[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def comparison_print(
    store: ReportStore,
    codes: Sequence[str],
    rows: Sequence[CompareRow],
    *,
    layout: str = "sheet",
    paper: str | None = None,
    orientation: str | None = None,
) -> tuple[str, SheetOptions]:
    """A comparison's printable HTML and the options SheetPrinter prints it with (sheet or full layout).

    For anything that prints a comparison: the CLI, and documents that embed a sheet (handouts).
    """
    from htdesk.output.printing import default_paper, sheet_options
    from htdesk.render.html import comparison_html

    data = comparison_data(store, list(codes))
    html = comparison_html(data, rows, links=link_index(store), for_print=True, layout=layout)
    names = [c.name for c in data.countries]
    return html, sheet_options(names, paper or default_paper(), orientation or "auto", layout)
