"""The kinds of record and the comparison dimensions: plain enums, importable without pydantic."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

NOT_COVERED = "not covered in the report"
# The report's full reference, as the database's meta table and every printout's footer give it.
REPORT_CITATION = (
    "International Centre for the Prevention of Crime (ICPC), Human Trafficking, Other Forms of "
    "Exploitation and Prevention Policies. Report prepared for Public Safety Canada, National Crime "
    "Prevention Centre. Montreal: ICPC, 2014."
)
# Chapter III 6 of the report: its subsections, all but the conclusion, are the themes the
# prevention practices are filed under (the contents tree and the home page list them).
THEMES_SECTION = "section/3-6"
THEMES_CONCLUSION = "section/3-6-conclusion"
# The appendices' divider page: its footnote warns that the institutional data may be outdated, and
# every appendix and institution page repeats that warning.
APPENDICES = "section/appendices"


class Kind(StrEnum):
    """The kinds of record; the value is the id prefix and the export key's singular."""

    SECTION = "section"
    FIGURE = "figure"
    GLOSSARY = "glossary"
    COUNTRY = "country"
    INSTITUTION = "institution"
    PRACTICE = "practice"


EXPORT_KEYS: dict[Kind, str] = {
    Kind.SECTION: "sections",
    Kind.FIGURE: "figures",
    Kind.GLOSSARY: "glossary",
    Kind.COUNTRY: "countries",
    Kind.INSTITUTION: "institutions",
    Kind.PRACTICE: "practices",
}


class NoteKind(StrEnum):
    """Whose words a note is: the report's, or HT Desk's to a trainer about the report."""

    REPORT = "report"  # the report's words (a cross-reference, a footnote): indexed, printed, cited
    EDITORIAL = "editorial"  # a remark for a trainer in plain words: shown apart, not indexed, printed on request


class Dimension(StrEnum):
    """The fixed comparison dimensions of a country profile, in display order."""

    STATUS = "status"
    VICTIMS = "victims"
    NAP = "nap"
    COORDINATION = "coordination"
    RAPPORTEUR = "rapporteur"
    DATA_COLLECTION = "data_collection"
    NGO_INVOLVEMENT = "ngo_involvement"
    DEMAND = "demand"
    EVALUATION = "evaluation"
    RELATED_STRATEGIES = "related_strategies"


DIMENSION_LABELS: dict[Dimension, str] = {
    Dimension.STATUS: "Origin, transit, destination",
    Dimension.VICTIMS: "Victims",
    Dimension.NAP: "National action plan",
    Dimension.COORDINATION: "Coordination mechanism",
    Dimension.RAPPORTEUR: "National rapporteur",
    Dimension.DATA_COLLECTION: "Data collection",
    Dimension.NGO_INVOLVEMENT: "NGO involvement",
    Dimension.DEMAND: "Position on demand",
    Dimension.EVALUATION: "Evaluation",
    Dimension.RELATED_STRATEGIES: "Related strategies",
}


class Listing(StrEnum):
    """Rows a comparison may show beside the dimensions: the records a country has of a kind."""

    INSTITUTIONS = "institutions"
    PRACTICES = "practices"


LISTING_LABELS: dict[Listing, str] = {Listing.INSTITUTIONS: "Institutions", Listing.PRACTICES: "Practices"}

# A comparison's rows: the ten dimensions, then the listings, each chosen like the others.
CompareRow = Dimension | Listing
ROW_LABELS: dict[CompareRow, str] = {**DIMENSION_LABELS, **LISTING_LABELS}
ALL_ROWS: tuple[CompareRow, ...] = (*Dimension, *Listing)


# A NamedTuple rather than a frozen dataclass: defined at start-up, where a dataclass takes 1-2 ms to build.
def cite_pages(ref: str, page: int | None, page_end: int | None = None) -> str:
    """A reference with its page or page range: "Appendix 4, p. 104", "Chapter III, 3.1.3, pp. 36–48"."""
    if not page:
        return ref
    if page_end and page_end > page:
        return f"{ref}, pp. {page}–{page_end}"
    return f"{ref}, p. {page}"


class SourceRef(NamedTuple):
    """A source as lists carry it (the same fields and citation as the model's Source)."""

    ref: str
    page: int | None = None
    page_end: int | None = None  # the last page, where the source runs over several

    def cite(self) -> str:
        return cite_pages(self.ref, self.page, self.page_end)
