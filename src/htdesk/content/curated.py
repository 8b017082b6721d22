"""Read the hand-curated TOML content under data/content/ into validated records."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from htdesk.content.models import (
    Country,
    Figure,
    FrenchTerm,
    GlossaryEntry,
    Institution,
    Practice,
    Record,
    slugify,
)

PageOf = Callable[[int], "int | None"]


class ContentError(Exception):
    """Curated content that does not fit the model; the message names file, record and field."""


def _source(raw: Any, page_of: PageOf, where: str) -> dict[str, Any]:
    """Turn ``{ref, line}`` into ``{ref, page}``: curators cite report lines, pages are derived."""
    if not isinstance(raw, dict):
        raise ContentError(f"{where}: source must be a table {{ref = ..., line = ...}}")
    out = {k: v for k, v in raw.items() if k != "line"}
    if "line" in raw and "page" not in raw:
        out["page"] = page_of(int(raw["line"]))
    return out


def _blocks(raw: Any) -> Any:
    """Plain strings in a body list are paragraphs; tables pass through as blocks."""
    if not isinstance(raw, list):
        return raw
    return [{"type": "p", "text": b} if isinstance(b, str) else b for b in raw]


LINE_REF_RE = re.compile(r"\b(?:lines?|l\.)\s?(\d{1,4})(?:\s?[-–]\s?(\d{1,4}))?")


def lines_to_pages(text: str, page_of: PageOf) -> str:
    """Curators cite report lines in notes; readers need pages: "(line 2298)" -> "(p. 55)"."""

    def repl(m: re.Match[str]) -> str:
        first = page_of(int(m.group(1)))
        last = page_of(int(m.group(2))) if m.group(2) else first
        if first is None:
            return "the front matter"
        return f"p. {first}" if first == last or last is None else f"pp. {first}-{last}"

    return LINE_REF_RE.sub(repl, text)


def _note(raw: Any, page_of: PageOf) -> Any:
    """A note's line citations become pages; a note without a kind is left for the model to refuse."""
    if isinstance(raw, dict) and isinstance(raw.get("text"), str):
        return {**raw, "text": lines_to_pages(raw["text"], page_of)}
    return raw


def _sources_inside(obj: Any, page_of: PageOf, where: str) -> Any:
    """Resolve every nested ``source`` table (statements carry their own) and line citations in notes."""
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k == "source":
                out[k] = _source(v, page_of, where)
            elif k == "see_also" and isinstance(v, list):  # a summary's second citations
                out[k] = [_source(s, page_of, where) for s in v]
            elif k == "notes" and isinstance(v, list):
                out[k] = [_note(n, page_of) for n in v]
            else:
                out[k] = _sources_inside(v, page_of, where)
        return out
    if isinstance(obj, list):
        return [_sources_inside(v, page_of, where) for v in obj]
    return obj


def _validate(model: type[Record], data: dict[str, Any], where: str) -> Record:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(record)"
        raise ContentError(f"{where}: field {field}: {first['msg']}") from None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{path.name}: not valid TOML: {exc}") from None


def load_french_terms(path: Path) -> list[FrenchTerm]:
    """The French search terms (french_terms.toml): each French form and the report's English for it."""
    out: list[FrenchTerm] = []
    for i, raw in enumerate(_read(path).get("term", [])):
        where = f"{path.name} term {i + 1} ({(raw.get('fr') or ['?'])[0]})"
        out.append(_validate(FrenchTerm, raw, where))  # type: ignore[arg-type]
    return out


def load_glossary(path: Path, page_of: PageOf) -> list[GlossaryEntry]:
    out: list[GlossaryEntry] = []
    for i, raw in enumerate(_read(path).get("entry", [])):
        where = f"{path.name} entry {i + 1} ({raw.get('acronym', '?')})"
        data = _sources_inside(dict(raw), page_of, where)
        data.setdefault("id", f"glossary/{slugify(raw.get('acronym') or raw.get('expansion_en') or '')}")
        out.append(_validate(GlossaryEntry, data, where))  # type: ignore[arg-type]
    return out


