"""The reading pane: a QTextBrowser that never loads remote resources and reports link clicks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QFont, QTextOption
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from htdesk.render.html import SCHEME, min_width_ems
from htdesk.render.theme import LIGHT, Theme

if TYPE_CHECKING:
    from PySide6.QtCore import QRect, QSizeF, QUrl
    from PySide6.QtGui import QFocusEvent, QMouseEvent, QPaintEvent, QTextCursor

    from htdesk.store.query import Alternatives

# Classes used only once the page is in use (find, highlighting) are imported where they
# are used: PySide builds each class's enums on first touch, and start-up pays for every one.

MIN_ZOOM, MAX_ZOOM = -6, 12
SCROLL_SLACK = 4  # pixels a page may pass the view's width without a sideways scroll bar
FOCUS_WIDTH = 2  # pixels: WCAG 2.2's focus appearance asks for at least a 2 px ring


class ReaderView(QTextBrowser):
    """Shows one rendered page; internal links are signalled, never followed by Qt itself.

    An acronym's expansion is its link's title: QTextBrowser shows that as the tooltip itself.
    """

    internal_link = Signal(str)  # a record id, or "home" / "glossary"
    external_link = Signal("QUrl")  # by name: the QUrl class is made on first use, not at start-up
    back_requested = Signal()
    new_tab_link = Signal(str)  # a record id Ctrl+clicked or middle-clicked: for a tab of its own
    forward_requested = Signal()
    # Once, just after the page first reaches the screen (queued, so the whole window's paint is
    # done): the window is really there, and what the first screen does not need can start.
    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(self.tr("Page"))
        self.setAccessibleDescription(self.tr("The open page of the report"))
        self.document().setDocumentMargin(18)
        # Words wrap whole, never letter by letter: where a table's columns or a long title do not
        # fit, the page scrolls sideways instead (QTextEdit's default wraps anywhere).
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self._min_ems = 0.0  # the open page's narrowest layout, in ems of its text
        self.anchorClicked.connect(self._on_anchor)
        self._zoom = 0
        self._base_point_size = self.font().pointSizeF()
        self._find_selections: list[QTextEdit.ExtraSelection] = []
        self._highlight, self._highlight_text = QColor(LIGHT.highlight), QColor(LIGHT.highlight_text)
        self._focus_colour = QColor(LIGHT.focus)
        self._painted = False

    # -- content ---------------------------------------------------------------------------
    def show_html(self, html: str, stylesheet: str) -> None:
        """Show a page; narrower than its tables' minimum width, it scrolls sideways (see min_width_ems)."""
        self._min_ems = min_width_ems(html)
        self._fit_width()
        doc = self.document()
        doc.setDefaultStyleSheet(stylesheet)
        self.setHtml(html)
        doc.setDocumentMargin(18)
        self._find_selections = []
        self.setExtraSelections([])  # setHtml() has already scrolled back to the top

    def least_width(self) -> int:
        """The narrowest the open page lays out at, in pixels (0: any width); zoomed in, its columns widen too."""
        return int(self._min_ems * self.fontMetrics().height())

    def _fit_width(self) -> None:
        """Lay the page out at the viewport's width, or at its minimum width where that is wider."""
        least = self.least_width()
        if least and self.viewport().width() < least:
            if self.lineWrapMode() != QTextEdit.LineWrapMode.FixedPixelWidth:
                self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
            self.setLineWrapColumnOrWidth(least)
        elif self.lineWrapMode() != QTextEdit.LineWrapMode.WidgetWidth:
            self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)

    def _fit_scroll_bar(self, size: QSizeF | None = None) -> None:
        """A sideways scroll bar only for a real overflow: a table's 100 % may round a pixel or two past the view.

        From the first paint on: its policy is a `Qt` enum (see the note in ui/mainwindow.py).
        """
        if not self._painted:
            return
        from PySide6.QtCore import Qt

        width = (size or self.document().size()).width()
        wanted = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if width - self.viewport().width() > SCROLL_SLACK
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        if self.horizontalScrollBarPolicy() != wanted:
            self.setHorizontalScrollBarPolicy(wanted)

    def resizeEvent(self, e: object) -> None:
        """Override of QAbstractScrollArea.resizeEvent: keep a table's minimum width as the view narrows."""
        super().resizeEvent(e)  # type: ignore[arg-type]
        self._fit_width()
        self._fit_scroll_bar()

    def loadResource(self, type_: int, name: QUrl) -> object:
        """Override of QTextBrowser.loadResource: only local data, never the network."""
        if name.scheme() in ("", "file", "qrc", SCHEME):
            return super().loadResource(type_, name)
        return None

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == SCHEME:
            self.internal_link.emit(url.path() or url.toString().split(":", 1)[1])
        elif url.scheme() in ("http", "https", "mailto"):
            self.external_link.emit(url)

    def paintEvent(self, e: QPaintEvent) -> None:
        """Override of QTextEdit.paintEvent (the viewport's paint), to signal the first one.

        Not an event filter on viewport(): PySide's first wrapping of a plain QWidget makes the
        Python classes of every QWidget subclass it knows (dialogs, graphics views...), about 20 ms.
        """
        super().paintEvent(e)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.first_painted.emit)  # not at all if the view is gone by then
            QTimer.singleShot(0, self, self._fit_scroll_bar)
            # Followed from now on: before the first paint the scroll bar is left alone (see
            # _fit_scroll_bar), and the layout's Python class and each call into the slot as the
            # first page lays out cost the first paint about half a millisecond.
            self.document().documentLayout().documentSizeChanged.connect(self._fit_scroll_bar)
        elif self.hasFocus():
            self._paint_focus()

    # -- keyboard focus ------------------------------------------------------------------------
    def focused_link_rects(self) -> list[QRect]:
        """Where the link Tab has moved to sits, in viewport coordinates (one rectangle a line)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return []
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        probe = self.textCursor()
        probe.setPosition(start + 1)
        if not probe.charFormat().isAnchor():  # a selection the reader made, not a link in focus
            return []
        from PySide6.QtCore import QRect

        rects = []
        doc, dx, dy = self.document(), self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        block = doc.findBlock(start)
        while block.isValid() and block.position() < end:
            layout, origin = block.layout(), doc.documentLayout().blockBoundingRect(block).topLeft()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                lo = max(start, block.position() + line.textStart())
                hi = min(end, block.position() + line.textStart() + line.textLength())
                if lo >= hi:
                    continue
                x0 = line.cursorToX(lo - block.position())[0]
                x1 = line.cursorToX(hi - block.position())[0]
                top = origin.y() + line.y()
                rects.append(QRect(int(origin.x() + x0) - dx, int(top) - dy, int(x1 - x0) + 1, int(line.height()) + 1))
            block = block.next()
        return rects

    def _paint_focus(self) -> None:
        """A ring at least 2 px wide in the theme's focus colour: round the link Tab reached, else the page."""
        from PySide6.QtGui import QPainter, QPen

        painter = QPainter(self.viewport())
        pen = QPen(self._focus_colour, FOCUS_WIDTH)
        painter.setPen(pen)
        links = self.focused_link_rects()
        for rect in links:
            painter.drawRoundedRect(rect.adjusted(-2, -1, 2, 1), 3, 3)
        if not links:  # the page itself has the focus: a frame just inside its edge
            half = FOCUS_WIDTH // 2
            painter.drawRect(self.viewport().rect().adjusted(half, half, -half - 1, -half - 1))
        painter.end()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Override of QTextBrowser.focusNextPrevChild (Tab from link to link): repaint the rings."""
        moved = super().focusNextPrevChild(next)
        self.viewport().update()
        return moved

    def focusInEvent(self, e: QFocusEvent) -> None:
        """Override of QTextEdit.focusInEvent: the focus frame shows at once."""
        super().focusInEvent(e)
        self.viewport().update()

    def focusOutEvent(self, e: QFocusEvent) -> None:
        """Override of QTextEdit.focusOutEvent: the focus frame goes."""
        super().focusOutEvent(e)
        self.viewport().update()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Override of QTextEdit.scrollContentsBy: the frame stays at the edge rather than scroll away."""
        super().scrollContentsBy(dx, dy)
        if self.hasFocus():
            self.viewport().update()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        """Override of QWidget.mouseReleaseEvent: the mouse's back and forward buttons."""
        from PySide6.QtCore import Qt  # not at import: see the note on `Qt` in ui/mainwindow.py

        if e.button() == Qt.MouseButton.BackButton:
            self.back_requested.emit()
            return
        if e.button() == Qt.MouseButton.ForwardButton:
            self.forward_requested.emit()
            return
        middle = e.button() == Qt.MouseButton.MiddleButton
        if middle or (e.button() == Qt.MouseButton.LeftButton and e.modifiers() & Qt.KeyboardModifier.ControlModifier):
            href = self.anchorAt(e.position().toPoint())
            if href.startswith(f"{SCHEME}:"):
                self.new_tab_link.emit(href.split(":", 1)[1])
                return
        super().mouseReleaseEvent(e)

    # -- zoom --------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        self._zoom = steps
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, self._base_point_size + steps))
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._fit_width()

    def set_base_font(self, font: QFont) -> None:
        self._base_point_size = font.pointSizeF()
        self.setFont(font)
        self.set_zoom(self._zoom)

    # -- find and highlight -------------------------------------------------------------------
    def set_highlight_colour(self, theme: Theme) -> None:
        self._highlight, self._highlight_text = QColor(theme.highlight), QColor(theme.highlight_text)
        self._focus_colour = QColor(theme.focus)
        if self._painted:  # before the first paint there is nothing to repaint (and viewport() costs ~14 ms then)
            self.viewport().update()

    def highlight_all(self, words: list[str]) -> int:
        """Mark every occurrence of the words, inside words too (find in page); return the count."""
        from PySide6.QtGui import QTextCursor

        cursors = []
        doc = self.document()
        for word in words:
            if not word:
                continue
            cursor = QTextCursor(doc)
            while True:
                cursor = doc.find(word, cursor)
                if cursor.isNull():
                    break
                cursors.append(cursor)
        return self._mark(cursors)

    def highlight_matches(self, matches: Alternatives) -> int:
        """Mark what a search matched, as its snippets mark it: whole words and their forms; return the count.

        The search's own matcher runs on each paragraph's text, so "in" marks the word "in", not
        the "in" of "Following", and "labour" marks "labor" too.
        """
        from PySide6.QtGui import QTextCursor

        from htdesk.store.query import highlight_spans  # the search's matcher: not needed to start

        cursors = []
        block = self.document().begin()
        while block.isValid():
            at = block.position()
            for a, b in highlight_spans(matches, block.text()):
                cursor = QTextCursor(block)
                cursor.setPosition(at + a)
                cursor.setPosition(at + b, QTextCursor.MoveMode.KeepAnchor)
                cursors.append(cursor)
            block = block.next()
        return self._mark(cursors)

    def _mark(self, cursors: list[QTextCursor]) -> int:
        from PySide6.QtGui import QTextCharFormat

        fmt = QTextCharFormat()
        fmt.setBackground(self._highlight)
        fmt.setForeground(self._highlight_text)
        selections: list[QTextEdit.ExtraSelection] = []
        for cursor in cursors:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor  # type: ignore[attr-defined]
            sel.format = fmt  # type: ignore[attr-defined]
            selections.append(sel)
        self._find_selections = selections
        self.setExtraSelections(selections)
        return len(selections)

    def find_next(self, text: str, backward: bool = False) -> bool:
        """Move the selection to the next match, wrapping around the page."""
        from PySide6.QtGui import QTextCursor, QTextDocument

        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self.find(text, flags):
            return True
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
        self.setTextCursor(cursor)
        return self.find(text, flags)
