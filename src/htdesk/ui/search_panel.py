"""The search panel: a forgiving search box, kind and country filters, grouped results, keyboard-first."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from htdesk.content.kinds import Kind
from htdesk.store.report import ReportStore
from htdesk.store.search import (
    GROUP_ORDER,
    HL_END,
    HL_START,
    KIND_LABELS,
    LINE_BREAK_MARK,
    Hit,
    SearchResult,
    countries,
    prepare,
    search,
)
from htdesk.ui import plain
from htdesk.ui.appearance import marked_colours

DEBOUNCE_MS = 150
RESULT_LIMIT = 30  # a screenful and a half; more are loaded as the list scrolls
MORE_ROWS = 30  # how many more each time the list is scrolled near its end
PARTIAL = "partial"  # the group of records with some of the words
PARTIAL_LABEL = "Results with some of your words"  # as the English edition shows it (tr() in the model)
LEAD_SHARE = 3  # the text before a snippet's first match takes at most this share of a row's width
ROW_TEXTS_KEPT = 300  # result rows' elided texts kept for painting: ten searches' worth
HitRole = Qt.ItemDataRole.UserRole + 1  # the Hit of a result row (None on a group row)
KindRole = Qt.ItemDataRole.UserRole + 2  # the Kind of a group row or a result row
GroupRole = Qt.ItemDataRole.UserRole + 3  # what a group row gathers: a Kind, or PARTIAL
Index = QModelIndex | QPersistentModelIndex


# -- the results model --------------------------------------------------------------------


class SearchResultsModel(QStandardItemModel):
    """Results as a two-level tree: a row per kind ("Institutions (29)"), a row per hit below it.

    A C++ item model filled once per search: the view asks every row for its index, parent,
    flags, data and size many times per layout and paint, and each of those asked of a Python
    model was a call into Python (about a fifth of a result list's paint).
    """

    def set_result(self, result: SearchResult | None, hit_height: int = 0) -> None:
        """Show ``result``; a hit row is ``hit_height`` pixels high (0: no hint, Qt sizes it to its title)."""
        # Filled by index, not with QStandardItem objects made in Python: PySide keeps those
        # alive after the model has deleted them (a leak of every hit shown, and the garbage
        # collector then stalled typing for 100 ms at a time). One reset for the whole fill.
        self._result, self._height = result, hit_height
        self.beginResetModel()
        self.blockSignals(True)
        try:
            self.removeRows(0, self.rowCount())
            self.setColumnCount(1)
            if result is not None:
                self._add(result.hits, result.partial)
        finally:
            self.blockSignals(False)
            self.endResetModel()

    def extend(self, hits: list[Hit], partial: list[Hit]) -> None:
        """Add more of the same result's hits (loaded as the list scrolls) below those shown in each group."""
        if hits or partial:
            self._add(hits, partial)

    def _add(self, hits: list[Hit], partial: list[Hit]) -> None:
        result = self._result
        assert result is not None
        groups: dict[object, list[Hit]] = {}
        for h in hits:
            groups.setdefault(h.kind, []).append(h)
        if partial:
            groups[PARTIAL] = partial
        size = QSize(1, self._height) if self._height else None
        for key, new in groups.items():
            group = self._group(key, result)
            start = self.rowCount(group)
            self.insertRows(start, len(new), group)
            if not start:
                self.insertColumns(0, 1, group)
            for r, hit in enumerate(new, start):
                roles = {
                    _DISPLAY: hit.title,
                    HitRole: hit,
                    KindRole: hit.kind,
                    _TOOLTIP: plain.tooltip(f"{hit.title}\n{hit.where}"),
                    _ACCESSIBLE_TEXT: f"{hit.title}, {hit.where}: {hit.snippet_text}",
                }
                if size is not None:
                    roles[_SIZE_HINT] = size
                self.setItemData(self.index(r, 0, group), roles)

    def _group(self, key: object, result: SearchResult) -> QModelIndex:
        """The group row of a kind (or of the partial matches), made at the end (before the partial one) if new."""
        rows = [self.index(g, 0) for g in range(self.rowCount())]
        for ix in rows:
            if ix.data(GroupRole) == key:
                return ix
        at = len(rows) - (1 if rows and rows[-1].data(GroupRole) == PARTIAL else 0)
        self.insertRows(at, 1)
        group = self.index(at, 0)
        if key == PARTIAL:
            label = self.tr("Results with some of your words ({count})").format(count=result.partial_total)
            roles = {_DISPLAY: label, _ACCESSIBLE_TEXT: label, GroupRole: key, _FONT: _bold()}
        else:
            assert isinstance(key, Kind)
            label = f"{KIND_LABELS[key]} ({result.counts.get(key, 0)})"
            roles = {_DISPLAY: label, _ACCESSIBLE_TEXT: label, KindRole: key, GroupRole: key, _FONT: _bold()}
        self.setItemData(group, roles)
        self.itemFromIndex(group).setFlags(_GROUP_FLAGS)  # a heading, not a choice
        return group

    def hit_indexes(self) -> list[QModelIndex]:
        """Every result row, top to bottom (what the arrow keys move through)."""
        out = []
        for g in range(self.rowCount()):
            group = self.index(g, 0)
            out += [self.index(r, 0, group) for r in range(self.rowCount(group))]
        return out


def _bold() -> QFont:
    font = QFont()  # the application font as it is now: it follows the system's
    font.setBold(True)
    return font


_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_DISPLAY, _ACCESSIBLE_TEXT, _TOOLTIP, _FONT, _SIZE_HINT = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.SizeHintRole,
)

