"""The installers: the icon set, the Qt trimming rules, and (slow) the real Linux build run from its .deb."""

from __future__ import annotations

import configparser
import importlib.util
import os
import plistlib
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
ICONS = ROOT / "resources" / "icons"


def _load(name: str) -> ModuleType:
    """Import build/<name>.py (build/ holds scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"_htdesk_build_{name}", BUILD / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


qt_trim = _load("qt_trim")
icons = _load("icons")
make = _load("make")


# ------------------------------------------------------------------------------------- trimming rules


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6\\plugins\\generic\\qtuiotouchplugin.dll", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqlinuxfb.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqico.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/lib/libQt6Gui.so.6", True),  # not a plugin: not this rule's business
    ],
)
def test_plugin_rules_keep_what_the_app_uses(dest: str, kept: bool) -> None:
    assert qt_trim.keep_plugin(dest) is kept


def test_only_the_qt_translations_of_our_languages_are_shipped() -> None:
    assert qt_trim.keep_data("PySide6/Qt/translations/qtbase_fr.qm")
    assert not qt_trim.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not qt_trim.keep_data("PySide6/Qt/translations/qtdeclarative_fr.qm")
    assert not qt_trim.keep_data("PySide6\\translations\\qt_help_pt_BR.qm")
    assert qt_trim.keep_data("data/ht.sqlite")
    assert qt_trim.keep_data("resources/icons/htdesk-16.png")


def test_unused_qt_modules_are_excluded_and_used_ones_are_not() -> None:
    excluded = set(qt_trim.python_excludes())
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtSql"} <= excluded
    assert not {f"PySide6.{m}" for m in qt_trim.QT_MODULES_USED} & excluded


def test_the_bundle_keeps_pypdf_and_what_it_imports() -> None:
    # Handouts add their PDF outline with pypdf (output/printing.py): the bundle must carry it, and
    # nothing it imports may be among the modules the spec leaves out (but _hashlib: hashlib falls
    # back to its built-in digests, as the spec's note on it says).
    code = "import sys, pypdf; from pypdf import PdfWriter, PdfReader; print(' '.join(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(proc.stdout.split())
    excluded = set(qt_trim.python_excludes())
    assert "pypdf" not in excluded
    assert not {m for m in loaded if m in excluded or m.split(".")[0] in excluded} - {"_hashlib"}


def test_pruning_drops_libraries_only_a_dropped_plugin_needed() -> None:
    # libqxcb -> libQt6XcbQpa -> libxcb-icccm; the gtk3 theme (already dropped) needed libgtk-3 and
    # libpango, and libpango is also needed by nothing kept; libz is needed by the Python extension.
    needs = {
        "/src/libqxcb.so": ["libQt6XcbQpa.so.6", "libc.so.6"],
        "/src/libQt6XcbQpa.so.6": ["libxcb-icccm.so.4"],
        "/src/libxcb-icccm.so.4": [],
        "/src/zlib.so": ["libz.so.1"],
        "/src/libz.so.1": [],
        "/src/libgtk-3.so.0": ["libpango-1.0.so.0"],
        "/src/libpango-1.0.so.0": [],
    }
    toc = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
        ("libxcb-icccm.so.4", "/src/libxcb-icccm.so.4", "BINARY"),
        ("python3.11/lib-dynload/zlib.so", "/src/zlib.so", "EXTENSION"),
        ("libz.so.1", "/src/libz.so.1", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libpango-1.0.so.0", "/src/libpango-1.0.so.0", "BINARY"),
    ]
    kept, dropped = qt_trim.prune_unreachable(toc, lambda src: needs[src])
    assert sorted(dropped) == ["libgtk-3.so.0", "libpango-1.0.so.0"]
    assert [e[0] for e in kept] == [e[0] for e in toc[:5]]


def test_symlinks_to_dropped_libraries_go_too() -> None:
    datas = [
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("data/ht.sqlite", "/src/ht.sqlite", "DATA"),
    ]
    out = qt_trim.drop_dangling_symlinks(datas, ["PySide6/Qt/lib/libQt6Network.so.6"])
    assert [d[0] for d in out] == ["libQt6Core.so.6", "data/ht.sqlite"]


def test_build_fails_only_for_missing_libraries_of_shipped_binaries() -> None:
    log = (
        "68135 WARNING: Library not found: could not resolve 'libgtk-3.so.0', dependency of "
        "'/venv/PySide6/Qt/plugins/platformthemes/libqgtk3.so'.\n"
        "68136 WARNING: Library not found: could not resolve 'libxcb-icccm.so.4', dependency of "
        "'/venv/PySide6/Qt/plugins/platforms/libqxcb.so'.\n"
    )
    shipped = ["PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/lib/libQt6Gui.so.6"]
    assert make.missing_libraries(log, shipped) == [
        ("libxcb-icccm.so.4", "/venv/PySide6/Qt/plugins/platforms/libqxcb.so")
    ]


# -------------------------------------------------------------------------------------------- icons


def _mean_abs_diff(a, b) -> float:
    from PySide6.QtGui import QImage

    fmt = QImage.Format.Format_ARGB32
    x, y = bytes(a.convertToFormat(fmt).constBits()), bytes(b.convertToFormat(fmt).constBits())
    assert len(x) == len(y)
    return sum(abs(p - q) for p, q in zip(x, y, strict=True)) / len(x)


def test_icon_pngs_are_the_svg_at_every_size(qapp) -> None:
    """resources/icons/ is regenerated from resources/icon.svg: edit the SVG, run build/icons.py."""
    from PySide6.QtGui import QImage

    for size in icons.PNG_SIZES:
        png = QImage(str(ICONS / f"htdesk-{size}.png"))
        assert (png.width(), png.height()) == (size, size)
        if size <= 256:  # larger ones: the same renderer, and comparing 4 MB in Python is slow
            assert _mean_abs_diff(png, icons.render(icons.SOURCE, size)) < 1.0, f"{size} px is stale"


@pytest.mark.parametrize(("name", "sizes"), [("htdesk.ico", icons.ICO_SIZES), ("htdesk.icns", None)])
def test_ico_and_icns_hold_every_size_and_read_back(qapp, name: str, sizes) -> None:
    from PySide6.QtGui import QImageReader

    expected = sizes or sorted({s for _, s in icons.ICNS_TYPES})
    reader = QImageReader(str(ICONS / name))
    assert reader.canRead(), reader.errorString()
    found = []
    for i in range(reader.imageCount()):
        reader.jumpToImage(i)
        image = reader.read()
        assert not image.isNull()
        found.append(image.width())
        # The centre of the icon is the book's white spine area, the corner is transparent.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(image.width() // 2, image.height() // 2).alpha() == 255
    assert sorted(set(found)) == sorted(expected)


def test_ico_bitmaps_are_what_windows_expects(qapp) -> None:
    """Small sizes as 32-bit BMP with a doubled height (XOR + AND mask), 256 px as PNG."""
    import struct

    data = (ICONS / "htdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for i in range(count):
        w, h, _, _, planes, bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        payload = data[offset : offset + length]
        if w == 0:
            assert payload.startswith(b"\x89PNG")
        else:
            size, bw, bh, _, bits = struct.unpack_from("<IiiHH", payload)
            assert (size, bw, bh, bits, planes, bpp) == (40, w, 2 * h, 32, 1, 32)
            mask = ((w + 31) // 32) * 4 * h
            assert length == 40 + w * h * 4 + mask


# ------------------------------------------------------------------------------ installer definitions


def test_desktop_entry_starts_htdesk_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive in desktop entries
    entry.read(BUILD / "linux" / "htdesk.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert (d["Type"], d["Exec"], d["Icon"], d["Terminal"]) == ("Application", "htdesk", "htdesk", "false")
    assert d["Name"] == "HT Desk"
    assert d["Categories"].endswith(";")


def test_inno_setup_script_installs_per_user_with_a_start_menu_entry() -> None:
    iss = (BUILD / "windows" / "htdesk.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss
    assert "DefaultDirName={autopf}\\" in iss
    assert 'Name: "{autoprograms}\\{#AppName}"; Filename: "{app}\\{#AppExe}"' in iss
    assert "OutputBaseFilename=htdesk-{#AppVersion}-setup" in iss


def _validators_say(tmp: Path) -> tuple[str, str]:
    """What desktop-file-validate and appstreamcli validate print about the shipped entry and metainfo."""
    desktop = subprocess.run(["desktop-file-validate", str(tmp / "htdesk.desktop")], capture_output=True, text=True)
    appstream = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", "--strict", str(tmp / make.METAINFO)],
        capture_output=True,
        text=True,
    )
    # appstreamcli always closes with "✔ Validation was successful." (or its failure): the issues are above it.
    issues = [line for line in appstream.stdout.splitlines() if line.strip() and "Validation was" not in line]
    assert appstream.returncode == 0, appstream.stdout + appstream.stderr
    return desktop.stdout + desktop.stderr, "\n".join(issues) + appstream.stderr


def test_desktop_entry_and_metainfo_pass_their_validators_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Debian 12's and Ubuntu 22.04's validators: Version=1.5 was an error there, two main categories a hint."""
    _need("desktop-file-validate")
    _need("appstreamcli")
    monkeypatch.setenv("HTDESK_SCREENSHOTS_URL", "https://raw.githubusercontent.com/o/htdesk/0abc/docs/screenshots")
    shutil.copy2(BUILD / "linux" / "htdesk.desktop", tmp_path / "htdesk.desktop")
    (tmp_path / make.METAINFO).write_text(make.appstream_metainfo("1.2.3"), encoding="utf-8")
    assert _validators_say(tmp_path) == ("", "")


