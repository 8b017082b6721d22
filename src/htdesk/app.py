"""Start the desktop app: QApplication set-up, the database, the main window."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from htdesk import __version__, errorlog
from htdesk.i18n import translate

if TYPE_CHECKING:
    from argparse import Namespace
    from types import SimpleNamespace, TracebackType

# Set by start-up benchmarks (benchmarks/startup.py, build/make.py measure): a file to receive the
# time of the first paint, so that start-up is measured to it rather than to the process's exit.
FIRST_PAINT_FILE = "HTDESK_FIRST_PAINT_FILE"


def _stamp_first_paint(path: str) -> None:
    """Write the moment of the first paint where a start-up benchmark asked for it."""
    with contextlib.suppress(OSError):  # a measurement aid: never a reason to fail a start
        Path(path).write_text(repr(time.time()), encoding="ascii")


def make_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    # Fusion renders the same on every platform and honours our light and dark palettes. Asked
    # for on the command line rather than by setStyle(): the QStyle wrapper setStyle() returns
    # makes PySide build every QStyle enum (about 15 ms) before the first paint.
    app = existing or QApplication([*(argv or sys.argv[:1]), "-style", "Fusion"])
    if existing is not None:
        existing.setStyle("Fusion")
    app.setApplicationName("HT Desk")
    app.setApplicationDisplayName("HT Desk")
    app.setOrganizationName("HT Desk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("htdesk")
    from PySide6.QtGui import QFont

    from htdesk.fonts import load_bundled_fonts

    family = load_bundled_fonts()
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    # Unhinted: the font's own shapes and the metrics printing uses, on every platform (macOS
    # never hints), so a page lays out on screen as on paper. Qt on Linux otherwise asks FreeType
    # for its light auto-hinter, which analyses every face and size as it is first drawn: about
    # 5 ms of the first paint here (benchmarks/startup.py, build/make.py measure).
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return app


def choose_language(app: object, asked: str | None, saved: object) -> str:
    """The language of this run: --lang, else the user's choice (View > Language), else the system's."""
    from PySide6.QtCore import QLocale

    from htdesk import i18n

    lang = i18n.choose(asked, saved if isinstance(saved, str) else None, QLocale.system().name())
    i18n.set_language(lang)
    i18n.install_qt(app, lang)  # type: ignore[arg-type]
    return lang


def restart_command(argv: list[str]) -> list[str]:
    """This start's command line less --lang, so that the next start takes the language just chosen."""
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            out.append(arg)
    return out


def restart(window: object) -> None:
    """Close the window (its state is saved as at any close), start HT Desk again, quit this one."""
    from PySide6.QtCore import QCoreApplication, QProcess

    command = restart_command(list(sys.orig_argv))
    if window.close():  # type: ignore[attr-defined]
        QProcess.startDetached(command[0], command[1:])
        QCoreApplication.quit()


def open_bookmarks(parent: object):
    """The user's bookmarks; a damaged file is set aside and the user told where it went."""
    from htdesk.store.bookmarks import BookmarkError, BookmarkStore
    from htdesk.ui import plain
    from htdesk.ui.bookmarks.service import BookmarkService

    try:
        store = BookmarkStore.open_default()
    except BookmarkError as exc:
        plain.warning(
            parent,
            translate("app", "Bookmarks unavailable"),
            translate("app", "{exc}\n\nHT Desk will run without bookmarks.").format(exc=exc),
        )  # type: ignore[arg-type]
        return None
    if store.recovered_from is not None:
        plain.information(
            parent,  # type: ignore[arg-type]
            translate("app", "Bookmarks recovered"),
            translate(
                "app",
                "Your bookmarks file was damaged. It was kept as:\n{recovered_from}\n\n"
                "A new, empty bookmarks file has been started.",
            ).format(recovered_from=store.recovered_from),
        )
    return BookmarkService(store)


_reporting = False  # a dialog is up: what fails while it shows (a paint, say) is only logged


def _reinstall_advice(exc: BaseException) -> str:
    """A damaged or missing report's message and what to do: one text wherever the report fails."""
    return translate(
        "app", "{error}\n\nWhat to do: reinstall HT Desk from its installer. Your bookmarks are kept."
    ).format(error=exc)


