"""Test set-up: headless Qt before any Qt import, settings in a temporary folder, gui marker."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BENCHDATA = ROOT.parent / "shared" / "benchdata"

QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester", "window", "main_window"}

pytest_plugins = ["tests.coverage_floors"]  # a whole run fails below the coverage floors


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep QSettings, autosave and data folders out of the real home directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("CROSSCHECK_HEADLESS", "1")
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        # QSettings reads XDG_CONFIG_HOME once per process: point it at this test's folder, or
        # a window closed by an earlier test (the GUI monkey's, say) hands its threshold on.
        settings = qtcore.QSettings
        for fmt in (settings.Format.NativeFormat, settings.Format.IniFormat):
            settings.setPath(fmt, settings.Scope.UserScope, str(home / "config"))


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def pytest_configure(config: pytest.Config) -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))
