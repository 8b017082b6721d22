"""The French edition: the catalogue is complete and current, and no interface text escapes translation."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from htdesk import i18n

SRC = Path(__file__).resolve().parents[1] / "src" / "htdesk"
TS = SRC.parents[1] / "resources" / "i18n" / "htdesk_fr.ts"
QM = TS.with_suffix(".qm")

# Qt calls (and our own action helpers) whose string arguments a user reads, by position (None:
# every positional argument); each such string must come from tr() / translate().
ALL = None
VISIBLE_CALLS: dict[str, tuple[int, ...] | None] = {
    "QAction": (0,),
    "QLabel": (0,),
    "QPushButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QMenu": (0,),
    "setText": (0,),
    "setWindowTitle": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "addMenu": (0,),
    "addTab": (1,),
    "setTabText": (1,),
    "showMessage": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "addItem": (0,),
    "addToolBar": (0,),
    "setTitle": (0,),
    "warning": (1, 2),
    "information": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "getText": (1, 2),
    "getItem": (1, 2),
    "getSaveFileName": (1,),
    "getOpenFileName": (1,),
    "setHeaderLabels": ALL,
    "setItemText": (1,),
    "addRow": (0,),
    "setButtonText": (1,),
    "addButton": (0,),
    "_action": (0, 3),
    "_message": (1,),
    "_push": (0,),
    "_guarded": (1,),
    "getMultiLineText": (1, 2),
    "ask_multiline": (1, 2),
    "message_box": (2, 3),
    "label": (0,),
    "print_preview": (4,),
    "about": (1, 2),
}
VISIBLE_KEYWORDS = {"tip", "text", "title", "caption", "label"}


HOW_TO = (
    'Interface text goes through self.tr("...") (or QCoreApplication.translate(context, ...); format with '
    '.format(name=...) after tr(), plurals as tr("%n page(s)", "", n)); then run `python build/i18n.py` '
    'and write the French of each new message in resources/i18n/htdesk_fr.ts (no type="unfinished" left), '
    "and run `python build/i18n.py release` again."
)


def _is_text(node: ast.AST) -> bool:
    """A literal a person would read: has a letter in it (an f-string counts if its fixed parts do)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) or _is_text(node.orelse)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and any(c.isalpha() for c in str(v.value)) for v in node.values)
    return False


def untranslated(path: Path) -> list[str]:
    """Each `file:line: call("text")` where a visible Qt call is given a bare string literal."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in VISIBLE_CALLS:
            continue
        places = VISIBLE_CALLS[name]
        args = [a for i, a in enumerate(node.args) if places is None or i in places]
        args += [k.value for k in node.keywords if k.arg in VISIBLE_KEYWORDS]
        for arg in args:
            if _is_text(arg):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {name}({ast.unparse(arg)[:60]})")
    return found


def test_no_interface_text_escapes_translation() -> None:
    # The widgets, and the app's own start-up and error dialogs.
    files = [*sorted((SRC / "ui").rglob("*.py")), SRC / "app.py"]
    offenders = [line for f in files for line in untranslated(f)]
    assert offenders == [], "\n".join([HOW_TO, *offenders])


def test_the_checker_finds_a_bare_string(tmp_path: Path) -> None:
    sample = SRC / "ui" / "_sample_for_test.py"
    try:
        sample.write_text('def f(w):\n    w.setToolTip("Open the page")\n    w.setToolTip(w.tr("Fine"))\n')
        assert untranslated(sample) == ["ui/_sample_for_test.py:2: setToolTip('Open the page')"]
    finally:
        sample.unlink()


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or ""): m.find("translation")
        for c in root.iter("context")
        for m in c.iter("message")
    }


def _finished(tr: ET.Element | None) -> bool:
    if tr is None or tr.get("type") == "unfinished":
        return False
    forms = tr.findall("numerusform")
    if forms:  # a plural: French has two forms (0 and 1 take the singular)
        return len(forms) == 2 and all((f.text or "").strip() for f in forms)
    return bool((tr.text or "").strip())


def test_every_french_message_is_finished() -> None:
    problems = [f"{ctx}: {src!r}" for (ctx, src), tr in _messages(TS).items() if not _finished(tr)]
    assert problems == [], "\n".join([HOW_TO, *problems[:40]])


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_the_catalogue_holds_every_message_of_the_sources(tmp_path: Path) -> None:
    """pyside6-lupdate over today's sources finds no message the committed .ts lacks."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    files = [str(p) for p in sorted(SRC.rglob("*.py"))]
    subprocess.run(
        [_tool("pyside6-lupdate"), *files, "-no-obsolete", "-ts", str(fresh)], check=True, capture_output=True
    )
    assert set(_messages(fresh)) == set(_messages(TS)), HOW_TO


def test_the_compiled_catalogue_is_current(tmp_path: Path) -> None:
    out = tmp_path / "htdesk_fr.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), HOW_TO


@pytest.mark.parametrize(
    ("asked", "saved", "system", "expected"),
    [
        (None, None, "fr_CA", "fr"),
        (None, None, "de_DE", "en"),
        (None, "en", "fr_CA", "en"),
        ("fr", "en", "en_US", "fr"),
        (None, "klingon", "fr_BE.UTF-8", "fr"),
        (None, None, None, "en"),
    ],
)
def test_the_language_chosen(asked: str | None, saved: str | None, system: str | None, expected: str) -> None:
    assert i18n.choose(asked, saved, system) == expected
