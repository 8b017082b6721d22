"""The search panel, driven by the keyboard as a trainer would: debounce, groups, arrows, Enter, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPalette
from pytestqt.qtbot import QtBot

from htdesk.content.models import Kind
from htdesk.store.report import ReportStore
from htdesk.store.search import HL_END, HL_START, KIND_LABELS, search
from htdesk.ui.appearance import marked_colours
from htdesk.ui.search_panel import (
    DEBOUNCE_MS,
    PARTIAL_LABEL,
    HitDelegate,
    HitRole,
    KindRole,
    SearchPanel,
    SearchResultsModel,
    _elide,
    _fit,
    snippet_segments,
)


@pytest.fixture
def panel(qtbot: QtBot, store: ReportStore) -> SearchPanel:
    p = SearchPanel(store)
    qtbot.addWidget(p)
    p.resize(420, 640)
    p.show()
    qtbot.waitExposed(p)
    return p


def groups(p: SearchPanel) -> list[str]:
    return [p.model.index(r, 0).data() for r in range(p.model.rowCount())]


def type_and_wait(qtbot: QtBot, p: SearchPanel, text: str) -> None:
    p.focus_search()
    qtbot.keyClicks(p.search_edit, text)
    qtbot.waitUntil(lambda: p.result is not None and p.result.query == text, timeout=2000)


def test_results_appear_grouped_after_the_debounce(qtbot: QtBot, panel: SearchPanel) -> None:
    panel.focus_search()
    qtbot.keyClicks(panel.search_edit, "KOM")
    assert panel.model.rowCount() == 0  # typing does not search on every key
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=DEBOUNCE_MS * 10)
    names = groups(panel)
    assert names[0] == "Glossary (1)"
    assert any(n.startswith("Institutions (") for n in names)
    first = panel.model.index(0, 0, panel.model.index(0, 0))
    assert first.data(HitRole).id == "glossary/kom"
    assert panel.view.isExpanded(panel.model.index(0, 0))
    assert panel.status_label.text().endswith(("results", "shown)"))


def test_arrows_and_enter_open_the_chosen_result(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "KOM")
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Down)
    assert groups(panel)[:2] == ["Glossary (1)", "Institutions (6)"]
    assert panel.search_edit.hasFocus()  # arrows move the results, the cursor stays in the box
    assert panel.view.currentIndex().data(HitRole).id == "institution/no/kom"
    with qtbot.waitSignal(panel.open_requested) as blocker:
        qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    record_id, matches = blocker.args
    assert record_id == "institution/no/kom"
    assert matches.words == ("kom",) and matches.prefixes == ("kom",)
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Up)
    assert panel.view.currentIndex().data(HitRole).id == "glossary/kom"


def test_enter_right_after_typing_opens_the_best_match(qtbot: QtBot, panel: SearchPanel) -> None:
    panel.focus_search()
    qtbot.keyClicks(panel.search_edit, "truck drivers")
    with qtbot.waitSignal(panel.open_requested) as blocker:
        qtbot.keyClick(panel.search_edit, Qt.Key.Key_Enter)
    assert blocker.args[0] == "practice/truckstop"
    assert {"truck", "drivers"} <= set(blocker.args[1].prefixes)


def test_open_passes_word_forms_to_highlight(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "coordinate")
    with qtbot.waitSignal(panel.open_requested) as blocker:
        qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    assert {"coordinate", "coordination"} <= set(blocker.args[1].words)


def test_escape_clears(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "hotline")
    assert panel.model.rowCount() > 0
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Escape)
    assert panel.search_edit.text() == ""
    assert panel.model.rowCount() == 0
    assert panel.status_label.text() == ""


def test_filters_narrow_and_show_counts(qtbot: QtBot, panel: SearchPanel, store: ReportStore) -> None:
    type_and_wait(qtbot, panel, "police")
    expected = search(store, "police")
    institutions = panel.kind_filter.findData(Kind.INSTITUTION.value)
    assert panel.kind_filter.itemText(institutions) == f"Institutions ({expected.counts[Kind.INSTITUTION]})"
    norway = panel.country_filter.findData("no")
    assert panel.country_filter.itemText(norway) == f"Norway ({expected.country_counts['no']})"

    panel.kind_filter.setCurrentIndex(institutions)
    assert groups(panel) == [f"Institutions ({expected.counts[Kind.INSTITUTION]})"]
    panel.country_filter.setCurrentIndex(norway)
    narrowed = search(store, "police", kind="institution", country="no")
    assert groups(panel) == [f"Institutions ({narrowed.total})"]
    hits = [ix.data(HitRole) for ix in panel.model.hit_indexes()]
    assert hits and all(h.id.startswith("institution/no/") for h in hits)
    # The kind list now counts within Norway: what each other choice would give.
    within_norway = search(store, "police", country="no")
    assert panel.kind_filter.itemText(institutions) == f"Institutions ({within_norway.counts[Kind.INSTITUTION]})"


def test_a_typo_shows_the_corrected_results_and_offers_the_text_as_typed(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "rapoteur")
    assert panel.model.rowCount() > 0  # the results for "rapporteur", straight away
    assert panel.suggestion_label.text() == "Showing results for rapporteur;"
    assert panel.suggestion_button.isVisible()
    assert panel.suggestion_button.text() == "search for rapoteur instead"
    qtbot.mouseClick(panel.suggestion_button, Qt.MouseButton.LeftButton)
    assert panel.search_edit.text() == "rapoteur"
    assert panel.status_label.text() == "No results"
    assert panel.suggestion_label.text() == "Did you mean:" and panel.suggestion_button.text() == "rapporteur"
    # "Did you mean" is a link, and reached by Tab shows that it has the focus.
    assert "underline" in panel.suggestion_button.styleSheet() and ":focus" in panel.suggestion_button.styleSheet()
    qtbot.mouseClick(panel.suggestion_button, Qt.MouseButton.LeftButton)
    assert panel.search_edit.text() == "rapporteur"
    assert panel.model.rowCount() > 0
    assert not panel.suggestion_button.isVisible()


def test_no_results_is_plain(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, '( "*^ zzqqxx')
    assert panel.status_label.text() == "No results"
    assert panel.model.rowCount() == 0


def test_focus_search_selects_the_text(qtbot: QtBot, panel: SearchPanel) -> None:
    panel.search_edit.setText("victims")
    panel.view.setFocus()
    panel.focus_search()
    assert panel.search_edit.hasFocus()
    assert panel.search_edit.selectedText() == "victims"
    assert panel.search_edit.accessibleName() == "Search the report"


def test_result_rows_paint(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "Grunerlokka")
    image = panel.view.viewport().grab().toImage()
    assert not image.isNull()
    row = panel.model.hit_indexes()[0]
    assert panel.view.visualRect(row).height() > panel.view.visualRect(row.parent()).height()


@pytest.mark.parametrize("text", ["KOM", "norway", "coordinat", "a", "forced begging"])
def test_panel_shows_what_search_returns(qtbot: QtBot, panel: SearchPanel, store: ReportStore, text: str) -> None:
    panel.set_query(text)
    expected = search(store, text, limit=30)
    partial = [f"{PARTIAL_LABEL} ({expected.partial_total})"] if expected.partial else []
    assert groups(panel) == [f"{KIND_LABELS[k]} ({expected.counts[k]})" for k, _ in expected.grouped()] + partial
    shown = [h for _, hits in expected.grouped() for h in hits] + expected.partial
    assert [ix.data(HitRole) for ix in panel.model.hit_indexes()] == shown
    # Every group is open (expanded one by one, not by expandAll()), and laid out once shown.
    assert all(panel.view.isExpanded(panel.model.index(r, 0)) for r in range(panel.model.rowCount()))
    qtbot.waitUntil(lambda: panel.view.visualRect(panel.model.hit_indexes()[0]).height() > 0)
    # A repeated search leaves each filter text as it was (set only when it changes).
    before = [panel.kind_filter.itemText(i) for i in range(panel.kind_filter.count())]
    panel.run_search()
    assert [panel.kind_filter.itemText(i) for i in range(panel.kind_filter.count())] == before


def test_hit_rows_are_four_lines_of_the_view_font(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "hotline")
    line = QFontMetrics(panel.view.font()).height()
    for ix in panel.model.hit_indexes()[:5]:
        assert panel.view.visualRect(ix).height() == 4 * line + 2 * HitDelegate.PAD
    # The model turns away roles it has no answer for.
    assert panel.model.hit_indexes()[0].data(Qt.ItemDataRole.DecorationRole) is None
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_snippet_segments() -> None:
    assert snippet_segments(f"a {HL_START}b{HL_END} c {HL_START}d{HL_END}") == [
        ("a ", False), ("b", True), (" c ", False), ("d", True)
    ]  # fmt: skip


def test_results_model_passes_qt_model_tester(qtmodeltester: object, store: ReportStore) -> None:
    model = SearchResultsModel()
    model.set_result(search(store, "norway"))
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    group = model.index(0, 0)
    assert Kind(group.data(KindRole)) is Kind.COUNTRY  # the country profile ranks first
    assert model.index(0, 0, group).data(HitRole) is not None
    assert not model.flags(group) & Qt.ItemFlag.ItemIsSelectable
    assert model.parent(model.index(0, 0, group)) == group
    assert model.parent(QModelIndex()) == QModelIndex()


def test_painted_row_shows_title_where_and_marked_snippet(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "victims of trafficking")
    row = panel.model.hit_indexes()[0]
    hit = row.data(HitRole)
    rect = panel.view.visualRect(row)
    pad, font = HitDelegate.PAD, panel.view.font()
    text = panel.delegate.row_text(hit, font, rect.width() - 2 * pad)
    bold = QFont(font)
    bold.setBold(True)
    assert text.title == QFontMetrics(bold).elidedText(hit.title, Qt.TextElideMode.ElideRight, rect.width() - 2 * pad)
    assert text.where == QFontMetrics(font).elidedText(hit.where, Qt.TextElideMode.ElideRight, rect.width() - 2 * pad)
    shown = "".join(t for _, t, _, _ in text.runs).strip("…")
    assert shown and shown in hit.snippet_text  # elided at the end, and maybe its lead-in at the start
    assert any(hl and t for _, t, _, hl in text.runs)
    # What is painted: dark title text on the first line, the marked words' fill on the third.
    image = panel.view.viewport().grab().toImage()
    line = QFontMetrics(font).height()
    x0, x1 = rect.left() + pad, rect.right() - pad

    def colours(y0: int, y1: int) -> set[int]:
        return {image.pixel(x, y) for y in range(y0, y1) for x in range(x0, x1, 2)}

    selected = panel.view.selectionModel().isSelected(row)
    fill = marked_colours(panel.palette())[0].rgb()
    text_rgb = panel.palette().color(QPalette.ColorRole.Text)
    first = colours(rect.top() + pad, rect.top() + pad + line)
    assert any(QColor(c).lightness() < text_rgb.lightness() + 60 for c in first)  # the title is drawn
    third = colours(rect.top() + pad + 2 * line, rect.top() + pad + 3 * line)
    assert selected or fill in third  # a matched word is marked


def test_a_long_lead_in_leaves_the_first_match_in_view(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "hotline")
    delegate, font = panel.delegate, panel.view.font()
    fm = QFontMetrics(font)
    trimmed = 0
    for ix in panel.model.hit_indexes():
        hit = ix.data(HitRole)
        segments = snippet_segments(hit.snippet)
        lead = segments[0][0] if not segments[0][1] else ""
        narrow = delegate.row_text(hit, font, 300)
        x, match, _, _ = next(run for run in narrow.runs if run[3])
        assert x <= 100  # a third of the row at most before the first match...
        assert match == next(t for t, hl in segments if hl)  # ...which is shown whole
        if fm.horizontalAdvance(lead) <= 100:
            assert narrow.runs[0][1] == lead or not lead  # a short lead-in stays as it is
        else:
            trimmed += 1
            assert narrow.runs[0][1].startswith("…") and lead.endswith(narrow.runs[0][1][1:])
        wide = delegate.row_text(hit, font, 2000)
        assert "".join(t for _, t, _, _ in wide.runs) == hit.snippet_text  # room for all: nothing cut
    assert trimmed  # the case this is about: "…with the national 24-hour support hotline"


def test_a_lead_in_cut_after_a_line_break_starts_with_a_word(qtbot: QtBot, panel: SearchPanel) -> None:
    # "…for combating human trafficking. · Between 2003": cut to fit, it read "…· Between 2003".
    type_and_wait(qtbot, panel, "co-operation between countries")
    font = panel.view.font()
    hits = [ix.data(HitRole) for ix in panel.model.hit_indexes()]
    cut_after_a_break = 0
    for width in range(150, 450, 5):  # wherever the cut falls
        for hit in hits:
            lead = snippet_segments(hit.snippet)[0][0]
            first = panel.delegate.row_text(hit, font, width).runs[0][1]
            if first != lead and first.startswith("…") and lead.endswith(" · " + first[1:]):
                cut_after_a_break += 1
            assert not first.startswith("…·"), (width, first)
    assert cut_after_a_break  # the case this is about came up


def test_row_texts_are_kept_per_shown_text_and_width(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "national rapporte")
    hit = panel.model.hit_indexes()[0].data(HitRole)
    delegate, font = panel.delegate, panel.view.font()
    wide = delegate.row_text(hit, font, 400)
    assert delegate.row_text(hit, font, 400) is wide
    narrow = delegate.row_text(hit, font, 120)
    assert narrow is not wide
    last = narrow.more[-1]
    assert last[0] + last[2] <= 120 and last[1].endswith("…")
    assert len(narrow.title) <= len(wide.title)
    # Typing on within the word gives the same hit with the same snippet: its texts are reused.
    type_and_wait(qtbot, panel, "national rapporteu")
    again = next(ix.data(HitRole) for ix in panel.model.hit_indexes() if ix.data(HitRole).id == hit.id)
    assert again is not hit and again.snippet == hit.snippet
    assert delegate.row_text(again, font, 400) is wide
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() + 4)
    assert delegate.row_text(again, bigger, 400) is not wide  # another font: measured again


@pytest.mark.parametrize("text", ["i" * 2000, "W" * 300, "short", "iiii " * 40 + "WWWW " * 40])
def test_fit_measures_no_more_than_needed_yet_elides_as_qt(qtbot: QtBot, text: str) -> None:
    fm = QFontMetrics(QFont())
    for room, cap in [(r, c) for r in (0, 50, 300) for c in (2, 3 * r // max(1, fm.averageCharWidth()) + 8)]:
        shown, width = _fit(fm, text, room, cap)  # a cap that is too small only costs a second measure
        full = fm.horizontalAdvance(text)
        expected = text if full < room else fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
        assert shown == expected
        assert width == fm.horizontalAdvance(shown)
        assert _fit(fm, text, room, cap, measure=False) == (shown, width if shown == text else -1)
        assert _elide(fm, text, room, cap) == fm.elidedText(text, Qt.TextElideMode.ElideRight, room)


def test_group_rows_paint_as_the_style_would(qtbot: QtBot, panel: SearchPanel) -> None:
    from PySide6.QtWidgets import QStyledItemDelegate

    type_and_wait(qtbot, panel, "KOM")

    def group_images() -> list[QImage]:
        qtbot.waitUntil(lambda: panel.view.visualRect(panel.model.index(0, 0)).height() > 0)
        image = panel.view.viewport().grab().toImage()
        rects = [panel.view.visualRect(panel.model.index(r, 0)) for r in range(panel.model.rowCount())]
        return [image.copy(r) for r in rects if r.bottom() < image.height()]

    ours = group_images()
    panel.view.setItemDelegate(QStyledItemDelegate(panel.view))  # result rows one line high: groups move up
    theirs = group_images()
    panel.view.setItemDelegate(panel.delegate)
    assert len(ours) >= 3 and ours == theirs[: len(ours)]
    assert all(len({im.pixel(x, im.height() // 2) for x in range(im.width())}) > 2 for im in ours)  # text drawn


def test_searching_keeps_no_old_results_alive(qtbot: QtBot, panel: SearchPanel) -> None:
    import gc

    from htdesk.store.search import Hit

    for text in ["national", "a", "berry", "KOM"] * 10:
        panel.set_query(text)
        qtbot.wait(1)
    gc.collect()
    alive = [o for o in gc.get_objects() if isinstance(o, Hit)]
    # The last result's hits (also kept by the panel's result), and nothing of the 39 before it.
    assert panel.result is not None
    assert len(alive) <= len(panel.result.hits)


def test_result_rows_follow_a_new_font(qtbot: QtBot, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "hotline")
    bigger = QFont(panel.font())
    bigger.setPointSizeF(panel.font().pointSizeF() + 6)
    panel.setFont(bigger)  # as when the system's font changes
    line = QFontMetrics(panel.view.font()).height()
    row = panel.model.hit_indexes()[0]
    qtbot.waitUntil(lambda: panel.view.visualRect(row).height() > 0)
    assert panel.view.visualRect(row).height() == 4 * line + 2 * HitDelegate.PAD
