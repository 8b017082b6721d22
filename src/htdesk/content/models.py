"""Pydantic models of every kind of record in the report; no Qt, no SQL."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from htdesk.content.kinds import DIMENSION_LABELS, EXPORT_KEYS, NOT_COVERED, Dimension, Kind, NoteKind, cite_pages

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
RecordId = Annotated[str, StringConstraints(pattern=r"^[a-z]+/[a-z0-9/-]+$")]


class Strict(BaseModel):
    """Base for content: unknown fields are errors, so a typo in curated files is caught."""

    # defer_build: schemas are built on first use, so opening the app does not pay for them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(Strict):
    """Where a record comes from: a section or appendix, and the printed page if derivable."""

    ref: Text
    page: int | None = Field(default=None, ge=1, le=200)
    page_end: int | None = Field(default=None, ge=1, le=200)  # the last page, where it runs over several

    @model_validator(mode="after")
    def _range_forwards(self) -> Source:
        if self.page_end is not None and (self.page is None or self.page_end < self.page):
            raise ValueError(f"page_end {self.page_end} must follow page {self.page}")
        return self

    def cite(self) -> str:
        """The reference as a trainer would read it aloud: "Appendix 4, p. 104", "Chapter III, 3.1.3, pp. 36–48"."""
        return cite_pages(self.ref, self.page, self.page_end)


# Blocks parsed from the report carry the page they start on, so a quotation cites its own page.
Page = Annotated[int | None, Field(ge=1, le=200)]


class Paragraph(Strict):
    """A run of prose."""

    type: Literal["p"] = "p"
    text: Text
    page: Page = None


class Quote(Strict):
    """A quoted passage (definitions, legal text)."""

    type: Literal["quote"] = "quote"
    text: Text
    page: Page = None


class ListBlock(Strict):
    """A bulleted or numbered list."""

    type: Literal["list"] = "list"
    items: list[Text] = Field(min_length=1)
    ordered: bool = False
    page: Page = None


class Heading(Strict):
    """An unnumbered subheading inside a section."""

    type: Literal["heading"] = "heading"
    text: Text
    page: Page = None


class Table(Strict):
    """A table: a header row and body rows of equal width."""

    type: Literal["table"] = "table"
    header: list[str] = Field(min_length=1)
    rows: list[list[str]] = Field(min_length=1)

    @model_validator(mode="after")
    def _rectangular(self) -> Table:
        for i, row in enumerate(self.rows):
            if len(row) != len(self.header):
                raise ValueError(f"row {i} has {len(row)} cells, header has {len(self.header)}")
        return self


Block = Annotated[Paragraph | Quote | ListBlock | Heading | Table, Field(discriminator="type")]


class Footnote(Strict):
    """A footnote of the report, kept with the section whose text calls it."""

    number: int = Field(ge=1)
    text: Text
    page: int | None = Field(default=None, ge=1, le=200)  # where the footnote is printed


# Words a trainer should never meet in an editorial note: how the text was got, and where in a file.
NOT_FOR_TRAINERS = re.compile(r"\bextract|\blines? \d|\bl\. ?\d|\bflattened\b", re.IGNORECASE)


class Note(Strict):
    """A note on a record, of one of two kinds (NoteKind): the report's words, or HT Desk's remark."""

    kind: NoteKind
    text: Text

    @model_validator(mode="after")
    def _plain_words(self) -> Note:
        if self.kind is NoteKind.EDITORIAL and (m := NOT_FOR_TRAINERS.search(self.text)):
            raise ValueError(f"an editorial note speaks to a trainer: no {m.group(0)!r} (say it in plain words)")
        return self


class Record(Strict):
    """Fields every record shares."""

    id: RecordId
    source: Source

    @property
    def kind(self) -> Kind:
        return Kind(self.id.split("/", 1)[0])


class Section(Record):
    """A part of the report's text, in the report's hierarchy."""

    title: Text
    number: str | None = None  # "6.1", "6.1.b", "III"; None for unnumbered parts
    parent: RecordId | None = None
    order: int = Field(ge=0)
    level: int = Field(ge=0, le=4)
    body: list[Block] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)


class Figure(Record):
    """A numbered figure or table of the report."""

    number: int | None = None  # None where the report prints no number
    label: Text  # "Figure 22", "Figure 25 (second of that number)", "Comparison table"
    title: Text
    section: RecordId
    # Empty only for a picture whose content the report's text does not hold (an editorial note says so).
    body: list[Block] = Field(default_factory=list)
    source_line: str | None = None  # the report's own "Source: ..." line
    notes: list[Note] = Field(default_factory=list)


class GlossaryEntry(Record):
    """An acronym with its English and French forms.

    A row of the report's list of acronyms whose acronym is not legible has none (``acronym`` None):
    it is listed by its name, never given a made-up acronym.
    """

    acronym: Text | None = None
    expansion_en: str | None = None
    acronym_fr: str | None = None
    expansion_fr: str | None = None
    variants: list[Text] = Field(default_factory=list)
    from_body: bool = False
    # The countries whose body this meaning names, where the acronym means different bodies in
    # different countries (NRM: the UK's referral mechanism, the Dutch rapporteur); [] = unbound.
    countries: list[CountryCode] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)

    @model_validator(mode="after")
    def _some_expansion(self) -> GlossaryEntry:
        if not (self.expansion_en or self.expansion_fr):
            raise ValueError("an acronym needs an English or a French expansion")
        return self

    @property
    def name(self) -> str:
        """How lists name the entry: its acronym, or its name where the report gives no acronym."""
        return self.acronym or self.expansion_en or self.expansion_fr or ""


class Institution(Record):
    """A body of a country's institutional framework."""

    country: CountryCode
    name: Text
    acronym: str | None = None
    name_national: str | None = None
    established: str | None = None
    composition: list[Text] = Field(default_factory=list)
    mission: list[Text] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    parent: RecordId | None = None
    glossary: list[RecordId] = Field(default_factory=list)
    sections: list[RecordId] = Field(default_factory=list)


