"""Reading records from the report database: a damaged record is a store error the app can explain."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from htdesk.content.kinds import Kind
from htdesk.store.report import DatabaseCorrupt, ReportStore


def test_a_record_reads_the_same_as_model_and_as_stored_data(store: ReportStore) -> None:
    rec = store.record("institution/no/kom")
    kind_and_data = store.record_data("institution/no/kom")
    assert rec is not None and kind_and_data is not None
    assert kind_and_data[0] is Kind.INSTITUTION and kind_and_data[1]["name"] == rec.name
    assert store.record("institution/no/nothing-here") is None
    assert store.record_data("institution/no/nothing-here") is None


@pytest.mark.parametrize("damage", ["kind = 'pamphlet'", "data = '{not json'"])
def test_a_damaged_record_is_a_store_error_both_ways(built_db: Path, tmp_path: Path, damage: str) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(built_db, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute(f"UPDATE records SET {damage} WHERE id = 'institution/no/kom'")  # fixed text
    damaged = ReportStore(copy)
    try:
        with pytest.raises(DatabaseCorrupt, match="institution/no/kom"):
            damaged.record("institution/no/kom")
        with pytest.raises(DatabaseCorrupt, match="institution/no/kom"):
            damaged.record_data("institution/no/kom")
    finally:
        damaged.close()
