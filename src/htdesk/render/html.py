"""Records to HTML: the one place pages, comparison sheets and handouts are written, for screen and print."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from htdesk.content.kinds import (
    DIMENSION_LABELS,
    NOT_COVERED,
    ROW_LABELS,
    CompareRow,
    Dimension,
    Kind,
    Listing,
    NoteKind,
    SourceRef,
)
from htdesk.i18n import QT_TRANSLATE_NOOP, cite, language, translate
from htdesk.render.theme import Theme
from htdesk.store.report import Summary

if TYPE_CHECKING:
    from datetime import date

    from htdesk.content.models import (
        Block,
        Country,
        DimensionSummary,
        Note,
        Source,
    )

    # Only for annotations: store.pages is loaded when the first record page is (the home page needs none).
    from htdesk.store.pages import ComparedCountry, ComparedSummary, ComparisonData, LinkIndex, PageData

SCHEME = "ht"  # internal links: ht:institution/no/kom

KIND_NAMES = {  # shown through translate("render", ...)
    Kind.SECTION: QT_TRANSLATE_NOOP("render", "Report"),
    Kind.FIGURE: QT_TRANSLATE_NOOP("render", "Figure"),
    Kind.GLOSSARY: QT_TRANSLATE_NOOP("render", "Glossary"),
    Kind.COUNTRY: QT_TRANSLATE_NOOP("render", "Country profile"),
    Kind.INSTITUTION: QT_TRANSLATE_NOOP("render", "Institution"),
    Kind.PRACTICE: QT_TRANSLATE_NOOP("render", "Prevention practice"),
}


# The related-records headings store.pages gives a page (translated where shown).
RELATED_HEADINGS = (
    QT_TRANSLATE_NOOP("render", "In this section"),
    QT_TRANSLATE_NOOP("render", "Figures and tables"),
    QT_TRANSLATE_NOOP("render", "Institutions discussed here"),
    QT_TRANSLATE_NOOP("render", "Practices"),
    QT_TRANSLATE_NOOP("render", "Institutions in this appendix"),
    QT_TRANSLATE_NOOP("render", "Institutional framework"),
    QT_TRANSLATE_NOOP("render", "Prevention practices"),
    QT_TRANSLATE_NOOP("render", "Part of"),
    QT_TRANSLATE_NOOP("render", "Bodies within it"),
    QT_TRANSLATE_NOOP("render", "Glossary"),
    QT_TRANSLATE_NOOP("render", "Discussed in"),
    QT_TRANSLATE_NOOP("render", "Bodies with this acronym"),
    QT_TRANSLATE_NOOP("render", "Countries"),
    QT_TRANSLATE_NOOP("render", "Figures"),
    QT_TRANSLATE_NOOP("render", "Institutions"),
)


# Words the page writes inside f-strings (where pyside6-lupdate does not look), the comparison's
# row labels (content.kinds) and the practices' evaluation values: marked here for the catalogue,
# translated where shown; tests/test_i18n.py holds every one of them to a French translation.
PAGE_WORDS = (
    QT_TRANSLATE_NOOP("render", "Notes"),
    QT_TRANSLATE_NOOP("render", "Composition"),
    QT_TRANSLATE_NOOP("render", "Mission"),
    QT_TRANSLATE_NOOP("render", "Dimension"),
    QT_TRANSLATE_NOOP("render", "At a glance"),
    QT_TRANSLATE_NOOP("render", "(not for participants)"),
    QT_TRANSLATE_NOOP("render", "Home"),
    QT_TRANSLATE_NOOP("render", "yes"),
    QT_TRANSLATE_NOOP("render", "no"),
    QT_TRANSLATE_NOOP("render", "under way"),
    QT_TRANSLATE_NOOP("render", "not stated"),
    QT_TRANSLATE_NOOP("render", "not covered in the report"),
    QT_TRANSLATE_NOOP("render", "Origin, transit, destination"),
    QT_TRANSLATE_NOOP("render", "Victims"),
    QT_TRANSLATE_NOOP("render", "National action plan"),
    QT_TRANSLATE_NOOP("render", "Coordination mechanism"),
    QT_TRANSLATE_NOOP("render", "National rapporteur"),
    QT_TRANSLATE_NOOP("render", "Data collection"),
    QT_TRANSLATE_NOOP("render", "NGO involvement"),
    QT_TRANSLATE_NOOP("render", "Position on demand"),
    QT_TRANSLATE_NOOP("render", "Evaluation"),
    QT_TRANSLATE_NOOP("render", "Related strategies"),
    QT_TRANSLATE_NOOP("render", "Institutions"),
    QT_TRANSLATE_NOOP("render", "Practices"),
)


def kind_name(kind: Kind) -> str:
    return translate("render", KIND_NAMES[kind])


def not_covered(*, capital: bool = False) -> str:
    """The words for a gap in the report ("not covered in the report"), in the page's language."""
    text = translate("render", NOT_COVERED)
    return text[:1].upper() + text[1:] if capital else text


def row_label(row: CompareRow) -> str:
    return translate("render", ROW_LABELS[row])


def escape(text: str) -> str:
    """html.escape(text, quote=True), without importing the html package (and its entity table) at start-up."""
    # The same chain of replace() as the standard library's: faster than translate() on long text.
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;")


def record_url(record_id: str) -> str:
    return f"{SCHEME}:{record_id}"


def citation_line(source: Source | SourceRef) -> str:
    """The source as trainers quote it: "ICPC report, Appendix 4, p. 104" ("Rapport du CIPC, annexe 4, p. 104")."""
    return translate("render", "ICPC report, {cite}").format(cite=cite(source.cite()))


