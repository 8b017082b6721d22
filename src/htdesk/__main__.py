"""The htdesk command: the desktop app, and data commands that never import Qt."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, NoReturn

from htdesk import __version__
from htdesk.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import argparse

# The flags of a plain start of the app, and where argparse puts them. A start with only these
# (a double-click gives none) is read without argparse: building the parser costs 10-15 ms, most
# of it gettext looking for translations of argparse's own words, and a start waits for it.
APP_FLAGS = {"--quit-after-show": "quit_after_show", "--reset-settings": "reset_settings"}


def app_launch(argv: Sequence[str]) -> SimpleNamespace | None:
    """The arguments of a plain app start, as argparse would give them; None for anything else."""
    if any(arg not in APP_FLAGS for arg in argv):
        return None
    args = SimpleNamespace(
        command=None, db=None, self_test=False, lang=None, **dict.fromkeys(APP_FLAGS.values(), False)
    )
    for arg in argv:
        setattr(args, APP_FLAGS[arg], True)
    return args


def _parser() -> argparse.ArgumentParser:
    import argparse

    class Parser(argparse.ArgumentParser):
        """argparse, with its error line cut as ours are (it echoes an invalid value whole)."""

        def error(self, message: str) -> NoReturn:
            from htdesk.cli.errors import one_line

            super().error(one_line(message))

    # argparse's own words ("usage:", "options", "error:") come from gettext through its module's
    # "_", looked up at each call: given the catalogue's instead, --help and its errors speak the
    # language chosen, as the rest of the command does.
    argparse._ = lambda text: translate("argparse", text)  # type: ignore[attr-defined]
    p = Parser(
        prog="htdesk",
        description=translate("cli", "HT Desk: the ICPC report on human trafficking prevention policies, offline."),
    )
    p.add_argument("--version", action="version", version=f"HT Desk {__version__}")
    p.add_argument("--db", type=Path, help=translate("cli", "use this report database instead of the bundled one"))
    p.add_argument(
        "--reset-settings", action="store_true", help=translate("cli", "forget window layout, zoom and last page")
    )
    p.add_argument(
        "--quit-after-show",
        action="store_true",
        help=translate("cli", "show the window, wait for its first paint, exit"),
    )
    p.add_argument(
        "--self-test", action="store_true", help=translate("cli", "check the installation end to end and exit")
    )
    p.add_argument(
        "--lang",
        choices=("en", "fr"),
        help=translate("cli", "language of the interface, pages and messages (default: the system's)"),
    )
    sub = p.add_subparsers(dest="command")

    e = sub.add_parser("export", help=translate("cli", "every record as one JSON document"))
    e.add_argument("--out", type=Path, help=translate("cli", "write to this file instead of standard output"))

    s = sub.add_parser("search", help=translate("cli", "ranked full-text search"))
    s.add_argument("query")
    s.add_argument("--kind", help=translate("cli", "only records of this kind (glossary, country, institution, ...)"))
    s.add_argument("--country", help=translate("cli", "only records of this country (code or name)"))
    s.add_argument("--limit", type=int, default=10)
    s.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))

    b = sub.add_parser("build-db", help=translate("cli", "rebuild the database from the report and data/content"))
    b.add_argument("--out", type=Path, help=translate("cli", "where to write (default: the bundled database)"))

    sub.add_parser("check", help=translate("cli", "verify the report database"))

    c = sub.add_parser("compare", help=translate("cli", "compare countries side by side"))
    c.add_argument("countries", nargs="+", help=translate("cli", "2 to 4 country codes or names"))
    c.add_argument(
        "--dimensions",
        help=translate("cli", "comma-separated dimensions, institutions, practices (default: all of them)"),
    )
    c.add_argument(
        "--layout",
        choices=("sheet", "full"),
        default="sheet",
        help=translate("cli", "sheet: one page, a short answer per cell (default); full: every statement"),
    )
    c.add_argument("--pdf", type=Path, help=translate("cli", "write the comparison as a PDF"))
    c.add_argument(
        "--odt", type=Path, help=translate("cli", "write the comparison as OpenDocument text (LibreOffice, Word)")
    )
    c.add_argument("--csv", type=Path, help=translate("cli", "write the comparison as CSV"))
    c.add_argument("--paper", choices=("a4", "letter"), help=translate("cli", "paper size (default: from the locale)"))
    c.add_argument(
        "--orientation", choices=("portrait", "landscape"), help=translate("cli", "override the orientation")
    )

    from htdesk.cli.bookmarks import add_arguments as bookmarks_arguments
    from htdesk.cli.handout import add_arguments as handout_arguments

    bookmarks_arguments(sub.add_parser("bookmarks", help=translate("cli", "list, export or import your bookmarks")))

    handout_arguments(sub.add_parser("handout", help=translate("cli", "print a bookmarks folder as a handout")))

    sub.add_parser("bench", help=translate("cli", "measure search and printing speed against baselines"))
    return p


def _fail(message: str) -> int:
    from htdesk.cli.errors import say

    say(message)
    return 1


def _open_store(path: Path | None):
    from htdesk.paths import database_path
    from htdesk.store.report import ReportStore

    if path is not None:
        from htdesk.output.files import protect

        protect(path)  # the database in use is never an output file
    return ReportStore(path or database_path())


def cmd_export(args: argparse.Namespace) -> int:
    import json  # here, not at the top: the app starts without it

    from htdesk.store.export import export_json

    if args.out:
        from htdesk.output.files import check_target

        check_target(args.out)  # before the export is made
    store = _open_store(args.db)
    text = json.dumps(export_json(store), ensure_ascii=False, indent=2)
    if args.out:
        from htdesk.output.files import write_bytes

        write_bytes(args.out, text.encode("utf-8"))
    else:
        sys.stdout.write(text + "\n")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    import json

    from htdesk.store.search import SearchError, search

    store = _open_store(args.db)
    try:
        result = search(store, args.query, kind=args.kind, country=args.country, limit=max(1, args.limit))
    except SearchError as exc:
        return _fail(str(exc))
    if args.json:
        rows = [
            {"id": h.id, "kind": h.kind.value, "title": h.title, "snippet": h.snippet_text, "score": h.score}
            for h in result.hits
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return 0
    if result.translated:
        print(translate("cli", "Searched in English: {english}").format(english=result.translated))
    if result.corrected:
        print(
            translate("cli", "No results for {typed}; showing results for {corrected}.").format(
                typed=result.query.strip(), corrected=result.corrected
            )
        )
    if not result.hits and not result.partial:
        print(translate("cli", "No results."))
    for h in result.hits:
        print(f"[{h.kind.value}] {h.title} — {h.where}")
        print(f"    {h.snippet_text}")
    if result.partial:
        print(translate("cli", "Results with some of your words ({n}):").format(n=result.partial_total))
    for h in result.partial:
        print(f"[{h.kind.value}] {h.title} — {h.where}")
        print(f"    {h.snippet_text}")
    if result.suggestion:
        print(translate("cli", "Did you mean: {suggestion}?").format(suggestion=result.suggestion))
    return 0


def cmd_build_db(args: argparse.Namespace) -> int:
    try:
        from htdesk.build.assemble import ContentError, dangling_references, load_content
        from htdesk.build.database import write_database
    except ImportError:  # the installed app ships the database, not what it is built from
        return _fail("build-db needs a source checkout of HT Desk; the installed app carries the built report only")
    from htdesk.paths import content_dir, database_path, report_path

    try:
        content = load_content(report_path(), content_dir())
    except ContentError as exc:
        return _fail(f"content error: {exc}")
    dangling = dangling_references(content)
    if dangling:
        return _fail(f"{len(dangling)} cross-references do not resolve, first: {dangling[0]}")
    out = write_database(content, args.out or database_path())
    counts = ", ".join(f"{len(v)} {k.value}" for k, v in content.by_kind().items())
    print(f"Wrote {out} ({counts}).")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from htdesk.store.check import check_database

    store = _open_store(args.db)
    from htdesk.render.pages import rendered_pages

    problems = check_database(store, rendered_pages)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return _fail(f"check failed: {problems[0]}{more}")
    counts = ", ".join(f"{n} {k}" for k, n in sorted(store.counts().items()))
    print(f"OK: {store.path} ({counts})")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from htdesk.cli.compare import run_compare

    return run_compare(_open_store(args.db), args)


def cmd_handout(args: argparse.Namespace) -> int:
    from htdesk.cli.handout import run_handout

    return run_handout(_open_store(args.db), args)


def cmd_bookmarks(args: argparse.Namespace) -> int:
    from htdesk.cli.bookmarks import run_bookmarks

    return run_bookmarks(args)


def cmd_bench(args: argparse.Namespace) -> int:
    from htdesk.cli.bench import run_bench

    return run_bench(_open_store(args.db))


COMMANDS = {
    "export": cmd_export,
    "search": cmd_search,
    "build-db": cmd_build_db,
    "check": cmd_check,
    "compare": cmd_compare,
    "handout": cmd_handout,
    "bookmarks": cmd_bookmarks,
    "bench": cmd_bench,
}


def ensure_streams() -> None:
    """Give Python somewhere to write when it has no console: a windowed Windows build.

    There (htdesk.exe, built without a console so that no black window flashes up for a trainer)
    sys.stdout and sys.stderr are None: print() then drops its text silently, but write() raises
    AttributeError. The commands run and report through their exit code; htdesk-cli.exe, the
    console entry beside it in the same folder, is the one that shows their output.
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115 (open for the process)


