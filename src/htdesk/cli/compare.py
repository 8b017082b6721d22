"""`htdesk compare`: a comparison from the command line, as text, PDF, OpenDocument or CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from htdesk.cli.errors import say
from htdesk.i18n import translate
from htdesk.output.compare import (
    CompareError,
    check_count,
    comparison_print,
    comparison_rows,
    editable_html,
    parse_dimensions,
    to_csv,
)
from htdesk.output.files import OutputError, check_target, write_bytes
from htdesk.store.pages import comparison_data, country_choices, resolve_countries
from htdesk.store.report import ReportStore


def run_compare(store: ReportStore, args: argparse.Namespace) -> int:
    codes, unknown = resolve_countries(store, args.countries)
    if unknown:
        valid = ", ".join(f"{c} ({n})" for c, n in country_choices(store))
        say(
            translate("cli", "unknown country {countries}; valid: {valid}").format(
                countries=", ".join(map(repr, unknown)), valid=valid
            )
        )
        return 2
    try:
        check_count(len(codes))
        dims = parse_dimensions(args.dimensions)
    except CompareError as exc:
        say(str(exc))
        return 2
    layout = getattr(args, "layout", None) or "sheet"
    odt = getattr(args, "odt", None)
    try:
        for out in (args.pdf, odt, args.csv):
            if out is not None:
                check_target(out)  # before anything is made: a refused path writes nothing at all
        data = comparison_data(store, codes)
        rows = comparison_rows(data, dims)
        if args.csv:
            write_bytes(Path(args.csv), to_csv(rows).encode("utf-8"))
            print(translate("cli", "Wrote {path}").format(path=args.csv))
        if args.pdf or odt:
            from htdesk.qtenv import ensure_gui_application

            ensure_gui_application()
            from htdesk.output.printing import SheetPrinter

            html, opts = comparison_print(
                store, codes, dims, layout=layout, paper=args.paper, orientation=getattr(args, "orientation", None)
            )
            printer = SheetPrinter()
            if args.pdf:
                pages = printer.to_pdf(html, Path(args.pdf), opts)
                wrote = (
                    translate("cli", "Wrote {path} (1 page)")
                    if pages == 1
                    else translate("cli", "Wrote {path} ({n} pages)")
                )
                print(wrote.format(path=args.pdf, n=pages) + _flow_note(layout, pages))
            if odt:
                printer.to_odt(editable_html(html), Path(odt), opts)
                print(translate("cli", "Wrote {path}").format(path=odt))
    except OutputError as exc:
        say(str(exc))
        return 1
    if not args.csv and not args.pdf and not odt:
        for row in rows[1:]:
            print(f"== {row[0]}")
            for name, cell in zip(rows[0][1:], row[1:], strict=True):
                print(f"  {name}: {cell}")
    return 0


def _flow_note(layout: str, pages: int) -> str:
    """What a trainer should know when a sheet did not fit one page."""
    if layout != "sheet" or pages == 1:
        return ""
    from htdesk.output.printing import MIN_BODY_PT

    return translate("cli", "; the sheet does not fit one page at {size} pt, the smallest legible size").format(
        size=f"{MIN_BODY_PT:g}"
    )


def write_comparison_pdf(
    store: ReportStore,
    codes: list[str],
    dims: list,
    path: Path,
    paper: str | None = None,
    orientation: str | None = None,
    layout: str = "sheet",
) -> int:
    """Render a comparison to a PDF with the same renderer and printer as the app."""
    from htdesk.qtenv import ensure_gui_application

    ensure_gui_application()
    from htdesk.output.printing import SheetPrinter

    html, opts = comparison_print(store, codes, dims, layout=layout, paper=paper, orientation=orientation)
    return SheetPrinter().to_pdf(html, path, opts)
