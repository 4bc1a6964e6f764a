"""run_app opens the window with the sample or the given files (event loop stubbed)."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from desktop import app
from desktop.logfile import log_path
from desktop.ui.mainwindow import MainWindow
from tests.workers.fakes import write_sample


def test_parse_arguments():
    assert app._parse(["--sample"]) == (True, [])
    assert app._parse(["a.txt", "b.docx"]) == (False, ["a.txt", "b.docx"])


def test_run_app_opens_files_then_exits(qapp, monkeypatch, tmp_path):
    seen = {}
    # other tests' windows may linger: hold them, so that no new window can reuse their id()
    earlier = list(QApplication.topLevelWidgets())

    def fake_exec():
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and all(w is not e for e in earlier)
        )
        seen["entries"] = len(window.workspace.entries)
        seen["hook"] = sys.excepthook
        seen["log"] = log_path()
        window.runner.shutdown()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    paths = write_sample(tmp_path)
    assert app.run_app([str(p) for p in paths]) == 0
    assert seen["entries"] == 3
    assert seen["hook"] is not sys.excepthook  # installed while running, removed after
    # the log went to the data folder (redirected to a temporary one by tests/conftest.py)
    assert str(seen["log"]).startswith(os.environ["XDG_DATA_HOME"])
    assert "INFO crosscheck [MainThread]: Crosscheck" in seen["log"].read_text(encoding="utf-8")
    assert log_path() is None  # taken off again when the app returns


def test_windowed_app_without_stderr_logs_to_its_file_only(monkeypatch):
    import logging

    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(sys, "stderr", None)  # what a windowed bundle has
    app._log_to_console()
    assert root.handlers == []
    monkeypatch.setattr(sys, "stderr", sys.__stderr__)
    app._log_to_console()
    assert [h.level for h in root.handlers] == [logging.INFO]  # our debug lines stay in the file