def no_display() -> str | None:
    """Why the window cannot open on this Linux machine, or None when it can (or may).

    Without DISPLAY or WAYLAND_DISPLAY Qt's xcb plugin fails with "xcb-cursor0 is needed", which
    sends people after a library they already have. An explicit QT_QPA_PLATFORM (offscreen) needs none.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display: the window needs a desktop session (DISPLAY or WAYLAND_DISPLAY is not set). "
        "The commands (htdesk --help) and htdesk --self-test work without one."
    )


def _run_command(args: argparse.Namespace) -> int:
    """A data command; a refused or failed output file is its one error line (the app shows its own)."""
    from htdesk.output.files import OutputError  # not for a plain start: it would wait for the import

    try:
        return COMMANDS[args.command](args)
    except OutputError as exc:
        return _fail(str(exc))


def _asked_language(argv: Sequence[str]) -> str | None:
    """The value of --lang in ``argv`` (either spelling), read before argparse is built."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


# argparse's own words, for the catalogue (its module asks for them through "_" at each call).
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
)


def main(argv: Sequence[str] | None = None) -> int:
    ensure_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    launch = app_launch(argv)
    if launch is None:
        from htdesk import i18n

        # The language before the parser exists: its help and errors are in it too.
        i18n.set_language(i18n.choose(_asked_language(argv), None, i18n.environment_language()))
    args = launch or _parser().parse_args(argv)
    if launch is None:  # a plain start has no argument that names a file or carries text
        from htdesk.cli.errors import nul_argument

        if name := nul_argument(vars(args)):
            # Python's own word on it is a traceback ("embedded null byte"): no file or text holds one.
            return _fail(
                translate("cli", "the {name} argument contains a NUL character; no file name or text can").format(
                    name=name.replace("_", " ")
                )
            )
    from htdesk.store.report import StoreError

    if args.command or args.self_test:
        from htdesk import i18n

        # The data commands never load Qt: the environment says which language they speak.
        i18n.set_language(i18n.choose(args.lang, None, i18n.environment_language()))
    try:
        if args.command:
            return _run_command(args)
        if args.self_test:
            from htdesk.cli.selftest import run_self_test

            return run_self_test(args.db)
        reason = no_display()
        if reason:
            return _fail(reason)
        from htdesk.app import run_app

        return run_app(args)
    except StoreError as exc:
        return _fail(str(exc))
    except OSError as exc:
        # Unwritable output, full disk: the user's environment, told in one line.
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
