"""Institutions: every row of Appendices 2-9 is a record, in the report's own words, undamaged."""

from __future__ import annotations

import itertools
import re
import shutil
import sqlite3
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from htdesk.__main__ import main
from htdesk.build.assemble import Content, dangling_references
from htdesk.content.models import Institution
from htdesk.paths import content_dir, report_path
from tests.content.wording import take_words

REPORT = report_path().read_text("utf-8")
LINES = REPORT.split("\n")

# The appendix of each country's institutional framework (the appendix headings, lines 4265-7134).
APPENDIX_OF = {"be": 2, "fr": 3, "no": 4, "nl": 5, "au": 6, "gb": 7, "se": 8, "us": 9}
APPENDIX_START = {
    int(m.group(1)): n for n, t in enumerate(LINES, 1) if (m := re.match(r"\s*APPENDIX (\d)\. Institutional", t))
}
APPENDIX_RANGE = {k: (start, APPENDIX_START.get(k + 1, len(LINES) + 1) - 1) for k, start in APPENDIX_START.items()}

# Rows counted by reading each appendix's Name column. Norway adds the two working groups of
# Figure 20 (KOM chairs them); Canada has no appendix, its two bodies come from Chapter I, 2.
COUNTS = {"be": 10, "fr": 19, "no": 7, "nl": 12, "au": 7, "gb": 11, "se": 8, "us": 24, "ca": 2}