# A web address as the report prints it; the final character is not punctuation ending the sentence.
WEB_ADDRESS = r"https?://[^\s<>\"]*[^\s<>\".,;:)\]]"


class Linker:
    """Turns plain text into HTML with links to glossary entries, countries, bodies and appendices.

    Web addresses become links on screen and on paper; links to records only on screen (``for_print``
    keeps their text: an ``ht:`` address is dead in a PDF reader).
    """

    def __init__(
        self, index: LinkIndex, self_id: str = "", country: str | None = None, *, for_print: bool = False
    ) -> None:
        self.index = index
        self.self_id = self_id
        self.country = country  # the page's country: only its bodies' names are linked
        self.for_print = for_print
        self._names = dict(self.index.names)
        self._acronyms = self.index.acronyms
        if self.country:
            self._names.update(self.index.bodies.get(self.country, {}))
            if own := self.index.country_acronyms.get(self.country):
                self._acronyms = {**self.index.acronyms, **own}  # the page's country's meaning
        cached = self.index.patterns.get(self.country)
        if cached is None:
            keys: list[str] = [k for k in self.index.acronyms if len(k) >= 2]
            keys += list(self._names)
            keys.sort(key=len, reverse=True)
            alternatives = "|".join(re.escape(k) for k in keys) if keys else r"(?!x)x"
            # Word boundaries that also hold next to accented letters and inside "(KOM)".
            cached = re.compile(rf"({WEB_ADDRESS})|(?<![\w-])(?:Appendix\s+(\d)|({alternatives}))(?![\w-])")
            self.index.patterns[self.country] = cached
        self._re: re.Pattern[str] = cached  # type: ignore[assignment]

    def html(self, text: str) -> str:
        out: list[str] = []
        pos = 0
        seen_names: set[str] = set()
        for m in self._re.finditer(text):
            out.append(escape(text[pos : m.start()]))
            pos = m.end()
            whole = m.group(0)
            if m.group(1):
                out.append(f'<a href="{escape(whole)}">{escape(whole)}</a>')
                continue
            if m.group(2):
                target = self.index.appendices.get(int(m.group(2)))
                out.append(self._a(target, whole) if target else escape(whole))
                continue
            key = m.group(3)
            if key in self._acronyms:
                gid, tip = self._acronyms[key]
                out.append(self._a(gid, whole, tip))
            else:
                target = self._names[key]
                # Names link once per paragraph: a page of blue is harder to read.
                if target in seen_names:
                    out.append(escape(whole))
                else:
                    seen_names.add(target)
                    out.append(self._a(target, whole))
        out.append(escape(text[pos:]))
        return "".join(out)

    def _a(self, target: str | None, text: str, tip: str = "") -> str:
        if not target or target == self.self_id or self.for_print:
            return escape(text)
        title = f' title="{escape(tip)}"' if tip else ""
        return f'<a href="{record_url(target)}"{title}>{escape(text)}</a>'


def _blocks(blocks: Iterable[Block], link: Linker) -> str:
    parts = []
    for b in blocks:
        match b.type:
            case "p":
                parts.append(f"<p>{link.html(b.text)}</p>")  # type: ignore[union-attr]
            case "quote":
                parts.append(f'<blockquote class="quote">{link.html(b.text)}</blockquote>')  # type: ignore[union-attr]
            case "heading":
                parts.append(f"<h3>{escape(b.text)}</h3>")  # type: ignore[union-attr]
            case "list":
                tag = "ol" if b.ordered else "ul"  # type: ignore[union-attr]
                items = "".join(f"<li>{link.html(i)}</li>" for i in b.items)  # type: ignore[union-attr]
                parts.append(f"<{tag}>{items}</{tag}>")
            case "table":
                head = "".join(f"<th>{escape(h)}</th>" for h in b.header)  # type: ignore[union-attr]
                rows = "".join(
                    "<tr>" + "".join(f"<td>{link.html(c)}</td>" for c in row) + "</tr>"
                    for row in b.rows  # type: ignore[union-attr]
                )
                parts.append(
                    f'<table class="data" width="100%" cellspacing="0" cellpadding="4" border="1">'
                    f"<thead><tr>{head}</tr></thead>{rows}</table>"
                )
    return "\n".join(parts)


def _list(items: Sequence[str], link: Linker, empty: str = "") -> str:
    if not items:
        return f'<p class="missing">{escape(empty)}</p>' if empty else ""
    return "<ul>" + "".join(f"<li>{link.html(i)}</li>" for i in items) + "</ul>"


EDITORIAL_LABEL = QT_TRANSLATE_NOOP("render", "HT Desk note:")


def _notes(notes: Sequence[Note], link: Linker, heading: str, *, editorial: bool) -> str:
    """The report's notes as a list, then HT Desk's editorial notes set apart (left out unless ``editorial``)."""
    said = _list([n.text for n in notes if n.kind is NoteKind.REPORT], link)
    ours = "".join(
        f'<p class="editorial"><b>{translate("render", EDITORIAL_LABEL)}</b> {link.html(n.text)}</p>'
        for n in notes
        if editorial and n.kind is NoteKind.EDITORIAL
    )
    return f"{heading}{said}{ours}" if said or ours else ""


def _caveats(data: PageData, link: Linker) -> str:
    """The report's own warnings on a record (the appendices' note that its data may be outdated), cited."""
    return "".join(
        f'<p class="warning">{link.html(text)} <span class="cite">({escape(citation_line(source))})</span></p>'
        for text, source in data.caveats
    )


