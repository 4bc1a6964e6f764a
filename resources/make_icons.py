"""Render crosscheck.svg to PNGs and pack them into crosscheck.ico and crosscheck.icns.

    .venv/bin/python resources/make_icons.py

Qt draws the PNGs offscreen; both containers are written here by hand (they are a small header
followed by PNG payloads), so no imaging library is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "crosscheck.svg"
PNG_DIR = HERE / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # ICO stores a size in one byte; 0 means 256
# ICNS element types that hold a PNG of the given pixel size.
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512))


def png_path(size: int) -> Path:
    """Where the PNG of that size is kept."""
    return PNG_DIR / f"crosscheck-{size}.png"


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """Draw the SVG at each size; returns PNG bytes by size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: Qt cannot read this SVG")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # str works at run time
        buffer.close()
        out[size] = bytes(data.data())
    del app
    return out


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows ICO container: ICONDIR, one 16-byte entry per image, then the PNGs."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = [], []
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        payload.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(payload)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An Apple ICNS container: 'icns' and the total length, then typed PNG elements."""
    elements = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def main() -> int:
    """Regenerate every icon file from the SVG."""
    pngs = render_pngs(SVG, PNG_SIZES)
    PNG_DIR.mkdir(exist_ok=True)
    for size, data in pngs.items():
        png_path(size).write_bytes(data)
    (HERE / "crosscheck.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (HERE / "crosscheck.icns").write_bytes(icns_bytes(pngs))
    total = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file())
    print(f"wrote {len(pngs)} PNGs, crosscheck.ico and crosscheck.icns ({total // 1024} KiB "
          "in resources/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