class Statement(Strict):
    """One statement of the report on a comparison dimension, with its own source."""

    text: Text
    source: Source


# What a summary says where the country's file has no statement on the dimension.
NOT_COVERED_SUMMARY = NOT_COVERED[0].upper() + NOT_COVERED[1:]
SUMMARY_MAX_WORDS = 30


class DimensionSummary(Strict):
    """A country's short answer on one dimension, condensed from its statements, read in two seconds.

    ``see_also`` is the second citation where the report disagrees with itself (a country's text
    against the comparison table); the text then says so.
    """

    text: Text
    source: Source | None = None
    see_also: list[Source] = Field(default_factory=list)

    @field_validator("text")
    @classmethod
    def _short(cls, v: str) -> str:
        words = len(v.split())
        if words > SUMMARY_MAX_WORDS:
            raise ValueError(f"a summary has at most {SUMMARY_MAX_WORDS} words, this one has {words}")
        return v

    @model_validator(mode="after")
    def _sourced(self) -> DimensionSummary:
        if self.text == NOT_COVERED_SUMMARY:
            if self.source is not None or self.see_also:
                raise ValueError(f"'{NOT_COVERED_SUMMARY}' cites no source")
        elif self.source is None:
            raise ValueError(f"a summary needs a source; only '{NOT_COVERED_SUMMARY}' goes without")
        return self

    @property
    def sources(self) -> list[Source]:
        """Every source the summary cites, the main one first."""
        return ([self.source] if self.source else []) + self.see_also


StatusTag = Literal["origin", "transit", "destination"]


