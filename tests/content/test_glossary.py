"""The glossary: acronyms with their English and French names, exactly as the report prints them."""

from __future__ import annotations

import re

import pytest

from htdesk.build.assemble import Content
from htdesk.content.models import GlossaryEntry
from htdesk.paths import report_path

REPORT = report_path().read_text("utf-8")
FLAT = re.sub(r"\s+", " ", REPORT)  # line breaks undone: names wrap in the acronym table
ACRONYM_TABLE = "\n".join(REPORT.split("\n")[102:353])  # lines 103-353, after the executive summary

# Read from the list of acronyms (lines 103-353). The table had four columns (French acronym,
# French name, English acronym, English name) that the extraction printed one after the other
# in the same order, so the n-th French name pairs with the n-th English name.
# (acronym, English name, French acronym or None, French name)
PAIRS: list[tuple[str, str, str | None, str]] = [
    (
        "IDMG",
        "Inter-Departmental Ministerial Group",
        "IDMG",
        "Groupe ministériel interdépartemental sur la lutte contre la traite",
    ),
    (
        "KOM",
        "National Coordination Unit for Victims of Trafficking",
        "KOM",
        "Unité de coordination nationale pour les victimes",
    ),
    ("NCM", "National Coordination Mecanism", None, "Mécanisme national de coordination"),
    (
        "NAV",
        "Norwegian Labour and Walfare Services",
        None,
        "Direction norvégienne du travail et de l’assistance sociale",
    ),
    (
        "NBHW",
        "National Board of Health and Welfare",
        None,
        "Conseil national de la santé et d’assistance sociale",
    ),
    ("NCA", "National Crime Agency", None, "Agence nationale de la criminalité"),
    ("NTNU", "National Centre of Expertise", "NTNU", "Centre d’expertise nationale"),
    (
        "OCRTEH",
        "Central Office for the Abolition of Human Trafficking",
        "OCRTEH",
        "Office central pour la répression de la traite des êtres humains",
    ),
    (
        "IOM",
        "International Organization for Migration",
        "OIM",
        "Organisation international pour les migrations",
    ),
    ("ILO", "International Labour Organisation", "OIT", "Organisation international du travail"),
    (
        "OMCT",
        "Office to Monitor and Combat Trafficking",
        "OMTC",
        "Office de surveillance et de lutte à la traite humaine",
    ),
    ("NGO", "Non-Governmental Organization", None, "Organisation non gouvernementale"),
    (
        "UNODC",
        "United Nations Office on Drugs and Crime",
        None,
        "Office des Nations Unis contre la drogue et le crime",
    ),
    (
        "OSCE",
        "Organization for Security and Cooperation in Europe",
        "OSCE",
        "Organisation pour la sécurité et la coopération en Europe",
    ),
    (
        "PACT",
        "Persons Against the Crime of Trafficking in humans",
        "PACT",
        "Personne en action contre la traite des personnes",
    ),
    ("NAP", "National Action Plan", "PAN", "Plan d'action national"),
    ("RALON", "Risk and Liaison Overseas Network", "RALON", "Réseau risques et liaison à l’étranger"),
    ("NCS", "National Coordination Secretariat", "SNC", "Secrétariat national de coordination"),
    ("SOCA", "Serious Organized Crime Agency", "SOCA", "Agence sérieuse contre le crime organisé"),
    ("SPOG", "Senior Policy Operating Group", None, "Groupe opérationnel principal de la politique"),
    ("TVPA", "Trafficking Victims Protection Act", "TVPA", "Loi sur la protection des victimes de la traite"),
    ("UKBA", "United Kingdom Border Agency", "UKBA", "Agence de protection des frontières du Royaume Uni"),
    ("EFUS", "European Forum for Urban Security", None, "Forum européen de sécurité urbaine"),
    ("ILR", "International Letter of Request", None, "Commission Rogatoire Internationale"),
]

# Rows whose French name the extraction lost or cut short: the glossary must not guess one.
NO_FRENCH_NAME = ["CAVAC", "CBSS", "CEOP", "ICPC", "GRETA", "RCMP", "ECPAT", "GLA", "GEMS", "UNICRI", "LOSU"]


def _entry(content: Content, acronym: str) -> GlossaryEntry:
    found = [e for e in content.glossary if e.acronym == acronym]
    assert len(found) == 1, f"{acronym}: {len(found)} entries"
    return found[0]


