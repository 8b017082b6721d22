"""The French search terms: each English form is the report's own word, and the list covers enough."""

from __future__ import annotations

import re

from htdesk.build.assemble import Content
from htdesk.build.database import french_term_rows
from htdesk.paths import report_path


def test_every_english_form_is_in_the_report(content: Content) -> None:
    text = re.sub(r"\s+", " ", report_path().read_text("utf-8")).casefold()
    missing = [
        e
        for term in content.french_terms
        for e in term.en
        if not re.search(r"(?<![\w-])" + re.escape(e.casefold()) + r"(?![\w-])", text)
    ]
    assert missing == []


def test_at_least_two_hundred_pairs_with_every_glossary_pair(content: Content) -> None:
    rows = dict(french_term_rows(content))
    assert len(rows) >= 200
    glossary_pairs = [(g.expansion_fr, g.expansion_en) for g in content.glossary if g.expansion_fr and g.expansion_en]
    assert len(glossary_pairs) >= 30
    from htdesk.store.crosslang import term_key

    for fr, en in glossary_pairs:
        assert en in rows[term_key(fr)], fr
