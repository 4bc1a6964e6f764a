"""Where resources and seeds are, in a checkout and in the frozen (PyInstaller) app."""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder that holds ``resources/`` and ``seeds/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources() -> Path:
    """The application's icons and other bundled files."""
    return root() / "resources"


def seeds() -> Path:
    """The sample comparison: the reference article and the constructed sample reports."""
    return root() / "seeds"


def sample_files() -> list[Path]:
    """The sample comparison's files, the reference first."""
    folder = seeds()
    reference = folder / "reference-rt-drone-deal.txt"
    others = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p != reference and p.name.startswith("report-")
    )
    return [reference, *others]