def test_metainfo_lists_the_screenshots_of_the_commit_it_was_built_from(monkeypatch: pytest.MonkeyPatch) -> None:
    import xml.etree.ElementTree as ET

    monkeypatch.setenv("HTDESK_SCREENSHOTS_URL", "https://example.org/shots/")
    root = ET.fromstring(make.appstream_metainfo("1.2.3"))
    images = [e.text for e in root.iter("image")]
    assert images and all(i.startswith("https://example.org/shots/") for i in images)
    for image in images:
        assert (ROOT / "docs" / "screenshots" / image.rsplit("/", 1)[1]).is_file()
    assert root.find("launchable").text == "htdesk.desktop"
    assert root.find("releases/release").get("version") == "1.2.3"
    # Unpublished (no remote, no URL given): no screenshots rather than addresses that lead nowhere.
    monkeypatch.setenv("HTDESK_SCREENSHOTS_URL", "")
    monkeypatch.setattr(make, "_git", lambda *args: "")
    assert ET.fromstring(make.appstream_metainfo("1.2.3")).find("screenshots") is None


def test_info_plist_template_fills_in_version_and_identifier() -> None:
    text = (BUILD / "macos" / "Info.plist").read_text(encoding="utf-8")
    info = plistlib.loads(text.replace("@VERSION@", "9.8.7").replace("@BUNDLE_ID@", "org.x.y").encode())
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == "9.8.7"
    assert info["CFBundleIdentifier"] == "org.x.y"
    assert info["CFBundleIconFile"] == "htdesk.icns"


