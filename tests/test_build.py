"""The packaged application: icons and desktop metadata, and a real PyInstaller build."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from desktop import __version__
from desktop.smoke import STEPS
from tests.conftest import ROOT

RESOURCES = ROOT / "resources"
MAX_BUNDLE_MB = 250  # a PySide6-Essentials app is ~160 MB; far above means a leak of modules


def _make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", RESOURCES / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _pngs() -> dict[int, bytes]:
    icons = _make_icons()
    return {size: icons.png_path(size).read_bytes() for size in icons.PNG_SIZES}


# ---------------------------------------------------------------- resources


def test_svg_icon_is_well_formed_and_square() -> None:
    root = ET.parse(RESOURCES / "crosscheck.svg").getroot()
    assert root.tag.endswith("svg")
    assert root.get("viewBox") == "0 0 256 256"


def test_png_icons_have_their_sizes() -> None:
    for size, data in _pngs().items():
        assert _png_size(data) == (size, size)


def test_ico_holds_the_pngs_it_was_made_from() -> None:
    icons = _make_icons()
    pngs = _pngs()
    data = (RESOURCES / "crosscheck.ico").read_bytes()
    assert data == icons.ico_bytes({s: pngs[s] for s in icons.ICO_SIZES})
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for index in range(count):
        width, _h, _c, _r, _p, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        size = _png_size(data[offset : offset + length])[0]
        assert (width or 256) == size and bits == 32


def test_icns_lengths_add_up_and_hold_pngs() -> None:
    icons = _make_icons()
    data = (RESOURCES / "crosscheck.icns").read_bytes()
    assert data == icons.icns_bytes(_pngs())
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    position, sizes = 8, []
    while position < len(data):
        length = struct.unpack(">I", data[position + 4 : position + 8])[0]
        sizes.append(_png_size(data[position + 8 : position + length])[0])
        position += length
    assert position == len(data)
    assert sizes == [size for _kind, size in icons.ICNS_TYPES]


def test_desktop_entry_names_the_program_and_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(RESOURCES / "crosscheck.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "Crosscheck"
    assert entry["Exec"].split()[0] == "crosscheck" and entry["Icon"] == "crosscheck"
    assert entry["Categories"].endswith(";") and "application/pdf" in entry["MimeType"]


def test_appstream_metadata_matches_the_app() -> None:
    root = ET.parse(RESOURCES / "io.github.crosscheck.Crosscheck.metainfo.xml").getroot()
    assert root.findtext("id") == "io.github.crosscheck.Crosscheck"
    assert root.findtext("launchable") == "crosscheck.desktop"
    assert (RESOURCES / "crosscheck.desktop").exists()
    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]


def test_resources_stay_small() -> None:
    total = sum(p.stat().st_size for p in RESOURCES.rglob("*") if p.is_file())
    assert total < 300 * 1024


# ---------------------------------------------------------------- the frozen app


def _spec_list(name: str) -> list[str]:
    """A list literal assigned at the top level of build.spec."""
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"build.spec assigns no {name}")


def test_no_qt_module_the_app_imports_is_left_out_of_the_bundle() -> None:
    used = {
        match
        for path in (ROOT / "desktop").rglob("*.py")
        for match in re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8"))
    }
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert used.isdisjoint(_spec_list("QT_UNUSED"))


def _folder_mb(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )  # links point inside


@pytest.mark.timeout(300)
def test_smoke_test_passes_from_the_source_tree(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "desktop", "--smoke-test"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].endswith("smoke test (source)") and lines[-1] == "smoke test passed"
    assert sum(": ok (" in line for line in lines) == len(STEPS)


@pytest.mark.build
@pytest.mark.timeout(600)
def test_frozen_app_passes_its_smoke_test(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "build.spec"),
            "--noconfirm",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "work"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    app = tmp_path / "dist" / "crosscheck"
    internal = app / "_internal"
    assert (internal / "resources" / "crosscheck.svg").exists()
    assert (internal / "seeds" / "reference-rt-drone-deal.txt").exists()
    assert (internal / "desktop" / "core" / "session.schema.json").exists()
    leaked = [
        p.name
        for p in internal.rglob("libQt6*")
        if p.name.startswith(("libQt6Qml", "libQt6Quick", "libQt6Pdf", "libQt6Network"))
    ]
    assert leaked == [], f"unused Qt libraries in the bundle: {leaked}"
    assert _folder_mb(app) < MAX_BUNDLE_MB
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    executable = app / ("crosscheck.exe" if sys.platform == "win32" else "crosscheck")
    run = subprocess.run(
        [str(executable), "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "smoke test passed" in run.stdout