class Country(Record):
    """A country profile: the same dimensions for every country.

    An empty list of statements means the report does not cover that dimension; the
    renderer shows NOT_COVERED for it, so the marker is never stored as if it were text.
    """

    code: CountryCode
    name: Text
    status_tags: list[StatusTag] = Field(default_factory=list)
    first_nap_year: int | None = Field(default=None, ge=1990, le=2014)
    has_rapporteur: bool | None = None
    dimensions: dict[Dimension, list[Statement]]
    summaries: dict[Dimension, DimensionSummary]
    summary: str | None = None

    @field_validator("dimensions")
    @classmethod
    def _all_dimensions(cls, v: dict[Dimension, list[Statement]]) -> dict[Dimension, list[Statement]]:
        missing = [d.value for d in Dimension if d not in v]
        if missing:
            raise ValueError(f"missing dimensions {missing}: use [] for 'not covered in the report'")
        return {d: v[d] for d in Dimension}

    @field_validator("summaries")
    @classmethod
    def _all_summaries(cls, v: dict[Dimension, DimensionSummary]) -> dict[Dimension, DimensionSummary]:
        missing = [d.value for d in Dimension if d not in v]
        if missing:
            raise ValueError(
                f"missing summaries {missing}: write [summaries.<dimension>] for each, "
                f"text = '{NOT_COVERED_SUMMARY}' where the report is silent"
            )
        return {d: v[d] for d in Dimension}

    @model_validator(mode="after")
    def _summaries_match_statements(self) -> Country:
        """A summary says "Not covered" exactly where the country has no statement on the dimension."""
        for dim, summary in self.summaries.items():
            silent = not self.dimensions[dim]
            if silent and summary.text != NOT_COVERED_SUMMARY:
                raise ValueError(f"summaries.{dim.value}: no statements on {dim.value}, so '{NOT_COVERED_SUMMARY}'")
            if not silent and summary.text == NOT_COVERED_SUMMARY:
                raise ValueError(f"summaries.{dim.value}: says '{NOT_COVERED_SUMMARY}' but {dim.value} has statements")
        return self

    @model_validator(mode="after")
    def _id_matches_code(self) -> Country:
        if self.id != f"country/{self.code}":
            raise ValueError(f"id must be country/{self.code}")
        return self


class Evaluated(StrEnum):
    YES = "yes"
    NO = "no"
    UNDER_WAY = "under way"
    NOT_STATED = "not stated"


class Practice(Record):
    """A prevention practice of Chapter III section 6."""

    name: Text
    countries: list[CountryCode] = Field(default_factory=list)  # empty: international
    theme: RecordId  # the section of 6.x it belongs to
    year: int | None = Field(default=None, ge=1990, le=2014)
    organisations: list[Text] = Field(default_factory=list)
    target_group: str | None = None
    evaluated: Evaluated = Evaluated.NOT_STATED
    evaluation: str | None = None  # the report's words on results
    description: list[Block] = Field(min_length=1)
    figures: list[RecordId] = Field(default_factory=list)
    institutions: list[RecordId] = Field(default_factory=list)


AnyRecord = Section | Figure | GlossaryEntry | Country | Institution | Practice

MODEL_OF: dict[Kind, type[Record]] = {
    Kind.SECTION: Section,
    Kind.FIGURE: Figure,
    Kind.GLOSSARY: GlossaryEntry,
    Kind.COUNTRY: Country,
    Kind.INSTITUTION: Institution,
    Kind.PRACTICE: Practice,
}


class FrenchTerm(Strict):
    """French words a trainer may type, and the English the report uses for them (a search aid, not content)."""

    fr: list[Text] = Field(min_length=1)
    en: list[Text] = Field(min_length=1)


def slugify(text: str) -> str:
    """A stable, readable slug: lower-case ASCII words joined by hyphens."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


__all__ = [
    "DIMENSION_LABELS",
    "EXPORT_KEYS",
    "NOT_COVERED",
    "NOT_COVERED_SUMMARY",
    "Dimension",
    "Kind",
    "NoteKind",
]
