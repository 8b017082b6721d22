"""The store gathers what pages need and never imports the renderer (render imports the store)."""

from __future__ import annotations

import ast
from pathlib import Path

import htdesk.store

STORE = Path(htdesk.store.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_no_store_module_imports_the_renderer() -> None:
    bad = sorted(f"{p.name}: {m}" for p in STORE.glob("*.py") for m in _imports(p) if m.startswith("htdesk.render"))
    assert bad == []


def test_rendered_pages_live_with_the_renderer_not_the_store_or_the_build() -> None:
    from htdesk.render.pages import rendered_pages
    from htdesk.store import pages

    assert not hasattr(pages, "rendered_pages")
    assert rendered_pages.__module__ == "htdesk.render.pages"


def test_the_check_of_an_installed_app_needs_nothing_from_the_build() -> None:
    """The frozen app leaves htdesk.build out, and --self-test runs the check: nothing on that path imports it."""
    import subprocess
    import sys

    code = (
        "import sys; from htdesk.store.check import check_database; from htdesk.render.pages import rendered_pages; "
        "from htdesk.store.report import ReportStore; from htdesk.paths import database_path; "
        "problems = check_database(ReportStore(database_path()), rendered_pages); "
        "sys.exit(2 if problems else 1 if any(m.startswith('htdesk.build') for m in sys.modules) else 0)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