# -- the report's wording, with the extraction's line breaks folded ----------------------------
def _plain(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").replace("`", "'").lower()


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _plain(text))


# Footnote calls glued to words ("Crime60", "Belgium10") are not the report's wording.
_FOOTNOTE_CALL = re.compile(r"(?<=[A-Za-z.,;:)\"'’”])\d{1,2}\b")
# Letters and digits only: line breaks, lost hyphens and spacing cannot hide a match.
FOLDED = "".join(_tokens(_FOOTNOTE_CALL.sub("", REPORT)))


def occurs(text: str) -> bool:
    """The text is the report's, read across line breaks."""
    return "".join(_tokens(text)) in FOLDED


@dataclass(frozen=True)
class Cell:
    """A table cell the extraction scattered over report lines first..last.

    Its words are all there, mixed with other cells' words, not one after the other.
    """

    text: str
    first: int
    last: int

    def in_report(self) -> bool:
        return not _missing_words(self.text, "\n".join(LINES[self.first - 1 : self.last]))


def _bag(text: str) -> Counter[str]:
    """The words of a text, hyphens and apostrophes taken out.

    So "anti-trafficking" and the extraction's "antitrafficking" are one word.
    """
    return Counter(re.sub(r"[\W_]", "", w) for w in _plain(text).split() if re.search(r"[^\W_]", w))


# Words the extraction damaged beyond line breaks and hyphens; the curated text has them mended
# (and a note says so where the mend is more than a glyph).
MENDED = {"monitoring": "monitori", "australias": "australiaès"}


def _missing_words(item: str, lines: str) -> list[str]:
    """Words of an item not found among the given report lines ("Co-" / "ordination" at a line end joined)."""
    have = _bag(lines)
    have.update(a + b for a, b in re.findall(r"([^\W_]+)-[ \t]*\n\s*([^\W_]+)", _plain(lines)))
    for whole, cut in MENDED.items():
        have[whole] += have[cut]
    return take_words(_plain(item).split(), have)


Expected = str | Cell


def _text(e: Expected) -> str:
    return e.text if isinstance(e, Cell) else e


def _in_report(e: Expected) -> bool:
    return e.in_report() if isinstance(e, Cell) else occurs(e)


@dataclass(frozen=True)
class Row:
    """One institution as read from the report: items are a subset of the record's, in order."""

    id: str
    name: Expected
    established: str | None
    established_evidence: Expected | None  # the report's words that give the year
    composition: tuple[Expected, ...]
    n_composition: int
    mission: tuple[Expected, ...]
    n_mission: int


ROWS = [
    # Appendix 2, Belgium
    Row(
        "institution/be/inter-departmental-co-ordination-unit",
        Cell("Inter-Departmental Co-ordination Unit for Action against Trafficking in Human Beings", 4272, 4291),
        "1995",
        "since 1995 but was revitalized",
        ("Minister of Social Affairs", "State Security Service"),
        23,
        (
            "Follow the implementation and coordination of the NAP.",
            "Evaluate the result of the action against trafficking.",
        ),
        2,
    ),
    Row(
        "institution/be/crime-policy-department",
        Cell("Crime Policy Department of the Federal Public Department of Justice", 4531, 4544),
        None,
        None,
        ("Bench of Prosecutors General",),
        1,
        (
            "Harmonize prevention, repression and sentence enforcement policy.",
            "Conduct an annual assessment of the research and prosecution policies on human trafficking.",
        ),
        4,
    ),
    Row(
        "institution/be/federal-and-local-police",
        Cell("Federal police and local police", 4775, 4782),
        None,
        None,
        (
            "Central Service for THB Affairs is part of the federal criminal investigative police.",
            Cell(
                "Each judicial district (27) has a decentralized THB unit working full-time on trafficking.",
                4793,
                4807,
            ),
        ),
        3,
        (
            "Provide support to the federal and local police in action against trafficking in human beings, "
            "child pornography and smuggling of migrants.",
            "Carry out strategic and operational analyses of the nature and trends of human trafficking as "
            "well "
            "as the risk sectors.",
        ),
        2,
    ),
    # Appendix 3, France
    Row(
        "institution/fr/miprof",
        Cell(
            "Interministerial Mission for the protection of women against violence and trafficking in human beings",
            5121,
            5152,
        ),
        "2013",
        "MIPROF)- 2013",
        (Cell("“Six complementary experts with profiles from different ministries”", 5123, 5150),),
        1,
        (
            "Coordinate the fight against trafficking in human beings.",
            "Establish a coordination mechanism and a national strategy against THB and ensure "
            "interdepartmental "
            "mobilization and active partnership with community and territorial areas.",
        ),
        2,
    ),
    Row(
        "institution/fr/dav",
        "Delegation for Victims",
        None,
        None,
        ("Members of the police and gendarmerie",),
        1,
        (
            "Promote greater consideration of victims, including THB victims, in the different ministry departments.",
            "Codirect working groups on the NAP with Office for Victims Assistance.",
        ),
        2,
    ),
    Row(
        "institution/fr/specialized-central-offices",
        Cell("Five specialized central offices for criminal investigations", 5258, 5262),
        None,
        None,
        (
            "Central Office for Combating Illegal Labour (OCLTI)",
            "Central Office for Combating Itinerant Crime (OCLDI)",
        ),
        5,
        (
            Cell(
                "Coordinate investigation work throughout the territory in their respective fields of competence.",
                5260,
                5284,
            ),
        ),
        1,
    ),
    # Appendix 4, Norway
    Row(
        "institution/no/inter-ministerial-working-group",
        Cell("Inter-ministerial Working Group against Human Trafficking", 5667, 5682),
        "2003",
        "Trafficking - 2003",
        ("Ministry of Labour", "Ministry of Defence"),
        9,
        (
            "Oversee the implementation of the plans of action.",
            "Prepare status reports on the implementation of the NAP.",
        ),
        2,
    ),
    Row(
        "institution/no/kom",
        Cell("National Coordinating Unit for Victims of Trafficking", 5761, 5777),
        "2006",
        "Trafficking (KOM) - 2006",
        (Cell("The national Police Directorat, under the Ministry of Justice and Public Safety", 5763, 5771),),
        1,
        ("Improve co-ordination between the authorities and NGOs.", "Publish an annual report on THB."),
        4,
    ),
    Row(
        "institution/no/udi",
        "Directorate of Immigration",
        None,
        None,
        ("A team specialized in trafficking including agents from different departments.",),
        1,
        (
            "Coordinate the immigration administration of Norway, identify victims of trafficking and "
            "process "
            "applications for a reflection period, residence permits and asylum.",
        ),
        2,
    ),
    # Appendix 5, the Netherlands
    Row(
        "institution/nl/task-force-on-human-trafficking",
        "Task Force on Human Trafficking",
        "2008",
        # The appendix gives no year; Chapter III, 2.2 does (the record's notes say so).
        "In 2008, the Dutch government, through VenJ, created a Working Group (WG) on Human Trafficking",
        (
            Cell("Chaired by the President of the Board of Prosecutors General", 5926, 5955),
            "Chamber of Commerce",
        ),
        12,
        ("Coordinate a platform for stakeholders involved in the fight against HT to consult.",),
        2,
    ),
    Row(
        "institution/nl/kmar",
        "Royal Netherlands Marechaussee",
        None,
        None,
        (
            Cell(
                "Three teams specialized in the fight against organized crime dealing with migration.",
                6057,
                6065,
            ),
        ),
        1,
        (
            "Ensure military functions and serve as the border police at airports, ports and along the coast.",
            "Ensure general surveillance missions in airports.",
        ),
        3,
    ),
    Row(
        "institution/nl/nrm",
        Cell("National Rapporteur on Trafficking in Human Beings", 6108, 6116),
        None,
        None,
        (
            Cell(
                "The National Rapporteur is assisted by an office consisting of a staff of 13, including a "
                "Head of "
                "Office, five researchers on THB and five on sexual violence against children",
                6110,
                6126,
            ),
        ),
        1,
        (
            "Analyze the state of affairs of HT at the national level and make recommendations.",
            "Submit annual reports to the government, more specifically the Minister of Security and Justice "
            "because of its coordinating role.",
        ),
        3,
    ),
    # Appendix 6, Australia
    Row(
        "institution/au/idc",
        Cell("Interdepartmental Committee on Human Trafficking and Slavery", 6205, 6221),
        "2003",
        # The appendix gives no year; Chapter III, 2.2 does (the record's notes say so).
        "was set up in 2003 to provide a multi-sectoral response",
        ("Australian Crime Commission", "Fair Work Ombudsman"),
        12,
        (Cell("Coordinate the implementation of the counter trafficking strategy.", 6211, 6219),),
        1,
    ),
    Row(
        "institution/au/afp",
        "Australian Federal Police",
        None,
        None,
        (
            "Human Trafficking Teams (HTTs) national and international operations and policy development is "
            "managed from AFP Headquarters in Canberra.",
            "There are specialist HTTs in Sydney, Melbourne and Brisbane.",
        ),
        2,
        (
            "Support government efforts in the prevention of trafficking, prosecution of traffickers and the "
            "protection and support to victims.",
            "Investigate trafficking for the purpose of sexual exploitation, labor, slavery and organ harvesting.",
        ),
        2,
    ),
    Row(
        "institution/au/anti-slavery-project",
        "Anti-Slavery Project",
        None,
        None,
        ("Asian Women at Work", "Mission Australia"),
        11,
        (
            "Increase awareness of HT in all its forms, through film, free television and Foxtel.",
            "Conduct research on forced marriage and financial compensation for victims of HT.",
        ),
        2,
    ),
    # Appendix 7, the United Kingdom
    Row(
        "institution/gb/idmg",
        Cell("Inter-Departmental Ministerial Group", 6591, 6609),
        "2005",
        "(IMDG) - 2005",
        ("Attorney General’s Office", "Welsh Assembly Government"),
        15,
        (
            Cell(
                "Coordinate policy and anti-trafficking activity across the UK Government, oversee "
                "compliance "
                "with international agreements and monitor trends in THB.",
                6597,
                6720,
            ),
        ),
        1,
    ),
    Row(
        "institution/gb/gla",
        "Gangmasters Licensing Authority",
        "2005",
        "Gangmasters Licensing Authority, GLA- 2005",
        (),
        0,
        (
            "Regulate the supply of workers to the agricultural, forestry, horticultural, shellfish "
            "gathering, "
            "food processing and packaging industries.",
            "Safeguard the welfare and interests of workers in those industries while ensuring that labour "
            "providers operate within the law.",
        ),
        3,
    ),
    Row(
        "institution/gb/northern-ireland",
        "Northern Ireland",
        None,
        None,
        (
            Cell(
                "The Department of Justice Northern Ireland provides leadership on anti-trafficking policy "
                "in "
                "Northern Ireland",
                6871,
                6885,
            ),
            "Organised Crime Task Force (OCTF)",
        ),
        2,
        (
            "Bring together governmental departments, the police, customs and other law enforcement "
            "agencies, "
            "as well as the Policing Board and local business community to set priorities for tackling "
            "organised crime, including THB.",
            "Publish annual assessments of the threat from organized crime in Northern Ireland, including THB.",
        ),
        2,
    ),
    # Appendix 8, Sweden
    Row(
        "institution/se/national-rapporteur",
        Cell("National Rapporteur on Trafficking in Human Beings", 6913, 6918),
        "1997",
        Cell("Trafficking in Human Beings - 1997", 6918, 6922),
        (
            Cell(
                "Located within the National Police Board, the rapporteur has access to primary sources of "
                "information on trafficking",
                6916,
                6925,
            ),
        ),
        1,
        ("Monitor progress in the fight against THB.", "Draft an annual report."),
        8,
    ),
    Row(
        "institution/se/national-task-force",
        Cell("National Task Force against Prostitution and Trafficking", 7021, 7033),
        "2009",
        "Trafficking– 2009",
        ("National Police Board", "Prosecution Development Centre in Gothenburg"),
        7,
        (
            "Coordinate the anti-trafficking response in Sweden.",
            "Offer strategic and operational resource for communication and knowledge-sharing between public "
            "authorities involved in preventing and combating THB for the purpose of sexual exploitation "
            "in Sweden.",
        ),
        2,
    ),
    Row(
        "institution/se/swedish-migration-board",
        "Swedish Migration Board",
        None,
        None,
        (
            Cell(
                "At least one anti-trafficking contact person at each of the Migration Board’s 75 units "
                "throughout Sweden",
                7101,
                7113,
            ),
        ),
        1,
        (
            Cell(
                "Screen applications for residence and work permits and the detection of potential victims "
                "of "
                "trafficking, whom it refers to the police.",
                7103,
                7116,
            ),
            "Inform social services about potential trafficking victims.",
        ),
        2,
    ),
    # Appendix 9, the United States
    Row(
        "institution/us/pitf",
        "President’s Interagency Task Force to Monitor and Combat Trafficking",
        "2000",
        "Monitor and Combat Trafficking, PITF2000",
        ("Department of State", "Department of Homeland Security"),
        10,
        ("Coordinate the federal government’s efforts in their actions against human trafficking",),
        1,
    ),
    Row(
        "institution/us/dos",
        "Department of State",
        None,
        None,
        ("Bureau of Diplomatic Security", "Office of Global Women’s Issues"),
        5,
        (
            "Represent the United States in the fight against human trafficking on the global stage, through "
            "its bilateral and multilateral relations.",
            "Develop international strategies to combat smuggling and THB, by means of technical support, "
            "public "
            "awareness and specific projects.",
        ),
        2,
    ),
    Row(
        "institution/us/dol",
        "Department of Labor",
        None,
        None,
        ("Wage and Hour Division", "Bureau of International Labor Affairs"),
        3,
        ("Coordinate the various activities carried out by its sub-divisions.",),
        1,
    ),
]


def _by_id(content: Content) -> dict[str, Institution]:
    return {i.id: i for i in content.institutions}


def _is_subsequence(wanted: list[str], items: list[str]) -> bool:
    it = iter(items)
    return all(any(w == x for x in it) for w in wanted)


# -- counts ---------------------------------------------------------------------------------
def test_count_per_country(content: Content) -> None:
    assert Counter(i.country for i in content.institutions) == COUNTS


def test_appendix_rows_per_country(content: Content) -> None:
    """Every record of an appendix country but the Figure 20 groups is a row of its appendix."""
    rows = Counter(i.country for i in content.institutions if i.source.ref.startswith("Appendix "))
    assert rows == {c: n - (2 if c == "no" else 0) for c, n in COUNTS.items() if c != "ca"}


# -- field by field against the report -------------------------------------------------------
def test_every_appendix_country_has_three_rows_checked() -> None:
    checked = Counter(r.id.split("/")[1] for r in ROWS)
    assert set(checked) == set(APPENDIX_OF)
    assert min(checked.values()) >= 3


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id.removeprefix("institution/"))
def test_institution_field_by_field(content: Content, row: Row) -> None:
    inst = _by_id(content).get(row.id)
    assert inst is not None, f"{row.id} is missing"
    assert inst.name == _text(row.name)
    assert inst.established == row.established
    assert len(inst.composition) == row.n_composition
    assert _is_subsequence([_text(e) for e in row.composition], inst.composition), inst.composition
    assert len(inst.mission) == row.n_mission
    assert _is_subsequence([_text(e) for e in row.mission], inst.mission), inst.mission
    assert inst.source.ref == f"Appendix {APPENDIX_OF[inst.country]}"


def _expected_strings() -> list[tuple[str, Expected]]:
    out: list[tuple[str, Expected]] = []
    for r in ROWS:
        short = r.id.removeprefix("institution/")
        out.append((f"{short}:name", r.name))
        if r.established_evidence is not None:
            out.append((f"{short}:established", r.established_evidence))
        out += [(f"{short}:composition{k}", e) for k, e in enumerate(r.composition)]
        out += [(f"{short}:mission{k}", e) for k, e in enumerate(r.mission)]
    return out


@pytest.mark.parametrize(("label", "expected"), _expected_strings(), ids=[k for k, _ in _expected_strings()])
def test_expected_strings_are_the_reports_wording(label: str, expected: Expected) -> None:
    """The expectations above are the report's words, not a curator's: proven against the text."""
    assert _in_report(expected), f"{label}: {_text(expected)!r} is not in the report"


def test_established_years_are_in_their_evidence() -> None:
    for r in ROWS:
        if r.established:
            assert r.established_evidence is not None and r.established in _text(r.established_evidence)


def _row_window(inst: Institution) -> str:
    """The report lines a row's cells can be scattered over.

    A little above its name cell (cells of one row start side by side) and a page or so below
    it (long cells run on).
    """
    line = _source_line(inst)
    return "\n".join(LINES[max(0, line - 40) : line + 300])


def test_every_institution_text_is_the_reports_wording(content: Content) -> None:
    """Names, composition and mission items are the report's wording.

    Either read straight across line breaks, or every word present (as often as used) among
    the lines of the row's table cells.
    """
    bad = []
    for inst in content.institutions:
        window = _row_window(inst)
        for field, items in (
            ("name", [inst.name]),
            ("composition", inst.composition),
            ("mission", inst.mission),
        ):
            for item in items:
                if occurs(item):
                    continue
                missing = _missing_words(item, window)
                if missing:
                    bad.append(f"{inst.id} {field}: {item!r} (not in the report: {missing})")
    assert not bad, "\n".join(bad)


# -- extraction damage -------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    # "Barnardo's" is one word to a reader: drop the possessive before splitting.
    return re.findall(r"[^\W\d_]+", re.sub(r"['’]s\b", "", text).lower())


VOCABULARY = Counter(_words(REPORT))
_PAIRS_IN_A_LINE = {p for line in LINES for w in [_words(line)] for p in itertools.pairwise(w)}


def _split_by_a_line_break() -> set[tuple[str, str]]:
    """(first half, second half) of every word the report splits over a line break.

    ("centre" / "d" for "centred"): joined they are a word the report uses, they never stand
    side by side within a line, and one half is no word of its own ("under" / "way" is fine).
    """
    mid_line = Counter(w for line in LINES for w in _words(line)[1:-1])
    out = set()
    text_lines = [t for t in LINES if t.strip()]
    for a, b in itertools.pairwise(text_lines):
        wa, wb = _words(a), _words(b)
        if not (wa and wb) or (wa[-1], wb[0]) in _PAIRS_IN_A_LINE or (wa[-1] + wb[0]) not in VOCABULARY:
            continue
        if any(len(h) < 3 or not mid_line[h] for h in (wa[-1], wb[0])):
            out.add((wa[-1], wb[0]))
    return out


SPLIT_WORDS = _split_by_a_line_break()
# Words whose hyphen the extraction dropped ("antitrafficking"): the report prints the hyphenated
# form more often than the run-together one.
_HYPHENATED = Counter((a.lower(), b.lower()) for a, b in re.findall(r"([^\W\d_]+)-([^\W\d_]+)", REPORT))
LOST_HYPHEN = {t for t in VOCABULARY for k in range(2, len(t) - 1) if _HYPHENATED[(t[:k], t[k:])] > VOCABULARY[t]}


def _report_text_items(inst: Institution) -> list[tuple[str, str]]:
    """The fields that carry the report's wording (notes are curators' prose and may quote it)."""
    items = [("name", inst.name)]
    if inst.name_national:
        items.append(("name_national", inst.name_national))
    items += [("composition", c) for c in inst.composition]
    items += [("mission", m) for m in inst.mission]
    return items


def test_the_damage_detectors_work() -> None:
    """Guard the detectors below: each catches the damage it is named for, and no sound text."""
    assert SPLIT_WORDS, "the report splits some words over line breaks"
    a, b = sorted(SPLIT_WORDS)[0]
    assert _split_pairs(f"the {a} {b} of") == [(a, b)]
    assert _split_pairs("the Directo rate of Immigration") == [("directo", "rate")]
    assert not _split_pairs(f"the {a}{b} of") and not _split_pairs("labour-related crime auditors")
    assert {"antitrafficking", "awarenessraising"} <= LOST_HYPHEN
    assert _run_together("the Departmentof Justice") == ["departmentof"]
    assert _run_together("Participate in antitrafficking awareness") == ["antitrafficking"]
    assert not _run_together("Participate in anti-trafficking awareness-raising and co-ordination")
    assert _orphan_footnotes("Central Office for Combating Itinerant Crime60 (OCLDI)")
    assert _orphan_footnotes("the protection of victims. 14")
    assert not _orphan_footnotes("Each regional unit (10) includes an HT specialist.")
    assert not _orphan_footnotes("Organised Crime Command, SCD9) and Circular n°COL 1/2007")


def _split_pairs(text: str) -> list[tuple[str, str]]:
    """Neighbouring words that are one word of the report cut in two.

    A split the report itself has, or a fragment that is no word of the report but joins its
    neighbour into one. Whitespace-separated neighbours only: "labour-related" is a mended
    hyphen, not a split.
    """
    chunks = [_words(c) for c in text.split()]
    pairs = []
    for left, right in itertools.pairwise(chunks):
        if not (left and right):
            continue
        x, y = left[-1], right[0]
        joined_is_word = (x + y) in VOCABULARY and (x not in VOCABULARY or y not in VOCABULARY)
        if (x, y) in SPLIT_WORDS or joined_is_word:
            pairs.append((x, y))
    return pairs


def test_no_word_split_by_a_line_break(content: Content) -> None:
    bad = [
        f"{inst.id} {field}: {' '.join(p)!r} in {text!r}"
        for inst in content.institutions
        for field, text in [*_report_text_items(inst), *(("notes", n.text) for n in inst.notes)]
        for p in _split_pairs(text)
    ]
    assert not bad, "\n".join(bad)


def _orphan_footnotes(text: str) -> list[str]:
    """Footnote calls left in a text.

    1-2 digits glued to a word ("Crime60", "plan.14") or standing alone at the end of an item;
    "SCD9", "(10)", "COL 1/2007" are the report's own.
    """
    glued = re.findall(r"\b[A-Za-z][a-z]+[.,;:)”’]?\d{1,2}\b", text)
    trailing = re.findall(r"(?:[.,;:”’)]\s*|[a-z]\s+)\d{1,2}$", text)
    return glued + trailing


def test_no_orphan_footnote_number(content: Content) -> None:
    bad = [
        f"{inst.id} {field}: {hits} in {text!r}"
        for inst in content.institutions
        for field, text in [*_report_text_items(inst), *(("notes", n.text) for n in inst.notes)]
        if (hits := _orphan_footnotes(text))
    ]
    assert not bad, "\n".join(bad)


def _run_together(text: str) -> list[str]:
    """Words stuck together.

    Tokens the report never uses that are two of its words ("Departmentof"), and the report's
    own hyphen losses ("antitrafficking").
    """
    out = []
    for t in dict.fromkeys(_words(text)):
        if t in LOST_HYPHEN or (
            t not in VOCABULARY and any(t[:k] in VOCABULARY and t[k:] in VOCABULARY for k in range(2, len(t) - 1))
        ):
            out.append(t)
    return out


def test_no_run_together_words(content: Content) -> None:
    bad = [
        f"{inst.id} {field}: {hits} in {text!r}"
        for inst in content.institutions
        for field, text in _report_text_items(inst)
        if (hits := _run_together(text))
    ]
    assert not bad, "\n".join(bad)


# -- sources and links -------------------------------------------------------------------------
def _raw_records() -> dict[str, dict[str, object]]:
    """The curated rows as written, for the cited report line (the model keeps only the page)."""
    out = {}
    for path in sorted((content_dir() / "institutions").glob("*.toml")):
        for raw in tomllib.loads(path.read_text("utf-8"))["institution"]:
            out[f"institution/{path.stem}/{raw['slug']}"] = raw
    return out


RAW = _raw_records()


def _source_line(inst: Institution) -> int:
    return int(RAW[inst.id]["source"]["line"])  # type: ignore[index]


def _figure_lines() -> dict[str, tuple[int, int]]:
    raw = tomllib.loads((content_dir() / "figures.toml").read_text("utf-8"))["figure"]
    return {f["label"]: tuple(f["lines"]) for f in raw if "lines" in f}


def test_appendix_rows_cite_their_appendix(content: Content) -> None:
    for inst in content.institutions:
        line = _source_line(inst)
        inside = [k for k, (a, b) in APPENDIX_RANGE.items() if a <= line <= b]
        if inst.source.ref.startswith("Appendix"):
            assert inside == [APPENDIX_OF[inst.country]], f"{inst.id}: line {line} is not in its appendix"
            assert inst.source.ref == f"Appendix {APPENDIX_OF[inst.country]}", inst.id
        else:
            assert not inside, f"{inst.id} is an appendix row but cites {inst.source.ref}"


def test_bodies_outside_the_appendices_cite_their_figure_or_section(content: Content) -> None:
    figures = _figure_lines()
    chapter_1_2 = next(n for n, t in enumerate(LINES, 1) if t.strip() == "2. Canadian context")
    chapter_2 = next(n for n, t in enumerate(LINES, 1) if t.strip().startswith("CHAPTER II:"))
    outside = [i for i in content.institutions if not i.source.ref.startswith("Appendix")]
    assert {i.id for i in outside} == {
        "institution/ca/human-trafficking-taskforce",
        "institution/ca/human-trafficking-national-coordination-centre",
        "institution/no/kom-inter-agency-working-group",
        "institution/no/kom-operational-working-group",
    }
    for inst in outside:
        line = _source_line(inst)
        # The body's name is printed where the citation points (its text starts there).
        near = "".join(_tokens(" ".join(LINES[line - 1 : line + 5])))
        assert "".join(_tokens(inst.name)) in near, f"{inst.id}: line {line} does not name it"
        if inst.country == "ca":
            assert inst.source.ref == "Chapter I, 2"
            assert chapter_1_2 < line < chapter_2
            assert inst.sections == ["section/1-2"]
        else:
            m = re.search(r"Figure \d+", inst.source.ref)
            assert m, f"{inst.id} cites no figure"
            first, last = figures[m.group(0)]
            assert first <= line <= last, f"{inst.id}: line {line} is outside {m.group(0)}"
            assert inst.parent == "institution/no/kom"


def test_every_parent_is_in_the_same_country(content: Content) -> None:
    ids = {i.id for i in content.institutions}
    for inst in content.institutions:
        if inst.parent:
            assert inst.parent in ids, f"{inst.id}: parent {inst.parent} is not an institution"
            assert inst.parent.startswith(f"institution/{inst.country}/"), inst.id
            assert inst.parent != inst.id


def test_institution_links_resolve(content: Content) -> None:
    dangling = [d for d in dangling_references(content) if d.startswith("institution/")]
    assert not dangling, "\n".join(dangling)
    countries = {c.code for c in content.countries}
    assert {i.country for i in content.institutions} <= countries


def _link(built_db: Path, src: str, rel: str) -> str:
    with sqlite3.connect(built_db) as conn:
        row = conn.execute("SELECT dst FROM links WHERE src = ? AND rel = ?", (src, rel)).fetchone()
    assert row, f"{src} has no {rel} link in the database"
    return str(row[0])


@pytest.mark.parametrize(
    ("src", "rel", "broken"),
    [
        ("institution/no/kom-operational-working-group", "parent", "institution/no/nowhere"),
        ("institution/fr/dav", "country", "country/xx"),
        ("institution/no/kom", "glossary", "glossary/no-such-acronym"),
    ],
)
def test_check_fails_on_a_broken_institution_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, built_db: Path, src: str, rel: str, broken: str
) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(built_db, copy)
    assert main(["--db", str(copy), "check"]) == 0
    capsys.readouterr()
    target = _link(copy, src, rel)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE links SET dst = ? WHERE src = ? AND rel = ? AND dst = ?", (broken, src, rel, target))
    code = main(["--db", str(copy), "check"])
    err = capsys.readouterr().err
    assert code != 0
    assert "Traceback" not in err
    assert broken in err and src in err