def report_error(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook while the window runs: a dialog with one plain line, the traceback to a log.

    A slot that raises would otherwise print a traceback (to a terminal, if any) and carry on
    silently; the trainer is told instead, and the window stays open with nothing lost.
    """
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    import traceback

    from PySide6.QtWidgets import QApplication

    from htdesk.store.report import StoreError
    from htdesk.ui import plain

    # A log that cannot be written must not hide the dialog: errorlog.log never raises.
    log = errorlog.log("".join(traceback.format_exception(exc_type, exc, tb)))
    global _reporting
    if _reporting:
        return
    if isinstance(exc, StoreError):
        title = translate("app", "HT Desk cannot read the report")
        text = _reinstall_advice(exc)
    else:
        title = translate("app", "Something went wrong")
        text = translate(
            "app",
            "HT Desk could not finish what you asked ({error}).\n\nYou can go on working. The details are in {log}.",
        ).format(error=f"{exc_type.__name__}: {exc}", log=log)
    _reporting = True
    try:
        plain.critical(QApplication.activeWindow(), title, text)
    finally:
        _reporting = False


def tell_no_user_folder(parent: object, problem: str) -> None:
    """Say, once the window shows, that nothing will be kept: a start from the desktop has no terminal."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from htdesk.ui import plain

    box = plain.message_box(
        parent,  # type: ignore[arg-type]
        QMessageBox.Icon.Warning,
        translate("app", "HT Desk cannot keep your bookmarks and settings"),
        translate(
            "app",
            "HT Desk could not create its folder for your bookmarks and settings:\n{problem}\n\n"
            "You can read the report as usual, but bookmarks are unavailable, and the window layout, zoom "
            "and last page will not be kept after you close HT Desk. Check that this folder can be "
            "created, or ask whoever looks after this computer.",
        ).format(problem=problem),
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not exec(): the window is usable meanwhile


def run_app(args: Namespace | SimpleNamespace) -> int:
    """Open the window and run until it closes; the exit code."""
    # No garbage collection until the window has painted: start-up makes tens of thousands of
    # objects (PySide's classes and enums, the contents tree) and few of them garbage, and the
    # collector walked them some 47 times, about 6 ms, before the first paint. After it they are
    # frozen out of later collections (see _after_start), which then walk only what came since.
    gc.disable()
    try:
        return _run_app(args)
    finally:
        gc.enable()


# Collection comes back at the first paint, or after this long if the window never paints (a
# start minimised, or kept off screen): a long session must not run without it.
GC_BACK_AFTER_MS = 3000


def _after_start() -> None:
    """Collection again, now that the window shows; what start-up made is left out of it for good."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _run_app(args: Namespace | SimpleNamespace) -> int:
    from htdesk.paths import database_path
    from htdesk.store.report import ReportStore, StoreError
    from htdesk.ui.settings import read_choice, reset_settings, settings, user_folder_problem

    problem = user_folder_problem()
    if args.reset_settings:
        reset_settings()
    app = make_application()
    user_settings = settings()
    from htdesk.i18n import LANGUAGES

    saved = read_choice(user_settings, "view/language", "", LANGUAGES) or None
    choose_language(app, getattr(args, "lang", None), saved)
    try:
        store = ReportStore(args.db or database_path())
        store.meta()
    except StoreError as exc:
        from htdesk.ui import plain  # not before: QMessageBox's class costs a start some 5 ms

        plain.critical(
            None,
            translate("app", "HT Desk cannot open the report"),
            _reinstall_advice(exc),
        )
        return 1
    from PySide6.QtCore import QTimer

    from htdesk.ui.mainwindow import MainWindow

    sys.excepthook = report_error
    # A factory: the bookmarks open just after the first paint, not before it. Without a user
    # folder there is no bookmarks file to open or make: the tab says they are unavailable.
    window = MainWindow(store, user_settings, bookmarks=(lambda: None) if problem else (lambda: open_bookmarks(window)))
    window.first_paint.connect(_after_start)
    QTimer.singleShot(GC_BACK_AFTER_MS, _after_start)
    if problem:
        window.first_paint.connect(lambda: tell_no_user_folder(window, problem))
    stamp = os.environ.get(FIRST_PAINT_FILE)
    if stamp:
        window.first_paint.connect(lambda: _stamp_first_paint(stamp))
    if args.quit_after_show:
        window.first_paint.connect(app.quit)
    window.restart_requested.connect(lambda: restart(window))
    window.show()
    return app.exec()