def load_institutions(path: Path, page_of: PageOf) -> list[Institution]:
    """One file per country: institutions/<code>.toml."""
    code = path.stem
    out: list[Institution] = []
    for i, raw in enumerate(_read(path).get("institution", [])):
        where = f"{path.name} institution {i + 1} ({raw.get('name', '?')})"
        data = _sources_inside(dict(raw), page_of, where)
        slug = data.pop("slug", None) or slugify(raw.get("name", ""))
        data.setdefault("id", f"institution/{code}/{slug}")
        data.setdefault("country", code)
        parent = data.get("parent")
        if parent and "/" not in parent:
            data["parent"] = f"institution/{code}/{parent}"
        data["glossary"] = [g if "/" in g else f"glossary/{g}" for g in data.get("glossary", [])]
        out.append(_validate(Institution, data, where))  # type: ignore[arg-type]
    return out


def load_country(path: Path, page_of: PageOf) -> Country:
    """One file per country: countries/<code>.toml."""
    raw = _read(path)
    code = path.stem
    where = f"{path.name}"
    data = _sources_inside(dict(raw), page_of, where)
    dims = {}
    from htdesk.content.models import Dimension

    for d in Dimension:
        if d.value in data:
            dims[d.value] = data.pop(d.value)
    data["dimensions"] = dims
    data.setdefault("summaries", {})  # so that a file without any gets the model's message naming them
    data.setdefault("code", code)
    data.setdefault("id", f"country/{code}")
    return _validate(Country, data, where)  # type: ignore[return-value]


def load_practices(path: Path, page_of: PageOf) -> list[Practice]:
    out: list[Practice] = []
    for i, raw in enumerate(_read(path).get("practice", [])):
        where = f"{path.name} practice {i + 1} ({raw.get('name', '?')})"
        data = _sources_inside(dict(raw), page_of, where)
        slug = data.pop("slug", None) or slugify(raw.get("name", ""))
        data.setdefault("id", f"practice/{slug}")
        data["description"] = _blocks(data.get("description"))
        out.append(_validate(Practice, data, where))  # type: ignore[arg-type]
    return out


def load_figures(path: Path, page_of: PageOf) -> list[Figure]:
    out: list[Figure] = []
    for i, raw in enumerate(_read(path).get("figure", [])):
        where = f"{path.name} figure {i + 1} ({raw.get('label', '?')})"
        data = _sources_inside(dict(raw), page_of, where)
        data.pop("lines", None)  # used by the section parser to leave figures out of the prose
        data["body"] = _blocks(data.get("body"))
        out.append(_validate(Figure, data, where))  # type: ignore[arg-type]
    return out


def figure_line_ranges(path: Path) -> list[tuple[int, int]]:
    """The report lines each figure occupies, so the section text can leave them out."""
    ranges = []
    for raw in _read(path).get("figure", []):
        if "lines" in raw:
            a, b = raw["lines"]
            ranges.append((int(a), int(b)))
    return ranges


def check_unique(records: Iterable[Record]) -> None:
    seen: set[str] = set()
    for r in records:
        if r.id in seen:
            raise ContentError(f"duplicate id {r.id}")
        seen.add(r.id)


def _main(argv: list[str]) -> int:
    """Validate curated files: ``python -m htdesk.content.curated FILE...``."""
    from htdesk.build.pages import build_page_map
    from htdesk.paths import report_path

    pm = build_page_map(report_path().read_text("utf-8").split("\n"))
    status = 0
    for name in argv:
        p = Path(name)
        try:
            if p.name == "glossary.toml":
                recs: list[Record] = list(load_glossary(p, pm.page_of))
            elif p.parent.name == "institutions":
                recs = list(load_institutions(p, pm.page_of))
            elif p.parent.name == "countries":
                recs = [load_country(p, pm.page_of)]
            elif p.name == "practices.toml":
                recs = list(load_practices(p, pm.page_of))
            elif p.name == "figures.toml":
                recs = list(load_figures(p, pm.page_of))
            else:
                print(f"{name}: unknown kind of content file")
                status = 1
                continue
            check_unique(recs)
            print(f"{name}: {len(recs)} records OK")
        except ContentError as exc:
            print(f"{name}: {exc}")
            status = 1
    return status


if __name__ == "__main__":
    import sys

    raise SystemExit(_main(sys.argv[1:]))