# ----------------------------------------------------------------------------------------- workflow

WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"


def test_workflow_builds_from_the_constraints_with_actions_pinned_by_commit() -> None:
    import re

    text = WORKFLOW.read_text(encoding="utf-8")
    installs = re.findall(r"pip install (.*)", text)
    assert installs and all("-c constraints.txt" in i for i in installs), installs
    uses = re.findall(r"uses: (\S+)", text)
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    paths = text.split("pull_request:", 1)[1].split("workflow_dispatch:", 1)[0]
    for needed in ("data/**", "constraints.txt", "src/**", "build/**"):
        assert f'"{needed}"' in paths
    # Each OS runs the tests before it packages.
    assert text.index("run: python -m pytest") < text.index("run: python build/make.py")


def test_workflow_builds_both_macos_architectures_and_releases_tags_with_sums() -> None:
    import re

    text = WORKFLOW.read_text(encoding="utf-8")
    macos_arches = re.findall(r"target: macos\n\s+arch: (\w+)", text)
    assert sorted(macos_arches) == ["arm64", "x86_64"]
    release = text.split("\n  release:\n", 1)[1]
    assert "if: startsWith(github.ref, 'refs/tags/v')" in release and "needs: build" in release
    assert "sha256sum -- * > SHA256SUMS" in release and "gh release create" in release


