"""Widget-test fixtures: a main window on a synchronous runner and the fake engine."""

from __future__ import annotations

import pytest

from desktop.ui.mainwindow import MainWindow
from desktop.workers.runner import SyncRunner
from tests.workers.fakes import fake_engine, write_sample


@pytest.fixture
def window(qtbot):
    """An empty main window whose work runs synchronously."""
    win = MainWindow(runner=SyncRunner(), engine=fake_engine())
    qtbot.addWidget(win)
    win.resize(1300, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def loaded(window, tmp_path):
    """The window with the three-text sample loaded and compared."""
    window.sample_paths = write_sample(tmp_path)
    window.add_paths(window.sample_paths)
    assert window.workspace.comparison is not None
    return window
