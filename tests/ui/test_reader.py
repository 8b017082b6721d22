"""The reading pane as a reader sees it: words wrap whole, tables scroll sideways, zoom scales the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from htdesk.render.html import stylesheet
from htdesk.render.theme import LIGHT
from htdesk.store.report import ReportStore
from htdesk.ui.reader import ReaderView


def _broken_words(doc: QTextDocument) -> list[str]:
    """Words the layout split across two lines: a letter ends one line and another starts the next."""
    broken = []
    block = doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount() - 1):
            end = layout.lineAt(i).textStart() + layout.lineAt(i).textLength()
            if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                broken.append(text[max(0, end - 12) : end + 12])
        block = block.next()
    return broken


@pytest.fixture
def reader(qtbot: QtBot) -> ReaderView:
    view = ReaderView()
    qtbot.addWidget(view)
    view.show()
    return view


@pytest.mark.parametrize("record", ["figure/comparison-table", "institution/no/kom"])
def test_a_narrow_page_never_breaks_a_word_and_scrolls_sideways_for_a_table(
    reader: ReaderView, qtbot: QtBot, bundled_store: ReportStore, record: str
) -> None:
    reader.resize(420, 600)
    reader.show_html(bundled_store.page(record) or "", stylesheet(LIGHT))
    qtbot.waitUntil(lambda: reader.document().pageCount() > 0)
    assert _broken_words(reader.document()) == []
    if "table" in record:
        # The table keeps its columns readable and the page scrolls sideways to them.
        assert reader.horizontalScrollBar().maximum() > 100
        reader.resize(1600, 600)
        # Wide enough, it fits again (a table's 100 % may round a pixel past the view).
        qtbot.waitUntil(lambda: reader.horizontalScrollBar().maximum() <= 2, timeout=2000)


def test_the_comparison_keeps_its_columns_readable_in_a_small_window(
    qtbot: QtBot, store: ReportStore, user_dir: Path
) -> None:
    from htdesk.ui.compare import CompareView
    from htdesk.ui.settings import settings

    view = CompareView(store, settings())
    qtbot.addWidget(view)
    view.resize(700, 600)
    view.show()
    view.set_countries(["au", "be", "no", "se"])
    doc = view.view.document()
    assert "Dimension" in doc.toPlainText()
    assert _broken_words(doc) == []
    assert view.view.horizontalScrollBar().maximum() > 0