@pytest.mark.parametrize(
    "cmd",
    [
        ["actionlint", str(WORKFLOW)],
        ["zizmor", "--offline", "--no-progress", "-q", str(WORKFLOW)],
    ],
    ids=["actionlint", "zizmor"],
)
def test_workflow_passes_its_linters(cmd: list[str]) -> None:
    """The `lint` extra installs both (.ci/run does); elsewhere the test says what is missing."""
    tool = shutil.which(cmd[0]) or shutil.which(cmd[0], path=str(Path(sys.executable).parent))
    if tool is None:
        _skip_or_fail(f"{cmd[0]} is not installed: pip install -c constraints.txt -e '.[lint]'")
    proc = subprocess.run([tool, *cmd[1:]], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# ------------------------------------------------------------------------------------------- macOS

# `vtool -show-build` of a universal binary: a slice with LC_BUILD_VERSION (whose tool has a "version" of
# its own) and an old one with LC_VERSION_MIN_MACOSX.
VTOOL_SAMPLE = """\
QtCore (architecture x86_64):
Load command 9
      cmd LC_VERSION_MIN_MACOSX
  cmdsize 16
  version 10.15
      sdk 14.2
QtCore (architecture arm64):
Load command 10
      cmd LC_BUILD_VERSION
  cmdsize 32
 platform MACOS
    minos 13.0
      sdk 14.2
   ntools 1
     tool LD
  version 1053.12
Load command 11
      cmd LC_BUILD_VERSION
  cmdsize 32
 platform IOS
    minos 17.0
      sdk 17.2
"""


def test_the_binaries_minimum_macos_is_read_per_slice() -> None:
    assert make.macho_minimums(VTOOL_SAMPLE) == [(10, 15), (13, 0)]


def _plist_minimum() -> tuple[int, ...]:
    text = (BUILD / "macos" / "Info.plist").read_text(encoding="utf-8")
    info = plistlib.loads(text.replace("@VERSION@", "1").replace("@BUNDLE_ID@", "x").encode())
    return tuple(int(p) for p in info["LSMinimumSystemVersion"].split("."))


def test_info_plist_and_install_md_agree_on_the_macos_minimum() -> None:
    """PySide6's wheels are macosx_13_0: the plist may not promise less, and INSTALL.md says what it says."""
    import re

    minimum = _plist_minimum()
    assert minimum >= (13, 0)
    install = (ROOT / "docs" / "INSTALL.md").read_text(encoding="utf-8")
    stated = re.findall(r"^## macOS \((\d+) \w+ or later\)$", install, re.M)
    assert stated == [str(minimum[0])], stated


def test_plist_claiming_less_than_the_binaries_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = tmp_path / "HT Desk.app"
    (app / "Contents" / "MacOS").mkdir(parents=True)
    (app / "Contents" / "MacOS" / "htdesk").write_bytes(b"\xcf\xfa\xed\xfe" + bytes(60))
    monkeypatch.setattr(make.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 0, VTOOL_SAMPLE, ""))
    for claimed, ok in (("11.0", False), ("13.0", True)):
        with (app / "Contents" / "Info.plist").open("wb") as fh:
            plistlib.dump({"LSMinimumSystemVersion": claimed}, fh)
        if ok:
            assert make.check_macos_minimum(app) == "13.0"
        else:
            with pytest.raises(make.BuildError, match=r"needs 13\.0"):
                make.check_macos_minimum(app)
    # Nothing readable (no vtool, no otool output) is a failure, not a pass.
    monkeypatch.setattr(make.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 0, "", ""))
    with pytest.raises(make.BuildError, match="could not read"):
        make.check_macos_minimum(app)


