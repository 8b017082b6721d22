"""The main window as a trainer uses it: tree, pages, links, history, find, themes, session."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QToolBar
from pytestqt.qtbot import QtBot

from htdesk.store.report import ReportStore
from htdesk.store.search import search
from htdesk.ui import plain
from htdesk.ui.mainwindow import MainWindow
from htdesk.ui.navigation import NavigationModel, RecordIdRole, build_tree
from htdesk.ui.settings import settings


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window()


def _find_in_tree(w: MainWindow, record_id: str) -> QModelIndex:
    src = w.nav_model.find(record_id)
    assert src.isValid(), record_id
    return src if w.tree.model() is w.nav_model else w.nav_filter.mapFromSource(src)


def _page_text(w: MainWindow) -> str:
    return w.reader.toPlainText()


def test_navigation_model_passes_qt_model_tester(qtmodeltester: object, store: ReportStore) -> None:
    model = NavigationModel(build_tree(store))
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_toolbar_shows_text_beside_its_icons(window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "toolbar-main")
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon


def test_tree_has_the_five_top_level_nodes(window: MainWindow) -> None:
    model = window.nav_filter
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["Report", "Countries", "Practices", "Glossary", "Figures & tables"]


@pytest.mark.parametrize(
    ("record_id", "expected"),
    [
        ("section/3-2-2", "National coordination mechanisms in the countries examined"),
        ("country/no", "Norway"),
        ("institution/no/kom", "KOM"),
        ("glossary/kom", "National Coordination Unit for Victims of Trafficking"),
        ("figure/20", "Figure 20"),
        ("practice/truckstop", "TruckSTOP"),
    ],
)
def test_open_each_kind_from_the_tree(window: MainWindow, record_id: str, expected: str) -> None:
    idx = _find_in_tree(window, record_id)
    window.tree.activated.emit(idx)
    assert window.current == record_id
    text = _page_text(window)
    assert expected in text
    summary = window.store.summary(record_id)
    assert summary is not None
    assert f"Source: ICPC report, {summary.source.cite()}" in text  # every page cites its source


def test_find_gives_each_record_its_first_place_in_the_tree(store: ReportStore) -> None:
    model = NavigationModel(build_tree(store))
    first: dict[str, QModelIndex] = {}
    places: dict[str, int] = {}

    def visit(parent: QModelIndex) -> None:  # depth first through the model's own API
        for row in range(model.rowCount(parent)):
            idx = model.index(row, 0, parent)
            rid = idx.data(RecordIdRole)
            if rid:
                first.setdefault(rid, idx)
                places[rid] = places.get(rid, 0) + 1
            visit(idx)

    visit(QModelIndex())
    assert any(n > 1 for n in places.values())  # practices sit under their theme and their countries
    for rid, idx in first.items():
        assert model.find(rid) == idx, rid
    assert not model.find("home").isValid()
    assert not model.find("practice/no-such-thing").isValid()


def test_tree_follows_the_open_page(window: MainWindow) -> None:
    window.open("institution/no/kom")
    current = window.tree.currentIndex()
    assert current.data(RecordIdRole) == "institution/no/kom"
    window.open("home")  # not in the tree: the tree keeps its place
    assert window.tree.currentIndex().data(RecordIdRole) == "institution/no/kom"


def test_acronym_link_then_back(window: MainWindow) -> None:
    window.open("section/3-2-2")
    html = window.reader.toHtml()
    assert 'href="ht:glossary/kom"' in html  # acronyms in the text are links
    window.reader.anchorClicked.emit(QUrl("ht:glossary/kom"))
    assert window.current == "glossary/kom"
    assert "National Coordination Unit for Victims of Trafficking" in _page_text(window)
    window.actions_by_name["back"].trigger()
    assert window.current == "section/3-2-2"
    window.actions_by_name["forward"].trigger()
    assert window.current == "glossary/kom"


def test_filter_keeps_ancestors(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.tree_filter, "Norway")
    model = window.nav_filter
    tops = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Countries" in tops
    assert "Glossary" not in tops or model.rowCount(model.index(tops.index("Glossary"), 0)) >= 0
    countries = model.index(tops.index("Countries"), 0)
    names = [model.index(r, 0, countries).data() for r in range(model.rowCount(countries))]
    assert names == ["Norway"]
    assert window.tree_filter.isClearButtonEnabled()  # an x to clear the filter, once there is text
    window.tree_filter.clear()
    assert window.nav_filter.rowCount() == 5


def test_clearing_the_filter_folds_the_tree_back_to_the_open_page(window: MainWindow, qtbot: QtBot) -> None:
    window.open("institution/no/kom")
    qtbot.keyClicks(window.tree_filter, "Sweden")
    shown = window.tree.model()
    tops = {shown.index(r, 0).data(): shown.index(r, 0) for r in range(shown.rowCount())}
    assert window.tree.isExpanded(tops["Practices"])  # every match is shown, unfolded
    window.tree_filter.clear()
    model = window.tree.model()
    tops = {model.index(r, 0).data(): model.index(r, 0) for r in range(model.rowCount())}
    assert list(tops) == ["Report", "Countries", "Practices", "Glossary", "Figures & tables"]
    assert window.tree.currentIndex().data(RecordIdRole) == "institution/no/kom"
    assert window.tree.isExpanded(tops["Countries"])  # the open page's branch
    assert not window.tree.isExpanded(tops["Practices"])  # not the filter's unfolding


def test_a_filter_that_matches_no_title_says_so_and_points_to_search(window: MainWindow, qtbot: QtBot) -> None:
    def notes() -> list[QLabel]:
        return [w for w in window.findChildren(QLabel) if w.accessibleName() == "No matching titles"]

    qtbot.keyClicks(window.tree_filter, "Norway")  # titles match: nothing to say
    assert not any(n.isVisible() for n in notes())
    window.tree_filter.clear()
    qtbot.keyClicks(window.tree_filter, "berry")  # in the report's text (Sweden's berry pickers), in no title
    assert window.tree.model().rowCount() == 0
    assert len(notes()) == 1 and notes()[0].isVisible() and "Ctrl+K" in notes()[0].text()
    window.tree_filter.clear()
    assert not notes()[0].isVisible()


def test_filtering_again_and_again_leaves_nothing_behind(window: MainWindow, qtbot: QtBot) -> None:
    for _ in range(5):
        qtbot.keyClicks(window.tree_filter, "Norway")
        window.tree_filter.clear()
    for selection in window.tree.findChildren(QItemSelectionModel):  # what was to be deleted, now
        QApplication.sendPostedEvents(selection, QEvent.Type.DeferredDelete)
    # One selection model, which the tree shares with its header: each switch of model made more.
    assert window.tree.header().selectionModel() is window.tree.selectionModel()
    assert window.tree.findChildren(QItemSelectionModel) == [window.tree.selectionModel()]


def test_last_page_comes_back_after_restart(make_window: Callable[..., MainWindow]) -> None:
    w = make_window()
    w.open("institution/se/national-rapporteur")
    opened = w.current
    w.set_zoom(3)
    w.close()
    again = make_window()
    assert again.current == opened
    assert again.reader.zoom == 3


def test_find_in_page_highlights_and_counts(window: MainWindow, qtbot: QtBot) -> None:
    window.open("country/se")
    window.actions_by_name["find"].trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "rapporteur")
    n = int(window.find_bar.count.text().split()[0])
    assert n >= 2
    assert len(window.reader.extraSelections()) == n
    assert window.reader.textCursor().selectedText().casefold() == "rapporteur"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.reader.extraSelections() == []


def test_dark_mode_switches_page_and_widgets(window: MainWindow) -> None:
    window.set_theme("dark")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 100
    assert window.reader.document().defaultStyleSheet().count("#e4e8ee") >= 1
    window.set_theme("light")
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_external_link_needs_confirmation(
    make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    asked: list[str] = []

    def refuse(_parent: object, url: QUrl) -> bool:
        asked.append(url.toString())
        return False

    w = make_window(confirm=refuse)
    w.reader.anchorClicked.emit(QUrl("http://www.coe.int/"))
    assert asked == ["http://www.coe.int/"] and opened == []
    w2 = make_window(confirm=lambda *_: True)
    w2.reader.anchorClicked.emit(QUrl("https://www.coe.int/"))
    assert opened == ["https://www.coe.int/"]


def test_reader_never_loads_remote_resources(window: MainWindow) -> None:
    from PySide6.QtGui import QTextDocument

    assert window.reader.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl("http://x.org/a.png")) is None


def test_copy_citation(window: MainWindow) -> None:
    window.open("glossary/kom")
    window.actions_by_name["copy_citation"].trigger()
    text = QApplication.clipboard().text()
    assert text.startswith("KOM. ICPC report, List of acronyms")
    assert "Human Trafficking, Other Forms of Exploitation and Prevention Policies" in text


def test_unknown_record_keeps_the_page(window: MainWindow) -> None:
    window.open("country/no")
    assert window.open("institution/zz/nothing") is False
    assert window.current == "country/no"


def test_compare_from_tree_context(window: MainWindow) -> None:
    window.open("compare:be,no")
    assert window.compare.selected_countries() == ["be", "no"]
    assert window.stack.currentWidget() is window.compare


def test_broken_database_gives_a_dialog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, user_dir: Path) -> None:
    from argparse import Namespace

    from htdesk.app import run_app

    shown: list[str] = []
    monkeypatch.setattr(plain, "critical", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "ht.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    args = Namespace(db=bad, reset_settings=False, quit_after_show=True)
    assert run_app(args) == 1
    assert shown and "reinstall" in shown[0].casefold()


def test_quit_after_show_exits_zero(user_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HTDESK_USER_DIR": str(user_dir)}
    proc = subprocess.run(
        [sys.executable, "-m", "htdesk", "--quit-after-show"], env=env, capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]


@pytest.fixture
def bookmarked_window(qtbot: QtBot, store: ReportStore, user_dir: Path) -> MainWindow:
    from htdesk.store.bookmarks import BookmarkStore
    from htdesk.ui.bookmarks.service import BookmarkService

    service = BookmarkService(BookmarkStore.open_default())
    w = MainWindow(store, settings(), confirm=lambda *_: False, bookmarks=lambda: service)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.bookmarks is not None)  # made just after the first paint
    return w


def test_star_shows_whether_the_page_is_bookmarked(bookmarked_window: MainWindow, qtbot: QtBot) -> None:
    w = bookmarked_window
    w.open("country/no")
    star = w.actions_by_name["bookmark"]
    assert not star.isChecked()
    w.bookmarks.add("country/no", "Norway", "Session 1")  # type: ignore[union-attr]
    qtbot.waitUntil(star.isChecked)
    assert "Bookmarked" in star.text()
    w.open("country/se")
    assert not star.isChecked()


def test_edit_undo_restores_a_deleted_bookmark(bookmarked_window: MainWindow, qtbot: QtBot) -> None:
    w = bookmarked_window
    service = w.bookmarks
    mark = service.add("glossary/kom", "KOM", "Session 1")  # type: ignore[union-attr]
    service.delete([mark.id])  # type: ignore[union-attr]
    assert not service.is_bookmarked("glossary/kom")  # type: ignore[union-attr]
    undo = w.actions_by_name["undo"]
    qtbot.waitUntil(undo.isEnabled)
    undo.trigger()
    assert service.is_bookmarked("glossary/kom")  # type: ignore[union-attr]


def test_bookmarks_panel_opens_pages(bookmarked_window: MainWindow, qtbot: QtBot) -> None:
    w = bookmarked_window
    assert w.bookmarks_panel is not None
    w.bookmarks_panel.open_requested.emit("practice/truckstop")
    assert w.current == "practice/truckstop"


def test_search_panel_opens_and_highlights(window: MainWindow, qtbot: QtBot) -> None:
    window.actions_by_name["search"].trigger()
    assert window.search_panel is not None
    window.search_panel.open_requested.emit("country/se", search(window.store, "rapporteur").matches)
    assert window.current == "country/se"
    assert len(window.reader.extraSelections()) >= 2  # the matches are highlighted on the page


def test_reset_settings_forgets_the_session(make_window: Callable[..., MainWindow]) -> None:
    from htdesk.ui.settings import reset_settings

    w = make_window()
    w.open("country/fr")
    w.set_zoom(2)
    w.close()
    reset_settings()
    again = make_window()
    assert again.current == "home"
    assert again.reader.zoom == 0


def test_country_page_compare_link(window: MainWindow) -> None:
    window.open("country/no")
    assert 'href="ht:compare:no"' in window.reader.toHtml()
    window.reader.anchorClicked.emit(QUrl("ht:compare:no"))
    assert window.compare.selected_countries() == ["no"]
    assert window.stack.currentWidget() is window.compare


def test_any_page_exports_to_pdf(window: MainWindow, tmp_path: Path) -> None:
    from pypdf import PdfReader

    window.open("institution/no/kom")
    out = tmp_path / "kom.pdf"
    pages = window.export_pdf(out)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(out)).pages).split())
    assert pages >= 1
    assert "National Coordinating Unit for Victims of Trafficking" in text
    assert "Source: ICPC report, Appendix 4" in text
    assert f"Page 1 of {pages}" in text


def test_sidebar_tabs_and_toggle(window: MainWindow, qtbot: QtBot) -> None:
    from htdesk.ui.mainwindow import BOOKMARKS_TAB, CONTENTS_TAB, SEARCH_TAB

    assert window.sidebar.isVisible() and window.sidebar.currentIndex() == CONTENTS_TAB
    window.actions_by_name["sidebar"].trigger()  # F9
    assert not window.sidebar.isVisible()
    assert not window.actions_by_name["sidebar"].isChecked()
    window.actions_by_name["search"].trigger()  # Ctrl+K brings the sidebar back, at Search
    assert window.sidebar.isVisible() and window.sidebar.currentIndex() == SEARCH_TAB
    assert window.search_panel is not None and window.search_panel.search_edit.hasFocus()
    window.actions_by_name["bookmarks"].trigger()
    assert window.sidebar.currentIndex() == BOOKMARKS_TAB
    window.actions_by_name["filter_tree"].trigger()
    assert window.sidebar.currentIndex() == CONTENTS_TAB and window.tree_filter.hasFocus()


def test_sidebar_layout_comes_back_after_restart(make_window: Callable[..., MainWindow]) -> None:
    from htdesk.ui.mainwindow import SEARCH_TAB

    first = make_window()
    first.resize(1200, 700)
    first.splitter.setSizes([500, 700])
    first.show_sidebar_tab(SEARCH_TAB)
    width = first.sidebar.width()
    first.close()
    again = make_window()
    assert again.sidebar.currentIndex() == SEARCH_TAB
    assert abs(again.sidebar.width() - width) <= 2
    again.set_sidebar_visible(False)
    again.close()
    hidden = make_window()
    assert not hidden.sidebar.isVisible()
    assert not hidden.actions_by_name["sidebar"].isChecked()


def test_tree_context_menu_offers_compare(window: MainWindow) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent

    seen: list[list[str]] = []

    def read_and_close_menu() -> None:  # the menu runs its own event loop: look at it from a timer
        menu = QApplication.activePopupWidget()
        if menu is not None:
            seen.append([a.text() for a in menu.actions()])
            menu.close()

    poll = QTimer()
    poll.timeout.connect(read_and_close_menu)
    poll.start(20)
    index = _find_in_tree(window, "country/no")
    window.tree.scrollTo(index)
    pos = window.tree.visualRect(index).center()
    viewport = window.tree.viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)))
    poll.stop()
    assert seen and seen[0][:2] == ["Open", "Compare with…"]


def test_keyboard_shortcuts_work_once_the_window_has_painted(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtGui import QKeySequence

    from htdesk.ui.mainwindow import SEARCH_TAB

    # Attached just after the first paint, which a shown window gets from the event loop.
    qtbot.waitUntil(lambda: window._pending_shortcuts is None, timeout=5000)
    actions = window.actions_by_name
    assert actions["find"].shortcuts()[0] == QKeySequence(QKeySequence.StandardKey.Find)
    assert QKeySequence("Alt+Left") in actions["back"].shortcuts()
    assert actions["search"].shortcuts() == [QKeySequence("Ctrl+K"), QKeySequence("Ctrl+L")]
    window.activateWindow()
    window.open("glossary/kom")
    window.open("country/se")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current == "glossary/kom"  # Alt+Left went back
    qtbot.keyClick(window.reader, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.currentIndex() == SEARCH_TAB  # Ctrl+K opened the search


def test_acronym_link_shows_its_expansion_on_hover(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    window.open("section/3-2-2")
    cursor = window.reader.document().find("KOM")
    assert not cursor.isNull()
    window.reader.setTextCursor(cursor)
    window.reader.ensureCursorVisible()
    rect = window.reader.cursorRect(cursor)
    at = QPoint(rect.x() - 4, rect.center().y())  # over the word's last letters
    viewport = window.reader.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "National Coordination Unit for Victims of Trafficking" in QToolTip.text()


def test_a_new_page_opens_at_its_top(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitExposed(window)
    window.open("country/be")  # Belgium's profile: several screens long
    bar = window.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(bar.maximum())
    window.open("country/se")
    assert bar.value() == 0


def test_a_session_ended_on_the_comparison_starts_fully(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    first = make_window()
    first.open("compare:be,no")
    first.close()
    again = make_window()  # shows the comparison, not the page
    assert again.current.startswith("compare")
    # What waits for the first paint still comes: shortcuts, bookmarks, search.
    qtbot.waitUntil(lambda: again._pending_shortcuts is None and again.search_panel is not None, timeout=5000)


def test_what_follows_the_first_paint_comes_in_steps_that_let_events_through(
    qtbot: QtBot, store: ReportStore, user_dir: Path
) -> None:
    from PySide6.QtCore import QTimer

    w = MainWindow(store, settings(), confirm=lambda *_: False)  # not shown: nothing starts by itself
    qtbot.addWidget(w)
    w._late_init()
    assert w._pending_shortcuts is None  # shortcuts at once: a key may come next
    assert w.search_panel is None  # the rest a step per turn of the event loop
    seen: list[bool] = []
    QTimer.singleShot(0, lambda: seen.append(w.search_panel is None))  # as a click would, queued now
    qtbot.waitUntil(lambda: w.search_panel is not None, timeout=5000)
    assert seen == [True]  # handled before the search was built, not after all of it


def test_a_window_deleted_just_after_its_first_paint_runs_none_of_what_was_to_follow(
    qtbot: QtBot, store: ReportStore, user_dir: Path
) -> None:
    w = MainWindow(store, settings(), confirm=lambda *_: False)
    with qtbot.waitSignal(w.first_paint, timeout=5000):
        w.show()
    w.deleteLater()  # e.g. closed at once: its late steps are still queued
    QApplication.sendPostedEvents(w, QEvent.Type.DeferredDelete)
    qtbot.wait(50)  # a late step run on the deleted window would raise here, failing the test


def test_quit_after_show_also_exits_from_the_comparison(user_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    store = settings()
    store.setValue("session/last_page", "compare:be,no")
    store.sync()
    proc = subprocess.run(
        [sys.executable, "-m", "htdesk", "--quit-after-show"], env=env, capture_output=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]


def _raise(exc: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise exc
    except BaseException as caught:  # the test needs the traceback of a real raise
        return type(caught), caught, caught.__traceback__


def test_an_error_in_the_window_is_a_dialog_and_a_log(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, user_dir: Path
) -> None:
    from htdesk import app
    from htdesk.store.report import DatabaseCorrupt

    shown: list[tuple[str, str]] = []

    def critical(_parent: object, title: str, text: str) -> None:
        shown.append((title, text))
        app.report_error(*_raise(RuntimeError("while the dialog is up")))  # type: ignore[arg-type]

    monkeypatch.setattr(plain, "critical", critical)
    app.report_error(*_raise(ValueError("no such dimension")))  # type: ignore[arg-type]
    app.report_error(*_raise(DatabaseCorrupt("The report database is damaged")))  # type: ignore[arg-type]
    # One dialog each, in plain words; the one raised while a dialog was up is only logged.
    assert [title for title, _ in shown] == ["Something went wrong", "HT Desk cannot read the report"]
    assert "ValueError: no such dimension" in shown[0][1] and str(user_dir / "errors.log") in shown[0][1]
    assert "reinstall" in shown[1][1]
    log = (user_dir / "errors.log").read_text("utf-8")
    assert log.count("Traceback (most recent call last)") == 4  # the two reported, and one raised under each dialog
    assert "ValueError: no such dimension" in log and "RuntimeError: while the dialog is up" in log


# The real app, whose first action after the start raises: the trainer gets a dialog (here printed),
# the window goes on, and the traceback goes to the log, not to the terminal.
FAILING_SLOT_PROBE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from htdesk.ui import plain

plain.critical = lambda parent, title, text: print("DIALOG:", title)
from htdesk.ui import mainwindow

original = mainwindow.MainWindow._late_init

def late(self):
    original(self)

    def broken_action():
        raise RuntimeError("an action that fails")

    QTimer.singleShot(0, broken_action)
    QTimer.singleShot(200, QApplication.quit)

mainwindow.MainWindow._late_init = late
from htdesk.__main__ import main
sys.exit(main([]))
"""


