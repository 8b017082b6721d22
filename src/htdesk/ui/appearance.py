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
    window = QColor(theme.window)
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
        QPalette.ColorRole.Highlight: QColor(theme.selection),
        QPalette.ColorRole.HighlightedText: QColor(theme.selection_text),
        QPalette.ColorRole.Link: QColor(theme.link),
        QPalette.ColorRole.PlaceholderText: QColor(theme.muted),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(theme.muted))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(theme.muted))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(theme.muted))
    return p


def marked_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """Fill and text of marked words (search matches) for the theme ``palette`` belongs to."""
    theme = DARK if palette.color(QPalette.ColorRole.Base).lightness() < 128 else LIGHT
    return QColor(theme.highlight), QColor(theme.highlight_text)


_focus_styles: list[object] = []  # the focus style once installed (after the first paint)


def apply(app: QApplication, theme: Theme) -> None:
    app.setPalette(palette_for(theme))
    # The focus ring follows the theme. Not through app.style(): its QStyle wrapper makes PySide
    # build every QStyle enum (some 10 ms), and before the first paint there is no ring to recolour.
    for style in _focus_styles:
        style.colour = QColor(theme.focus)  # type: ignore[attr-defined]


def focus_style(theme: Theme) -> object:
    """The app's style (Fusion) with a focus ring of 2 px in the theme's focus colour, for every control.

    Fusion's own is a 1 px line in the selection colour, on buttons only after a key was pressed,
    and none at all on a flat button ("Did you mean"). Made just after the first paint: QProxyStyle
    and QStyle's enums are classes the first screen does not need.
    """
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPainter, QPen
    from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

    ring_width = 2
    framed = {QStyle.PrimitiveElement.PE_FrameLineEdit, QStyle.PrimitiveElement.PE_PanelLineEdit}
    complex_framed = {QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox}

    class FocusStyle(QProxyStyle):
        def __init__(self) -> None:
            super().__init__("Fusion")
            self.colour = QColor(theme.focus)

        def _ring(self, painter: QPainter, rect: QRect) -> None:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(self.colour, ring_width))
            painter.setBrush(QColor(0, 0, 0, 0))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            painter.restore()

        def drawPrimitive(
            self,
            element: QStyle.PrimitiveElement,
            option: QStyleOption,
            painter: QPainter,
            widget: QWidget | None = None,
        ) -> None:
            """Override of QProxyStyle.drawPrimitive: the focus ring instead of Fusion's, round line edits too."""
            if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
                self._ring(painter, option.rect)  # type: ignore[attr-defined]
                return
            super().drawPrimitive(element, option, painter, widget)
            if element in framed and option.state & QStyle.StateFlag.State_HasFocus:  # type: ignore[attr-defined]
                self._ring(painter, option.rect)  # type: ignore[attr-defined]

        def drawControl(
            self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
        ) -> None:
            """Override of QProxyStyle.drawControl: the ring round a push button, flat ones too."""
            super().drawControl(element, option, painter, widget)
            if element == QStyle.ControlElement.CE_PushButton and option.state & QStyle.StateFlag.State_HasFocus:  # type: ignore[attr-defined]
                self._ring(painter, option.rect)  # type: ignore[attr-defined]

        def drawComplexControl(
            self, control: QStyle.ComplexControl, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
        ) -> None:
            """Override of QProxyStyle.drawComplexControl: the ring round combo and spin boxes."""
            super().drawComplexControl(control, option, painter, widget)  # type: ignore[arg-type]
            if control in complex_framed and option.state & QStyle.StateFlag.State_HasFocus:  # type: ignore[attr-defined]
                self._ring(painter, option.rect)  # type: ignore[attr-defined]

    style = FocusStyle()
    _focus_styles[:] = [style]
    return style
