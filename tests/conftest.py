"""Shared fixtures: a report database built by the real build code, user-data folders, Qt set-up."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt tests run without a display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from htdesk.build.assemble import Content, load_content
from htdesk.build.database import write_database
from htdesk.paths import content_dir, database_path, report_path
from htdesk.store.report import ReportStore


@pytest.fixture(scope="session")
def content() -> Content:
    """Every record, parsed and validated from the project's own sources."""
    return load_content(report_path(), content_dir())


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory, content: Content) -> Path:
    """A fresh database built from the content by the real build code."""
    return write_database(content, tmp_path_factory.mktemp("db") / "ht.sqlite")


@pytest.fixture(scope="session")
def store(built_db: Path) -> Iterator[ReportStore]:
    s = ReportStore(built_db)
    yield s
    s.close()


@pytest.fixture(scope="session")
def bundled_store() -> Iterator[ReportStore]:
    """The committed data/ht.sqlite, as it ships."""
    s = ReportStore(database_path())
    yield s
    s.close()


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private user-data folder, so tests never touch the real one."""
    d = tmp_path / "user"
    d.mkdir()
    monkeypatch.setenv("HTDESK_USER_DIR", str(d))
    return d
