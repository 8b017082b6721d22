"""Render resources/icon.svg into every icon the installers need, and the toolbar's SVGs into PNGs."""

from __future__ import annotations

import argparse
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icon.svg"
OUT_DIR = ROOT / "resources" / "icons"
TOOLBAR_SOURCES = ROOT / "resources" / "toolbar"
TOOLBAR_OUT = OUT_DIR / "toolbar"
# The toolbar's icon size in Fusion, and twice that: Qt picks "name@2x.png" by itself on high-DPI screens.
TOOLBAR_SIZES = {"": 24, "@2x": 48}

# hicolor theme sizes (Linux), Windows shell sizes (16..256) and the macOS iconset sizes (16..1024).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

# ICNS element types that hold a whole PNG image, by pixel size. icp4/icp5/icp6 and ic07..ic10 are the
# PNG-or-JPEG-2000 types (macOS 10.7+); ic11..ic14 are the @2x variants of the 16/32/128/256 point sizes,
# which is what `iconutil` writes for an .iconset. (docs.rs "icns" crate overview; Pillow's IcnsImagePlugin
# reads exactly these types as PNG.)
ICNS_TYPES: tuple[tuple[bytes, int], ...] = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def _gui_app():
    """A QGuiApplication (offscreen unless a platform is set): QSvgRenderer needs one."""
    import os

    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication.instance() or QGuiApplication([])


def render(svg: Path, size: int):
    """The SVG drawn into a transparent size x size ARGB32 image (straight alpha)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _gui_app()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG document")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    # ICO bitmaps carry straight (non-premultiplied) alpha, and ARGB32 is BGRA in memory on every
    # little-endian machine we build on, which is the byte order a DIB wants.
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buf.close()
    return bytes(data.data())


def _dib(image) -> bytes:
    """A 32-bit BMP as stored inside an ICO: BITMAPINFOHEADER, bottom-up BGRA rows, then the AND mask."""
    w, h = image.width(), image.height()
    raw = bytes(image.constBits())[: image.bytesPerLine() * h]
    stride = image.bytesPerLine()
    rows = [raw[y * stride : y * stride + w * 4] for y in range(h)]
    xor = b"".join(reversed(rows))
    # The AND mask is 1 bpp, rows padded to 32 bits; a set bit means "transparent" for old renderers
    # that ignore the alpha channel.
    mask_stride = ((w + 31) // 32) * 4
    mask_rows = []
    for row in reversed(rows):
        bits = bytearray(mask_stride)
        for x in range(w):
            if row[x * 4 + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    mask = b"".join(mask_rows)
    # biHeight counts XOR + AND bitmaps, hence 2 * h (Microsoft "Icons" format notes).
    header = struct.pack("<IiiHHIIiiII", 40, w, 2 * h, 1, 32, 0, len(xor) + len(mask), 0, 0, 0, 0)
    return header + xor + mask


def ico_bytes(images: Iterable) -> bytes:
    """A Windows .ico: BMP entries up to 128 px (every tool reads those, Inno Setup included), PNG at 256."""
    entries = []
    for image in images:
        size = image.width()
        payload = png_bytes(image) if size >= 256 else _dib(image)
        entries.append((size, payload))
    out = bytearray(struct.pack("<HHH", 0, 1, len(entries)))
    offset = 6 + 16 * len(entries)
    for size, payload in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in ICONDIRENTRY
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
    for _, payload in entries:
        out += payload
    return bytes(out)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns made of PNG elements: 'icns', big-endian total length, then (type, length, data)."""
    body = b"".join(ostype + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for ostype, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def generate(svg: Path = SOURCE, out_dir: Path = OUT_DIR) -> list[Path]:
    """Write htdesk-<size>.png for every size, htdesk.ico and htdesk.icns; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    images = {size: render(svg, size) for size in PNG_SIZES}
    pngs = {size: png_bytes(img) for size, img in images.items()}
    written = []
    for size, data in pngs.items():
        path = out_dir / f"htdesk-{size}.png"
        path.write_bytes(data)
        written.append(path)
    ico = out_dir / "htdesk.ico"
    ico.write_bytes(ico_bytes(images[s] for s in ICO_SIZES))
    icns = out_dir / "htdesk.icns"
    icns.write_bytes(icns_bytes(pngs))
    return [*written, ico, icns]


def generate_toolbar(src_dir: Path = TOOLBAR_SOURCES, out_dir: Path = TOOLBAR_OUT) -> list[Path]:
    """Write <name>.png and <name>@2x.png for every toolbar SVG.

    PNGs rather than the SVGs themselves at run time: loading the SVG plugin, or asking QStyle for
    its standard icons, costs start-up time before the first paint.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for svg in sorted(src_dir.glob("*.svg")):
        for suffix, size in TOOLBAR_SIZES.items():
            path = out_dir / f"{svg.stem}{suffix}.png"
            path.write_bytes(png_bytes(render(svg, size)))
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--svg", type=Path, default=SOURCE)
    p.add_argument("--out", type=Path, default=OUT_DIR)
    args = p.parse_args(argv)
    written = generate(args.svg, args.out)
    if args.out == OUT_DIR:  # the toolbar icons live beside the app icons
        written += generate_toolbar()
    for path in written:
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
