"""The core, the exports and the CLI never load Qt (STYLE.md: the arrows point one way)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CODE = """
import sys, pkgutil, importlib
import desktop.core, desktop.export, desktop.cli
for pkg in (desktop.core, desktop.export):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(info.name)
import desktop.core as c
for name in ("load_document", "split_statements", "judge_pair", "compare_documents"):
    getattr(c, name)
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "PyQt")))
print(",".join(qt))
"""


@pytest.mark.timeout(60)
def test_core_export_cli_load_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt modules loaded: {result.stdout}"


def test_version_flag() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("Crosscheck ")
