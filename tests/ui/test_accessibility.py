"""What a screen reader meets: every control has a name, and pages have real headings and lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from htdesk.store.report import ReportStore
from htdesk.ui.mainwindow import MainWindow
from htdesk.ui.settings import settings

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar, QTextEdit)


def _unnamed(root: QWidget) -> list[str]:
    """Controls under ``root`` whose accessible name (what a screen reader says) is empty."""
    missing = []
    for w in [root, *root.findChildren(QWidget)]:
        if not isinstance(w, CONTROLS) or isinstance(w, QScrollBar):
            continue
        if w.objectName().startswith("qt_"):  # Qt's own parts (a toolbar's overflow arrow, tab scrollers)
            continue
        if w is not root and not w.isVisibleTo(root):  # a closed popup, a hidden header
            continue
        parent = w.parentWidget()
        # A part of a named control; a line edit's clear button takes no focus (Esc-like, by mouse).
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QTabBar, QLineEdit)):
            continue
        iface = QAccessible.queryAccessibleInterface(w)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.strip():
            missing.append(f"{type(w).__name__} in {type(parent).__name__ if parent else '-'} {w.objectName()}")
    return missing


def test_every_control_has_an_accessible_name(qtbot: QtBot, store: ReportStore, user_dir: Path, tmp_path: Path) -> None:
    from htdesk.store.bookmarks import BookmarkStore
    from htdesk.ui.bookmarks.service import BookmarkService
    from htdesk.ui.preferences import PreferencesDialog

    service = BookmarkService(BookmarkStore(tmp_path / "bookmarks.sqlite"))
    w = MainWindow(store, settings(), bookmarks=service)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.search_panel is not None and w.bookmarks_panel is not None, timeout=5000)
    w.actions_by_name["find"].trigger()  # the find bar
    w.open("compare:be,no")  # the comparison's lists, options and buttons
    w.focus_search()
    w.search_panel.set_query("traficking")  # "Did you mean"
    dialog = PreferencesDialog(w)
    qtbot.addWidget(dialog)
    dialog.show()
    for tab in range(w.sidebar.count()):  # contents, search, bookmarks: each shown in turn
        w.sidebar.setCurrentIndex(tab)
        assert _unnamed(w) == [], w.sidebar.tabText(tab)
    assert _unnamed(dialog) == []
    # The walk does find a control nobody named.
    from PySide6.QtWidgets import QComboBox

    QComboBox(w.search_panel).show()
    w.sidebar.setCurrentIndex(1)
    assert len(_unnamed(w)) == 1


def _structure(doc: QTextDocument) -> tuple[dict[int, list[str]], int]:
    """The document's headings by level, and how many of its paragraphs are list items."""
    headings: dict[int, list[str]] = {}
    items = 0
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level:
            headings.setdefault(level, []).append(block.text())
        if block.textList() is not None:
            items += 1
        block = block.next()
    return headings, items


@pytest.mark.parametrize(
    ("record", "h1", "h2"),
    [
        (
            "institution/no/kom",
            "National Coordinating Unit for Victims of Trafficking (KOM)",
            ["Composition", "Mission"],
        ),
        ("country/se", "Sweden", ["Origin, transit, destination", "Victims"]),
        ("home", "HT Desk", ["Countries", "Prevention practices by theme"]),
    ],
)
def test_pages_have_real_headings_and_lists(
    qtbot: QtBot, store: ReportStore, user_dir: Path, record: str, h1: str, h2: list[str]
) -> None:
    w = MainWindow(store, settings())
    qtbot.addWidget(w)
    assert w.open(record)
    headings, items = _structure(w.reader.document())
    assert headings.get(1) == [h1]  # one title, a level-1 heading (not a big bold paragraph)
    assert headings.get(2, [])[: len(h2)] == h2
    assert items >= 2  # bullet lists are lists


def test_every_action_of_the_window_is_in_a_menu(qtbot: QtBot, store: ReportStore, user_dir: Path) -> None:
    """So the keyboard reaches each of them through the menu bar (F10 or Alt), shortcut or not."""
    from PySide6.QtWidgets import QMenu

    w = MainWindow(store, settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: hasattr(w, "history_menu"))
    in_menus = set()
    menus = [a.menu() for a in w.menuBar().actions() if a.menu()]
    while menus:
        menu = menus.pop()
        for act in menu.actions():
            in_menus.add(act)
            if isinstance(act.menu(), QMenu):
                menus.append(act.menu())
    missing = [a.text() for a in w.actions_by_name.values() if a not in in_menus]
    assert missing == []


def test_tab_goes_from_the_filter_to_the_contents_to_the_page_and_its_links(
    qtbot: QtBot, store: ReportStore, user_dir: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    w = MainWindow(store, settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.open("country/no")
    w.tree_filter.setFocus()
    qtbot.waitUntil(w.tree_filter.hasFocus)
    order = []
    for _ in range(4):
        focused = QApplication.focusWidget()
        order.append(focused.accessibleName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert order[:3] == ["Filter contents", "Contents", "Page"]
    assert w.reader.focused_link_rects()  # in the page, Tab goes from link to link
