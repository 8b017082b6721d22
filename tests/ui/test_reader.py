"""The reading pane as a reader sees it: words wrap whole, tables scroll sideways, zoom scales the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from htdesk.render.html import stylesheet
from htdesk.render.theme import DARK, LIGHT, Theme
from htdesk.store.report import ReportStore
from htdesk.ui.reader import MAX_ZOOM, ReaderView
from tests.textlayout import broken_words


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
    assert broken_words(reader.document()) == []
    if "table" in record:
        # The table keeps its columns readable and the page scrolls sideways to them.
        assert reader.horizontalScrollBar().maximum() > 100
        reader.resize(1600, 600)
        # Wide enough, it fits again (a table's 100 % may round a pixel past the view).
        qtbot.waitUntil(lambda: reader.horizontalScrollBar().maximum() <= 2, timeout=2000)


def test_a_table_that_grows_past_the_view_gets_its_sideways_scroll_bar(
    reader: ReaderView, qtbot: QtBot, bundled_store: ReportStore
) -> None:
    # The bar follows the page's size from the first paint on, not only the view's size.
    with qtbot.waitSignal(reader.first_painted):
        reader.resize(1000, 600)
        reader.update()
    reader.show_html(bundled_store.page("figure/comparison-table") or "", stylesheet(LIGHT))
    qtbot.waitUntil(lambda: reader.horizontalScrollBar().maximum() <= 2)
    reader.set_zoom(MAX_ZOOM)  # the same view, a larger text: the table no longer fits
    qtbot.waitUntil(lambda: reader.horizontalScrollBar().maximum() > 100)


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
        assert broken_words(doc) == []
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


def _ring_width(image: QImage, x: int, y: int, dx: int, colour: QColor) -> int:
    """How many pixels of ``colour`` run from (x, y) in direction dx (+1 right, -1 left)."""
    run, seen = 0, False
    for _ in range(8):
        if image.pixelColor(x, y) == colour:
            run, seen = run + 1, True
        elif seen:
            break
        x += dx
    return run


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_keyboard_focus_on_the_page_and_on_its_links_is_a_clear_ring(
    reader: ReaderView, qtbot: QtBot, bundled_store: ReportStore, theme: Theme
) -> None:
    reader.resize(700, 500)
    reader.set_highlight_colour(theme)
    reader.show_html(bundled_store.page("institution/no/kom") or "", stylesheet(theme))
    reader.setFocus()
    qtbot.waitUntil(reader.hasFocus)
    ring = QColor(theme.focus)
    # The page itself: a frame inside its edge, 2 px or more, in the focus colour (>= 3:1, see test_theme).
    image = reader.viewport().grab().toImage()
    mid = image.height() // 2
    assert _ring_width(image, 0, mid, +1, ring) >= 2
    assert _ring_width(image, image.width() - 1, mid, -1, ring) >= 2
    # Tab moves to the first link (the breadcrumbs' Home): a ring round it, not a dotted 1 px box.
    qtbot.keyClick(reader, Qt.Key.Key_Tab)
    rects = reader.focused_link_rects()
    assert rects, "Tab reached no link"
    image = reader.viewport().grab().toImage()
    r = rects[0]
    assert _ring_width(image, r.left() - 4, r.center().y(), +1, ring) >= 2
    assert _ring_width(image, r.right() + 4, r.center().y(), -1, ring) >= 2
    reader.clearFocus()
    qtbot.waitUntil(lambda: not reader.hasFocus())
    image = reader.viewport().grab().toImage()
    assert _ring_width(image, 0, mid, +1, ring) == 0  # no focus, no ring


def test_a_web_address_in_a_footnote_is_a_link_that_asks_first(
    qtbot: QtBot, store: ReportStore, user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    from htdesk.ui.mainwindow import MainWindow
    from htdesk.ui.settings import settings

    asked: list[str] = []
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    w = MainWindow(store, settings(), confirm=lambda _parent, url: asked.append(url.toString()) or False)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    w.open("section/executive-summary")
    href = "http://www.publicsafety.gc.ca/cnt/rsrcs/pblctns/ntnl-ctnpln-cmbt/index-eng.aspx"
    doc = w.reader.document()
    cursor = doc.find(href)  # the address as the footnote prints it
    assert not cursor.isNull() and cursor.charFormat().anchorHref() == href  # a link, not grey text
    w.reader.setTextCursor(cursor)
    w.reader.ensureCursorVisible()
    point = w.reader.cursorRect(cursor).center()
    point.setX(point.x() - 20)
    qtbot.mouseClick(w.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert asked == [href] and opened == []  # the confirmation first; declined, nothing opens
