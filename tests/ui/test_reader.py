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
    for layout, heading in (("sheet", "At a glance"), ("full", "Dimension")):  # both of the view's layouts
        view.set_layout(layout)
        doc = view.view.document()
        assert heading in doc.toPlainText()
        assert _broken_words(doc) == []
        assert view.view.horizontalScrollBar().maximum() > 0


def _sizes(doc: QTextDocument) -> dict[str, float]:
    """The point size each kind of text is drawn at: body, citation, Source line, badge, title."""
    found: dict[str, float] = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            text, size = frag.text().strip(), frag.charFormat().font().pointSizeF()
            if text.startswith("ICPC report, Chapter"):
                found.setdefault("citation", size)
            elif text.startswith("Source: ICPC report"):
                found.setdefault("source", size)
            elif text == "National rapporteur":
                found.setdefault("badge", size)
            elif text == "Sweden":
                found.setdefault("title", size)
            elif len(text) > 80:
                found.setdefault("body", size)
            it += 1
        block = block.next()
    return found


def test_zoom_scales_citations_the_source_line_and_badges_with_the_text(
    reader: ReaderView, bundled_store: ReportStore
) -> None:
    reader.show_html(bundled_store.page("country/se") or "", stylesheet(LIGHT))
    at = {}
    for steps in (-4, 0, 8):
        reader.set_zoom(steps)
        at[steps] = _sizes(reader.document())
        assert set(at[steps]) == {"body", "citation", "source", "badge", "title"}, at[steps]
        # Small print stays smaller than the text and the title larger, at every zoom.
        small = ("citation", "source", "badge")
        assert all(at[steps][k] < at[steps]["body"] < at[steps]["title"] for k in small), at[steps]
    for kind in at[0]:
        # Everything grows and shrinks together, in proportion to the text.
        assert at[8][kind] / at[8]["body"] == pytest.approx(at[0][kind] / at[0]["body"], rel=0.05), kind
        assert at[-4][kind] / at[-4]["body"] == pytest.approx(at[0][kind] / at[0]["body"], rel=0.05), kind
