"""Colour themes for pages and printouts, as plain values (no Qt)."""

from __future__ import annotations

from typing import NamedTuple


# A NamedTuple rather than a frozen dataclass: defined at start-up, where a dataclass takes 1-2 ms to build.
class Theme(NamedTuple):
    name: str
    text: str
    background: str
    link: str
    heading: str
    muted: str
    panel: str
    rule: str
    badge_bg: str
    badge_text: str
    warn_bg: str
    highlight: str  # marked words: search matches and find in page, in the page and in result snippets
    highlight_text: str
    window: str  # the window around the page (toolbars, sidebar, dialogs)
    selection: str  # the selected row or text
    selection_text: str
    focus: str  # the ring around what has the keyboard focus


LIGHT = Theme(
    name="light",
    text="#1d2430",
    background="#ffffff",
    link="#1f5fa8",
    heading="#24466b",
    muted="#5d6673",
    panel="#eef2f7",
    rule="#b7c0cc",
    badge_bg="#dfe9f5",
    badge_text="#1f3f66",
    warn_bg="#fff4d6",
    highlight="#ffe27a",
    highlight_text="#1d2430",
    window="#f4f6f9",
    selection="#2b6cb0",
    selection_text="#ffffff",
    focus="#1f5fa8",
)

DARK = Theme(
    name="dark",
    text="#e4e8ee",
    background="#1c1f24",
    link="#8cbcf0",
    heading="#a9c8ea",
    muted="#a3acb8",
    panel="#2a2f37",
    rule="#4a525e",
    badge_bg="#2f4158",
    badge_text="#d8e6f6",
    warn_bg="#4a3f1c",
    # Marked words stay a light yellow with dark text: near-white on a dark tint was hard to read.
    highlight="#e8c547",
    highlight_text="#1c1f24",
    window="#23272e",
    selection="#3a78c2",  # 3.3:1 on the window: also the ring some controls draw in it
    selection_text="#ffffff",
    focus="#8cbcf0",
)

# Paper is always white: a dark printout wastes toner and reads badly.
PRINT = LIGHT


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours, from 1 to 21 (text needs 4.5, AA)."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
