"""Pages and printouts in French: what HT Desk writes is French, the report's own text stays English."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from htdesk import i18n
from htdesk.content.kinds import NOT_COVERED, ROW_LABELS
from htdesk.render import html as render
from htdesk.store.pages import link_index, page_data
from htdesk.store.report import ReportStore

NBSP = "\u00a0"


@pytest.fixture
def french() -> Iterator[None]:
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def _page(store: ReportStore, record_id: str) -> str:
    data = page_data(store, record_id)
    assert data is not None
    return render.page_html(data, link_index(store))


def test_a_french_page_cites_in_french_and_quotes_the_report_in_english(french: None, store: ReportStore) -> None:
    page = _page(store, "institution/no/kom")
    assert f"Source{NBSP}: Rapport du CIPC, annexe 4, p. 107" in page
    assert "<h2>Composition</h2>" in page and "<h2>Mission</h2>" in page
    assert "Acronyme" in page and "Création" in page
    assert "Police Directorat" in page  # the report's words, untranslated


def test_the_glossary_shows_the_reports_french_name_first(french: None, store: ReportStore) -> None:
    page = _page(store, "glossary/ocrteh")
    assert page.index("Français") < page.index("Anglais")
    i18n.set_language("en")
    english = _page(store, "glossary/ocrteh")
    assert english.index("English") < english.index("French")


def test_a_gap_reads_non_traite_dans_le_rapport(french: None, store: ReportStore) -> None:
    assert "Non traité dans le rapport" in _page(store, "country/au")


def test_every_label_a_page_shows_has_its_french(french: None) -> None:
    labels = [*ROW_LABELS.values(), NOT_COVERED, *render.KIND_NAMES.values(), *render.PAGE_WORDS]
    labels += list(render.RELATED_HEADINGS)
    same = {"Figure", "Institution", "Institutions", "Composition", "Mission", "Dimension", "Notes", "Figures"}
    untranslated = [x for x in labels if i18n.translate("render", x) == x and x not in same]
    assert untranslated == []


def test_the_home_page_says_once_that_the_report_is_english_only(french: None) -> None:
    home = render.home_html({"citation": "ICPC"}, [], [], {"glossary": 118, "glossary_fr": 40})
    assert home.count("n’existe qu’en anglais") == 1
    assert "118 entrées, dont 40 avec le nom français" in home
    i18n.set_language("en")
    assert "English only" not in render.home_html({"citation": "ICPC"}, [], [], {})


def test_citations_read_in_french(french: None) -> None:
    assert i18n.cite("Chapter III, 1.3, footnote 14, pp. 36–48") == "chapitre III, 1.3, note 14, p. 36–48"
    assert i18n.cite("List of acronyms, p. 9") == "Liste des acronymes, p. 9"
    assert i18n.cite("Appendices, note 57, p. 94") == "annexes, note 57, p. 94"


def test_the_cli_prints_a_french_comparison_sheet(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "x.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "htdesk", "--lang", "fr", "compare", "be", "fr", "--pdf", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    expected = ["comparaison des pays", "Plan d’action national", "Non traité dans le rapport", "chapitre III"]
    assert [w for w in expected if w not in text] == []
    assert "Page 1 sur 1" in text


def test_search_results_say_where_in_french(french: None, built_db: Path) -> None:
    """The place under a result is the app's words around the report's: French like the rest."""
    from htdesk.store.search import search

    fresh = ReportStore(built_db)  # a lexicon of its own: places are kept per database once made
    try:
        wheres = [h.where for h in search(fresh, "KOM").hits]
    finally:
        fresh.close()
    assert any("annexe 4" in w for w in wheres) and not any("Appendix" in w for w in wheres)
