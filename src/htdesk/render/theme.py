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
    highlight: str


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
    highlight="#7a6414",
)

# Paper is always white: a dark printout wastes toner and reads badly.
PRINT = LIGHT
