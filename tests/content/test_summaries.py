"""Country summaries: one short, sourced answer per dimension, the report's own words condensed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from htdesk.__main__ import main
from htdesk.build.assemble import Content
from htdesk.build.pages import build_page_map
from htdesk.content.curated import ContentError, load_country
from htdesk.content.models import NOT_COVERED_SUMMARY, Dimension, DimensionSummary, Source
from htdesk.paths import content_dir, report_path

PAGES = build_page_map(report_path().read_text("utf-8").split("\n"))
SOURCE = {"ref": "Chapter III, 1.3", "page": 38}


# -- the model -------------------------------------------------------------------------------------
def test_a_summary_of_thirty_words_passes_thirty_one_do_not() -> None:
    assert DimensionSummary(text=" ".join(["word"] * 30), source=SOURCE)
    with pytest.raises(ValueError, match="at most 30 words, this one has 31"):
        DimensionSummary(text=" ".join(["word"] * 31), source=SOURCE)


def test_only_not_covered_goes_without_a_source() -> None:
    assert DimensionSummary(text=NOT_COVERED_SUMMARY).sources == []
    with pytest.raises(ValueError, match="needs a source"):
        DimensionSummary(text="Yes, since 1995")
    with pytest.raises(ValueError, match="cites no source"):
        DimensionSummary(text=NOT_COVERED_SUMMARY, source=SOURCE)


def test_sources_lists_the_main_citation_first() -> None:
    s = DimensionSummary(text="2008 per one; 2009 per the other", source=SOURCE, see_also=[{"ref": "Appendix 8"}])
    assert s.sources == [Source(**SOURCE), Source(ref="Appendix 8")]


# -- the loader ------------------------------------------------------------------------------------
def _country_file(tmp_path: Path, summaries: str) -> Path:
    """Belgium's file with its summaries replaced."""
    text = (content_dir() / "countries" / "be.toml").read_text("utf-8")
    kept = [block for block in text.split("\n\n") if not block.lstrip().startswith("[summaries.")]
    path = tmp_path / "countries" / "be.toml"
    path.parent.mkdir()
    path.write_text("\n\n".join(kept) + "\n\n" + summaries, "utf-8")
    return path


def test_loader_turns_summary_lines_into_pages(tmp_path: Path) -> None:
    path = _country_file(
        tmp_path,
        '[summaries.nap]\ntext = "Yes, since 1995"\nsource = { ref = "Chapter III, 1.3", line = 1229 }\n'
        'see_also = [{ ref = "Chapter III, comparison table", line = 2819 }]\n',
    )
    nap = load_country(path, PAGES.page_of).summaries[Dimension.NAP]
    assert [s.cite() for s in nap.sources] == [
        f"Chapter III, 1.3, p. {PAGES.page_of(1229)}",
        f"Chapter III, comparison table, p. {PAGES.page_of(2819)}",
    ]


@pytest.mark.parametrize(
    ("summary", "message"),
    [
        ('[summaries.nap]\ntext = "Yes"\n', "be.toml: field summaries.nap: Value error, a summary needs a source"),
        (
            '[summaries.related_strategies]\ntext = "Yes"\nsource = { ref = "x", line = 1229 }\n',
            f"no statements on related_strategies, so '{NOT_COVERED_SUMMARY}'",
        ),
        (
            f'[summaries.nap]\ntext = "{NOT_COVERED_SUMMARY}"\n',
            "says 'Not covered in the report' but nap has statements",
        ),
        ('[summaries.napp]\ntext = "Yes"\n', "be.toml: field summaries.napp"),
    ],
)
def test_a_wrong_summary_is_named_in_one_line(tmp_path: Path, summary: str, message: str) -> None:
    with pytest.raises(ContentError, match=message.replace("(", r"\(").replace(")", r"\)")) as err:
        load_country(_country_file(tmp_path, summary), PAGES.page_of)
    assert "\n" not in str(err.value)


# -- the content and the export --------------------------------------------------------------------
WRITTEN = ["be", "no"]


def test_written_countries_have_all_ten(content: Content) -> None:
    for c in content.countries:
        if c.code in WRITTEN:
            assert list(c.summaries) == list(Dimension), c.code


def test_export_carries_each_summary_with_text_and_source(
    capsys: pytest.CaptureFixture[str], built_db: Path, content: Content
) -> None:
    assert main(["--db", str(built_db), "export"]) == 0
    exported = {c["code"]: c for c in json.loads(capsys.readouterr().out)["countries"]}
    for c in content.countries:
        assert set(exported[c.code]["summaries"]) == {d.value for d in c.summaries}
        for d, s in c.summaries.items():
            out = exported[c.code]["summaries"][d.value]
            assert out["text"] == s.text
            assert out["source"] == (s.source.model_dump() if s.source else None)
            assert out["see_also"] == [x.model_dump() for x in s.see_also]
