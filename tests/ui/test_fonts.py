"""The bundled font: registered once, from our own files, and used by the whole app."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase

from htdesk import fonts


def test_bundled_font_is_registered_from_our_files_once(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    added: list[str] = []
    real_add = QFontDatabase.addApplicationFont

    def add(path: str) -> int:
        added.append(path)
        return real_add(path)

    monkeypatch.setattr(fonts, "_loaded", None)
    monkeypatch.setattr(QFontDatabase, "addApplicationFont", staticmethod(add))
    assert fonts.load_bundled_fonts() == fonts.FONT_FAMILY
    assert sorted(p.rsplit("/", 1)[-1] for p in added) == [
        "DejaVuSans-Bold.ttf", "DejaVuSans-BoldOblique.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans.ttf"
    ]  # fmt: skip
    assert fonts.load_bundled_fonts() == fonts.FONT_FAMILY  # the printer asks too: nothing added twice
    assert len(added) == 4
    styles = set(QFontDatabase.styles(fonts.FONT_FAMILY))
    assert {"Book", "Bold", "Oblique", "Bold Oblique"} <= styles


def test_the_app_uses_the_bundled_family(qapp: object) -> None:
    from PySide6.QtWidgets import QApplication

    from htdesk.app import make_application
    from htdesk.ui.reader import ReaderView

    font, style = QApplication.font(), QApplication.style().name()
    try:
        app = make_application()  # the running test application, set up as the app sets itself up
        assert app.font().family() == fonts.FONT_FAMILY
        assert app.font().pointSizeF() >= 10
        # Pages lay out on screen with the metrics printing uses: no hinting, in the reading pane too.
        assert app.font().hintingPreference() == QFont.HintingPreference.PreferNoHinting
        reader = ReaderView()
        assert reader.document().defaultFont().hintingPreference() == QFont.HintingPreference.PreferNoHinting
    finally:  # the other tests keep the application as they found it
        QApplication.setFont(font)
        QApplication.setStyle(style)
