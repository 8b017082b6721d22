"""Find in page: a bar under the reading pane, made the first time it is asked for."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from htdesk.ui.reader import ReaderView


class FindBar(QWidget):
    """Find in page: type to highlight every match; Enter / Shift+Enter step through them."""

    closed = Signal()

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Find in page"))
        self.edit.setAccessibleName(self.tr("Find in page"))
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Matches"))
        prev_btn, next_btn, close_btn = QToolButton(), QToolButton(), QToolButton()
        prev_btn.setText(self.tr("Previous"))
        next_btn.setText(self.tr("Next"))
        close_btn.setText(self.tr("Close"))
        prev_btn.clicked.connect(lambda: self.step(backward=True))
        next_btn.clicked.connect(lambda: self.step())
        close_btn.clicked.connect(self.close_bar)
        self.edit.textChanged.connect(self.update_matches)
        self.edit.returnPressed.connect(self._enter)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        for w in (QLabel(self.tr("Find:")), self.edit, prev_btn, next_btn, self.count, close_btn):
            lay.addWidget(w)
        lay.addStretch()

    def _enter(self) -> None:
        backward = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.step(backward=backward)

    def update_matches(self) -> None:
        text = self.edit.text()
        n = self._reader.highlight_all([text]) if text else self._reader.highlight_all([])
        self.count.setText(self.tr("%n match(es)", "", n) if text else "")
        if text:
            self._reader.find_next(text)

    def step(self, backward: bool = False) -> None:
        if self.edit.text():
            self._reader.find_next(self.edit.text(), backward=backward)

    def keyPressEvent(self, e: object) -> None:
        """Override of QWidget.keyPressEvent: Esc closes the bar."""
        if getattr(e, "key", lambda: None)() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(e)  # type: ignore[arg-type]

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._reader.highlight_all([])
        self._reader.setFocus()
        self.closed.emit()
