"""The widgets' palettes and the search results' marked words read at WCAG AA in both themes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from htdesk.render.theme import DARK, LIGHT, Theme, contrast
from htdesk.ui.appearance import marked_colours, palette_for

R = QPalette.ColorRole
# Text role -> the background it is drawn on.
TEXT_ON = {
    R.WindowText: R.Window,
    R.Text: R.Base,
    R.ButtonText: R.Button,
    R.ToolTipText: R.ToolTipBase,
    R.HighlightedText: R.Highlight,
    R.PlaceholderText: R.Base,
    R.Link: R.Base,
}


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_every_text_role_of_the_palette_reads_at_aa(qapp: QApplication, theme: Theme) -> None:
    pal = palette_for(theme)
    low = {}
    for text, background in (*TEXT_ON.items(), (R.Text, R.AlternateBase), (R.PlaceholderText, R.Window)):
        ratio = contrast(pal.color(text).name(), pal.color(background).name())
        if ratio < 4.5:
            low[f"{text.name} on {background.name}"] = round(ratio, 2)
    assert low == {}


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_marked_words_in_search_snippets_read_at_aa(qapp: QApplication, theme: Theme) -> None:
    fill, text = marked_colours(palette_for(theme))
    assert contrast(text.name(), fill.name()) >= 4.5  # dark mode was near-white on light blue, 1.74:1