def _record_link(s: Summary) -> str:
    return f'<a href="{record_url(s.id)}">{escape(s.title)}</a>'


def _summary_links(items: Sequence[Summary]) -> str:
    lis = "".join(f'<li>{_record_link(s)} <span class="cite">{escape(cite(s.cite()))}</span></li>' for s in items)
    return f"<ul>{lis}</ul>"


def _field(label: str, value_html: str) -> str:
    return f'<tr><td class="label">{escape(label)}</td><td>{value_html}</td></tr>'


def _fields_table(rows: Sequence[str]) -> str:
    if not rows:
        return ""
    return f'<table class="fields" cellspacing="0" cellpadding="3">{"".join(rows)}</table>'


def _statements_html(statements: Sequence, link: Linker) -> str:
    if not statements:
        return f'<p class="missing">{not_covered(capital=True)}.</p>'
    return "".join(
        f'<p>{link.html(s.text)}<br/><span class="cite">{escape(citation_line(s.source))}</span></p>'
        for s in statements
    )


def _in_short(summary: DimensionSummary | ComparedSummary | None, link: Linker, css: str = "summary") -> str:
    """A dimension's short answer above its full statements, with its sources.

    In a table cell it takes ``css="short"``, without a background: Qt gives a cell the background
    of its first paragraph, and the whole cell would be tinted.
    """
    if summary is None or not summary.sources:
        return ""
    cites = "; ".join(
        citation_line(x) if i == 0 else translate("render", "see also {cite}").format(cite=cite(x.cite()))
        for i, x in enumerate(summary.sources)
    )
    short = translate("render", "In short:")
    text = link.html(summary.text)
    return f'<p class="{css}"><b>{short}</b> {text} <span class="cite">({escape(cites)})</span></p>'


def badges(country: Country | ComparedCountry) -> list[str]:
    """Short facts that make differences jump out in a comparison."""
    out = [translate("render", t.capitalize()) for t in country.status_tags]
    if country.has_rapporteur is True:
        out.append(translate("render", "National rapporteur"))
    elif country.has_rapporteur is False:
        out.append(translate("render", "No national rapporteur"))
    if country.first_nap_year:
        out.append(translate("render", "First action plan {year}").format(year=country.first_nap_year))
    return out


# The status tags as badges show them (translated where shown).
STATUS_BADGES = (
    QT_TRANSLATE_NOOP("render", "Origin"),
    QT_TRANSLATE_NOOP("render", "Transit"),
    QT_TRANSLATE_NOOP("render", "Destination"),
)


def _body(data: PageData, link: Linker, *, editorial: bool = True) -> str:
    rec: Any = data.record
    # Dispatch on the kind, not the class: the renderer must not need pydantic to load.
    match rec.kind:
        case Kind.SECTION:
            notes = ""
            if rec.footnotes:
                lis = "".join(
                    f'<li value="{f.number}"><span class="cite">{f.number}.</span> {link.html(f.text)}</li>'
                    for f in rec.footnotes
                )
                notes = f'<h3 class="notes">{translate("render", "Notes")}</h3><ul class="footnotes">{lis}</ul>'
            body = _blocks(rec.body, link)
            if not body and rec.id.startswith("section/appendix-"):
                intro = translate("render", "This appendix is a table of institutions; each row is listed below.")
                body = f'<p class="intro">{intro}</p>'
            return body + notes
        case Kind.FIGURE:
            extra = f'<p class="cite">{escape(rec.source_line)}</p>' if rec.source_line else ""
            notes = _notes(
                rec.notes, link, f'<h3 class="notes">{translate("render", "Notes")}</h3>', editorial=editorial
            )
            return _blocks(rec.body, link) + extra + notes
        case Kind.GLOSSARY:
            english = _field(
                translate("render", "English"), escape(rec.expansion_en) if rec.expansion_en else _not_given()
            )
            french = [
                _field(
                    translate("render", "French acronym"), escape(rec.acronym_fr) if rec.acronym_fr else _not_given()
                ),
                _field(translate("render", "French"), escape(rec.expansion_fr) if rec.expansion_fr else _not_given()),
            ]
            # The report's own French name comes first on French pages.
            rows = [*french, english] if language() == "fr" and rec.expansion_fr else [english, *french]
            if rec.variants:
                rows.append(_field(translate("render", "Also written"), escape(", ".join(rec.variants))))
            if rec.from_body:
                rows.append(
                    _field(
                        translate("render", "Found in"),
                        translate("render", "the report's text (not in its list of acronyms)"),
                    )
                )
            return _fields_table(rows) + _notes(rec.notes, link, "", editorial=editorial)
        case Kind.INSTITUTION:
            rows = []
            if rec.acronym:
                rows.append(_field(translate("render", "Acronym"), link.html(rec.acronym)))
            if rec.name_national:
                national = _field(translate("render", "National name"), escape(rec.name_national))
                # A French body's own name leads on French pages.
                if language() == "fr" and rec.country == "fr":
                    rows.insert(0, national)
                else:
                    rows.append(national)
            rows.append(
                _field(translate("render", "Established"), escape(rec.established) if rec.established else _not_given())
            )
            return (
                _fields_table(rows)
                + f"<h2>{translate('render', 'Composition')}</h2>"
                + _list(rec.composition, link, not_covered(capital=True) + ".")
                + f"<h2>{translate('render', 'Mission')}</h2>"
                + _list(rec.mission, link, not_covered(capital=True) + ".")
                + _notes(rec.notes, link, f"<h2>{translate('render', 'Notes')}</h2>", editorial=editorial)
            )
        case Kind.COUNTRY:
            parts = []
            if not link.for_print:  # a control: nothing to click on paper
                parts.append(
                    f'<p class="actions"><a href="{SCHEME}:compare:{rec.code}">'
                    + escape(translate("render", "Compare {country} with other countries…").format(country=rec.name))
                    + "</a></p>"
                )
            if b := badges(rec):
                parts.append(
                    '<p class="badges">'
                    + " ".join(f'<span class="badge">&nbsp;{escape(x)}&nbsp;</span>' for x in b)
                    + "</p>"
                )
            if rec.summary:
                parts.append(f"<p>{link.html(rec.summary)}</p>")
            for dim in Dimension:
                parts.append(f'<h2 class="dim">{escape(translate("render", DIMENSION_LABELS[dim]))}</h2>')
                if rec.dimensions[dim]:  # where nothing is said, "not covered" below says it once
                    parts.append(_in_short(rec.summaries.get(dim), link))
                parts.append(_statements_html(rec.dimensions[dim], link))
            return "".join(parts)
        case Kind.PRACTICE:
            rows = [
                _field(translate("render", "Year started"), str(rec.year) if rec.year else _not_given()),
                _field(
                    translate("render", "Organisations"),
                    escape("; ".join(rec.organisations)) if rec.organisations else _not_given(),
                ),
                _field(
                    translate("render", "Target group"),
                    escape(rec.target_group) if rec.target_group else _not_given(),
                ),
                _field(
                    translate("render", "Evaluated"),
                    escape(translate("render", rec.evaluated.value))
                    + (f" — {link.html(rec.evaluation)}" if rec.evaluation else ""),
                ),
            ]
            return _fields_table(rows) + _blocks(rec.description, link)
    return ""


