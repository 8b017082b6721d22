"""`htdesk bookmarks list|export|import`: the user's bookmarks from the command line, as the app files them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from htdesk.cli.errors import say
from htdesk.i18n import translate

if TYPE_CHECKING:
    from htdesk.store.bookmarks import BookmarkStore


def add_arguments(b: argparse.ArgumentParser) -> None:
    """The subcommand's arguments (the parser is built for every command: nothing heavy is imported here)."""
    sub = b.add_subparsers(dest="action", required=True, metavar="{list,export,import}")
    sub.add_parser("list", help=translate("cli", "every folder with its bookmarks"))
    e = sub.add_parser(
        "export", help=translate("cli", "write folders to a JSON file the app (or this command) imports")
    )
    e.add_argument("file", type=Path)
    e.add_argument("--folder", help=translate("cli", "only this folder (default: all)"))
    i = sub.add_parser(
        "import", help=translate("cli", "merge a JSON file exported by HT Desk; a bad file changes nothing")
    )
    i.add_argument("file", type=Path)


def run_bookmarks(args: argparse.Namespace) -> int:
    from htdesk.store.bookmarks import BookmarkError, BookmarkStore

    try:
        with BookmarkStore.open_default() as store:
            if message := store.recovery_message():
                say(str(message))
            if args.action == "list":
                _list(store)
            elif args.action == "export":
                _export(store, args.file, args.folder)
            else:
                print(store.import_file(args.file).summary())
    except BookmarkError as exc:
        say(str(exc))
        return 2
    return 0


def _list(store: BookmarkStore) -> None:
    from htdesk.content.comparison import ComparisonRef

    folders = store.folders()
    if not folders:
        print(translate("cli", "No bookmarks yet."))
    for f in folders:
        marks = store.bookmarks(f.id)
        count = translate("cli", "1 bookmark") if len(marks) == 1 else translate("cli", "{n} bookmarks")
        print(f"{f.name} ({count.format(n=len(marks))})")
        for n, b in enumerate(marks, 1):
            try:
                what = translate("cli", "comparison") if ComparisonRef.parse(b.record_id) else b.record_id
            except ValueError:
                what = b.record_id
            note = "  " + translate("cli", "[note]") if b.note else ""
            print(f"  {n}. {b.title} — {what}{note}")


def _export(store: BookmarkStore, path: Path, folder_name: str | None) -> None:
    from htdesk.store.bookmarks import BookmarkInputError

    folder_id = None
    if folder_name is not None:
        folder = store.folder_named(folder_name)
        if folder is None:
            names = ", ".join(repr(f.name) for f in store.folders()) or "none yet"
            raise BookmarkInputError(f"No bookmarks folder named {folder_name!r}; folders: {names}.")
        folder_id = folder.id
    store.export_file(path, folder_id)
    doc_folders = [folder_name] if folder_name else [f.name for f in store.folders()]
    count = translate("cli", "1 folder") if len(doc_folders) == 1 else translate("cli", "{n} folders")
    print(translate("cli", "Wrote {path} ({folders})").format(path=path, folders=count.format(n=len(doc_folders))))