# -- painting a result row ----------------------------------------------------------------


def snippet_segments(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, highlighted) runs, from its HL_START/HL_END markers."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(HL_START)):
        if i == 0:
            out.append((part, False))
            continue
        marked, _, rest = part.partition(HL_END)
        out += [(marked, True), (rest, False)]
    return [(text, hl) for text, hl in out if text]


class _RowText(NamedTuple):
    """What a result row shows at one width: its title and where line elided, its snippet as runs."""

    title: str
    where: str
    runs: list[tuple[int, str, int, bool]]  # (x from the left edge, text, width or -1 if elided, highlighted)
    more: list[tuple[int, str, int, bool]]  # the snippet's second line, as runs


def _elide(metrics: QFontMetrics, text: str, room: int, cap: int) -> str:
    """``text`` elided to ``room`` pixels, measuring only its first ``cap`` characters if they do not fit.

    Shaping a long text's tail that cannot be shown cost more than drawing the row; ``cap`` is
    more characters than can fit, and the whole text is measured should they fit after all.
    """
    short = text[:cap]
    shown = metrics.elidedText(short, Qt.TextElideMode.ElideRight, room)
    if shown == short and len(short) < len(text):
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    return shown


def _fit(metrics: QFontMetrics, text: str, room: int, cap: int, measure: bool = True) -> tuple[str, int]:
    """``text`` as it fits ``room`` pixels (elided if it does not, as _elide), and its width.

    The width of an elided text is measured only if ``measure`` (else -1): nothing follows it.
    """
    short = text[:cap]
    width = metrics.horizontalAdvance(short)
    if width < room and len(short) < len(text):
        short = text
        width = metrics.horizontalAdvance(short)
    if width < room:
        return short, width
    shown = metrics.elidedText(short, Qt.TextElideMode.ElideRight, room)
    return shown, metrics.horizontalAdvance(shown) if measure else -1


def _break(metrics: QFontMetrics, text: str, room: int, cap: int) -> int:
    """Where to end a line of ``text`` that does not fit ``room`` pixels: after its last word that fits (0: none)."""
    spaces = [i + 1 for i, ch in enumerate(text[:cap]) if ch == " "]
    lo, hi, best = 0, len(spaces) - 1, 0
    while lo <= hi:  # the advance grows with the length: bisect over the spaces
        mid = (lo + hi) // 2
        if metrics.horizontalAdvance(text[: spaces[mid]]) <= room:
            best, lo = spaces[mid], mid + 1
        else:
            hi = mid - 1
    return best