def _not_given() -> str:
    return f'<span class="missing">{not_covered()}</span>'


def _country_of(rec: Any) -> str | None:
    """The country a page is about, if one: its bodies' names then link to their records."""
    if rec.kind is Kind.COUNTRY:
        return rec.code
    if rec.kind is Kind.INSTITUTION:
        return rec.country
    if rec.kind is Kind.PRACTICE and len(rec.countries) == 1:
        return rec.countries[0]
    return None


def _heading(kind: str, title: str, source: str) -> str:
    """A record's opening: its kind, its title (the page's one h1) and where the report says it."""
    label = translate("render", "Source: {source}").format(source=source)
    return f'<p class="kind">{escape(kind)}</p><h1>{escape(title)}</h1><p class="source">{escape(label)}</p>'


def page_html(data: PageData, links: LinkIndex, *, for_print: bool = False, editorial: bool | None = None) -> str:
    """A record as a page: title, breadcrumbs, body, related records and its source line.

    ``for_print``: for paper, without what only a screen can use (breadcrumbs, related records,
    links to other records, buttons); web addresses stay links. HT Desk's editorial notes show on
    screen and go on paper only when asked for (``editorial``).
    """
    if editorial is None:
        editorial = not for_print
    rec = data.record
    link = Linker(links, self_id=rec.id, country=_country_of(rec), for_print=for_print)
    head = _heading(kind_name(rec.kind), data.title, citation_line(rec.source)) + _caveats(data, link)
    if for_print:
        return head + _body(data, link, editorial=editorial)
    crumbs = " › ".join(
        [f'<a href="{SCHEME}:home">{translate("render", "Home")}</a>']
        + [f'<a href="{record_url(c.id)}">{escape(c.title)}</a>' for c in data.breadcrumbs]
    )
    related = "".join(f"<h2>{escape(translate('render', h))}</h2>{_summary_links(items)}" for h, items in data.related)
    return f'<p class="crumbs">{crumbs}</p>{head}{_body(data, link, editorial=editorial)}{related}'


def home_html(
    meta: dict[str, str], countries: Sequence[Summary], themes: Sequence[Summary], counts: dict[str, int]
) -> str:
    """The start page: what the report is, its date, and ways in."""
    country_links = " · ".join(f'<a href="{record_url(c.id)}">{escape(c.title)}</a>' for c in countries)
    theme_links = "".join(f'<li><a href="{record_url(t.id)}">{escape(t.title)}</a></li>' for t in themes)
    n = counts
    # Every text through translate() outside the f-string, where pyside6-lupdate finds it.
    lead = translate(
        "render",
        "The ICPC report <i>Human Trafficking, Other Forms of Exploitation and Prevention Policies</i>, offline: "
        "its text, figures, country profiles, institutional frameworks, glossary and prevention practices.",
    )
    dated = translate("render", "The report was written in 2014. Later developments are not covered.")
    no_countries = translate("render", "No country profiles in this database.")
    glossary = translate("render", "{entries} entries, {french} of them with the French name the report gives").format(
        entries=n.get("glossary", 0), french=n.get("glossary_fr", 0)
    )
    records = translate("render", "{institutions} institutions, {practices} practices, {figures} figures and tables")
    records = records.format(
        institutions=n.get("institution", 0), practices=n.get("practice", 0), figures=n.get("figure", 0)
    )
    h_countries = translate("render", "Countries")
    h_themes = translate("render", "Prevention practices by theme")
    h_also = translate("render", "Also in the report")
    summary_and_intro = translate(
        "render", '<a href="{summary}">Executive summary</a> and <a href="{introduction}">Introduction</a>'
    ).format(summary=f"{SCHEME}:section/executive-summary", introduction=f"{SCHEME}:section/introduction")
    glossary_title = translate("render", "Glossary of acronyms")
    table = translate("render", "The comparison table of the eight countries")
    how = translate("render", "Press Ctrl+K to search. Bookmark pages with Ctrl+D and print them as a handout.")
    # On pages in another language, said once: what HT Desk writes is translated, the report is quoted.
    english_only = translate("render", "The report exists in English only: its text is quoted as written.")
    english_note = f'<p class="warning">{english_only}</p>' if language() != "en" else ""
    return f"""
<h1>HT Desk</h1>
<p class="lead">{lead}</p>
<p class="cite">{escape(meta.get("citation", ""))}</p>
<p class="warning">{dated}</p>
{english_note}
<h2>{h_countries}</h2><p>{country_links or f'<span class="missing">{no_countries}</span>'}</p>
<h2>{h_themes}</h2><ul>{theme_links}</ul>
<h2>{h_also}</h2>
<ul>
<li>{summary_and_intro}</li>
<li><a href="{SCHEME}:glossary">{glossary_title}</a> ({glossary})</li>
<li><a href="{SCHEME}:figure/comparison-table">{table}</a></li>
<li>{records}</li>
</ul>
<p class="cite">{how}</p>
"""


