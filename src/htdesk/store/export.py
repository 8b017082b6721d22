"""The stable JSON view of every record in the database (`htdesk export`)."""

from __future__ import annotations

import json
from typing import Any

from htdesk.content.models import EXPORT_KEYS, Kind
from htdesk.store.report import ReportStore


def export_json(store: ReportStore) -> dict[str, Any]:
    """{"meta": {...}, "sections": [...], ..., "practices": [...]}; empty kinds are empty lists."""
    meta: dict[str, Any] = dict(store.meta())
    if "counts" in meta:
        meta["counts"] = json.loads(meta["counts"])
    doc: dict[str, Any] = {"meta": meta}
    for kind in Kind:
        doc[EXPORT_KEYS[kind]] = []
    for row in store.query("SELECT kind, title, data FROM records ORDER BY rowid"):
        data = json.loads(row["data"])
        item = {"id": data.pop("id"), "title": row["title"], **data}
        doc[EXPORT_KEYS[Kind(row["kind"])]].append(item)
    return doc