def test_hdiutil_create_is_tried_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def busy_twice(cmd, **kwargs):
        calls.append(cmd)
        if len(calls) < 3:
            raise subprocess.CalledProcessError(1, cmd, "hdiutil: create failed - Resource busy")
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(make, "run", busy_twice)
    monkeypatch.setattr(make.time, "sleep", lambda s: None)
    make.hdiutil_create("HT Desk", tmp_path, tmp_path / "x.dmg")
    assert len(calls) == 3 and calls[0][:2] == ["hdiutil", "create"]


# --------------------------------------------------------------------- slow: the real Linux build


def _skip_or_fail(message: str) -> None:
    """Skip for lack of something installed, or fail where everything must be (HTDESK_REQUIRE_TOOLS).

    .ci/run installs every tool and sets it. Not CI alone: GitHub sets CI on the installers workflow's
    Windows and macOS runners too, which have no Debian tools and no linters, and need none.
    """
    if os.environ.get("HTDESK_REQUIRE_TOOLS"):
        pytest.fail(message)
    pytest.skip(message)


def _need(tool: str) -> None:
    """Skip, or fail under HTDESK_REQUIRE_TOOLS, when a build tool is missing."""
    if shutil.which(tool) is None:
        _skip_or_fail(f"{tool} is not installed (see docs/INSTALL.md, 'What each system needs')")


@pytest.fixture(scope="module")
def linux_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Run `python build/make.py linux` once: the onedir bundle, the .tar.gz and the .deb.

    Into private folders: a developer's dist/ (or another test run's) is never touched.
    """
    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux installers build on Linux")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: pip install -e '.[package]'")
    for tool in ("objdump", "readelf", "dpkg-deb", "Xvfb", "desktop-file-validate", "appstreamcli"):
        _need(tool)
    missing = make.missing_build_packages()
    if missing:
        _skip_or_fail(f"the bundle copies libraries of packages not installed: apt-get install {' '.join(missing)}")
    dist, work = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("pyinstaller")
    proc = subprocess.run(
        [sys.executable, str(BUILD / "make.py"), "linux", "--dist", str(dist), "--work", str(work)],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=ROOT,
        env={
            **os.environ,
            "HTDESK_SCREENSHOTS_URL": "https://raw.githubusercontent.com/o/htdesk/0abc/docs/screenshots",
        },
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    version = make.version()
    return {
        "bundle": dist / "htdesk",
        "deb": next(dist.glob(f"htdesk_{version}_*.deb")),
        "tarball": next(dist.glob(f"htdesk-{version}-linux-*.tar.gz")),
    }


@pytest.fixture(scope="module")
def deb_root(linux_build: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb unpacked into a temporary root, as dpkg would lay it out under /."""
    root = tmp_path_factory.mktemp("debroot")
    subprocess.run(["dpkg-deb", "-x", str(linux_build["deb"]), str(root)], check=True)
    return root


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    h.mkdir()
    return h


def _frozen_env(home: Path, **extra: str) -> dict[str, str]:
    return make.isolated_env(home, HTDESK_USER_DIR=str(home / "htdesk"), **extra)


def _run(cmd: list[str | Path], env: dict[str, str], timeout: int = 180) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(c) for c in cmd], env=env, capture_output=True, text=True, timeout=timeout)
    # No traceback may ever reach a user, frozen or not.
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.mark.slow
def test_bundle_ships_what_the_app_needs_and_not_the_rest(linux_build: dict[str, Path]) -> None:
    internal = linux_build["bundle"] / "_internal"
    names = {p.name for p in internal.rglob("*")}
    # The xcb platform and the libraries PyInstaller would only have warned about.
    assert {"libqxcb.so", "libqoffscreen.so", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"} <= names
    assert {"ht.sqlite", "htdesk.ico", "htdesk-256.png"} <= names
    dropped = {"libqgtk3.so", "libqwayland.so", "libqeglfs.so", "libqvnc.so", "libqlinuxfb.so"}
    dropped |= {"libQt6Network.so.6", "libQt6WaylandClient.so.6", "libgtk-3.so.0", "libcups.so.2"}
    assert not dropped & names
    qm = {n for n in names if n.endswith(".qm")}
    assert qm == {"qtbase_fr.qm", "htdesk_fr.qm", "htdesk_en.qm"}, "Qt's French for its dialogs, and ours"
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()], "dangling symlink"


