"""Light and dark appearance: follow the system, or a choice the user made."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from htdesk.render.theme import DARK, LIGHT, Theme

CHOICES = ("system", "light", "dark")

_platform_dark: bool | None = None  # read once, before our own palette replaces the platform's


def platform_palette_is_dark() -> bool:
    """Whether the platform's own palette is dark, as it was before HT Desk applied its palette."""
    global _platform_dark
    if _platform_dark is None:
        _platform_dark = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return _platform_dark


def system_is_dark(*, exact: bool = True) -> bool:
    """Whether the system asks for a dark appearance.

    ``exact=False`` reads only the platform's palette, which follows the system's scheme on Windows
    and macOS: start-up uses it, because asking Qt for the colour scheme returns a `Qt` enum and
    makes PySide build the whole `Qt` namespace (about 40 ms) before the first paint. The exact
    answer is taken just after the first paint.
    """
    if exact:
        from PySide6.QtCore import Qt

        hints = QGuiApplication.styleHints()
        scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
        if scheme == Qt.ColorScheme.Dark:
            return True
        if scheme == Qt.ColorScheme.Light:
            return False
    return platform_palette_is_dark()


def theme_for(choice: str, *, exact: bool = True) -> Theme:
    if choice == "dark" or (choice == "system" and system_is_dark(exact=exact)):
        return DARK
    return LIGHT


def palette_for(theme: Theme) -> QPalette:
    """A complete palette, so widgets and the page agree whatever the platform style."""
    p = QPalette()
    dark = theme.name == "dark"
    window = QColor("#23272e") if dark else QColor("#f4f6f9")
    base = QColor(theme.background)
    text = QColor(theme.text)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(theme.panel),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: QColor(theme.panel),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Highlight: QColor("#2f6db3" if dark else "#2b6cb0"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor(theme.link),
        QPalette.ColorRole.PlaceholderText: QColor(theme.muted),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(theme.muted))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(theme.muted))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(theme.muted))
    return p


def apply(app: QApplication, theme: Theme) -> None:
    app.setPalette(palette_for(theme))
