"""Tabs, as Kiwix, Zeal and GoldenDict have them: one tab behaves as before; more come back after a restart."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from htdesk.ui.mainwindow import MainWindow
from htdesk.ui.settings import settings


def _link_point(w: MainWindow, href: str) -> QPoint:
    """Where on the page the link to ``href`` is drawn (viewport coordinates)."""
    doc = w.reader.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().anchorHref() == href:
                cursor = w.reader.textCursor()
                cursor.setPosition(frag.position() + 1)
                return w.reader.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(href)


def test_one_tab_shows_no_tab_bar(make_window: Callable[[], MainWindow]) -> None:
    w = make_window()
    w.open("country/no")
    assert w.tab_bar is None or not w.tab_bar.isVisible()
    w.actions_by_name["close_tab"].trigger()  # the last tab stays
    assert w.current == "country/no"


def test_ctrl_click_and_middle_click_open_a_link_in_a_new_tab(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    w = make_window()
    w.open("institution/no/kom")
    qtbot.mouseClick(
        w.reader.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, _link_point(w, "ht:home")
    )
    assert w.tab_bar is not None and w.tab_bar.isVisible() and w.tab_bar.count() == 2
    assert w.current == "home" and w.tab_index == 1
    w.switch_tab(0)
    assert w.current == "institution/no/kom"
    qtbot.mouseClick(w.reader.viewport(), Qt.MouseButton.MiddleButton, pos=_link_point(w, "ht:country/no"))
    assert w.tab_bar.count() == 3 and w.current == "country/no" and w.tab_index == 1  # just after its opener
    assert w.tab_bar.tabText(1) == "Norway"


def test_keys_open_switch_and_close_tabs(make_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    w = make_window()
    w.open("country/be")
    qtbot.keyClick(w, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # Ctrl+T: a new tab, at home
    assert w.tab_bar is not None and w.tab_bar.count() == 2 and w.current == "home"
    w.open("country/se")
    qtbot.keyClick(w, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Tab: the next, round to the first
    assert w.current == "country/be"
    qtbot.keyClick(w, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.current == "country/se"
    w.go_back()  # each tab has its own history
    assert w.current == "home"
    qtbot.keyClick(w, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # Ctrl+W
    assert w.tab_bar.count() == 1 and w.current == "country/be" and not w.tab_bar.isVisible()


def test_tabs_come_back_after_a_restart(make_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    w = make_window()
    w.open("country/be")
    w.new_tab("country/no")
    w.open("glossary/kom")
    w.new_tab("country/se")
    w.switch_tab(1)  # the Norway tab, now at KOM
    w.close()
    again = make_window()
    assert again.tab_bar is not None and again.tab_bar.count() == 3
    assert [again.tab_bar.tabText(i) for i in range(3)] == ["Belgium", "KOM", "Sweden"]
    assert again.tab_index == 1 and again.current == "glossary/kom"
    again.go_back()
    assert again.current == "country/no"  # the tab's history came back too
    again.switch_tab(2)
    assert again.current == "country/se"


def test_a_damaged_saved_tab_list_gives_one_tab(make_window: Callable[[], MainWindow]) -> None:
    s = settings()
    s.setValue("session/tabs", "junk\t0|")
    s.setValue("session/tab_index", "x")
    s.setValue("session/last_page", "country/be")
    s.sync()
    w = make_window()
    assert w.current == "country/be" and len(w.tab_histories) == 1


@pytest.mark.parametrize(
    ("button", "modifier"),
    [
        (Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier),
        (Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_ctrl_click_or_middle_click_in_the_contents_opens_a_new_tab(
    make_window: Callable[[], MainWindow], qtbot: QtBot, button: Qt.MouseButton, modifier: Qt.KeyboardModifier
) -> None:
    w = make_window()
    w.open("country/be")
    index = w.tree.model().index(0, 0)  # "Report"'s first node is a grouping: take a record below it
    w.tree.expand(index)
    child = w.tree.model().index(0, 0, index)
    rid = child.data(Qt.ItemDataRole.UserRole + 1)
    assert rid
    qtbot.mouseClick(w.tree.viewport(), button, modifier, w.tree.visualRect(child).center())
    assert len(w.tab_histories) == 2 and w.current == rid
    w.switch_tab(0)
    assert w.current == "country/be"
