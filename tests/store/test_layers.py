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


def test_rendered_pages_live_with_the_build() -> None:
    from htdesk.build.rendered import rendered_pages
    from htdesk.store import pages

    assert not hasattr(pages, "rendered_pages")
    assert rendered_pages.__module__ == "htdesk.build.rendered"
