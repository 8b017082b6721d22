"""Practices: the 24 prevention practices of Chapter III, section 6, placed as the report places them."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from htdesk.__main__ import main
from htdesk.build.assemble import Content
from htdesk.content.models import Evaluated, Figure, Practice
from htdesk.content.text import block_text
from htdesk.paths import content_dir, report_path

# The report's words, read across line breaks, footnote calls and citations: the same normaliser
# as the country profiles use.
from tests.content.test_countries import PAGES, locate

LINES = report_path().read_text("utf-8").split("\n")

# Read from Chapter III, section 6 (lines 3476-4091): each practice's heading line, the countries
# its heading or first paragraph names, its subsection (6.1 ... 6.8) and the year the text gives
# for its launch (None where it gives none).
# slug: (heading line, countries, theme, year, reference)
EXPECTED: dict[str, tuple[int, list[str], str, int | None, str]] = {
    # 6.1 Awareness campaigns
    "domestic-workers-campaign": (
        3502,
        ["be"],
        "3-6-1",
        2005,
        "6.1.a",
    ),  # "In 2005, the Foundation ... launched a campaign"
    "safe-trip-campaign": (
        3517,
        ["se"],
        "3-6-1",
        2010,
        "6.1.b",
    ),  # "Since 2010, the campaign has been disseminated"
    "looks-can-deceive": (
        3531,
        ["nl"],
        "3-6-1",
        2006,
        "6.1.c",
    ),  # "In 2006, the national campaign Schijn Bedriegt"
    "awareness-campaign-australia": (3554, ["au"], "3-6-1", None, "6.1.d"),  # 2008 is the roundtable's year
    "be-safe-be-smart": (3573, ["us"], "3-6-1", None, "6.1.e"),
    "gems": (3582, ["us"], "3-6-1", None, "6.1.f"),  # a New York-based agency
    # 6.2 Training
    "awareness-raising-social-health-sectors-belgium": (3605, ["be"], "3-6-2", None, "6.2.a"),
    # 6.3 Initiatives at borders and at the international level
    "brazilian-network-belgium": (3631, ["be", "br"], "3-6-3", 2009, "6.3.a"),  # "In 2009, Belgium ..."
    # 6.4 Rehabilitation
    "rosa-project-norway": (3659, ["no"], "3-6-4", 2005, "6.4.a"),  # "Launched in 2005 ..."
    "pag-asa-belgium": (3674, ["be"], "3-6-4", None, "6.4.b"),
    "exit-programmes-prostitutes-netherlands": (3698, ["nl"], "3-6-4", 2008, "6.4.c"),
    # 6.5 Initiatives for children and youth
    "awareness-raising-schools-norway": (3710, ["no"], "3-6-5", 2007, "6.5.a"),
    "child-sex-tourism-sweden": (3768, ["se"], "3-6-5", 2010, "6.5.b"),  # "launched in 2010"
    "gender-equality-france": (
        3780,
        ["fr"],
        "3-6-5",
        2006,
        "6.5.c",
    ),  # "the 2006-2011 Interministerial convention"
    "child-pornography-belgium": (3800, ["be"], "3-6-5", 2004, "6.5.d"),  # "In 2004, ECPAT Belgium launched"
    "action-plan-against-loverboys-netherlands": (3811, ["nl"], "3-6-5", None, "6.5.e"),
    "project-safe-childhood": (3838, ["us"], "3-6-5", 2006, "6.5.f"),  # "launched ... in 2006"
    # 6.6 Research initiatives and others
    "see-me-study-sweden": (3856, ["se"], "3-6-6", 2008, "6.6.a"),  # "In 2008, the Swedish government"
    "cultural-mediators-europe": (3869, ["bg", "it"], "3-6-6", None, "6.6.b"),  # "in Bulgaria and Italy"
    "transparency-in-supply-chains-act": (
        3896,
        ["us"],
        "3-6-6",
        2010,
        "6.6.c",
    ),  # "In 2010, the California ..."
    # 6.7 Canada-based practices
    "truckstop": (3936, ["ca"], "3-6-7", None, "6.7.a"),
    "les-survivantes-project": (3952, ["ca"], "3-6-7", 2009, "6.7.b"),  # "(SPVM) in 2009"
    # 6.8 International practices
    "gangmasters-licensing-authority": (3974, ["gb"], "3-6-8", 2005, "6.8.a"),  # "Created in 2005"
    "programme-combat-trafficking-colombia": (4029, ["co"], "3-6-8", 2001, "6.8.b"),  # "In 2001, the IOM"
}

# The figures printed inside a practice's text (Figure 30 in 6.5.a, 31 in 6.6.c, 32 in 6.8.a and
# the unnumbered box of the Colombian programme's components in 6.8.b).
FIGURES = {
    "awareness-raising-schools-norway": ["figure/30"],
    "transparency-in-supply-chains-act": ["figure/31"],
    "gangmasters-licensing-authority": ["figure/32"],
    "programme-combat-trafficking-colombia": ["figure/colombia-programme-components"],
}

SECTION_6 = (
    next(n for n, t in enumerate(LINES, 1) if t.strip().startswith("6. ") and "prevention" in t.lower()),
    next(n for n, t in enumerate(LINES, 1) if n > 4000 and t.strip().lower().startswith("conclusion")),
)


def _raw() -> dict[str, dict[str, object]]:
    raw = tomllib.loads((content_dir() / "practices.toml").read_text("utf-8"))["practice"]
    return {str(r["slug"]): r for r in raw}


RAW = _raw()


def _by_slug(content: Content) -> dict[str, Practice]:
    return {p.id.removeprefix("practice/"): p for p in content.practices}


def test_count_of_practices(content: Content) -> None:
    assert len(content.practices) == 24
    assert sorted(_by_slug(content)) == sorted(EXPECTED)


def test_expectations_follow_the_reports_headings() -> None:
    """The heading line of each practice names it (the heading words of the record's name)."""
    for slug, (line, _, _, _, _) in EXPECTED.items():
        assert SECTION_6[0] < line < SECTION_6[1], slug
        heading = LINES[line - 1].strip()
        assert heading, f"{slug}: line {line} is blank"
        assert RAW[slug]["source"]["line"] == line, f"{slug} cites line {RAW[slug]['source']['line']}"  # type: ignore[index]


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_practice_country_theme_and_year(content: Content, slug: str) -> None:
    practice = _by_slug(content)[slug]
    line, countries, theme, year, ref = EXPECTED[slug]
    assert sorted(practice.countries) == countries
    assert practice.theme == f"section/{theme}"
    assert practice.year == year
    assert practice.source.ref == f"Chapter III, {ref}"
    assert practice.source.page == PAGES.page_of(line)
    if year is not None:
        # The year is printed in the practice's own text, below its heading.
        text = " ".join(LINES[line - 1 : line + 40])
        assert str(year) in text, f"{slug}: {year} is not in its text"
    # The heading is the record's name, in the report's words.
    assert locate(practice.name, line) is not None, practice.name


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_description_is_the_reports_text(content: Content, slug: str) -> None:
    practice = _by_slug(content)[slug]
    line = EXPECTED[slug][0]
    for paragraph in block_text(practice.description):
        found = locate(paragraph, line)
        assert found is not None, f"not the report's wording: {paragraph[:100]!r}"
        assert line - 5 <= found <= line + 150, f"{paragraph[:60]!r} is at line {found}, far from {line}"
    if practice.evaluation:
        assert locate(practice.evaluation, line) is not None, practice.evaluation


def test_evaluated_practices_say_how(content: Content) -> None:
    for p in content.practices:
        if p.evaluated in (Evaluated.YES, Evaluated.NO, Evaluated.UNDER_WAY):
            assert p.evaluation, f"{p.id} is marked {p.evaluated} without the report's words on it"


def test_figures_linked_exist_and_belong_to_the_practice(content: Content) -> None:
    figures: dict[str, Figure] = {f.id: f for f in content.figures}
    raw_figures = {f["id"]: f for f in tomllib.loads((content_dir() / "figures.toml").read_text("utf-8"))["figure"]}
    slugs = sorted(EXPECTED)
    for slug, practice in _by_slug(content).items():
        assert practice.figures == FIGURES.get(slug, []), slug
        line = EXPECTED[slug][0]
        nxt = min((EXPECTED[s][0] for s in slugs if EXPECTED[s][0] > line), default=SECTION_6[1])
        for fid in practice.figures:
            assert fid in figures, f"{slug} links to missing {fid}"
            first, _ = raw_figures[fid]["lines"]
            assert line <= first < nxt, f"{fid} (line {first}) is not printed inside {slug}"
            assert figures[fid].section.startswith(practice.theme), fid


def test_linked_institutions_and_countries_exist(content: Content) -> None:
    institutions = {i.id for i in content.institutions}
    countries = {c.code for c in content.countries}
    for p in content.practices:
        assert set(p.countries) <= countries, p.id
        assert set(p.institutions) <= institutions, p.id
        for inst in p.institutions:
            assert inst.split("/")[1] in p.countries, f"{p.id} links {inst} of another country"


def test_export_lists_every_practice_with_all_fields(
    capsys: pytest.CaptureFixture[str], built_db: Path, content: Content
) -> None:
    assert main(["--db", str(built_db), "export"]) == 0
    doc = json.loads(capsys.readouterr().out)
    exported = {p["id"]: p for p in doc["practices"]}
    assert sorted(exported) == sorted(p.id for p in content.practices)
    fields = set(Practice.model_fields) - {"id"}
    for p in content.practices:
        rec = exported[p.id]
        assert fields <= set(rec), f"{p.id} lacks {fields - set(rec)}"
        assert rec["countries"] == p.countries and rec["theme"] == p.theme and rec["year"] == p.year
        assert rec["source"]["ref"] == p.source.ref and rec["source"]["page"] == p.source.page


def test_no_stray_footnote_numbers_in_names(content: Content) -> None:
    """Headings carry footnote calls ("PAG-ASA50", "TruckSTOP54"): names must not."""
    for p in content.practices:
        assert not re.search(r"[A-Za-z]\d{1,2}\b", p.name), p.name
