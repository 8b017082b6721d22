"""`htdesk handout FOLDER --pdf FILE [--odt FILE]`: print a bookmarks folder from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from htdesk.cli.errors import say
from htdesk.i18n import translate

if TYPE_CHECKING:
    from htdesk.store.report import ReportStore


def add_arguments(h: argparse.ArgumentParser) -> None:
    """The subcommand's arguments (the parser is built for every command: nothing heavy is imported here)."""
    h.add_argument("folder", help=translate("cli", "the bookmarks folder's name"))
    h.add_argument("--pdf", type=Path, help=translate("cli", "write the handout as PDF"))
    h.add_argument("--odt", type=Path, help=translate("cli", "write the handout as OpenDocument text, to edit"))
    h.add_argument("--paper", choices=("a4", "letter"), help=translate("cli", "paper size (default: from the locale)"))
    h.add_argument("--notes", action="store_true", help=translate("cli", "include your notes (the trainer's copy)"))
    h.add_argument("--page-per-record", action="store_true", help=translate("cli", "start every record on a new page"))


def run_handout(store: ReportStore, args: argparse.Namespace) -> int:
    from htdesk.output.files import OutputError, check_target
    from htdesk.output.handout import HandoutError, find_folder, write_handout_odt, write_handout_pdf
    from htdesk.store.bookmarks import BookmarkError, BookmarkStore

    if args.pdf is None and args.odt is None:
        say(translate("cli", "handout needs --pdf FILE or --odt FILE (or both)"))
        return 2
    try:
        for out in (args.pdf, args.odt):
            if out is not None:
                check_target(out)  # before the bookmarks are even opened: a refused path changes nothing
        with BookmarkStore.open_default() as bookmarks:
            folder = find_folder(bookmarks, args.folder)
            if args.pdf:
                pages = write_handout_pdf(
                    store,
                    bookmarks,
                    folder,
                    Path(args.pdf),
                    args.paper,
                    notes=args.notes,
                    one_per_page=args.page_per_record,
                )
                wrote = (
                    translate("cli", "Wrote {path} (1 page)")
                    if pages == 1
                    else translate("cli", "Wrote {path} ({n} pages)")
                )
                print(wrote.format(path=args.pdf, n=pages))
            if args.odt:
                write_handout_odt(store, bookmarks, folder, Path(args.odt), notes=args.notes)
                print(translate("cli", "Wrote {path}").format(path=args.odt))
    except (HandoutError, BookmarkError) as exc:
        say(str(exc))
        return 2
    except OutputError as exc:
        say(str(exc))
        return 1
    return 0
