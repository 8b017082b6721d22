"""Where the reader was: scroll positions per history entry and across restarts, the history menus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from htdesk.store.report import ReportStore
from htdesk.ui.mainwindow import MainWindow
from htdesk.ui.settings import settings


def _scroll_down(w: MainWindow, qtbot: QtBot, to: int) -> None:
    bar = w.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > to)
    bar.setValue(to)
    assert bar.value() == to


def test_back_and_forward_return_to_where_the_reader_was(make_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    w = make_window()
    w.open("country/be")  # several screens long
    _scroll_down(w, qtbot, 600)
    w.reader.internal_link.emit("country/se")  # a link followed
    assert w.current == "country/se" and w.scroll_position() == 0  # a new page opens at its top
    _scroll_down(w, qtbot, 300)
    w.go_back()
    assert w.current == "country/be"
    qtbot.waitUntil(lambda: w.scroll_position() == 600)
    w.go_forward()
    assert w.current == "country/se"
    qtbot.waitUntil(lambda: w.scroll_position() == 300)


def test_a_restart_restores_page_position_search_text_and_compare_selection(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    w = make_window()
    w.open("compare:be,no,se")
    w.focus_search()
    w.search_panel.set_query("national rapporteur")
    w.open("country/no")
    w.open("country/be")
    _scroll_down(w, qtbot, 500)
    w.close()

    again = make_window()
    assert again.current == "country/be"
    qtbot.waitUntil(lambda: again.scroll_position() == 500)
    qtbot.waitUntil(lambda: again.search_panel is not None)  # made just after the first paint
    assert again.search_panel.search_edit.text() == "national rapporteur"
    assert again.compare.selected_countries() == ["be", "no", "se"]
    # The history came back too: Back goes to Norway, then to the comparison.
    again.go_back()
    assert again.current == "country/no"
    again.go_back()
    assert again.current.startswith("compare")


def test_go_history_and_backs_menu_list_recent_pages(make_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    w = make_window()
    for page in ("country/be", "country/no", "glossary/kom", "country/se"):
        w.open(page)
    qtbot.waitUntil(lambda: hasattr(w, "history_menu"))  # attached just after the first paint
    w._fill_history_menu(w.history_menu)
    titles = [a.text() for a in w.history_menu.actions()]
    assert titles[:4] == ["Sweden", "KOM", "Norway", "Belgium"]  # newest first
    assert w.history_menu.actions()[0].isChecked()
    back: QMenu = w.back_menu
    w._fill_history_menu(back, back_only=True)
    assert [a.text() for a in back.actions()][:3] == ["KOM", "Norway", "Belgium"]
    back.actions()[1].trigger()  # straight back to Norway
    assert w.current == "country/no"
    assert w.history.can_forward()  # the pages after it are still there
    w._fill_history_menu(w.history_menu)
    assert [a.text() for a in w.history_menu.actions() if a.isChecked()] == ["Norway"]


@pytest.mark.parametrize("bad", ["1|x", "junk", "0|12", "5|0 home", "-1|0 home", "0|abc home", "0|0 a b"])
def test_a_damaged_saved_history_is_ignored(make_window: Callable[[], MainWindow], bad: str) -> None:
    s = settings()
    s.setValue("session/history", bad)
    s.setValue("session/last_page", "country/be")
    s.sync()
    w = make_window()
    assert w.current == "country/be" and not w.history.can_back()


@pytest.mark.parametrize(
    ("width", "last", "sidebar"),
    [(600, "country/be", False), (1000, "compare:be,no", False), (1000, "country/be", True)],
)
def test_a_start_in_a_small_window_gives_the_page_the_room_it_needs(
    qtbot: QtBot, store: ReportStore, user_dir: Path, width: int, last: str, sidebar: bool
) -> None:
    from PySide6.QtCore import QRect

    s = settings()
    s.setValue("session/last_page", last)
    s.sync()
    w = MainWindow(store, s)
    qtbot.addWidget(w)
    w.setGeometry(QRect(0, 0, width, 600))
    w.show()
    qtbot.waitExposed(w)
    assert w.sidebar.isVisible() is sidebar
