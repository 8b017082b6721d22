"""Pages rendered when the database is built: one per record, exactly what the renderer makes of it."""

from __future__ import annotations

from htdesk.render.html import page_html
from htdesk.store.pages import link_index, page_data
from htdesk.store.report import ReportStore


def test_every_record_has_its_rendered_page(store: ReportStore) -> None:
    links = link_index(store)
    ids = store.record_ids()
    assert len(ids) == sum(store.counts().values())
    for record_id in ids:
        data = page_data(store, record_id)
        assert data is not None, record_id
        assert store.page(record_id) == page_html(data, links), record_id


def test_a_stored_page_is_the_record_with_its_links_and_source(store: ReportStore) -> None:
    page = store.page("institution/no/kom")
    assert page is not None
    assert "<h1>National Coordinating Unit for Victims of Trafficking (KOM)</h1>" in page
    assert "Source: ICPC report, Appendix 4, p. 107" in page  # every page cites where it comes from
    assert '<a href="ht:country/no">Norway</a>' in page  # breadcrumbs
    assert '<a href="ht:glossary/kom" title="National Coordination Unit' in page  # acronyms link, with tooltips
    assert store.page("institution/no/nowhere") is None
