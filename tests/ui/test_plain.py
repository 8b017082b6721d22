"""A hostile bookmarks file: nothing in it becomes markup, and nothing opens a link without asking."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QObject, QPoint, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from htdesk.store.bookmarks import BookmarkStore
from htdesk.store.report import ReportStore
from htdesk.ui.bookmarks.panel import BookmarksPanel
from htdesk.ui.bookmarks.service import BookmarkService
from htdesk.ui.handout import HandoutDialog
from htdesk.ui.mainwindow import MainWindow
from htdesk.ui.settings import settings

TITLE = '<a href="file:///etc/passwd">Norway update</a>'
NOTE = '<a href="http://example.invalid/x">click</a> <img src="file:///etc/passwd">'
FOLDER = '<a href="https://example.invalid/">Session</a> <b>one</b>'
EMPTY = "<b>Empty</b> <a href='file:///etc/passwd'>folder</a>"
HOSTILE = {
    "format": "htdesk-bookmarks",
    "version": 1,
    "folders": [
        {
            "name": FOLDER,
            "notes": "<h1>cover</h1>",
            "bookmarks": [
                {"record_id": "practice/not-in-the-report", "title": TITLE, "note": NOTE},
                {"record_id": "country/no", "title": "<i>Norway</i>", "note": "<u>n</u>"},
            ],
        },
        {"name": EMPTY, "bookmarks": []},
    ],
}


class LinkCatcher(QObject):
    """Stands in for the operating system: every file, http and https URL opened lands here."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def links(qtbot: QtBot) -> Iterator[LinkCatcher]:
    catcher = LinkCatcher()
    for scheme in ("file", "http", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    QDesktopServices.openUrl(QUrl("file:///catcher-check"))
    assert catcher.opened == ["file:///catcher-check"]  # the catcher is in place
    catcher.opened.clear()
    yield catcher
    for scheme in ("file", "http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def shown(label: QLabel) -> str:
    """The text a label shows a person: its HTML read as Qt reads it, or the text itself."""
    fmt, text = label.textFormat(), label.text()
    if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def shown_tooltip(text: str) -> str:
    """A tooltip as QToolTip shows it: HTML when it looks like HTML."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def click_everywhere(qtbot: QtBot, label: QLabel) -> None:
    """Click the label all over, as a curious user would: a live link under any point opens."""
    for y in range(2, label.height(), 6):
        for x in range(2, label.width(), 6):
            qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(x, y))


def message_label(box: QMessageBox) -> QLabel:
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None
    return label


def check_box(qtbot: QtBot, box: QMessageBox, links: LinkCatcher, *literal: str) -> None:
    """Clicking the box's text opens nothing, and it shows each of ``literal`` as typed."""
    label = message_label(box)
    click_everywhere(qtbot, label)
    assert links.opened == []
    for text in literal:
        assert text in shown(label), shown(label)


def on_next_modal(qtbot: QtBot, check: Callable[[QWidget], None]) -> list[QWidget]:
    """Run ``check`` on the next modal dialog (exec() blocks the test), then close it."""
    seen: list[QWidget] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, look)
            return
        seen.append(modal)
        try:
            check(modal)
        finally:
            modal.close()

    QTimer.singleShot(0, look)
    return seen


@pytest.fixture
def imported(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, store: ReportStore
) -> Iterator[BookmarksPanel]:
    """The bookmarks panel after a trainer imported the hostile file through its Import command."""
    path = tmp_path / "shared.json"
    path.write_text(json.dumps(HOSTILE), encoding="utf-8")
    bookmarks = BookmarkStore(tmp_path / "bookmarks.sqlite")
    service = BookmarkService(bookmarks, poll_ms=0)
    panel = BookmarksPanel(service, exists=lambda rid: store.summary(rid) is not None)
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    panel.show()
    qtbot.waitExposed(panel)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    panel.import_bookmarks()
    for box in panel.findChildren(QMessageBox):
        box.close()
    panel.model.reload()
    yield panel
    bookmarks.close()


def _index_of(panel: BookmarksPanel, title: str):
    for row in range(panel.proxy.rowCount()):
        folder = panel.proxy.index(row, 0)
        for r in range(panel.proxy.rowCount(folder)):
            index = panel.proxy.index(r, 0, folder)
            if panel.model.bookmark_at(panel.proxy.mapToSource(index)).title == title:  # type: ignore[union-attr]
                return index
    raise AssertionError(title)


def test_the_missing_bookmark_dialog_shows_the_title_as_text_and_opens_nothing(
    imported: BookmarksPanel, qtbot: QtBot, links: LinkCatcher
) -> None:
    imported.tree.setCurrentIndex(_index_of(imported, TITLE))
    imported.tree.setFocus()
    qtbot.keyClick(imported.tree, Qt.Key.Key_Return)
    boxes = [b for b in imported.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    check_box(qtbot, boxes[0], links, TITLE, "no longer in the report")
    assert links.opened == []


def test_an_error_quoting_a_folder_name_shows_it_as_text(
    imported: BookmarksPanel, qtbot: QtBot, links: LinkCatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (FOLDER, True))
    imported.new_folder()  # that name is taken: the error quotes it
    boxes = [b for b in imported.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    check_box(qtbot, boxes[0], links, FOLDER, "already a folder")
    assert links.opened == []


def test_tooltips_show_titles_notes_and_folder_names_as_text(imported: BookmarksPanel) -> None:
    row = _index_of(imported, TITLE)
    tip = shown_tooltip(row.data(Qt.ItemDataRole.ToolTipRole))
    assert TITLE in tip and NOTE in tip
    folder_tip = shown_tooltip(row.parent().data(Qt.ItemDataRole.ToolTipRole))
    assert FOLDER in folder_tip and "<h1>cover</h1>" in folder_tip


def test_the_note_editor_reads_no_title_as_markup(imported: BookmarksPanel, qtbot: QtBot, links: LinkCatcher) -> None:
    imported.tree.setCurrentIndex(_index_of(imported, TITLE))

    def check(dialog: QWidget) -> None:
        labels = dialog.findChildren(QLabel)
        for label in labels:
            click_everywhere(qtbot, label)
        assert any(TITLE in shown(label) for label in labels), [label.text() for label in labels]

    seen = on_next_modal(qtbot, check)
    imported.edit_note()
    assert seen and links.opened == []


def test_the_handout_dialog_names_an_empty_folder_as_text(
    imported: BookmarksPanel,
    store: ReportStore,
    qtbot: QtBot,
    links: LinkCatcher,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = HandoutDialog(store, imported.model.service)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setCurrentIndex(1)  # the empty one
    out = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    def check(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        check_box(qtbot, box, links, EMPTY, "has no bookmarks yet")

    seen = on_next_modal(qtbot, check)
    dialog.save_pdf()
    assert seen and not out.exists()
    dialog.preview()
    click_everywhere(qtbot, dialog.status)
    assert links.opened == []
    assert EMPTY in shown(dialog.status) and "has no bookmarks yet" in shown(dialog.status)


def test_only_the_confirmed_path_opens_an_external_link(
    qtbot: QtBot, store: ReportStore, user_dir: Path, links: LinkCatcher
) -> None:
    answers: list[bool] = [False, True]
    w = MainWindow(store, settings(), confirm=lambda *_: answers.pop(0))
    qtbot.addWidget(w)
    url = QUrl("https://example.invalid/report")
    w.reader.anchorClicked.emit(url)  # declined
    assert links.opened == []
    w.reader.anchorClicked.emit(url)  # confirmed
    assert links.opened == ["https://example.invalid/report"]
    w.reader.anchorClicked.emit(QUrl("file:///etc/passwd"))  # never, not even asked
    assert links.opened == ["https://example.invalid/report"] and answers == []


def test_no_widget_opens_links_by_itself(
    qtbot: QtBot, store: ReportStore, user_dir: Path, imported: BookmarksPanel
) -> None:
    w = MainWindow(store, settings(), confirm=lambda *_: False, bookmarks=imported.model.service)
    qtbot.addWidget(w)
    w.show()
    w._install_bookmarks()
    w._install_search()
    w.open("compare:be,no")
    dialog = HandoutDialog(store, imported.model.service, w)
    qtbot.addWidget(dialog)
    for widget in [w, imported, dialog]:
        for label in widget.findChildren(QLabel):
            assert not label.openExternalLinks(), label.text()
        for browser in widget.findChildren(QTextBrowser):
            assert not browser.openExternalLinks() and not browser.openLinks()
