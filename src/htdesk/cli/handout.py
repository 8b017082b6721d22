"""`htdesk handout FOLDER --pdf FILE`: print a bookmarks folder from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from htdesk.output.files import OutputError, check_target
from htdesk.output.handout import HandoutError, find_folder, write_handout_pdf
from htdesk.store.bookmarks import BookmarkError, BookmarkStore
from htdesk.store.report import ReportStore


def run_handout(store: ReportStore, args: argparse.Namespace) -> int:
    out = Path(args.pdf)
    try:
        check_target(out)  # before the bookmarks are even opened: a refused path changes nothing
        with BookmarkStore.open_default() as bookmarks:
            folder = find_folder(bookmarks, args.folder)
            pages = write_handout_pdf(store, bookmarks, folder, out, args.paper)
    except (HandoutError, BookmarkError) as exc:
        print(f"htdesk: {exc}", file=sys.stderr)
        return 2
    except OutputError as exc:
        print(f"htdesk: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {out} ({pages} pages)")
    return 0