def glossary_index_html(entries: Sequence[Summary], expansions: dict[str, str]) -> str:
    """The glossary A–Z as one page."""
    rows = []
    letter = ""
    for e in entries:
        first = e.title[:1].upper()
        if first != letter:
            letter = first
            rows.append(f'<tr><td colspan="2"><h2>{escape(letter)}</h2></td></tr>')
        rows.append(
            f'<tr><td class="label"><a href="{record_url(e.id)}">{escape(e.title)}</a></td>'
            f"<td>{escape(expansions.get(e.id, ''))}</td></tr>"
        )
    title = translate("render", "Glossary of acronyms")
    return f'<h1>{title}</h1><table class="fields" cellpadding="3">{"".join(rows)}</table>'


COMPARE_TITLE = QT_TRANSLATE_NOOP("render", "HT Desk — country comparison")
SHEET, FULL = "sheet", "full"  # the comparison's layouts: one short answer a cell, or every statement
LAYOUTS = (SHEET, FULL)


_BEFORE_NUMBER = re.compile(r" (?=\d)")


def _badges_html(country: ComparedCountry, *, narrow: bool = False) -> str:
    """The badges, each kept on one line.

    ``narrow`` (a column a quarter of a portrait page wide): each may wrap between its words, never
    between a word and its year ("action 1995").
    """

    def joined(text: str) -> str:
        return _BEFORE_NUMBER.sub("&nbsp;", text) if narrow else text.replace(" ", "&nbsp;")

    shown = [f'<span class="badge">&nbsp;{joined(escape(b))}&nbsp;</span>' for b in badges(country)]
    return " ".join(shown) or _not_given()


def comparison_html(
    data: ComparisonData,
    rows: Sequence[CompareRow],
    *,
    links: LinkIndex | None = None,
    for_print: bool = False,
    layout: str = FULL,
    stacked: bool = False,
    breaks: Collection[int] = (),
) -> str:
    """Countries in columns, the chosen rows in rows; every cell with its source.

    ``stacked`` and ``breaks``: the sheet for a portrait page (see comparison_sheet_html).
    """
    if layout == SHEET:
        return comparison_sheet_html(data, rows, links=links, for_print=for_print, stacked=stacked, breaks=breaks)
    names = ", ".join(c.name for c in data.countries)
    heading = translate("render", "Country comparison")
    title = "" if for_print else f'<h1>{heading}</h1><p class="lead">{escape(names)}</p>'
    return title + _full_table(data, rows, _linker(links, for_print), for_print)


# A piece of a full-layout row on one printed page: the row's index (GLANCE: the badges), whether
# it continues the row from the page before, and the items (start, end) of each country's cell.
Fragment = tuple[int, bool, tuple[tuple[int, int], ...]]
GLANCE = -1


def _linker(links: LinkIndex | None, for_print: bool) -> Linker:
    from htdesk.store.pages import LinkIndex

    return Linker(links or LinkIndex({}, {}, {}), for_print=for_print)


def full_cell_items(
    data: ComparisonData, country: ComparedCountry, row: CompareRow, link: Linker, for_print: bool
) -> list[str]:
    """A full-layout cell as the blocks a printed page may not split, in order, one block each.

    The short answer, each statement with its source, each listed record.
    """
    if isinstance(row, Listing):
        listed = _listing(data, row, country.code)
        if not listed:
            return [f"<p>{_not_given()}</p>"]
        return [
            "<li>"
            + (escape(s.title) if for_print else _record_link(s))
            + f' <span class="cite">({escape(cite(s.cite()))})</span></li>'
            for s in listed
        ]
    said = country.dimensions[row]
    if not said:
        return [_statements_html(said, link)]
    short = _in_short(country.summaries.get(row), link, "short")
    return ([short] if short else []) + [_statements_html([s], link) for s in said]


def _cell(items: Sequence[str]) -> str:
    if items and items[0].startswith("<li>"):
        return f"<ul>{''.join(items)}</ul>"
    return "".join(items)


