"""Qt tests run with the translators the app installs at start (English: its plural forms)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from htdesk import i18n
from htdesk.store.report import ReportStore
from htdesk.ui.mainwindow import MainWindow
from htdesk.ui.settings import settings


@pytest.fixture(autouse=True)
def _interface_language(qapp: object) -> Iterator[None]:
    i18n.set_language("en")
    i18n.install_qt(qapp, "en")  # type: ignore[arg-type]
    yield
    i18n.set_language("en")


@pytest.fixture
def make_window(qtbot: QtBot, store: ReportStore, user_dir: Path) -> Iterator[Callable[..., MainWindow]]:
    """Main windows on the user folder of the test, shown and past their first paint; links open nothing."""
    made: list[MainWindow] = []

    def make(confirm: Callable[..., bool] = lambda *_: False, size: tuple[int, int] | None = (1100, 700)) -> MainWindow:
        w = MainWindow(store, settings(), confirm=confirm)
        qtbot.addWidget(w)
        if size is not None:  # None: the size the app gives a first window
            w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: hasattr(w, "history_menu"))  # shortcuts attached after the first paint
        made.append(w)
        return w

    yield make
    for w in made:  # search results left in a window outlive the test (test_search_panel counts them)
        if w.search_panel is not None:
            w.search_panel.set_query("")
