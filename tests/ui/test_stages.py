"""Staged updates run one step per event-loop turn; a newer run replaces an older one."""

from __future__ import annotations

from desktop.ui.stages import Stages


def test_steps_run_on_later_turns(qtbot):
    stages, seen = Stages(), []
    stages.run([lambda: seen.append(1), lambda: seen.append(2), lambda: seen.append(3)])
    assert seen == [1]
    qtbot.waitUntil(lambda: seen == [1, 2, 3])
    assert not stages.busy


def test_newer_run_drops_the_rest(qtbot):
    stages, seen = Stages(), []
    stages.run([lambda: seen.append("old-1"), lambda: seen.append("old-2")])
    stages.run([lambda: seen.append("new-1"), lambda: seen.append("new-2")])
    qtbot.waitUntil(lambda: not stages.busy)
    assert seen == ["old-1", "new-1", "new-2"]


def test_unstaged_runs_everything_now(qapp):
    stages, seen = Stages(), []
    stages.run([lambda: seen.append(1), lambda: seen.append(2)], staged=False)
    assert seen == [1, 2]


def test_large_comparison_reaches_every_view(qtbot, window, tmp_path, monkeypatch):
    from desktop.ui import mainwindow
    from tests.workers.fakes import write_sample

    monkeypatch.setattr(mainwindow, "STAGE_ABOVE_LINKS", 0)
    window.add_paths(write_sample(tmp_path))
    assert window.side_by_side.report_id is not None  # the first stage ran at once
    qtbot.waitUntil(lambda: not window._stages.busy)
    assert window.matrix.model.rowCount() == len(window.workspace.comparison.claims)
    assert window.selection.statement is not None
