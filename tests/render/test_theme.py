"""Every text colour on every background the page uses reads at WCAG AA (4.5:1) in both themes."""

from __future__ import annotations

import re

import pytest

from htdesk.render.html import stylesheet
from htdesk.render.theme import DARK, LIGHT, Theme, contrast

AA_TEXT, AA_NON_TEXT = 4.5, 3.0
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _declarations(body: str) -> dict[str, str]:
    pairs = (d.split(":", 1) for d in body.split(";") if ":" in d)
    return {k.strip(): v.strip() for k, v in pairs}


def page_colour_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """(what, text colour, background) for every rule of the page's stylesheet, and links on each background.

    A rule without a colour of its own shows the page's text colour; without a background, the page's.
    """
    pairs = []
    backgrounds = {theme.background}
    for selector, body in RULE.findall(stylesheet(theme)):
        decls = _declarations(body)
        if "color" not in decls and "background-color" not in decls:
            continue
        fg = decls.get("color", theme.text)
        bg = decls.get("background-color", theme.background)
        backgrounds.add(bg)
        pairs.append((selector.strip(), fg, bg))
    pairs += [(f"a on {bg}", theme.link, bg) for bg in sorted(backgrounds)]
    pairs.append(("marked word", theme.highlight_text, theme.highlight))
    pairs.append(("selection", theme.selection_text, theme.selection))
    return pairs


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_every_text_colour_pair_of_the_page_reads_at_aa(theme: Theme) -> None:
    pairs = page_colour_pairs(theme)
    assert len(pairs) >= 15  # the parse found the stylesheet's rules
    low = {what: round(contrast(fg, bg), 2) for what, fg, bg in pairs if contrast(fg, bg) < AA_TEXT}
    assert low == {}


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_the_focus_ring_stands_out_from_page_and_window(theme: Theme) -> None:
    for bg in (theme.background, theme.window, theme.panel):
        assert contrast(theme.focus, bg) >= AA_NON_TEXT, bg


def test_contrast_matches_wcag_reference_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the famous near miss