def _lead_trimmed(
    segments: list[tuple[str, bool]], metrics: QFontMetrics, room: int, cap: int
) -> list[tuple[str, bool]]:
    """The snippet's runs with the text before its first match cut to ``room`` pixels, from the left.

    The match is what the row is for: in a narrow sidebar the snippet's lead-in would push it to
    the edge, elided ("…24-hour support hotli…"). The cut falls after a space where there is one.
    """
    if len(segments) < 2 or segments[0][1] or metrics.horizontalAdvance(segments[0][0][-cap:]) <= room:
        return segments
    shown = metrics.elidedText(segments[0][0], Qt.TextElideMode.ElideLeft, room)
    space = shown.find(" ", 1)
    if 0 < space < len(shown) - 1:
        # The ellipsis, then whole words; not the " · " of a line break just cut after ("…· Between").
        shown = shown[0] + shown[space + 1 :].removeprefix(LINE_BREAK_MARK + " ")
    return [(shown, False), *segments[1:]]


class HitDelegate(QStyledItemDelegate):
    """Draws a result as four lines: the title, where it lives, two lines of snippet with matches marked."""

    PAD = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The last font painted with, its bold form and both metrics: making them per paint and
        # per snippet segment cost more than the drawing. The view's font rarely changes.
        self._font: QFont | None = None
        self._fonts: tuple[QFont, QFontMetrics, QFontMetrics] | None = None
        self._char = 1  # the font's average character width (see _fit)
        # Rows' elided texts by what they show and the width: a row is painted again on selection
        # and scrolling, and typing on within a word brings back the same hits with the same snippets.
        self._rows: dict[tuple[str, str, str, int], _RowText] = {}

    def _fonts_for(self, font: QFont) -> tuple[QFont, QFontMetrics, QFontMetrics]:
        """The bold form of ``font``, the metrics of ``font`` and those of the bold form."""
        if self._fonts is None or font != self._font:
            bold = QFont(font)
            bold.setBold(True)
            self._font, self._fonts = QFont(font), (bold, QFontMetrics(font), QFontMetrics(bold))
            self._char = max(1, self._fonts[1].averageCharWidth())
            self._rows.clear()
        return self._fonts

    def row_text(self, hit: Hit, font: QFont, width: int) -> _RowText:
        """The texts of ``hit``'s row as painted ``width`` pixels wide (kept, for the same texts and width)."""
        _, fm, bold_fm = self._fonts_for(font)
        key = (hit.title, hit.where, hit.snippet, width)
        kept = self._rows.get(key)
        if kept is not None:
            return kept
        # Characters narrower than a third of the average are rare enough; _fit checks anyway.
        cap = 3 * max(0, width) // self._char + 8
        title = _elide(bold_fm, hit.title, width, cap)
        where = _elide(fm, hit.where, width, cap)
        lines: list[list[tuple[int, str, int, bool]]] = [[], []]
        line, x, right = 0, 0, width - 1  # as QRect.right(): the last pixel, not one past it
        segments = _lead_trimmed(snippet_segments(hit.snippet), fm, width // LEAD_SHARE, cap)
        done = False
        for text, highlighted in segments:
            metrics = bold_fm if highlighted else fm
            while text and not done:
                if line == 0:
                    # The first line breaks after a word; a word that fits nowhere is elided there.
                    w = metrics.horizontalAdvance(text[:cap])
                    if w < right - x and len(text) <= cap:
                        lines[0].append((x, text, w, highlighted))
                        x += w
                        break
                    cut = _break(metrics, text, right - x, cap)
                    if cut > 0:
                        head = text[:cut]
                        lines[0].append((x, head, metrics.horizontalAdvance(head), highlighted))
                        text = text[cut:].lstrip(" ")
                        line, x = 1, 0
                        continue
                    if x > 0:
                        line, x = 1, 0
                        continue
                # The last line: an elided run ends it; its width is wanted only for a marked run's fill.
                shown, w = _fit(metrics, text, right - x, cap, highlighted)
                lines[line].append((x, shown, w, highlighted))
                if w < 0 or shown != text or x + w >= right:
                    done = True
                    break
                x += w
                break
            if done:
                break
        row = _RowText(title, where, lines[0], lines[1])
        if len(self._rows) >= ROW_TEXTS_KEPT:
            self._rows.clear()
        self._rows[key] = row
        return row

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """QStyledItemDelegate.paint override."""
        hit = index.data(HitRole)
        if hit is None:
            self._paint_group(painter, option, index)
            return
        # The view's option as it is: a result row has no text, icon or brush of its own for
        # initStyleOption() to add, so the background is drawn without copying it.
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else QWidget().style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        pal: QPalette = option.palette  # type: ignore[attr-defined]
        font: QFont = option.font  # type: ignore[attr-defined]
        r = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)  # type: ignore[attr-defined]
        bold, fm, bold_fm = self._fonts_for(font)
        row = self.row_text(hit, font, r.width())
        left, top, line, ascent = r.left(), r.top(), fm.height(), fm.ascent()
        text_colour = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.save()
        painter.setFont(bold)
        painter.setPen(text_colour)
        # Text is drawn at its baseline: drawText() into a rectangle lays the text out for
        # alignment and clipping first, a third more per call, and the text is elided to fit anyway.
        painter.drawText(QPoint(left, top + bold_fm.ascent()), row.title)
        painter.setFont(font)
        if not selected:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QPoint(left, top + line + ascent), row.where)
        painter.setPen(text_colour)
        # The theme's marked-word colours (a lightened selection colour under near-white text
        # was 1.7:1 in dark mode); a selected row keeps the selection's own.
        marked_fill, marked_text = (None, text_colour) if selected else marked_colours(pal)
        top += 2 * line
        current = font
        for runs in (row.runs, row.more):
            baseline = top + ascent
            for x, text, width, highlighted in runs:
                want = bold if highlighted else font
                if want is not current:
                    painter.setFont(want)
                    current = want
                if marked_fill is not None and highlighted:
                    painter.fillRect(QRect(left + x, top, width, line), marked_fill)
                    painter.setPen(marked_text)
                    painter.drawText(QPoint(left + x, baseline), text)
                    painter.setPen(text_colour)
                else:
                    painter.drawText(QPoint(left + x, baseline), text)
            top += line
        painter.restore()

    def _paint_group(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """A group row: its label in bold, placed as the style places an item's text.

        The style lays the text out with a QTextLayout of its own, twice the cost of a result row.
        """
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else QWidget().style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        state = option.state  # type: ignore[attr-defined]
        group = QPalette.ColorGroup.Normal if state & QStyle.StateFlag.State_Enabled else QPalette.ColorGroup.Disabled
        if group == QPalette.ColorGroup.Normal and not state & QStyle.StateFlag.State_Active:
            group = QPalette.ColorGroup.Inactive
        role = (
            QPalette.ColorRole.HighlightedText if state & QStyle.StateFlag.State_Selected else QPalette.ColorRole.Text
        )
        bold, _, bold_fm = self._fonts_for(option.font)  # type: ignore[attr-defined]
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        r = option.rect.adjusted(margin, 0, -margin, 0)  # type: ignore[attr-defined]
        text = bold_fm.elidedText(str(index.data(Qt.ItemDataRole.DisplayRole)), Qt.TextElideMode.ElideRight, r.width())
        painter.save()
        painter.setFont(bold)
        painter.setPen(option.palette.color(group, role))  # type: ignore[attr-defined]
        painter.drawText(QPoint(r.left(), r.top() + (r.height() - bold_fm.height()) // 2 + bold_fm.ascent()), text)
        painter.restore()

    def hit_height(self, font: QFont) -> int:
        """A result row's height: four lines of ``font`` and the padding.

        Given to the model as each result row's size hint, so that laying the list out asks
        Python nothing (the delegate has no sizeHint of its own; Qt's reads the hint). It asks for
        no width: the one column stretches to the view and the texts are elided to it. Group rows
        have no hint: Qt sizes them from the style, as any item.
        """
        _, fm, _ = self._fonts_for(font)
        return 4 * fm.height() + 2 * self.PAD


# -- the panel ----------------------------------------------------------------------------


class SearchPanel(QWidget):
    """Search box, filters and grouped results; emits open_requested(record id, what the search matched).

    The search runs in the UI thread: at the bundled size it takes a few milliseconds, well under
    a frame after the debounce (`htdesk bench` measures it), so a worker would only add latency.
    """

    open_requested = Signal(str, object)  # record id, the search's Alternatives (what to mark)

    def __init__(self, store: ReportStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._result: SearchResult | None = None
        prepare(store)

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search the report (Ctrl+K)"))
        self.search_edit.setAccessibleName(self.tr("Search the report"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)

        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName(self.tr("Filter by kind"))
        self.country_filter = QComboBox(self)
        self.country_filter.setAccessibleName(self.tr("Filter by country"))
        self._country_names = countries(store)
        self._fill_filters()

        self.suggestion_label = QLabel(self.tr("Did you mean:"), self)
        self.suggestion_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the user's words
        self.suggestion_button = QPushButton(self)
        self.suggestion_button.setFlat(True)
        self.suggestion_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.suggestion_button.setAccessibleName(self.tr("Search for the suggested spelling"))
        # A link, as on a web page: underlined in the link colour, and a clear frame when it has
        # the keyboard focus (Tab from the search box reaches it).
        self.suggestion_button.setStyleSheet(LINK_STYLE)
        self._exact: str | None = None  # text to search as typed, not corrected ("search for … instead")
        self._limit = RESULT_LIMIT
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Search status"))

        self.model = SearchResultsModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(False)
        self.delegate = HitDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # results are read-only
        self.view.setAccessibleName(self.tr("Search results"))
        self.view.activated.connect(self._open_index)
        self.view.verticalScrollBar().valueChanged.connect(self._maybe_load_more)
        self.view.verticalScrollBar().rangeChanged.connect(self._maybe_load_more)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(self._timer.start)
        self.kind_filter.currentIndexChanged.connect(self.run_search)
        self.country_filter.currentIndexChanged.connect(self.run_search)
        self.suggestion_button.clicked.connect(self._take_suggestion)

        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.country_filter, 1)
        suggestion = QHBoxLayout()
        suggestion.addWidget(self.suggestion_label)
        suggestion.addWidget(self.suggestion_button)
        suggestion.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addLayout(suggestion)
        layout.addWidget(self.status_label)
        layout.addWidget(self.view, 1)
        self._show_status()

    # -- what the main window uses -----------------------------------------------------
    @Slot()
    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+K, Ctrl+L)."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def set_query(self, text: str) -> None:
        """Search for ``text`` now, as if typed and the debounce had passed."""
        self.search_edit.setText(text)
        self.run_search()

    @property
    def result(self) -> SearchResult | None:
        return self._result

    # -- searching ---------------------------------------------------------------------
    @Slot()
    def run_search(self) -> None:
        """Search for the box's text within the filters and show the results."""
        self._timer.stop()
        text = self.search_edit.text()
        result = None
        self._limit = RESULT_LIMIT
        if text != self._exact:
            self._exact = None
        if text.strip():
            result = self._search(text, RESULT_LIMIT)
        self._result = result
        self._fill_results()
        self._update_filter_counts()
        self._show_status()

    def _search(self, text: str, limit: int) -> SearchResult:
        kind = self.kind_filter.currentData()
        country = self.country_filter.currentData()
        return search(self._store, text, kind=kind, country=country, limit=limit, correct=self._exact is None)

    def has_more(self) -> bool:
        """Whether the result has hits not loaded into the list yet."""
        r = self._result
        return r is not None and (len(r.hits) < r.total or len(r.partial) < r.partial_total)

    @Slot()
    def load_more(self) -> None:
        """Add the next MORE_ROWS hits below those shown (the list scrolled near its end)."""
        r = self._result
        if r is None or not self.has_more():
            return
        self._limit += MORE_ROWS
        more = self._search(self.search_edit.text(), self._limit)
        if more.query != r.query or more.total != r.total:
            return  # the text changed without a search yet: the debounce will bring a new one
        new_hits, new_partial = more.hits[len(r.hits) :], more.partial[len(r.partial) :]
        r.hits, r.partial = more.hits, more.partial
        self.model.extend(new_hits, new_partial)
        for row in range(self.model.rowCount()):
            self.view.expand(self.model.index(row, 0))

    @Slot()
    def _maybe_load_more(self) -> None:
        bar = self.view.verticalScrollBar()
        # Within two screens of the end: rows are there before the user reaches it.
        if self.has_more() and bar.value() >= bar.maximum() - 2 * max(1, bar.pageStep()):
            QTimer.singleShot(0, self, self.load_more)

    def _fill_results(self) -> None:
        """Put the current result in the list, its rows as high as the view's font needs."""
        self.model.set_result(self._result, self.delegate.hit_height(self.view.font()))
        # Right after a reset the view lays out later, once: expanding each group only marks it
        # (expandAll() would lay out every row now, and again at the paint).
        for row in range(self.model.rowCount()):
            self.view.expand(self.model.index(row, 0))

    def changeEvent(self, event: QEvent) -> None:
        """QWidget.changeEvent override: a new font gives the result rows their new height."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._result is not None:
            self._fill_results()

    def _show_status(self) -> None:
        result = self._result
        suggestion = result.suggestion if result else None
        corrected = result.corrected if result else None
        if corrected:
            self.suggestion_label.setText(self.tr("Showing results for {corrected};").format(corrected=corrected))
            typed = result.query.strip()  # type: ignore[union-attr]
            self.suggestion_button.setText(self.tr("search for {typed} instead").format(typed=typed))
            self.suggestion_button.setAccessibleName(self.tr("Search for the text as typed"))
        else:
            self.suggestion_label.setText(self.tr("Did you mean:"))
            self.suggestion_button.setText(suggestion or "")
            self.suggestion_button.setAccessibleName(self.tr("Search for the suggested spelling"))
        self.suggestion_label.setVisible(bool(suggestion or corrected))
        self.suggestion_button.setVisible(bool(suggestion or corrected))
        if result is None:
            self.status_label.setText("")
        elif result.total == 0 and not result.partial_total:
            self.status_label.setText(self.tr("No results"))
        elif result.total == 0:
            self.status_label.setText(self.tr("No result has all your words"))
        else:
            self.status_label.setText(self.tr("%n result(s)", "", result.total))
        if result is not None and result.translated:
            # A French query was searched in the report's English: say what was searched.
            self.status_label.setText(
                self.tr("{results} · searched in English: {english}").format(
                    results=self.status_label.text(), english=result.translated
                )
            )

    @Slot()
    def _take_suggestion(self) -> None:
        if self._result and self._result.corrected:
            self._exact = self._result.query
            self.set_query(self._result.query)
        elif self._result and self._result.suggestion:
            self.set_query(self._result.suggestion)

    # -- filters -----------------------------------------------------------------------
    def _fill_filters(self) -> None:
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in GROUP_ORDER:
            self.kind_filter.addItem(KIND_LABELS[kind], kind.value)
        self.country_filter.addItem(self.tr("All countries"), None)
        for code, name in self._country_names.items():
            self.country_filter.addItem(name, code)

    def _update_filter_counts(self) -> None:
        counts = self._result.counts if self._result else {}
        for i, kind in enumerate(GROUP_ORDER, start=1):
            label = KIND_LABELS[kind]
            _set_item_text(self.kind_filter, i, f"{label} ({counts.get(kind, 0)})" if self._result else label)
        by_country = self._result.country_counts if self._result else {}
        for i, (code, name) in enumerate(self._country_names.items(), start=1):
            _set_item_text(self.country_filter, i, f"{name} ({by_country.get(code, 0)})" if self._result else name)

    # -- keyboard ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """QObject.eventFilter override: Esc clears; Up, Down and Enter work from the search box."""
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.search_edit.clear()
                self.run_search()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.run_search()  # Enter before the debounce: search now, then open
                self._open_index(self.view.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _move(self, delta: int) -> None:
        rows = self.model.hit_indexes()
        if not rows:
            return
        current = self.view.currentIndex()
        at = next((i for i, ix in enumerate(rows) if ix == current), -1 if delta > 0 else len(rows))
        target = rows[max(0, min(len(rows) - 1, at + delta))]
        self.view.setCurrentIndex(target)
        self.view.scrollTo(target)

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HitRole) if index.isValid() else None
        if hit is None:
            rows = self.model.hit_indexes()
            hit = rows[0].data(HitRole) if rows else None
        if hit is not None and self._result is not None:
            self.open_requested.emit(hit.id, self._result.matches)


LINK_STYLE = (
    "QPushButton { color: palette(link); text-decoration: underline; background: transparent;"
    " border: 2px solid transparent; border-radius: 3px; padding: 0 2px; }"
    " QPushButton:focus { border: 2px solid palette(highlight); }"
    " QPushButton:hover { color: palette(link-visited); }"
)


def _set_item_text(combo: QComboBox, i: int, text: str) -> None:
    # Only a changed text is set: each set makes the combo box recompute its size.
    if combo.itemText(i) != text:
        combo.setItemText(i, text)
