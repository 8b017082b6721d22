"""What the frozen HT Desk keeps of PySide6: the Qt modules, plugins and translations it uses, nothing more.

Used by build/htdesk.spec and build/baseline.spec (so the start-time baseline is trimmed the same way) and
read by tests/test_packaging.py. Pure data and TOC filtering: no PyInstaller import at module level.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

# The PySide6 modules the app imports. Everything else in the wheel is excluded from the analysis, so neither
# the Python binding nor its Qt library nor its plugins get collected. QtNetwork (and with it the tls and
# networkinformation plugins) is the big one: HT Desk is offline by design.
# QtSvg is not among them: only build/icons.py renders SVG, at build time, in the developer's environment.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")

QT_MODULES_EXCLUDED = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDBus",
    "QtDesigner",
    "QtGraphs",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvg",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)

# Python packages that the analysis would otherwise pull in through optional imports of the stdlib or of
# our dependencies, and that HT Desk never uses at run time.
# pydantic.v1 carries a hypothesis plugin, which would drag the whole of hypothesis (2 MB) into the bundle.
# (Excluding pydantic.v1 whole would fight pydantic's own hook, which lists its modules as hidden imports.)
PYTHON_EXCLUDED = (
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc_data",
    "test",
    "lib2to3",
    "xmlrpc",
    "IPython",
    "pydantic.v1._hypothesis_plugin",
    "hypothesis",
    "pytest",
    "_pytest",
    # Offline by design: no TLS. The stdlib modules that mention ssl import it inside try/except, and
    # hashlib falls back to its built-in digests without _hashlib. Saves libssl + libcrypto (5.4 MB).
    "ssl",
    "_ssl",
    "_hashlib",
    # Reached only through typing_extensions' @deprecated on a coroutine function (asyncio ->
    # concurrent.futures -> multiprocessing), which nothing we ship has. Bundled, multiprocessing
    # brings PyInstaller's runtime hooks for it and pkgutil, which import it at every start: ~18 ms.
    "asyncio",
    "concurrent",
    "multiprocessing",
    # Building the database (`htdesk build-db`) needs the report's text and data/content, which the bundle
    # does not carry: the installed app reads the database it ships. sqlite-utils would bring click, pluggy
    # and dateutil, and click and dateutil bring ctypes, which PyInstaller's bootstrap imports at every
    # start when it is bundled (libffi included).
    "htdesk.build",
    "sqlite_utils",
)

# System libraries left to the system on Linux rather than bundled (the .deb depends on their packages,
# computed by make.py from what the bundle links against). Each is on every desktop Linux, and a bundled
# copy does harm:
# - libcups must speak the local CUPS daemon's protocol; it drags in gnutls, krb5, avahi, p11-kit (7 MB).
#   Without it (a bare tarball install) Qt skips the CUPS plugin and still prints to PDF.
# - libstdc++/libgcc_s: the system's Mesa driver, loaded into our process through the system libGL, needs
#   the system's (newer) libstdc++; a bundled older one makes GL drivers fail to load.
# - fontconfig/freetype: a bundled fontconfig older than the system's fonts.conf prints errors and finds
#   no fonts (ActivityWatch's aw-qt.spec drops both for that reason).
# - dbus (with systemd, gcrypt, lz4 behind it) must match the session bus; glib is the desktop's event
#   loop library.
LINUX_SYSTEM_LIBS = (
    "libcups.so.2",
    "libstdc++.so.6",
    "libgcc_s.so.1",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libdbus-1.so.3",
    "libglib-2.0.so.0",
    "libgthread-2.0.so.0",
)

# Qt plugins kept, by plugin type and by name (file name without "lib" prefix and extension). Any plugin
# type not listed is dropped whole: generic (evdev, tuiotouch), egldeviceintegrations, the wayland-* types,
# tls, networkinformation, sqldrivers, qmltooling, designer, vectorimageformats, ...
QT_PLUGINS_KEPT: dict[str, frozenset[str]] = {
    # xcb for X11 (and XWayland), cocoa and windows for the other two; offscreen for `--self-test` on a
    # machine without a display. Dropped: wayland, eglfs, linuxfb, vnc, minimal, minimalegl, vkkhrdisplay.
    "platforms": frozenset({"qxcb", "qoffscreen", "qwindows", "qcocoa"}),
    # GL integrations for xcb, tiny; without them Qt warns on every start under X11.
    "xcbglintegrations": frozenset({"qxcb-glx-integration", "qxcb-egl-integration"}),
    # The xdg portal theme gives native file dialogs on Flatpak/portal desktops. Dropped: gtk3, whose
    # plugin drags in libgtk-3, gdk, pango, cairo, atk (not even installed on a build machine).
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # No imageformats or iconengines: the app reads only PNG (toolbar and window icons), which QtGui reads
    # itself. Without the SVG icon engine Qt's icon-theme lookup takes PNG theme icons or its own built-in
    # ones. The .ico and .icns are read by Windows and macOS from the installers, never by Qt. (Each plugin
    # kept is also one more file Qt reads the metadata of when the first icon is made, at start-up.)
    # Dead keys / accented input in the search box (compose), and input methods for users who type with one.
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}),
    # Printing to a real printer on Linux goes through CUPS.
    "printsupport": frozenset({"cupsprintersupport"}),
    # Native widget styles on Windows and macOS.
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"}),
}

# Qt's own translations shipped: qtbase (print, file and message dialogs, standard buttons) for each
# language HT Desk speaks besides English (htdesk.i18n.LANGUAGES); none of Qt's other catalogues.
QT_TRANSLATIONS_KEPT: tuple[str, ...] = ("qtbase_fr.qm",)

# PySide6 wheels put plugins and translations in PySide6/Qt/ on Linux and macOS, in PySide6/ on Windows.
_PLUGIN_RE = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/(?P<type>.+)/(?P<file>[^/]+)$")
_TRANSLATION_RE = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/(?P<file>[^/]+\.qm)$")
_LIB_EXT_RE = re.compile(r"\.(so(\.\d+)*|dll|dylib)$")


def python_excludes() -> list[str]:
    """The module names for Analysis(excludes=...)."""
    return [f"PySide6.{m}" for m in QT_MODULES_EXCLUDED] + list(PYTHON_EXCLUDED)


def plugin_name(file_name: str) -> str:
    """'libqxcb.so' -> 'qxcb', 'qwindows.dll' -> 'qwindows', 'libqcocoa.dylib' -> 'qcocoa'."""
    stem = _LIB_EXT_RE.sub("", file_name)
    return stem[3:] if stem.startswith("lib") else stem


def plugin_of(dest: str) -> tuple[str, str] | None:
    """(plugin type, plugin name) if dest is a Qt plugin inside the bundle, else None."""
    m = _PLUGIN_RE.search(PurePosixPath(dest.replace("\\", "/")).as_posix())
    if not m:
        return None
    return m["type"], plugin_name(m["file"])


def keep_plugin(dest: str) -> bool:
    found = plugin_of(dest)
    if found is None:
        return True
    kind, name = found
    return name in QT_PLUGINS_KEPT.get(kind, frozenset())


def keep_data(dest: str) -> bool:
    """False for Qt translation files we do not ship."""
    m = _TRANSLATION_RE.search(dest.replace("\\", "/"))
    if not m:
        return True
    return m["file"] in QT_TRANSLATIONS_KEPT


def filter_plugins(toc: Iterable[tuple[str, str, str]]) -> tuple[list, list[str]]:
    """(binaries without the dropped Qt plugins, the dest names dropped)."""
    kept, dropped = [], []
    for entry in toc:
        (kept if keep_plugin(entry[0]) else dropped).append(entry)
    return kept, [e[0] for e in dropped]


def filter_datas(toc: Iterable[tuple[str, str, str]]) -> tuple[list, list[str]]:
    kept, dropped = [], []
    for entry in toc:
        (kept if keep_data(entry[0]) else dropped).append(entry)
    return kept, [e[0] for e in dropped]


def drop_system_libs(toc: Iterable[tuple[str, str, str]]) -> tuple[list, list[str]]:
    """Binaries without the LINUX_SYSTEM_LIBS (which the .deb's Depends then names)."""
    kept, dropped = [], []
    for entry in toc:
        name = PurePosixPath(entry[0].replace("\\", "/")).name
        (dropped if name in LINUX_SYSTEM_LIBS else kept).append(entry)
    return kept, [e[0] for e in dropped]


def prune_unreachable(
    toc: Iterable[tuple[str, str, str]], needed_by: Callable[[str], Iterable[str]]
) -> tuple[list, list[str]]:
    """Drop shared libraries (and the top-level symlinks to them) that no kept binary needs any more.

    The hooks collect a plugin's link-time dependencies before the spec can drop the plugin, so dropping the
    gtk3 theme alone would still ship the ~20 libraries it drags in. Roots are the Python extensions, the
    kept Qt plugins and the Python library; every other BINARY survives only if a root needs it, directly
    or through other kept libraries. needed_by(path) must return the DIRECT dependencies (DT_NEEDED
    sonames): `ldd` would report the closure resolved on the build machine, including what a dropped
    library needed.
    """
    entries = list(toc)

    def name_of(entry: tuple[str, str, str]) -> str:
        return PurePosixPath(entry[0].replace("\\", "/")).name

    def is_root(entry: tuple[str, str, str]) -> bool:
        typecode = entry[2]
        if typecode == "SYMLINK":
            return False
        return typecode != "BINARY" or plugin_of(entry[0]) is not None or name_of(entry).startswith("libpython")

    files = {name_of(e): e for e in entries if e[2] != "SYMLINK"}
    reachable: set[str] = set()
    queue = [e for e in entries if is_root(e)]
    seen: set[str] = set()
    while queue:
        entry = queue.pop()
        if entry[1] in seen:
            continue
        seen.add(entry[1])
        for dep in needed_by(entry[1]):
            name = PurePosixPath(dep).name
            if name in files and name not in reachable:
                reachable.add(name)
                queue.append(files[name])
    kept, dropped = [], []
    for entry in entries:
        (kept if is_root(entry) or name_of(entry) in reachable else dropped).append(entry)
    return kept, [e[0] for e in dropped]


def drop_dangling_symlinks(datas: Iterable[tuple[str, str, str]], dropped: Iterable[str]) -> list:
    """Datas without the SYMLINK entries that point at a dropped binary.

    PyInstaller links every library collected in a subfolder into the top-level folder too, and files
    those links in a.datas: (link name, relative target, 'SYMLINK').
    """
    gone = {posixpath.normpath(d.replace("\\", "/")) for d in dropped}
    out = []
    for dest, src, typecode in datas:
        if typecode == "SYMLINK":
            parent = posixpath.dirname(dest.replace("\\", "/"))
            if posixpath.normpath(posixpath.join(parent, src.replace("\\", "/"))) in gone:
                continue
        out.append((dest, src, typecode))
    return out


def trim_analysis(analysis, report: Path) -> None:
    """Apply every filter above to a PyInstaller Analysis in place; write what was dropped/kept to report."""
    import sys

    analysis.binaries, dropped_plugins = filter_plugins(analysis.binaries)
    analysis.datas, dropped_datas = filter_datas(analysis.datas)
    dropped_libs: list[str] = []
    if sys.platform.startswith("linux"):
        # Only on Linux do the dropped plugins drag in system libraries (gtk3 -> gtk, gdk, pango, cairo...),
        # and only there is the run-time linker's view simple enough (DT_NEEDED) to prune safely; on macOS a
        # framework has an Info.plist and symlinks that codesign checks.
        analysis.binaries, dropped_libs = drop_system_libs(analysis.binaries)
        analysis.binaries, unreachable = prune_unreachable(analysis.binaries, elf_needed)
        dropped_libs += unreachable
    analysis.datas = drop_dangling_symlinks(analysis.datas, dropped_plugins + dropped_libs)
    sections = {
        "# plugins dropped": dropped_plugins,
        "# libraries dropped": dropped_libs,
        "# data dropped": dropped_datas,
        "# binaries kept": [e[0] for e in analysis.binaries],
    }
    report.parent.mkdir(parents=True, exist_ok=True)
    lines = [line for header, items in sections.items() for line in (header, *sorted(items))]
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")


def elf_needed(path: str) -> list[str]:
    """The DT_NEEDED entries of an ELF file, read with binutils' objdump (which PyInstaller needs anyway)."""
    import subprocess

    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False).stdout
    return re.findall(r"^\s+NEEDED\s+(\S+)$", out, re.MULTILINE)