def test_an_error_in_the_running_app_reaches_the_trainer_as_a_dialog(user_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HTDESK_USER_DIR": str(user_dir)}
    proc = subprocess.run([sys.executable, "-c", FAILING_SLOT_PROBE], env=env, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert "DIALOG: Something went wrong" in proc.stdout.decode()
    assert "Traceback" not in proc.stderr.decode()
    assert "RuntimeError: an action that fails" in (user_dir / "errors.log").read_text("utf-8")


# -- small screens ------------------------------------------------------------------------------
def test_a_first_window_fits_the_screen_it_opens_on(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    w = make_window(size=None)  # a fresh profile: no saved geometry
    free = w.screen().availableGeometry()
    assert free.contains(w.frameGeometry()), (free, w.frameGeometry())
    assert w.statusBar().isVisible() and free.contains(w.statusBar().geometry().translated(w.geometry().topLeft()))


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720), (1024, 600), (800, 600), (1920, 1080)])
def test_the_first_window_is_sized_from_the_free_area_of_the_screen(width: int, height: int) -> None:
    from PySide6.QtCore import QRect

    from htdesk.ui.mainwindow import FIRST_SIZE, FRAME_ROOM, first_geometry

    free = QRect(0, 32, width, height - 32 - 40)  # a top panel and a taskbar
    geo = first_geometry(free)
    # The window with room for its title bar above it stays inside the free area.
    assert free.contains(geo.adjusted(0, -(FRAME_ROOM[1] - FRAME_ROOM[0] // 2), 0, 0)), geo
    assert geo.width() <= FIRST_SIZE[0] and geo.height() <= FIRST_SIZE[1]
    if width >= 1600:
        assert (geo.width(), geo.height()) == FIRST_SIZE


def test_a_narrow_window_folds_the_sidebar_away_and_back(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    w = make_window()
    w.resize(1000, 600)
    qtbot.waitUntil(lambda: w.sidebar.isVisible())
    w.resize(480, 600)
    qtbot.waitUntil(lambda: not w.sidebar.isVisible())
    qtbot.waitUntil(lambda: w.reader.width() > 440)  # the page has the window's width
    w.resize(1000, 600)
    qtbot.waitUntil(lambda: w.sidebar.isVisible())
    w.resize(480, 600)
    qtbot.waitUntil(lambda: not w.sidebar.isVisible())
    w.close()  # folded for want of room is not closed by the user
    assert make_window().settings.value("window/sidebar") in (True, "true")


def test_in_a_narrow_window_a_page_chosen_in_the_sidebar_takes_the_room_back(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(480, 600)
    qtbot.waitUntil(lambda: not window.sidebar.isVisible())
    window.actions_by_name["filter_tree"].trigger()  # Ctrl+Shift+F: the sidebar shows, over the page's room
    assert window.sidebar.isVisible()
    qtbot.waitUntil(lambda: window.tree_filter.hasFocus())
    qtbot.keyClicks(window.tree_filter, "KOM")
    window.tree.setFocus()
    window.tree.setCurrentIndex(_find_in_tree(window, "institution/no/kom"))
    qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    assert window.current == "institution/no/kom"
    assert not window.sidebar.isVisible()


def test_the_comparison_takes_the_sidebars_room_in_a_small_window(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1024, 600)
    qtbot.waitUntil(window.sidebar.isVisible)
    window.open("compare:be,no,se")
    assert not window.sidebar.isVisible()  # its own lists and three columns need the room
    window.open("country/be")
    assert window.sidebar.isVisible()  # back on a page: the sidebar is back
    window.resize(1600, 900)
    window.open("compare:be,no,se")
    qtbot.waitUntil(lambda: window.width() >= 1600)
    assert window.sidebar.isVisible()  # room for both


def test_a_page_with_a_wide_table_takes_the_sidebars_room_when_that_lets_it_fit(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.resize(900, 600)
    qtbot.waitUntil(window.sidebar.isVisible)
    window.open("figure/comparison-table")  # six columns of at least 8 ems
    assert not window.sidebar.isVisible()
    qtbot.waitUntil(lambda: window.reader.horizontalScrollBar().maximum() <= 4)  # it fits: no sideways scrolling
    window.open("country/be")
    assert window.sidebar.isVisible()


# -- text sizes -----------------------------------------------------------------------------------
def test_preferences_set_the_text_size_of_the_sidebar_and_lists(
    make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    from htdesk.ui.preferences import PreferencesDialog

    w = make_window()
    usual = w.tree.font().pointSizeF()
    dialog = PreferencesDialog(w)
    qtbot.addWidget(dialog)
    dialog.list_size.setValue(16)
    assert w.tree.font().pointSizeF() == 16 and w.tree_filter.font().pointSizeF() == 16
    w.open("compare:be,no")
    assert w.compare.countries.font().pointSizeF() == 16
    assert w.reader.font().pointSizeF() == usual  # the page has its own zoom
    dialog.zoom.setValue(3)
    assert w.reader.zoom == 3
    w.close()
    again = make_window()
    assert again.tree.font().pointSizeF() == 16 and again.reader.zoom == 3
    again.settings.setValue("view/list_text_size", 0)
    again.close()
    assert make_window().tree.font().pointSizeF() == usual  # the value below the range: the system's size


@pytest.mark.parametrize("bad", ["abc", "1.5", "99", "-40", ""])
def test_a_damaged_text_size_or_zoom_setting_falls_back(make_window: Callable[..., MainWindow], bad: str) -> None:
    first = make_window()
    usual = first.tree.font().pointSizeF()
    first.close()
    s = settings()
    s.setValue("view/list_text_size", bad)
    s.setValue("view/zoom", bad)
    s.sync()
    w = make_window()
    assert w.tree.font().pointSizeF() == usual
    assert w.reader.zoom == 0


def test_opened_page_marks_whole_words_only(window: MainWindow) -> None:
    # "in" of "Awareness campaign in Australia" is the word, never the "in" of "Following".
    window.actions_by_name["search"].trigger()
    assert window.search_panel is not None
    result = search(window.store, "Awareness campaign in Australia")
    window.search_panel.open_requested.emit("practice/awareness-campaign-australia", result.matches)
    marked = [sel.cursor.selectedText() for sel in window.reader.extraSelections()]
    assert "in" in {m.lower() for m in marked}
    text = window.reader.document().toPlainText()
    for sel in window.reader.extraSelections():
        a, b = sel.cursor.selectionStart(), sel.cursor.selectionEnd()
        assert not (a and text[a - 1].isalnum()) and not (b < len(text) and text[b].isalnum())
    # "labor" is marked on a page that says "labour".
    window.search_panel.open_requested.emit("country/be", search(window.store, "labor").matches)
    assert any(sel.cursor.selectedText().lower() == "labour" for sel in window.reader.extraSelections())


def test_ctrl_d_in_the_comparison_files_the_comparison(
    bookmarked_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from htdesk.content.comparison import ComparisonRef
    from htdesk.content.kinds import Dimension
    from htdesk.ui.bookmarks.dialog import BookmarkDialog

    def file_it(dialog: BookmarkDialog) -> int:
        dialog.folder_box.setCurrentText("Session 4")
        dialog.accept()
        return 1

    monkeypatch.setattr(BookmarkDialog, "exec", file_it)
    w = bookmarked_window
    w.open("compare:be,no,se")
    w.compare.set_dimensions([Dimension.NAP, Dimension.RAPPORTEUR])
    star = w.actions_by_name["bookmark"]
    assert star.shortcut().toString() == "Ctrl+D" and not star.isChecked()
    star.trigger()
    service = w.bookmarks
    folder = service.store.folder_named("Session 4")  # type: ignore[union-attr]
    assert folder is not None
    [mark] = service.bookmarks(folder.id)  # type: ignore[union-attr]
    assert mark.title == "Comparison: Belgium, Norway, Sweden"
    assert ComparisonRef.parse(mark.record_id) == ComparisonRef.make(["be", "no", "se"], ["nap", "rapporteur"])
    assert star.isChecked()
    # Opened from the bookmark, the comparison comes back as filed.
    w.open("country/fr")
    assert not star.isChecked()
    assert w.open(mark.record_id)
    assert w.compare.selected_countries() == ["be", "no", "se"]
    assert w.compare.selected_dimensions() == [Dimension.NAP, Dimension.RAPPORTEUR]
    assert star.isChecked()
    assert w.bookmarks_panel is not None


def test_a_report_page_is_still_bookmarked_as_before(
    bookmarked_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from htdesk.ui.bookmarks.dialog import BookmarkDialog

    monkeypatch.setattr(BookmarkDialog, "exec", lambda d: (d.accept(), 1)[1])
    w = bookmarked_window
    w.open("glossary/kom")
    w.actions_by_name["bookmark"].trigger()
    assert w.bookmarks.is_bookmarked("glossary/kom")  # type: ignore[union-attr]


# -- keyboard focus -------------------------------------------------------------------------------
def _ring_from_left(image: QImage, around: str) -> int:
    """Width of the ring at the left edge (middle row): a run of one colour at 3:1 or more against ``around``."""
    from htdesk.render.theme import contrast

    y = image.height() // 2
    for start in range(3):  # antialiasing or a 1 px frame may come first
        colour = image.pixelColor(start, y)
        if colour.alpha() == 255 and contrast(colour.name(), around) >= 3:  # grab() leaves see-through pixels clear
            run = start
            while run < image.width() and image.pixelColor(run, y) == colour:
                run += 1
            return run - start
    return 0


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_kind_of_control_shows_a_2px_focus_ring(window: MainWindow, qtbot: QtBot, theme: str) -> None:
    window.set_theme(theme)
    qtbot.waitUntil(lambda: getattr(QApplication.style(), "focus_ring", False))  # set just after the first paint
    window.focus_search()
    qtbot.keyClicks(window.search_panel.search_edit, "traficking")  # a typo: "Did you mean" offers a spelling
    button = window.search_panel.suggestion_button
    qtbot.waitUntil(button.isVisible)
    around = window.theme.window
    controls = [button, window.search_panel.search_edit, window.search_panel.kind_filter]
    for control in controls:
        control.setFocus()
        qtbot.waitUntil(control.hasFocus)
        assert _ring_from_left(control.grab().toImage(), around) >= 2, control.accessibleName()
        control.clearFocus()
        assert _ring_from_left(control.grab().toImage(), around) < 2, control.accessibleName()
    window.reader.setFocus()
    qtbot.waitUntil(window.reader.hasFocus)
    assert _ring_from_left(window.reader.viewport().grab().toImage(), window.theme.background) >= 2


def test_copy_citation_cites_a_sections_range_and_a_selections_own_page(window: MainWindow) -> None:
    from PySide6.QtGui import QTextCursor

    window.open("section/3-1-3")
    window.actions_by_name["copy_citation"].trigger()
    assert "ICPC report, Chapter III, 1.3, pp. 36–48." in QApplication.clipboard().text()
    # Select a passage printed on p. 40 (Norway: "appears to be exclusively a country of destination").
    doc = window.reader.document()
    found = doc.find("appears to be exclusively a country of destination")
    assert not found.isNull()
    cursor = QTextCursor(found)
    window.reader.setTextCursor(cursor)
    window.actions_by_name["copy_citation"].trigger()
    assert "ICPC report, Chapter III, 1.3, p. 40." in QApplication.clipboard().text()
