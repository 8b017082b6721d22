"""A saved comparison (countries, dimensions, layout) and the bookmark record id that carries it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from htdesk.content.kinds import Dimension

PREFIX = "compare/"
LAYOUTS = ("sheet", "full")  # the one-page sheet (the default for printing), or every statement in full
MIN_COUNTRIES, MAX_COUNTRIES = 2, 4
_CODE = re.compile(r"[a-z]{2}")


@dataclass(frozen=True)
class ComparisonRef:
    """Which countries, in which column order, on which dimensions, in which layout.

    Bookmarked as the record id ``compare/be,no,se?dimensions=nap,coordination&layout=sheet``: the
    bookmarks database and older copies of HT Desk see an ordinary bookmark (an older copy shows
    it as a page not in its report).
    """

    countries: tuple[str, ...]
    dimensions: tuple[Dimension, ...]
    layout: str = "sheet"

    @classmethod
    def make(cls, countries: Iterable[str], dimensions: Iterable[str], layout: str = "sheet") -> ComparisonRef:
        """A checked comparison; ValueError says in one line what is wrong."""
        codes = tuple(str(c).strip().casefold() for c in countries)
        if not MIN_COUNTRIES <= len(codes) <= MAX_COUNTRIES:
            raise ValueError(f"a comparison has {MIN_COUNTRIES} to {MAX_COUNTRIES} countries (got {len(codes)})")
        for c in codes:
            if not _CODE.fullmatch(c):
                raise ValueError(f"{c!r} is not a country code (two letters, like 'no')")
        if len(set(codes)) != len(codes):
            raise ValueError("a country appears twice in the comparison")
        valid = {d.value: d for d in Dimension}
        dims: list[Dimension] = []
        for raw in dimensions:
            d = valid.get(str(raw).strip())
            if d is None:
                raise ValueError(f"unknown dimension {raw!r}; valid: {', '.join(valid)}")
            if d not in dims:
                dims.append(d)
        if not dims:
            raise ValueError("a comparison shows at least one dimension")
        if layout not in LAYOUTS:
            raise ValueError(f"unknown layout {layout!r}; valid: {', '.join(LAYOUTS)}")
        return cls(codes, tuple(dims), layout)

    @classmethod
    def parse(cls, record_id: str) -> ComparisonRef | None:
        """The comparison a record id names; None for a report record; ValueError if malformed."""
        if not record_id.startswith(PREFIX):
            return None
        codes, _, query = record_id.removeprefix(PREFIX).partition("?")
        params = dict(p.partition("=")[::2] for p in query.split("&") if p)
        dims = params.get("dimensions")
        return cls.make(
            codes.split(","),
            dims.split(",") if dims else [d.value for d in Dimension],
            params.get("layout", "sheet"),
        )

    @property
    def record_id(self) -> str:
        dims = ",".join(d.value for d in self.dimensions)
        return f"{PREFIX}{','.join(self.countries)}?dimensions={dims}&layout={self.layout}"

    def as_json(self) -> dict[str, Any]:
        """As a bookmarks export file carries it."""
        dims = [d.value for d in self.dimensions]
        return {"countries": list(self.countries), "dimensions": dims, "layout": self.layout}