def _full_table(
    data: ComparisonData,
    rows: Sequence[CompareRow],
    link: Linker,
    for_print: bool,
    fragments: Sequence[Fragment] | None = None,
    *,
    new_page: bool = False,
) -> str:
    """The full layout's table: every row whole, or (printing) only ``fragments``, "continued" labelled."""
    n = len(data.countries)
    # A narrow label column leaves the room to the countries; long labels wrap onto two lines.
    # (the screen view is narrower than a landscape page, so it gets a wider one). Every column has
    # its width, so that a row measured in one table keeps its height in another (printed pages).
    width = (18 if n <= 2 else 14) if for_print else (24 if n <= 2 else 19)
    col = (100 - width) / max(1, n)
    head = f'<th width="{width}%">{translate("render", "Dimension")}</th>' + "".join(
        f'<th width="{col:.2f}%">{escape(c.name)}</th>' for c in data.countries
    )
    if fragments is None:
        fragments = [(GLANCE, False, ())] + [(i, False, ()) for i in range(len(rows))]
    body = []
    for index, continued, spans in fragments:
        if index == GLANCE:
            body.append(
                f'<tr><td class="label">{translate("render", "At a glance")}</td>'
                + "".join(f"<td>{_badges_html(c)}</td>" for c in data.countries)
                + "</tr>"
            )
            continue
        row = rows[index]
        cells = ""
        for k, c in enumerate(data.countries):
            items = full_cell_items(data, c, row, link, for_print)
            if spans:
                items = items[spans[k][0] : spans[k][1]]
            cells += f"<td>{_cell(items)}</td>"
        more = translate("render", "(continued)")
        label = escape(row_label(row)) + (f' <span class="cite">{more}</span>' if continued else "")
        body.append(f'<tr><td class="label">{label}</td>{cells}</tr>')
    brk = ' style="page-break-before: always"' if new_page else ""
    return (
        f'<table class="compare" width="100%" cellspacing="0" cellpadding="4" border="1"{brk}>'
        f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>"
    )


def comparison_pages_html(
    data: ComparisonData,
    rows: Sequence[CompareRow],
    pages: Sequence[Sequence[Fragment]],
    *,
    links: LinkIndex | None = None,
) -> str:
    """The full layout cut into printed pages, each its own table under the header row."""
    link = _linker(links, True)
    return "".join(_full_table(data, rows, link, True, page, new_page=i > 0) for i, page in enumerate(pages))


def _listing(data: ComparisonData, row: Listing, code: str) -> list[Summary]:
    return (data.institutions if row is Listing.INSTITUTIONS else data.practices).get(code, [])


class SourceNumbers:
    """Numbers each source a sheet cites, in order of first citation: superscripts in the cells, a list at the foot."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def sup(self, sources: Iterable[SourceRef | Source | _Span]) -> str:
        nums = sorted({self.numbers.setdefault(src.cite(), len(self.numbers) + 1) for src in sources})
        if not nums:
            return ""
        # Runs of three or more as ranges: "17–21", not "17,18,19,20,21".
        runs: list[list[int]] = []
        for n in nums:
            if runs and n == runs[-1][-1] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        parts = [f"{r[0]}–{r[-1]}" if len(r) >= 3 else ",".join(map(str, r)) for r in runs]
        return f"<sup>{','.join(parts)}</sup>"

    def foot_html(self) -> str:
        items = " · ".join(
            f"<b>{n}</b>&nbsp;{escape(cite(ref)).replace(' ', '&nbsp;')}" for ref, n in self.numbers.items()
        )
        head = translate("render", "<b>Sources</b> in the ICPC report (section or appendix, page):")
        return f'<p class="sources">{head} {items}</p>'


def _sheet_cell(country: ComparedCountry, dim: Dimension, refs: SourceNumbers, link: Linker) -> str:
    summary = country.summaries.get(dim)
    if summary is None:
        if not country.dimensions[dim]:
            return f'<span class="missing">{not_covered(capital=True)}</span>'
        # A database from before the short answers: point to the full layout rather than condense here.
        said = country.dimensions[dim]
        gap = translate("render", "No short answer in this database: {n} statement(s) in the full layout")
        return f'<span class="missing">{gap.format(n=len(said))}</span>{refs.sup(s.source for s in said)}'
    if not summary.sources:  # "Not covered in the report", in the page's language
        return f'<span class="missing">{not_covered(capital=True)}</span>'
    return link.html(summary.text) + refs.sup(summary.sources)


class _Span(NamedTuple):
    """Where the report has a country's bodies or practices: one part of it over a run of pages."""

    ref: str
    first: int | None
    last: int | None

    def cite(self) -> str:
        if self.first is None:
            return self.ref
        if self.first == self.last:
            return f"{self.ref}, p. {self.first}"
        return f"{self.ref}, pp. {self.first}–{self.last}"


def _span(sources: Sequence[SourceRef]) -> list[_Span] | list[SourceRef]:
    """The sources as one span ("Chapter III, 6, pp. 76–84") where they share a part, else each."""
    refs = [s.ref for s in sources]
    n = 0
    while all(len(r) > n and r[n] == refs[0][n] for r in refs):
        n += 1
    common = refs[0][:n].rstrip(" .,")  # "Chapter III, 6.1.a" and "Chapter III, 6.2.b": "Chapter III, 6"
    if len(common) < len("Appendix 2"):
        return list(dict.fromkeys(sources))
    pages = [s.page for s in sources if s.page]
    return [_Span(common, min(pages, default=None), max(pages, default=None))]


def _sheet_listing(data: ComparisonData, row: Listing, code: str, refs: SourceNumbers) -> str:
    """How many bodies or practices, and where the report has them: the names are in the full layout."""
    items = _listing(data, row, code)
    if not items:
        return f'<span class="missing">{not_covered(capital=True)}</span>'
    if row is Listing.INSTITUTIONS:
        count = translate("render", "1 body") if len(items) == 1 else translate("render", "{n} bodies")
    else:
        count = translate("render", "1 practice") if len(items) == 1 else translate("render", "{n} practices")
    return f"{count.format(n=len(items))}{refs.sup(_span([s.source for s in items]))}"


