"""The interface language: which one is used, its catalogue for pages and the CLI, Qt's translators."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from htdesk.paths import resources_dir

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication, QTranslator

LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT = "en"  # the report's own language: what the app falls back to
CATALOGUE = "htdesk"  # resources/i18n/htdesk_<lang>.ts (source) and .qm (what Qt loads)

_language = DEFAULT
_catalogue: dict[tuple[str, str], str] = {}
_translators: list[QTranslator] = []  # held: Qt does not own installed translators


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def language() -> str:
    """The language everything around the report's text is written in now: "en" or "fr"."""
    return _language


def normalise(tag: str | None) -> str | None:
    """The language code of a locale tag ("fr_CA.UTF-8", "fr-CA", "FR": "fr"); None for one HT Desk lacks."""
    if not tag:
        return None
    code = tag.strip().replace("-", "_").split("_", 1)[0].split(".", 1)[0].casefold()
    return code if code in LANGUAGES else None


def choose(asked: str | None, saved: str | None, system: str | None) -> str:
    """The language to use: the one asked for (--lang), else the saved choice, else the system's."""
    for candidate in (asked, saved, system):
        found = normalise(candidate)
        if found:
            return found
    return DEFAULT


def environment_language() -> str | None:
    """The language the environment asks for (LC_ALL, LC_MESSAGES, LANG), as POSIX reads them."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return normalise(value)
    return None


def set_language(lang: str) -> None:
    """Use ``lang`` for pages, printouts and CLI messages (Qt's own translators: install_qt)."""
    global _language, _catalogue
    lang = normalise(lang) or DEFAULT
    _catalogue = {} if lang == DEFAULT else read_catalogue(i18n_dir() / f"{CATALOGUE}_{lang}.ts")
    _language = lang


def read_catalogue(ts_file: Path) -> dict[tuple[str, str], str]:
    """The finished translations of a Qt Linguist .ts file, by (context, source text)."""
    import xml.etree.ElementTree as ET  # only for a French start: English needs no catalogue

    try:
        root = ET.parse(ts_file).getroot()
    except (OSError, ET.ParseError):
        return {}  # a missing or damaged catalogue: English text, never a failed start
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if node.text:
                found[(name, source)] = node.text
    return found


def translate(context: str, text: str) -> str:
    """The text in the current language; pyside6-lupdate collects these calls as it does Qt's own."""
    if _language == DEFAULT:
        return text
    return _catalogue.get((context, text), text)


# How a citation's parts read in French ("Appendix 4, pp. 36–48" -> "annexe 4, p. 36–48"), most
# specific first; the section numbers and pages are the report's and stay as they are.
_FRENCH_CITE = (
    ("Director General's message", "Message du directeur général"),
    ("Executive summary", "Résumé"),
    ("List of acronyms", "Liste des acronymes"),
    ("comparison table", "tableau comparatif"),
    ("Introduction", "Introduction"),
    ("Conclusion", "Conclusion"),
    ("Appendices", "annexes"),
    ("Appendix", "annexe"),
    ("Chapter", "chapitre"),
    ("Figure", "figure"),
    ("Table", "tableau"),
    ("footnote", "note"),
    ("pp. ", "p. "),
)


def cite(text: str) -> str:
    """A citation ("Appendix 4, p. 104") in the current language ("annexe 4, p. 104")."""
    if _language != "fr":
        return text
    for english, french in _FRENCH_CITE:
        text = text.replace(english, french)
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue where it is written, to be translated where it is shown."""
    return text


def install_qt(app: QCoreApplication, lang: str) -> None:
    """Install HT Desk's and Qt's own translations (print dialog, file dialogs, standard buttons)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    # English too has a catalogue, of plural forms only: "%n result(s)" reads "1 result", "2 results".
    places = [(f"{CATALOGUE}_{lang}", str(i18n_dir()))]
    if lang != DEFAULT:
        QLocale.setDefault(QLocale(lang))
        places += [
            (f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            # A frozen bundle keeps Qt's translations beside ours.
            (f"qtbase_{lang}", str(i18n_dir())),
        ]
    loaded: set[str] = set()
    for name, folder in places:
        if name in loaded:
            continue
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded.add(name)
