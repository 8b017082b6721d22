"""Records held to each other and to the report: glossary to institutions, countries to the comparison table."""

from __future__ import annotations

import re
from pathlib import Path

from htdesk.build.assemble import Content
from htdesk.build.database import write_database
from htdesk.content.consistency import comparison_problems, glossary_problems
from htdesk.content.kinds import Dimension
from htdesk.content.models import Country, GlossaryEntry
from htdesk.paths import report_path
from htdesk.store.check import check_database
from htdesk.store.report import ReportStore

FLAT = re.sub(r"\s+", " ", report_path().read_text("utf-8"))


def _entry(content: Content, gid: str) -> GlossaryEntry:
    return next(g for g in content.glossary if g.id == gid)


def _country(content: Content, code: str) -> Country:
    return next(c for c in content.countries if c.code == code)


def test_minteh_names_the_trafficking_section(content: Content) -> None:
    # Appendix 2 (lines 4935-4955): "THB unit within the minors and trafficking in human beings section (MINTEH)".
    assert _entry(content, "glossary/minteh").expansion_en == "minors and trafficking in human beings section"


def test_dgc_is_the_directorate_general(content: Content) -> None:
    # Appendix 2 (line 5004): "Directorate General of Consular Affairs (DGC)".
    assert _entry(content, "glossary/dgc").expansion_en == "Directorate General of Consular Affairs"


def _texts(country: Country, dim: Dimension) -> str:
    return " ".join(s.text for s in country.dimensions[dim] if s.source.ref == "Chapter III, comparison table")


def test_australia_red_cross_statements_sit_where_the_comparison_table_puts_them(content: Content) -> None:
    au = _country(content, "au")
    assert "The Red Cross compiles data pertaining to victims" in _texts(au, Dimension.DATA_COLLECTION)
    assert "in charge of implementing a support programme" in _texts(au, Dimension.NGO_INVOLVEMENT)
    assert "Red Cross is in charge" not in _texts(au, Dimension.DATA_COLLECTION)
    assert "compiles data" not in _texts(au, Dimension.NGO_INVOLVEMENT)


def test_uk_human_trafficking_centre_is_under_coordination(content: Content) -> None:
    gb = _country(content, "gb")
    assert "United Kingdom Human Trafficking Centre (UKHTC)" in _texts(gb, Dimension.COORDINATION)
    assert "United Kingdom Human Trafficking Centre" not in _texts(gb, Dimension.DATA_COLLECTION)


def test_the_data_keeps_every_consistency_rule(content: Content) -> None:
    assert glossary_problems(content.glossary, content.institutions) == []
    assert comparison_problems(content.countries, content.figures) == []


def test_rule_catches_an_expansion_that_drops_words(content: Content) -> None:
    short = _entry(content, "glossary/dgc").model_copy(update={"expansion_en": "Directorate of Consular Affairs"})
    glossary = [short if g.id == short.id else g for g in content.glossary]
    problems = glossary_problems(glossary, content.institutions)
    assert len(problems) == 1 and "glossary/dgc" in problems[0] and "leaves words out" in problems[0]


def test_rule_catches_a_statement_under_another_dimension(content: Content) -> None:
    gb = _country(content, "gb")
    dims = dict(gb.dimensions)
    moved = [s for s in dims[Dimension.COORDINATION] if "UKHTC" in s.text]
    dims[Dimension.COORDINATION] = [s for s in dims[Dimension.COORDINATION] if s not in moved]
    dims[Dimension.DATA_COLLECTION] = [*dims[Dimension.DATA_COLLECTION], *moved]
    swapped = gb.model_copy(update={"dimensions": dims})
    problems = comparison_problems([swapped], content.figures)
    assert problems and all("country/gb" in p and "National Coordination Mechanisms" in p for p in problems)


def test_htdesk_check_reports_a_record_that_contradicts_another(content: Content, tmp_path: Path) -> None:
    short = _entry(content, "glossary/minteh").model_copy(update={"expansion_en": "minors and human beings section"})
    broken = Content(**{**content.__dict__, "glossary": [short if g.id == short.id else g for g in content.glossary]})
    store = ReportStore(write_database(broken, tmp_path / "ht.sqlite"))
    try:
        problems = check_database(store)
    finally:
        store.close()
    assert any("glossary/minteh" in p and "leaves words out" in p for p in problems)


def test_dutch_nrm_is_the_national_rapporteur_and_the_uk_nrm_the_referral_mechanism(store: ReportStore) -> None:
    # Appendix 5 (lines 6108-6116): "National Rapporteur on Trafficking in Human Beings (NRM)";
    # Chapter III, 3.2 (line 2657): "The United Kingdom makes use of a National Referral Mechanism (NRM)".
    dutch = store.page("institution/nl/nrm") or ""
    assert 'href="ht:glossary/nrm-nl"' in dutch and 'href="ht:glossary/nrm"' not in dutch
    for uk in ("country/gb", "section/3-3-2", "institution/gb/nrm-oversight-group"):
        page = store.page(uk) or ""
        assert 'href="ht:glossary/nrm"' in page and "glossary/nrm-nl" not in page, uk
    rapporteur = store.record("glossary/nrm-nl")
    assert rapporteur is not None and rapporteur.expansion_en == "National Rapporteur on Trafficking in Human Beings"  # type: ignore[attr-defined]


def test_rule_catches_an_institution_linking_another_countrys_meaning(content: Content) -> None:
    dutch = next(i for i in content.institutions if i.id == "institution/nl/nrm")
    wrong = dutch.model_copy(update={"glossary": ["glossary/nrm"]})
    institutions = [wrong if i.id == dutch.id else i for i in content.institutions]
    problems = glossary_problems(content.glossary, institutions)
    assert problems == ["institution/nl/nrm links glossary/nrm, the meaning of NRM in gb, not in nl"]


def test_rule_catches_an_acronym_with_two_meanings_not_bound_to_countries(content: Content) -> None:
    unbound = [g.model_copy(update={"countries": []}) if g.acronym == "NRM" else g for g in content.glossary]
    problems = glossary_problems(unbound, content.institutions)
    assert any("glossary/nrm: NRM has 2 meanings" in p for p in problems)
