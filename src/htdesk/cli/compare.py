"""`htdesk compare`: a comparison sheet from the command line, as text, PDF or CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from htdesk.output.compare import CompareError, check_count, comparison_rows, parse_dimensions, to_csv
from htdesk.output.files import OutputError, check_target, write_bytes
from htdesk.store.pages import comparison_data, country_choices, resolve_countries
from htdesk.store.report import ReportStore


def run_compare(store: ReportStore, args: argparse.Namespace) -> int:
    codes, unknown = resolve_countries(store, args.countries)
    if unknown:
        valid = ", ".join(f"{c} ({n})" for c, n in country_choices(store))
        print(f"htdesk: unknown country {', '.join(map(repr, unknown))}; valid: {valid}", file=sys.stderr)
        return 2
    try:
        check_count(len(codes))
        dims = parse_dimensions(args.dimensions)
    except CompareError as exc:
        print(f"htdesk: {exc}", file=sys.stderr)
        return 2
    try:
        for out in (args.pdf, args.csv):
            if out is not None:
                check_target(out)  # before anything is made: a refused path writes nothing at all
        data = comparison_data(store, codes)
        rows = comparison_rows(data, dims)
        if args.csv:
            write_bytes(Path(args.csv), to_csv(rows).encode("utf-8"))
            print(f"Wrote {args.csv}")
        if args.pdf:
            pages = write_comparison_pdf(store, codes, dims, Path(args.pdf), args.paper, args.orientation)
            print(f"Wrote {args.pdf} ({pages} pages)")
    except OutputError as exc:
        print(f"htdesk: {exc}", file=sys.stderr)
        return 1
    if not args.csv and not args.pdf:
        for row in rows[1:]:
            print(f"== {row[0]}")
            for name, cell in zip(rows[0][1:], row[1:], strict=True):
                print(f"  {name}: {cell}")
    return 0


def write_comparison_pdf(
    store: ReportStore,
    codes: list[str],
    dims: list,
    path: Path,
    paper: str | None = None,
    orientation: str | None = None,
) -> int:
    """Render the comparison sheet to a PDF with the same renderer and printer as the app."""
    from htdesk.qtenv import ensure_gui_application

    ensure_gui_application()
    from htdesk.output.printing import SheetPrinter, default_paper, sheet_options
    from htdesk.render.html import comparison_html
    from htdesk.store.pages import link_index

    data = comparison_data(store, codes)
    html = comparison_html(data, dims, links=link_index(store), for_print=True)
    opts = sheet_options([c.name for c in data.countries], paper or default_paper(), orientation or "auto")
    return SheetPrinter().to_pdf(html, path, opts)