@pytest.mark.parametrize(("acronym", "en", "acronym_fr", "fr"), PAIRS, ids=[p[0] for p in PAIRS])
def test_pairs_match_the_list_of_acronyms(
    content: Content, acronym: str, en: str, acronym_fr: str | None, fr: str
) -> None:
    for printed in (en, fr):
        assert printed in FLAT, f"the expected string {printed!r} is not in the report"
    entry = _entry(content, acronym)
    assert entry.expansion_en == en
    assert entry.expansion_fr == fr
    if acronym_fr is not None:
        assert acronym_fr in ACRONYM_TABLE
        assert entry.acronym_fr == acronym_fr
    assert entry.source.ref == "List of acronyms"


def test_the_sample_is_large_enough() -> None:
    assert len(PAIRS) >= 15


@pytest.mark.parametrize(
    ("acronym", "en", "in_body"),
    [
        ("CBSS", "Council of the Baltic Sea States", "Council of the Baltic Sea States (CBSS)"),
        ("CEOP", "Child Exploitation and Online Protection Centre", "CEOP’s mission"),
        (
            "ICPC",
            "International Centre for the Prevention of Crime",
            "International Centre for the Prevention of Crime (ICPC)",
        ),
    ],
)
def test_acronyms_known_from_the_body_are_present(content: Content, acronym: str, en: str, in_body: str) -> None:
    # The list prints these English names but lost their acronyms: the pairing comes from the body.
    assert not re.search(rf"^\s*{acronym}\s*$", ACRONYM_TABLE, re.MULTILINE)
    assert in_body in FLAT
    assert en in FLAT
    assert _entry(content, acronym).expansion_en == en


def test_acronyms_known_from_the_body_are_flagged(content: Content) -> None:
    assert all(_entry(content, a).from_body for a in ("CBSS", "CEOP", "ICPC"))


def test_from_body_entries_cite_the_body(content: Content) -> None:
    body_entries = [e for e in content.glossary if e.from_body]
    assert len(body_entries) >= 40
    for e in body_entries:
        assert e.source.ref != "List of acronyms", e.acronym
        assert e.acronym in FLAT, e.acronym


def test_spellings_of_the_belgian_centre_are_one_entry(content: Content) -> None:
    for spelling in ("CECLR", "CEOOR", "CCELR"):
        assert spelling in FLAT  # the report prints all three
    holders = [e for e in content.glossary if {e.acronym, *e.variants} & {"CECLR", "CEOOR", "CCELR"}]
    assert len(holders) == 1
    entry = holders[0]
    assert {entry.acronym, *entry.variants} == {"CECLR", "CEOOR", "CCELR"}
    assert entry.expansion_en == "Centre for Equal Opportunities and Opposition to Racism"


@pytest.mark.parametrize("acronym", NO_FRENCH_NAME)
def test_no_french_name_is_invented(content: Content, acronym: str) -> None:
    assert _entry(content, acronym).expansion_fr is None


def _french_names(content: Content) -> list[GlossaryEntry]:
    return [e for e in content.glossary if e.expansion_fr]


@pytest.mark.parametrize(
    "acronym",
    [
        e
        for e in [
            "NCPC",
            "DSS",
            "IMDI",
            "PION",
            "PITF",
            "RIEC",
            "SPC",
            "SPF",
            "SPVM",
            "STPP",
            "UDI",
            "UKHTC",
            "ALC",
        ]
    ],
)
def test_french_names_are_printed_in_the_report(content: Content, acronym: str) -> None:
    entry = _entry(content, acronym)
    assert entry.expansion_fr
    # Table cells wrap anywhere: compare without spaces so "Accompagnement lieux" / "d'accueil" match.
    assert re.sub(r"\s+", "", entry.expansion_fr).lower() in re.sub(r"\s+", "", REPORT).lower()


def test_miprof_french_name_is_completed_from_appendix_3(content: Content) -> None:
    """The list cuts MIPROF's French name off; Appendix 3 prints its end, so nothing is invented."""
    entry = _entry(content, "MIPROF")
    assert entry.expansion_fr is not None
    listed = (
        "Mission interministérielle pour la protection des femmes contre les violences et la lutte contre la traite des"
    )
    assert re.sub(r"\s+", "", listed).lower() in re.sub(r"\s+", "", REPORT).lower()
    assert entry.expansion_fr.startswith(listed)
    assert entry.expansion_fr.endswith("êtres humains")
    appendix_3 = "\n".join(REPORT.split("\n")[5095:5659])
    assert "êtres humains" in appendix_3 or "êtres" in appendix_3
    assert any("Appendix 3" in n or "p. 10" in n for n in (x.text for x in entry.notes))


def test_acronyms_are_unique(content: Content) -> None:
    ids = [e.id for e in content.glossary]
    assert len(ids) == len(set(ids))