def comparison_sheet_html(
    data: ComparisonData,
    rows: Sequence[CompareRow],
    *,
    links: LinkIndex | None = None,
    for_print: bool = False,
    stacked: bool = False,
    breaks: Collection[int] = (),
) -> str:
    """The one-page sheet: a short answer a cell, each with a numbered source listed at the foot.

    ``stacked`` puts each row's name on a line of its own above its cells, for a portrait page
    (a handout): there a column of names left three or four countries so little room that names,
    answers and badges broke inside words ("destinatio|n", "19|95"). The rows numbered in
    ``breaks`` (0: "At a glance", then the chosen rows) begin a new page, in a table of their own
    under the countries again: Qt's tables have no "keep with next", and a page could end on a name.
    """
    link = _linker(links, for_print)
    refs = SourceNumbers()
    n = len(data.countries)
    if stacked:
        col_w, label_w = 100 // max(1, n), 0
    else:
        col_w = (88 if n >= 3 else 84) // max(1, n)
        label_w = 100 - n * col_w  # the label column takes what whole percents leave: the row is 100%
    corner = f'<th width="{label_w}%" class="corner"></th>' if not stacked else ""
    head = corner + "".join(f'<th width="{col_w}%">{escape(c.name)}{refs.sup([c.source])}</th>' for c in data.countries)

    def row_html(label: str, cells: str, css: str = "") -> str:
        tr = f'<tr class="{css}">' if css else "<tr>"
        if stacked:
            return f'<tr class="{css or "named"}"><td class="label" colspan="{n}">{label}</td></tr>{tr}{cells}</tr>'
        return f'{tr}<td class="label">{label}</td>{cells}</tr>'

    body = [
        row_html(
            translate("render", "At a glance"),
            "".join(f"<td>{_badges_html(c, narrow=stacked)}</td>" for c in data.countries),
            "glance",
        )
    ]
    for row in rows:
        if isinstance(row, Listing):
            cells = "".join(f"<td>{_sheet_listing(data, row, c.code, refs)}</td>" for c in data.countries)
        else:
            cells = "".join(f"<td>{_sheet_cell(c, row, refs, link)}</td>" for c in data.countries)
        body.append(row_html(escape(row_label(row)), cells))
    names = ", ".join(c.name for c in data.countries)
    heading = translate("render", "Country comparison")
    title = "" if for_print else f'<h1>{heading}</h1><p class="lead">{escape(names)}</p>'
    tables, start = [], 0
    for end in [*sorted(b for b in set(breaks) if 0 < b < len(body)), len(body)]:
        brk = ' style="page-break-before: always"' if start else ""
        tables.append(
            f'<table class="sheet" width="100%" cellspacing="0" cellpadding="2" border="1"{brk}>'
            f"<thead><tr>{head}</tr></thead>{''.join(body[start:end])}</table>"
        )
        start = end
    return f"{title}{''.join(tables)}{refs.foot_html()}"


def printout_html(body: str, title: str, subtitle: str, date_text: str, footer: str) -> str:
    """A printout as one document (an editable export): its header lines above, the report's reference below."""
    sub = f" — {escape(subtitle)}" if subtitle else ""
    return (
        f'<p class="kind">{escape(date_text)}</p><h1>{escape(title)}</h1>'
        f'<p class="lead">{sub.removeprefix(" — ")}</p>{body}<p class="cite">{escape(footer)}</p>'
    )


TRAINER_NOTE = QT_TRANSLATE_NOOP("render", "Trainer's note")
TRAINER_COPY = QT_TRANSLATE_NOOP("render", "Trainer's copy")


def _trainer_note(label: str, text: str) -> str:
    """A note of the trainer's, set apart and labelled so that nobody takes it for the report's text."""
    paras = [escape(p).replace("\n", "<br/>") for p in text.split("\n\n") if p.strip()]
    if not paras:
        return ""
    body = "".join(f"<p>{p}</p>" for p in paras[1:])
    return (
        '<table class="note" width="100%" cellspacing="0" cellpadding="6"><tr><td>'
        f"<p><b>{escape(translate('render', label))}</b> "
        f'<span class="cite">{translate("render", "(not for participants)")}</span><br/>{paras[0]}</p>'
        f"{body}</td></tr></table>"
    )


def handout_cover_html(
    folder: str,
    today: date,
    toc: Sequence[tuple[str, str]],
    pages: Sequence[int | None] = (),
    notes: str | None = None,
) -> str:
    """A handout's first page: folder name, date, contents (with each entry's page where known).

    ``notes`` (the folder's notes) only in the trainer's copy: None leaves them out.
    """
    rows = []
    for n, (title, ref) in enumerate(toc):
        page = pages[n] if n < len(pages) else None
        rows.append(
            f'<tr><td width="6%">{n + 1}.</td><td>{escape(title)} <span class="cite">— {escape(cite(ref))}</span></td>'
            f'<td width="8%" align="right">{page if page is not None else ""}</td></tr>'
        )
    handout = translate("render", "Handout")
    kind = f"{handout} · {translate('render', TRAINER_COPY)}" if notes is not None else handout
    session = QT_TRANSLATE_NOOP("render", "Trainer's notes for this session")
    note_html = _trainer_note(session, notes) if notes else ""
    page_head = translate("render", "Page")
    head = "<tr><th></th><th></th>" + (f'<th align="right">{page_head}</th>' if pages else "<th></th>") + "</tr>"
    contents = translate("render", "Contents")
    return (
        f'<p class="kind">{kind}</p><h1>{escape(folder)}</h1><p class="lead">{today.isoformat()}</p>'
        f'{note_html}<h2>{contents}</h2><table class="toc" width="100%" cellspacing="0" cellpadding="3">'
        f"{head}{''.join(rows)}</table>"
    )


