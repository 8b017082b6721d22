"""Every record's page rendered as the reading pane shows it: the build's pages table and `htdesk check` read it."""

from __future__ import annotations

from htdesk.render.html import page_html
from htdesk.store.pages import link_index, page_data
from htdesk.store.report import ReportStore


def rendered_pages(store: ReportStore) -> list[dict[str, str]]:
    """Every record's page as the reading pane shows it, by the one renderer (htdesk.render.html).

    Made when the database is built (its pages table) and by `htdesk check` to hold that table to it.
    Here, not in the store (the store gathers what a page needs and the renderer writes it: the store
    importing the renderer made a circle), nor in htdesk.build, which the installed app leaves out and
    whose check (`--self-test`) runs this.
    """
    links = link_index(store)
    pages = []
    for record_id in store.record_ids():
        data = page_data(store, record_id)
        if data is not None:
            pages.append({"id": record_id, "html": page_html(data, links)})
    return pages