@pytest.mark.slow
def test_frozen_start_runs_no_script_for_modules_the_app_never_uses(linux_build: dict[str, Path]) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    # The scripts the bootloader runs before ours: PyInstaller adds a runtime hook for each
    # module that needs one, and multiprocessing's imports it (and pickle, sockets...) at every start.
    toc = CArchiveReader(str(linux_build["bundle"] / "htdesk")).toc
    scripts = {name for name, entry in toc.items() if entry[-1] == "s"}
    assert "htdesk_main" in scripts and "pyi_rth_pyside6" in scripts
    assert not {"pyi_rth_multiprocessing", "pyi_rth_pkgutil"} & scripts
    # Nor modules only the database build uses: with ctypes bundled (click and dateutil, through
    # sqlite-utils, import it) the bootstrap imports it, and libffi, at every start.
    modules = CArchiveReader(str(linux_build["bundle"] / "htdesk")).open_embedded_archive("PYZ.pyz").toc
    assert "htdesk.store.report" in modules and "pydantic" in modules
    assert not {"ctypes", "sqlite_utils", "click", "dateutil", "htdesk.build"} & set(modules)


@pytest.mark.slow
def test_sizes_stay_within_the_goals(linux_build: dict[str, Path]) -> None:
    assert make.size_of(linux_build["bundle"]) <= 120e6
    assert make.size_of(linux_build["deb"]) <= 35e6


@pytest.mark.slow
def test_deb_installs_under_opt_with_menu_entry_icons_and_depends(linux_build: dict[str, Path], deb_root: Path) -> None:
    deb = str(linux_build["deb"])
    field = lambda name: subprocess.run(  # noqa: E731
        ["dpkg-deb", "-f", deb, name], check=True, capture_output=True, text=True
    ).stdout.strip()
    assert field("Package") == "htdesk"
    assert field("Version") == make.version()
    depends = {d.split()[0] for d in field("Depends").split(", ")}
    assert {"libc6", "libxcb1", "libgl1", "libegl1", "libfontconfig1", "fontconfig", "libcups2"} <= depends
    assert (deb_root / "opt" / "htdesk" / "htdesk").is_file()
    launcher = deb_root / "usr" / "bin" / "htdesk"
    assert launcher.is_symlink() and launcher.resolve() == (deb_root / "opt" / "htdesk" / "htdesk").resolve()
    assert (deb_root / "usr" / "share" / "applications" / "htdesk.desktop").is_file()
    for size in make.HICOLOR_SIZES:
        assert (deb_root / f"usr/share/icons/hicolor/{size}x{size}/apps/htdesk.png").is_file()
    assert (deb_root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "htdesk.svg").is_file()


@pytest.mark.slow
def test_deb_carries_a_menu_entry_and_metainfo_its_validators_accept(deb_root: Path, tmp_path: Path) -> None:
    share = deb_root / "usr" / "share"
    shutil.copy2(share / "applications" / "htdesk.desktop", tmp_path / "htdesk.desktop")
    shutil.copy2(share / "metainfo" / make.METAINFO, tmp_path / make.METAINFO)
    assert _validators_say(tmp_path) == ("", "")
    assert "/docs/screenshots/home-light.png</image>" in (tmp_path / make.METAINFO).read_text(encoding="utf-8")


