"""The real engine on the real thread pool while the user keeps acting: the window ends up
showing exactly the comparison its last settings ask for (the GUI gate, staged views and
superseded comparisons together)."""

from __future__ import annotations

import random

import pytest

from desktop.core.compare import compare_documents
from desktop.ui.mainwindow import MainWindow
from desktop.ui.viewstate import Tab
from desktop.workers.runner import TaskRunner


@pytest.fixture
def corpus(tmp_path):
    from bench.gen import REFERENCE_NAME, SEEDS, generate_reports

    reference = tmp_path / "000-reference.txt"
    reference.write_text((SEEDS / REFERENCE_NAME).read_text(encoding="utf-8"), encoding="utf-8")
    paths = [reference]
    for n, doc in enumerate(generate_reports(24, seed=3)):
        path = tmp_path / f"{n + 1:03d}-report.txt"
        path.write_text(f"{doc.title}\n\n{doc.text}", encoding="utf-8")
        paths.append(path)
    return paths


def test_acting_while_loading_and_comparing_ends_in_a_consistent_window(qtbot, corpus):
    runner = TaskRunner()
    window = MainWindow(runner=runner)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    rng = random.Random(7)
    ws = window.workspace
    try:
        window.add_paths(corpus[:13])
        qtbot.waitUntil(lambda: len(ws.documents) >= 3, timeout=30000)
        ws.cancel()  # mid-load or mid-compare: what was loaded stays
        window.add_paths(corpus[13:])
        for _ in range(12):  # the user keeps going while work runs
            action = rng.choice(["slider", "report", "next", "tab"])
            if action == "slider":
                window.sensitivity.setValue(rng.choice([40, 50, 55, 60, 70]))
            elif action == "report" and ws.comparison is not None and ws.comparison.reports:
                window.side_by_side.show_report(rng.choice(ws.comparison.reports).id)
            elif action == "next":
                window.go(conflicts=rng.random() < 0.5)
            else:
                window.show_tab(rng.choice(list(Tab)))
            qtbot.wait(rng.randrange(5, 60))
        qtbot.waitUntil(
            lambda: (
                not ws.busy
                and ws.comparison is not None
                and ws.comparison.options.threshold == float(window.sensitivity.value())
            ),
            timeout=60000,
        )
        qtbot.wait(400)  # the slider's debounce: nothing more may start
        assert not ws.busy
        shown = ws.comparison
        assert shown.options.threshold == float(window.sensitivity.value())
        reference = next(e.document for e in ws.entries if e.key == ws.reference_key)
        reports = [
            e.document
            for e in ws.entries
            if e.document is not None and e.key != ws.reference_key and e.state.name == "READY"
        ]
        assert [d.id for d in shown.reports] == [d.id for d in reports]
        again = compare_documents(reference, reports, options=shown.options, skipped=shown.skipped)
        assert again == shown  # the comparison on screen is the one these settings give
        assert window.index is not None and window.index.comparison is shown
        assert not runner._gate._watching and runner._gate.is_open()
        window.side_by_side.show_report(shown.reports[-1].id)
        assert window.side_by_side.right.is_filled()
    finally:
        runner.shutdown()
        window.close()
