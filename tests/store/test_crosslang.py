"""French queries read as the report's English: the issue's pairs, elisions, accents, English left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from htdesk.store.crosslang import term_key, translate, words
from htdesk.store.report import ReportStore


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("travail forcé", "forced labour"),
        ("exploitation sexuelle", "sexual exploitation"),
        ("traite des personnes", "trafficking in persons"),
        ("proxénétisme", "pimping"),
        ("plan d'action national", "national action plan"),
        ("plan d’action national", "national action plan"),  # the typographic apostrophe
        ("mineurs non accompagnés", "unaccompanied minors"),
        ("Travail force en Norvege", "forced labour norway"),  # accents and case optional
        ("la traite des êtres humains en Belgique", "trafficking in human beings belgium"),
        ("Gendarmerie royale du Canada", "royal canadian mounted police"),  # a glossary pair
    ],
)
def test_french_queries_become_the_reports_english(store: ReportStore, french: str, english: str) -> None:
    found = translate(store, french)
    assert found is not None and found.english == english


@pytest.mark.parametrize(
    "query", ["forced labour", "police", "prostitution in Sweden", "KOM", "Norway", "de la", "", "   "]
)
def test_english_and_empty_queries_are_left_alone(store: ReportStore, query: str) -> None:
    assert translate(store, query) is None


def test_elisions_and_hyphens_are_undone() -> None:
    assert words("L'État-major d’une ONG") == ["etat", "major", "une", "ong"]
    assert term_key("Plan d'action") == term_key("plan action")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_translates_or_not_without_error(store: ReportStore, text: str) -> None:
    found = translate(store, text)
    assert found is None or (found.english and found.terms)
