"""Retake the window screenshots in docs/images from the sample comparison.

Run under a real X server so the window has its native frame and fonts, with fresh settings:
    HOME=$(mktemp -d) xvfb-run -a -s "-screen 0 1600x1000x24" \\
        .venv/bin/python scripts/screenshots.py
It opens the sample, walks to a conflict, and grabs the side-by-side view, the details, the claim
matrix and the Preferences dialog. A developer's tool; the app never runs it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop import paths
from desktop.ui.mainwindow import MainWindow
from desktop.ui.persistence import open_preferences
from desktop.ui.viewstate import Tab

OUT = Path(__file__).resolve().parent.parent / "docs" / "images"


def _wait(app: QApplication, ms: int) -> None:
    done: list[bool] = []
    QTimer.singleShot(ms, lambda: done.append(True))
    while not done:
        app.processEvents()


def _save(widget: QWidget, name: str) -> None:
    path = OUT / name
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = MainWindow()
    window.show()
    window.add_paths(paths.sample_files())
    for _ in range(600):  # the comparison runs on the worker pool
        _wait(app, 50)
        if window.workspace.comparison is not None and not window.workspace.comparing:
            break
    _wait(app, 500)
    combo = window.side_by_side.report_combo
    combo.setCurrentIndex(min(1, combo.count() - 1))  # a report with conflicts in the sample
    _wait(app, 300)
    window.go(conflicts=True)
    _wait(app, 500)
    _save(window, "side-by-side.png")
    details = window.findChild(QWidget, "detailsDock")
    _save(details if details is not None else window, "details.png")
    window.show_tab(Tab.MATRIX)
    _wait(app, 500)
    _save(window, "matrix.png")
    window.show_tab(Tab.PAIR)
    dialog = open_preferences(window)
    _wait(app, 500)
    _save(dialog, "preferences.png")
    dialog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
