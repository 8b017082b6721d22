"""The interface in French and English: menus, Qt's own buttons, the language menu and the restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from htdesk import i18n
from htdesk.app import choose_language, restart_command
from htdesk.store.report import ReportStore
from htdesk.ui.mainwindow import MainWindow
from htdesk.ui.settings import settings


@pytest.fixture
def french(qapp: object) -> Iterator[None]:
    assert choose_language(qapp, "fr", None) == "fr"
    yield
    choose_language(qapp, "en", None)


def _menu_titles(w: MainWindow) -> list[str]:
    return [a.text() for a in w.menuBar().actions()]


def test_the_window_speaks_french(french: None, qtbot: QtBot, store: ReportStore, user_dir: Path) -> None:
    w = MainWindow(store, settings())
    qtbot.addWidget(w)
    assert _menu_titles(w) == ["&Fichier", "&Édition", "&Affichage", "A&ller", "&Signets", "&Aide"]
    assert w.actions_by_name["compare"].text() == "Comparer des pays"
    assert [w.sidebar.tabText(i) for i in range(w.sidebar.count())] == ["Sommaire", "Recherche", "Signets"]
    model = w.nav_model
    heads = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert heads == ["Rapport", "Pays", "Pratiques", "Glossaire", "Figures et tableaux"]
    # Qt's own words come from Qt's French catalogue (qtbase_fr).
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"


def test_english_plurals_read_as_english(qtbot: QtBot, store: ReportStore, user_dir: Path) -> None:
    w = MainWindow(store, settings())
    qtbot.addWidget(w)
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("SearchPanel", "%n result(s)", None, 1) == "1 result"
    assert QCoreApplication.translate("SearchPanel", "%n result(s)", None, 2) == "2 results"
    assert _menu_titles(w)[0] == "&File"


def test_the_saved_choice_beats_the_system_and_the_flag_beats_both(qapp: object) -> None:
    assert choose_language(qapp, None, "fr") == "fr"
    assert choose_language(qapp, "en", "fr") == "en"
    assert i18n.language() == "en"


def test_choosing_a_language_keeps_it_and_offers_a_restart(
    qtbot: QtBot, store: ReportStore, user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = MainWindow(store, settings())
    qtbot.addWidget(w)
    asked: list[str] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert w.actions_by_name["language_fr"].isCheckable()
    with qtbot.waitSignal(w.restart_requested):
        w.actions_by_name["language_fr"].trigger()
    assert settings().value("view/language") == "fr"
    assert asked and "français" in asked[0]  # asked in the language chosen


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["python", "-m", "htdesk", "--lang", "en"], ["python", "-m", "htdesk"]),
        (["htdesk", "--lang=fr", "--reset-settings"], ["htdesk", "--reset-settings"]),
        (["htdesk.exe"], ["htdesk.exe"]),
    ],
)
def test_a_restart_drops_the_language_flag(argv: list[str], expected: list[str]) -> None:
    assert restart_command(argv) == expected


def test_a_french_query_says_it_was_searched_in_english(french: None, qtbot: QtBot, store: ReportStore) -> None:
    from htdesk.ui.search_panel import SearchPanel

    panel = SearchPanel(store)
    qtbot.addWidget(panel)
    panel.set_query("travail forcé")
    panel.run_search()
    status = panel.status_label.text()
    assert "recherche en anglais" in status and "forced labour" in status
    assert "\u00a0:" in status  # French typography: a no-break space before the colon