@pytest.mark.slow
def test_no_bundled_binary_looks_for_libraries_on_the_build_machine(linux_build: dict[str, Path]) -> None:
    assert make.foreign_runpaths(linux_build["bundle"]) == {}
    # The $ORIGIN ones stay: the Qt libraries find each other through them.
    qt_core = next((linux_build["bundle"] / "_internal").rglob("libQt6Core.so.6"))
    assert make._dynamic_paths(qt_core) == ("RUNPATH", ["$ORIGIN"])


@pytest.mark.slow
def test_deb_is_xz_compressed(linux_build: dict[str, Path]) -> None:
    members = subprocess.run(["ar", "t", str(linux_build["deb"])], check=True, capture_output=True, text=True)
    assert "data.tar.xz" in members.stdout.split()


@pytest.mark.slow
def test_installed_htdesk_without_a_display_says_so(deb_root: Path, home: Path) -> None:
    env = {k: v for k, v in _frozen_env(home).items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    proc = _run([deb_root / "usr" / "bin" / "htdesk"], env)
    assert proc.returncode == 1
    assert proc.stderr.startswith("htdesk: no display:") and "xcb" not in proc.stderr, proc.stderr


@pytest.mark.slow
def test_installed_htdesk_passes_its_self_test_offscreen(deb_root: Path, home: Path) -> None:
    proc = _run([deb_root / "usr" / "bin" / "htdesk", "--self-test"], _frozen_env(home, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "self-test passed" in proc.stderr


@pytest.fixture(scope="module")
def xvfb() -> Iterator[str]:
    _need("Xvfb")
    with make.Xvfb() as server:
        yield server.display


@pytest.mark.slow
def test_installed_htdesk_shows_its_window_under_x11(deb_root: Path, home: Path, xvfb: str) -> None:
    # QT_QPA_PLATFORM unset (make.isolated_env drops QT_*): Qt picks xcb from DISPLAY, as on a desktop.
    env = _frozen_env(home, DISPLAY=xvfb)
    proc = _run([deb_root / "usr" / "bin" / "htdesk", "--quit-after-show"], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Could not load the Qt platform plugin" not in proc.stderr


@pytest.mark.slow
def test_frozen_app_prints_a_comparison_pdf(deb_root: Path, home: Path, bundled_store) -> None:
    from pypdf import PdfReader

    from htdesk.store.pages import country_choices

    (code_a, name_a), (code_b, name_b) = country_choices(bundled_store)[:2]
    out = home / "compare.pdf"
    proc = _run(
        [deb_root / "usr" / "bin" / "htdesk", "compare", code_a, code_b, "--pdf", out],
        _frozen_env(home, QT_QPA_PLATFORM="offscreen"),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert name_a in text and name_b in text


@pytest.mark.slow
def test_frozen_data_commands_answer(deb_root: Path, home: Path) -> None:
    exe = deb_root / "usr" / "bin" / "htdesk"
    env = _frozen_env(home)
    check = _run([exe, "check"], env)
    assert check.returncode == 0 and check.stdout.startswith("OK:"), check.stdout + check.stderr
    search = _run([exe, "search", "trafficking", "--limit", "3"], env)
    assert search.returncode == 0 and search.stdout.count("[") >= 1, search.stdout + search.stderr
    # The bundle carries the database, not what it is built from: said in a line, not a traceback.
    build = _run([exe, "build-db", "--out", str(home / "ht.sqlite")], env)
    assert build.returncode == 1 and "source checkout" in build.stderr, build.stdout + build.stderr
    assert not (home / "ht.sqlite").exists()


@pytest.mark.slow
def test_portable_tarball_runs_where_it_is_unpacked(linux_build: dict[str, Path], tmp_path: Path, home: Path) -> None:
    with tarfile.open(linux_build["tarball"]) as tar:
        tar.extractall(tmp_path / "portable", filter="tar")
    (top,) = (tmp_path / "portable").iterdir()
    assert (top / "htdesk.desktop").is_file() and (top / "htdesk.png").is_file()
    proc = _run([top / "htdesk", "--version"], _frozen_env(home))
    assert proc.returncode == 0 and proc.stdout.strip() == f"HT Desk {make.version()}"
