"""The child process of test_crash_recovery: the real app with the sample comparison, reviewed
by a timer once the comparison is on screen, then left running until the test kills it.

Run as ``python -m tests.ui.crash_child OUT.json``; it writes OUT.json (the autosave path and
the decisions made) when the review is done. Test-only: the shipped app has no such hook.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> int:
    """Start the real app (``crosscheck --sample``) with a review driver beside it."""
    out = Path(sys.argv[1])
    from desktop.workers.qtguard import make_singletons_immortal

    make_singletons_immortal()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.__main__ import main as app_main
    from desktop.ui.mainwindow import MainWindow
    from tests.ui.persisthelp import review

    app = QApplication([sys.argv[0]])  # run_app reuses it
    timer = QTimer()
    timer.setInterval(100)

    def poll() -> None:
        window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None or window.workspace.busy or window.workspace.comparison is None:
            return
        timer.stop()
        decisions = review(window)
        out.write_text(
            json.dumps(
                {
                    "autosave": str(window.autosave.path),
                    "documents": [d.id for d in window.workspace.documents],
                    "decisions": [
                        [
                            d.reference,
                            d.other,
                            d.action.value,
                            d.verdict.value if d.verdict else None,
                            d.note,
                        ]
                        for d in decisions
                    ],
                }
            ),
            encoding="utf-8",
        )

    timer.timeout.connect(poll)
    timer.start()
    return app_main(["--sample"])


if __name__ == "__main__":
    sys.exit(main())
