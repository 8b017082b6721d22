"""Shared by the layout tests: the words a laid-out QTextDocument split across two lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument


def broken_words(doc: QTextDocument) -> list[str]:
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