def handout_item_html(data: PageData, links: LinkIndex, note: str | None = None, *, editorial: bool = False) -> str:
    """A record in a handout: its heading, the trainer's note if asked for, the record for paper.

    HT Desk's editorial notes on the report's text only if asked for (``editorial``).
    """
    rec = data.record
    link = Linker(links, self_id=rec.id, country=_country_of(rec), for_print=True)
    head = _heading(kind_name(rec.kind), data.title, citation_line(rec.source)) + _caveats(data, link)
    return head + (_trainer_note(TRAINER_NOTE, note) if note else "") + _body(data, link, editorial=editorial)


def handout_comparison_html(names: Sequence[str], sheet_html: str, note: str | None = None) -> str:
    """A comparison in a handout: a heading like a record's, the note if asked for, the sheet."""
    head = _heading(
        translate("render", "Country comparison"),
        ", ".join(names),
        translate("render", "ICPC report; each cell cites its section or appendix"),
    )
    return head + (_trainer_note(TRAINER_NOTE, note) if note else "") + sheet_html


def missing_html(record_id: str, title: str) -> str:
    gone = translate("render", "This page is not in this version of the report database ({id}).")
    return f'<h1>{escape(title or record_id)}</h1><p class="missing">{escape(gone.format(id=record_id))}</p>'


# The narrowest a table's column lays out at on screen, in ems of the page's text: narrower, and
# the page scrolls sideways rather than wrap "Interdepartmental" or a country's name mid-word.
COLUMN_MIN_EMS = {"data": 8.0, "compare": 12.0, "sheet": 12.0}
_TABLE_HEAD = re.compile(r'<table class="(data|compare|sheet)"[^>]*>\s*<thead>(.*?)</thead>', re.S)


def min_width_ems(html: str) -> float:
    """The narrowest the page lays out at, in ems (0: any width); set by its widest table."""
    widest = 0.0
    for m in _TABLE_HEAD.finditer(html):
        widest = max(widest, m.group(2).count("<th") * COLUMN_MIN_EMS[m.group(1)])
    return widest


# Text sizes relative to the page's own (CSS keywords, QTextDocument's relative sizes: small is
# 0.8 of the text, large 1.2, x-large 1.5, xx-large 2): zoomed in or out, titles, citations, the
# Source line and the badges all follow the text, never a fixed point size of their own.
SMALL, LARGE, X_LARGE, XX_LARGE = "small", "large", "x-large", "xx-large"


def stylesheet(theme: Theme, *, small_print: str = SMALL) -> str:
    """CSS for QTextDocument (a subset of CSS 2.1); paper sets its own ``small_print`` (a point size)."""
    t, small = theme, small_print
    return f"""
body {{ color: {t.text}; }}
a {{ color: {t.link}; text-decoration: none; }}
h1 {{ font-size: {XX_LARGE}; font-weight: 600; margin-top: 4px; margin-bottom: 6px; }}
h2 {{ font-size: {LARGE}; font-weight: 600; margin-top: 14px; margin-bottom: 4px; color: {t.heading}; }}
h3 {{ font-size: medium; font-weight: 600; margin-top: 10px; margin-bottom: 2px; }}
p {{ margin-top: 3px; margin-bottom: 7px; }}
p.crumbs {{ font-size: {small}; color: {t.muted}; margin-bottom: 0px; }}
p.kind {{ font-size: {small}; color: {t.muted}; text-transform: uppercase; margin-bottom: 0px; }}
p.source {{ font-size: {small}; color: {t.muted}; background-color: {t.panel}; padding: 4px; }}
p.lead {{ font-size: {LARGE}; }}
p.warning {{ background-color: {t.warn_bg}; color: {t.text}; padding: 6px; }}
p.note {{ background-color: {t.panel}; padding: 6px; }}
table.note {{ background-color: {t.warn_bg}; border-color: {t.rule}; border-style: solid; }}
span.cite, p.cite {{ font-size: {small}; color: {t.muted}; }}
.missing {{ color: {t.muted}; font-style: italic; }}
span.badge {{ background-color: {t.badge_bg}; color: {t.badge_text}; font-size: {small}; font-weight: 600; }}
td.label {{ font-weight: 600; color: {t.heading}; }}
table.data th, table.compare th {{ background-color: {t.panel}; font-weight: 600; text-align: left; }}
table.data, table.compare {{ border-color: {t.rule}; border-style: solid; }}
td {{ vertical-align: top; }}
blockquote.quote {{ margin-left: 18px; font-style: italic; }}
ul.footnotes {{ font-size: {small}; color: {t.muted}; }}
p.editorial {{ font-size: {small}; color: {t.muted}; font-style: italic; background-color: {t.panel}; padding: 4px; }}
p.summary {{ background-color: {t.panel}; padding: 3px; }}
p.short {{ margin-bottom: 6px; }}
table.sheet {{ border-color: {t.rule}; border-style: solid; border-collapse: collapse; }}
table.sheet td {{ line-height: 92%; }}
table.sheet th {{ background-color: {t.panel}; color: {t.heading}; font-weight: 600; text-align: left; }}
table.sheet th.corner {{ background-color: {t.background}; }}
table.sheet tr.glance td {{ background-color: {t.panel}; }}
table.sheet tr.named td {{ border-bottom-style: none; }}
p.sources {{ font-size: 8pt; color: {t.text}; margin-top: 6px; }}
"""
