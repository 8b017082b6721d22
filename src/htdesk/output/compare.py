"""Country comparison as plain data: dimension choice, rows and CSV; no Qt, no SQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from htdesk.content.comparison import MAX_COUNTRIES, MIN_COUNTRIES
from htdesk.content.kinds import DIMENSION_LABELS, NOT_COVERED, Dimension
from htdesk.store.pages import ComparisonData


class CompareError(ValueError):
    """A comparison that cannot be made; the message says what to do instead."""


def parse_dimensions(text: str | None) -> list[Dimension]:
    """Dimensions named in "nap,coordination" order; None or an empty string means all."""
    if not text:
        return list(Dimension)
    out: list[Dimension] = []
    valid = {d.value: d for d in Dimension}
    labels = {v.casefold(): k for k, v in DIMENSION_LABELS.items()}
    for raw in text.split(","):
        key = raw.strip().casefold().replace("-", "_").replace(" ", "_")
        if not key:
            continue
        dim = valid.get(key) or labels.get(raw.strip().casefold())
        if dim is None:
            raise CompareError(f"unknown dimension {raw.strip()!r}; valid: {', '.join(valid)}")
        if dim not in out:
            out.append(dim)
    return out or list(Dimension)


def check_count(n: int) -> None:
    if not MIN_COUNTRIES <= n <= MAX_COUNTRIES:
        raise CompareError(f"compare {MIN_COUNTRIES} to {MAX_COUNTRIES} countries (got {n})")


def cell_text(statements: Sequence) -> str:
    """A cell as plain text: each statement followed by its source."""
    if not statements:
        return NOT_COVERED
    return "\n".join(f"{s.text} [{s.source.cite()}]" for s in statements)


def comparison_rows(data: ComparisonData, dims: Sequence[Dimension]) -> list[list[str]]:
    """The table as text: a header row, then one row per dimension, institutions and practices."""
    rows = [["Dimension", *(c.name for c in data.countries)]]
    for d in dims:
        rows.append([DIMENSION_LABELS[d], *(cell_text(c.dimensions[d]) for c in data.countries)])
    for label, source in (("Institutions", data.institutions), ("Practices", data.practices)):
        row = [label]
        for c in data.countries:
            items = source.get(c.code, [])
            row.append("\n".join(f"{s.title} [{s.cite()}]" for s in items) if items else NOT_COVERED)
        rows.append(row)
    return rows


def to_csv(rows: Sequence[Sequence[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()
